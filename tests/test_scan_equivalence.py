"""The fast scans extraction uses find what the plain patterns they stand for find.

Each fast form (a pattern tried only where its opening words or characters are, a pattern
rewritten to open on a set of characters, a scan started where no match straddles) is
compared with the straightforward pattern on the bundled pages and on random strings made
of the pieces the pattern reads, at random bounds.
"""

from __future__ import annotations

import random
import re
from itertools import accumulate
from pathlib import Path

import pytest

from auditor.extract import common, imdb, mentions, prose, scan, wikipedia
from auditor.extract.base import opens_line
from auditor.normalize.money import MONEY_IN_TEXT

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "sources").rglob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "documents").rglob("*.txt")
)


def _texts(pieces: list[str], seed: int, count: int = 3000, most: int = 12) -> list[str]:
    rng = random.Random(seed)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(count)]
    return [p.read_text(encoding="utf-8") for p in PAGES] + made


def _bounds(text: str, rng: random.Random, n: int = 4) -> list[tuple[int, int]]:
    out = [(0, len(text))]
    for _ in range(n):
        a = rng.randint(0, len(text))
        out.append((a, rng.randint(a, min(len(text), a + 600))))
    return out


def _spans(matches) -> list[tuple]:
    return [m.span() + m.groups() for m in matches]


CASE_ODD = ["ſ", "K", "ı", "İ"]  # letters case-insensitive matching equates with ASCII ones


@pytest.mark.parametrize("name", ["_VERB_AT", "_OTHER_AT", "_IN_COUNTRY_AT", "_ANNIVERSARY_AT",
                                  "_BROADCAST_AT"])
def test_opening_words_search_as_the_pattern(name: str) -> None:
    at: prose.Opening = getattr(prose, name)
    pieces = ["released ", "Release", "in ", "In the ", "France", "album ", "re-release", "x",
              "across ", "opened", " ", "\n", "Canada ", "premiere", "Anniversary", "aired",
              "Shown on", *CASE_ODD]
    rng = random.Random(1)
    for text in _texts(pieces, 1):
        low = prose._lowered(text)
        for a, b in _bounds(text, rng):
            assert _spans(at.finditer(text, low, a, b)) == _spans(at.rx.finditer(text[a:b]))
            m, want = at.search(text, low, a, b), at.rx.search(text[a:b])
            assert (m and m.span()) == (want and want.span())


def test_dates_and_amounts_as_the_patterns() -> None:
    pieces = ["5 ", "May ", "may", "1996", "in ", "Sept. ", "2001", "-05", "-12", "21st ", "jan",
              "JANUARY ", "٥", "٥ May 1996", "$", "US$", "CAN$", "rmb¥", "USD", "usdkk", "DKK",
              "12,000", " million", "£", "€3", "to", "(est.)", " ", "x", "_", "410 000",
              " kr", "SEK", "kroner", "Rs.", "rs", "Rs ", "ye", "4,50,00,000", "₺", "TL ", " tl",
              "TRY", *CASE_ODD]
    rng = random.Random(2)
    for text in _texts(pieces, 2):
        low = prose._lowered(text)
        for a, b in _bounds(text, rng):
            for rx in (prose._DATE, prose._MEDIA_DATE):
                assert _spans(prose._dates(rx, text, low, a, b)) == _spans(rx.finditer(text, a, b))
            assert _spans(prose._amounts(text, low, a, b)) == _spans(
                MONEY_IN_TEXT.finditer(text, a, b)
            )


def test_rewritten_name_patterns_match_as_the_plain_ones() -> None:
    word = mentions._TITLE_WORD
    cap = mentions._UPPER
    plain = {
        "_NICKNAMED": re.compile(
            rf"\b(?:{word}(?:\.)? )?{word} [\"“]{word}(?: {word}){{0,2}}[\"”] "
            rf"{word}|[\"“]{word}[\"”] {word}"
        ),
        "_INTRODUCED": re.compile(  # a name and an actor opening on any capital ("Ömer")
            rf"(?<![\w'’])(?<!\. )\b(?P<n>[{cap}][\w'’-]*) \((?=[{cap}])"
        ),
        "_KIN": re.compile(
            r"\b(?i:his|her|their|my|our|your|an?) "
            + mentions._KIN.pattern.split(r"(?<=a)n?) ", 1)[1]
        ),
    }
    pieces = ['Jo', 'Maj.', 'Ada', ' ', '"', '“', '”', 'Ace ', 'Vance', '. ', ' (', 'Max', "O'",
              '-', 'é', '_', "his ", "HIS ", "hiſ ", "her ", "Their ", "my ", "a ", "An ",
              "sister ", "Ömer", " (İ",
              "younger ", "step-", "ahis ", "x"]
    rng = random.Random(3)
    for text in _texts(pieces, 3, count=6000):
        for a, b in _bounds(text, rng):
            for name, rx in plain.items():
                assert _spans(getattr(mentions, name).finditer(text, a, b)) == _spans(
                    rx.finditer(text, a, b)
                ), name


def test_coordinations_as_the_pattern() -> None:
    pieces = [" and ", "Amy", "amy", "Tom", "Brook", "x-", "’", "'", "_", "9", "²", " ", ".",
              " and and ", "é"]
    rng = random.Random(4)
    for text in _texts(pieces, 4, count=6000):
        for a, b in _bounds(text, rng):
            assert _spans(mentions._coordinations(text, a, b)) == _spans(
                mentions._COORDINATED.finditer(text, a, b)
            )


def test_words_and_capitalised_chains_as_the_word_pattern() -> None:
    split = re.compile(f"({mentions._WORD.pattern})")
    tail = r"(?:[\w'’-]*[^\W_])?"
    pieces = list("aZé9_'’- .\n-x_'²Ⅻ٣ÉQ\u00a0") + ["Ada ", "Brook"]
    rng = random.Random(5)
    for text in _texts(pieces, 5, count=6000, most=16):
        for a, b in _bounds(text, rng, 2):
            t = mentions._Tokens(text, a, b)
            parts = split.split(text[a:b])
            offsets = list(accumulate(map(len, parts), initial=a))
            n = len(parts) // 2
            assert t.words == parts[1::2] and t.gaps == parts[0::2]
            assert t.starts == offsets[1 : 2 * n : 2] and t.ends == offsets[2 : 2 * n + 1 : 2]
        fast = mentions._chain_rx()
        plain = re.compile(fast.pattern.replace(r"[^\W_]*+(?:[_'’-]+[^\W_]++)*+", tail))
        pos = rng.randint(0, len(text))
        m, want = fast.search(text, pos), plain.search(text, pos)
        assert (m and m.span()) == (want and want.span())


def test_wikipedia_scans_as_the_patterns() -> None:
    body_end = re.compile(
        "(?:"
        + "|".join(opens_line(w[0], w[1:]) for w in wikipedia._BODY_HEADINGS)
        + r")\b",
        re.M,
    )
    pieces = ["See also", "References", "Further reading", "External links", "\n", " ", "x",
              "Ada Brook", " as ", "• ", ",", "[1]", "(voice)", "Ab", " is a ", " was an ",
              " (x)", "é"]
    w = wikipedia.Wikipedia()
    rng = random.Random(6)
    for text in _texts(pieces, 6):
        for a, b in _bounds(text, rng):
            m = body_end.search(text, a)
            assert w._body_end(text, a) == (m.start() if m else len(text))
            assert _spans(wikipedia._cast_lines(text, a, b)) == _spans(
                wikipedia._CAST_LINE.finditer(text, a, b)
            )
            lead = re.compile(r"^Ab(?: \([^\n]{0,200}?\))?,? (?:is|was) an? ", re.M).search(text, a)
            assert wikipedia._lead(text, "Ab", a) == (lead.start() if lead else -1)


def test_imdb_label_scans_from_where_no_label_straddles() -> None:
    pieces = ["budget: ", "gross: ", "gross usa: ", "gross us & canada: ", "bud", "get: ",
              "cumulative worldwide gross: ", "rest of cast listed alphabetically:",
              "uncredited cast:", " ", "x", "a", "$5", "&", "\n", ": "]
    rng = random.Random(7)
    for text in _texts(pieces, 7):
        for a, b in _bounds(text, rng):
            want = [m.span() for m in imdb._MONEY_LABEL.finditer(text[:b]) if m.start() >= a]
            q = imdb._clear_before(text, a, imdb._LABEL_CHARS)
            got = [m.span() for m in imdb._MONEY_LABEL.finditer(text, q, b) if m.start() >= a]
            assert got == want
            spans, last = [], 0
            for m in imdb._CAST_PART.finditer(text, 0, b):
                s = m.start() - (m.start() > last and text[m.start() - 1] == " ")
                spans.append((s, m.end()))
                last = m.end()
            assert [s for s in imdb._cast_parts(text, a, b) if s[0] >= a] == [
                s for s in spans if s[0] >= a
            ]


def test_has_word_as_the_pattern() -> None:
    pieces = ["sera", "Sera", " ", "_", "seras", "é", "\n", "-", "1", "ser", "a", *CASE_ODD]
    for text in _texts(pieces, 3):
        for word in ("sera", "a", "é"):
            want = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None
            assert scan.has_word(text, word) == want, (text, word)


def test_kind_words_gate_every_kind():
    """`_kind` is skipped where the lower-cased clause holds no `_KIND_WORDS`: every clause
    it reads a kind in must hold one."""
    pieces = ["Limited ", "went wide", "Re-released ", "reissued", "restoration", "World ",
              "premiere", "festival ", "debuted", "general", "expanded", "the ", " ", *CASE_ODD]
    for text in _texts(pieces, 4):
        low = prose._lowered(text)
        if prose._kind(text) is not None and low is not None:
            assert prose._KIND_WORDS.search(low), text


def test_other_film_sentences_as_the_pattern_that_looks_behind() -> None:
    """Tried only where a sentence opens, the pattern finds what it finds tried everywhere with
    the look-behinds that say where a sentence opens."""
    plain = re.compile(
        r"(?:(?<=^)|(?<=[.!?] )|(?<=[.!?]\] )|(?<=\] ))"
        + wikipedia._OTHER_FILM_SENTENCE.pattern,
        re.M,
    )
    pieces = [
        "The ", "Her ", "previous ", "first ", "film ", "feature ", "X ", "(2011)", "(1995)",
        ". ", "] ", ".] ", "\n", "Studio's ", "a", ",", "Mr. ", "! ", "? ", " ",
    ]  # fmt: skip
    rng = random.Random(11)
    for text in _texts(pieces, seed=11, most=30):
        for s, e in _bounds(text, rng):
            want = [m.span() for m in plain.finditer(text, s, e)]
            assert [m.span() for m in wikipedia._other_film_sentences(text, s, e)] == want


def _respaced_by_pattern(text: str, start: int, end: int, people: dict[str, str]) -> list:
    """What `common._respaced_mentions` stands for: one pattern of every name, its matches
    named back by their letters."""
    keys = common.respaced_keys(people)
    if not keys:
        return []
    rx = common.respaced_pattern(sorted(keys, key=len, reverse=True))
    found = []
    for m in rx.finditer(text, start, end):
        written = m[0].casefold()
        for n, name, attribute in keys.get(written.replace(" ", "").replace("-", ""), ()):
            if written != name.casefold():
                found.append((n, m.start(), m.end(), attribute))
    return [(a, b, attribute) for _, a, b, attribute in sorted(found)]


def test_respaced_names_found_as_their_pattern_finds_them() -> None:
    people = {
        "Abdulkarim Hafez": "director",
        "Lina Abdul Wahab": "stars",
        "Omar El-Gendy": "stars",
        "Abdul Karim": "stars",
        "Karim Hafez": "character",
        "Ab Dul": "stars",
        "Sasha Kirk": "stars",
        "Iris Kim": "stars",
        "Eleni Σamaraς": "stars",  # a final sigma is the same letter, case ignored
    }
    pieces = ["Abdul", "karim", "KARIM", " ", "-", "  ", " - ", "Lina", "abdulwahab", "Wahab",
              "El", "gendy", "Hafez", "hafez", "'", "’", "x", "\n", "_", "1", "Sa", "sha", "Kirk",
              "Iris", "Kim", "Eleni", "amara", "σ", "ς", "Σ", *CASE_ODD]
    rng = random.Random(7)
    written = ["EleniΣamaraς is", "Eleni-σamaraσ.", "ELENI ΣAMARAΣ", "AbdulKarim", "ſasha-Kirk"]
    for text in written + _texts(pieces, 7):
        # a page's own pairs of capitalised words stand for its people, beside the ones above
        own = dict.fromkeys(re.findall(r"[A-Z][a-z]+ [A-Z][a-z]+", text)[:40], "stars")
        for names in (people, {**people, **own}):
            for a, b in _bounds(text, rng):
                got = common._respaced_mentions(text, a, b, names)
                assert got == _respaced_by_pattern(text, a, b, names), (text[a:b][:200], a, b)


def _long_by_pattern(text: str, start: int, end: int, names, *, cased: bool) -> list:
    """What `mentions.long_mentions` stands for: every name's pattern searched."""
    found: list[tuple[int, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        rx = mentions._name_rx(name, cased)
        m = rx and rx.search(text, start, end)
        if m and not any(s <= m.start() < e for s, e in found):
            found.append((m.start(), m.end()))
    return found


def test_long_names_found_as_their_patterns_find_them() -> None:
    """A name whose last word an ASCII text does not hold is skipped unread: the same spans."""
    names = ["Capt. Jo Vance", "Dr. Ada Yıldız", "Maj. Kit 'Ace' Hale", "Ana María Solís",
             "Jon Paul Große", "The Frost Queen", 'Kit "Ace" Hale', "Old Ivo Ševčík", "Mr. Æsop"]
    pieces = ["Capt", ". ", "Captain ", "Jo ", "Vance", "vance", "Dr ", "Doctor ", "Ada ",
              "Yildiz", "yıldız", "Major ", "Maj. ", "Kit ", "'Ace' ", '"Ace" ', "Hale", "Ana ",
              "Maria ", "María ", "Solis", "Solís", "Jon Paul ", "Grosse", "Große", "the ",
              "The ", "Frost ", "Queen", "Old Ivo ", "Sevcik", "Ševčík", "Mr. ", "Aesop", "Æsop",
              " ", "x", "\n", *CASE_ODD]
    rng = random.Random(11)
    written = ["Ana Maria Solis wins", "Dr Ada Yildiz, Jon Paul Grosse", "Old Ivo Sevcik.",
               "Doctor Ada Yıldız and Maj. Kit 'Ace' Hale", "Mr. Aesop"]
    for text in written + _texts(pieces, 11, count=2000):
        for a, b in _bounds(text, rng):
            for cased in (True, False):
                got = mentions.long_mentions(text, a, b, names, cased=cased)
                assert got == _long_by_pattern(text, a, b, names, cased=cased), text[a:b][:200]
