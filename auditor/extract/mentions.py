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
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import itemgetter, methodcaller

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from auditor.extract.base import opens_word
from auditor.extract.prose import _UPPER
from auditor.extract.scan import matches_at, word_at
from auditor.normalize.dates import MONTHS
from auditor.normalize.names import HONORIFICS, fold
from auditor.normalize.places import is_country

# a letter or digit, or a combining mark (which \w leaves out: Yoruba's "ẹ́", "ọ̀")
_ALNUM = r"(?:[^\W_]|[\u0300-\u036f])"
_WORD = re.compile(rf"[^\W\d_](?:[\w\u0300-\u036f'’-]*{_ALNUM})?|[^\W\d_]", re.UNICODE)
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
_MONTH_NAMES = frozenset(m.capitalize() for m in MONTHS)
_NOT_NAMES = {
    *_MONTH_NAMES,
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


# `_WORD` as a split, written so that no word end backtracks: a letter, letters and digits,
# then underscores, apostrophes or hyphens only where letters or digits follow them (the
# same words, the split a fifth faster).
_WORD_SPLIT = re.compile(rf"([^\W\d_]{_ALNUM}*+(?:[_'’-]+{_ALNUM}++)*+)", re.UNICODE)
_GAP = (" ", "\u00a0")  # what parts two words of one name
_POSSESSIVE = ("'s", "’s")


class _Tokens:
    """The words of text[start:end] (the `_WORD` matches), read once: parallel lists of each
    word, its offsets and the gap before it (`gaps[i + 1]` parts word i from word i + 1).

    One `re.split` and running sums of lengths, no match object a word: the mention readers
    scan the same plot and review texts several times.
    """

    __slots__ = ("words", "starts", "ends", "gaps", "_caps", "_folds")

    def __init__(self, text: str, start: int, end: int) -> None:
        parts = _WORD_SPLIT.split(text[start:end])
        offsets = list(accumulate(map(len, parts), initial=start))
        n = len(parts) // 2
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[1 : 2 * n : 2]
        self.ends: list[int] = offsets[2 : 2 * n + 1 : 2]
        self.gaps: list[str] = parts[0::2]
        self._caps: list[bool] | None = None
        self._folds: list[str] | None = None

    @property
    def caps(self) -> list[bool]:
        """Whether each word is capitalised."""
        if self._caps is None:
            self._caps = list(map(str.isupper, map(itemgetter(0), self.words)))
        return self._caps

    @property
    def folds(self) -> list[str]:
        if self._folds is None:
            self._folds = list(map(fold, self.words))
        return self._folds

    def capitalised(self) -> list[int]:
        return list(compress(range(len(self.words)), self.caps))


@lru_cache(maxsize=16)
def _tokens(text: str, start: int, end: int) -> _Tokens:
    return _Tokens(text, start, end)


def _has(text: str, start: int, end: int, literal: str) -> bool:
    """Whether text[start:end] holds `literal`: a pattern whose every match holds it need not
    be scanned for where it does not (most plots have no quotes or parentheses)."""
    return text.find(literal, start, end) >= 0


def _mid_sentence(text: str, pos: int, start: int) -> bool:
    """The word at `pos` is not the first of its sentence: what `_SENTENCE_BREAK` finds in the
    three characters before it, read with string methods (no regex call: a plot's every
    capitalised word asks)."""
    if pos <= start:
        return False
    before = text[max(start, pos - 3) : pos]
    core = before.rstrip()
    if not core or "\n" in before[len(core) :]:
        return False  # white space since the stretch's start, or a line break
    last = core[-1]
    if last in _BREAKS:
        return False
    return not (last == "-" and len(core) > 1 and core[-2].isspace())


_BREAKS = set(".!?:;\"“”([")


def _unpossessed(word: str) -> str:
    return word[:-2] if word.endswith(_POSSESSIVE) else word


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
    "group",
    "holdings",
    "industries",
    "marine",
    "shipping",
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
    "sound",
    "island",
    "islands",
    "beach",
    "valley",
    "plateau",
    "highlands",
    "mountains",
    "peninsula",
    "canyon",
    "volcano",
    "desert",
    "flats",
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
    "room",
    "ballroom",
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
# 'Jo "Ace" Vance', 'Maj. Jo "the Fox" Vance', '"Ace" Vance'. Written to open on one set of
# characters, a capital or an opening quote (a scan skips to the next in C), each branch
# picked by what it opened on; the first's word boundary checked behind its capital.
_NICKNAMED = re.compile(
    rf"[A-Z\"“](?:(?<=[A-Z])(?<!\w.)[\w'’-]*(?:\.? {_TITLE_WORD})? "
    rf"[\"“]{_TITLE_WORD}(?: {_TITLE_WORD}){{0,2}}[\"”] {_TITLE_WORD}"
    rf"|(?<=[\"“]){_TITLE_WORD}[\"”] {_TITLE_WORD})"
)
_LOWER_NICKNAMED = re.compile(r"\b\w+ [\"“](?P<nick>\w[\w ]{0,20}?)[\"”] (?P<last>\w+)\b")
_NAMED = re.compile(
    "(?:" + "|".join(map(opens_word, ("named", "called", "nicknamed")))
    # "known as Tiny", "known to his men as Bullet": a name the character goes by
    + "|" + opens_word("known") + r"(?: to(?: [a-z]+){1,3})? as"
    + rf") (?P<n>{_TITLE_WORD})"
)
_TITLES = {"Mr", "Mrs", "Ms", "Dr"}
# Words that open a sentence and are no name: "Meanwhile Jo Vance ...", "Later Ada ...".
_OPENERS = set(
    "meanwhile later soon eventually finally afterwards afterward there here now once still "
    "instead however although though despite during upon until unless because since back "
    "together next suddenly elsewhere inside outside today tonight tomorrow yesterday years "
    "months days weeks both each every all some many most few several other another one two "
    "three four five six seven eight nine ten first second third last young old little poor "
    "dear unable desperate angry convinced fearing realising realizing knowing hoping "
    "believing shortly someday somehow nevertheless nonetheless ultimately initially only".split()
)
# A capitalised first word of a sentence that is no name: "Leaving Ada's flat, ...".
_SENTENCE_VERB = re.compile(r"[A-Z][a-z]{3,}(?:ing|ed)")
# Its capital first, the boundary and ". " checked behind it: a scan skips to the capitals.
_INTRODUCED = re.compile(rf"(?P<n>[{_UPPER}](?<![\w'’].)(?<!\. .)[\w'’-]*) \((?=[{_UPPER}])")
_PARTICLE = {  # "dela", "delos": the Filipino particles ("Ana dela Cruz")
    "de", "van", "von", "da", "di", "del", "della", "dela", "delos", "du", "le", "la", "der", "ter"
}
# "his sister Maud", "a ten-year-old son, emil,": one name after a family word, in
# lower case, after a possessive or an article.
_KIN = re.compile(  # the determiner's first letter first, in either case: a scan skips to it
    r"[HhTtMmOoYyAa](?<!\w.)(?i:(?<=h)(?:is|er)|(?<=t)heir|(?<=m)y|(?<=o)ur|(?<=y)our|(?<=a)n?) "
    r"(?:(?:younger|older|elder|eldest|youngest|only|adopted|little|big|twin|late|estranged|"
    r"baby|infant|newborn|teenage|[a-z]+-year-old) )?"
    r"(?:(?:half-|step-?|grand)?(?:sister|brother|mother|father|son|daughter)(?:-in-law)?|"
    r"wife|husband|uncle|aunt|cousin|niece|nephew|fianc[ée]e?|widow|widower|girlfriend|"
    r"boyfriend)(?P<comma>,)? (?P<n>[^\W\d_][\w\u0300-\u036f'’-]*)(?![\w\u0300-\u036f'’-]| [A-Z])"
    r"(?(comma)(?=[,.;:)]|$))"  # "her daughter, Bea.": an appositive, closed (no clause subject)
)
# "the widow's son arvid": the same after a name's possessive
_KIN_OF = re.compile(r"['’]s " + _KIN.pattern[_KIN.pattern.index("(?:(?:younger") :])
# A word opening a clause of a lower-cased text ("; kit never", ". orla, the eldest,", "when
# the wind drops, kit sails"), no pronoun after it
_CLAUSE_OPENING = re.compile(
    r"(?:^|[.;:!?] (?:and |but )?|, (?:and |but )?)(?P<w>[^\W\d_][\w'’-]*)"
    r"(?=,? (?!(?:he|she|they|it|you|we|i)\b))"
)
_QUOTED_WORD = re.compile(r"['\"“‘]([^\W\d_][\w-]*)['\"”’]")
# "Dara, a young widow, ...", "Tobi, an out-of-work Lagos driver who ...": one capitalised
# word and an appositive that describes a person by a noun of kin or of a trade or an age,
# closed by a comma or "who" (a synopsis introducing its lead without a cast list to name it).
_PERSON_NOUNS = (
    "nurse|doctor|teacher|student|schoolgirl|schoolboy|detective|inspector|officer|policeman|"
    "policewoman|cop|soldier|farmer|fisherman|priest|monk|nun|maid|servant|housekeeper|"
    "caretaker|driver|lawyer|journalist|reporter|writer|painter|singer|dancer|musician|actress|"
    "actor|clerk|waitress|waiter|chef|cook|widow|widower|orphan|girl|boy|woman|man|teenager|"
    "child|mother|father|daughter|son|sister|brother|grandmother|grandfather|wife|husband|"
    "bride|groom|retiree|pensioner|veteran|mechanic|thief|pickpocket|con artist|hitman|gangster"
)
_APPOSED = re.compile(
    rf"(?P<n>[{_UPPER}](?<![\w'’].)[\w'’-]*), an? (?:[\w'’-]+ ){{0,3}}?"
    rf"(?:{_PERSON_NOUNS})(?=,| who\b)"
)
# "ten-year-old Ottla finds": one name after an age, a person ("Ten-year-old Jo Vance" is a run)
_AGED = re.compile(r"-(?<=[a-z]-)year-old (?P<n>[A-Z][\w'’-]*)(?![\w'’-]| [A-Z])")
# "the Grand Vizier Omar Hadid (Ada Brook)": an office or a description, capitalised after an
# article, then a name of two words that an actor's parenthesis marks as the person; a scan
# skips to the article's "t".
_DESCRIBED_PERSON = re.compile(
    r"[Tt](?<!\w.)he (?P<d>(?:[A-Z][\w'’-]* ){1,3})(?P<n>[A-Z][\w'’-]* [A-Z][\w'’-]*) \((?=[A-Z])"
)
# "Amy and Kit Ferrand (Max Orr and ...)": an actor's parenthesis opens after a name.
_ACTOR_PAREN = re.compile(rf" \((?=[{_UPPER}])")
# ", a hospital orderly who", ", an old friend whose": what follows a person's name (a place's
# appositive goes on with "which" or "where"); or a person's noun closed by a comma (", a
# ten-year-old thief,").
_PERSON_APPOSITIVE = re.compile(
    r", an? (?:[a-z][a-z'’-]* ){1,4}(?:who|whom|whose)\b"
    rf"|, an? (?:[\w'’-]+ ){{0,3}}?(?:{_PERSON_NOUNS})(?=,| who\b)"
)


def _in_actor_parens(text: str, start: int, pos: int) -> bool:
    """`pos` lies inside a parenthesis that opens right after a capitalised name: actors."""
    op = text.rfind("(", max(start, pos - 80), pos)
    return (
        op >= 0
        and text.find(")", op, pos) < 0
        and bool(_LONGER_NAME.search(text[max(start, op - 40) : op]))
    )


def _demonyms() -> set[str]:
    from auditor.normalize.places import COUNTRY_KEYS

    return {k for k in COUNTRY_KEYS if " " not in k and "." not in k}


_DEMONYM_WORDS = _demonyms()
_DEMONYM_FORM = re.compile(r"(?:an|ish|ese|i|ic|ch|sh|ss|ek)$")  # "American", "Swiss", "Thai"


def _runs(t: _Tokens) -> Iterator[tuple[int, int]]:
    """Capitalised runs of up to four words, as word indices [i, j): a person's name, title
    and particles included."""
    words, gaps, caps = t.words, t.gaps, t.caps
    n = len(words)
    after = 0  # the next run starts past the previous one
    for i in t.capitalised():
        if i < after:
            continue
        j = i + 1
        while j < n and j - i < 4:
            gap = gaps[j]
            if gap not in _GAP and not (gap == ". " and fold(words[j - 1]) in HONORIFICS):
                break
            if not caps[j] and not (words[j] in _PARTICLE and j + 1 < n):
                break
            j += 1
        while not caps[j - 1]:  # word i is capitalised: the run keeps at least it
            j -= 1
        yield i, j
        after = j


_NOT_NAME_WORDS = _NOT_NAMES - _TITLES
_WORD_BEFORE = re.compile(r"([\w'’]+)\W*$")


def _person_run(text: str, start: int, t: _Tokens, i: int, j: int) -> tuple[int, int] | None:
    """The span of the run words[i:j] as a person's name, or None: no place word, no demonym,
    not in parentheses (an actor), not after 'the' / 'in' / 'to' (a place or a thing)."""
    if j - i < 2:  # one word: no name, whatever the checks below say (most runs)
        return None
    words = t.words
    first = t.starts[i]
    if text[max(start, first - 1) : first] == "(" or _in_actor_parens(text, start, first):
        return None
    # "to Ada Brook (Jo Vance)": an actor in parentheses marks a person after any word; so does
    # an appositive that goes on with "who" ("belongs to Ada Brook, a child who ...").
    actor = (
        _ACTOR_PAREN.match(text, t.ends[j - 1]) is not None
        or _PERSON_APPOSITIVE.match(text, t.ends[j - 1]) is not None
    )
    stripped = []
    opening = not _mid_sentence(text, first, start)
    while i < j and (
        words[i].lower() in _STOP
        or (opening and words[i].lower() in _OPENERS)
        # (a run of two words before an actor's parentheses is a name: "Alfred Vance (Jo
        # Brook)", "Manning Lim (Ada Cruz)")
        or (opening and _SENTENCE_VERB.fullmatch(words[i]) and not (actor and j - i == 2))
        # "Ten-year-old Jo Vance (Ada Brook) ...": an adjective opening the sentence
        or (opening and _LOWER_PART.search(words[i]))
    ):
        stripped.append(words[i].lower())
        i += 1
    if stripped and stripped[-1] in _NOT_BEFORE_PERSON and not actor:
        return None
    # "the American Jo Brook", "the Swiss Ada Brook": a nationality before a name of two
    # words or more is no part of it
    if j - i > 2 and fold(words[i]) in _DEMONYM_WORDS and _DEMONYM_FORM.search(words[i]):
        i += 1
    if j - i < 2:
        return None
    bare = [_unpossessed(w) for w in words[i:j]]
    # a month is no name, unless an actor's parenthesis or a person's appositive says the run
    # is a person ("April Dunne (Jo Vance), a nurse")
    if any(w in _NOT_NAME_WORDS and not (actor and w in _MONTH_NAMES) for w in bare):
        return None
    lowered = [fold(w) for w in bare]
    if any(w in _PLACE_WORDS or w in _DEMONYM_WORDS for w in lowered) and not _surname_place(
        text, t, i, j, lowered
    ):
        return None
    if is_country(" ".join(lowered)):  # "left for Hong Kong", "in Saudi Arabia": a country
        return None
    if all(w.rstrip(".") in HONORIFICS for w in lowered):
        return None
    first = t.starts[i]
    before = _WORD_BEFORE.search(text[max(start, first - 20) : first])
    # "the ferry of Captain Jo Vance", "to Dr. Ada Brook": a title and two names more is a
    # person after any word ("of General Motors", "the Lady Chapel" are two words); so is a
    # title and a name that owns what follows ("in Captain Vance's cabin")
    titled = (j - i >= 3 or bare[-1] != words[j - 1]) and lowered[0].rstrip(".") in HONORIFICS
    if (
        not stripped
        and before
        and before.group(1).lower() in _NOT_BEFORE_PERSON
        and not actor
        and not titled
    ):
        return None
    # "a rusted Renault Dauphine", "an old Singer": an indefinite article and a word, as before a
    # thing's make, no person (as "a" alone is none before one)
    if (
        not stripped
        and _INDEFINITE_BEFORE.search(text, max(start, first - 30), first)
        and not actor
        and not titled
    ):
        return None
    # "the Danish freighter Ulla Brekke", "aboard the trawler Mary Quinn": a vessel's name
    if not stripped and before and before.group(1).lower() in _VESSELS and not actor:
        return None
    # "the neighbouring Consolidated Gas building": a run that names the building after it
    if bare[-1] == words[j - 1] and _BUILDING_AFTER.match(text, t.ends[j - 1]):
        return None
    end = t.ends[j - 1] - (2 if bare[-1] != words[j - 1] else 0)
    return first, end


_INDEFINITE_BEFORE = re.compile(r"(?<![\w'’])[Aa]n? [a-z][\w'’-]* $")
# Nouns whose name follows them is a vessel's, no person's.
_VESSELS = frozenset(
    "ship boat freighter ferry trawler steamer steamship schooner yacht tanker liner vessel "
    "submarine frigate cutter barge tugboat whaler clipper galleon cruiser destroyer battleship "
    "sloop ketch brig airship spaceship starship".split()
)


# A lower-case noun of a building or a firm right after a run: "the Consolidated Gas building"
_BUILDING_AFTER = re.compile(
    r" (?:building|tower|hotel|company|corporation|store|plant|factory|offices)\b"
)


# Nouns whose "of" names a place after them: "the border town of San Ysidro".
_SETTLEMENTS = frozenset("town village city hamlet port settlement outpost".split())
# A dateline's year (its month before it or not) after a run: "San Ysidro, 1866.", "Port
# Aurel, March 1931." open a plot with its place and time.
_DATELINE = re.compile(
    r", (?:(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r") )?"
    r"(?:1[0-9]|20)[0-9]{2}\b"
)


def _named_place(text: str, t: _Tokens, i: int, j: int) -> bool:
    """words[i:j] (two words or more) is a place the text names as one: after a settlement's
    "of" ("the mining town of Red Bluff"), or before a dateline ("Red Bluff, 1879.")."""
    if j - i < 2 or _unpossessed(t.words[j - 1]) != t.words[j - 1]:
        return False
    return (
        i > 1
        and t.words[i - 1] == "of"
        and t.gaps[i] == " "
        and t.words[i - 2].lower() in _SETTLEMENTS
    ) or _DATELINE.match(text, t.ends[j - 1]) is not None


# Street and landmark words that are common surnames too ("Penny Lane", "Lois Lane").
_SURNAME_PLACES = frozenset({"lane", "hill", "park", "cross", "bridge", "church"})
# A verb after a run makes it a clause's subject: "Kit Park shelters", "Ada Hill waited".
_SUBJECT_VERB = re.compile(r" (?!(?:is|was|has|his|this|as|its|plus|across)\b)[a-z]{2,}(?:s|ed)\b")


def _surname_place(text: str, t: _Tokens, i: int, j: int, lowered: list[str]) -> bool:
    """words[i:j] is a given name and a surname that is also a street word ("Kit Park shelters
    in a villa"): two words, only the last a place word, the subject of a verb."""
    return (
        j - i == 2
        and lowered[1] in _SURNAME_PLACES
        and lowered[0] not in _PLACE_WORDS
        and lowered[0] not in _DEMONYM_WORDS
        and _SUBJECT_VERB.match(text, t.ends[j - 1]) is not None
    )


@lru_cache(maxsize=16)
def discover_names(text: str, start: int, end: int) -> set[str]:
    """Names a cased text uses as names, without any list to tell it so: runs of capitalised
    words that are not places or bodies (titles, particles and quoted nicknames included),
    a word after "named", and a single name used again and again in mid-sentence.

    Remembered for the last few texts: a plot is read for characters and for coordinated
    names. Callers must not change the set."""
    names: set[str] = set()
    covered: set[str] = set()
    quoted = _has(text, start, end, '"') or _has(text, start, end, "“")
    for m in _NICKNAMED.finditer(text, start, end) if quoted else ():
        name = " ".join(m.group().split())
        first, _, rest = name.partition(" ")
        # 'Twelve-year-old Jo "Ace" Vance', 'Young Jo "Ace" Vance': the adjective is no name
        if rest[:1] not in '"“' and (_LOWER_PART.search(first) or first.lower() in _OPENERS):
            name = rest
        names.add(name)
        covered.update(_NICK_WORD.findall(name))
    t = _tokens(text, start, end)
    # a run the text puts right after "in" ("an architect in São Paulo") is a place in that
    # text, wherever else it stands ("leaves for São Paulo"); "in Jo Vance's house" is none
    placed: set[str] = set()
    for i, j in _runs(t):
        span = _person_run(text, start, t, i, j)
        named_place = _named_place(text, t, i, j)
        if span and not named_place and not set(text[span[0] : span[1]].split()) <= covered:
            name = " ".join(text[span[0] : span[1]].split())
            names.add(name)
            covered.update(name.split())
        elif named_place or (
            span is None
            and j - i >= 2
            and i > 0
            and t.words[i - 1] == "in"
            and t.gaps[i] == " "
            and _unpossessed(t.words[j - 1]) == t.words[j - 1]
        ):
            placed.add(" ".join(t.words[i:j]))
    names -= placed
    for m in _DESCRIBED_PERSON.finditer(text, start, end) if _has(text, start, end, " (") else ():
        # an honorific among the words before is a title of the name ("the Reverend ...")
        if not any(fold(w).rstrip(".") in HONORIFICS for w in m["d"].split()):
            names.add(m["n"])
            covered.update(m["n"].split())
    for m in _INTRODUCED.finditer(text, start, end) if _has(text, start, end, " (") else ():
        word = m["n"]
        if _LONGER_NAME.search(text[max(start, m.start() - 40) : m.start()]):
            continue  # the end of a longer name
        if word not in _NOT_NAMES and word.lower() not in _STOP and fold(word) not in HONORIFICS:
            names.add(word)
    for m in _NAMED.finditer(text, start, end):
        if m["n"] not in _NOT_NAMES and m["n"].lower() not in _STOP:
            names.add(m["n"])
    for m in chain(
        _KIN.finditer(text, start, end),
        _KIN_OF.finditer(text, start, end),
        _AGED.finditer(text, start, end),
    ):
        w = m["n"]
        if w[0].isupper() and w not in _NOT_NAMES and w.lower() not in _STOP:
            names.add(_unpossessed(w))
    for m in _APPOSED.finditer(text, start, end) if _has(text, start, end, ", a") else ():
        w = m["n"]
        before = _WORD_BEFORE.search(text[max(start, m.start() - 20) : m.start()])
        if (  # "In Lagos, a driver who": a place; "Meanwhile, a nurse ...": no name; "Jo
            # Vance, a nurse": the end of a longer name
            not _LONGER_NAME.search(text[max(start, m.start() - 40) : m.start()])
            and w not in _NOT_NAMES
            and w.lower() not in _STOP
            and w.lower() not in _OPENERS
            and fold(w) not in _DEMONYM_WORDS
            and fold(w) not in _PLACE_WORDS
            and not (before and before.group(1).lower() in _NOT_BEFORE_PERSON)
        ):
            names.add(w)
    mid_sentence: dict[str, int] = {}
    words, gaps, caps = t.words, t.gaps, t.caps
    last = len(words) - 1
    for i in t.capitalised():
        w = words[i]
        if w in _NOT_NAMES:
            continue
        if i > 0 and caps[i - 1] and gaps[i] in _GAP:  # after a capitalised word
            continue
        if i < last and caps[i + 1] and gaps[i + 1] in _GAP:  # before one
            continue
        if i > 0 and words[i - 1].lower() in _NOT_BEFORE_PERSON:
            continue
        if _mid_sentence(text, t.starts[i], start):
            w = _unpossessed(w)
            mid_sentence[w] = mid_sentence.get(w, 0) + 1
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


_LOWER_PART = re.compile(r"-[a-z]")  # "Twelve-year-old", "Well-known"; not "X-Y"
_NICK_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LONGER_NAME = re.compile(rf"[{_UPPER}][\w'’-]*\.? $")


def _name_pattern(name: str, *, cased: bool) -> str:
    """A regex for `name` that also matches it with or without diacritics and with its title
    abbreviated or spelt out ("Maj. Vance" / "Major Vance")."""
    words = name.split()
    parts = []
    for i, w in enumerate(words):
        key = fold(w).rstrip(".")
        if i == 0 and len(words) > 1 and key == "the":  # "The Frost Queen" opens a sentence
            parts.append("(?i:the)")
            continue
        if i < len(words) - 1 and key in HONORIFICS:
            forms = sorted(k for k, v in HONORIFICS.items() if v == HONORIFICS[key])
            if cased:  # "his deputy Kit Orr": a cased text's title is capitalised
                forms = [f"{re.escape(f[0].upper())}(?i:{re.escape(f[1:])})" for f in forms]
            else:
                forms = [re.escape(f) for f in forms]
            parts.append("(?:" + "|".join(rf"{f}\.?" for f in forms) + ")")
            continue
        parts.append("".join(_letter(c) for c in w))
    flags = "" if cased else "(?i)"
    body = r"\s+".join(parts)
    # Opened by its first letter (the letter, or the class of its forms), the boundary checked
    # behind it: sre then skips ahead to that letter in C, where a pattern that opens on a
    # lookbehind is tried at every position of the text.
    head = _letter(words[0][0]) if words and words[0][0].isalpha() else ""
    if head and body.startswith(head):
        return flags + head + r"(?<![\w].)" + body[len(head) :] + r"(?![\w])"
    return flags + r"(?<![\w])" + body + r"(?![\w])"


def _letter(c: str) -> str:
    base = fold(c)
    if len(base) == 1 and base.isalpha() and base != c.lower():
        return f"[{re.escape(c)}{base}{base.upper()}]"
    if len(base) == 1 and base.isalpha():
        accented = _ACCENTS.get(base, "")
        return f"[{re.escape(c)}{accented}{accented.upper()}]" if accented else re.escape(c)
    return re.escape(c)


_ACCENTS = {"a": "àáâãäå", "e": "èéêë", "i": "ìíîï", "o": "òóôõöø", "u": "ùúûü", "c": "ç", "n": "ñ"}


_SPECIAL = re.compile(r"[\"“”.]")


@lru_cache(maxsize=4096)
def _ascii_last_word(name: str) -> str | None:
    """What `_name_pattern` matches of the name's last word in an ASCII text, lower-cased
    (a letter's accent dropped, as `_letter` allows); None where no ASCII text holds it (a
    letter of another script)."""
    words = name.split()
    out = []
    for c in words[-1] if words else "":
        if c.isascii():
            out.append(c.lower())
            continue
        base = fold(c)
        if not (len(base) == 1 and base.isalpha() and base.isascii()):  # "ı" is "i" too
            return None
        out.append(base)
    return "".join(out)


@lru_cache(maxsize=4096)
def _name_rx(name: str, cased: bool) -> re.Pattern[str] | None:
    """The pattern of a name a word scan cannot see (titled, nicknamed, three words long or
    opening on "the"), None for any other name; built once a name."""
    words = name.split()
    special = (
        len(words) >= 3
        or len(words) == 2 and fold(words[0]) == "the"  # "the Oracle": the article is no name
        or any(fold(w).rstrip(".") in HONORIFICS for w in words[:-1])
        or _SPECIAL.search(name)
    )
    return re.compile(_name_pattern(name, cased=cased)) if special else None


def long_mentions(
    text: str, start: int, end: int, names: Iterable[str], *, cased: bool
) -> list[tuple[int, int]]:
    """Spans of names that a word scan cannot see: titled, nicknamed or three words long."""
    found: list[tuple[int, int]] = []
    # an English review is ASCII: a name whose last word it does not hold is none of its
    # names, and needs no pattern (a catalog's every film names other people)
    segment = text[start:end]
    plain = segment.lower() if segment.isascii() else None
    for name in sorted(set(names), key=len, reverse=True):
        if plain is not None and ((key := _ascii_last_word(name)) is None or key not in plain):
            continue
        rx = _name_rx(name, cased)
        if rx is None:
            continue
        m = rx.search(text, start, end)
        if m and not any(s <= m.start() < e for s, e in found):
            found.append((m.start(), m.end()))
    return found


def character_mentions(
    text: str, start: int, end: int, known: Iterable[str], *, cased: bool
) -> list[tuple[int, int]]:
    """Spans of character names in text[start:end], the first of each distinct name."""
    names = {fold(n): n for n in known if n.strip()}
    if cased:
        # "Newlyweds Jo and Ada Brook", "Widow Nell Haig": a word before a known full name, or
        # before a known name's first word, is none of a name ("Jo" opens "Jo Brook"); a title
        # is ("Major Kit Hale" for the cast's "Major Kit 'Ace' Hale", known as "Kit Hale" too)
        firsts = {k.split()[0] for k in names if len(k.split()) >= 2}
        # a word of a known full name the text writes whole ("Moreau" beside "the Old Governor
        # Henri Moreau", a run no scan reads as a name) is a part of that name, no name of its own
        whole = fold(text[start:end])
        parts = {w for k in names if len(k.split()) >= 2 and k in whole for w in k.split()}
        names.update(
            {
                fold(n): n
                for n in discover_names(text, start, end)
                if fold(n) in names
                or not (
                    (
                        len(n.split()) > 2
                        and fold(n.partition(" ")[2]) in names
                        and fold(n.split()[0]).rstrip(".") not in HONORIFICS
                    )
                    or (len(n.split()) == 2 and fold(n.split()[1]) in firsts)
                    or fold(n) in parts
                )
            }
        )
        # "her son Arvid" where the cast list gives "Arvid Nyqvist" and the text never writes
        # it whole, nor coordinated ("Arvid and Maj Nyqvist"): the character named by a first
        # name alone (no title: "Captain", "Dr.")
        given = {fold(k): k.split()[0] for k in known if len(k.split()) == 2}
        names.update(
            {
                w: n
                for k, n in given.items()
                if (w := k.split()[0]).rstrip(".") not in HONORIFICS
                and w not in _STOP
                and n[:1].isupper()
                # the text writes it inside a longer name, titled or spelt otherwise
                # ("Captain Ivo Blackwel" for the cast's "Ivo Blackwell")
                and not any((f.startswith(w + " ") or f" {w} " in f) and f in whole for f in names)
                and not re.search(
                    rf"\b{re.escape(w)} and [^\W\d_][\w'’-]* {re.escape(k.split()[1])}\b", whole
                )
            }
        )
    else:  # "his sister maud": the given name of a character the cast list gives, first or
        # last as the page writes names ("han's daughter so-ra" for the cast's "han so-ra")
        firsts = {w for k in names if len(k.split()) == 2 for w in k.split()}
        for m in chain(_KIN.finditer(text, start, end), _KIN_OF.finditer(text, start, end)):
            key = fold(_unpossessed(m["n"]))
            after = _WORD.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
            if after and f"{key} {fold(after.group())}" in names:
                continue  # "his brother kit hale": the full name, read below
            if key in firsts:
                names.setdefault(key, key)
        # "...; orla, the eldest, sells; kit never left": the given name of a character
        # the cast list gives whole, opening a clause and the subject of no question ("will he
        # ...?"), is that character, unless the text writes the name whole
        whole = fold(text[start:end])
        given = {k.split()[0]: k for k in names if len(k.split()) == 2}
        # a nickname of another word ("rosa 'kit' lim", read as "kit lim") may be any word
        nicknames = {q for k in names for q in _QUOTED_WORD.findall(k)}
        for m in _CLAUSE_OPENING.finditer(whole):
            w = m["w"]
            if (
                w in given
                and w not in nicknames
                and w not in _STOP
                and w.rstrip(".") not in HONORIFICS
                and w.capitalize() not in _MONTH_NAMES
                and given[w] not in whole
            ):
                names.setdefault(w, w)
    surnames: dict[str, list[str]] = {}
    singles: set[str] = set()
    for key in names:
        parts = key.split()
        if len(parts) == 1:
            singles.add(key)
        elif len(parts) == 2:
            surnames.setdefault(parts[0], []).append(parts[1])
    t = _tokens(text, start, end)
    found: list[tuple[int, int]] = []
    seen: set[str] = set()

    def emit(s: int, e: int) -> None:
        key = fold(text[s:e])
        if key not in seen:
            seen.add(key)
            found.append((s, e))

    inside = long_mentions(text, start, end, names.values(), cased=cased)
    quoted = _has(text, start, end, '"') or _has(text, start, end, "“")
    if not cased and quoted:  # 'ada "the fox" brook': a nicknamed name around a known one
        for m in _LOWER_NICKNAMED.finditer(text, start, end):
            if {fold(m["nick"]), fold(m["last"])} & set(names) and not any(
                s <= m.start() < e for s, e in inside
            ):
                inside.append((m.start(), m.end()))
    for s, e in inside:
        emit(s, e)
    words, starts, ends, gaps, caps, folds = t.words, t.starts, t.ends, t.gaps, t.caps, t.folds
    # The words outside those spans, as indices; two of them are adjacent only when nothing
    # was left out between them.
    kept = list(range(len(words)))
    if inside:  # the words a span holds are a run of indices: two bisections a span
        left = set()
        for s, e in inside:
            left.update(range(bisect_left(starts, s), bisect_left(starts, e)))
        kept = [k for k in kept if k not in left]
    last = len(kept) - 1

    def adjacent(i: int) -> bool:  # kept[i] and kept[i + 1]
        return kept[i + 1] == kept[i] + 1 and gaps[kept[i + 1]] in _GAP

    if cased:
        places = [i for i, k in enumerate(kept) if caps[k]]
    else:
        # Lower case, a word does anything below only when it (without 's) is a name's first
        # word or a one-word name: the others are never looked at.
        heads = surnames.keys() | singles
        places = [
            i
            for i, k in enumerate(kept)
            if folds[k] in heads or words[k].endswith(_POSSESSIVE) and folds[k][:-2] in heads
        ]
    for i in places:
        k = kept[i]
        word = words[k]
        poss = 2 if word.endswith(_POSSESSIVE) else 0  # "Ada's": the name without 's
        key = folds[k][:-2] if poss else folds[k]
        nxt = kept[i + 1] if i < last else None
        if key in surnames and nxt is not None and adjacent(i):
            nposs = 2 if words[nxt].endswith(_POSSESSIVE) else 0
            nkey = folds[nxt][:-2] if nposs else folds[nxt]
            if (
                (not cased or caps[nxt])
                and nkey not in _STOP
                and (
                    nkey in surnames[key]
                    or process.extractOne(
                        nkey, surnames[key], scorer=fuzz.ratio, score_cutoff=_SURNAME_NEAR
                    )
                )
            ):
                emit(starts[k], ends[nxt] - nposs)
                continue
        misspelt = (
            cased
            and key not in singles
            and len(key) >= 5
            and key not in _STOP
            and _mid_sentence(text, starts[k], start)
            and process.extractOne(
                key, singles, scorer=Levenshtein.distance, score_cutoff=1 if len(key) < 8 else 2
            )
        )
        if key in singles or (misspelt and misspelt[0][:1] == key[:1]):
            follows_name = (
                nxt is not None
                and adjacent(i)
                and (caps[nxt] if cased else f"{folds[k]} {folds[nxt]}" in names)
            )
            after_name = i > 0 and adjacent(i - 1) and caps[kept[i - 1]]
            if not follows_name and not (misspelt and after_name):
                emit(starts[k], ends[k] - poss)
    return sorted(found)


_COORDINATED = re.compile(
    r"\b(?P<a>[^\W\d_][\w'’-]*) and (?P<b>[^\W\d_][\w'’-]*) (?P<last>[^\W\d_][\w'’-]*)\b"
)


def _scan_from(text: str, start: int) -> int:
    """Where a scan for `_COORDINATED` may begin and still find what a scan from the text's
    start finds at or after `start`: the start of the stretch of words, apostrophes, hyphens
    and spaces that holds `start` (no match crosses anything else)."""
    p = start
    floor = max(0, start - 2000)
    while p > floor and (text[p - 1].isalnum() or text[p - 1] in "_'’- "):
        p -= 1
    return p if p > floor or floor == 0 else 0


def _coordinations(text: str, pos: int, end: int) -> list[re.Match[str]]:
    """`list(_COORDINATED.finditer(text, pos, end))`, the pattern tried only where a match may
    open: at the start of a word (a letter after no word character, or after an apostrophe or
    a hyphen) in the run of word characters, apostrophes and hyphens just before an " and "
    (which every match holds right after its first word). sre tries a pattern that opens on
    `\\b` at every position."""
    places: list[int] = []
    q = text.find(" and ", pos, end)
    while q >= 0:
        r = q
        while r > pos and (text[r - 1].isalnum() or text[r - 1] in _RUN):
            r -= 1
        places.extend(
            m
            for m in range(r, q)
            if _letter_at(text, m) and not (m and word_at(text, m - 1))
        )
        q = text.find(" and ", q + 1, end)
    return matches_at(_COORDINATED, text, places, pos, end)


_RUN = "_'’-"


def _letter_at(text: str, i: int) -> bool:
    """Whether text[i] is what `[^\\W\\d_]` matches: a word character, no digit or `_`."""
    c = text[i]
    return c.isalnum() and not c.isdecimal()


def coordinated_mentions(
    text: str, start: int, end: int, known: Iterable[str], *, cased: bool
) -> list[tuple[int, int, str]]:
    """'Amy and Tom Brook': two people who share a surname, named in one coordination. Each
    comes back with the whole phrase as its evidence and the first name given the surname,
    when the second name is one the text or the cast list uses."""
    listed = {fold(n) for n in known}
    names = listed | (
        {fold(n) for n in discover_names(text, start, end)} if cased else set()
    )
    out: list[tuple[int, int, str]] = []
    if not _has(text, start, end, " and "):  # every match holds it, after `start`
        return out
    for m in _coordinations(text, _scan_from(text, start), end):
        if m.start() < start or (cased and not all(m[g][0].isupper() for g in "ab")):
            continue
        if _in_actor_parens(text, start, m.start()):  # "(Ada Brook and Jo Vance)": actors
            continue
        a = fold(m["a"])
        if _ends_a_name(text, start, m.start(), a, listed, cased):  # "Kit Hale and Ada Brook"
            continue
        if not cased and f"{a} {fold(m['last'])}" not in listed:
            continue  # lower case shows no name: "a museum piece and jo brook"
        # "Ada and Judge Brook" where the text or cast list names "Ada Quint": the first
        # has a surname of her own
        last = fold(m["last"])
        own = any(n.startswith(f"{a} ") and not n.endswith(f" {last}") for n in names)
        if fold(f"{m['b']} {m['last']}") in names and a not in _STOP and a not in names and not own:
            out.append((m.start(), m.end(), f"{m['a']} {m['last']}"))
    return out


_CONJUNCT_AFTER = re.compile(r"([^\W\d_][\w'’-]*) $")


def _ends_a_name(text: str, start: int, pos: int, a: str, names: set[str], cased: bool) -> bool:
    """Whether the first conjunct, at `pos`, is the last word of a name the text writes in full
    ("Kit Hale and Ada Brook", "kit hale and ada brook"): the word before it precedes it in a
    name of the cast list."""
    before = _CONJUNCT_AFTER.search(text, max(start, pos - 40), pos)
    if before is None or (cased and not before[1][0].isupper()):
        return False
    prev = fold(before[1])
    for name in names:
        parts = name.split()
        if a in parts[1:] and prev in parts[: parts.index(a)]:
            return True
    return False


def people_mentions(
    text: str,
    start: int,
    end: int,
    people: dict[str, str],
    *,
    cased: bool,
    threshold: float = 85.0,
    family_first: bool = False,
) -> Iterator[tuple[int, int, str]]:
    """(start, end, attribute) of each mention of a known person, exact or misspelt.

    `people` maps a name as the page writes it editorially to the attribute it belongs to;
    `family_first`: the film's names are written family name first too (`family_name_first`).
    Longer names first; within one length, in text order. The words are read once; a window
    of words is a candidate only when its words are adjacent (and capitalised, on a cased
    page), and the misspelt ones are scored against every name in one call per length.
    """
    by_len: dict[int, dict[str, str]] = {}
    turned: set[str] = set()  # keys read exactly only
    for name, attribute in people.items():
        for key in _given_names_joined(fold(name)):
            by_len.setdefault(len(key.split()), {}).setdefault(key, attribute)
        for key in _family_name_first(fold(name), any_two=family_first):
            if key not in by_len.setdefault(2, {}):
                by_len[2][key] = attribute
                turned.add(key)
    by_len.pop(0, None)
    if not by_len:
        return
    chains = _capitalised_chains(text, start, end, min(by_len) > 1) if cased else None
    if chains is not None:
        words, starts, ends, chain = chains
        count = len(words)
        # a window neither opens nor closes on a particle ("van der Berk" is no one's name)
        inner = [w not in _PARTICLE for w in words]
        windows = {
            n: [i for i in range(count) if chain[i] >= n and inner[i] and inner[i + n - 1]]
            for n in by_len
        }
    else:
        t = _tokens(text, start, end)
        words, starts, ends = t.words, t.starts, t.ends
        count = len(words)
        # ok: byte i is 1 when window [i, i + n) has its words adjacent (and capitalised, on a
        # cased page); the flags as one integer, a byte each, so that a window one word longer
        # is two `&` and a shift, not a map over every word.
        linked = bytes(map(_GAP.__contains__, t.gaps[1:count]))  # word i and word i + 1
        ok = int.from_bytes(bytes(t.caps) if cased else b"\1" * count, "little")
        link = int.from_bytes(linked, "little")
        windows = {}
        top = max(by_len)
        for n in range(1, top + 1):
            if n in by_len:
                size = max(count - n + 1, 0)
                windows[n] = list(compress(range(size), ok.to_bytes(size, "little")))
            if n < top:
                ok &= link & (ok >> 8)
    # Word by word in C (map, compress): a lower-cased review is hundreds of candidates.
    folds = t.folds if chains is None else list(map(fold, words))
    tails, stops = list(folds), list(ends)
    for i in compress(range(count), map(_possessive, words)):  # "Ada Brooke's": no 's
        tails[i] = folds[i][:-2]
        stops[i] -= 2
    for i in compress(range(count), map(_honorific_suffixed, words)):  # "Mai-san": no -san
        cut = len(words[i]) - words[i].rindex("-")
        tails[i] = fold(words[i][:-cut])
        stops[i] -= cut
    # A window is a name, or near one (`_near_names`), only when its last word starts with
    # the letter a name's last word starts with: the others are never made into keys. (A
    # folded word holds a space only where a compatibility character decomposes to one.)
    if not text.isascii() and not text[start:end].isascii() and " " in "".join(tails):
        initials = [t.rsplit(" ", 1)[-1][:1] for t in tails]
    else:
        initials = list(map(_FIRST, tails))
    for n, table in sorted(by_len.items(), reverse=True):
        starting = {k.rsplit(" ", 1)[-1][:1] for k in table}
        if n >= 2:  # a misspelt surname may change its first letter for one that sounds alike
            starting |= {c for i in starting for c in _SOUND_ALIKE.get(i, "")}
        last = initials[n - 1 :]  # last[i]: the initial of window [i, i + n)'s last word
        at = list(compress(windows[n], map(starting.__contains__, map(last.__getitem__,
                                                                         windows[n]))))
        if n == 1:
            keys = [tails[i] for i in at]
        elif n == 2:
            keys = [folds[i] + " " + tails[i + 1] for i in at]
        else:
            keys = [" ".join(folds[i : i + n - 1]) + " " + tails[i + n - 1] for i in at]
        attributes = list(map(table.get, keys))
        if n == 1:  # a one-word stage name misspelt by a letter ("Tamura" for "Tamiura")
            misspelt = [k for k, a in zip(keys, attributes, strict=True) if a is None]
            found = _near_stage_names(misspelt, table) if misspelt else {}
            if found:
                attributes = [
                    a if a is not None else table[found[k]] if k in found else None
                    for k, a in zip(keys, attributes, strict=True)
                ]
        if n >= 2:
            near = [k for k in table if k not in turned]
            # a function word no name here holds is no misspelt name word ("as vance" is
            # no "jas vance", "rosa as" no "rosa asher")
            stop = _STOP.difference(*(k.split() for k in near))
            misspelt = [
                k for k, a in zip(keys, attributes, strict=True)
                if a is None and stop.isdisjoint(k.split())
            ]
            found = _near_names(misspelt, near, threshold) if misspelt else {}
            if found:
                attributes = [
                    a if a is not None else table[found[k]] if k in found else None
                    for k, a in zip(keys, attributes, strict=True)
                ]
        yield from [
            (starts[i], stops[i + n - 1], a)
            for i, a in zip(at, attributes, strict=True)
            if a is not None
        ]


def _given_names_joined(key: str) -> tuple[str, ...]:
    """A name's key and the keys of its given names written the other way, hyphenated or
    apart ("ana-lia roux" and "ana lia roux"): a reviewer writes either."""
    words = key.split()
    if "-" in key:
        return key, key.replace("-", " ")
    if len(words) == 3 and not _PARTICLE.intersection(words):  # two given names, a surname
        return key, f"{words[0]}-{words[1]} {words[2]}"
    return (key,)


def _family_name_first(key: str, *, any_two: bool = False) -> tuple[str, ...]:
    """An East Asian name given name first ("shu-lan teng": a hyphenated given name, as
    Chinese and Korean ones are romanised) the other way round ("teng shu-lan"), as a reviewer
    of its country writes it; read exactly (no misspelling in that order), and not where the
    family name is a common word ("to", "in"). `any_two`: on a film of a country whose names
    are written family name first, every two-word name, hyphen or none ("mori tetsuo")."""
    words = key.split()
    if len(words) == 2 and ("-" in words[0] or any_two) and words[1] not in _STOP:
        return (f"{words[1]} {words[0]}",)
    return ()


# Initials a reviewer confuses by ear ("Wance" for "Vance", "Karlsen" for "Carlsen").
_SOUND_ALIKE = {
    "v": "w", "w": "v", "c": "k", "k": "c", "s": "zc", "z": "s", "i": "y", "y": "ij", "j": "y",
    "f": "p", "p": "f",
}
_possessive = methodcaller("endswith", _POSSESSIVE)
# Japanese honorific suffixes a reviewer adds to a name ("Mai-san", "Kenji-kun"): no part of it.
_HONORIFIC_SUFFIXES = tuple(
    f"-{s}" for w in ("san", "chan", "kun", "sama", "sensei", "senpai", "dono")
    for s in (w, w.capitalize())
)
_honorific_suffixed = methodcaller("endswith", _HONORIFIC_SUFFIXES)
_FIRST = itemgetter(slice(0, 1))


def _astral(text: str) -> bool:
    """Whether `text` has a character beyond the BMP: one that UTF-16 writes in four bytes
    (an encoding in C, some twenty times faster than a scan for them)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@lru_cache(maxsize=1)
def _chain_rx() -> re.Pattern[str]:
    """Runs of capitalised words one space apart, each word as `_WORD` reads it, the first
    not after a letter; built on first use from the capital letters of the Basic Multilingual
    Plane. It opens on a capital letter, so the scan skips lower-case text in C. A run of one
    word matches too: a pattern of two words or more would be tried again at each capital
    inside a long hyphenated word ("Ab-Cd-Ef-..."), every try reading to its end."""
    letter = re.compile(r"[^\W\d_]")
    codes = [c for c in range(0x10000) if chr(c).isupper() and letter.match(chr(c))]
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    upper = "".join(
        re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in ranges
    )
    tail = rf"{_ALNUM}*+(?:[_'’-]+{_ALNUM}++)*+"  # `_WORD`'s rest, as `_WORD_SPLIT` writes it
    # a name's lower-case particles inside the run: "Tove van der Berk", "Ada de la Cruz"
    particle = "(?:(?:" + "|".join(sorted(_PARTICLE)) + r")[ \u00a0])*"
    return re.compile(
        rf"[{upper}](?<![^\W\d_].){tail}(?:[ \u00a0]{particle}[{upper}]{tail})*"
    )


def _capitalised_chains(
    text: str, start: int, end: int, several: bool = False
) -> tuple[list[str], list[int], list[int], list[int]] | None:
    """The capitalised words of text[start:end] (as `_WORD` reads them) that could open or
    continue a name: each word, its offsets and how many words from it on are capitalised
    and one space apart. One regex pass, no word a loop step: a long review is mostly lower
    case. `several`: only runs of two words or more (no name of one word is looked for).
    None when the text has letters beyond the BMP (then every word is read)."""
    sub = text[start:end]
    if not sub.isascii() and _astral(sub):
        return None
    words: list[str] = []
    starts: list[int] = []
    chain: list[int] = []
    rx = _chain_rx()
    pos: int | None = 0
    while pos is not None:
        # Most runs are one word after a space: no split, no call for them.
        for m in rx.finditer(sub, pos):
            p = m.start()
            if p and (sub[p - 1].isalnum() or sub[p - 1] in "_'’-") and not _opens_word(sub, p):
                # a capital inside a word ("x-Ray"): not a name; go on after its first word
                pos = p + len(m.group().replace("\u00a0", " ").split(" ")[0])
                break
            run = m.group()
            if " " in run or "\u00a0" in run:
                run = run.replace("\u00a0", " ").split(" ")
                words += run
                starts += accumulate([len(w) + 1 for w in run[:-1]], initial=start + p)
                chain += range(len(run), 0, -1)
            elif not several:
                words.append(run)
                starts.append(start + p)
                chain.append(1)
        else:
            pos = None
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    return words, starts, ends, chain


def _opens_word(sub: str, p: int) -> bool:
    """Whether `_WORD` would start a word at sub[p] (a letter): no letter before it among the
    digits, underscores, apostrophes and hyphens it follows."""
    while p > 0:
        c = sub[p - 1]
        if c.isalnum() and not c.isdecimal():
            return False
        if not (c.isalnum() or c in "_'’-"):
            return True
        p -= 1
    return True


@lru_cache(maxsize=256)
def _reach(lengths: frozenset[int]) -> frozenset[int]:
    """The lengths of a string that fuzz.ratio at 85 or a Levenshtein distance of `_TYPOS`
    could find near a name of one of `lengths` (with a margin: a length filter only)."""
    return frozenset(
        n
        for n in range(2 * max(lengths) + 2 * _TYPOS + 2)
        if any(abs(n - m) <= max(_TYPOS, 0.15 * (n + m) + 0.5) for m in lengths)
    )


@lru_cache(maxsize=256)
def _typo_reach(lengths: frozenset[int], threshold: float) -> frozenset[int]:
    """The lengths (eight or more) of a string that a Levenshtein distance of `_TYPOS` could
    find near a name of one of `lengths`, and fuzz.ratio at `threshold` would not: that
    distance is at most twice as many insertions and deletions, so the ratio is at least
    100 * (1 - 2 * _TYPOS / (m + n)); where that reaches the threshold, the ratio found it."""
    return frozenset(
        n
        for n in range(8, max(lengths) + _TYPOS + 1)
        if any(
            abs(n - m) <= _TYPOS and 100 * (1 - 2 * _TYPOS / (n + m)) < threshold + 1e-6
            for m in lengths
        )
    )


def _near_names(queries: list[str], keys: list[str], threshold: float) -> dict[str, str]:
    """For each query, the name `process.extractOne` would pick (fuzz.ratio at `threshold`,
    else, for eight letters or more, a Levenshtein distance of `_TYPOS`), kept only when its
    last word starts with the query's last word's letter (or one `_SOUND_ALIKE` with it); one
    matrix for all queries. Every
    query's last word starts with a letter some name's does (people_mentions makes no other);
    a query every name is too long or too short for, for either score, is not scored."""
    reach = _reach(frozenset(len(k) for k in keys))
    unique = list(dict.fromkeys(queries))
    queries = list(compress(unique, map(reach.__contains__, map(len, unique))))
    if not queries:
        return {}
    ratios = process.cdist(
        queries, keys, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.float64
    )
    best = ratios.argmax(axis=1)
    hits = (ratios[np.arange(len(queries)), best] >= threshold).tolist()
    out = {q: keys[j] for q, j, hit in zip(queries, best.tolist(), hits, strict=True) if hit}
    # two letters off: "Ada Brooks", "Brook"
    near = _typo_reach(frozenset(len(k) for k in keys), threshold)
    far = [q for q, hit in zip(queries, hits, strict=True) if not hit and len(q) in near]
    if far:
        distances = process.cdist(
            far, keys, scorer=Levenshtein.distance, score_cutoff=_TYPOS, dtype=np.int32
        )
        nearest = distances.argmin(axis=1)
        close = (distances[np.arange(len(far)), nearest] <= _TYPOS).tolist()
        out.update(
            {q: keys[j] for q, j, c in zip(far, nearest.tolist(), close, strict=True) if c}
        )
    return {q: k for q, k in out.items() if _same_initial(q, k)}


def _near_stage_names(queries: list[str], table: dict[str, str]) -> dict[str, str]:
    """For each query word, the one-word name of a person (no character: a plot's one-word
    roles are common words more often) of six letters or more that it spells one letter off,
    with the same first letter; one matrix for all queries."""
    keys = [k for k, a in table.items() if len(k) >= 6 and "character" not in a.split()]
    unique = [q for q in dict.fromkeys(queries) if len(q) >= 5]
    if not keys or not unique:
        return {}
    distances = process.cdist(
        unique, keys, scorer=Levenshtein.distance, score_cutoff=1, dtype=np.int32
    )
    nearest = distances.argmin(axis=1)
    close = (distances[np.arange(len(unique)), nearest] <= 1).tolist()
    return {
        q: keys[j]
        for q, j, c in zip(unique, nearest.tolist(), close, strict=True)
        if c and q[:1] == keys[j][:1]
    }


def _same_initial(query: str, name: str) -> bool:
    """The last words start with one letter, or with two a reviewer confuses by ear."""
    a, b = query.split()[-1][:1], name.split()[-1][:1]
    return a == b or b in _SOUND_ALIKE.get(a, "")
