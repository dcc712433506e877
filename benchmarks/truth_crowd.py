"""Benchmark: crowdsourced labels, a truth-discovery shape the auditor was not built for.

The setting of Dawid & Skene ("Maximum likelihood estimation of observer error-rates using the
EM algorithm", Applied Statistics 28(1) 1979) and of the survey by Zheng, Li, Li, Shan, Cheng
("Truth inference in crowdsourcing: is the problem solved?", PVLDB 10(5) 2017): many sources
(300 workers) each answering few items (2,000 items, each answered by 5-7 workers drawn at
random; a worker answers 5 to 400 items, a long tail), four questions an item:

- `sentiment`: one of five classes (positive 40 %, negative 25 %, neutral 20 %, mixed 10 %,
  irrelevant 5 %), a wrong worker choosing a neighbouring class more often than a far one;
- `outdoor`: yes or no;
- `people`: how many people the photo shows (1-150), an estimate right within 10 %, which
  careful workers round ("about 50") when the crowd is large;
- `species`: a free-text bird name ("Northern Cardinal", "northern cardinal.", "Northern-
  Cardinal"), wrong answers a similar species.

Workers of known accuracies: experts (0.95), ordinary workers (0.7-0.8), spammers answering
at random, one adversarial worker answering wrongly on purpose, a colluding group of four who
take the same items and copy one another's answers (their leader right 55 % of the time), and
workers who always answer the majority class ("positive", "yes", a dozen people, a common
bird). Two layouts: the main platform's results as one wide CSV per batch (MTurk's columns,
`WorkerId`, `Input.item`, `Answer.*`; "yes"/"no"), and a second platform's workers as one long
TSV of (worker, item, question, answer) rows (its questions `Q1`..`Q4`, its yes/no "1"/"0").
Missing answers: blank cells, "N/A", and the crowd's own "can't tell" and "not sure".

The configuration (`auditor.toml`) declares both layouts and the four attributes from the
README alone; the gold (`gold.json`) is read only here. The script runs `auditor check
--config auditor.toml --format json` (learned resolution, then `resolution = "vote"`) and
scores report.json per attribute (the class, yes/no, the label text folded for case and
punctuation, the count within 10 %; an unresolved item counts wrong), beside a plain majority
over the answers as generated (parsed perfectly). It scores the learned reliabilities against
each worker's true share of right answers (mean absolute error over the workers, and Spearman's
rank correlation; all workers, those of fewer than 20 items and the others) and the confidences'
ECE, and a vote weighing each answer by its worker's true accuracy on the question.

    python benchmarks/truth_crowd.py [--seeds 1 2 3] [--out /tmp/h-unseen4/crowd]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
import string
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from generated_check import run_auditor
from scipy.stats import spearmanr

ATTRIBUTES = ("sentiment", "outdoor", "people", "species")
CLASSES = ("positive", "negative", "neutral", "mixed", "irrelevant")
PRIOR = (0.40, 0.25, 0.20, 0.10, 0.05)
SPECIES = ["Northern Cardinal", "Blue Jay", "American Robin", "Mourning Dove", "House Sparrow",
           "Song Sparrow", "Black-capped Chickadee", "Carolina Wren", "Downy Woodpecker",
           "Hairy Woodpecker", "Red-bellied Woodpecker", "American Goldfinch", "House Finch",
           "Purple Finch", "Dark-eyed Junco", "White-throated Sparrow", "Tufted Titmouse",
           "White-breasted Nuthatch", "Red-winged Blackbird", "Common Grackle",
           "European Starling", "Cedar Waxwing", "Eastern Bluebird", "Barn Swallow",
           "Tree Swallow", "Great Blue Heron", "Mallard", "Canada Goose", "Bald Eagle",
           "Red-tailed Hawk", "Cooper's Hawk", "Sharp-shinned Hawk", "Great Horned Owl",
           "Barred Owl", "Ruby-throated Hummingbird", "Northern Mockingbird", "Gray Catbird",
           "Brown Thrasher", "Eastern Phoebe", "Yellow Warbler"]
COMMON_BIRD = "House Sparrow"  # what the majority-class workers always answer
TOLERANCE = 0.10  # an estimate of people is right within 10 %
N_ITEMS, N_WORKERS = 2000, 300


@dataclass(frozen=True)
class Worker:
    name: str
    kind: str  # expert, ordinary, spammer, majority, adversary, colluder
    accuracy: float  # the chance of a right answer (a spammer's and a copier's: nominal)
    platform: str  # "mturk" (wide batches) or "other" (the long file)


# ------------------------------------------------------------------ the truth and the crowd


def items(rng: random.Random) -> dict[str, dict]:
    truth = {}
    for i in range(N_ITEMS):
        people = max(1, round(np.exp(rng.uniform(0, np.log(150)))))
        truth[f"img-{i:05d}"] = {
            "sentiment": rng.choices(CLASSES, PRIOR)[0],
            "outdoor": "yes" if rng.random() < 0.6 else "no",
            "people": people,
            "species": rng.choice(SPECIES),
        }
    return truth


def workers(rng: random.Random) -> list[Worker]:
    kinds = (["expert"] * 15 + ["spammer"] * 30 + ["majority"] * 10 + ["adversary"]
             + ["colluder"] * 4)
    kinds += ["ordinary"] * (N_WORKERS - len(kinds))
    out = []
    for k, kind in enumerate(kinds):
        name = "A" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(12))
        accuracy = {"expert": 0.95, "ordinary": rng.uniform(0.7, 0.8), "spammer": 0.0,
                    "majority": 0.0, "adversary": 0.0, "colluder": 0.55}[kind]
        platform = "other" if (k % 10 in (3, 7) and kind != "colluder") else "mturk"
        out.append(Worker(name, kind, accuracy, platform))
    return out


def loads(rng: random.Random, crowd: list[Worker], total: int) -> np.ndarray:
    """Answers per worker: a long tail from 5 to 400 summing to about `total`."""
    raw = np.array([rng.paretovariate(1.1) for _ in crowd])
    scale = 1.0
    for _ in range(60):  # the scale that makes the clipped loads sum to the total
        load = np.clip(np.round(5 * raw * scale), 5, 400)
        scale *= total / load.sum()
    load = np.clip(np.round(5 * raw * scale), 5, 400)
    for k, w in enumerate(crowd):
        if w.kind == "adversary":
            load[k] = 150
        if w.kind == "colluder":
            load[k] = 120
    return load


def assign(rng: random.Random, crowd: list[Worker], truth: dict) -> dict[str, list[int]]:
    """Item -> the workers answering it: 5-7 each, drawn in proportion to what each worker has
    left to answer; the colluders take the same 120 items together."""
    ids = list(truth)
    per_item = {item: rng.choice((5, 6, 6, 7)) for item in ids}
    left = loads(rng, crowd, sum(per_item.values())).astype(float)
    colluders = [k for k, w in enumerate(crowd) if w.kind == "colluder"]
    shared = set(rng.sample(ids, int(left[colluders[0]])))
    np_rng = np.random.default_rng(rng.randrange(2**32))
    out = {}
    for item in ids:
        chosen = list(colluders) if item in shared else []
        weight = left.copy()
        weight[colluders] = 0.0
        weight[chosen] = 0.0
        need = per_item[item] - len(chosen)
        weight = np.maximum(weight, 0.05)  # a worker past its load may still take one
        weight[colluders] = 0.0
        chosen += list(np_rng.choice(len(crowd), need, replace=False, p=weight / weight.sum()))
        left[chosen] -= 1
        out[item] = [int(k) for k in chosen]
    return out


def _wrong(attribute: str, t, rng: random.Random):
    """A wrong answer of the kind workers really give."""
    if attribute == "sentiment":
        at = CLASSES.index(t)
        others = [c for c in CLASSES if c != t]
        near = [1.0 / abs(CLASSES.index(c) - at) for c in others]
        return rng.choices(others, near)[0]
    if attribute == "outdoor":
        return "no" if t == "yes" else "yes"
    if attribute == "people":
        factor = rng.choice((0.5, 0.6, 0.7, 1.4, 1.6, 2.0))
        off = round(t * factor)
        return off if abs(off - t) > TOLERANCE * t + 1 else t + rng.choice((2, 3, 5))
    if attribute == "species":
        at = SPECIES.index(t)  # a neighbour in the list: a similar bird
        return SPECIES[(at + rng.choice((-2, -1, 1, 2))) % len(SPECIES)]
    raise ValueError(attribute)


def _random(attribute: str, rng: random.Random):
    if attribute == "sentiment":
        return rng.choice(CLASSES)
    if attribute == "outdoor":
        return rng.choice(("yes", "no"))
    if attribute == "people":
        return rng.randint(1, 150)
    return rng.choice(SPECIES)


def _estimate(t: int, rng: random.Random) -> int:
    """A careful estimate of a count: exact when small, else often rounded ("about 50")."""
    if t >= 20 and rng.random() < 0.4:
        rounded = 5 * round(t / 5)
        return rounded if abs(rounded - t) <= TOLERANCE * t else t
    return t


def answer(worker: Worker, attribute: str, t, rng: random.Random):
    if worker.kind == "spammer":
        return _random(attribute, rng)
    if worker.kind == "majority":
        return {"sentiment": "positive", "outdoor": "yes", "people": 12,
                "species": COMMON_BIRD}[attribute]
    if worker.kind == "adversary":
        return _wrong(attribute, t, rng)
    if rng.random() < worker.accuracy:
        return _estimate(t, rng) if attribute == "people" else t
    return _wrong(attribute, t, rng)


def generate(seed: int):
    """The truth, the crowd, and every answer: (worker index, item) -> attribute -> value
    (None: no answer; "?": the worker could not tell)."""
    rng = random.Random(f"crowd/{seed}")
    truth = items(rng)
    crowd = workers(rng)
    answers: dict[tuple[int, str], dict] = {}
    leader: dict[str, dict] = {}
    for item, chosen in assign(rng, crowd, truth).items():
        for k in chosen:
            w = crowd[k]
            if w.kind == "colluder" and item in leader:  # copy the first colluder's answers
                answers[(k, item)] = dict(leader[item])
                continue
            got = {}
            for a in ATTRIBUTES:
                u = rng.random()
                if u < 0.03:
                    got[a] = None
                elif u < 0.05 and a in ("sentiment", "species") and w.kind != "majority":
                    got[a] = "?"
                else:
                    got[a] = answer(w, a, truth[item][a], rng)
            if w.kind == "colluder":
                leader[item] = got
            answers[(k, item)] = got
    return truth, crowd, answers


# ------------------------------------------------------------------ the files


def _species_text(name: str, rng: random.Random) -> str:
    """A typed bird name: case, a stray full stop, hyphens for spaces, spaces doubled."""
    pick = rng.random()
    if pick < 0.25:
        return name.lower()
    if pick < 0.35:
        return name.upper()
    if pick < 0.45:
        return name + "."
    if pick < 0.55:
        return name.replace(" ", "-")
    if pick < 0.6:
        return " " + name.replace(" ", "  ")
    return name


def cell(platform: str, attribute: str, v, rng: random.Random) -> str:
    if v is None:
        return rng.choice(("", "N/A"))
    if v == "?":
        return rng.choice(("can't tell", "not sure"))
    if attribute == "sentiment":
        return v.capitalize() if platform == "mturk" else v
    if attribute == "outdoor":
        return v if platform == "mturk" else {"yes": "1", "no": "0"}[v]
    if attribute == "people":
        return str(v)
    return _species_text(v, rng)


MTURK = ["HITId", "WorkerId", "AssignmentStatus", "WorkTimeInSeconds", "Input.item",
         "Answer.sentiment", "Answer.outdoor", "Answer.people", "Answer.species"]
QUESTIONS = {"sentiment": "Q1", "outdoor": "Q2", "people": "Q3", "species": "Q4"}


def write(out: Path, truth: dict, crowd: list[Worker], answers: dict, seed: int,
          retype: bool = False) -> None:
    """The files; `retype`: the colluders type the answers they copy, each in its own way."""
    rng = random.Random(f"files/{seed}")
    (out / "data" / "batches").mkdir(parents=True)
    ids = list(truth)
    batch_of = {item: 1 + i * 4 // len(ids) for i, item in enumerate(ids)}
    rows: dict[int, list] = defaultdict(list)
    long_rows = []
    pasted: dict[str, list[str]] = {}  # a colluding group pastes one text of each answer
    for (k, item), got in answers.items():
        w = crowd[k]
        if w.platform == "mturk":
            cells = [cell("mturk", a, got[a], rng) for a in ATTRIBUTES]
            if w.kind == "colluder" and not retype:
                cells = pasted.setdefault(item, cells)
            rows[batch_of[item]].append(
                [f"3H{rng.randrange(10**10):010d}", w.name, "Approved",
                 rng.randint(20, 300), item] + cells)
        else:
            for a in ATTRIBUTES:
                if got[a] is None and rng.random() < 0.5:
                    continue  # a long file often has no row for a question left blank
                long_rows.append([w.name, item, QUESTIONS[a], cell("other", a, got[a], rng)])
    for batch, batch_rows in sorted(rows.items()):
        rng.shuffle(batch_rows)
        with open(out / "data" / "batches" / f"Batch_{4410 + batch}_results.csv", "w",
                  newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(MTURK)
            writer.writerows(batch_rows)
    rng.shuffle(long_rows)
    with open(out / "data" / "other_platform.tsv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter="\t")
        writer.writerow(["worker", "item", "question", "answer"])
        writer.writerows(long_rows)
    (out / "gold.json").write_text(json.dumps(truth, indent=1))


# What a user writes after reading the README (tables, attribute kinds and tolerances).
CONFIG = """\
# Crowdsourced labels from two platforms (benchmarks/truth_crowd.py).

[[tables]]
path = "data/batches/Batch_*_results.csv"
source = { column = "WorkerId" }
entity = ["Input.item"]
missing = ["can't tell", "not sure"]
[tables.columns]
"Answer.sentiment" = "sentiment"
"Answer.outdoor" = "outdoor"
"Answer.people" = "people"
"Answer.species" = "species"

[[tables]]
path = "data/other_platform.tsv"
source = { column = "worker" }
entity = ["item"]
attribute = { column = "question" }
value = { column = "answer" }
missing = ["can't tell", "not sure"]
[tables.columns]
Q1 = "sentiment"
Q2 = "outdoor"
Q3 = "people"
Q4 = "species"

[attributes.sentiment]
kind = "choice"

[attributes.outdoor]
kind = "choice"

[attributes.people]
kind = "count"
tolerance = "10%"

[attributes.species]
kind = "text"

[aliases.outdoor]
yes = ["1"]
no = ["0"]
"""


# ------------------------------------------------------------------ scoring


def _fold(text) -> str:
    return re.sub(r"[\W_]+", " ", str(text).casefold()).strip()


def right(attribute: str, value, gold) -> bool:
    if value is None:
        return False
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if attribute == "people":
        try:
            return abs(float(value) - gold) <= TOLERANCE * gold + 1e-9
        except (TypeError, ValueError):
            return False
    if attribute == "outdoor":
        value = {"1": "yes", "0": "no"}.get(_fold(value), value)
    return _fold(value) == _fold(gold)


def resolved_of(report: dict) -> dict[tuple[str, str], tuple[object, float | None]]:
    """(item, attribute) -> (the resolved value, its confidence)."""
    return {(r["entity"], r["attribute"]): (r["value"], r.get("confidence"))
            for r in report["resolved"]}


def majority(answers: dict) -> dict[tuple[str, str], tuple[object, None]]:
    """A plain vote over the answers as generated (parsed perfectly), ties to the first."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (_, item), got in answers.items():
        for a in ATTRIBUTES:
            if got[a] is not None and got[a] != "?":
                votes[(item, a)][got[a]] += 1
    return {key: (c.most_common(1)[0][0], None) for key, c in votes.items()}


FALSE_VALUES = {"sentiment": len(CLASSES) - 1, "outdoor": 1, "people": 50,
                "species": len(SPECIES) - 1}


def oracle(answers: dict, crowd: list[Worker], truth: dict) -> dict[tuple[str, str], tuple]:
    """Each answer weighed by its worker's true accuracy on the question, ln(n·A / (1 − A))
    (the one-coin Dawid-Skene vote with the accuracies known; counts compared exactly)."""
    hits: dict[tuple[int, str], list[bool]] = defaultdict(list)
    for (k, item), got in answers.items():
        for a in ATTRIBUTES:
            if got[a] is not None and got[a] != "?":
                hits[(k, a)].append(right(a, got[a], truth[item][a]))
    weight = {key: float(np.log(FALSE_VALUES[key[1]] * np.clip(np.mean(h), 0.01, 0.99)
                                / (1 - np.clip(np.mean(h), 0.01, 0.99))))
              for key, h in hits.items()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for (k, item), got in answers.items():
        for a in ATTRIBUTES:
            if got[a] is not None and got[a] != "?":
                votes[(item, a)][got[a]] += weight[(k, a)]
    return {key: (c.most_common(1)[0][0], None) for key, c in votes.items()}


def score(resolved: dict, gold: dict) -> dict[str, float]:
    figures = {}
    for a in ATTRIBUTES:
        hits = [right(a, resolved.get((item, a), (None,))[0], g[a]) for item, g in gold.items()]
        figures[a] = float(np.mean(hits))
    figures["all"] = float(np.mean([figures[a] for a in ATTRIBUTES]))
    return figures


def ece(resolved: dict, gold: dict, bins: int = 10) -> float:
    pairs = [(conf, right(a, value, gold[item][a]))
             for (item, a), (value, conf) in resolved.items() if conf is not None]
    if not pairs:
        return float("nan")
    conf = np.array([p[0] for p in pairs], dtype=float)
    hit = np.array([p[1] for p in pairs], dtype=float)
    which = np.minimum((conf * bins).astype(int), bins - 1)
    return float(sum((which == b).sum() * abs(hit[which == b].mean() - conf[which == b].mean())
                     for b in range(bins) if (which == b).any()) / len(hit))


def true_accuracy(crowd: list[Worker], answers: dict, truth: dict) -> dict[str, tuple[float, int]]:
    """Each worker's share of right answers over all it answered, and how many items."""
    hits: dict[str, list[bool]] = defaultdict(list)
    done: Counter = Counter()
    for (k, item), got in answers.items():
        done[crowd[k].name] += 1
        for a in ATTRIBUTES:
            if got[a] is not None and got[a] != "?":
                hits[crowd[k].name].append(right(a, got[a], truth[item][a]))
    return {name: (float(np.mean(h)), done[name]) for name, h in hits.items()}


def reliability_error(report: dict, truth_acc: dict) -> dict[str, float]:
    learnt = {s["source"]: s["reliability"] for s in report.get("sources", [])}
    out = {}
    for label, least, most in (("all", 0, 10**9), ("<20 items", 0, 19), ("20+", 20, 10**9)):
        names = [n for n, (_, count) in truth_acc.items()
                 if n in learnt and least <= count <= most]
        est = np.array([learnt[n] for n in names])
        true = np.array([truth_acc[n][0] for n in names])
        out[f"MAE {label}"] = float(np.abs(est - true).mean())
        out[f"rho {label}"] = float(spearmanr(est, true).statistic)
    return out


def per_kind(report: dict, crowd: list[Worker], truth_acc: dict) -> dict[str, tuple[float, float]]:
    """Per kind of worker: the mean learnt reliability and the mean true accuracy."""
    learnt = {s["source"]: s["reliability"] for s in report.get("sources", [])}
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for w in crowd:
        if w.name in learnt and w.name in truth_acc:
            groups[w.kind].append((learnt[w.name], truth_acc[w.name][0]))
    return {k: (float(np.mean([p[0] for p in v])), float(np.mean([p[1] for p in v])))
            for k, v in sorted(groups.items())}


def run(seed: int, base: Path, retype: bool = False) -> dict:
    out = base / f"seed-{seed}"
    shutil.rmtree(out, ignore_errors=True)
    truth, crowd, answers = generate(seed)
    write(out, truth, crowd, answers, seed, retype)
    (out / "auditor.toml").write_text(CONFIG)
    gold = json.loads((out / "gold.json").read_text())
    truth_acc = true_accuracy(crowd, answers, gold)
    result = {"answers": len(answers), "claims": sum(
        v is not None for got in answers.values() for v in got.values())}
    result["majority"] = score(majority(answers), gold)
    result["oracle"] = score(oracle(answers, crowd, gold), gold)
    for method in ("vote", "learned"):
        path, took = run_auditor(out, method, CONFIG)
        report = json.loads(path.read_text(encoding="utf-8"))
        resolved = resolved_of(report)
        result[method] = score(resolved, gold)
        result[f"{method} ECE"] = ece(resolved, gold)
        result[f"{method} s"] = took
        if method == "learned":
            result["reliability"] = reliability_error(report, truth_acc)
            result["kinds"] = per_kind(report, crowd, truth_acc)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--out", type=Path, default=Path("/tmp/h-unseen4/crowd"))
    parser.add_argument("--retype", action="store_true",
                        help="the colluders retype what they copy (no shared text)")
    options = parser.parse_args()
    print(f"{'seed / method':<24}" + "".join(f"{a:>11}" for a in (*ATTRIBUTES, "all"))
          + f"{'ECE':>8}")
    for seed in options.seeds:
        r = run(seed, options.out, options.retype)
        print(f"seed {seed}: {N_ITEMS} items, {N_WORKERS} workers, {r['answers']:,} answers, "
              f"{r['claims']:,} claims; files in {options.out}/seed-{seed}")
        for method in ("majority", "oracle", "vote", "learned"):
            label = {"majority": "majority (generated)", "oracle": "true accuracies"}.get(
                method, f"auditor, {method}")
            ece_text = f"{r[f'{method} ECE']:>8.3f}" if f"{method} ECE" in r else ""
            print(f"  {label:<22}" + "".join(f"{r[method][a]:>11.3f}"
                                           for a in (*ATTRIBUTES, "all")) + ece_text)
        print("  reliabilities: " + ", ".join(f"{k} {v:.3f}" for k, v in r["reliability"].items()))
        print("  per kind (learnt / true): " + ", ".join(
            f"{k} {a:.2f}/{b:.2f}" for k, (a, b) in r["kinds"].items()))
        print(f"  auditor check wall time: vote {r['vote s']:.1f} s, learned "
              f"{r['learned s']:.1f} s (shared 2-core machine: noisy)")


if __name__ == "__main__":
    main()
