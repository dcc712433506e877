"""Names inside running text: characters in plot summaries, people in user reviews.

Plot texts name characters; a misspelt surname there is a real finding, so the rule is general,
never "a first name must recur": a character is a name the page's cast list gives (diacritics
and title abbreviations folded: "Maj. Vance" is "Major Vance"), or, on pages that keep
capitals, a run of capitalised words that is no place or body (not after "in" / "the", no
"Street" or "Hotel" in it, no demonym), titles, particles and a quoted nickname included
("Jo \"Ace\" Vance"); a word after "named" or before an actor in parentheses; or a single
capitalised name used again and again. A first name followed by a surname a letter or two away
from a known one, and a one-word name a letter off a cast list's, are reported as written, so
the variant is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from auditor.normalize.dates import MONTHS
from auditor.normalize.names import HONORIFICS, fold

_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|[^\W\d_]", re.UNICODE)
_SENTENCE_BREAK = re.compile(r"(?:^|[.!?:;\"“”(\[\n]|\s-)\s*$")
_SURNAME_NEAR = 75.0
_TYPOS = 2  # edits that still make a misspelling of a name of eight letters or more
_STOP = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "their",
    "who",
    "whom",
    "which",
    "that",
    "this",
    "with",
    "from",
    "into",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "by",
    "as",
    "is",
    "was",
    "are",
    "were",
    "has",
    "had",
    "have",
    "be",
    "been",
    "not",
    "no",
    "so",
    "then",
    "when",
    "while",
    "after",
    "before",
    "also",
    "its",
    "i",
    "you",
}
_NOT_NAMES = {
    *(m.capitalize() for m in MONTHS),
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "God",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
}


def _words(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_WORD.finditer(text, start, end))


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    gap = text[a.end() : b.start()]
    return gap in (" ", "\u00a0")


def _capitalised(w: str) -> bool:
    return w[0].isupper()


def _mid_sentence(text: str, w: re.Match[str], start: int) -> bool:
    before = text[max(start, w.start() - 3) : w.start()]
    return w.start() > start and not _SENTENCE_BREAK.search(before)


# Words that make a capitalised run a place, a body or a time, not a person.
_PLACE_WORDS = {
    "cross",
    "yard",
    "bureau",
    "intelligence",
    "corporation",
    "foundation",
    "society",
    "association",
    "league",
    "county",
    "state",
    "province",
    "district",
    "village",
    "hill",
    "hills",
    "heights",
    "gardens",
    "manor",
    "estate",
    "farm",
    "ranch",
    "factory",
    "cup",
    "games",
    "olympics",
    "championship",
    "show",
    "project",
    "operation",
    "revolution",
    "airlines",
    "railway",
    "express",
    "times",
    "news",
    "christ",
    "jesus",
    "street",
    "road",
    "avenue",
    "lane",
    "square",
    "bridge",
    "hotel",
    "casino",
    "hospital",
    "school",
    "university",
    "college",
    "institute",
    "church",
    "cathedral",
    "station",
    "airport",
    "park",
    "river",
    "lake",
    "mountain",
    "mount",
    "city",
    "town",
    "club",
    "bar",
    "cafe",
    "café",
    "restaurant",
    "police",
    "army",
    "navy",
    "force",
    "corps",
    "guard",
    "party",
    "company",
    "records",
    "pictures",
    "films",
    "studios",
    "festival",
    "award",
    "awards",
    "academy",
    "prize",
    "museum",
    "gallery",
    "theatre",
    "theater",
    "prison",
    "court",
    "strip",
    "republic",
    "kingdom",
    "states",
    "union",
    "empire",
    "ministry",
    "council",
    "committee",
    "bank",
    "market",
    "bay",
    "island",
    "islands",
    "beach",
    "valley",
    "palace",
    "castle",
    "tower",
    "zone",
    "sector",
    "embassy",
    "war",
    "world",
    "day",
    "christmas",
    "easter",
    "allies",
    "westerns",
    "office",
    "service",
    "department",
    "agency",
    "centre",
    "center",
    "building",
    "house",
    "hall",
    "north",
    "south",
    "east",
    "west",
    "new",
    "saint",
    "st",
}
# A run after these words is a place or a thing ("to Port Ellis", "the Grand Hotel").
_NOT_BEFORE_PERSON = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "in",
    "to",
    "from",
    "at",
    "into",
    "near",
    "across",
    "toward",
    "towards",
    "through",
    "outside",
    "inside",
    "around",
    "on",
    "onto",
    "via",
    "of",
}
_TITLE_WORD = r"[A-Z][\w'’-]*"
_NICKNAMED = re.compile(
    rf"\b(?:{_TITLE_WORD}(?:\.)? )?{_TITLE_WORD} [\"“]{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}}[\"”] "
    rf"{_TITLE_WORD}|[\"“]{_TITLE_WORD}[\"”] {_TITLE_WORD}"
)
_LOWER_NICKNAMED = re.compile(r"\b\w+ [\"“](?P<nick>\w[\w ]{0,20}?)[\"”] (?P<last>\w+)\b")
_NAMED = re.compile(rf"\b(?:named|called|nicknamed) (?P<n>{_TITLE_WORD})")
_TITLES = {"Mr", "Mrs", "Ms", "Dr"}
# Words that open a sentence and are no name: "Meanwhile Jo Vance ...", "Later Ada ...".
_OPENERS = set(
    "meanwhile later soon eventually finally afterwards afterward there here now once still "
    "instead however although though despite during upon until unless because since back "
    "together next suddenly elsewhere inside outside today tonight tomorrow yesterday years "
    "months days weeks both each every all some many most few several other another one two "
    "three four five six seven eight nine ten first second third last young old little poor "
    "dear unable desperate angry convinced fearing realising realizing knowing hoping "
    "believing shortly someday somehow nevertheless nonetheless ultimately initially".split()
)
# A capitalised first word of a sentence that is no name: "Leaving Ada's flat, ...".
_SENTENCE_VERB = re.compile(r"[A-Z][a-z]{3,}(?:ing|ed)")
_INTRODUCED = re.compile(rf"(?<![\w'’])(?<!\. )\b(?P<n>{_TITLE_WORD}) \((?=[A-Z])")
_PARTICLE = {"de", "van", "von", "da", "di", "del", "della", "du", "le", "la", "der", "ter"}


def _demonyms() -> set[str]:
    from auditor.normalize.places import COUNTRY_KEYS

    return {k for k in COUNTRY_KEYS if " " not in k and "." not in k}


_DEMONYM_WORDS = _demonyms()


def _runs(text: str, start: int, end: int) -> Iterator[list[re.Match[str]]]:
    """Capitalised runs of up to four words: a person's name, title and particles included."""
    words = _words(text, start, end)
    i = 0
    while i < len(words):
        w = words[i]
        if not _capitalised(w.group()):
            i += 1
            continue
        run = [w]
        j = i + 1
        while j < len(words) and len(run) < 4:
            gap = text[run[-1].end() : words[j].start()]
            nxt = words[j].group()
            titled = fold(run[-1].group()) in HONORIFICS and gap == ". "
            if gap not in (" ", "\u00a0") and not titled:
                break
            if not _capitalised(nxt) and not (nxt in _PARTICLE and j + 1 < len(words)):
                break
            run.append(words[j])
            j += 1
        while run and not _capitalised(run[-1].group()):
            run.pop()
        yield run
        i += max(len(run), 1)


def _person_run(text: str, start: int, run: list[re.Match[str]]) -> tuple[int, int] | None:
    """The span of the run as a person's name, or None: no place word, no demonym, not in
    parentheses (an actor), not after 'the' / 'in' / 'to' (a place or a thing)."""
    if text[max(start, run[0].start() - 1) : run[0].start()] == "(":
        return None
    stripped = []
    opening = not _mid_sentence(text, run[0], start)
    while run and (
        run[0].group().lower() in _STOP
        or (opening and run[0].group().lower() in _OPENERS)
        or (opening and _SENTENCE_VERB.fullmatch(run[0].group()))
    ):
        stripped.append(run[0].group().lower())
        run = run[1:]
    if stripped and stripped[-1] in _NOT_BEFORE_PERSON:
        return None
    if len(run) < 2:
        return None
    words = [re.sub(r"['’]s$", "", w.group()) for w in run]
    if any(w in _NOT_NAMES - _TITLES for w in words):
        return None
    lowered = [fold(w) for w in words]
    if any(w in _PLACE_WORDS or w in _DEMONYM_WORDS for w in lowered):
        return None
    if all(w.rstrip(".") in HONORIFICS for w in lowered):
        return None
    before = re.search(r"([\w'’]+)\W*$", text[max(start, run[0].start() - 20) : run[0].start()])
    if not stripped and before and before.group(1).lower() in _NOT_BEFORE_PERSON:
        return None
    end = run[-1].end() - (2 if words[-1] != run[-1].group() else 0)
    return run[0].start(), end


def discover_names(text: str, start: int, end: int) -> set[str]:
    """Names a cased text uses as names, without any list to tell it so: runs of capitalised
    words that are not places or bodies (titles, particles and quoted nicknames included),
    a word after "named", and a single name used again and again in mid-sentence."""
    names: set[str] = set()
    covered: set[str] = set()
    for m in _NICKNAMED.finditer(text, start, end):
        names.add(" ".join(m.group().split()))
        covered.update(re.findall(r"[^\W\d_][\w'’-]*", m.group()))
    for run in _runs(text, start, end):
        span = _person_run(text, start, run)
        if span and not set(text[span[0] : span[1]].split()) <= covered:
            name = " ".join(text[span[0] : span[1]].split())
            names.add(name)
            covered.update(name.split())
    for m in _INTRODUCED.finditer(text, start, end):
        word = m["n"]
        if re.search(r"[A-Z][\w'’-]*\.? $", text[max(start, m.start() - 40) : m.start()]):
            continue  # the end of a longer name
        if word not in _NOT_NAMES and word.lower() not in _STOP and fold(word) not in HONORIFICS:
            names.add(word)
    for m in _NAMED.finditer(text, start, end):
        if m["n"] not in _NOT_NAMES and m["n"].lower() not in _STOP:
            names.add(m["n"])
    mid_sentence: Counter[str] = Counter()
    words = _words(text, start, end)
    for i, w in enumerate(words):
        if not _capitalised(w.group()) or w.group() in _NOT_NAMES:
            continue
        prev_cap = i > 0 and _capitalised(words[i - 1].group()) and _adjacent(text, words[i - 1], w)
        next_cap = (
            i + 1 < len(words)
            and _capitalised(words[i + 1].group())
            and _adjacent(text, w, words[i + 1])
        )
        placed = i > 0 and words[i - 1].group().lower() in _NOT_BEFORE_PERSON
        if not prev_cap and not next_cap and not placed and _mid_sentence(text, w, start):
            mid_sentence[re.sub(r"['’]s$", "", w.group())] += 1
    for word, n in mid_sentence.items():
        if (
            n >= 3
            and len(word) >= 3
            and word not in covered
            and word.lower() not in _STOP
            and fold(word) not in _DEMONYM_WORDS
            and fold(word) not in HONORIFICS
        ):
            names.add(word)
    return names


def _name_pattern(name: str, *, cased: bool) -> str:
    """A regex for `name` that also matches it with or without diacritics and with its title
    abbreviated or spelt out ("Maj. Vance" / "Major Vance")."""
    words = name.split()
    parts = []
    for i, w in enumerate(words):
        key = fold(w).rstrip(".")
        if i < len(words) - 1 and key in HONORIFICS:
            forms = {k for k, v in HONORIFICS.items() if v == HONORIFICS[key]}
            parts.append("(?i:" + "|".join(rf"{re.escape(f)}\.?" for f in sorted(forms)) + ")")
            continue
        parts.append("".join(_letter(c) for c in w))
    flags = "" if cased else "(?i)"
    return flags + r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])"


def _letter(c: str) -> str:
    base = fold(c)
    if len(base) == 1 and base.isalpha() and base != c.lower():
        return f"[{re.escape(c)}{base}{base.upper()}]"
    if len(base) == 1 and base.isalpha():
        accented = _ACCENTS.get(base, "")
        return f"[{re.escape(c)}{accented}{accented.upper()}]" if accented else re.escape(c)
    return re.escape(c)


_ACCENTS = {"a": "àáâãäå", "e": "èéêë", "i": "ìíîï", "o": "òóôõöø", "u": "ùúûü", "c": "ç", "n": "ñ"}


def long_mentions(
    text: str, start: int, end: int, names: Iterable[str], *, cased: bool
) -> list[tuple[int, int]]:
    """Spans of names that a word scan cannot see: titled, nicknamed or three words long."""
    found = []
    for name in sorted(set(names), key=len, reverse=True):
        words = name.split()
        special = (
            len(words) >= 3
            or any(fold(w).rstrip(".") in HONORIFICS for w in words[:-1])
            or re.search(r"[\"“”.]", name)
        )
        if not special:
            continue
        m = re.compile(_name_pattern(name, cased=cased)).search(text, start, end)
        if m and not any(s <= m.start() < e for s, e in found):
            found.append((m.start(), m.end()))
    return found


def character_mentions(
    text: str, start: int, end: int, known: Iterable[str], *, cased: bool
) -> list[tuple[int, int]]:
    """Spans of character names in text[start:end], the first of each distinct name."""
    names = {fold(n): n for n in known if n.strip()}
    if cased:
        names.update({fold(n): n for n in discover_names(text, start, end)})
    surnames: dict[str, list[str]] = {}
    singles: set[str] = set()
    for key in names:
        parts = key.split()
        if len(parts) == 1:
            singles.add(key)
        elif len(parts) == 2:
            surnames.setdefault(parts[0], []).append(parts[1])
    words = _words(text, start, end)
    found: list[tuple[int, int]] = []
    seen: set[str] = set()

    def emit(s: int, e: int) -> None:
        key = fold(text[s:e])
        if key not in seen:
            seen.add(key)
            found.append((s, e))

    inside = long_mentions(text, start, end, names.values(), cased=cased)
    if not cased:  # 'ada "the fox" brook': a nicknamed name around a known one
        for m in _LOWER_NICKNAMED.finditer(text, start, end):
            if {fold(m["nick"]), fold(m["last"])} & set(names) and not any(
                s <= m.start() < e for s, e in inside
            ):
                inside.append((m.start(), m.end()))
    for s, e in inside:
        emit(s, e)
    words = [w for w in words if not any(s <= w.start() < e for s, e in inside)]

    for i, w in enumerate(words):
        word = w.group()
        if cased and not _capitalised(word):
            continue
        key = fold(word)
        poss = 2 if re.search(r"['’]s$", word) else 0  # "Ada's": the name without 's
        key = key[:-2] if poss else key
        nxt = words[i + 1] if i + 1 < len(words) else None
        if key in surnames and nxt is not None and _adjacent(text, w, nxt):
            nkey = fold(nxt.group())
            nposs = 2 if re.search(r"['’]s$", nxt.group()) else 0
            nkey = nkey[:-2] if nposs else nkey
            if (
                (not cased or _capitalised(nxt.group()))
                and nkey not in _STOP
                and (
                    nkey in surnames[key]
                    or process.extractOne(
                        nkey, surnames[key], scorer=fuzz.ratio, score_cutoff=_SURNAME_NEAR
                    )
                )
            ):
                emit(w.start(), nxt.end() - nposs)
                continue
        misspelt = (
            cased
            and key not in singles
            and len(key) >= 5
            and key not in _STOP
            and _mid_sentence(text, w, start)
            and process.extractOne(
                key, singles, scorer=Levenshtein.distance, score_cutoff=1 if len(key) < 8 else 2
            )
        )
        if key in singles or (misspelt and misspelt[0][:1] == key[:1]):
            follows_name = (
                nxt is not None
                and _adjacent(text, w, nxt)
                and (_capitalised(nxt.group()) if cased else fold(f"{word} {nxt.group()}") in names)
            )
            prev = words[i - 1] if i else None
            after_name = (
                prev is not None and _adjacent(text, prev, w) and _capitalised(prev.group())
            )
            if not follows_name and not (misspelt and after_name):
                emit(w.start(), w.end() - poss)
    return sorted(found)


def coordinated_mentions(
    text: str, start: int, end: int, known: Iterable[str], *, cased: bool
) -> list[tuple[int, int, str]]:
    """'Amy and Tom Brook': two people who share a surname, named in one coordination. Each
    comes back with the whole phrase as its evidence and the first name given the surname,
    when the second name is one the text or the cast list uses."""
    names = {fold(n) for n in known} | (
        {fold(n) for n in discover_names(text, start, end)} if cased else set()
    )
    word = r"[^\W\d_][\w'’-]*"
    out = []
    for m in re.finditer(rf"\b(?P<a>{word}) and (?P<b>{word}) (?P<last>{word})\b", text[:end]):
        if m.start() < start or (cased and not all(m[g][0].isupper() for g in "ab")):
            continue
        a = fold(m["a"])
        if fold(f"{m['b']} {m['last']}") in names and a not in _STOP and a not in names:
            out.append((m.start(), m.end(), f"{m['a']} {m['last']}"))
    return out


def people_mentions(
    text: str,
    start: int,
    end: int,
    people: dict[str, str],
    *,
    cased: bool,
    threshold: float = 85.0,
) -> Iterator[tuple[int, int, str]]:
    """(start, end, attribute) of each mention of a known person, exact or misspelt.

    `people` maps a name as the page writes it editorially to the attribute it belongs to.
    """
    by_len: dict[int, dict[str, str]] = {}
    for name, attribute in people.items():
        key = fold(name)
        by_len.setdefault(len(key.split()), {}).setdefault(key, attribute)
    words = _words(text, start, end)
    for n, table in sorted(by_len.items(), reverse=True):
        keys = list(table)
        for i in range(len(words) - n + 1):
            window = words[i : i + n]
            if cased and not all(_capitalised(w.group()) for w in window):
                continue
            if not all(_adjacent(text, a, b) for a, b in zip(window, window[1:], strict=False)):
                continue
            last_end = window[-1].end()
            poss = re.search(r"['’]s$", window[-1].group())
            if poss:  # "Ada Brooke's": the name without its possessive
                last_end -= 2
            key = fold(" ".join(w.group() for w in window))
            key = key[:-2] if poss else key
            if key in table:
                yield window[0].start(), last_end, table[key]
            elif n >= 2:
                hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
                if hit is None and len(key) >= 8:  # two letters off: "Ada Brooks", "Brook"
                    hit = process.extractOne(
                        key, keys, scorer=Levenshtein.distance, score_cutoff=_TYPOS
                    )
                if hit and key.split()[-1][:1] == hit[0].split()[-1][:1]:
                    yield window[0].start(), last_end, table[hit[0]]
