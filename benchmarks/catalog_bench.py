"""Benchmark: the whole `auditor check` on a synthetic catalog of N films.

The bundled documents (sources/<one film>/) are copied once per film, with the title renamed
(so each copy is its own entity) and, seeded at random, some stated values changed at their
claim's span so that every kind of discrepancy occurs at its own rate: a runtime off by one in
one source, a misspelt name, vote counts changed, a gross with two digits transposed, a release
date moved by a day, a budget changed, a rating changed. Then the audit runs in this process
(auditor.pipeline and auditor.check, stage by stage) and the script prints the time of each
stage, documents per second, the peak memory and the size of each output. Each format is
rendered alone (its writer's own cost), then all of them as one set, as `auditor check` writes
them (the writers then share the cores): the end-to-end figure is the audit plus that set.

    python benchmarks/catalog_bench.py --films 1000 [--seed 7] [--keep DIR] [--cli] [--people]
    python benchmarks/catalog_bench.py --films 10000 --touch 1   # then re-run after one change

Timings on a shared machine are noisy: run it twice and read the second figure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor import pipeline  # noqa: E402
from auditor.config import load  # noqa: E402
from auditor.documents import MANIFEST  # noqa: E402

BASE = ROOT / "sources"

_ADJ = (
    "amber ashen bitter blue brass broken cold crimson dark distant dusty empty fallen frozen "
    "gilded glass golden grey hollow hidden iron last late little lonely long lost low midnight "
    "narrow northern pale quiet red restless salt silent silver slow southern still velvet "
    "violet wild winter"
).split()
_NOUN = (
    "harbor meridian river garden season mirror letter station orchard canyon lantern bridge "
    "island engine window shore summer country border kingdom signal tide valley desert "
    "mountain city road forest anthem motel circus parade ballroom voyage archive compass "
    "frontier hotel lighthouse"
).split()
_TAIL = "alpha bravo cedar delta ember falcon garnet heron indigo juniper".split()


def title_for(k: int) -> str:
    """A distinct made-up title for film k (two words, then more as k grows)."""
    words = [_ADJ[k % len(_ADJ)], _NOUN[(k // len(_ADJ)) % len(_NOUN)]]
    rest = k // (len(_ADJ) * len(_NOUN))
    while rest:  # bijective base len(_TAIL): every k its own title
        rest -= 1
        words.append(_TAIL[rest % len(_TAIL)])
        rest //= len(_TAIL)
    return " ".join(w.capitalize() for w in words)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- value mutations: each takes the raw text at a claim's span and returns a changed raw ---


def _digits(raw: str) -> list[re.Match]:
    return list(re.finditer(r"\d+", raw))


def bump(raw: str, rng: random.Random, by: int = 1) -> str | None:
    """Add `by` to the last number of raw (a runtime off by one, a day moved)."""
    ds = _digits(raw)
    if not ds:
        return None
    m = ds[-1] if len(ds) < 3 else ds[1] if len(ds[1].group()) <= 2 else ds[0]
    n = int(m.group()) + by
    return raw[: m.start()] + str(n).zfill(len(m.group())) + raw[m.end() :]


def transpose(raw: str, rng: random.Random) -> str | None:
    """Swap two adjacent different digits (a typed figure)."""
    spots = [i for i in range(len(raw) - 1) if raw[i].isdigit() and raw[i + 1].isdigit()
             and raw[i] != raw[i + 1] and i > 0]
    if not spots:
        return None
    i = rng.choice(spots)
    return raw[:i] + raw[i + 1] + raw[i] + raw[i + 2 :]


def revote(raw: str, rng: random.Random) -> str | None:
    """A vote count captured on another day: the same form, another figure."""
    digits = [c for c in raw if c.isdigit()]
    if len(digits) < 3:
        return None
    new = str(int("".join(digits)) + rng.randint(100, 9000))
    out, j = [], len(new) - 1
    for c in reversed(raw):
        if c.isdigit() and j >= 0:
            out.append(new[j])
            j -= 1
        else:
            out.append(c)
    return new[: j + 1] + "".join(reversed(out))


def misspell(raw: str, rng: random.Random) -> str | None:
    """One letter of the longest word changed (a misspelt name)."""
    words = list(re.finditer(r"[A-Za-z]{4,}", raw))
    if not words:
        return None
    w = max(words, key=lambda m: len(m.group()))
    i = w.start() + rng.randrange(1, len(w.group()) - 1)
    c = raw[i]
    new = "e" if c.lower() != "e" else "a"
    new = new.upper() if c.isupper() else new
    return raw[:i] + new + raw[i + 1 :]


def rerate(raw: str, rng: random.Random) -> str | None:
    swap = {"R": "PG-13", "r": "pg-13", "PG-13": "R", "pg-13": "r"}
    return swap.get(raw.strip())


# attribute -> (rate, mutation, how many of its claims to change at most)
MUTATIONS: dict[str, tuple[float, Callable[[str, random.Random], str | None], int]] = {
    "runtime": (0.12, bump, 1),
    "director": (0.05, misspell, 1),
    "stars": (0.08, misspell, 1),
    "rating_votes": (0.30, revote, 1),
    "gross": (0.07, transpose, 1),
    "release_date": (0.06, bump, 1),
    "budget": (0.04, transpose, 1),
    "mpaa_rating": (0.03, rerate, 1),
    "user_rating": (0.05, bump, 1),
}


def base_documents() -> tuple[Path, dict[str, str], list[dict]]:
    """The bundled film's folder, its documents' texts and their editorial claims."""
    folder = next(p for p in sorted(BASE.iterdir()) if p.is_dir())
    extraction = pipeline.extract_paths([folder], workers=1)
    texts = {d.ref.path.name: d.ref.path.read_text(encoding="utf-8")
             for d in extraction.documents}
    claims = extraction.claims.filter(extraction.claims["origin"] == "editorial").to_dicts()
    return folder, texts, claims


_PEOPLE = ("director", "writers", "stars", "producers", "editor", "cinematographer", "character")


def people_words(claims: list[dict]) -> re.Pattern[str]:
    """The words of the people's names the film's pages state (its crew, players and
    characters), three letters or more, as one pattern."""
    names = [c["raw"] for c in claims if c["attribute"] in _PEOPLE]
    names += [
        v for c in claims if c["attribute"] == "cast" for v in json.loads(c["value"]).values()
    ]
    words = {w for n in names for w in re.findall(r"[A-Za-z]{3,}", n)}
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{alternatives})\b")


def renamed(word: str, k: int) -> str:
    """Film k's form of a person's word: the word and k's own letters ("Figgis" ->
    "Figgisbd"), its case kept, so that each film names people of its own."""
    letters = ""
    while True:
        k, r = divmod(k, 26)
        letters = chr(ord("a") + r) + letters
        if not k:
            break
    return word + (letters.upper() if word.isupper() else letters)


def make_catalog(target: Path, films: int, seed: int, people: bool = False) -> dict[str, int]:
    """Write `films` renamed and varied copies of the bundled film under target/; `people`:
    each film's people renamed too (as a real catalog's films name people of their own)."""
    folder, texts, claims = base_documents()
    title = next(c["raw"] for c in claims if c["attribute"] == "title" and c["raw"][:1].isupper())
    words = [re.escape(w) for w in title.split()]
    title_rx = re.compile(r"(?i)" + r"([\s_\-+]|%20)".join(words))
    person_rx = people_words(claims) if people else None
    year = folder.name.rsplit("-", 1)[-1]
    manifest = (folder / MANIFEST).read_text(encoding="utf-8") if (
        folder / MANIFEST).exists() else None
    by_doc: dict[str, dict[str, list[dict]]] = {}
    for c in claims:
        name = c["document"].rsplit("/", 1)[-1]
        by_doc.setdefault(name, {}).setdefault(c["attribute"], []).append(c)
    rng = random.Random(seed)
    changed: dict[str, int] = dict.fromkeys(MUTATIONS, 0)
    target.mkdir(parents=True, exist_ok=True)
    for k in range(films):
        new_title = title_for(k)
        entity = f"{slug(new_title)}-{year}"
        out = target / entity
        out.mkdir()
        for name, text in texts.items():
            edits: list[tuple[int, int, str]] = []
            for attribute, (rate, mutate, most) in MUTATIONS.items():
                candidates = by_doc.get(name, {}).get(attribute, [])
                if not candidates or rng.random() >= rate:
                    continue
                for c in rng.sample(candidates, min(most, len(candidates))):
                    new = mutate(c["raw"], rng)
                    if new and new != c["raw"]:
                        edits.append((c["span_start"], c["span_end"], new))
                        changed[attribute] += 1
            edits.sort(reverse=True)
            last = len(text) + 1
            for start, end, new in edits:
                if end <= last:  # overlapping spans: keep the later one only
                    text = text[:start] + new + text[end:]
                    last = start
            text = title_rx.sub(lambda m, t=new_title: _cased(t, m.group(0)), text)
            if person_rx is not None:
                text = person_rx.sub(lambda m, k=k: renamed(m.group(0), k), text)
            (out / name).write_text(text, encoding="utf-8")
        if manifest is not None:
            (out / MANIFEST).write_text(
                re.sub(r'(?m)^entity = ".*"', f'entity = "{entity}"', manifest),
                encoding="utf-8",
            )
    return changed


def _cased(title: str, like: str) -> str:
    sep = re.search(r"[\s_\-+]|%20", like)
    joined = title.replace(" ", sep.group(0)) if sep else title
    if like.islower():
        return joined.lower()
    if like.isupper():
        return joined.upper()
    if like[1:].islower():
        return joined[:1] + joined[1:].lower()
    return joined


# --- the run, stage by stage ---


def cpu_seconds() -> float:
    """CPU time of this process, of its finished children (the HTML pages' fork) and of the
    extraction workers (children of the fork server, which reaps them: read from its /proc
    entry, on Linux): on a shared machine it moves far less than the wall time does."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime + _fork_server_cpu()


def _fork_server_cpu() -> float:
    """The fork server's CPU seconds and its finished children's (0 when none runs)."""
    try:
        from multiprocessing import forkserver

        pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        if pid is None:
            return 0.0
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, AttributeError, ImportError):
        return 0.0
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # u, s, cu, cs


class Stages:
    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextlib.contextmanager
    def time(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), cpu_seconds()
        try:
            yield
        finally:
            self.times[name] = self.times.get(name, 0.0) + time.perf_counter() - start
            self.cpu[name] = self.cpu.get(name, 0.0) + cpu_seconds() - cpu

    def wrap(self, module, attr: str, name: str) -> None:
        """Time every call of module.attr under `name` (the pipeline calls it by that name)."""
        if not hasattr(module, attr):
            return
        fn = getattr(module, attr)

        def timed(*args, **kwargs):
            with self.time(name):
                return fn(*args, **kwargs)

        setattr(module, attr, timed)


def peak_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


SAMPLE_EVERY = 1.0  # seconds; reading smaps_rollup walks page tables and slows CoW faults


class Footprint:
    """The memory `auditor check` holds while a stage runs: the proportional set size (shared
    pages counted once across processes) of this process and its children, sampled every
    second by a thread (every 0.1 s slowed the set of outputs by 10-20 %). ru_maxrss is a
    lifetime maximum and counts a forked child's pages it shares with this process twice;
    this is the figure of one stage at a time."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}
        self.stage: str | None = None
        threading.Thread(target=self._sample, daemon=True).start()

    @contextlib.contextmanager
    def during(self, name: str) -> Iterator[None]:
        self.stage = name
        try:
            yield
        finally:
            self.stage = None

    def _sample(self) -> None:
        while True:
            stage = self.stage
            if stage is not None:
                mb = sum(_pss_kb(pid) for pid in _tree(os.getpid())) / 1024
                self.peaks[stage] = max(self.peaks.get(stage, 0.0), mb)
            time.sleep(SAMPLE_EVERY)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        for task in Path(f"/proc/{p}/task").glob("*"):
            with contextlib.suppress(OSError):
                todo += [int(c) for c in (task / "children").read_text().split()]
    return pids


def _pss_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size if path.exists() else 0


SET = "write all formats (one set)"


def run_in_process(catalog: Path, out: Path) -> tuple[Stages, object, list[Path]]:
    from auditor import check

    stages = Stages()
    stages.wrap(pipeline, "discover", "discover + extract")
    stages.wrap(pipeline, "extract_refs", "discover + extract")
    stages.wrap(pipeline, "reconcile", "reconcile")
    stages.wrap(pipeline, "check_expectations", "validate")
    config = load(ROOT)
    with stages.time("total audit (in process)"), FOOTPRINT.during("audit"):
        report = pipeline.audit([catalog], config)
    # What `auditor check` does: every format as one set, the writers shared between the
    # cores (the HTML pages in a forked child, claims.jsonl in a thread, the rest here).
    # First, as in `auditor check`: the memory it holds is not the single renders' leftovers.
    with stages.time(SET), FOOTPRINT.during("set"):
        check.write_reports(report, out / "all", sorted(check.RENDERERS))
    written = []
    for fmt in sorted(check.RENDERERS):
        # A set replaces the folder's previous set: each format gets a folder of its own
        # (each timing includes the run id's digest, as every `auditor check` computes it).
        with stages.time(f"render {fmt}"):
            written += check.write_reports(report, out / fmt, [fmt])
    return stages, report, written


def run_cli(catalog: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "auditor", "check", str(catalog), "--out", str(out),
         "--fail-on", "never"],
        cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def touch_one(catalog: Path, rng: random.Random) -> Path:
    """Change one stated vote count in one document (as a pull request would)."""
    docs = sorted(catalog.glob("*/imdb.txt")) or sorted(catalog.glob("*/*.txt"))
    doc = rng.choice(docs)
    text = doc.read_text(encoding="utf-8")
    m = re.search(r"\d{2},\d{3}", text)
    if m:
        text = text[: m.start()] + revote(m.group(0), rng) + text[m.end() :]
    else:
        text += "\n"
    doc.write_text(text, encoding="utf-8")
    return doc


FOOTPRINT: Footprint


def main() -> None:
    global FOOTPRINT
    FOOTPRINT = Footprint()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--films", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None,
                        help="Write the catalog and reports here and keep them.")
    parser.add_argument("--reuse", action="store_true",
                        help="With --keep: audit the catalog already there (and its cache) "
                        "instead of making a new one.")
    parser.add_argument("--cli", action="store_true",
                        help="Also time `python -m auditor check` as a subprocess.")
    parser.add_argument("--people", action="store_true",
                        help="Rename the people of each film too (names of its own, as in a "
                        "real catalog: each film's name patterns compiled anew).")
    parser.add_argument("--touch", type=int, default=0,
                        help="After the run, change this many documents and run again "
                        "(the incremental case).")
    args = parser.parse_args()
    tmp = None
    if args.keep is None:
        tmp = tempfile.mkdtemp(prefix="auditor-catalog-")
        work = Path(tmp)
    else:
        work = args.keep
        if not args.reuse:
            shutil.rmtree(work, ignore_errors=True)
    catalog, out = work / "sources", work / "reports"
    try:
        start = time.perf_counter()
        if args.reuse and catalog.is_dir():
            changed = {"(reused)": 0}
        else:
            changed = make_catalog(catalog, args.films, args.seed, people=args.people)
        made = time.perf_counter() - start
        n_docs = sum(1 for p in catalog.rglob("*.txt"))
        text_mb = sum(p.stat().st_size for p in catalog.rglob("*.txt")) / 1e6
        print(f"catalog: {args.films:,} films, {n_docs:,} documents, {text_mb:,.0f} MB of text "
              f"(made in {made:.1f} s; values changed: "
              + ", ".join(f"{k} {v}" for k, v in changed.items()) + ")")
        rounds = 1 + (1 if args.touch else 0)
        for r in range(rounds):
            if r:
                rng = random.Random(args.seed + 1)
                touched = [touch_one(catalog, rng) for _ in range(args.touch)]
                print(f"\nchanged {len(touched)} document(s): "
                      + ", ".join(str(p.relative_to(catalog)) for p in touched))
            stages, report, written = run_in_process(catalog, out)
            audit_t = stages.times["total audit (in process)"]
            total = audit_t + stages.times[SET]
            print(f"  {'stage':<28} {'wall':>8}   {'cpu':>8}")
            for name, secs in stages.times.items():
                print(f"  {name:<28} {secs:8.2f} s {stages.cpu[name]:8.2f} s")
            other = audit_t - sum(stages.times.get(k, 0) for k in
                                  ("discover + extract", "reconcile", "validate"))
            print(f"  {'(rest of audit: model)':<28} {other:8.2f} s")
            cpu = stages.cpu["total audit (in process)"] + stages.cpu[SET]
            print(f"  {'end to end (audit + set)':<28} {total:8.2f} s {cpu:8.2f} s   "
                  f"{n_docs / stages.times['discover + extract']:,.0f} documents/s extracted, "
                  f"{n_docs / total:,.0f} documents/s end to end")
            if FOOTPRINT.peaks:
                print("  peak memory of `auditor check` (this process and its children, "
                      "shared pages once, sampled each second): "
                      + ", ".join(f"{k} {v:,.0f} MB" for k, v in FOOTPRINT.peaks.items()))
                FOOTPRINT.peaks.clear()
            me, kids = peak_mb()
            print(f"  lifetime peak RSS (the single-format renders too): {me:,.0f} MB this "
                  f"process, {kids:,.0f} MB largest child")
            s = report.summary()
            print(f"  {s['claims']:,} claims, discrepancies {json.dumps(s['discrepancies'])}, "
                  f"expectations failed {s['expectations']['failed']}")
            for path in written:
                if path.exists():
                    print(f"  {path.name:<28} {size_of(path) / 1e6:10.2f} MB")
        if args.cli:
            print(f"  CLI `auditor check` wall: {run_cli(catalog, work / 'reports-cli'):.2f} s")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
