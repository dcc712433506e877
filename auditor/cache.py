"""Extraction with a cache of claims keyed by document content: a re-run extracts only what
changed, and gives the same claims, in the same order, as a first run.

The cache lives in `.auditor-cache/` in the project folder (the one holding the
`pyproject.toml` or `auditor.toml` found from the sources root, else the folder holding the
sources root). It is safe to delete at any time; `AUDITOR_CACHE=off` disables it and
`AUDITOR_CACHE=<folder>` puts it elsewhere. Inside, one folder per code fingerprint (the
auditor's version, the text of its extraction code and of this module: an edited adapter or
cache format never reads stale claims) holds shards: `claims-<shard>.parquet` (the claims of
the documents a run extracted, with their document's key) and `docs-<shard>.parquet` (each
document's adapter, error, claim count, decoding note, digest, line starts, name texts, plot
texts and the characters its claims name: all a fresh extraction gives, so cached runs write
byte-identical reports; and, for a lower-cased page, the names its film's cased pages lent it,
valid while the film's documents are those its `shared` context hashes), beside
`stat.parquet` (each document's size, modification time and key, so that an unchanged file is
not read again to be hashed). A shard is `<run>-<chunk>`, written by the worker that
extracted the chunk (the cost of writing the cache is spread over the workers, as extraction
is), or `<run>` when a run rewrites the cache as one.

A document's key hashes the digest of its bytes, its path relative to the sources root, its
entity and its source: the claims carry those three, so the same bytes filed elsewhere are
their own entry. When nothing is cached, the documents are not read to be hashed first: the
worker that reads a document to extract it tells its key. Extraction itself runs in worker
processes, a chunk of whole films at a time (so that a worker shares a film's names itself,
with the film's texts in hand), and each chunk comes back as one polars frame, not as Python
claim objects.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import re
import shutil
import stat
import time
import uuid
from array import array
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

import polars as pl

from auditor import __version__, gcpause, kinds
from auditor.claims import CLAIM_SCHEMA, Claim, empty_frame, to_frame
from auditor.config import find_config
from auditor.documents import DocumentRef, content_digest
from auditor.errors import AuditorError
from auditor.extract.copies import without_copies
from auditor.extract.plots import PlotTexts
from auditor.extract.registry import DocumentResult, extract_document
from auditor.extract.shared import share_names

CACHE_DIR = ".auditor-cache"
ENV = "AUDITOR_CACHE"
MAX_SHARDS = 8  # beyond this many runs' shards, the next run rewrites the cache as one
_DOCS_SCHEMA = {
    "key": pl.String(),
    "adapter": pl.String(),
    "error": pl.String(),
    "count": pl.Int64(),  # claims kept: its own, then any its film's cased pages lent it
    "own": pl.Int64(),  # of which its own
    "shared": pl.String(),  # the film context (_context) the lent names hold for, or null
    "note": pl.String(),
    "digest": pl.String(),
    "line_starts": pl.Binary(),  # array("I") bytes: a column of lists costs ten times more
    "name_texts": pl.Binary(),  # array("q") bytes of (start, end) pairs, flattened
    "plots": pl.String(),  # a lower-cased page's plot texts (extract.plots), as JSON
    "characters": pl.List(pl.String()),
    "cast_characters": pl.List(pl.String()),
}
_OUTCOME = tuple(_DOCS_SCHEMA)[1:]
_COUNT, _OWN, _SHARED = 2, 3, 4  # their places in an outcome
_FOLDER = re.compile(r"[0-9a-f]{20}")
# The modules whose code decides what a document's claims are, and this one (the format).
_CODE = ("cache.py", "documents.py", "textview.py", "claims.py", "kinds/values.py", "extract",
         "normalize", "report/evidence.py")


class ClaimRows(Sequence[Claim]):
    """One document's claims as a stretch of the run's claims frame; Claim objects are made
    only when someone iterates (the pipeline itself only counts them)."""

    __slots__ = ("_frame", "_offset", "_count")

    def __init__(self, frame: pl.DataFrame, offset: int, count: int) -> None:
        self._frame, self._offset, self._count = frame, offset, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(self._count)))
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError(i)
        return _claim(self._frame.row(self._offset + i, named=True))

    def __iter__(self) -> Iterator[Claim]:
        rows = self._frame.slice(self._offset, self._count).iter_rows(named=True)
        return map(_claim, rows)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]


def _claim(row: dict) -> Claim:
    row.pop("claim_id", None)  # a property of Claim, computed from the rest
    return Claim(**{**row, "value": kinds.decode(row["value"])})


def _outcome(
    r: DocumentResult, lent: Sequence[Claim] = (), after: DocumentResult | None = None,
    context: str | None = None,
) -> tuple:
    """What the docs shard keeps of a result (beside its key), in _OUTCOME's order: `lent`
    are the claims sharing names added (`after` the result with them), `context` the film
    they hold for ("" when none can be told: they are not cached)."""
    pairs = array("q", [n for pair in r.name_texts for n in pair])
    plots = r.plots.dumps() if r.plots is not None else None
    characters = after.characters if lent and after is not None else r.characters
    return (
        r.adapter, r.error, len(r.claims) + len(lent), len(r.claims), context, r.note,
        r.digest, r.line_starts.tobytes(), pairs.tobytes(), plots, _listed(characters),
        _listed(r.cast_characters),
    )


def _listed(names: tuple[str, ...] | None) -> list[str] | None:
    return None if names is None else list(names)


def _result(
    ref: DocumentRef, outcome: tuple, claims: Sequence[Claim], lent: bool
) -> DocumentResult:
    """The result of an outcome; `lent`: with the names its film lent it (else only its own
    claims are in `claims`, and its own characters are kept)."""
    adapter, error, count, own, _, note, digest, starts, pairs, plots, characters, cast = outcome
    line_starts = array("I")
    line_starts.frombytes(starts or b"")
    flat = array("q")
    flat.frombytes(pairs or b"")
    if characters is not None and not lent and count > own:
        characters = characters[: len(characters) - (count - own)]
    return DocumentResult(
        ref,
        adapter,
        claims,  # type: ignore[arg-type]
        error,
        note,
        digest or "",
        line_starts=line_starts,
        name_texts=tuple(zip(flat[::2], flat[1::2], strict=True)),
        plots=PlotTexts.loads(plots) if plots and not lent else None,
        characters=None if characters is None else tuple(characters),
        cast_characters=None if cast is None else tuple(cast),
        shared=lent,
    )


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The auditor's version and the text of every module that shapes claims."""
    h = hashlib.sha256(__version__.encode())
    base = Path(__file__).parent
    for name in _CODE:
        path = base / name
        for f in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            h.update(f.relative_to(base).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def location(refs: Sequence[DocumentRef]) -> Path | None:
    """Where the cache of these documents lives, or None when it is turned off."""
    env = os.environ.get(ENV, "")
    if env.lower() in ("off", "0", "false", "no"):
        return None
    if env:
        return Path(env)
    if not refs:
        return None
    root = refs[0].path.parents[len(Path(refs[0].relpath).parts) - 1]  # the sources root
    try:
        found = find_config(root)
    except AuditorError:  # an unreadable configuration is reported by the audit itself
        found = None
    return (found[0].parent if found else root.parent) / CACHE_DIR


def key(ref: DocumentRef) -> str | None:
    """The document's cache key, or None when it cannot be read (extraction reports why)."""
    try:
        data = ref.path.read_bytes()
    except OSError:
        return None
    return key_of(content_digest(data), ref)


def key_of(digest: str, ref: DocumentRef) -> str:
    """The key of a document whose bytes have this digest (documents.content_digest): a
    worker that read the document has it already, and need not hash it again."""
    text = f"{digest}\0{ref.relpath}\0{ref.entity}\0{ref.source}"
    return hashlib.sha256(text.encode()).hexdigest()


def _keys(
    refs: Sequence[DocumentRef], seen: dict[str, tuple[int, int, str]], *, read: bool = True
) -> list[tuple[str | None, tuple | None]]:
    """Each document's key, and its (path, size, mtime_ns, key) when worth remembering.

    As git's index does, a document whose size and modification time are those recorded
    last time keeps its recorded key without being read again; a time too close to now to
    tell a later edit apart is not recorded. Without `read` no document is read: the keys
    are None (the workers that read them tell them), the stat rows wait for them.
    """
    out: list[tuple[str | None, tuple | None]] = []
    recent = time.time_ns() - 2_000_000_000
    for ref in refs:
        path = f"{ref.path}\0{ref.relpath}\0{ref.entity}\0{ref.source}"  # all the key covers
        if not path.isascii():  # a folder name that is not UTF-8 is no text the table can hold
            path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        try:
            st = None if ref.problem else os.stat(ref.path)
        except OSError:
            st = None
        if st is None or not stat.S_ISREG(st.st_mode):  # refused at discovery, or no file:
            out.append((None, None))  # never opened (a FIFO would block), never cached
            continue
        known = seen.get(path)
        if read and known is not None and known[0] == st.st_size and known[1] == st.st_mtime_ns:
            out.append((known[2], None))
            continue
        k = key(ref) if read else None
        fresh = (k is not None or not read) and st.st_mtime_ns < recent
        out.append((k, (path, st.st_size, st.st_mtime_ns, k) if fresh else None))
    return out


class Store:
    """The shards of one code fingerprint's cache folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def open(cls, root: Path) -> Store | None:
        folder = root / fingerprint()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _mark(root)
            for other in root.iterdir():  # one code version at a time: drop the others
                if other.is_dir() and other.name != folder.name and _FOLDER.fullmatch(other.name):
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            return None  # a read-only project: audit without a cache
        return cls(folder)

    def stats(self) -> dict[str, tuple[int, int, str]]:
        """path -> (size, mtime_ns, key) recorded by earlier runs."""
        try:
            frame = pl.read_parquet(self.folder / "stat.parquet")
        except (OSError, pl.exceptions.PolarsError):
            return {}
        return {p: (n, t, k) for p, n, t, k in frame.iter_rows()}

    def remember(self, seen: dict, news: list[tuple]) -> None:
        seen = {**seen, **{p: (n, t, k) for p, n, t, k in news}}
        frame = pl.DataFrame(
            [(p, n, t, k) for p, (n, t, k) in seen.items()],
            schema={"path": pl.String, "size": pl.Int64, "mtime_ns": pl.Int64, "key": pl.String},
            orient="row",
        )
        tmp = self.folder / f".stat-{uuid.uuid4().hex[:12]}.tmp"
        try:
            frame.write_parquet(tmp, compression="lz4", statistics=False)
            os.replace(tmp, self.folder / "stat.parquet")
        except OSError:
            tmp.unlink(missing_ok=True)

    def shards(self) -> list[str]:
        """Each shard's name: `<run>` (written whole by a run) or `<run>-<chunk>` (written by
        a worker, one per chunk of films), in the order of the documents within a run."""
        return sorted(p.name[5:-8] for p in self.folder.glob("docs-*.parquet"))

    def runs(self) -> set[str]:
        return {s.split("-")[0] for s in self.shards()}

    def outcomes(self) -> pl.DataFrame:
        files = [self.folder / f"docs-{s}.parquet" for s in self.shards()]
        if not files:
            return pl.DataFrame(schema=_DOCS_SCHEMA)
        return pl.read_parquet(files).unique("key", keep="last", maintain_order=True)

    def claims(self, keys: pl.Series) -> pl.DataFrame:
        files = [self.folder / f"claims-{s}.parquet" for s in self.shards()]
        if not files:
            return pl.DataFrame(schema={**CLAIM_SCHEMA, "key": pl.String()})
        # A key is written once, by the run that missed it; two runs racing could write it
        # twice, which the caller sees as more rows than expected (and starts again).
        return (
            pl.scan_parquet(files)
            .select(*CLAIM_SCHEMA, "key")
            .filter(pl.col("key").is_in(keys.implode()))
            .collect()
        )

    def add(self, outcomes: pl.DataFrame, claims: pl.DataFrame, *, replace: bool) -> None:
        """Write one run's documents as a new shard; with `replace`, the new shard holds
        everything worth keeping and the others go."""
        old = self.shards() if replace else []
        _write_shard(self.folder, uuid.uuid4().hex[:12], outcomes, claims)
        for s in old:
            for name in ("docs", "claims"):
                (self.folder / f"{name}-{s}.parquet").unlink(missing_ok=True)


def _write_shard(folder: Path, shard: str, outcomes: pl.DataFrame, claims: pl.DataFrame) -> None:
    """Both files appear whole, claims first: a docs file never names claims not yet there."""
    for name, frame in (("claims", claims), ("docs", outcomes)):
        tmp = folder / f".{name}-{shard}.tmp"
        try:
            frame.write_parquet(tmp, compression="lz4", statistics=False)
            os.replace(tmp, folder / f"{name}-{shard}.parquet")
        finally:
            tmp.unlink(missing_ok=True)


def _mark(root: Path) -> None:
    """Tell git and backup tools that the folder is a cache."""
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# auditor's cache of extracted claims: safe to delete\n*\n")
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                       "# auditor's cache of extracted claims: safe to delete\n")


# A film's documents to extract, their keys (None: the worker tells them from the bytes it
# reads) and its context (None: not the whole film; _LATER: of the keys the worker tells).
Group = tuple[Sequence[DocumentRef], Sequence[str | None] | None, str | None]
_LATER = "?"
# Where a worker writes its chunk as a shard of the cache: (folder, shard name), or None.
Target = tuple[str, str] | None


def _extract_chunk(task: tuple[Sequence[Group], Target]) -> tuple[list[tuple], pl.DataFrame]:
    """Extract a chunk of films (in a worker): each document's key and outcome (a docs row)
    and all claims as one frame in document order, written to the cache as a shard of their
    own when there is a target. A film whose documents are all here (its context is not
    None) has its names shared at once, with its texts still in hand; the names a page is
    lent follow its own claims.

    The garbage collector waits until the chunk is done: extraction makes no reference
    cycles (but for a refused document's exception), and the collector's passes over a
    chunk's claims would cost a tenth of the time."""
    groups, target = task
    with gcpause.paused():
        rows, frame = _extract_films(groups)
    if target is not None:
        try:
            _write_shard(Path(target[0]), target[1], *_shard_of(rows, frame))
        except (OSError, pl.exceptions.PolarsError):
            pass  # a cache that cannot be written only costs time: these are missed next time
    return rows, frame


def _extract_films(groups: Sequence[Group]) -> tuple[list[tuple], pl.DataFrame]:
    rows, claims = [], []
    for refs, keys, context in groups:
        texts: dict[str, str] | None = {} if context is not None else None
        results = [extract_document(ref, texts) if texts is not None else extract_document(ref)
                   for ref in refs]
        if keys is None:
            keys = [_key_after(r) for r in results]
        if context == _LATER:
            context = _context(keys)
        finals = share_names(without_copies(results), texts) if context is not None else results
        for r, f, k in zip(results, finals, keys, strict=True):
            lent = tuple(f.claims)[len(r.claims):] if f.claims and f.claims is not r.claims else ()
            rows.append((k, *_outcome(r, lent, f, context)))
            claims.extend(r.claims)
            claims.extend(lent)
    return rows, to_frame(claims)


def _key_after(r: DocumentResult) -> str | None:
    """The key of a document just extracted: from its digest, read again only when it could
    not be decoded (no digest); never for one refused at discovery (never opened)."""
    if r.ref.problem:
        return None
    return key_of(r.digest, r.ref) if r.digest else key(r.ref)


def _shard_of(rows: Sequence[tuple], frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A chunk's docs rows and claims as the cache keeps them (documents with no key left
    out: they cannot be found again)."""
    keys = [row[0] for row in rows]
    counts = [row[1 + _COUNT] for row in rows]
    claims = frame.with_columns(_repeated(keys, counts, "key", pl.String()))
    if None in keys:
        rows = [row for row in rows if row[0] is not None]
        claims = claims.filter(pl.col("key").is_not_null())
    return _docs_frame(rows), claims


def _docs_frame(rows: Sequence[tuple]) -> pl.DataFrame:
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in _DOCS_SCHEMA]
    return pl.DataFrame(dict(zip(_DOCS_SCHEMA, columns, strict=True)), schema=_DOCS_SCHEMA)


def _context(keys: Sequence[str | None]) -> str:
    """What a film's shared names depend on: all its documents' keys ("" when one is
    unknown: then the names are shared but not cached as such)."""
    if any(k is None for k in keys):
        return ""
    return hashlib.sha256("\0".join(keys).encode()).hexdigest()[:32]  # type: ignore[arg-type]


def _films(refs: Sequence[DocumentRef], keys: Sequence[str | None]) -> list[tuple[int, int, str]]:
    """The runs of consecutive documents of one entity, (start, end, context); a run that
    is not all of its entity's documents has the context None (never shared as a whole)."""
    runs: list[tuple[int, int]] = []
    for i, ref in enumerate(refs):
        if runs and refs[runs[-1][0]].entity == ref.entity:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    seen: dict[str, int] = {}
    for a, _ in runs:
        seen[refs[a].entity] = seen.get(refs[a].entity, 0) + 1
    return [
        (a, b, _context(keys[a:b]) if seen[refs[a].entity] == 1 else None)  # type: ignore[misc]
        for a, b in runs
    ]


def _chunks(groups: list[Group], workers: int) -> list[list[Group]]:
    """Whole films a chunk, about a quarter of a worker's share of documents each."""
    total = sum(len(refs) for refs, _, _ in groups)
    size = max(8, min(256, -(-total // (workers * 4))))
    chunks: list[list[Group]] = [[]]
    n = 0
    for group in groups:
        if n >= size:
            chunks.append([])
            n = 0
        chunks[-1].append(group)
        n += len(group[0])
    return [c for c in chunks if c]


def extract(
    refs: Sequence[DocumentRef],
    *,
    workers: int,
    parallel_from: int,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[tuple[DocumentResult, ...], pl.DataFrame]:
    """Every document's outcome, and the claims of all as one frame in document order;
    `progress` hears how many documents are done (cached ones count as done at once)."""
    root = location(refs)
    store = Store.open(root) if root is not None else None
    # Nothing cached: every document is to extract, and the workers that read them tell
    # their keys (the documents are not read here first to be hashed).
    empty = store is None or not store.shards()
    if workers > 1 and len(refs) >= parallel_from and empty:
        _start_workers_early()
    keys: list[str | None] = [None] * len(refs)
    found: list[tuple[str | None, tuple | None]] = []
    seen: dict[str, tuple[int, int, str]] = {}
    known = pl.DataFrame(schema=_DOCS_SCHEMA)
    replace = False
    if store is not None:
        seen = store.stats()
        found = _keys(refs, seen, read=not empty)  # hashing is a small part: threads cost more
        keys = [k for k, _ in found]
        try:
            known = store.outcomes()
            replace = len(store.runs()) >= MAX_SHARDS
        except (OSError, pl.exceptions.PolarsError):  # a damaged cache: start it again
            shutil.rmtree(store.folder, ignore_errors=True)
            store = Store.open(root)  # type: ignore[arg-type]
    later = store is not None and empty  # the workers tell the keys
    cached = dict(
        zip(known.get_column("key").to_list(), known.select(_OUTCOME).rows(), strict=True)
    )
    hit = [k is not None and k in cached for k in keys]
    films = _films(refs, keys)
    # A cached page's lent names hold while its film's documents are the same.
    lent = [False] * len(refs)
    groups: list[Group] = []
    for a, b, context in films:
        for i in range(a, b):
            if hit[i]:
                stored = cached[keys[i]][_SHARED]
                lent[i] = bool(stored) and stored == context
        todo_here = [i for i in range(a, b) if not hit[i]]
        if todo_here:
            whole = context if len(todo_here) == b - a else None
            docs = [refs[i] for i in todo_here]
            if later:
                groups.append((docs, None, None if whole is None else _LATER))
            else:
                groups.append((docs, [keys[i] for i in todo_here], whole))
    todo_pos = [i for i, h in enumerate(hit) if not h]
    done = len(refs) - len(todo_pos)
    tell = None
    if progress is not None:
        progress("extract", done, len(refs))
        def tell(n: int) -> None:
            progress("extract", done + n, len(refs))
    # Each chunk of fresh documents is written to the cache by its worker, as a shard of
    # this run's; when the cache is to be rewritten as one, this process writes it below.
    target = (str(store.folder), uuid.uuid4().hex[:12]) if store and not replace else None
    fresh_rows, fresh = _run(groups, workers, parallel_from, tell, target)
    fresh_outcomes = [row[1:] for row in fresh_rows]
    for i, row in zip(todo_pos, fresh_rows, strict=True):
        keys[i] = row[0]
        lent[i] = row[1 + _SHARED] is not None
    if store is not None:
        # Stat rows whose keys the workers told: a document not keyed is not remembered.
        news = [
            row if row[3] is not None else (*row[:3], keys[i])
            for i, (_, row) in enumerate(found)
            if row is not None and (row[3] is not None or keys[i] is not None)
        ]
        if news:
            store.remember(seen, news)
    # Every document's claims, in document order: cached ones then fresh ones, each block in
    # its own order, put in place by a stable sort on the document's position.
    position = {k: i for i, k in enumerate(keys) if k is not None}
    parts = []
    hit_keys = [k for k, h in zip(keys, hit, strict=True) if h]
    if hit_keys:
        try:
            from_cache = store.claims(pl.Series("key", hit_keys, pl.String))  # type: ignore[union-attr]
        except (OSError, pl.exceptions.PolarsError):
            from_cache = None
        if from_cache is None or from_cache.height != sum(cached[k][_COUNT] for k in hit_keys):
            # Shards went missing under us (another run compacting): extract everything.
            if store is not None:
                shutil.rmtree(store.folder, ignore_errors=True)
            return extract(
                refs, workers=workers, parallel_from=parallel_from, progress=progress
            )
        # Names lent in another film context than this run's: only the page's own claims.
        trim = {
            keys[i]: cached[keys[i]][_OWN]
            for i in range(len(refs))
            if hit[i] and not lent[i] and cached[keys[i]][_OWN] < cached[keys[i]][_COUNT]
        }
        if trim:
            limit = pl.col("key").replace_strict(trim, default=None, return_dtype=pl.Int64)
            from_cache = from_cache.filter(
                limit.is_null() | (pl.int_range(pl.len()).over("key") < limit)
            )
        from_cache = from_cache.with_columns(
            pl.col("key").replace_strict(position, return_dtype=pl.Int64).alias("_doc")
        ).drop("key")
        if not from_cache.get_column("_doc").is_sorted():  # shards of several runs
            from_cache = from_cache.sort("_doc", maintain_order=True)
        parts.append(from_cache)
    parts.append(fresh.with_columns(_doc_column(todo_pos, [o[_COUNT] for o in fresh_outcomes])))
    # Both parts are in document order, and no document is in both: merge them.
    claims = parts[0] if len(parts) == 1 else parts[0].merge_sorted(parts[1], key="_doc")
    outcomes = dict(zip(todo_pos, fresh_outcomes, strict=True))
    results = []
    offset = 0
    frame = claims.drop("_doc")
    for i, (ref, k) in enumerate(zip(refs, keys, strict=True)):
        outcome = outcomes[i] if i in outcomes else cached[k]
        count = outcome[_COUNT] if lent[i] else outcome[_OWN]
        results.append(_result(ref, outcome, ClaimRows(frame, offset, count), lent[i]))
        offset += count
    if store is not None and todo_pos and replace:
        _save(store, keys, outcomes, lent, cached, claims)
    return tuple(results), frame


def _doc_column(positions: list[int], counts: list[int]) -> pl.Series:
    """Each claim's document position, from the documents' positions and claim counts."""
    return _repeated(positions, counts, "_doc", pl.Int64())


def _repeated(
    values: Sequence, counts: Sequence[int], name: str, dtype: pl.DataType
) -> pl.Series:
    """Each value repeated its count's times: a column of the documents' claims."""
    frame = pl.DataFrame({"v": values, "c": counts}, schema={"v": dtype, "c": pl.Int64})
    frame = frame.filter(pl.col("c") > 0)
    return frame.select(pl.col("v").repeat_by("c").explode()).to_series().alias(name)


def _pool_context() -> mp.context.BaseContext:
    """Workers not forked from this process (polars' threads may hold locks at fork time,
    which would leave them waiting forever) but from a fork server that has imported this
    module once: each worker would otherwise import it itself (0.4 s of CPU each)."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(["__main__", __name__])  # no effect once it runs
    return context


def _start_workers_early() -> None:
    """Start the fork server now, so that its imports overlap the reading of the documents'
    keys (a run with nothing cached will need it); its workers start at once when asked."""
    if isinstance(_pool_context(), mp.context.ForkServerContext):
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _run(
    groups: list[Group],
    workers: int,
    parallel_from: int,
    tell: Callable[[int], None] | None = None,
    target: tuple[str, str] | None = None,
) -> tuple[list[tuple], pl.DataFrame]:
    """The fresh documents' docs rows and claims; `target`: (cache folder, run), where each
    chunk is written as the shard `<run>-<chunk>` (numbered in document order)."""
    if not groups:
        return [], empty_frame()
    parallel = sum(len(refs) for refs, _, _ in groups) >= parallel_from and workers > 1
    chunks = _chunks(groups, workers) if parallel else [groups]
    tasks = [
        (chunk, (target[0], f"{target[1]}-{n:05d}") if target is not None else None)
        for n, chunk in enumerate(chunks)
    ]
    done = []
    if parallel:
        with ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context()) as pool:
            n = 0
            for chunk in pool.map(_extract_chunk, tasks):
                done.append(chunk)
                n += len(chunk[0])
                if tell is not None:
                    tell(n)
    else:
        done = [_extract_chunk(tasks[0])]
        if tell is not None:
            tell(len(done[0][0]))
    rows = [row for chunk, _ in done for row in chunk]
    return rows, pl.concat([f for _, f in done])


def _save(
    store: Store, keys: list, outcomes: dict, lent: list[bool], cached: dict,
    claims: pl.DataFrame,
) -> None:
    """Past MAX_SHARDS runs' shards, rewrite the cache as this run's documents alone (a
    cached page as this run has it: with or without the names its film lent it)."""
    mine = [i for i, k in enumerate(keys) if k is not None]
    rows = [(keys[i], *(outcomes[i] if i in outcomes else _as_run(cached[keys[i]], lent[i])))
            for i in mine]
    key_of_doc = pl.DataFrame(
        {"_doc": mine, "key": [keys[i] for i in mine]},
        schema={"_doc": pl.Int64, "key": pl.String},
    )
    kept = claims.join(key_of_doc, on="_doc", how="inner", maintain_order="left").drop("_doc")
    try:
        store.add(_docs_frame(rows), kept, replace=True)
    except (OSError, pl.exceptions.PolarsError):
        pass  # a cache that cannot be written only costs time


def _as_run(outcome: tuple, lent: bool) -> tuple:
    """A cached outcome as this run's claims have it: without names lent in another context."""
    if lent or outcome[_OWN] == outcome[_COUNT]:
        return outcome
    out = list(outcome)
    at = _OUTCOME.index("characters")
    if out[at] is not None:
        out[at] = out[at][: len(out[at]) - (out[_COUNT] - out[_OWN])]
    out[_COUNT], out[_SHARED] = out[_OWN], None
    return tuple(out)
