"""The fast scans extraction relies on find what the plain ones they replace find.

Each shortcut (words read by one split, capitalised runs found by one regex, sentences picked
by a one-pass hint, a word boundary checked after a pattern's first letter, amounts found
backwards from their digits) is checked against the straightforward reading on arbitrary
text and on mangled pieces of the bundled pages.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.extract import mentions, prose, scan
from auditor.extract.base import opens_line, opens_word
from auditor.normalize.money import MONEY_IN_TEXT
from tests.test_properties import SEEDS, page_like

# Words, capitals, apostrophes, hyphens, digits, odd spaces and the letters that Python's
# case-insensitive matching equates with ASCII ones.
names_like = st.lists(
    st.sampled_from(
        [
            "Ada", "Brook", "brook", "Tom", "van", "x-Ray", "3Ada", "O'Hara", "Élodie", "İsa",
            "ſera", "\u212a", "𝐀da", "DVD", "dvd", "US$", "$", "£", "eur", "5", "1,200", "million",
            "released", "RELEASED", "album", "in", "the", "and", "'s", "’s", "-", "_", "de",
            "la", "RM", "rm", "ℛℳ",
        ]
    )
    | st.text(max_size=6),
    max_size=40,
).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", " ", "\u00a0", ", ", ". ", "\n", "  ", "", "\n\n"]),
        min_size=len(words),
        max_size=len(words),
    ).map(lambda seps, w=words: "".join(a + b for a, b in zip(w, seps, strict=True)))
)
texts = st.one_of(names_like, page_like)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _bounds(text: str, data) -> tuple[int, int]:
    start = data.draw(st.integers(0, len(text)))
    return start, data.draw(st.integers(start, len(text)))


@SETTINGS
@given(texts, st.data())
def test_tokens_are_the_word_pattern_matches(text, data):
    start, end = _bounds(text, data)
    t = mentions._Tokens(text, start, end)
    matches = list(mentions._WORD.finditer(text, start, end))
    assert t.words == [m.group() for m in matches]
    assert list(zip(t.starts, t.ends, strict=True)) == [m.span() for m in matches]
    assert all(text[s:e] == w for s, e, w in zip(t.starts, t.ends, t.words, strict=True))


@SETTINGS
@given(texts, st.data(), st.booleans())
def test_capitalised_chains_are_the_runs_of_capitalised_adjacent_words(text, data, several):
    start, end = _bounds(text, data)
    chains = mentions._capitalised_chains(text, start, end, several)
    if chains is None:  # letters beyond the BMP: the caller reads every word instead
        assert re.search("[\U00010000-\U0010ffff]", text[start:end])
        return
    t = mentions._Tokens(text, start, end)
    expected = []  # (word index, words left in its run) over runs of capitalised words
    apart = (" ", "\u00a0")
    i = 0
    while i < len(t.words):
        j = i
        while j < len(t.words) and (j == i or t.gaps[j] in apart):
            if t.caps[j]:
                j += 1
                continue
            # lower-case particles inside a name ("Ada de la Brook"), a capital after them
            k = j
            while j > i and k < len(t.words) and t.words[k] in mentions._PARTICLE and (
                t.gaps[k] in apart
            ):
                k += 1
            if k == j or k == len(t.words) or not t.caps[k] or t.gaps[k] not in apart:
                break
            j = k + 1
        if j - i >= (2 if several else 1):
            expected += [(k, j - k) for k in range(i, j)]
        i = max(j, i + 1)
    words, starts, ends, chain = chains
    assert words == [t.words[k] for k, _ in expected]
    assert starts == [t.starts[k] for k, _ in expected]
    assert ends == [t.ends[k] for k, _ in expected]
    assert chain == [n for _, n in expected]


@SETTINGS
@given(texts, st.data())
def test_hinted_sentences_hold_every_sentence_the_reader_would_use(text, data):
    start, end = _bounds(text, data)
    for rx, low in (
        (prose._RELEASE_VERB, prose._RELEASE_VERB_LOW),
        (prose._HOME_MEDIA, prose._HOME_MEDIA_LOW),
    ):
        picked = set(prose.sentences_with(text, start, end, rx, low))
        for s, e in prose.sentences(text, start, end):
            if s > start and rx.search(text, s, e):
                assert (s, e) in picked, (rx.pattern, text[s:e])
    picked = set(prose.marked_sentences(text, start, end, prose._money_marks(text, start, end)))
    for s, e in prose.sentences(text, start, end):
        if MONEY_IN_TEXT.search(text, s, e):
            assert (s, e) in picked, text[s:e]


def test_case_odd_letters_turn_the_lower_cased_scan_off():
    assert prose._lowered("The film was RELEASED in May") == "the film was released in may"
    for odd in ("\u0130", "\u0131", "\u017f", "\u212a"):  # İ ı ſ and the Kelvin sign
        assert prose._lowered(f"re{odd}eased") is None


@SETTINGS
@given(st.text(alphabet="ab _-'.\n\u00e9", max_size=30), st.sampled_from(["ab", "a-b", "b_a"]))
def test_opens_word_is_a_word_boundary_before_the_pattern(text, word):
    plain = re.compile(r"\b" + re.escape(word))
    fast = re.compile(opens_word(re.escape(word)))
    for pos in range(len(text) + 1):
        assert [m.span() for m in plain.finditer(text, pos)] == [
            m.span() for m in fast.finditer(text, pos)
        ]


def test_bundled_pages_read_the_same_through_the_fast_scans():
    """On the real pages: every capitalised run and every money sentence is found."""
    for text in SEEDS.values():
        t = mentions._Tokens(text, 0, len(text))
        words, *_ = mentions._capitalised_chains(text, 0, len(text))
        # a chain's words are capitalised, but for a name's particles ("Brian de Palma")
        capitalised = {w for w, c in zip(t.words, t.caps, strict=True) if c}
        assert set(words) - mentions._PARTICLE <= capitalised
        marks = prose._money_marks(text, 0, len(text))
        picked = set(prose.marked_sentences(text, 0, len(text), marks))
        for s, e in prose.sentences(text, 0, len(text)):
            if MONEY_IN_TEXT.search(text, s, e):
                assert (s, e) in picked


@SETTINGS
@given(st.text(alphabet="Pa \nge.", max_size=30))
def test_opens_line_is_a_line_start_before_the_pattern(text):
    plain = re.compile(r"^Pa", re.M)
    fast = re.compile(opens_line("P", "a"), re.M)
    for pos in range(len(text) + 1):
        assert [m.span() for m in plain.finditer(text, pos)] == [
            m.span() for m in fast.finditer(text, pos)
        ]


@SETTINGS
@given(texts, st.data())
def test_word_scans_find_what_finditer_finds(text, data):
    start, end = _bounds(text, data)
    lowered = text.lower()
    for rx in (
        prose._RELEASE_VERB_LOW,
        prose._HOME_MEDIA_LOW,
        prose._AGGREGATORS,
        re.compile(r"ab|abc|b(?:a|c)\b|(?:dd|d)e"),
    ):
        assert scan.opening_words(rx), rx.pattern
        for t in (text, lowered):
            assert scan.finditer_spans(rx, t, start, end) == [
                m.span() for m in rx.finditer(t, start, end)
            ]


def test_patterns_that_may_open_otherwise_are_scanned_by_sre():
    for pattern in (r"\bab", r"a?b|c", r"[ab]c", r"ab|", r"(?i)released", r"(?i:ab)c"):
        assert scan.opening_words(re.compile(pattern)) is None, pattern
    assert scan.opening_words(re.compile(r"released|release|(?:hit) (?:the|a)")) == (
        "hit a", "hit the", "release",
    )
    overlapping = re.compile(r"(?:dd|d)e|abc|b")
    assert scan.finditer_spans(overlapping, "xddeabc", 0, 7) == [(1, 4), (4, 7)]
