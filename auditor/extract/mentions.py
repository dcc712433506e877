"""Names inside running text: characters in plot summaries, people in user reviews.

Plot texts name characters; a misspelt surname there is a real finding, so the rule is general:
a character is a name the page's cast list gives, or (on pages that keep capitals) a run of
capitalised words whose first word also stands alone ("Nathan Creel ... Nathan"),
or a single capitalised name used again and again ("Tamsin"). A first name followed by a surname
a letter or two away from a known one is reported as written, so the variant is kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from auditor.normalize.dates import MONTHS
from auditor.normalize.names import fold

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


def discover_names(text: str, start: int, end: int) -> set[str]:
    """Names a cased text uses as names, without any list to tell it so."""
    words = _words(text, start, end)
    standalone: Counter[str] = Counter()  # alone: "Arne finally opens ..."
    mid_sentence: Counter[str] = Counter()  # alone and not first in its sentence
    runs: list[list[re.Match[str]]] = []
    introduced: list[list[re.Match[str]]] = []
    i = 0
    while i < len(words):
        w = words[i]
        if not _capitalised(w.group()) or w.group() in _NOT_NAMES:
            i += 1
            continue
        run = [w]
        while (
            i + len(run) < len(words)
            and len(run) < 3
            and _capitalised(words[i + len(run)].group())
            and _adjacent(text, run[-1], words[i + len(run)])
        ):
            run.append(words[i + len(run)])
        if len(run) == 1:
            prev_cap = (
                i > 0 and _capitalised(words[i - 1].group()) and _adjacent(text, words[i - 1], w)
            )
            if not prev_cap:
                standalone[w.group()] += 1
                if _mid_sentence(text, w, start):
                    mid_sentence[w.group()] += 1
        else:
            runs.append(run)
        after = text[run[-1].end() : run[-1].end() + 3]
        if after.startswith(" (") and after[2:3].isupper():
            introduced.append(
                run
            )  # "Arne Lund (Dale Whitcomb)": the plot's way to name a character
        i += len(run)
    names: set[str] = set()
    in_names: set[str] = set()
    for run in runs:
        first = run[0].group()
        if standalone[first] and len(first) > 1 and first.lower() not in _STOP:
            names.add(" ".join(x.group() for x in run[:2]))
            in_names.update(x.group() for x in run[:2])
    for run in introduced:
        if run[0].group().lower() not in _STOP:
            names.add(" ".join(x.group() for x in run))
            in_names.update(x.group() for x in run[:1] if len(run) > 1)
    for word, n in mid_sentence.items():
        if n >= 3 and len(word) >= 3 and word not in in_names and word.lower() not in _STOP:
            names.add(word)
    return names


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

    for i, w in enumerate(words):
        word = w.group()
        if cased and not _capitalised(word):
            continue
        key = fold(word)
        nxt = words[i + 1] if i + 1 < len(words) else None
        if key in surnames and nxt is not None and _adjacent(text, w, nxt):
            nkey = fold(nxt.group())
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
                emit(w.start(), nxt.end())
                continue
        if key in singles:
            follows_name = (
                nxt is not None
                and _adjacent(text, w, nxt)
                and (_capitalised(nxt.group()) if cased else fold(f"{word} {nxt.group()}") in names)
            )
            if not follows_name:
                emit(w.start(), w.end())
    return sorted(found)


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
            if poss:  # "Carol Reid's": the name without its possessive
                last_end -= 2
            key = fold(" ".join(w.group() for w in window))
            key = key[:-2] if poss else key
            if key in table:
                yield window[0].start(), last_end, table[key]
            elif n >= 2:
                hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=threshold)
                if hit is None and len(key) >= 8:  # two letters off: "Carol Reid", "Reed"
                    hit = process.extractOne(
                        key, keys, scorer=Levenshtein.distance, score_cutoff=_TYPOS
                    )
                if hit and key.split()[-1][:1] == hit[0].split()[-1][:1]:
                    yield window[0].start(), last_end, table[hit[0]]
