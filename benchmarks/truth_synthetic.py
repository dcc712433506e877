"""Benchmark: resolution on made-up truth-discovery data of shapes the public sets do not have.

The public benchmarks (truth_bench.py) are three data sets; the method must hold on others. This
script generates, at fixed seeds, sources of known accuracy stating values of items, writes each
data set as a CSV table and its configuration, runs `auditor check --config FILE --format json`
on it (learned resolution, then `resolution = "vote"`) and scores the `resolved` list against
the generated truth. It prints, per shape, the majority vote's accuracy, the auditor's, and an
oracle's: a vote weighted with each source's TRUE accuracy (log-odds), copiers left out — about
the best any method could do without knowing more; then the auditor's expected calibration error
(ECE, 10 bins) and the mean absolute error of its estimated reliabilities against the sources'
true accuracies.

Shapes:
- dense codes: 1,500 items, 25 sources of accuracy 0.35-0.95, each covering 10-90 % of the items;
  wrong values drawn from three codes per item (false values that coincide, as in real data);
  4 sources copy one poor source 90 % of the time.
- sparse codes: 3,000 items, 40 sources covering 2-12 % each (two or three sources an item),
  accuracies 0.3, 0.4, 0.5, 0.9 or 0.95 (a reliable minority), 4 copiers.
- dense counts: integers, wrong by 10, 100 or 1,000 (near misses that an exact kind must not merge).
- noisy numbers: every source writes the truth with up to 0.4 % of noise, wrong ones 3-30 % off;
  the attribute's tolerance is 1 %: close values must support each other.
- two attributes: 12 sources, half of them right 90 % of the time on the first attribute and
  40 % on the second, the other half the other way round (accuracy per attribute; scored on
  both attributes together, no copiers).

    python benchmarks/truth_synthetic.py [--seed 1] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Shape:
    name: str
    items: int
    sources: int
    accuracy: tuple[float, float] | tuple[float, ...]  # a range, or the choices
    cover: tuple[float, float]
    kind: str  # the attribute's kind
    tolerance: str | None = None
    copiers: int = 4
    split: bool = False  # two attributes, each source good on one and poor on the other


SHAPES = (
    Shape("dense codes", 1500, 25, (0.35, 0.95), (0.1, 0.9), "code"),
    Shape("sparse codes", 3000, 40, (0.3, 0.4, 0.5, 0.9, 0.95), (0.02, 0.12), "code"),
    Shape("dense counts", 1500, 25, (0.35, 0.95), (0.1, 0.9), "count"),
    Shape("noisy numbers", 1500, 25, (0.35, 0.95), (0.1, 0.9), "number", "1%"),
    Shape("two attributes", 2000, 12, (0.9, 0.4), (0.3, 0.4), "code", copiers=0, split=True),
)
ATTRIBUTES = ("value", "other")
CODES = [f"C{k:02d}" for k in range(12)]


def _accuracy(shape: Shape, rng: random.Random) -> float:
    if len(shape.accuracy) == 2:
        return rng.uniform(*shape.accuracy)
    return rng.choice(shape.accuracy)


def _true_value(shape: Shape, rng: random.Random):
    if shape.kind == "code":
        return rng.choice(CODES)
    return rng.randint(1_000, 99_999) if shape.kind == "count" else rng.randint(10_000, 999_999)


def _stated(shape: Shape, truth, right: bool, item: int, rng: random.Random):
    """What a source writes: the truth (with noise for numbers) or a wrong value."""
    if shape.kind == "code":
        if right:
            return truth
        wrong = [c for c in CODES if c != truth]
        return wrong[item % len(wrong)] if rng.random() < 0.6 else rng.choice(wrong[:3])
    if shape.kind == "count":
        return truth if right else truth + rng.choice((-1, 1)) * rng.choice((10, 100, 1000))
    off = rng.uniform(-0.004, 0.004) if right else rng.choice((-1, 1)) * rng.uniform(0.03, 0.3)
    return round(truth * (1 + off))


def generate(shape: Shape, seed: int) -> tuple[dict, dict, list[tuple[str, str, object]]]:
    """The truth per item, each source's accuracy (copiers: None) and the rows."""
    if shape.split:
        return _generate_split(shape, seed)
    rng = random.Random(f"{shape.name}/{seed}")
    truth = {f"item{i}": _true_value(shape, rng) for i in range(shape.items)}
    accuracy: dict[str, float | None] = {}
    rows: list[tuple[str, str, object]] = []
    claims_of_first: list[tuple[str, object]] = []
    for s in range(shape.sources):
        source, acc, cover = f"s{s}", _accuracy(shape, rng), rng.uniform(*shape.cover)
        if s == 0:
            acc = min(acc, 0.5)  # the copied source is a poor one
        accuracy[source] = acc
        for i, (item, t) in enumerate(truth.items()):
            if rng.random() < cover:
                value = _stated(shape, t, rng.random() < acc, i, rng)
                rows.append((source, item, value))
                if s == 0:
                    claims_of_first.append((item, value))
    for c in range(shape.copiers):
        accuracy[f"copier{c}"] = None
        rows += [(f"copier{c}", item, v) for item, v in claims_of_first if rng.random() < 0.9]
    return truth, accuracy, rows


def _generate_split(shape: Shape, seed: int) -> tuple[dict, dict, list[tuple]]:
    """Items of two attributes ("item3" and "item3/other" in the truth); each source's
    accuracy is high on one attribute and low on the other (the accuracy kept is the mean, as
    the reliability error is judged per source)."""
    rng = random.Random(f"{shape.name}/{seed}")
    good, poor = shape.accuracy
    truth = {
        f"item{i}" + ("" if a == "value" else "/other"): _true_value(shape, rng)
        for i in range(shape.items)
        for a in ATTRIBUTES
    }
    accuracy: dict[str, float | None] = {}
    rows: list[tuple] = []
    for s in range(shape.sources):
        first = (good, poor) if s < shape.sources // 2 else (poor, good)
        source, cover = f"s{s}", rng.uniform(*shape.cover)
        accuracy[source] = sum(first) / 2
        for i in range(shape.items):
            if rng.random() < cover:
                values = []
                for a, acc in zip(ATTRIBUTES, first, strict=True):
                    t = truth[f"item{i}" + ("" if a == "value" else "/other")]
                    values.append(_stated(shape, t, rng.random() < acc, i, rng))
                rows.append((source, f"item{i}", *values, first))
    return truth, accuracy, rows


def _split_rows(rows: list[tuple]) -> list[tuple[str, str, object]]:
    """(source, item, value) rows of both attributes, the second's items apart."""
    return [r for source, item, v, w, _ in rows for r in ((source, item, v),
                                                         (source, item + "/other", w))]


def right(shape: Shape, value, truth) -> bool:
    if value is None:
        return False
    if shape.kind == "code":
        return str(value) == str(truth)
    if shape.tolerance:
        return abs(float(value) - truth) <= 0.01 * max(abs(float(value)), abs(truth))
    return float(value) == truth


def oracle(shape: Shape, claims: list[tuple[str, object, float]], truth: dict) -> float:
    """A vote weighted by each claim's source's true accuracy (copiers left out: their claims
    come without one); close numbers pool."""
    by_item = defaultdict(list)
    for item, value, acc in claims:
        by_item[item].append((value, acc))
    hits = 0
    for item, stated in by_item.items():
        score: Counter = Counter()
        for value, _ in stated:
            for other, acc in stated:
                if right(shape, other, value) if shape.tolerance else other == value:
                    score[value] += math.log(max(acc, 1e-3) * 3 / max(1 - acc, 1e-3))
        best = max(score.items(), key=lambda kv: (kv[1], str(kv[0])))[0]
        hits += right(shape, best, truth[item])
    return hits / len(by_item)


def _claims(shape: Shape, rows: list[tuple], accuracy: dict) -> list[tuple[str, object, float]]:
    """(item, value, the true accuracy of its source on it) of every claim but the copiers'."""
    if shape.split:
        return [
            claim
            for _, item, v, w, (acc_v, acc_w) in rows
            for claim in ((item, v, acc_v), (item + "/other", w, acc_w))
        ]
    return [(item, v, accuracy[source]) for source, item, v in rows if accuracy[source] is not None]


def _reliability_error(shape: Shape, report: dict, rows: list[tuple], accuracy: dict) -> float:
    """Mean distance of the estimated reliabilities from the true accuracies: per attribute for
    sources whose accuracy is one per attribute, else per source."""
    if not shape.split:
        return float(np.mean([abs(s["reliability"] - accuracy[s["source"]])
                              for s in report.get("sources", [])
                              if accuracy.get(s["source"]) is not None]))
    true = {source: dict(zip(ATTRIBUTES, accs, strict=True)) for source, *_, accs in rows}
    return float(np.mean([abs(a["reliability"] - true[s["source"]][a["attribute"]])
                          for s in report.get("sources", []) for a in s["attributes"]]))


def ece(confidence: np.ndarray, hit: np.ndarray, bins: int = 10) -> float:
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    total = sum(
        (which == b).sum() * abs(hit[which == b].mean() - confidence[which == b].mean())
        for b in range(bins)
        if (which == b).any()
    )
    return float(total) / max(len(hit), 1)


def audit(folder: Path, shape: Shape, method: str) -> dict:
    config = folder / f"{method}.toml"
    tolerance = f'tolerance = "{shape.tolerance}"\n' if shape.tolerance else ""
    config.write_text(
        f'resolution = "{method}"\n\n'
        '[[tables]]\npath = "claims.csv"\nsource = { column = "source" }\nentity = ["item"]\n\n'
        "[tables.columns]\n"
        + "".join(f'{a} = {{ attribute = "{a}" }}\n' for a in _attributes(shape))
        + "".join(f'\n[attributes.{a}]\nkind = "{shape.kind}"\n{tolerance}'
                  for a in _attributes(shape)),
        encoding="utf-8",
    )
    out = folder / f"out-{method}"
    subprocess.run(
        [sys.executable, "-m", "auditor", "check", "--config", str(config), "--format", "json",
         "--out", str(out), "--fail-on", "never"],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "AUDITOR_CACHE": "off"},
    )
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def _attributes(shape: Shape) -> tuple[str, ...]:
    return ATTRIBUTES if shape.split else ATTRIBUTES[:1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write each data set and its reports here")
    options = parser.parse_args()
    print(f"{'shape':<15}{'claims':>8}{'vote':>8}{'auditor':>9}{'oracle':>8}{'ECE':>7}"
          f"{'reliab. MAE':>12}")
    with tempfile.TemporaryDirectory() as scratch:
        base = options.keep or Path(scratch)
        for shape in SHAPES:
            folder = base / shape.name.replace(" ", "-")
            folder.mkdir(parents=True, exist_ok=True)
            truth, accuracy, rows = generate(shape, options.seed)
            with (folder / "claims.csv").open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(["source", "item", *_attributes(shape)])
                writer.writerows(r[: 2 + len(_attributes(shape))] for r in rows)
            claims = _claims(shape, rows, accuracy)
            stated = {item for item, _, _ in claims} | {r[1] for r in rows}
            scores = {}
            for method in ("vote", "learned"):
                report = audit(folder, shape, method)
                resolved = {
                    r["entity"] + ("" if r["attribute"] == "value" else "/other"): r
                    for r in report["resolved"]
                }
                hits = np.array([right(shape, resolved.get(i, {}).get("value"), t)
                                 for i, t in truth.items() if i in resolved])
                scores[method] = hits.sum() / len(stated)
                if method == "learned":
                    conf = np.array([resolved[i]["confidence"] for i in truth if i in resolved])
                    calibration = ece(conf, hits)
                    error = _reliability_error(shape, report, rows, accuracy)
            print(f"{shape.name:<15}{len(rows) * len(_attributes(shape)):>8,}{scores['vote']:>8.3f}"
                  f"{scores['learned']:>9.3f}{oracle(shape, claims, truth):>8.3f}"
                  f"{calibration:>7.3f}{error:>12.3f}", flush=True)


if __name__ == "__main__":
    main()
