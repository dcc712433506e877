"""IMDb title page, flattened to one lower-cased line (navigation, also-liked, reviews, footer)."""

from __future__ import annotations

import re

from auditor.extract.base import Adapter, Collector, find, opens_word, split_items
from auditor.extract.common import (
    DESCRIBED_ROLE,
    WITH_COMMERCIALS,
    add_characters,
    add_credited,
    add_date,
    add_money,
    add_names,
    add_user_mentions,
    cast_characters,
    mpaa_value,
    release_qualifier,
    runtime_version,
    split_role,
)
from auditor.normalize.counts import parse_count
from auditor.normalize.dates import DATE_IN_TEXT, MONTHS
from auditor.normalize.durations import parse_duration
from auditor.normalize.money import MONEY_IN_TEXT, parse_money
from auditor.normalize.names import clean, fold
from auditor.normalize.places import COUNTRY_KEYS
from auditor.normalize.scores import parse_score
from auditor.textview import TextView

# The title line; a title made for television or video carries the old kind mark after its
# year, "(1977) (tv)", "(1994) (v)", or the later one before it, "(tv movie 1977)", "(video
# 1994)": no part of the title.
_KIND = r"(?:tv movie|tv|video|v)"
_YEAR = rf"\((?:{_KIND} )?(?P<year>\d{{4}})\)(?: \({_KIND}\))?"
_HEAD = re.compile(rf"\s*(?P<title>[^|]{{1,200}}?) {_YEAR} - imdb\b")
_TELEVISION = re.compile(r"\((?:tv movie \d{4}|\d{4}\) \(tv)\) - imdb\b")
_RATING = re.compile(
    r"(?P<rating>\d{1,2}(?:\.\d)?/10) (?P<votes>\d[\d,]*) (?:(?P<users>\d[\d,]*) user )?"
    r"(?:(?P<critics>\d[\d,]*) critic )?rate this "
)
_DATE = DATE_IN_TEXT.pattern
# A details line's date at the precision it gives: "22 november 2002", "november 2002", "2002".
_RELEASED = (
    rf"(?:{_DATE}|\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.? (?:1[89]|20)\d\d\b"
    r"|\b(?:1[89]|20)\d\d\b)"
)
# "<title> (2004) r | 1h 47min | crime, thriller | 5 november 2004 (usa) <plot> director:";
# a film known abroad by another name gives it first: "(1978) <name> (original title) g | ...",
# or the name a country knows it by, that country noted as the details' "also known as" notes
# it: "(1979) <name> (usa) not rated | ...".
_AKA_NOTE = "|".join(
    ["original title", *(re.escape(k) for k in sorted(COUNTRY_KEYS, key=len, reverse=True))]
)
_INFO = re.compile(
    _YEAR + r" (?:(?P<original>[^|()]{1,200}?) \((?:" + _AKA_NOTE + r")\) )?"
    r"(?P<fields>(?:[^|]{1,60} \| ){1,4})(?P<date>" + _DATE + r")"
    r"(?: \((?P<country>[^)]{1,40})\))? (?P<plot>.*?)\s*(?=\bdirectors?: |\bcreators?: )"
)
_MONEY_LABEL = re.compile(
    "(?P<label>"
    + "|".join(
        map(
            opens_word,
            ("budget", "cumulative worldwide gross", "gross(?: usa| us & canada| worldwide)?"),
        )
    )
    + "): "
)
# A running time in the details: "107 min", "1h 52min", "2h".
_TIME = r"(?:\d{1,2}h(?: \d{1,2}min)?|\d+ min)\b"
_NOTE = r"(?: \([^()|]{1,40}\))?"  # a running time's cut: "(director's cut)", "(usa)"
_CUT = rf"(?P<t>{_TIME})(?P<n>{_NOTE})"
_PARTICLES = set("van von de del della da di du le la st. mc der den ter dos das".split())
_SUFFIXES = {"jr.", "sr.", "jr", "sr", "ii", "iii", "iv"}
_CAST_SEP = re.compile(r" \.\.\. ")
# The cast block's header differs by page: "cast overview, first billed only:",
# "complete credited cast:", "cast (in credits order) complete, awaiting verification:".
_CAST_HEADER = re.compile(
    "(?:"
    + "|".join(
        map(
            opens_word,
            (
                "cast overview, first billed only",
                "complete credited cast",
                "cast overview",
                r"cast \(in credits order\)(?: complete, awaiting verification"
                r"| verified as complete)?",
                "series cast summary",
                "credited cast",
            ),
        )
    )
    + r"): (?P<c>.+?) see full cast"
)
# Every character a _MONEY_LABEL or a _CAST_PART match holds (but white space).
_LABEL_CHARS = frozenset("budget cumulative worldwide gross usa us & canada: ")
_PART_CHARS = frozenset("rest of cast listed alphabetically uncredited cast:")
# The labelled lines the page flattens (each a pattern made once).
_CREDITS = tuple(
    (re.compile(opens_word(rf"{label}: (?P<v>.+?)(?={stop}| \||$)")), attribute)
    for label, attribute, stop in (
        (r"directors?", "director", r" writers?:| stars?:| creators?:"),
        (r"writers?", "writers", r" stars?:| directors?:"),
        (r"stars?", "stars", r" directors?:| writers?:"),
    )
)
# "71 metascore", or the older label "metascore: 71/100"
_METASCORE = re.compile(
    r"(?P<v>\d(?<!\w.)\d{0,2}) metascore\b|m(?<!\w.)etascore: (?P<w>\d{1,3})/100\b"
)
# The older reviews line's third count: "reviews 88 user | 30 critic | 19 from metacritic.com"
_METACRITIC_REVIEWS = re.compile(r"\| (?P<n>\d[\d,]*) from metacritic\.com\b")
_STORYLINE = re.compile(
    opens_word(
        r"storyline (?P<s>.+?)(?= written by | plot summary| plot keywords:"
        r"| taglines:| genres:| edit details|$)"
    )
)
_GENRES = re.compile(
    opens_word(
        r"genres: (?P<g>.+?)(?= motion picture rating| certificate:| parents guide"
        r"| edit | see all| taglines:|$)"
    )
)
# Another board's certificate in the header, where the visitor's country puts it ("15", "12A",
# "K-16", "U", an age with the content letters South Africa's board gives: "16LV"): no MPAA
# rating, and no genre. A US television rating ("tv-pg", "tv-y7") is one too.
_CERTIFICATE = re.compile(
    r"\d{1,2}(?:[a-z]{1,4}|\+)?|u|uc|a{1,2}|[a-z]{1,2}-\d{1,2}|tv-(?:y7?|g|pg|14|ma)(?:-fv)?", re.I
)
_MPAA = re.compile(opens_word(r"motion picture rating \(mpaa\) rated (?P<r>[a-z0-9-]+) "))
# "country:", or the later label "country of origin:" ("countries of origin:")
_COUNTRY = re.compile(
    opens_word(
        r"count(?:ry|ries)(?: of origin)?: (?P<c>.+?)(?= languages?:| release date:| see more)"
    )
)
_LANGUAGE = re.compile(
    opens_word(r"languages?: (?P<l>.+?)(?= release date:| also known as:| filming| see more)")
)
_RELEASE_DATE = re.compile(
    opens_word(r"release date: (?P<d>" + _RELEASED + r")(?: \((?P<c>[^)]+)\))?")
)
# An also-known-as title with IMDb's note on where it was used: "the long road (usa)",
# "le train (working title)"; the note is no part of the title.
_AKA = re.compile(opens_word(r"also known as: (?P<v>.+?)(?: \([^()]*\))? see more"))
_FILMING = re.compile(opens_word(r"filming locations?: (?P<v>.+?) see more"))
_RUNTIME = re.compile(opens_word(rf"runtime: (?P<v>{_TIME}{_NOTE}(?: \| {_TIME}{_NOTE})*)"))
_CUTS = re.compile(_CUT)
_NONSPACE = re.compile(r"\S+")
_INITIAL = re.compile(r"\w\.")
# " rest of cast listed alphabetically: ": the space before it, when there is one, is part of it.
_CAST_PART = re.compile(
    "(?:" + opens_word("rest of cast listed alphabetically") + "|" + opens_word("uncredited cast")
    + r"):\s*"
)


class Imdb(Adapter):
    name = "imdb"
    description = "IMDb title page flattened to one lower-cased line"
    footer = re.compile(r"copyright © \d{4}-\d{4} imdb\.com|imdb\.com, inc\.")
    cased = False

    def recognise(self, view: TextView) -> bool:
        return bool(_HEAD.match(view.text)) and "imdb" in view.text[:300]

    def extract(self, view: TextView, out: Collector) -> None:
        text = view.text
        head = _HEAD.match(text)
        if not head:
            return
        out.add_group("title", head, "title", clean(head["title"]))
        out.add_group("year", head, "year", int(head["year"]))
        also_liked = text.find("people who liked this also liked")
        cast_at = text.find("cast overview")
        header_end = also_liked if also_liked >= 0 else len(text)
        plot = self._header(view, out, head.end(), header_end)
        body = cast_at if cast_at >= 0 else header_end
        self._cast(view, out, body, plot, also_liked)
        self._details(view, out, body, bool(_TELEVISION.search(head.group())))
        self._review(view, out, body)

    def _header(
        self, view: TextView, out: Collector, start: int, end: int
    ) -> tuple[int, int] | None:
        """The rating, info line and credits; returns the plot summary's span."""
        text = view.text
        r = find(_RATING, text, start, end)
        if r:
            out.add_group("user_rating", r, "rating", parse_score(r["rating"]))
            out.add_group("rating_votes", r, "votes", parse_count(r["votes"]))
            out.add_group(
                "user_review_count", r, "users", parse_count(r["users"] or ""), qualifier="imdb"
            )
            out.add_group(
                "critic_review_count",
                r,
                "critics",
                parse_count(r["critics"] or ""),
                qualifier="imdb",
            )
            start = r.end()
        info = find(_INFO, text, start, end)
        plot = None
        if info:
            fs = info.start("fields")
            if info["original"]:
                out.add_group("also_known_as", info, "original", clean(info["original"]))
            for s, e in split_items(text, fs, info.end("fields"), sep=r" \| "):
                self._info_field(out, s, e)
            add_date(
                out,
                "release_date",
                info.start("date"),
                info.end("date"),
                release_qualifier(info["country"]),
            )
            plot = (info.start("plot"), info.end("plot"))
            start = info.end()
        for rx, attribute in _CREDITS:
            m = find(rx, text, start, end)
            if m is None:
                continue
            if attribute == "writers":
                add_credited(out, attribute, m.start("v"), m.end("v"))
            else:
                add_names(out, attribute, m.start("v"), m.end("v"))
        meta = find(_METASCORE, text, start, end)
        if meta:
            score = meta["v"] or meta["w"]
            out.add_group(
                "critic_score", meta, 0, parse_score(f"{score}/100"), qualifier="metacritic"
            )
        counted = find(_METACRITIC_REVIEWS, text, start, end)
        if counted:
            out.add_group(
                "critic_review_count",
                counted,
                "n",
                parse_count(counted["n"]),
                qualifier="metacritic",
            )
        return plot

    def _info_field(self, out: Collector, s: int, e: int) -> None:
        field = out.view.text[s:e]
        if (minutes := parse_duration(field)) is not None:
            out.add("runtime", s, e, minutes)
        elif (rating := mpaa_value(field)) is not None:
            out.add("mpaa_rating", s, e, rating)
        elif not _CERTIFICATE.fullmatch(field.strip()):  # a UK capture's "15": no genre
            add_names(out, "genres", s, e)

    def _cast(
        self,
        view: TextView,
        out: Collector,
        start: int,
        plot: tuple[int, int] | None,
        also_liked: int = -1,
    ) -> None:
        text = view.text
        block = find(_CAST_HEADER, text, start)
        if block:
            known = {fold(n) for a in ("stars", "director", "writers") for n in out.values(a)}
            if 0 <= also_liked < block.start():  # the "also liked" films' people: names too
                known |= _sidebar_people(text, also_liked, block.start())
            pos = block.start("c")
            story = find(_STORYLINE, text, block.end())
            told = _words_of(text, plot, story)
            for part_start, part_end in _cast_parts(text, pos, block.end("c")):
                if part_start >= pos:
                    self._cast_lines(out, pos, part_start, known, told)
                    pos = part_end
            self._cast_lines(out, pos, block.end("c"), known, told)
            known = cast_characters(out)
            if plot:
                add_characters(out, *plot, known, cased=False)
            if story:
                add_characters(out, story.start("s"), story.end("s"), known, cased=False)

    def _cast_lines(
        self, out: Collector, start: int, end: int, known: set[str], told: str = ""
    ) -> None:
        """'a b ... role c d ... role': each actor is the last two words before '...', three
        when they make a name the page credits or a particle / suffix / initial says so, one
        when the two before it end a role the storyline (`told`, see _words_of) writes whole
        and the actor's two would-be words are nowhere in it (a one-word stage name), three
        when the storyline writes the role whole only without them, or the page writes those
        three alone outside the cast list (a double first name in a review), and every
        word after a closing '(as ...)'."""
        text = out.view.text
        seps = list(_CAST_SEP.finditer(text, start, end))
        actors: list[tuple[int, int]] = []
        for i, sep in enumerate(seps):
            seg_start = seps[i - 1].end() if i else start
            segment = text[seg_start : sep.start()]
            closing = segment.rfind(") ") + 2 if i and ") " in segment else 0
            words = list(_NONSPACE.finditer(segment[closing:]))
            seg_start += closing
            n = 2
            # "ines van der kolk": a first name and every particle before the surname
            particles = 0
            while len(words) >= particles + 3 and words[-2 - particles].group() in _PARTICLES:
                particles += 1
            # four words: a Portuguese name with a particle ("ana luísa dos reis")
            last = [w.group() for w in words[-4:]]
            credited = [k for k in (4, 3, 2, 1) if " ".join(last[-k:]) in known]
            if i and credited and len(words) > credited[0]:
                n = credited[0]
            elif closing:
                n = len(words)
            elif particles:
                n = particles + 2
                # "... sister ana cruz pau vela de soto ...": a second surname after a particle
                # ("vela de soto"), where the role left without its last word is a name the page
                # writes outside its cast list and the role with it is not
                if i and len(words) > n + 1 and _named_elsewhere(
                    text, start, end, segment[closing : words[-n - 1].start()],
                    segment[closing : words[-n].start()],
                ):
                    n += 1
            elif len(words) >= 3 and (
                words[-1].group() in _SUFFIXES or _INITIAL.fullmatch(words[-2].group())
            ):
                n = 3
            elif (
                i
                and len(words) >= 3
                and f" {words[-3].group()} {words[-2].group()} " in told
                and f" {words[-2].group()} {words[-1].group()} " not in told
            ):
                n = 1
            elif i and len(words) >= 5 and _role_told_whole(told, words):
                n = 3  # "nell cato sue ann lark", the storyline's role "nell cato"
            elif (
                i
                and len(words) >= 4
                and _named_elsewhere(
                    text, start, end, segment[closing:][words[-3].start() :],
                    segment[closing:][words[-4].start() :],
                )
            ):
                # "captain joe lusk mary beth orr": the page writes the last three words
                # as a name outside its cast list (a review), never with the role's last word
                # before them: the actor has three (a double first name)
                n = 3
            n = min(n, len(words)) if i else len(words)
            actors.append(
                (seg_start + words[-n].start(), sep.start()) if words else (sep.start(),) * 2
            )
        for i, sep in enumerate(seps):
            a_start, a_end = actors[i]
            role_end = actors[i + 1][0] - 1 if i + 1 < len(seps) else end
            role = text[sep.end() : role_end]
            character, credited = split_role(role)
            value = {"actor": clean(text[a_start:a_end]), "character": clean(character)}
            if credited:
                value["credited_as"] = clean(credited)
            if value["actor"] and value["character"]:
                out.add("cast", a_start, sep.end() + len(role.rstrip()), value)

    def _details(
        self, view: TextView, out: Collector, start: int, television: bool = False
    ) -> None:
        text = view.text
        end_at = text.find("did you know?", start)
        end = end_at if end_at >= 0 else len(text)
        m = find(_GENRES, text, start, end)
        if m:
            add_names(out, "genres", m.start("g"), m.end("g"))
        m = find(_MPAA, text, start, end)
        if m:
            out.add_group("mpaa_rating", m, "r", mpaa_value(m["r"]))
        m = find(_COUNTRY, text, start, end)
        if m:
            add_names(out, "country", m.start("c"), m.end("c"))
        m = find(_LANGUAGE, text, start, end)
        if m:
            add_names(out, "language", m.start("l"), m.end("l"))
        for m in _RELEASE_DATE.finditer(text, 0, end):
            if m.start() >= start:
                add_date(out, "release_date", m.start("d"), m.end("d"), release_qualifier(m["c"]))
        m = find(_AKA, text, start, end)
        if m:
            out.add_group("also_known_as", m, "v", clean(m["v"]))
        m = find(_FILMING, text, start, end)
        if m:
            out.add_group("filming_location", m, "v", clean(m["v"]))
        # Budget, and every gross line (a territory's, the worldwide cumulative); an opening
        # weekend is no gross.
        for m in _MONEY_LABEL.finditer(text, _clear_before(text, start, _LABEL_CHARS), end):
            if m.start() < start:
                continue
            money = MONEY_IN_TEXT.match(text, m.end(), end)
            if money is None:
                continue
            attribute = "budget" if m["label"] == "budget" else "gross"
            if m["label"].startswith("cumulative") or m["label"] == "gross worldwide":
                value = parse_money(money.group())
                if value:
                    out.add(
                        "gross",
                        money.start(),
                        money.end(),
                        {"amount": value.low, "currency": value.currency},
                        value.scope or "worldwide",
                    )
                continue
            if m["label"] in ("gross usa", "gross us & canada"):
                value = parse_money(money.group())
                if value:
                    amount = {"amount": value.low, "currency": value.currency}
                    out.add("gross", money.start(), money.end(), amount, "usa")
                continue
            add_money(out, attribute, money.start(), money.end())
        # "runtime: 107 min | 114 min (director's cut) | 98 min (usa)": one time per cut, a cut
        # named by a country qualified by it; "1h 52min" too.
        m = find(_RUNTIME, text, start, end)
        if m:
            for t in _CUTS.finditer(text[: m.end("v")][m.start("v") :]):
                if t["n"] and WITH_COMMERCIALS.search(t["n"]):
                    continue  # "120 min (with commercials)": the broadcast's slot
                a = m.start("v") + t.start()
                minutes = parse_duration(t["t"])
                out.add("runtime", a, a + len(t["t"]), minutes, runtime_version(t["n"], television))

    def _review(self, view: TextView, out: Collector, start: int) -> None:
        """Every review shown: the first after "user reviews", each next one after the one
        before's "was this review helpful" line (a reviews page shows many)."""
        text = view.text
        end = text.find(_HELPFUL, start)
        if end < 0:
            return
        begin = text.rfind(" user reviews ", start, end)
        if begin < 0:
            return
        begin += len(" user reviews ")
        while end >= 0:
            add_user_mentions(out, begin, end, cased=False)
            begin = end + len(_HELPFUL)
            end = text.find(_HELPFUL, begin)


_HELPFUL = "was this review helpful"


_SIDEBAR_CREDIT = re.compile(
    r"[ds](?<!\w.)(?:irectors?|tars?): (?P<v>[^|&]+?)(?= stars?:| 0 next| next &raquo;|$)"
)


def _words_of(text: str, plot: tuple[int, int] | None, story: re.Match | None) -> str:
    """The summary's and the storyline's words, lower-cased, one space between and around
    them: where a cast line's role ends, these name the character whole."""
    spans = ([plot] if plot else []) + ([story.span("s")] if story else [])
    words = " ".join(w for s, e in spans for w in re.findall(r"\w[\w'-]*", text[s:e].lower()))
    return f" {words} "


def _role_told_whole(told: str, words: list[re.Match[str]]) -> bool:
    """Whether the storyline (`told`) writes the role of a cast segment ('nell cato sue ann
    lark') whole without its last three words, and every time goes on with a word
    other than the third from last or a form of it ('british military police' goes on into
    'british military policeman'): the actor then has three words (a double first name)."""
    role = f" {' '.join(w.group() for w in words[:-3])} "
    third = words[-3].group()[:4]
    at = told.find(role)
    if at < 0:
        return False
    while at >= 0:
        if told.startswith(third, at + len(role)):
            return False
        at = told.find(role, at + 1)
    return True


def _named_elsewhere(text: str, start: int, end: int, shorter: str, longer: str) -> bool:
    """Whether the page outside text[start:end] (a cast list) writes `shorter`, a name of two
    words or more (one word may be any word: "nurse"; a described role, "the nurse", is none),
    as a phrase and never `longer`."""

    def written(phrase: str) -> bool:
        # str.find, then the edges: a pattern compiled per phrase cost a third of the page
        p = " ".join(phrase.split())
        for lo, hi in ((0, start), (end, len(text))):
            at = text.find(p, lo, hi)
            while at >= 0:
                if not (_in_word(text, at - 1) or _in_word(text, at + len(p))):
                    return True
                at = text.find(p, at + 1, hi)
        return False

    return (
        len(shorter.split()) > 1
        and not DESCRIBED_ROLE.match(shorter.strip())
        and written(shorter)
        and not written(longer)
    )


def _in_word(text: str, at: int) -> bool:
    """Whether text[at] (none outside the text) is a word's character or an apostrophe."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "_'’")


def _sidebar_people(text: str, start: int, end: int) -> set[str]:
    """The names the "also liked" films' credit lines give, folded: a cast line's actor of
    three words or more is read whole when the page names that person anywhere."""
    return {
        fold(n)
        for m in _SIDEBAR_CREDIT.finditer(text, start, end)
        for n in m["v"].split(", ")
        if n.strip()
    }


def _clear_before(text: str, start: int, chars: frozenset[str]) -> int:
    """A place at or before `start` that no match of a pattern straddles, given `chars`, every
    character its matches hold but white space: just after a character neither among them nor
    white space, or the text's start. A scan from there finds what a scan from the text's
    start finds at or after `start`."""
    q = start
    while q > 0 and (text[q - 1] in chars or text[q - 1].isspace()):
        q -= 1
    return q


def _cast_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cast block's part headers in text[:end], as a scan from the text's
    start for " ?" + `_CAST_PART` finds them: a space just before a header is part of it
    unless the header before took it. Those that open before `start` may be left out (the
    scan starts just before it, where no header straddles)."""
    spans = []
    last = 0
    for m in _CAST_PART.finditer(text, _clear_before(text, start, _PART_CHARS), end):
        s = m.start()
        if s > last and text[s - 1] == " ":
            s -= 1
        spans.append((s, m.end()))
        last = m.end()
    return spans
