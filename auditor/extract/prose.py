"""Facts in running text, anchored on key words and a value within one sentence.

Articles and abstracts say the same fact many ways: "had a limited release in the United States
on 5 March", "premiered at the Cannes Film Festival on 13 May 1996 and was released in France on
2 May", "On Metacritic, the film has a score of 83 out of 100", "the DVD was released on ...".
Each reader finds the sentences that carry its key words and takes the values in them; a value
belongs to the key word nearest before it in its sentence, so one sentence can carry several
facts. Nothing depends on one sentence's wording.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from auditor.extract.base import FOR_TELEVISION, Collector, opens_word, writing_role
from auditor.extract.scan import finditer_spans, matches_at, opening_words, word_at
from auditor.normalize.counts import parse_count
from auditor.normalize.dates import DATE_IN_TEXT, MONTHS, parse_date
from auditor.normalize.money import _CODES as CURRENCY_CODES
from auditor.normalize.money import (
    _PREFIXED,
    LOWER_BOUND,
    MONEY_IN_TEXT,
    RENTALS,
    SIGNS,
    TRAILING_CURRENCIES,
    marks,
    parse_money,
)
from auditor.normalize.names import clean
from auditor.normalize.places import (
    COUNTRY_KEYS,
    COUNTRY_NAMES,
    LANGUAGE_REGION,
    canonical_country,
    is_country,
    is_festival,
    release_country,
)
from auditor.normalize.scores import parse_score

# A sentence ends at . ! ? followed by space and a capital, digit or quote, unless the dot ends
# an abbreviation or an initial ("U.S.", "Dr.", "J. Smith"); a paragraph always ends one.
# (Written to open on one set of characters, so that a scan skips ahead to the next in C.)
_CLOSE = r"[\"”’)\]]*(?:\[\w{1,3}\])*(?=\s+[\"“(‘A-Z0-9])"  # what follows a closing mark
_END = re.compile(r"[\n.!?](?:(?<=[.!?])" + _CLOSE + r"|(?<=\n)\s*\n|(?<=\n)(?=[A-Z•]))")
# `_END` opened on each of its characters: a scan for one character skips ahead in C.
_ENDS = tuple(
    map(re.compile, (r"\." + _CLOSE, "!" + _CLOSE, r"\?" + _CLOSE, r"\n(?:\s*\n|(?=[A-Z•]))"))
)
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sgt|Capt|Col|Gen|Lt|Prof|Rev|No|Co|Inc|Ltd|vs|Vol|"
    r"Mt|Ft|approx|ca|Rs|Ma|U\.S|U\.K))\.$"
)

# The letters an `_ABBREV` match ends on before its dot: a dot after any other character
# ends no abbreviation, and the pattern is not tried.
_ABBREV_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZacdflnorstvx")


_ABBREVIATIONS = frozenset(
    [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    + _ABBREV.pattern.split(r"|\b(?:")[1].split("))")[0].split("|")
)
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _abbreviation(text: str, lo: int, at: int) -> bool:
    """`_ABBREV.search(text[lo : at + 1])` for the dot at `at`, by a set lookup: the ASCII
    letters before the dot (within the stretch) are one of its words, after no word character
    ("U.S.": "S" after a dot, as `\\b[A-Z]` reads it)."""
    j = at
    while j > lo and text[j - 1] in _ASCII_LETTERS:
        j -= 1
    return text[j:at] in _ABBREVIATIONS and not (j > lo and word_at(text, j - 1))


@lru_cache(maxsize=32)
def sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of text[start:end], trimmed. Remembered for the last few
    stretches: every prose reader walks the same sentences. (One loop, the trimming inline:
    a long article has hundreds of sentences.)"""
    out = []
    pos = start
    # `_END`'s matches, found by one scan for each character it opens on (each skips ahead
    # in C, where a scan for the set of them tests every character): a match holds none of
    # the others' opening characters, and a line break's holds only white space, so no scan
    # hides a match of another.
    breaks = [m.span() for rx in _ENDS for m in rx.finditer(text, start, end)]
    breaks.sort()
    for at, after in breaks:
        mark = text[at]
        if (
            mark == "."
            and text[at - 1 : at] in _ABBREV_LAST
            and _abbreviation(text, max(pos, at - 6), at)
        ):
            continue
        chunk = text[pos : after if mark != "\n" else at]
        right = len(chunk.rstrip())
        left = len(chunk) - len(chunk.lstrip())
        if right > left:
            out.append((pos + left, pos + right))
        pos = after
    out.extend(_trim(text, pos, end))
    return tuple(out)


# Characters that Python's case-insensitive matching equates with an ASCII letter: İ ı ſ K.
_CASE_ODD = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=8)
def _lowered(text: str) -> str | None:
    """`text` lower-cased, offset for offset, so that a case-insensitive pattern of ASCII
    words can be scanned for as a case-sensitive one (many times faster); None when
    lower-casing would move offsets or when the text has a letter only case-insensitive
    matching equates with an ASCII one."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _CASE_ODD)):
        return None
    return low


def lower_hint(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern without capitals, as a case-sensitive one for `_lowered`;
    without its leading word boundary (looser, and then the scan can skip ahead in C)."""
    assert rx.flags & re.I and rx.pattern == rx.pattern.lower(), rx.pattern
    return re.compile(rx.pattern.removeprefix(r"\b"))


class Opening:
    """A case-insensitive pattern of ASCII words, and the lower-cased words one of which opens
    each of its matches: in a stretch of the lower-cased page (`_lowered`) without them it
    matches nothing, and elsewhere only where they are. One case-sensitive scan of the
    lower-cased page for the words, which skips ahead in C, then the pattern tried at each
    place: sre tries a case-insensitive pattern that opens on `\\b` at every position, tens of
    µs a sentence. Searches give what the pattern gives on the slice text[a:b]."""

    def __init__(self, rx: re.Pattern[str], words: tuple[str, ...] | None = None) -> None:
        self.rx = rx
        self.words = words or opening_words(lower_hint(rx))
        assert self.words, rx.pattern
        self.hint = re.compile("|".join(map(re.escape, self.words)))

    def may(self, low: str | None, a: int, b: int) -> bool:
        """Whether text[a:b] may hold a match (`low`: the page lower-cased, or None)."""
        return low is None or self.hint.search(low, a, b) is not None

    def _matches(self, text: str, low: str | None, a: int, b: int) -> Iterator[re.Match[str]]:
        """`rx.finditer(text[a:b])`, lazily (a search stops at the first)."""
        if low is None:
            yield from self.rx.finditer(text[a:b])
            return
        sub = None
        pos = a
        while (h := self.hint.search(low, pos, b)) is not None:
            p = h.start()
            if sub is None:
                sub = text[a:b]
            m = self.rx.match(sub, p - a)
            if m is not None:
                yield m
                pos = max(m.end() + a, p + 1)
            else:
                pos = p + 1

    def finditer(self, text: str, low: str | None, a: int, b: int) -> list[re.Match[str]]:
        """`list(rx.finditer(text[a:b]))`."""
        return list(self._matches(text, low, a, b))

    def search(self, text: str, low: str | None, a: int, b: int) -> re.Match[str] | None:
        """`rx.search(text[a:b])`."""
        return next(self._matches(text, low, a, b), None)


def sentences_with(
    text: str,
    start: int,
    end: int,
    hint: re.Pattern[str],
    lower: re.Pattern[str] | None = None,
) -> list[tuple[int, int]]:
    """The sentences of text[start:end] that overlap a match of `hint`, found in one scan of
    the whole stretch. `hint` must match wherever a reader's own pattern would start a match
    inside one sentence (the pattern itself, or a looser one); then a sentence left out holds
    nothing for the reader, and the reader's per-sentence logic runs on far fewer sentences.
    No sentence boundary is crossed by what those patterns match, and a sentence's text ends
    before white space, so a match inside a sentence is one in the whole stretch too (or lies
    inside an earlier one that overlaps the sentence). `lower`, when given, is a hint without
    capitals to scan the lower-cased text with instead."""
    low = _lowered(text) if lower is not None else None
    if low is not None:
        marks = finditer_spans(lower, low, start, end)  # type: ignore[arg-type]
    else:
        marks = finditer_spans(hint, text, start, end)
    return marked_sentences(text, start, end, marks)


def marked_sentences(
    text: str, start: int, end: int, marks: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentences of text[start:end] that overlap one of `marks` (sorted, disjoint spans):
    for each mark, the sentences from the first that ends after it opens (a bisection, not a
    walk through an article's hundreds of sentences) to the last that opens before it ends."""
    if not marks:
        return []
    spans = sentences(text, start, end)
    ends = _sentence_ends(text, start, end)
    picked: list[int] = []
    n = len(spans)
    for ms, me in marks:
        i = bisect_right(ends, ms)
        if picked and i <= picked[-1]:
            i = picked[-1] + 1
        while i < n and spans[i][0] < me:
            picked.append(i)
            i += 1
    return [spans[i] for i in picked]


@lru_cache(maxsize=32)
def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Where each sentence of `sentences(text, start, end)` ends, for bisection. Callers must
    not change the list."""
    return [e for _, e in sentences(text, start, end)]


def _trim(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    chunk = text[s:e]
    left = len(chunk) - len(chunk.lstrip())
    right = len(chunk.rstrip())
    if right > left:
        yield s + left, s + right


_MONTH_NAMES = "|".join(
    m for m in sorted(MONTHS, key=len, reverse=True) if len(m) > 3 or m == "may"
)
# A date of day precision, or "in May 1996" (month precision) where the day is not given;
# also "during May 1996", "the Diwali week of May 1996", "in the month of May 1996".
_DATE = re.compile(
    DATE_IN_TEXT.pattern
    + r"|(?:(?<=\bin )|(?<=\bduring )|(?<=\bweek of )|(?<=\bweekend of )|(?<=\bmonth of ))"
    + rf"(?:{_MONTH_NAMES}),? (?:1[89]|20)\d\d\b"
    r"|(?-i:(?<=\bin ))(?:1[89]|20)\d\d\b(?![-–/])",  # "in 2005": a year, if `_YEAR_AFTER`
    re.I,
)
# A release's day and month whose year another date of the sentence gives ("opened in Spain on
# 3 May 2012, in Chile on 9 August and in Peru on 16 August 2012"), after "on".
_RELEASE_DATE = re.compile(
    _DATE.pattern + rf"|(?<=\bon )(?:[0-3]?\d (?:{_MONTH_NAMES})|(?:{_MONTH_NAMES}) [0-3]?\d)\b"
    r"(?!,? (?:1[89]|20)\d\d)(?! ?\d)",
    re.I,
)
_COUNTRY = "|".join(re.escape(c) for c in COUNTRY_NAMES)
_SCREENS = "(?:screens|cinemas|theaters|theatres)"  # "reached American screens": a release
# A year alone is a release's date right after the release word, its object and its country
# ("released in 2005", "reissued the film in 1966", "a limited release in the United States in
# 2005"), not after another verb's place ("restored in 2010", "found in Buenos Aires in 2008").
_YEAR_VERB = (
    r"\b(?:releases?|released|re-?issued|opened|premiered|shown)(?: (?:it|the film|the picture))?"
    rf"(?: (?:in|across) (?:the )?(?:{_COUNTRY}))? in "
)
_YEAR_AFTER = re.compile(
    rf"{_YEAR_VERB}$"
    # "reissued the film in 1966 and again in 1979": the same verb's second year
    rf"|{_YEAR_VERB}(?:1[89]|20)\d\d and (?:again |later |once more )?in $"
    # "reached American screens (only) in 1972"
    rf"|\breached (?:\w+ )?{_SCREENS}(?: only| first| finally)? in $",
    re.I,
)
# A language region names its country ("in German-speaking Switzerland", "in the
# French-speaking part of Canada"): the release is that country's.
_REGION = rf"(?:{LANGUAGE_REGION} (?:(?:part|region)s? of (?:the )?)?)?"
# "it reached Ireland on": the verb's object is the country it opened in
_IN_COUNTRY = re.compile(
    rf"\b(?:in|across|throughout|reached) (?:the )?{_REGION}(?P<c>{_COUNTRY})\b", re.I
)
# "it reached Ireland on", "reached American screens": the verb releases the film there
_REACHED = re.compile(
    rf"\breached (?:the )?(?:{_REGION}(?:{_COUNTRY})\b|(?:\w+ )?{_SCREENS})", re.I
)
# "opened in Danish cinemas", "across UK theaters", "reached American screens", "returned to
# Polish cinemas": the adjective names the country.
_IN_CINEMAS = re.compile(
    r"\b(?:in|across|throughout|reached|to) (?:(?:select|selected|a few|a handful of) )?(?P<c>"
    + "|".join(re.escape(k) for k in sorted(COUNTRY_KEYS, key=len, reverse=True))
    + r") (?:cinemas|theaters|theatres|movie theaters|movie theatres|screens)\b",
    re.I,
)
_COUNTRY_RELEASE = re.compile(
    rf"\b(?P<c>{_COUNTRY}|[A-Z][a-z]+) (?:theatrical )?(?:re-?)?(?:release|premiere|opening)\b",
    re.I
)
# Streaming services by brand: a date "on" one of them is a streaming release.
_STREAMERS = (
    r"netflix|hulu|(?:amazon )?prime video|amazon prime|disney\+|apple tv\+|hbo max|peacock|"
    r"paramount\+|mubi|shudder|kanopy|(?:the )?criterion channel|crave"
)
# A platform by its form, in cased text: one to three capitalised words (a "+" or digits inside,
# "Streamline+", "Kino 24") that are no home-media format, holiday or occasion, between
# "released on" / "available on" / "launched on" and the "on" of the date.
_PLATFORM_WORD = (
    r"(?!(?:DVD|VHS|Blu|Laser|HD|Ultra|4K|UHD|Video|Home|Region|Disc|Cassette|Television|TV|"
    r"Christmas|Boxing|Thanksgiving|Easter|Halloween|Valentine|New|Labou?r|Memorial|"
    r"Independence|Good|Mother|Father|Day|Eve|Night|Weekend|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w+&.'-]*"
)
_ON_PLATFORM = re.compile(
    r"\b(?i:released|available|launched) (?i:on) "
    rf"{_PLATFORM_WORD}(?: {_PLATFORM_WORD}| \d+\+?){{0,2}} (?i:on)\b"
)
_RELEASE_VERB = re.compile(
    # "opening" of a part of the film ("an opening sequence at the airport") is no release
    r"\b(?:released|releases?|opened|opening(?! (?:sequence|scene|shot|credits|titles|minutes|act"
    r"|chapter|reel|monologue|line)s?\b)|premiered|premiere|debuted|expanded|went wide|"
    rf"reached (?:\w+ )?{_SCREENS}|"
    r"reissued|re-issued|screened|screens? at|shown at|bowed|came out|"
    # "a restored version was first shown in 1998": a showing dated by its year alone
    r"shown in(?= (?:1[89]|20)\d\d\b)|"
    r"hit (?:theaters|theatres|cinemas)|"
    # "A restored version returned to Polish cinemas in May 2011"
    r"returned to (?:\w+ )?(?:cinemas|theaters|theatres)|"
    r"(?:began|started) streaming|available (?:to stream|for streaming)|"
    # "made available to rent on digital platforms on": a digital release
    r"available (?:to (?:rent|buy)|for (?:rent|rental|purchase)|digitally|on demand"
    r"|on (?:digital|on-demand|p?vod) platforms)|"
    rf"(?:available|launched) on (?:{_STREAMERS})|added to (?:{_STREAMERS}))(?!\w)",
    re.I,
)
_OTHER_WORK = re.compile(
    r"\b(?:soundtrack|album|single|novel|book|video game|sequel|prequel|remake|trailer|"
    r"teaser|poster|series|episode|play|musical|"
    # "A fifth film was announced in March 2019": a later film of the series, unnamed
    r"(?:a|an) (?:second|third|fourth|fifth|sixth|seventh|eighth|further|new) "
    r"(?:film|movie|installment|instalment|entry|chapter|picture))\b",
    re.I,
)
# An anniversary is another occasion ("a remastered Blu-ray for the anniversary"), except in a
# sentence that re-releases the film ("For its 25th anniversary, it was re-released ...").
_ANNIVERSARY = re.compile(r"\banniversary\b", re.I)
_KINDS = (
    # "opened in select (American) theaters": a limited release
    (
        re.compile(
            r"\blimited\b|\bselect(?:ed)? (?:\w+ )?(?:cinemas|theaters|theatres)\b"
            # "opened in IMAX 3D theaters on", "in Dolby Cinema locations": a release in one
            # premium screening format alone
            r"|\bin (?:\d[\d,]* )?(?:IMAX(?: 3-?D)?|Dolby Cinema|4DX|ScreenX) "
            r"(?:cinemas|theaters|theatres|screens|locations)\b",
            re.I,
        ),
        "limited",
    ),
    (re.compile(r"\b(?:wide|widely|nationwide|went wide|expanded|general)\b", re.I), "wide"),
    (re.compile(r"\b(?:premiered?|festival|debuted|world premiere)\b", re.I), "premiere"),
    # a streaming or digital release: "began streaming on X on", "was released digitally on"
    (re.compile(r"\b(?:streaming|to stream|digitally|digital release|video on demand)\b", re.I),
     "streaming"),
    # a rental or an on-demand release: "premium video on demand", "PVOD", "to rent on digital
    # platforms", "as a premium rental"
    (
        re.compile(
            r"\b(?:on demand|P?VOD|(?:premium|digital) rental|to rent|for rent(?:al)?"
            r"|on digital platforms)\b",
            re.I,
        ),
        "streaming",
    ),
    # a release on a streaming service named by its brand: "was released on Netflix on"
    (re.compile(rf"\b(?:on|added to) (?:{_STREAMERS})(?!\w)", re.I), "streaming"),
    # "ahead of its Netflix debut on": the service's own release (" on" outranks "premiere")
    (
        re.compile(rf"\b(?:{_STREAMERS}) (?:debut|release|launch|premiere)(?: on)?\b", re.I),
        "streaming",
    ),
    # a service the sentence has named, taken up by a common noun: "X acquired the streaming
    # rights, and the film debuted on the service on" (" on the service" outranks "debuted")
    (re.compile(r"\bon the (?:streamer|streaming service|service|platform)\b", re.I), "streaming"),
    # a service no list names, by the form of the clause: "was released on Cortoflix on",
    # "made available on BritBox on" (a name, then "on" and the date)
    (_ON_PLATFORM, "streaming"),
)
# A later release of an old film ("re-released it in France on", "the restored version
# premiered at"): its own kind, whatever else the clause says, so that it is no first release.
_RERELEASE = re.compile(r"\b(?:re-?released?|re-?issued?|restored|restoration)\b", re.I)
# "A rough cut was shown at X on D", an infobox's "(workprint)": an unfinished assembly
# screened, no release of the film
UNFINISHED_CUT = re.compile(r"\b(?:rough cut|work ?print|work-in-progress)\b", re.I)
# "The restored and completed film premiered at X": a film finished long after its shoot is
# first shown then, restored or not: a premiere, no re-release.
_COMPLETED = re.compile(r"\b(?:completed|finished)\b", re.I)
# "An extended edition was released on DVD on": that cut's disc, its date
# qualified by the cut as the cut's running time is, so that it is compared with its own only
_NAMED_CUT = re.compile(
    r"\b(?:director|producer)['’]s cut\b|\b(?:extended|unrated|uncut|(?:g|pg|pg-13|r|nc-17)-rated) "
    r"(?:cut|edition|version)\b",
    re.I,
)
# "in the extended cut released in 2011": the cut's release (its disc), not the film's
_CUT_RELEASED = re.compile(
    "(?:" + _NAMED_CUT.pattern + r"),? (?:which |that )?(?:was |were |is )?(?:first |later )?"
    r"released (?:(?:in|on) )?$",
    re.I,
)
_HOME_MEDIA = re.compile(
    r"\b(?P<dvd>(?<!HD )DVDs?)\b|\b(?P<vhs>VHS|video ?cassettes?|videocassettes?|home video)\b"
    # "a 4K restoration": the scan's resolution, no format
    r"|\b(?P<other>Blu-?ray|HD DVD|LaserDisc|4K(?![ -](?:digital )?(?:restor|remaster|scan))"
    r"|Ultra HD|streaming)\b",
    re.I,
)
# A date a release was planned for, or moved from ("its release, originally scheduled for",
# "was due to be released on", "was postponed from"): no release, the clause having no later
# turn ("but", "before", "eventually") to the release that took place.
_PLANNED = re.compile(
    r"\b(?:(?:scheduled|planned|slated|set|due) (?:for|to (?:be|open|premiere|release|debut|hit))"
    r"|(?:postponed|delayed|moved|pushed back|rescheduled) from)\b"
    r"(?:(?!\b(?:but|before|until|instead|eventually|finally|ultimately|then)\b)[^,;])*$",
    re.I,
)
# "42 years after filming ended on 3 March 1976": the date of the shoot, no release; the
# event must be the date's own clause's, with no release verb after it ("After filming
# wrapped in May, it was released on ..." is the release's).
_SHOOT_EVENT = re.compile(
    r"\b(?:filming|shooting|principal photography|photography|the shoot)"
    r"(?: [a-z]+){0,2}? (?:began|begun|started|ended|finished|wrapped|concluded|resumed)"
    r"(?: [a-z]+){0,2}$",
    re.I,
)
_RELEASE_VERB_LOW = lower_hint(_RELEASE_VERB)
# A preview (a test or sneak screening before the release) in the date's clause: no release
_PREVIEW = re.compile(r"\bpreview(?:s|ed)?\b[^,;]*$", re.I)
_VERB_AT = Opening(_RELEASE_VERB)
_OTHER_AT = Opening(_OTHER_WORK)
_ANNIVERSARY_AT = Opening(_ANNIVERSARY)
# A clause whose own verb broadcasts the film, and no release verb: no continuation of the
# sentence's release ("premiered at Locarno on 9 August 1987 and aired on BBC Two on ...").
_BROADCAST_AT = Opening(
    re.compile(r"\b(?:broadcast|aired|televised|telecast|shown on|streamed)\b", re.I)
)
# "For the European theatrical release, X shot new scenes in March 1978": a fronted phrase (its
# noun and a comma) names the release the main clause works for; the clause's date is its verb's.
_FOR_RELEASE = re.compile(
    r"\b[Ff]or (?:the|its|this|their|a) (?:[\w-]+ ){0,3}(?:release|premiere|opening|run),"
)
# "had its television premiere on Channel 4 on ...", "premiered on German television on ...":
# a broadcast, though it says premiere.
_TV_PREMIERE_AT = Opening(
    re.compile(
        r"\b(?:television|tv) (?:premiere|debut)\b"
        r"|\b(?:premiered|debuted) on (?:[\w-]+ )?(?:television|tv)\b",
        re.I,
    ),
    ("television ", "tv ", "premiered ", "debuted "),
)
# What a channel's name may follow: "on the cable network X", "on the premium channel X".
_CHANNEL_NOUN = (
    r"(?:(?:(?:basic[- ]|pay[- ])?cable|premium|broadcast|television|TV) )?"
    r"(?:network|channel|station) "
)
# "premiered on BBC Two on", "debuted on Syfy in the United States on": a channel's first
# showing (a streaming service's premiere is read as `streaming` before this is asked).
_ON_NETWORK = re.compile(
    rf"\b(?:premiered|debuted) on (?:the )?(?:{_CHANNEL_NOUN})?"
    rf"(?!(?i:{_MONTH_NAMES}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)[A-Z]"
)


# "two months before the film's release": a release word that times another event
_TIME_REF = re.compile(r"\b(?:before|after|ahead of|prior to|until|since)\s+(?:[\w'’]+\s+){0,3}$")
# A screening is a release only of a kind ("screened at the Venice Film Festival"), not a
# private showing ("screened at the town hall in May 2004")
_SCREENED = re.compile(r"screened|shown at", re.I)


def _other_predicate(text: str, low: str | None, s: int, e: int, d: re.Match[str]) -> bool:
    """Whether the date's clause after a semicolon is a predicate of its own with no release
    verb ("The film's release was accompanied by a campaign; in October 2021 a blogger was
    detained"); a verbless continuation ("; in Germany on 3 June") is the release's still."""
    semi = text.rfind(";", s, d.start())
    if semi < 0:
        return False
    stop = text.find(";", d.end(), e)
    stop = e if stop < 0 else stop
    if _release_verb(text, low, semi, stop) or _REACHED.search(text, semi, stop):
        return False
    return _OWN_VERB.search(text, semi, stop) is not None


_OWN_VERB = re.compile(r"\b(?:was|were|is|are|has|had|[a-z]{3,}ed)\b")


def _release_verb(text: str, low: str | None, a: int, b: int) -> re.Match[str] | None:
    """The first release verb of text[a:b] (offsets from `a`) that does not time another event."""
    for v in _VERB_AT.finditer(text, low, a, b):
        if v.group().lower() == "released" and _CLASS_OF_FILMS.search(
            text, max(a, a + v.start() - 9), a + v.start()
        ):
            continue
        if not _TIME_REF.search(text, max(a, a + v.start() - 60), a + v.start()):
            return v
    return None


# "the highest-grossing film released in China in 2021": a class of films, no release ("the
# film opened", "the film was released" are this film's)
_CLASS_OF_FILMS = re.compile(r"\b(?:film|movie|picture)s? $")  # "Kite Films released": a company


def _other_work(text: str, low: str | None, a: int, b: int, rerelease: bool):
    """The first mention in text[a:b] of another work or occasion than the film's release;
    an anniversary is none where the sentence re-releases the film (`rerelease`)."""
    other = _OTHER_AT.search(text, low, a, b)
    if rerelease:
        return other
    occasion = _ANNIVERSARY_AT.search(text, low, a, b)
    if other is None or occasion is not None and occasion.start() < other.start():
        return occasion
    return other
_IN_COUNTRY_AT = Opening(_IN_COUNTRY, ("in ", "across ", "throughout ", "reached "))
# A second predicate with its own release verb: "... and was released", "and opened".
_AND_VERB = re.compile(
    r"\band (?:was |were |then |later |is |it |the film |\w+ )?(?:released|opened|came out|"
    r"hit (?:theaters|theatres|cinemas)|went wide|expanded)\b[^,;]*$"
)
# "... and (then|was|it ...) <release verb>": a second predicate, up to its verb
_AND_BEFORE = re.compile(r"\band (?:[a-z]+ ){0,2}$")
# where a second predicate with a release verb opens: "in a limited release and expanded on"
_AND_PREDICATE = re.compile(rf"\band (?:[a-z]+ ){{0,2}}(?={_RELEASE_VERB.pattern})", re.I)
# Lower-cased, a word every match of a pattern holds: where a clause holds none, the pattern
# finds nothing there. _KINDS; _COUNTRY_RELEASE (after its first word); _HOME_MEDIA.
_KIND_WORDS = re.compile(
    "limited|select|imax|dolby cinema|4dx|screenx|wide|expanded|general|premiere|festival|"
    "debuted|re-?releas|re-?issu|restor|"
    "stream|digital|on demand|vod|rent|netflix|hulu|prime|disney|apple tv|hbo max|peacock|"
    "paramount|mubi|shudder|kanopy|criterion|crave|released on|available on|launched on"
)
_RELEASE_NOUN = re.compile("[ -]release| premiere| opening")  # "a French re-release"
_HOME_MEDIA_LOW = re.compile(r"dvd|vhs|video|blu-?ray|laserdisc|4k|ultra hd|streaming")
_MEDIA_DATE = re.compile(_DATE.pattern + r"|(?<=\bin )(?:1[89]|20)\d\d\b", re.I)


# Lower-cased, what opens every `_DATE` or `_MEDIA_DATE` match: a digit or a month's first
# three letters (after no word character).
_DATE_OPENS = re.compile("|".join(sorted({m[:3] for m in MONTHS})) + r"|\d")


def _dates(rx: re.Pattern[str], text: str, low: str | None, s: int, e: int) -> list[re.Match]:
    """`list(rx.finditer(text, s, e))` for `_DATE` or `_MEDIA_DATE`: the pattern tried only
    where a date may open (`_DATE_OPENS` in the lower-cased page, after no word character).
    sre tries a case-insensitive pattern that opens on `\\b` at every position."""
    if low is None:
        return list(rx.finditer(text, s, e))
    places = (h.start() for h in _DATE_OPENS.finditer(low, s, e))
    return matches_at(rx, text, (p for p in places if not (p and word_at(text, p - 1))), s, e)


def _qualifier(country: str | None, kind: str | None) -> str | None:
    parts = [release_country(country)] if country else []
    parts += [kind] if kind else []
    return ",".join(parts) or None


def _home_media(sentence: str) -> bool:
    """A format the sentence names, streaming aside: a streaming release is a release kind."""
    return any(m.group().lower() != "streaming" for m in _HOME_MEDIA.finditer(sentence))


def _own_clause(text: str, low: str | None, a: int, b: int) -> int:
    """Where the clause of the last release verb in text[a:b] opens: after the last ";" or
    ", and" (`_CLAUSE_BREAK`) before that verb ("it was shortened for its general release,
    and X opened it in the United States on": the opening's clause names no kind), else `a`."""
    verbs = _VERB_AT.finditer(text, low, a, b)
    if not verbs:
        return a
    breaks = list(_CLAUSE_BREAK.finditer(text, a, a + verbs[-1].start()))
    return breaks[-1].end() if breaks else a


# "as an entry of the X Festival", "as one of the official entries to ...": a festival entry
_FESTIVAL_ENTRY = re.compile(
    r"\bas (?:an? |one of the )?(?:[\w-]+ ){0,3}?entr(?:y|ies) (?:of|in|to|at)\b", re.I
)


def _kind(clause: str) -> str | None:
    """The kind the clause names last, nearest its date ("acquired it after the festival and
    gave it a limited release on ..." is limited); a premiere wins over a kind at the same
    word ("world premiere")."""
    if _RERELEASE.search(clause) and not _COMPLETED.search(clause):
        return "re-release"
    found = [(m.end(), i == 2, k) for i, (rx, k) in enumerate(_KINDS) for m in rx.finditer(clause)]
    return max(found)[2] if found else None


# A country that opens a sentence as its frame: "In France, ...", "Across the United States, ...".
_FRONTED_COUNTRY = re.compile(
    rf"(?:In|Across|Throughout) (?:the )?(?P<c>{_COUNTRY})"
    # "In the United States and Canada the film ...": the first of two, no comma before its clause
    rf"(?:,| and (?:the )?(?:{_COUNTRY}) (?=the |it |its ))",
    re.I,
)
# "in the United States and the United Kingdom": the countries coordinated after a country.
_AND_COUNTRY = re.compile(rf",? (?:and )?(?:the )?{_REGION}(?P<c>{_COUNTRY})\b", re.I)


def _also_countries(text: str, low: str | None, a: int, b: int) -> list[str]:
    """The countries coordinated after the last "in <country>" of text[a:b] ("in France and
    Belgium", "in the United States, Canada and the United Kingdom"), which its date is for too."""
    hits = _IN_COUNTRY_AT.finditer(text, low, a, b)
    more, pos = [], a + hits[-1].end() if hits else b  # matches of text[a:b]
    while (m := _AND_COUNTRY.match(text, pos, b)) is not None:
        more.append(m["c"])
        pos = m.end()
    return more


def _country(text: str, low: str | None, a: int, b: int) -> str | None:
    """The country the clause text[a:b] names last ("in France", "its French release")."""
    hits = _IN_COUNTRY_AT.finditer(text, low, a, b)
    if hits:
        return hits[-1]["c"]
    cinemas = list(_IN_CINEMAS.finditer(text[a:b]))
    if cinemas:
        return cinemas[-1]["c"]
    holds = low is None or _RELEASE_NOUN.search(low, a, b) is not None
    rel = list(_COUNTRY_RELEASE.finditer(text[a:b])) if holds else []
    for m in reversed(rel):
        c = m["c"]
        if c.lower() in COUNTRY_NAMES or canonical_country(c) != c.lower():
            return c
    return None


def add_release_prose(out: Collector, start: int, end: int) -> None:
    """Release dates in sentences with a release verb, each with the country and kind its own
    clause gives; a clause without a verb ("and in France on 2 May") keeps the kind before it."""
    text = out.view.text
    elsewhere = False  # inside a paragraph that opened on another work ("Two soundtrack albums")
    verbs = {s for s, _ in sentences_with(text, start, end, _RELEASE_VERB, _RELEASE_VERB_LOW)}
    spans = sentences(text, start, end)
    # Which sentences open a paragraph, and which paragraphs hold a sentence with a verb (the
    # first sentence counts as one: it is searched as a slice, and what lies before `start` is
    # not seen). A paragraph without one yields nothing, whatever it opens on: its opening
    # sentence is not searched for another work.
    opening = [s == start or "\n" in text[s - 3 if s - 3 > start else start : s] for s, _ in spans]
    wanted = [False] * len(spans)
    last = 0
    for i, (s, _) in enumerate(spans):
        if opening[i]:
            last = i
        if s == start or s in verbs:
            wanted[last] = True
    # A clause or a sentence holds none of a pattern's words: then the pattern is not tried
    # on it (a case-insensitive scan tries every position of a sentence, tens of µs).
    low = _lowered(text)

    def may(words: re.Pattern[str], a: int, b: int) -> bool:
        return low is None or words.search(low, a, b) is not None

    for i, (s, e) in enumerate(spans):
        first = s == start
        opens = opening[i]
        if not opens and (elsewhere or s not in verbs):
            continue  # the reading below would skip it
        if opens and not wanted[i]:
            continue  # a paragraph without a release verb
        verb = _release_verb(text, low, s, e) if first or s in verbs else None
        if not opens and not verb:
            continue
        rerelease = _RERELEASE.search(text, s, e) is not None
        other = _other_work(text, low, s, e, rerelease)
        if opens:
            # a paragraph opening on another work: named before the release verb, or in the
            # first clause of a sentence with none ("The film was a hit, earning $X, and its
            # soundtrack album charted" is the film's)
            cut = _CLAUSE_BREAK.search(text, s, e)
            bound = verb.start() if verb else (cut.start() if cut else e) - s
            elsewhere = bool(other and other.start() < bound)
        if elsewhere:
            continue
        if not verb:
            continue
        if may(_HOME_MEDIA_LOW, s, e) and _home_media(text[s:e]):
            # "X opened it in ... on D1, and released it on DVD on D2": the clauses before the
            # format's are a release's; a sentence whose first clause names a format is none
            cut = _before_home_media(text, s, e)
            if not (other and other.start() < verb.start()):
                _add_disc_sentence_premieres(out, text, low, cut, e)
            e = cut
            if e <= verb.start():
                continue
        if other and other.start() < verb.start():
            continue
        pos, kind, said = s, None, (-1, [])
        # "In France, the film premiered on D1 and was released on D2": a fronted country
        # frames every date of the sentence whose own clause names none
        fronted = _FRONTED_COUNTRY.match(text, s, e)
        for d in _dates(_RELEASE_DATE, text, low, s, e):
            value = parse_date(d.group()) or _in_year_of(text, low, d, s, e)
            if said[0] >= 0 and text[said[0] : d.start()].strip() == "(":
                # "on 12 Tir 1395 (2 July 2016)": the day again, in another calendar
                for q in said[1]:
                    out.add("release_date", d.start(), d.end(), value, q)
                pos = d.end()
                continue
            year_alone = d.group().isdigit()
            if year_alone and not _YEAR_AFTER.search(text, max(s, d.start() - 80), d.start()):
                continue
            clause = text[pos : d.start()]
            if _PLANNED.search(clause) or _SHOOT_EVENT.search(clause.rstrip()):
                # "originally scheduled for 9 April", "after filming ended on D": no release
                pos = d.end()
                continue
            # a date before the verb: the verb must follow in the date's own clause ("recorded
            # in August 1976; the single was released ..." dates the recording)
            semi = text.find(";", d.end(), e)
            if d.start() - s < verb.start() and not _release_verb(
                text, low, d.end(), semi if semi >= 0 else e
            ):
                pos = d.end()
                continue
            if _PREVIEW.search(clause):  # "shown at a test preview in Fresno on ...": no release
                pos = d.end()
                continue
            if _other_predicate(text, low, s, e, d):
                pos = d.end()
                continue
            if _CUT_RELEASED.search(text, pos, d.start()) or UNFINISHED_CUT.search(
                text, pos, d.start()
            ):
                pos = d.end()
                continue
            purpose = _FOR_RELEASE.search(text, pos, d.start())
            if purpose and not _VERB_AT.search(text, low, purpose.end(), d.start()):
                pos = d.end()  # "For the European release, X shot new scenes in March 1978"
                continue
            if (
                _other_work(text, low, pos, d.start(), rerelease)
                or (
                    _BROADCAST_AT.search(text, low, pos, d.start())
                    and not _VERB_AT.search(text, low, pos, d.start())
                )
                or _TV_PREMIERE_AT.search(text, low, pos, d.start())
            ):
                pos = d.end()
                continue
            own_kind = _kind(clause) if may(_KIND_WORDS, pos, d.start()) else None
            if own_kind == "premiere":
                # "premiered at X and was released in India in June 2016": the date is the
                # second predicate's, whose clause opens at its "and"
                joined = _AND_VERB.search(clause)
                if joined and _VERB_AT.search(text, low, pos, pos + joined.start()):
                    pos += joined.start()
                    clause = text[pos : d.start()]
                    own_kind = _kind(clause)
            if own_kind not in (None, "re-release"):  # the kind of the date's own clause
                own = _own_clause(text, low, pos, d.start())
                own_kind = _kind(text[own : d.start()]) if own > pos else own_kind
            after_kind = None  # "... on 2 November 2001 in a limited release": this date's only
            if own_kind is None:
                tail = _CLAUSE.match(text[d.end() : e]).group()
                nxt = _DATE.search(tail)
                tail = tail[: nxt.start()] if nxt else tail
                # "... on 3 May and was released on Netflix on ...": the second predicate's kind
                joined = _AND_PREDICATE.search(tail)
                tail = tail[: joined.start()] if joined else tail
                # "... on D1 and had its television premiere on D2": the broadcast's, not D1's
                tv = _TV_PREMIERE_AT.search(text, low, d.end(), d.end() + len(tail))
                tail = tail[: tv.start()] if tv else tail
                # "released in the Philippines on D as an entry of the X Festival": a festival
                # whose entries open in a country's cinemas; the date is that country's release
                entry = _FESTIVAL_ENTRY.search(tail)
                if entry and _country(text, low, pos, d.start()):
                    tail = tail[: entry.start()]
                after_kind = _kind(tail) if may(_KIND_WORDS, d.end(), d.end() + len(tail)) else None
            if own_kind or _VERB_AT.search(text, low, pos, d.start()):
                kind = own_kind
            carried = kind
            kind = after_kind or kind
            # "grossed $4M in Kenya and became available on Netflix in May": a first predicate
            # with no release verb is no release, its country not the second one's
            cpos = pos
            first = _VERB_AT.search(text, low, pos, d.start())
            joined = first and _AND_BEFORE.search(text, pos, pos + first.start())
            if joined:
                cpos = joined.start()
            country = _country(text, low, cpos, d.start())
            also = _also_countries(text, low, cpos, d.start()) if country else []
            after = re.match(
                rf",? (?:in|across) (?:the )?(?P<c>{_COUNTRY})\b", text[d.end() : e], re.I
            )
            pos = d.end() + len(tail) if after_kind else d.end()  # its kind is read
            if country is None and after:
                country = after["c"]
                pos = max(pos, d.end() + after.end())
            elif country is None and fronted:
                country = fronted["c"]
            fest = re.search(r"\bat (?:the )?(?P<f>[^,;]*?(?:Festival|Berlinale)\b)", clause)
            if own_kind in ("limited", "wide"):
                fest = None  # "bought it after a screening at X Festival and opened it in limited
                # release on ...": the kind named last, nearest the date, is this date's
            if fest is None and kind is None:
                # "was screened at Fantasia on ...": a festival named without the word
                at = list(re.finditer(r"\bat (?:the )?(?P<f>[^,;]+)", clause))
                fest = at[-1] if at and is_festival(at[-1]["f"]) else None
            if kind == "re-release":
                pass  # a restoration shown at a festival is still a re-release
            elif fest or is_festival(clause) and "premiere" in (kind or ""):
                kind = "premiere"
            if kind == "premiere" and (fest or is_festival(clause)):
                country, also = None, []  # "its North American premiere at Toronto": the
                # festival's place
            elif kind == "premiere" and _ON_NETWORK.search(clause):
                pos = d.end()  # "premiered on Syfy on D": a broadcast, as a television premiere is
                continue
            licence = _VERB_AT.finditer(text, low, s, d.start())
            private = kind is None and licence and _SCREENED.fullmatch(licence[-1].group())
            said = (d.end(), [] if private else [_qualifier(c, kind) for c in [country, *also]])
            for q in said[1]:
                out.add("release_date", d.start(), d.end(), value, q)
            kind = carried if after_kind else kind


# A television film's first broadcast is its release: "originally aired on ABC on November 15,
# 1977", "was first broadcast on NBC in the United States on 3 March 1981", "premiered on CBS
# on ..."; the verb, its network and "on" right before the date. A repeat ("ABC repeated the
# film on", "was rebroadcast on", "aired again on") is none.
_FIRST_AIRED = re.compile(
    rf"\b(?:aired|broadcast|televised|telecast|premiered|debuted) (?:on|by) (?:the )?"
    rf"(?:{_CHANNEL_NOUN})?"
    r"[A-Z][\w&+-]*(?: [A-Z][\w&+-]*){0,3}(?: (?:network|television))?"
    rf"(?: in (?:the )?(?P<c>(?i:{_COUNTRY})))? on $"
)


COMPANY = r"(?P<d>[A-Z0-9][\w.&/'-]*(?: (?:[A-Z0-9&][\w.&/'-]*|of|de))*)"
HOME_MEDIA_WORDS = re.compile(r"\b(?:DVD|VHS|Blu-?ray|video|cassettes?|LaserDisc)\b", re.I)
# "It was distributed by X", "In Korea the film was released (on 4 May 2011) by X", and a
# predicate coordinated with the film's own ("It won ... and was later released in the United
# States by X"): X distributes the film (in the region named).
_DISTRIBUTED_BY = re.compile(
    r"\b(?:[Ii]n (?:the )?(?P<r>[A-Z][a-z]+(?: [A-Z][a-z]+)*),? )?"
    r"(?:[Tt]he film|[Ii]t)(?: [^.;\n]{1,160}? and)? was (?:later |subsequently |then )?"
    r"(?:distributed|released in (?:the )?"
    r"(?P<r3>[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?: on [\w ]{1,30}?)?,?) by " + COMPANY +
    r"(?: in (?:the )?(?P<r2>[A-Z][a-z]+(?: [A-Z][a-z]+)*))?"
)
# in every _DISTRIBUTED_BY match
_WAS_DISTRIBUTED = re.compile(
    r" was (?:later |subsequently |then )?"
    r"(?:distributed|released in (?:the )?[A-Z][\w ]{1,60}?,?) by "
)


def add_distributed_by_prose(out: Collector, start: int, end: int) -> None:
    """The film's distributor in a passive sentence ("It was released in Korea by X"): the
    film's own release only; home media ("video cassettes ... were distributed by X Home
    Video") is no distributor."""
    text = out.view.text
    for s, e in sentences_with(text, start, end, _WAS_DISTRIBUTED):
        sentence = text[s:e]
        if HOME_MEDIA_WORDS.search(sentence):
            continue
        m = _DISTRIBUTED_BY.search(sentence)
        if m:
            region = m["r"] or m["r2"] or m["r3"]
            q = canonical_country(region) if region else None
            name = m["d"]
            if re.search(r"['\u2019]s?$", name):
                continue  # "distributed by Ostra's overseas arm": a unit, left unnamed
            if name.endswith(".") and not re.search(r"\b(?:Co|Inc|Ltd|Corp)\.$", name):
                name = name[:-1]  # the sentence's full stop
            ds = s + m.start("d")
            out.add("distributor", ds, ds + len(name), clean(name), q)


def add_broadcast_prose(out: Collector, start: int, end: int) -> None:
    """A television film's release dates in prose: each date right after its first
    broadcast's verb and network (`_FIRST_AIRED`), with the country its clause names."""
    text = out.view.text
    for d in _dates(_DATE, text, _lowered(text), start, end):
        m = _FIRST_AIRED.search(text, max(start, d.start() - 80), d.start())
        value = parse_date(d.group())
        if m and value:
            out.add("release_date", d.start(), d.end(), value, _qualifier(m["c"], None))


_PREMIERE_WORD = re.compile(r"\bpremi(?:ere|ered|ering)\b", re.I)


def _festival_premiere(clause: str) -> bool:
    """A clause on a festival's premiere ("after a premiere at the X Fest on", "Following its
    premiere at X Film Festival on"): its date is that screening's."""
    return _PREMIERE_WORD.search(clause) is not None and is_festival(clause)


def _add_disc_sentence_premieres(
    out: Collector, text: str, low: str | None, s: int, e: int
) -> None:
    """The festival premieres in a home-media sentence's clauses (text[s:e]), which are read as
    no cinema release ("It was released on DVD on D1, after a premiere at X Fest on D2")."""
    pos = s
    for d in _dates(_RELEASE_DATE, text, low, s, e):
        value = parse_date(d.group())
        if value and _festival_premiere(text[pos : d.start()]):
            out.add("release_date", d.start(), d.end(), value, "premiere")
        pos = d.end()


def _before_home_media(text: str, s: int, e: int) -> int:
    """Where the clause of text[s:e]'s first home-media format opens (at its ", and" or
    ";"), or `s` where the first clause names one."""
    fmt = next(f for f in _HOME_MEDIA.finditer(text, s, e) if f.group().lower() != "streaming")
    breaks = [
        *_CLAUSE_BREAK.finditer(text, s, fmt.start()),
        *_AND_PREDICATE_OPENS.finditer(text, s, fmt.start()),
    ]
    return max(b.start() for b in breaks) if breaks else s


def _in_year_of(text: str, low: str | None, d: re.Match, s: int, e: int) -> str | None:
    """A day and month alone (`_RELEASE_DATE`) in the year of the sentence's next full date,
    else of its last one before; None where the sentence writes no year."""
    days = [x for x in _dates(_DATE, text, low, s, e) if re.search(r"\d{4}", x.group())]
    later = [x for x in days if x.start() >= d.end()]
    near = later[0] if later else next((x for x in reversed(days) if x.end() <= d.start()), None)
    year = parse_date(near.group()) if near else None
    return parse_date(f"{d.group()} {year[:4]}") if year else None


def add_home_media_prose(out: Collector, start: int, end: int) -> None:
    """DVD and VHS dates: the format noun anywhere in the sentence, carried to later clauses;
    a cut named in a date's own clause before it qualifies it."""
    text = out.view.text
    low = _lowered(text)
    for s, e in sentences_with(text, start, end, _HOME_MEDIA, _HOME_MEDIA_LOW):
        # "Northway Home Video" (capitalised, after a name) is a company, not a format.
        formats = [
            f
            for f in _HOME_MEDIA.finditer(text, s, e)
            if not (f.group() == "Home Video" and re.search(r"[A-Z]\w*\s$", text[s : f.start()]))
        ]
        if not formats:
            continue
        current: list[str] = []
        pos = s
        dates = _dates(_MEDIA_DATE, text, low, s, e)
        for i, d in enumerate(dates):
            here = [f for f in formats if pos <= f.start() < d.start()]
            # "On 16 May 2003, X released it on DVD; ...": the format after the date in its own
            # clause when none comes before it. The clause ends at the next date, a semicolon
            # or a coordinated clause ("opened it in cinemas on D1, and released it on DVD on
            # D2": D1 is no DVD's; "in 1999, in a short run, and found a following on home
            # video").
            brk = _CLAUSE_BREAK.search(text, d.end(), e)
            # "premiered at X on D1 and went direct-to-DVD on D2": D1's predicate ends too
            then = _AND_PREDICATE_OPENS.search(text, d.end(), e)
            ends = then.start() if then else e
            stop = min(dates[i + 1].start() if i + 1 < len(dates) else e, brk.start() if brk else e)
            own = [f for f in formats if d.end() <= f.start() < min(stop, ends)]
            if not here and _festival_premiere(text[pos : d.start()]):
                pos = d.end()  # "..., after a premiere at X Fest on D": the screening's date
                continue
            if not here and own:
                here = own[:1]
            if here:
                joined = [here[-1]]
                for f in reversed(here[:-1]):
                    if re.fullmatch(r"\s*(?:and|or|/|,)\s*", text[f.end() : joined[0].start()]):
                        joined.insert(0, f)
                current = _attributes(joined)
            elif not current:  # the sentence's next format, not past a coordinated clause
                last = min(brk.start() if brk and brk.group() != ";" else e, ends)
                nxt = [f for f in formats if d.end() < f.start() < last]
                current = _attributes(nxt[:1])
            named = _NAMED_CUT.search(text, _clause_opens(text, s, d.start()), d.start())
            cut = named.group().lower().replace("’", "'") if named else None
            for attribute in filter(None, current):
                out.add(attribute, d.start(), d.end(), parse_date(d.group()), cut)
            pos = d.end()


def _attributes(formats: list[re.Match[str]]) -> list[str]:
    out = []
    for f in formats:
        a = "dvd_release" if f["dvd"] else "vhs_release" if f["vhs"] else ""
        if a not in out:
            out.append(a)
    return out


_PCT = re.compile(r"\b(?P<v>\d{1,3}(?:\.\d)?)\s?%")
_REVIEWS = re.compile(
    r"\b(?P<n>\d[\d,]*) (?:critics?'? ?|professional |critical )?(?:reviews|critics)\b"
)
_AVERAGE = re.compile(
    r"\baverage (?:rating|score) (?:of |is )?(?P<v>\d{1,2}(?:\.\d{1,2})?(?:/| out of )10)\b"
)
_OUT_OF_100 = re.compile(
    r"\b(?P<v>\d{1,3})(?:/| out of )100\b|\b(?:score|rating) of (?P<w>\d{1,3})\b(?!%| out| ?/)"
)


_AGGREGATORS = re.compile("Rotten Tomatoes|Metacritic")
# "The restoration holds a rating of its own": a sentence whose subject is another
# version or release of the film, listed apart on the site
_OTHER_LISTING = re.compile(
    r"\W*(?:the|its|this|that) (?:[\w'’-]+ ){0,2}(?:restoration|re-?release|reissue|cut|version"
    r"|edition|sequel|prequel|remake|series)\b",
    re.I,
)


def add_aggregator_prose(out: Collector, start: int, end: int) -> None:
    """Rotten Tomatoes and Metacritic figures: the site named anywhere in the sentence."""
    text = out.view.text
    for s, e in sentences_with(text, start, end, _AGGREGATORS):
        if _OTHER_LISTING.match(text, s, e):
            continue
        sentence = text[s:e]
        rt = sentence.find("Rotten Tomatoes")
        mc = sentence.find("Metacritic")
        if rt >= 0:
            stop = mc if mc > rt else len(sentence)
            part_s, part_e = s + (0 if mc < 0 or mc > rt else mc), s + stop
            _rotten(out, part_s, part_e)
        if mc >= 0:
            stop = rt if rt > mc else len(sentence)
            part_s = s + (0 if rt < 0 or rt > mc else mc)
            _metacritic(out, part_s, s + stop)


def _rotten(out: Collector, s: int, e: int) -> None:
    text = out.view.text
    m = _PCT.search(text, s, e)
    if m:
        out.add("critic_score", m.start(), m.end(), parse_score(m.group()), "rottentomatoes")
    n = _REVIEWS.search(text, s, e)
    if n:
        out.add(
            "critic_review_count", n.start("n"), n.end("n"), parse_count(n["n"]), "rottentomatoes"
        )
    a = _AVERAGE.search(text, s, e)
    if a:
        out.add(
            "critic_score", a.start("v"), a.end("v"), parse_score(a["v"]), "rottentomatoes average"
        )


def _metacritic(out: Collector, s: int, e: int) -> None:
    text = out.view.text
    m = _OUT_OF_100.search(text, s, e)
    if m:
        g = "v" if m["v"] else "w"
        start, stop = (m.start(), m.end()) if g == "v" else (m.start("w"), m.end("w"))
        out.add("critic_score", start, stop, parse_score(f"{m[g]}/100"), "metacritic")
    n = _REVIEWS.search(text, s, e)
    if n:
        out.add("critic_review_count", n.start("n"), n.end("n"), parse_count(n["n"]), "metacritic")


# Where an amount can start: a currency sign, or three letters (a code) before a figure, or a
# figure before a currency written after it ("410 000 kr"). A scan for this is several times
# faster than one for MONEY_IN_TEXT (case-insensitive, no prefix).
# A scale word may part a figure from a currency written after it: "412 million lire".
_SCALES = ("thousand", "million", "billion")
# "ℛℳ 750,000", "RM 750,000": a sign of two letters and a code of two (normalize.money)
_MONEY_HINT = re.compile(
    rf"[{SIGNS}]|ℛℳ|(?<![^\W\d_])(?i:rm|kr|tl|dm|zł)\.?\s*\d|[^\W\d_]{{3}}\s*\d"
    r"|(?<![^\W\d_])(?i:r[sp])\.?\s*\d|(?<![^\W\d_])(?:LE|L\.E\.)\s*\d"  # the Egyptian pound
    r"|(?<![^\W\d_])[PR]\d"  # the peso's bare P, the rand's bare R (`PESO_P`, `RAND_R`)
    r"|\d\s*(?i:(?:" + "|".join(_SCALES) + r")\s+)?"
    r"(?i:" + "|".join(TRAILING_CURRENCIES) + ")"
)
# The same read backwards over the lower-cased text: a figure's first digit, white space, then
# a sign or a code reversed; or a trailing currency reversed, then a figure's last digit.
_MONEY_HINT_BACK = re.compile(
    rf"\d\s*(?:[{SIGNS}]|ℳℛ|mr(?![^\W\d_])|\.?rk(?![^\W\d_])|lt(?![^\W\d_])|md(?![^\W\d_])|łz(?![^\W\d_])|"
    + "|".join(c[::-1] for c in CURRENCY_CODES.lower().split("|"))
    + r"|\.?[sp]r(?![^\W\d_])|[pr](?![^\W\d_]))"
    r"|(?:" + "|".join(w[::-1] for w in TRAILING_CURRENCIES) + r")"
    r"\s*(?:(?:" + "|".join(w[::-1] for w in _SCALES) + r")\s*)?\d"
)


def _money_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans where an amount may start: where `_MONEY_HINT` matches (found from the end of
    the lower-cased text when that is offset for offset, several times faster)."""
    low = _lowered(text)
    if low is None:
        return [m.span() for m in _MONEY_HINT.finditer(text, start, end)]
    if end <= start:
        return []
    back = low[end - 1 :: -1] if start == 0 else low[end - 1 : start - 1 : -1]
    # The backward pattern tried only where a match may open (it opens on letters as common as
    # "e" and "a": a quarter of the page's places): a figure's digit with a sign or a code
    # after it, read backwards (one scan that opens on digits; a match holds one digit, so it
    # hides no place), or a trailing currency's last letter (its words found by `str.find`).
    places = [m.start() for m in _FIGURE_BACK.finditer(back)]
    find = low.find
    for head, words in _TRAILING_HEADS.items():
        q = find(head, start, end)
        while q >= 0:
            places += [end - q - len(w) for w in words if low.startswith(w, q, end)]
            q = find(head, q + 1, end)
    spans = [m.span() for m in matches_at(_MONEY_HINT_BACK, back, places, 0, len(back))]
    marks = [(end - e, end - s) for s, e in reversed(spans)]
    # the Egyptian pound's capitals, which the lower-cased text cannot tell from "le 12"
    pounds = [
        m.span()
        for m in _POUND_LE.finditer(text, start, end)
        if m.start() == 0 or not text[m.start() - 1].isalpha()
    ]
    return sorted(marks + pounds) if pounds else marks


_POUND_LE = re.compile(r"L(?:E|\.E\.)\s*\d")  # opens on a literal: the scan skips ahead in C


# `_MONEY_HINT_BACK`'s first branch; the words every trailing currency opens with.
# (A sign or a code's last letter looked for first: most digits have neither after them.)
_CODE_ENDS = "".join(
    sorted({c[-1] for c in CURRENCY_CODES.lower().split("|")} | {"m", "ℳ", "l", "ł"})
)
_FIGURE_BACK = re.compile(
    _MONEY_HINT_BACK.pattern.partition("|(?:")[0].replace(
        r"\s*(?:", rf"\s*(?=[{_CODE_ENDS}.{SIGNS}])(?:", 1
    )
)
_TRAILING_HEADS = {  # each head with the trailing currencies that open with it
    h: tuple(w for w in TRAILING_CURRENCIES if w.startswith(h))
    for h in TRAILING_CURRENCIES
    if not any(h != v and h.startswith(v) for v in TRAILING_CURRENCIES)
}
# Lower-cased, where an amount opens: a currency sign (or up to `_PREFIX_MAX` letters before
# one: "us$", "can$", "rmb¥") or a currency code; or any digit, where a currency written after
# its amount may follow.
_AMOUNT_OPENS = re.compile(
    rf"[{SIGNS}]|ℛℳ|(?<![^\W\d_])(?:rm|kr|tl|dm|zł|nis)(?![a-z])|"
    + CURRENCY_CODES.lower()
    + r"|(?<![^\W\d_])(?:r[sp]|le|l\.e)\.?\s*\d|(?<![^\W\d_])[pr](?=\d)"
)
# Lower-cased, a currency written after its amount (normalize.money's trailing currencies).
_AMOUNT_AFTER = re.compile("|".join(TRAILING_CURRENCIES))
_DIGIT = re.compile(r"\d")
_SIGNS = SIGNS
_PREFIX_MAX = max(len(p) for prefixes in _PREFIXED.values() for p in prefixes)


def _amounts(text: str, low: str | None, s: int, e: int) -> list[re.Match[str]]:
    """`list(MONEY_IN_TEXT.finditer(text, s, e))`, the pattern tried only where an amount may
    open (a case-insensitive pattern that opens on letters is tried at every position)."""
    if low is None:
        return list(MONEY_IN_TEXT.finditer(text, s, e))
    places = set()
    if _AMOUNT_AFTER.search(low, s, e) is not None:  # "410 000 kr": amounts open on digits too
        places.update(d.start() for d in _DIGIT.finditer(low, s, e))
    at = s
    while (h := _AMOUNT_OPENS.search(low, at, e)) is not None:  # codes may overlap: "usdkk"
        p = h.start()
        places.add(p)
        if low[p] in _SIGNS:
            places.update(range(max(s, p - _PREFIX_MAX), p))
        at = p + 1
    return matches_at(MONEY_IN_TEXT, text, places, s, e)


_MONEY_WORDS = re.compile(
    r"\b(?P<budget>budget(?:ed)?|cost(?:ing|s)?|production costs?"
    r"|(?:made|produced|shot|filmed)(?: (?:it|the (?:film|picture|movie)))?"  # "shot it for"
    r"(?: (?:at|in|on) [\w'’ -]{1,40}?)? for)\b"  # "made at Ealing Studios for"
    r"|\b(?P<skip>opening weekend|first weekend|weekend|opening|marketing|advertising|"
    r"salary|paid|fee|prize|award|offered|offers|cash|sold|auction(?:ed)?|fetched|"
    # a backer's share of the budget ("of which the film fund contributed R2 million")
    r"contribut(?:ed|ing|ions?)|invested|granted|"
    # a day's takings ("Its single-day gross of", "daily grosses"), a rival's record, a sale
    # of rights before release, the studio's cut of the takings: no gross of the film's run
    r"(?:single|opening|first)[- ]day(?: gross(?:es)?)?|daily(?: gross(?:es)?)?|"
    r"(?:previous|former|old) record|pre-?sales?|"
    r"share of (?:the |its )?(?:[\w-]+ )?(?:gross|box[- ]office|takings|receipts)|"
    # "taking its total to X": the run's sum so far, no gross of the whole run
    r"(?:taking|bringing|pushing|raising) (?:its|the) (?:[\w-]+ )?total to)\b"
    r"|\b(?P<gross>gross(?:ed|ing|es)?|box[- ]office|earn(?:ed|ing|s)?|took(?: in)?|taking|"
    r"making|made(?! by\b)|revenue|receipts|takings|"
    # "finished its run with 5.6 billion yuan"
    r"(?:finished|ended|closed) (?:its (?:[\w-]+ )?run )?with)\b",  # "were made by": no money
    re.I,
)
# Right after an amount: the day or days it was taken in ("CN¥623 million on its opening day",
# "over the seven days of the holiday", "$9M on 3 October"), or the other film that took it
# ("the $1 billion taken by X", "the record of $40M set by X"): no gross of the film's run.
_NOT_THE_RUN_AFTER = re.compile(
    r"\s+(?:(?i:on|over|during|in|from)\s+(?i:its|the|a)\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:days?|week|holiday)\b"
    # "$27.6M in its second weekend and $19.3M in its third,": the weekend word left out
    r"|(?i:in|over|on)\s+(?i:its|the)\s+(?i:second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|next|last)(?=[,;.)]|\s+(?:and|as|when|while)\b)"
    # "entered the ₹100 crore club": a milestone's name, no sum the film took
    r"|(?i:club)\b"
    # "₹284.3 crore, the lifetime total of X (2014)", "the gross of ₹412 crore of X (2014)"
    r"|(?:,\s+(?i:the)\s+(?:[\w-]+\s+){0,3})?of\s+(?:[A-Z][\w'’:-]*\s+)+\((?:1[89]|20)\d\d\)"
    r"|on\s+(?:\d{1,2}\s+[A-Z][a-z]+|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+\d{1,2}\b)"
    r"|(?:taken|set|earned|grossed|made|held|posted)\s+by\b)"
)
# Before a money word, in its clause: another film named with its year as the word's subject
# ("whose previous film, X (2019), had grossed $Y").
_YEARED_SUBJECT = re.compile(r"\((?:1[89]|20)\d\d\),?\s+(?:[a-z]+\s+){0,3}$")


def ends_on_title(text: str, at: int, titles: tuple | list) -> bool:
    """Whether text[:at] ends on one of the page's titles (case aside): "X (2006)" names this
    film when X is its title."""
    before = text[max(0, at - 200) : at].rstrip().casefold()
    return any(before.endswith(t.casefold()) for t in titles if t)


# An amount in parentheses right after a title ("second only to X (CN¥5.69 billion)", "ahead of
# Y (US$812.2 million)"): that film's figure, unless the name is a territory ("in Japan (¥X)").
_TITLE_BEFORE = re.compile(r"((?:[A-Z0-9][\w'’:.-]*\s+)*[A-Z][\w'’:.-]*(?:\s+\d+)?)\s*\($")
# A sentence whose subject is another film of the series ("The film's sequel, released four
# months later, grossed ... and finished with $Y"): every amount of it is that film's.
_OTHER_FILM_SUBJECT = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:sequel|prequel|remake|follow-up|spin-off)\b", re.I
)
# "the $20 million production", "a ₩8 billion film": an amount between an article and the
# production it names is what the production cost
_BUILT = re.compile(r"[ -](?:production|film|picture|movie|project|feature)\b")
_BUILT_AFTER = re.compile(r"\b(?:the|a|an|its|this)\s+$", re.I)
_WEEKEND = re.compile(r"weekend", re.I)
# an opening's span, a weekend or its first days or weeks ("in its first four days"), or a
# later week of the run ("In its second week it earned")
_WEEKEND_WORD = re.compile(
    r"\bweekend\b"
    r"|\b(?:first|second|third|fourth|fifth|sixth|opening) (?:[a-z-]+ )?(?:days|weeks?)\b"
)
# The subject of a clause that is another film of the series, not this one.
_OTHER_FILM = re.compile(r"\b(?:sequel|prequel|remake|follow-up|spin-off)s?\b", re.I)
# "released it as part of the X programme, which grossed $3M": the relative's subject is a whole
# the film was shown in (a programme, a package, a double bill), whose money is not the film's.
_WHOLE_OF_IT = re.compile(
    r"\b(?:as (?:a )?part of|programme|program|package|compilation|showcase"
    r"|double (?:bill|feature))\b[^;]*?,\s*which\s+(?:\w+ly\s+)?$",
    re.I,
)
# "the eight entries, which together took $X", "grossed a combined $X": several films' money
# summed, no one film's.
_SUMMED = re.compile(
    r",\s*which\s+(?:together|jointly|between them)\b[^,;]*$|\bcombined\s+(?:total of\s+)?$",
    re.I,
)
_ESTIMATED = re.compile(r"\b(?:estimated|est\.)\s*$", re.I)
# "$1.4 million, roughly $6.5 million in 2018 dollars": an amount restated in another year's
# money (or "adjusted for inflation") is the same sum converted, no figure the page states.
_RESTATED = re.compile(
    r"\s*(?:in (?:\d{4}|today['’]s|current|present-day) (?:dollars|money|terms|prices)"
    r"|(?:when |once )?adjusted for inflation|today)\b",
    re.I,
)
# "the equivalent of $14 million in 2018", "(equivalent to $6.5 million)", "equal to about
# $560 million": the same conversion; so is any amount after "adjusted for inflation" in its
# sentence ("Adjusted for inflation, its gross is ...")
_RESTATED_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:equivalent|equal)\s+(?:of|to)\s+"
    r"(?:about\s+|roughly\s+|some\s+|around\s+|nearly\s+)?$",
    re.I,
)
_INFLATED = re.compile(r"\badjusted for inflation\b", re.I)
_PROMOTION_WORDS = r"marketing|advertising|promotion(?:al)?|publicity"
# "Its marketing campaign, which cost $12M": what the promotion cost, no budget of the film
_PROMOTION = re.compile(rf"\b(?:{_PROMOTION_WORDS}|campaign)\b", re.I)
# After an amount, in its own clause: money that includes or goes to its promotion ("$35
# million including prints and advertising", "a further $8 million spent on marketing", "a $2
# million advertising campaign", "$4 million more spent on its promotion"), no production budget.
_PROMOTION_AFTER = re.compile(
    r"\s*\(?(?:(?:more |extra )?(?:including|incl\.|plus|spent on|went (?:on|to|into)|for)\b"
    r"[^,;.()]{0,40}?)?"
    rf"\b(?:{_PROMOTION_WORDS}|P&A)\b",
    re.I,
)
_COST = re.compile(r"cost(?:s|ing)?", re.I)
# "a set that cost", "the train sequence, which had cost": a relative clause on its noun
_PART_COST = re.compile(r"\b(?P<noun>[a-z]+),?\s+(?:that|which)\s+(?:had\s+)?cost$", re.I)
# A clause's subject that is the film as a whole, whose cost is its budget.
_THE_FILM = re.compile(r"\b(?:it|film|picture|movie|production|project|feature|shoot)\b", re.I)
# "The first budget had been $9M; the figure rose to ...": a plan the budget outgrew
_SUPERSEDED = re.compile(
    r"\b(?:first|initial|original|early|earlier|preliminary|projected|planned)\s+$", re.I
)
_RUN_KINDS = ("original run", "re-release")
# A release that a gross belongs to alone, or a total over every release (`_run`).
_RUN_WORDS = re.compile(
    r"\b(?:(?P<original>(?:original|initial|first)(?: theatrical| cinema)? (?:run|release))"
    r"|(?P<re>re-?releas(?:e[ds]?|ing)|re-?issu(?:e[ds]?|ing))"
    # "a worldwide total": the territories summed, not the runs
    r"|(?P<total>lifetime|all-time|cumulative|(?<!worldwide )(?<!global )(?<!domestic )total))\b",
    re.I,
)
# "a budget of under $2 million": a bound, no amount (neither a point nor a range)
_BOUND = re.compile(rf"\b(?:under|below|less than|at most|up to|{LOWER_BOUND})\s*$", re.I)
_LOWER_BOUND = re.compile(rf"\b(?:{LOWER_BOUND})\s*$", re.I)
# "$1.2 million, of which about $200,000 went on the finale": an amount right after "of which" /
# "including" is a part of the amount before it, no budget of the film, its giver named or not
# ("of which the national film fund provided $400,000").
_PART_OF = re.compile(r"\W*(?:of which|including)\b[^.;$]{0,60}$", re.I)
# "ARS 8 million, about US$2.2 million at the time", "CLP 2 billion in Chile, or roughly $3
# million": US dollars right after an amount in another currency (and its territory), with
# only an approximation between them, are the page's conversion of it, no figure of their own
# (in parentheses they are the first amount's note: normalize.money). A currency's
# redenomination (old francs beside new francs) states both.
_CONVERTED = re.compile(
    r"(?:\s+(?:in|at)\s+[^,.;:\d]{1,40})?"
    r"\s*,?\s*(?:or\s+|then\s+)?(?:about|approximately|roughly|around|some|nearly|almost"
    r"|(?:the\s+)?equivalent\s+(?:to|of))\s*",
    re.I,
)
_ABROAD = "abroad"
_SCOPE_WORDS = (
    (  # "the fourth-highest total for a debut": a rank among films, no scope
        re.compile(
            r"\b(?:worldwide|world-wide|globally|global|around the world|"
            r"(?<!highest )(?<!largest )(?<!biggest )total)\b",
            re.I,
        ),
        "worldwide",
    ),
    (
        re.compile(
            r"\b(?:domestic(?:ally)?|North America|North American|US|U\.S\.|American|"
            r"United States)\b"
        ),
        "usa",
    ),
    (re.compile(r"\b(?:UK|U\.K\.|United Kingdom|British|Britain)\b"), "uk"),
    # the money made outside the home market: no scope of v1 ("grossed $12M internationally",
    # "$2M abroad", "$40M outside North America")
    (
        re.compile(
            r"\b(?:international(?:ly)?|overseas|abroad|foreign|other territories|outside (?:of )?"
            r"(?:the )?(?:North America|United States|US|U\.S\.|UK|United Kingdom|home market"
            r"|[A-Z][a-z]+))\b"
        ),
        _ABROAD,
    ),
)


# "grossed NT$31 million at the Taiwanese box office", "at the Taiwan box office" (the stretch
# after an amount ends where its next money word, "box office", opens)
_AT_BOX_OFFICE = re.compile(
    r"\bat the (?P<c>"
    + "|".join(re.escape(c) for c in sorted({*COUNTRY_NAMES, *COUNTRY_KEYS}, key=len)[::-1])
    + r")(?=\s+box[- ]office\b|\s*$)",
    re.I,
)


def _scope_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, scope) of each territory `text` names: the words above, or "in <country>"
    as release dates read it ("in Canada" -> canada), "at the <country> box office" or a
    country's release ("Its Australian release ... earned") when the words above do not name
    it."""
    hits = [(m.start(), m.end(), sc) for rx, sc in _SCOPE_WORDS for m in rx.finditer(text)]
    for pattern in (_IN_COUNTRY, _AT_BOX_OFFICE, _COUNTRY_RELEASE):
        for m in pattern.finditer(text):
            c = m["c"]
            if pattern is _COUNTRY_RELEASE and not (
                c.lower() in COUNTRY_NAMES or canonical_country(c) != c.lower()
            ):
                continue  # "Its wide release": no country
            if not any(rx.search(c) for rx, _ in _SCOPE_WORDS):
                hits.append((m.start("c"), m.end("c"), canonical_country(c)))
    # "outside North America" is abroad, not the territory it names
    abroad = [(a, b) for a, b, sc in hits if sc == _ABROAD]
    return [h for h in hits if h[2] == _ABROAD or not any(a <= h[0] < b for a, b in abroad)]


_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas)\b")
# A second predicate of the sentence's subject, coordinated without a comma ("premiered at X
# on D1 and went direct-to-DVD on D2", "... and was released on DVD on D2"): "and" before a
# lower-case word that opens no phrase of the first predicate (a preposition, an article).
_AND_PREDICATE_OPENS = re.compile(
    r"\s+and (?!(?:on|in|at|as|by|for|from|to|via|with|the|a|an|its|their|his|her|other|"
    r"digitally|theatrically|internationally|nationwide|worldwide)\b)(?=[a-z])"
)


# "In the United States it earned $X", "In Japan, the film grossed ¥Y": a clause's opening
# territory, before its subject and its money word.
_OPENING_IN = re.compile(r"\s*(?:(?:and|but)\s+)?[Ii]n\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*")


def _opening_scope(text: str, start: int, end: int) -> str | None:
    """The territory that opens the clause text[start:end], if it opens on one."""
    m = _OPENING_IN.match(text, start, end)
    hits = _scope_hits(m.group()) if m else []
    return hits[0][2] if hits else None


# Money a film's discs took: a clause whose subject is the disc ("The DVD grossed $X", "Its
# Blu-ray release earned") or that counts the discs sold ("sold 310,000 DVD units and earned").
_DISC_MONEY = re.compile(
    r"^\s*(?:the|its|their|this)\s+(?:[\w'’-]+\s+){0,2}?(?:DVD|Blu-?ray|VHS|disc|video)s?\b"
    r"|\bsold\s+(?:over\s+|more than\s+)?[\d,.]+(?:\s+million)?\s+(?:DVD|Blu-?ray|VHS|video|disc)"
    r"(?:s|\s+(?:units|copies))\b",
    re.I,
)


# ", returning rentals of $48 million": a participle that opens a clause after an amount
_PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")


def _clause_opens(text: str, s: int, at: int) -> int:
    """Where the clause of text[s:at]'s end opens: after its last ";" or ", and", else `s`."""
    breaks = list(_CLAUSE_BREAK.finditer(text, s, at))
    return breaks[-1].end() if breaks else s


# "..., for a worldwide total of $Y": a territory whose noun phrase runs into the next amount
_LEADS_ON = re.compile(r"\s*(?:[a-z-]+\s+){0,3}of\s*")


def _scope(after: str, before: str, onward: str = "") -> str | None:
    """The territory named nearest the amount: first just after it, else just before it.
    A territory that opens the next amount's noun phrase ("a worldwide total of"; `onward` is
    the text from the amount to the next one, in its clause) is that amount's."""
    hits = _scope_hits(after)
    if onward:
        # "... and in Malaysia RM 2.1 million": a territory right before the next amount is its
        hits = [
            h for h in hits if not _LEADS_ON.fullmatch(onward, h[1]) and onward[h[1] :].strip()
        ]
    if hits:
        return min(hits)[2]
    hits = [(e, sc) for _, e, sc in _scope_hits(before)]
    return max(hits)[1] if hits else None


def _between(text: str, low: re.Match[str], high: re.Match[str]) -> bool:
    """'between €3 million and €4 million': two amounts that bound one range."""
    return text[low.end() : high.start()] == " and " and bool(
        re.search(r"\bbetween $", text[max(0, low.start() - 8) : low.start()])
    )


# How far before an amount its sentence is read for the words about it (the clause it opens,
# a run, a superseded figure): past the longest sentence of prose, short of one that runs on
# for a page (a list of thousands of amounts, each read back to the start, took minutes).
_REACH = 1_000


def add_money_prose(out: Collector, start: int, end: int) -> None:
    """Budgets and grosses: each amount takes the money word nearest before it in its sentence,
    and the scope its own stretch of the sentence names (worldwide, USA, UK)."""
    text = out.view.text
    low = _lowered(text)
    countries = out.values("country")  # none is added here
    for s, e in marked_sentences(text, start, end, _money_marks(text, start, end)):
        amounts = _amounts(text, low, s, e)
        if not amounts:
            continue
        words = list(_MONEY_WORDS.finditer(text, s, e))
        # the words in text order, their ends too: an amount's words before and after it are
        # found by bisection, not a pass over the sentence's words each
        word_starts, word_ends = [w.start() for w in words], [w.end() for w in words]
        ranged = -1  # the amount that closed a "between X and Y" range
        weekend_end = s  # the end of the weekend word an amount was read with
        budgeted = False  # whether the sentence stated the film's budget before
        for i, a in enumerate(amounts):
            if i == ranged:
                continue
            before = words[: bisect_right(word_ends, a.start())]
            # "financed the ₩6 billion production": an amount the production is named by
            built = _BUILT.match(text, a.end()) and _BUILT_AFTER.search(
                text, max(s, a.start() - 5), a.start()
            )
            if not before and not built:
                continue
            if (
                not built
                and before[-1].lastgroup == "skip"
                and i
                and amounts[i - 1].end() <= before[-1].start()
                and before[-1].end() <= weekend_end
            ):
                # "grossed $1.1M in its opening weekend and $3.2M in all": the weekend the
                # amount before was read with is that amount's; this one's word comes before it
                before = [w for w in before if w.end() <= amounts[i - 1].start()] or before
            at = a.start() if built else before[-1].start()  # where its money word is
            word_end = a.start() if built else before[-1].end()  # and where it ends
            kind = "budget" if built else before[-1].lastgroup
            if (
                kind == "skip"
                or _RESTATED.match(text, a.end())
                or _RESTATED_BEFORE.search(text, max(s, a.start() - 40), a.start())
            ):
                continue
            stop = amounts[i + 1].start() if i + 1 < len(amounts) else e
            later = words[bisect_left(word_starts, a.end()) : bisect_left(word_starts, stop)]
            stop = later[0].start() if later else stop
            since = max(at, amounts[i - 1].end() if i else s)
            # where the sentence's context of this amount opens: its start, within reach
            near = max(s, a.start() - _REACH)
            # "Its opening weekend took £2.1M", "$5M in its opening weekend" or "in its first
            # four days": not the gross (the weekend word after the amount may be the skip
            # word that ends its stretch; a weekend an earlier amount was read with is that
            # amount's, not this one's).
            clause_start = amounts[i - 1].end() if i else s
            # (in the amount's own clause: ", and its first week $Y" is the next amount's)
            own_end = _CLAUSE_BREAK.search(text, a.end(), stop)
            after = _WEEKEND_WORD.search(text, a.end(), own_end.start() if own_end else stop)
            if after is None and later and later[0].lastgroup == "skip":
                after = _WEEKEND.search(later[0][0]) and later[0]
            if after:
                weekend_end = after.end()
                continue
            if _WEEKEND_WORD.search(text, max(clause_start, weekend_end), a.start()):
                continue
            # "Its sequel, X (1996), grossed $61M": another film's money.
            if _OTHER_FILM.search(text, clause_start, at) or _OTHER_FILM_SUBJECT.match(text, s):
                continue
            yeared = _YEARED_SUBJECT.search(text, clause_start, at)
            if yeared and not ends_on_title(text, yeared.start(), out.values("title")):
                continue
            if kind == "gross" and _NOT_THE_RUN_AFTER.match(text, a.end(), e):
                continue
            paren = text.rfind("(", clause_start, a.start())
            title = paren >= 0 and not text[paren + 1 : a.start()].strip()
            title = title and _TITLE_BEFORE.search(text, max(clause_start, paren - 120), paren + 1)
            if title and not is_country(title[1]):
                continue
            if _WHOLE_OF_IT.search(text, clause_start, at):
                continue
            if _INFLATED.search(text, near, a.start()) or _SUMMED.search(text, clause_start, at):
                continue
            # "earned $2.3 million in rentals", "rentals of $4M": the distributor's share of
            # the takings, no gross; in the amount's own clause only.
            if kind == "gross":
                cut = _CLAUSE_BREAK.search(text, a.end(), stop)
                # ", returning rentals of $X": a participle after the amount opens another clause
                ing = _PARTICIPLE.search(text, a.end(), cut.start() if cut else stop)
                if RENTALS.search(text, since, (ing or cut).start() if ing or cut else stop):
                    continue
                if _DISC_MONEY.search(text[_clause_opens(text, near, at) : at]):
                    continue
            money = parse_money(_REF_MARK.sub("", a.group()), **marks(countries))
            if money is None:  # "In Malaysia, ... it grossed RM 4.2 million": a mark the
                # film's countries leave open is the one of the country its sentence names
                named = [m["c"] for m in _IN_COUNTRY.finditer(text, s, e)]
                money = parse_money(_REF_MARK.sub("", a.group()), **marks([*countries, *named]))
            if money is None:
                continue
            if i and _CONVERTED.fullmatch(text, amounts[i - 1].end(), a.start()):
                first = parse_money(_REF_MARK.sub("", amounts[i - 1].group()), **marks(countries))
                if first is not None and first.currency != money.currency == "USD":
                    continue
            if kind == "budget":
                if _BOUND.search(text, since, a.start()):
                    continue
                if RENTALS.search(text, since, a.start()):
                    continue  # "Made for $X, ..., with rentals of $Y": the takings, no cost
                if _PROMOTION.search(text, _clause_opens(text, near, at), at):
                    continue
                if _PROMOTION_AFTER.match(text, a.end(), later[0].end() if later else stop):
                    continue  # "$35 million including prints and advertising": a total cost
                if _SUPERSEDED.search(text, near, at) and not _CLAUSE_BREAK.search(
                    text, word_end, a.start()
                ):
                    continue
                if i and _PART_OF.match(text, amounts[i - 1].end(), a.start()):
                    continue
                # "on a set that cost ₹45 lakh": the cost of the thing the relative names
                part = _PART_COST.search(text, max(s, at - 40), word_end)
                if part and not _THE_FILM.fullmatch(part["noun"]):
                    continue
                # "budgeted at $3M; the set itself cost $240,000": after the film's budget, a
                # clause whose subject is no name of the film costs a part of it
                opens = _clause_opens(text, near, at)
                if (
                    budgeted
                    and opens > near
                    and _COST.fullmatch(before[-1].group() if before else "")
                    and not _THE_FILM.search(text, opens, at)
                ):
                    continue
                budgeted = True
                value = {"low": money.low, "high": money.high, "currency": money.currency}
                span_end = a.end()
                if i + 1 < len(amounts) and _between(text, a, amounts[i + 1]):
                    high = parse_money(
                        re.sub(r"\[\w{1,3}\]", "", amounts[i + 1].group()),
                        **{**marks(countries), "krona": money.currency},
                    )
                    if high and high.currency == money.currency and high.high > money.low:
                        value["high"], span_end, ranged = high.high, amounts[i + 1].end(), i + 1
                # "(estimated)" after it, or "an estimated SEK 4 million"
                estimated = money.estimated or bool(_ESTIMATED.search(text, since, a.start()))
                out.add("budget", a.start(), span_end, value, "estimated" if estimated else None)
                continue
            # "its worldwide gross was": a scope word just before the money word is its own
            lead = text[clause_start:at]
            adjacent = [h[2] for h in _scope_hits(lead) if not lead[h[1] :].strip()]
            # "it earned $88,000, and its worldwide total was ...": a scope after the amount
            # counts within the amount's own clause only
            cut = _CLAUSE_BREAK.search(text, a.end(), stop)
            # "£X at the British box office, and $Y in the United States": a money word that
            # trails the previous amount is that amount's; this one's own territory comes first
            trailing = i > 0 and at >= amounts[i - 1].end()
            onward = text[a.end() : amounts[i + 1].start()] if i + 1 < len(amounts) else ""
            own = (
                _scope(text[a.end() : cut.start() if cut else stop], "", onward)
                if trailing
                else None
            )
            scope = (
                money.scope
                or own
                or (adjacent[-1] if adjacent else None)
                or _scope(
                    text[a.end() : cut.start() if cut else stop],
                    text[since : a.start()],
                    onward,
                )
                # "...; in Chile it grossed $X": the territory opening its own clause
                or _opening_scope(text, _clause_opens(text, clause_start, at), at)
                or _scope("", lead)  # "released in the United Kingdom ... and grossed £2M there"
                # "In the United States it opened with $X ... and grossed $Y": the territory
                # that opens the sentence's clause, past an amount that was no gross
                or _opening_scope(text, _clause_opens(text, near, a.start()), at)
            )
            if scope == _ABROAD:
                continue
            run = _run(text, near, a.start()) or _run(text, a.end(), cut.start() if cut else stop)
            if run:
                scope = f"{scope},{run}" if scope else run
            # "grossed over $1 billion": the bound word opens the evidence (a figure that
            # another source's meets agrees with it: reconcile.comparators.scalar)
            bound = _LOWER_BOUND.search(text, since, a.start())
            out.add(
                "gross",
                bound.start() if bound else a.start(),
                a.end(),
                {"amount": money.low, "currency": money.currency},
                scope,
            )


def settle_runs(out: Collector) -> None:
    """A gross of one run keeps the run's kind only where the page states another gross of
    its scope (another run's, or every run's): the kind tells the page's figures apart. A
    lone one ("The re-release grossed $45,000 in North America", an old film's only known
    gross) is the film's gross in that scope, as other sites list it."""
    grosses = [(i, _scope_run(c.qualifier)) for i, c in enumerate(out.claims)
               if c.attribute == "gross"]
    for i, (scope, run) in grosses:
        if run and not any(j != i and other == scope for j, (other, _) in grosses):
            out.claims[i] = replace(out.claims[i], qualifier=scope or None)


def _scope_run(qualifier: str | None) -> tuple[str, str]:
    """'usa,re-release' -> ('usa', 're-release'); 'usa' -> ('usa', '')."""
    head, _, tail = (qualifier or "").rpartition(",")
    return (head, tail) if tail in _RUN_KINDS else (qualifier or "", "")


def _run(text: str, s: int, at: int) -> str | None:
    """The one release a gross was taken in ("during its original run it grossed $84M and $171M
    worldwide", "the 3D re-release earned $18M"), named earlier in its sentence and not undone
    by a total ("bringing its lifetime gross to $102M"): its kind, else None (every run)."""
    words = list(_RUN_WORDS.finditer(text, s, at))
    if not words or words[-1].lastgroup == "total":
        return None
    last = words[-1]
    return "original run" if last.lastgroup == "original" else "re-release"


# A capital, accented ones too ("Ōta", "Émile", Yoruba's and Vietnamese's "Ọ", "Ṣ", "Đ")
_UPPER = "A-Z" + "".join(
    c for c in (*map(chr, range(0xC0, 0x250)), *map(chr, range(0x1E00, 0x1F00))) if c.isupper()
)
# Combining marks, which regex's \w leaves out: Yoruba's tones over a dotted vowel ("ẹ́", "ọ̀")
# have no precomposed letter
_MARKS = "\u0300-\u036f"
# "J.", "Jr.", "Ma." (a given name abbreviated, as Filipino names write it: "Ma. Celina"), "Brook"
_WORDCAP = rf"(?:[{_UPPER}]\.|[JS]r\.|Ma\.|[{_UPPER}][\w{_MARKS}'’-]*)"
# "y" / "i" / "e" join a Spanish / Catalan / Portuguese name's two surnames ("Pardo y Ochoa",
# "Serra i Vidal", "Melo e Castro"), and so do Portuguese "do", "dos", "das" ("Neves dos
# Reis"): a particle only between capitalised words
_NAME = (
    _WORDCAP
    + r"(?: (?:"
    + _WORDCAP
    + r"|(?:de|van|von|da|di|del|la|le|du|der|den|ter)\b|(?:[yie]|do|dos|das)(?= "
    + _WORDCAP
    + r")"
    # a nickname in quotes inside the name ('Ma. Celina "Lina" Orosa')
    + rf"|\"[{_UPPER}][\w'’-]*\""
    + r"))*"
    # a suffix after a comma ("Dario Quon, Jr."): the name's own, no second name
    + r"(?:, (?:[JS]r\.|III?|IV)(?!\w))?"
)
# A lead's coordinated credit verbs ("written, directed and edited by X"): each its attribute.
_CREDIT_VERBS = {"co-written": "writers", "written": "writers", "directed": "director",
                 "produced": "producers", "edited": "editor", "photographed": "cinematographer"}
_CREDIT_VERB = "(?:" + "|".join(_CREDIT_VERBS) + ")"
_CREDIT = re.compile(
    "(?P<role>"
    + "|".join(
        map(
            opens_word,
            (
                *(rf"{v}(?:, {_CREDIT_VERB})*,? and {_CREDIT_VERB}(?= by )"
                  for v in _CREDIT_VERBS),
                "directed",
                "written",
                "co-written",
                "produced",
                "starring",
                "stars",
                "featuring the voices of",
                "with the voices of",
            ),
        )
    )
    + r")(?: by)? (?P<names>"
    + _NAME
    + r"(?:(?:, | and |, and | &amp; | & )"
    + _NAME
    + r")*)"
)


# "from a story by X", "with a screenplay by X and Y", "from the novel by X", "with dialogue
# by X": the writing credit names its role; the work's title may part the role from its "by"
# ("adapted from the 1971 novel Its Title by X"). "written for television by X" is the
# teleplay's credit, as "from a teleplay by X" is.
_WRITING_CREDIT = re.compile(
    rf"\b(?P<role>screenplay|story|teleplay|novel|dialogue|(?i:{FOR_TELEVISION}))"
    r"(?P<more>s)?(?: [A-Z][\w'’:-]*(?: (?:[A-Z][\w'’:-]*|of|the|and|in|on|a|an|to))*)? by "
    r"(?P<names>" + _NAME + r"(?:(?:, | and |, and | &amp; | & )" + _NAME + r")*)"
)
# "the novels A by X and B by Y": each further work of a plural role, its title and its author
_NEXT_WORK = re.compile(
    r"(?:,? and |, )[A-Z][\w'’:-]*(?: (?:[A-Z][\w'’:-]*|of|the|in|on|a|an|to))* by "
    r"(?P<names>" + _NAME + r")"
)
# "The screenplay by X combines ...": a lead's later sentence whose subject is the screenplay
_SCREENPLAY_SUBJECT = re.compile(r"(?:The|Its) (?:screenplay|script),? by ")


# "It stars A and B", "A co-production of X and Y, it features the voices of A, B and C": a
# sentence whose subject is the film credits its players; so does one whose subject is the
# film's cast ("Its ensemble cast includes A, B and C").
_CAST_SENTENCE = re.compile(
    r"(?:^|, )(?:(?:[Ii]t|[Tt]he (?:film|movie)) (?:also )?"
    r"(?:stars|co-stars|features the voices of|featured the voices of)"
    r"|(?:[Ii]ts|[Tt]he (?:film|movie)['’]s) (?:(?:ensemble|principal|main|lead) )?cast "
    r"(?:includes|included|features|featured|is led by|was led by)) (?P<names>"
    + _NAME
    + r"(?:(?:, | and |, and | &amp; | & )"
    + _NAME
    + r")*)"
    # ", with D and E in supporting roles": the same verb's players, billed lower
    + r"(?:,? with (?P<support>"
    + _NAME
    + r"(?:(?:, | and |, and | &amp; | & )"
    + _NAME
    + r")*) in (?:a )?supporting roles?\b)?"
)


# "photographed by X", "with cinematography by X", "edited by X": a crew credit (with its "by"),
# the job named before the name or not ("shot by cinematographer X", "edited by the editor X")
_CREW_NAMES = (
    r" by (?:(?:the )?(?:cinematographer|director of photography|(?:film )?editor) )?"
    r"(?P<names>" + _NAME + r"(?:(?:, | and |, and | &amp; | & )" + _NAME + r")*)"
)
# ("with editing by X" too); "shot by X" is one only after the film as its subject
# (`_CREW_SENTENCE`): a lead's summary may shoot someone
_CREW_CREDIT = re.compile(r"\b(?P<role>photographed|cinematography|edited|editing)" + _CREW_NAMES)
# "with cinematographer X (and editor Y)": a crew member named by the job alone, no "by"
_CREW_JOB = r"(?:the )?(?P<{}>cinematographer|director of photography|(?:film )?editor) "
_CREW_WITH = re.compile(
    r"\bwith " + _CREW_JOB.format("role") + rf"(?P<names>{_NAME})"
    r"(?:,? and " + _CREW_JOB.format("role2") + rf"(?P<names2>{_NAME}))?"
)
# "The film was photographed by X" (or "shot by X"): a later sentence of the lead, the film its
# subject, after a time phrase with no comma or not ("After his death in 2009 the film was
# edited by X"; "a remake of the film was ..." has another subject).
_CREW_SENTENCE = re.compile(
    r"(?:^|, |^(?:After|Following|Before|In|By|Between|Until|Upon|Later) [^,;]{1,60}? "
    r"(?<!\bof )(?<!\bto )(?<!\bfor )(?<!\bwith ))"
    r"(?:[Ii]t|[Tt]he (?:film|movie)) (?:was |is )?(?:also )?(?:[a-z]+ and )?"
    r"(?P<role>photographed|shot|edited)" + _CREW_NAMES
)
# "..., and edited by Y" right after it: the same subject's next credit.
_CREW_MORE = re.compile(
    r",? and (?:was |is )?(?:also )?(?P<role>photographed|shot|edited)" + _CREW_NAMES
)
_CREW_ROLE = {"photographed": "cinematographer", "cinematography": "cinematographer",
              "shot": "cinematographer", "edited": "editor", "editing": "editor",
              "cinematographer": "cinematographer", "director of photography": "cinematographer",
              "editor": "editor", "film editor": "editor"}


def _add_crew(out: Collector, m: re.Match[str], at: int) -> None:
    """The people a crew credit names (`at`: where the text `m` searched begins)."""
    for n in re.finditer(_NAME, m["names"]):
        ns, ne = at + m.start("names") + n.start(), at + m.start("names") + n.end()
        out.add(_CREW_ROLE[m["role"]], ns, ne, clean(out.view.text[ns:ne]))


# A company's word anywhere in a name ("Studio Kairo", "Sampay Films"): no person
_COMPANY_WORD = re.compile(
    r"\b(?:Studios?|Pictures|Films|Productions|Entertainment|Animation|Company|Inc\.|Ltd\.)"
    r"(?!\w)"
)
# "Produced by X for Y, it stars ...": a later sentence opening on a credit whose subject,
# after the comma, is the film.
_CREDIT_OPENING = re.compile(
    r"\s*(?P<role>Produced|Directed|Written|Co-written) by (?P<names>"
    + _NAME
    + r"(?:(?:, | and |, and | & )"
    + _NAME
    + r")*)(?: (?:for|at|through) [^,;]{1,60})?, (?:it|the (?:film|movie))\b"
)


def add_cast_prose(out: Collector, start: int, end: int) -> None:
    """The stars (and crew) a lead's later sentences credit, the film their subject ('It stars
    A', 'The film was photographed by B'), and the writers one whose subject is the screenplay
    names ('The screenplay by X adapts the novel T by Y')."""
    text = out.view.text
    for s, e in sentences(text, start, end):
        if _SCREENPLAY_SUBJECT.match(text, s, e):
            _add_writing_credits(out, s, e)
        crew = _CREW_SENTENCE.search(text[s:e])
        while crew is not None:
            _add_crew(out, crew, s)
            crew = _CREW_MORE.match(text[s:e], crew.end())
        opening = _CREDIT_OPENING.match(text, s, e)
        if opening:
            attribute = _CREDIT_VERBS[opening["role"].lower()]
            # "Written by Brook and Jo Zell, it stars": a surname alone is the person the
            # page names in full, no credit of its own
            surnames = {v.rsplit(" ", 1)[-1] for v in out.values(attribute) if " " in v}
            for n in re.finditer(_NAME, opening["names"]):
                ns, ne = opening.start("names") + n.start(), opening.start("names") + n.end()
                name = clean(text[ns:ne])
                if " " not in name and name in surnames:
                    continue
                if not _COMPANY_WORD.search(text, ns, ne):  # "Studio Kairo" too
                    out.add(attribute, ns, ne, name)
        m = _CAST_SENTENCE.search(text[s:e])
        if m is None:
            continue
        for group in ("names", "support") if m["support"] else ("names",):
            for n in re.finditer(_NAME, m[group]):
                ns, ne = s + m.start(group) + n.start(), s + m.start(group) + n.end()
                out.add("stars", ns, ne, clean(text[ns:ne]))


# "directed by X, who co-wrote the screenplay with Y" (or "directed by X in his debut, from a
# screenplay he wrote with Y"): X and Y wrote it, in that role. Y may follow what Y is ("with
# the Icelandic playwright Y", "with novelist Y", "with his brother Y"): a determiner, a
# nationality and one or two lower-case words, which no name has (a name's particle is no such
# word: "with Ana de Melo e Castro").
_WHO_WROTE = re.compile(
    r"\bby (?P<x>"
    + _NAME
    + r")(?:, who (?:also )?(?:co-)?wrote (?:the|its) (?P<role>screenplay|story)"
    + r"|(?: [a-z][\w -]{0,40}?)?, (?:from|with|on) an? (?P<role2>screenplay|story)"
    + r" (?:he|she|they) (?:had )?(?:co-)?wrote)"
    + rf"(?: with (?:(?:(?:the|his|her|their|a|an) )?(?:[{_UPPER}][\w-]+ )?"
    + r"(?!(?:de|da|do|dos|das|del|di|du|la|le|van|von|der|den|ter) )[a-z][\w-]+ "
    + r"(?:[a-z][\w-]+ )?(?=[" + _UPPER + r"]))?(?P<names>"
    + _NAME
    + r"(?:(?:, | and |, and | &amp; | & )"
    + _NAME
    + r")*))?"
)


# A company's last word: "produced by Copperleaf Animation Studios" credits a studio, no one.
_COMPANY = re.compile(
    r" (?:Studios?|Pictures|Films|Productions|Entertainment|Animation|Company|Inc\.|Ltd\.)$"
)


# The noun phrase of another film of the story: "a remake of", "the sequel to".
_OTHER_FILM_OF = re.compile(r"\b(?:remake|sequel|prequel|follow-up|spin-off) (?:of|to)\b", re.I)


def add_credit_prose(out: Collector, start: int, end: int) -> None:
    """'written and directed by X', 'directed by X', 'starring A, B and C' (an animated film's
    'featuring the voices of A, B and C') in a lead; 'from a story by X' and 'with a screenplay
    by X' give the role as the qualifier, as an infobox's 'Story by' line does."""
    text = out.view.text
    for m in _CREDIT.finditer(text, start, end):
        # "..., a remake of the 1958 film directed by X": the credit is the other film's
        clause = max(text.rfind(",", start, m.start()), text.rfind(";", start, m.start()))
        if _OTHER_FILM_OF.search(text, max(clause, start), m.start()):
            continue
        role = m["role"]
        verbs = re.findall(_CREDIT_VERB, role)
        # a last crew verb is the crew credit's own "edited by X", read below
        if verbs[-1:] and _CREDIT_VERBS[verbs[-1]] in _CREW_ROLE.values():
            verbs.pop()
        attributes = list(dict.fromkeys(_CREDIT_VERBS[v] for v in verbs))
        if role in ("starring", "stars") or "voices" in role:
            attributes.append("stars")
        for n in re.finditer(_NAME, text[m.start("names") : m.end("names")]):
            ns, ne = m.start("names") + n.start(), m.start("names") + n.end()
            if _COMPANY.search(text, ns, ne):
                continue
            for attribute in attributes:
                out.add(attribute, ns, ne, clean(text[ns:ne]))
    for m in _CREW_CREDIT.finditer(text, start, end):
        _add_crew(out, m, 0)
    for m in _CREW_WITH.finditer(text, start, end):
        for role, names in (("role", "names"), ("role2", "names2")):
            if m[names]:
                out.add(_CREW_ROLE[m[role]], m.start(names), m.end(names), clean(m[names]))
    _add_writing_credits(out, start, end)
    for m in _WHO_WROTE.finditer(text, start, end):
        role = m["role"] or m["role2"]
        out.add("writers", m.start("x"), m.end("x"), clean(m["x"]), qualifier=role)
        if m["names"]:
            for n in re.finditer(_NAME, m["names"]):
                ns, ne = m.start("names") + n.start(), m.start("names") + n.end()
                out.add("writers", ns, ne, clean(text[ns:ne]), qualifier=role)


def _add_writing_credits(out: Collector, start: int, end: int) -> None:
    """The writers "from a screenplay by X", "from the novel T by Y" name, in that role; a
    plural role ("the novels A by X and B by Y") credits each work's author."""
    text = out.view.text
    for m in _WRITING_CREDIT.finditer(text, start, end):
        role = writing_role(m["role"])
        names = list(re.finditer(_NAME, text[m.start("names") : m.end("names")]))
        for n in names[:1] if m["more"] else names:  # a plural's next name is a title
            ns, ne = m.start("names") + n.start(), m.start("names") + n.end()
            out.add("writers", ns, ne, clean(text[ns:ne]), qualifier=role)
        at = m.start("names") + names[0].end()
        while m["more"] and (w := _NEXT_WORK.match(text, at, end)):
            out.add("writers", w.start("names"), w.end("names"), clean(w["names"]), qualifier=role)
            at = w.end()


def lead_sentence(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence that introduces the film ("X is a 1996 British ... film ...")."""
    for s, e in sentences(text, start, end):
        if re.search(r"\bis an? (?:1[89]|20)\d\d\b", text[s:e]):
            return s, e
    return None


_CLAUSE = re.compile(r"[^,;]*")  # up to the next comma or semicolon
_REF_MARK = re.compile(r"\[\w{1,3}\]")  # a footnote mark: "[3]", "[a]"
