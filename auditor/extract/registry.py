"""The adapters, and the one function that turns a document into claims or a clear error."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from itertools import accumulate

from rapidfuzz.distance import OSA

from auditor.claims import EDITORIAL, Claim
from auditor.documents import Document, DocumentRef, read
from auditor.errors import DocumentError
from auditor.extract.base import Adapter, Collector
from auditor.extract.filmsuggest import FilmSuggest
from auditor.extract.imdb import Imdb
from auditor.extract.movieblog import MovieBlog
from auditor.extract.plots import PlotTexts
from auditor.extract.rottentomatoes import RottenTomatoes
from auditor.extract.wikipedia import Wikipedia
from auditor.normalize.names import fold
from auditor.normalize.titles import same_sequel
from auditor.textview import TextView

ADAPTERS: tuple[Adapter, ...] = (Imdb(), MovieBlog(), RottenTomatoes(), Wikipedia(), FilmSuggest())


@dataclass(frozen=True)
class DocumentResult:
    """What extraction made of one document: its claims, or the error that stopped it."""

    ref: DocumentRef
    adapter: str | None
    claims: tuple[Claim, ...]
    error: str | None = None
    note: str | None = None  # how it was decoded, when not plain UTF-8
    digest: str = ""  # of its bytes
    line_starts: array = field(default_factory=lambda: array("I"), compare=False, repr=False)
    name_texts: tuple[tuple[int, int], ...] = ()  # view offsets of the texts names came from
    # A lower-cased page's plot texts, read again with its film's names (extract.shared).
    plots: PlotTexts | None = field(default=None, compare=False, repr=False)
    # The characters its claims name editorially (character claims; cast claims), so that
    # sharing names makes no claim objects of a cached frame. None: read them off the claims.
    characters: tuple[str, ...] | None = field(default=None, compare=False, repr=False)
    cast_characters: tuple[str, ...] | None = field(default=None, compare=False, repr=False)
    # Its film's names are shared in already (a worker that read the whole film, or the cache
    # of one): extract.shared leaves it as it is.
    shared: bool = field(default=False, compare=False, repr=False)


def line_starts(text: str) -> array:
    """Offsets where each line of `text` starts: SARIF's default line breaks, `\\n` and `\\r\\n`.

    Four bytes a line, computed once while the text is in memory, so that reports can give a
    claim's line and column without reading the document again.
    """
    lengths = map(len, text.split("\n")[:-1])
    return array("I", accumulate(map((1).__add__, lengths), initial=0))


def adapter_named(name: str) -> Adapter:
    for adapter in ADAPTERS:
        if adapter.name == name:
            return adapter
    raise KeyError(name)


def recognise(view: TextView) -> Adapter | None:
    for adapter in ADAPTERS:
        if adapter.recognise(view):
            return adapter
    return None


def extract_document(ref: DocumentRef, texts: dict[str, str] | None = None) -> DocumentResult:
    """Never raises for a bad document: the error is recorded and the others go on.

    `texts`, when given, keeps the decoded text under the document's relpath, so that sharing
    its film's names (extract.shared) need not read it again."""
    adapter = None
    if ref.problem:
        return DocumentResult(ref, None, (), ref.problem)
    doc = None
    try:
        doc = read(ref)
        if texts is not None:
            texts[ref.relpath] = doc.text
        view = TextView.of(doc.text)
        adapter = recognise(view)
        if adapter is None:
            raise DocumentError(
                ref.relpath,
                "matches no known page template (" + ", ".join(a.name for a in ADAPTERS) + ")",
                "check it is a whole captured page of a supported site, or add an adapter",
            )
        if adapter.truncated(view):
            raise DocumentError(
                ref.relpath,
                f"looks truncated: the {adapter.name} page's closing section is missing",
                "capture the whole page again",
            )
        out = _extract(adapter, doc, view)
        claims = out.claims  # each with its context already (Collector.add)
        _check_identity(ref, claims)
        lower = not adapter.cased and out.name_texts
        return DocumentResult(
            ref,
            adapter.name,
            tuple(claims),
            note=doc.note,
            digest=doc.digest,
            line_starts=line_starts(doc.text),
            name_texts=tuple(out.name_texts),
            plots=PlotTexts.of(view, out.name_texts) if lower else None,
            characters=tuple(out.values("character")),
            cast_characters=tuple(c["character"] for c in out.values("cast")),
        )
    except DocumentError as exc:
        name = adapter.name if adapter else None
        return DocumentResult(ref, name, (), str(exc), *((doc.note, doc.digest) if doc else ()))


def _extract(adapter: Adapter, doc: Document, view: TextView) -> Collector:
    out = Collector(doc.ref, view)
    try:
        adapter.extract(view, out)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the audit
        raise DocumentError(
            doc.relpath,
            f"the {adapter.name} adapter failed on it ({type(exc).__name__}: {exc})",
            "report this with the document attached",
        ) from exc
    _no_characters_in_documentaries(out)
    _no_retired_mpaa_ratings(out)
    return out


def _no_characters_in_documentaries(out: Collector) -> None:
    """A documentary's synopsis names the people filmed, not characters (its cast list's
    "Himself" says who they are): a page that calls its film a documentary names none."""
    if any(fold(g) == "documentary" for g in out.values("genres")):
        out.claims = [c for c in out.claims if c.attribute != "character"]
        out.name_texts = []


# MPAA ratings the board gave for a few years only, and the last year it gave each.
_RETIRED_MPAA = {"M": 1970, "GP": 1972}


def _no_retired_mpaa_ratings(out: Collector) -> None:
    """"M" (1968-1970) and "GP" (1970-1972) were MPAA ratings for a few years only: on the page
    of a later film they are another board's certificate (Australia's or New Zealand's "M"),
    no MPAA rating. The film's year is the page's own, else its folder's."""
    years = [y for y in out.values("year") if isinstance(y, int)]
    if not years and (m := re.search(r"-(\d{4})$", out.ref.entity)):
        years = [int(m.group(1))]
    if not years:
        return
    out.claims = [
        c
        for c in out.claims
        if c.attribute != "mpaa_rating"
        or c.value not in _RETIRED_MPAA
        or min(years) <= _RETIRED_MPAA[c.value]
    ]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def _squeezed(text: str) -> str:
    """A title's letters and digits alone: folder names write its apostrophes, dots, colons
    and signs as separators or as nothing ("ferryman-s" or "ferrymans", "wall-e" or "walle",
    "8-1-2" or "812" for "8½")."""
    return re.sub(r"[^a-z0-9]+", "", fold(text))


def _same_title(entity_slug: str, title: str) -> bool:
    """Whether `title` names the film of the folder: the same letters and digits, or a
    sequel's title as sites shorten it (normalize.titles), or the same words with one of them
    mistyped by a letter (`_mistyped`)."""
    return (
        _squeezed(entity_slug) == _squeezed(title)
        or same_sequel(entity_slug, title)
        or _mistyped(entity_slug, title)
    )


def _mistyped(entity_slug: str, title: str) -> bool:
    """The folder's title words with one word of five or more letters a letter off (one left
    out, added, changed or two swapped: "The Quiet Citty"): a typo, no other film. A
    number, a numeral or a plural "s" is never a typo: "Part II" and "Part III", "Alien" and
    "Aliens" are other films."""
    a, b = slug(entity_slug).split("-"), slug(title).split("-")
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if not (x.isalpha() and y.isalpha()) or min(len(x), len(y)) < 4 or max(len(x), len(y)) < 5:
        return False
    if _NUMERAL.fullmatch(x) or _NUMERAL.fullmatch(y) or x + "s" == y or y + "s" == x:
        return False
    return OSA.distance(x, y) == 1


_NUMERAL = re.compile(r"[ivxlc]+")  # a Roman numeral's letters


def _folder(entity: str) -> tuple[str, int | None]:
    """An entity folder's name as its film's title slug and year ("the-quiet-city-1995")."""
    m = re.fullmatch(r"(?P<slug>.+?)-(?P<year>\d{4})", slug(entity))
    return (m["slug"], int(m["year"])) if m else (slug(entity), None)


def identity_error(ref: DocumentRef, titles: list[str], years: list[int]) -> DocumentError:
    """A page filed under an entity it is not about: what it says, and the folder it needs."""
    entity_slug, entity_year = _folder(ref.entity)
    said = ", ".join([repr(t) for t in titles] + [str(y) for y in years])
    year = years[0] if years else entity_year
    folder = slug(titles[0]) if titles else entity_slug
    folder = f"{folder}-{year}" if year is not None else folder
    return DocumentError(
        ref.relpath,
        f"is about {said}, not the entity '{ref.entity}' of its folder",
        f"move it to an entity folder named '{folder}' or fix the manifest",
    )


def foreign_titles(entity: str, titles: list[str]) -> list[str]:
    """The titles, of those a page states, that do not name the film of its folder."""
    return sorted(t for t in titles if not _same_title(_folder(entity)[0], t))


def _check_identity(ref: DocumentRef, claims: list[Claim]) -> None:
    """A page about another film filed under this entity would poison every comparison. A
    year not the folder's refuses it here; a title not the folder's is judged with the
    folder's other pages (extract.identity), which may name it as the film's other title."""
    years = {c.value for c in claims if c.attribute == "year" and c.origin == EDITORIAL}
    entity_year = _folder(ref.entity)[1]
    wrong_year = sorted(y for y in years if entity_year is not None and y != entity_year)
    if wrong_year:
        titles = {c.value for c in claims if c.attribute == "title" and c.origin == EDITORIAL}
        raise identity_error(ref, foreign_titles(ref.entity, list(titles)), wrong_year)
