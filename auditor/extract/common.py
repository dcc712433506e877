"""Fact readers several adapters share: label values, people lists, dates, money, reviews."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from rapidfuzz import fuzz

from auditor.claims import USER
from auditor.extract.base import Collector, opens_word, split_items, writing_role
from auditor.extract.mentions import character_mentions, coordinated_mentions, people_mentions
from auditor.normalize.dates import parse_date
from auditor.normalize.durations import DURATION_IN_TEXT, parse_duration
from auditor.normalize.genres import genre_terms
from auditor.normalize.money import RENTALS, marks, parse_money
from auditor.normalize.names import HONORIFICS, clean, fold
from auditor.normalize.places import (
    COUNTRY_KEYS,
    canonical_country,
    is_country,
    is_festival,
    release_country,
)

# "APPROVED" and "PASSED": the Production Code certificates of films before the 1968 ratings.
MPAA = {
    "G", "PG", "PG-13", "R", "NC-17", "X", "M", "GP", "NR", "UNRATED", "NOT RATED", "APPROVED",
    "PASSED",
}
RELEASE_KINDS = {
    "limited": "limited",
    "wide": "wide",
    "nationwide": "wide",
    "widely": "wide",
    "premiere": "premiere",
    "wide release": "wide",
    "general release": "wide",  # the cut version that followed a roadshow, everywhere
    "re-release": "re-release",
    "streaming": "streaming",
}


def release_qualifier(country: str | None = None, kind: str | None = None) -> str | None:
    parts = []
    if country:
        parts.append(release_country(country))
    if kind and kind.lower() in RELEASE_KINDS:
        parts.append(RELEASE_KINDS[kind.lower()])
    return ",".join(parts) or None


def runtime_version(note: str | None, television: bool = False) -> str | None:
    """A running time's version, its qualifier: named by its country ("71 min (USA)", "84
    minutes (Sweden)", "(UK cut)"), the canonical country; another cut ("(director's cut)",
    "(extended edition)", "(3-D version)", a festival's screening: "(Venice Film Festival)"),
    its note lower-cased, so that its time is compared with that cut's only; the film's own
    release ("(theatrical)") or any other note, none.
    A television film's own release is its broadcast: its cinemas' version ("(theatrical
    version)") is another cut."""
    note = " ".join((note or "").strip().strip("()").split())
    if television and _CINEMAS.search(note):
        return note.lower()
    # "(US version)", "(UK cut)": the version's country, the word for the version dropped
    country = _VERSION_WORD.sub("", note)
    if country and is_country(country):
        return canonical_country(country)
    cut = _CUT.search(note) or is_festival(note)
    return note.lower() if cut and not _RELEASED.search(note) else None


# A broadcast's slot, the film's time with the breaks in it ("120 min (with commercials)",
# "(including commercials)"): no running time of any cut.
WITH_COMMERCIALS = re.compile(
    r"\b(?:with|including|incl\.) (?:the )?(?:commercials|commercial breaks|ads|advertisements|"
    r"adverts)\b",
    re.I,
)
_VERSION_WORD = re.compile(r"\s+(?:version|cut|release|edit)$", re.I)
# A note naming a cut other than the one released to cinemas, and one naming that one.
# the film's own release: "(theatrical)", "(original)", and a film finished long after its
# shoot: "The completed version runs ...", "(final cut)"
_RELEASED = re.compile(r"\b(?:theatrical|cinema|original|completed|finished|final)\b", re.I)
_CINEMAS = re.compile(r"\b(?:theatrical|cinemas?)\b", re.I)
# A lead's words for a film made for television: "made-for-television", "television film",
# "TV movie", "television thriller film".
TELEVISION_FILM = re.compile(
    r"\bmade[- ]for[- ](?:television|tv)\b|\b(?:television|tv)(?: [a-z-]+){0,2} (?:film|movie)\b",
    re.I,
)
# A home-video release's cuts are named by their certificate too: "(R-rated)", "(PG-13
# rated)" beside "(unrated)".
_CUT = re.compile(
    r"\b(?:cut|version|edition|extended|uncut|unrated|restored|reconstructed|censored|"
    r"uncensored|edited|re-?release|re-?issue|roadshow|workprint|3-?d|imax|tv|television)\b"
    r"|\b(?:g|pg|pg-13|r|nc-17)[- ]rated\b",
    re.I,
)


# A trailing note a cast line puts after the role: "(voice)", "(uncredited)", "(archive
# footage)", "(credit only)", "(scenes deleted)", a dub's "(English version)", "(narrator)",
# a billing's "(introducing)"; or "(as X)", the name the actor is credited as.
_ROLE_NOTE = re.compile(
    r"\s*\((?:(?:credited )?as (?P<as>[^)]+)|(?:[\w ]{0,20}\b)?(?:voice|uncredited|archive "
    r"footage|credit only|scenes? deleted|unconfirmed|cameo|version|narrator|narration|"
    r"introducing)\b"
    r"[^)]{0,30})\)$",
    re.I,
)


# An anthology's segment note after a credit or a role, 'X (segment "The Red Door")': where in
# the film the person worked; no part of a name or a role, and no writing role. A double role
# across segments puts one after each part: 'Kit (segment "A") / Brother Ignatius (segment "D")'.
SEGMENT_NOTE = re.compile(r"\s*\(segments?\b[^()]*\)", re.I)
# And a credit's own note, IMDb's "ana tran (co-director)", "(uncredited)", the part of the film
# a director directed ("(action sequences)", "(second unit)"): how the person is credited, no
# part of the name.
_NOTE_TAIL = re.compile(
    rf"(?:{SEGMENT_NOTE.pattern}|\s*\((?:co-director|uncredited"
    rf"|(?:[\w-]+ ){{0,2}}(?:sequences?|scenes|unit))\))$",
    re.I,
)


def drop_notes(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without the segment and credit notes that close it: no part
    of the claim."""
    while (m := _NOTE_TAIL.search(text, start, end)) and m.start() > start:
        end = m.start()
    return end


# The name a crew credit says the person is credited as, after the name and its role ("X
# (screenplay) (as Y)", "X (credited as Y)": an Italian western's English pseudonym); no part
# of the name or the role. The claim's raw keeps it, as a cast line's does, so that
# reconciliation knows the person under either name.
CREDITED_AS = re.compile(r"\s*\((?:credited )?as (?P<as>[^()]+)\)$", re.I)


def drop_credit_notes(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without the notes that close it, the credited-as note
    included: the name alone (the claim's raw keeps the credited name)."""
    while (
        m := _NOTE_TAIL.search(text, start, end) or CREDITED_AS.search(text, start, end)
    ) and m.start() > start:
        end = m.start()
    return end


def split_role(role: str) -> tuple[str, str | None]:
    """'Kit (voice) (as Kit Ray)' -> ('Kit', 'Kit Ray'): the character without the credit notes
    after it (segment notes wherever they stand), and the name the actor is credited as."""
    role, credited = SEGMENT_NOTE.sub("", role).strip(), None
    while (m := _ROLE_NOTE.search(role)) and m.start() > 0:
        credited = m["as"] or credited
        role = role[: m.start()]
    if m := _SELF_ROLE.fullmatch(role):
        role = m["self"]
    return role, credited


# A documentary's self-role with what the person is: "Himself - Foreman" is "Himself", and
# IMDb's later "Self - Lock Keeper" is "Self" ("Self - Narrator" names the narration: kept).
_SELF_ROLE = re.compile(
    r"(?P<self>(?:him|her|them)sel(?:f|ves)|self(?!\s+[-–—:]\s+narrat))\s+[-–—:]\s+\S.*", re.I
)


def add_names(
    out: Collector, attribute: str, start: int, end: int, sep: str | None = None, **kw
) -> None:
    """One claim per name of a comma / pipe / 'and' separated list; a list of people splits
    on '&' too ("A & B" is a co-direction of two), a genre or a country does not ("Action &
    Adventure")."""
    text = out.view.text
    sep = sep or (PEOPLE_SEP if attribute in PEOPLE else None)
    items = split_items(text, start, end, sep) if sep else split_items(text, start, end)
    for s, e in items:
        e = drop_notes(text, s, e)
        out.add(attribute, s, e, clean(text[s : drop_credit_notes(text, s, e)]), **kw)


# The attributes whose members are people, and the separators of a list of them.
PEOPLE = frozenset({"director", "stars", "producers", "cinematographer", "editor"})
PEOPLE_SEP = r"\s*(?:,|\||;|\band\b|&amp;|&)\s*"


# Credited names split on commas and on the ampersand of a team credit ("A & B", "&amp;" in an
# entity-encoded capture): each member of a writing team is a person of their own.
CREDIT_SEP = r"\s*(?:,|&amp;|&)\s*"


def add_credited(out: Collector, attribute: str, start: int, end: int, sep: str = CREDIT_SEP):
    """'A. Author (novel), B. Writer (screenplay) & C. Writer (screenplay)': one claim per
    name, the role in parentheses as its qualifier (lower-case), a name without one
    unqualified."""
    text = out.view.text
    for s, e in split_items(text, start, end, sep=sep):
        e = drop_notes(text, s, e)
        m = _CREDITED.fullmatch(text, s, drop_credit_notes(text, s, e))
        if m is None or not m["n"].strip():
            continue
        # "(screenplay by)": the credit's "by" is no part of the role
        role = writing_role(m["role"]) if m["role"] else None
        noted = CREDITED_AS.search(text, s, e)  # the raw keeps the credited name
        end = e if noted else s + len(m["n"].rstrip())
        out.add(attribute, s, end, clean(m["n"]), qualifier=role)


def add_money(
    out: Collector,
    attribute: str,
    start: int,
    end: int,
    scope: str | None = None,
    estimated: bool = False,
) -> None:
    """A budget or gross field; `scope`: a gross's territory its label names; `estimated`: a
    mark before the amount said so."""
    text = out.view.text[start:end]
    countries = out.values("country")
    money = parse_money(_REF_MARK.sub("", text), **marks(countries))
    # rentals or disc sales in any of its notes ("$1.2M (usa) (rentals)", "(dvd sales)"): no gross
    if money is None or (attribute == "gross" and RENTALS.search(text)):
        return
    if attribute == "budget":
        value = {"low": money.low, "high": money.high, "currency": money.currency}
        qualifier = "estimated" if money.estimated or estimated else None
    else:
        value = {"amount": money.low, "currency": money.currency}
        qualifier = money.scope or scope
    out.add(attribute, start, end, value, qualifier)


def add_date(out: Collector, attribute: str, start: int, end: int, qualifier: str | None = None):
    out.add(attribute, start, end, parse_date(out.view.text[start:end]), qualifier)


def add_characters(out: Collector, start: int, end: int, known: list[str], *, cased: bool) -> None:
    text = out.view.text
    out.name_texts.append((start, end))
    # a described role of one word ("the doorkeeper") names no one in lower-cased text, where
    # "the keeper" would read as its variant; a title of more ("the iron duke") or a cased
    # page's role ("the Frost Queen") is named as the cast names it
    # and on a cased page a role of lower-case words after its article ("the ringside doctor")
    # is described, no name
    known = [
        k
        for k in role_names(known)
        if not (_DESCRIBED_LOWER if cased else _ONE_WORD_DESCRIBED).fullmatch(k)
    ]
    if not cased:  # a lower-cased page's plot may name a nicknamed role so (a cased one's
        known += _nickname_surnames(known) + _diminutives(known)  # capitals show the name)
    # a film-maker the page credits, named in its summary ("X's silent fable"), is no
    # character, nor is the film's own title (the place or thing it is named for: "to hold
    # Gull Crag"), unless a role bears the name
    named = [v for a in _CREW for v in out.values(a)] + out.values("title")
    no_role = {fold(v) for v in named} - {fold(k) for k in known}
    for s, e in character_mentions(text, start, end, known, cased=cased):
        if fold(text[s:e]) not in no_role:
            out.add("character", s, e, clean(text[s:e]))
    for s, e, name in coordinated_mentions(text, start, end, known, cased=cased):
        if fold(name) not in no_role:
            out.add("character", s, e, clean(name))


_CREW = ("director", "writers", "producers", "cinematographer", "editor")


def cast_characters(out: Collector) -> list[str]:
    roles = [c["character"] for c in out.values("cast")] + out.values("character")
    return role_names(roles, family_first=family_name_first(out))


def family_name_first(out: Collector) -> bool:
    """Whether the page's film is of a country (or in a language) whose names are written
    family name first, as its pages write them: East Asian and Hungarian films."""
    countries = {canonical_country(c) for c in out.values("country")}
    languages = {fold(v) for v in out.values("language")}
    return bool(countries & _FAMILY_FIRST_COUNTRIES or languages & _FAMILY_FIRST_LANGUAGES)


_FAMILY_FIRST_COUNTRIES = {
    "china", "hong kong", "taiwan", "macau", "japan", "south korea", "north korea", "vietnam",
    "hungary",
}
_FAMILY_FIRST_LANGUAGES = {
    "chinese", "mandarin", "cantonese", "japanese", "korean", "vietnamese", "hungarian",
}


# A double role: "Kit / The Stranger", "Kit Hale and the Stranger".
DESCRIBED_ROLE = re.compile(r"(?i)(?:the|a|an)\b")
_DESCRIBED_LOWER = re.compile(r"(?:the|a|an) [a-z][a-z'’ -]*")
_ONE_WORD_DESCRIBED = re.compile(r"(?i)(?:the|a|an)\s+\S+")
_ROLE_PARTS = re.compile(r"\s+/\s+|\s+and\s+", re.I)


def role_names(roles: list[str], *, family_first: bool = False) -> list[str]:
    """The roles, and each part of a double role that is a name of its own ("Kit Hale" in
    "Kit Hale / The Stranger"), so that a plot or a review naming one part is read as naming
    a character; a part that is a described role ("the Stranger") names no one.
    `family_first`: the page's names put the family name first (`family_name_first`)."""
    parts = [
        p
        for r in roles
        if _ROLE_PARTS.search(r)
        for p in _ROLE_PARTS.split(r)
        if p
        and not DESCRIBED_ROLE.match(p)
        # "Mr. and Mrs. Hale": a title alone is no name
        and not all(w.rstrip(".") in HONORIFICS for w in fold(p).split())
    ]
    # "kit 'ace' harlow": a plot may name him without the nickname
    parts += [
        " ".join(m.group(1, 3)) for r in roles if (m := _NICKNAMED_ROLE.fullmatch(r.strip()))
    ]
    # "det. insp. jo brook": a plot may name her without her titles
    parts += [
        " ".join(words[i:])
        for r in roles
        if len(words := r.split()) >= 3
        and (i := _titles(words)) > 0
        and len(words) - i >= 2
        and not _FUNCTION_WORDS.intersection(map(fold, words[i:]))  # "mother of the bride"
    ]
    # "sheriff jo hale": a plot may name him by his titles and surname ("sheriff hale"); on a
    # page whose names are written family name first, "major oda kenji" is "major oda"
    parts += [
        " ".join([*words[:i], words[i if family_first else -1]])
        for r in roles
        if len(words := r.split()) >= 3 and (i := _titles(words)) > 0 and len(words) - i == 2
    ]
    return roles + [p for p in dict.fromkeys(parts) if p not in roles] if parts else roles


_FUNCTION_WORDS = {"of", "the", "a", "an", "and", "in", "at", "on", "to", "for", "with", "from"}


def _titles(words: list[str]) -> int:
    """How many of the words open the name as titles ("Det. Insp. Jo Brook": 2)."""
    n = 0
    while n < len(words) and fold(words[n]).rstrip(".") in HONORIFICS:
        n += 1
    return n


_NICKNAMED_ROLE = re.compile(
    r"([^\W\d_][\w.'’-]*)\s+['\"“‘]([^'\"”’]+)['\"”’]\s+([^\W\d_][\w'’-]*)"
)


def _nickname_surnames(roles: list[str]) -> list[str]:
    """A nicknamed role's one-word nickname and surname ("ace harlow" for "lt. kit 'ace'
    harlow"): how a plot may name him."""
    found = [m for r in roles if (m := _NICKNAMED_ROLE.search(r)) and not r[m.end() :].strip()]
    return [
        f"{m[2]} {m[3]}" for m in found if " " not in m[2] and fold(m[2]) not in _FUNCTION_WORDS
    ]


def _diminutives(roles: list[str]) -> list[str]:
    """A nickname that shortens the role's first name ("winnie" in "winifred 'winnie' roe",
    its first three letters the name's): the name alone, as a lower-cased plot may write it.
    A nickname of another word ("ace") may be any word of the text, and is none."""
    found = (m for r in roles if (m := _NICKNAMED_ROLE.search(r)))
    return [m[2] for m in found if " " not in m[2] and fold(m[2])[:3] == fold(m[1])[:3]]


def add_user_mentions(out: Collector, start: int, end: int, *, cased: bool) -> None:
    """Names inside a user review that the page states editorially: kept, marked `user`."""
    people: dict[str, str] = {}
    for attribute in ("director", "writers", "stars"):
        for name in out.values(attribute):
            people.setdefault(name, attribute)
    for cast in out.values("cast"):
        people.setdefault(cast["actor"], "stars")
        if cast.get("credited_as"):  # "(as Ada B. Brook)": the name the page bills the actor by
            people.setdefault(cast["credited_as"], "stars")
    acting = {n.casefold() for n in out.values("stars")}
    acting |= {cast["actor"].casefold() for cast in out.values("cast")}
    for name, attribute in people.items():  # a director who also acts is mentioned as both
        if attribute == "director" and name.casefold() in acting:
            people[name] = "director stars"
    for name in cast_characters(out):  # a described role names no one, as in a plot
        if cased or not _ONE_WORD_DESCRIBED.fullmatch(name):
            people.setdefault(name, "character")
    seen = {(c.attribute, c.value.casefold()) for c in out.claims if c.origin == USER}
    text = out.view.text
    found = list(_initialled_mentions(text, start, end, people, cased=cased))
    for name, attribute in list(people.items()):
        short = _uninitialled(name) if "." in name else ""
        if " " in short:  # "Ada Brook", "Ola Moss Jr" for the names with initials
            people.setdefault(short, attribute)
        if "-" in name:  # "Marr Lind" for "Marr-Lind": reviewers drop a name's hyphen
            people.setdefault(name.replace("-", " "), attribute)
    found += people_mentions(
        text, start, end, people, cased=cased, family_first=family_name_first(out)
    )
    found += _respaced_mentions(text, start, end, people)
    # A name read inside a longer one ("jo vance" of "deputy jo vance", a role the page
    # also names untitled) is that one mention, not a second.
    spans = [(c.span_start, c.span_end) for c in out.claims if c.origin == USER]
    spans += [(s, e) for s, e, _ in found]
    for s, e, attributes in found:
        if any(a <= s and e <= b and b - a > e - s for a, b in spans):
            continue
        if text[s:e].casefold().endswith(_SUFFIXES) and text.startswith(".", e):
            e += 1  # "Jr." whole
        value = clean(text[s:e])
        for attribute in attributes.split():
            if (attribute, value.casefold()) not in seen:
                seen.add((attribute, value.casefold()))
                out.add(attribute, s, e, value, origin=USER)


def _respaced_mentions(
    text: str, start: int, end: int, people: dict[str, str]
) -> list[tuple[int, int, str]]:
    """A name of two words or more written with its words parted or joined otherwise, by a
    space or a hyphen ("Abdul Karim" for "Abdulkarim", "Lina Abdulwahab" for "Lina Abdul
    Wahab", "El Gendy" for "El-Gendy"): the same letters, as romanisations part them. Found as
    the pattern of every such name would find them, letters parted by one space or hyphen at
    most, case ignored (`respaced_pattern`, which the tests hold it to), but by a search of
    the letters in the review's text with its spaces and hyphens taken out: a catalog's every
    film names other people, and compiling their pattern cost a page 2.6 ms."""
    keys = respaced_keys(people)
    if not keys:
        return []
    names = sorted(keys, key=len, reverse=True)  # the pattern's order: the longest tried first
    runs = list(_UNPARTED.finditer(text, start, end))
    joined = "".join(m[0] for m in runs).translate(_CASE_ODD)
    letters = joined.lower()
    if len(letters) != len(joined):  # a letter whose lower case is longer: the pattern's way
        hits = [(m.start(), m.end()) for m in respaced_pattern(names).finditer(text, start, end)]
    else:
        at = list(accumulate((len(m[0]) for m in runs), initial=0))
        hits = _respaced_hits(text, end, names, letters, runs, at)
    found = []
    for a, b in hits:
        written = text[a:b].casefold()
        for n, name, attribute in keys.get(written.replace(" ", "").replace("-", ""), ()):
            if written != name.casefold():
                found.append((n, a, b, attribute))
    return [(a, b, attribute) for _, a, b, attribute in sorted(found)]


def respaced_keys(people: dict[str, str]) -> dict[str, list[tuple[int, str, str]]]:
    """Each name of two words or more, of letters alone, by its letters case-folded, with its
    order among the people and its attribute."""
    keys: dict[str, list[tuple[int, str, str]]] = {}
    for n, (name, attribute) in enumerate(people.items()):
        letters = name.replace(" ", "").replace("-", "")
        if " " in name.strip() and letters.isalpha():
            keys.setdefault(letters.casefold(), []).append((n, name, attribute))
    return keys


def _respaced_hits(
    text: str, end: int, names: list[str], letters: str, runs: list, at: list[int]
) -> list[tuple[int, int]]:
    """The spans `respaced_pattern(names)` matches, from `letters` (the text's runs of all
    but spaces and hyphens, joined and lower-cased; run i opens at letters[at[i]])."""

    def place(i: int) -> int:  # the text's offset of letters[i]
        r = bisect_right(at, i) - 1
        return runs[r].start() + i - at[r]

    candidates = []
    for rank, key in enumerate(names):
        i = letters.find(key)
        while i >= 0:
            a, b = place(i), place(i + len(key) - 1) + 1
            span = text[a:b]
            if (
                not any(two in span for two in _TWO_PARTINGS)
                and not (a and (text[a - 1] in _BEFORE or _word(text[a - 1])))
                and not (b < end and (text[b] == "-" or _word(text[b])))
            ):
                candidates.append((a, rank, b))
            i = letters.find(key, i + 1)
    hits, after = [], -1
    for a, _, b in sorted(candidates):  # leftmost first, then the pattern's first name
        if a >= after:
            hits.append((a, b))
            after = b
    return hits


def _word(c: str) -> bool:
    return c.isalnum() or c == "_"


def respaced_pattern(names: list[str]) -> re.Pattern[str]:
    """Every name's letters, one space or hyphen at most between two, as a word of its own."""
    return re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join("[ -]?".join(k) for k in names)  # letters alone: nothing to escape
        + r")(?![\w-])",
        re.I,
    )


_UNPARTED = re.compile(r"[^ -]+")
_TWO_PARTINGS = ("  ", " -", "- ", "--")
_BEFORE = frozenset("'’-")
# letters that case-insensitive matching takes for others, as the pattern would ("ſ" for "s")
_CASE_ODD = str.maketrans({"ſ": "s", "K": "k", "ı": "i", "İ": "i", "ς": "σ"})


_SUFFIXES = (" jr", " sr")
_INITIAL = re.compile(r"(?<!\w)[^\W\d_]\.\s+")  # "K. " of "Ada K. Brook"


def _uninitialled(name: str) -> str:
    """The name without its middle initials and periods ("Ada K. Brook" -> "Ada
    Brook"): a review's words part on a period, and reviewers drop initials."""
    return " ".join(_INITIAL.sub("", name).replace(".", " ").split())


def _initialled_mentions(
    text: str, start: int, end: int, people: dict[str, str], *, cased: bool
) -> list[tuple[int, int, str]]:
    """A name with initials or "Jr." written as the page writes it (the word reader parts
    words on periods, so `people_mentions` cannot read it whole)."""
    out = []
    for name, attribute in people.items():
        if "." not in name or " " not in name:
            continue
        # "R.K. Brook" for "R. K. Brook": after an initial's period the space may be left out
        words = "".join(
            re.escape(w) + ("" if i == len(parts) - 1 else r"\s*" if w.endswith(".") else r"\s+")
            for parts in [name.split()]
            for i, w in enumerate(parts)
        )
        # its first letter first, the boundary checked behind it: a scan skips ahead in C
        words = opens_word(words) if words[:1].isalpha() else r"(?<!\w)" + words
        rx = re.compile(rf"{words}(?!\w)", 0 if cased else re.I)
        out += [(m.start(), m.end(), attribute) for m in rx.finditer(text, start, end)]
        out += _misspelt_surname(text, start, end, name, attribute, cased=cased)
    return out


def _misspelt_surname(
    text: str, start: int, end: int, name: str, attribute: str, *, cased: bool
) -> list[tuple[int, int, str]]:
    """The name's initials as the page writes them before a surname misspelt by a letter or
    two ("S. R. Pillay" for "S. R. Pillai"): a review's misspelling, as `people_mentions`
    finds one in a name without initials (fuzz.ratio of the whole names at 85, the surname's
    first letter the same)."""
    *head, last = name.split()
    if not head or "." in last or len(last) < 5 or not head[-1].endswith("."):
        return []
    words = "".join(re.escape(w) + (r"\s*" if w.endswith(".") else r"\s+") for w in head)
    words = opens_word(words) if words[:1].isalpha() else r"(?<!\w)" + words
    rx = re.compile(rf"{words}(?P<last>[^\W\d_][\w'’-]*)(?!\w)", 0 if cased else re.I)
    key, whole, initials = fold(last), fold(name), fold(" ".join(head))
    return [
        (m.start(), m.end(), attribute)
        for m in rx.finditer(text, start, end)
        if (not cased or m["last"][0].isupper())
        and fold(m["last"]) != key
        and fold(m["last"])[:1] == key[:1]
        and fuzz.ratio(f"{initials} {fold(m['last'])}", whole) >= 85
    ]


_LEAD = re.compile(  # "is a" first, its word boundary checked behind it: a scan skips ahead
    r"is a(?<!\w.{4})n? (?P<year>1[89]\d\d|20\d\d) "
    r"(?P<demonym>(?:[A-Z][\w]+(?:-[A-Z][\w]+)*(?:,? and [A-Z][\w]+)? )*)"
    r"(?:(?P<language>[A-Z][\w]+)-language )?"
    r"(?P<phrase>(?:[\w&-]+ ){0,6}?)(?P<head>film noir|neo-noir film|film|movie|picture)\b"
)


# "X (also known as Y) is a ...": the film's other title, in parentheses after its own; a
# translation's gloss ("(transl. Black gold)") names no title.
_LEAD_AKA = re.compile(
    r"\((?:also (?:known|released) as|also titled|a\.k\.a\.|aka) [\"“]?(?P<aka>[^()\"“”;,\n]+?)"
    r"[\"”]?\)"
)


def add_lead_sentence(out: Collector, start: int, end: int, *, country: bool) -> None:
    """ "X is a 1996 British black comedy crime film": the year, the genres the noun phrase
    names, the language a "Tamil-language" names, the nationality when asked, and another
    title the lead gives in parentheses before it ("X (also known as Y) is a ...")."""
    m = _LEAD.search(out.view.text, start, end)
    if not m:
        return
    line = max(out.view.text.rfind("\n", start, m.start()) + 1, start)
    for aka in _LEAD_AKA.finditer(out.view.text, line, m.start()):
        out.add_group("also_known_as", aka, "aka", clean(aka["aka"]))
    out.add_group("year", m, "year", int(m["year"]))
    if m["language"]:
        out.add_group("language", m, "language", m["language"])
    text = out.view.text
    head_genre = m["head"].removesuffix(" film") if "noir" in m["head"] else None
    for s, e in genre_terms(text, m.start("phrase"), m.end("phrase")):
        out.add("genres", s, e, clean(text[s:e]))
    if head_genre:
        out.add("genres", m.start("head"), m.start("head") + len(head_genre), head_genre)
    if country and m["demonym"].strip():
        # "British-American", "French and German": one country a word; "Quebec" is no country;
        # "South Korean", "New Zealand": one country of two words.
        for d in _DEMONYM_WORD.finditer(m["demonym"]):
            word = d.group()
            if word.lower() in COUNTRY_KEYS or is_country(word) or _DEMONYM_FORM.search(word):
                s = m.start("demonym") + d.start()
                out.add("country", s, s + len(word), word)


# A word of a lead's nationality, or two when a compass word or "New" opens a country's name.
_DEMONYM_WORD = re.compile(r"(?:(?:North|South|East|West|New) (?=[A-Z]))?[^\W\d_]+")
# How a nationality adjective ends ("Icelandic", "Czech", "Swiss", "Thai", "Greek").
_DEMONYM_FORM = re.compile(r"(?:an|ish|ese|i|ic|ch|sh|ss|ek)$")


def mpaa_value(text: str) -> str | None:
    v = " ".join(text.split()).upper()
    return v if v in MPAA else None


# "Name (role)"; a segment note may stand between: 'Name (segment "A") (story)'.
_CREDITED = re.compile(
    r"(?P<n>.+?)(?:" + SEGMENT_NOTE.pattern + r")*(?:\s*\((?P<role>[^)]+)\))?", re.I
)
_REF_MARK = re.compile(r"\[\w{1,3}\]")  # a footnote mark: "[3]", "[a]"


# A running time in prose whose subject is the film ("It runs 2 h 7 min", "The film runs 98
# minutes", "The picture lasts 1 hour 40 minutes", "a running time of 127 minutes"; a film
# finished long after its shoot is "the completed film", no other cut), or one of
# its versions ("The Italian version runs 1 h 43 min", "Its director's cut runs ..."), as read in
# an abstract, whose sentences are about the film (a plot's "ran for two hours" is not read).
_RUNS = r" (?:runs|ran|lasts|lasted)(?: for)?"
_DURATION_AFTER = r" (?:about |approximately |some )?(?P<d>" + DURATION_IN_TEXT.pattern + ")"
_RUNTIME_PROSE = re.compile(
    r"(?:\b(?:it|the (?:(?:completed|finished) )?(?:film|movie|picture)"
    r"|(?:the|its) (?P<v>[\w'-]+(?: [\w'-]+)? "
    r"(?:version|cut|edit|edition)))" + _RUNS
    + r"|\b(?:running time|runtime|run time) (?:is|was|of))" + _DURATION_AFTER,
    re.I,
)


def add_runtime_prose(out: Collector, start: int, end: int) -> None:
    """The running time a sentence whose subject is the film (or a version it names) states;
    the film named by the title the page gives is that subject too ("2417 runs 84 minutes",
    a title that is a number no year)."""
    text = out.view.text
    hits = list(_RUNTIME_PROSE.finditer(text, start, end))
    titles = sorted({t for t in out.values("title") if t}, key=len, reverse=True)
    if titles:
        named = "|".join(map(re.escape, titles))
        by_title = re.compile(rf"(?<![\w'-])(?:{named})" + _RUNS + _DURATION_AFTER, re.I)
        hits += by_title.finditer(text, start, end)
    for m in hits:
        version = runtime_version(m["v"]) if m.re is _RUNTIME_PROSE and m["v"] else None
        out.add("runtime", m.start("d"), m.end("d"), parse_duration(m["d"]), version)
