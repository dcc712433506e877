"""A Wikipedia film article through the WIKI 2 mirror: flattened infobox, prose, plot, tables."""

from __future__ import annotations

import re

from auditor.extract.base import Adapter, Collector, find, split_items
from auditor.extract.common import (
    PEOPLE,
    RELEASE_KINDS,
    TELEVISION_FILM,
    WITH_COMMERCIALS,
    add_characters,
    add_date,
    add_lead_sentence,
    add_money,
    add_names,
    release_qualifier,
    runtime_version,
)
from auditor.extract.prose import (
    _MARKS,
    _RELEASE_VERB,
    _UPPER,
    COMPANY,
    HOME_MEDIA_WORDS,
    UNFINISHED_CUT,
    add_aggregator_prose,
    add_broadcast_prose,
    add_cast_prose,
    add_credit_prose,
    add_distributed_by_prose,
    add_home_media_prose,
    add_money_prose,
    add_release_prose,
    ends_on_title,
    lead_sentence,
    sentences_with,
    settle_runs,
)
from auditor.extract.scan import word_at
from auditor.normalize.dates import DATE_IN_TEXT
from auditor.normalize.durations import DURATION_IN_TEXT, parse_duration
from auditor.normalize.money import MONEY_IN_TEXT
from auditor.normalize.names import clean
from auditor.normalize.places import canonical_country, is_country, is_festival, region_country
from auditor.textview import TextView

_M = re.M
# Infobox labels as the mirror flattens them, glued to their value or followed by lines.
_LABELS = {
    "Directed by": "director",
    "Co-directed by": "director",  # an animated feature's co-director: a director credit
    "Written by": "writers",
    "Screenplay by": "writers",
    "Story by": "writers",
    "Teleplay by": "writers",  # a television film's screenplay
    "Dialogues by": "writers",  # Indian films credit their dialogue writers apart
    "Dialogue by": "writers",
    "Based on": "based on",
    "Produced by": "producers",
    # a television film's infobox (Infobox television): its own labels for the same fields
    "Producers": "producers",
    "Producer": "producers",
    "Editors": "editor",
    "Editor": "editor",
    "Genre": "genres",
    "Country of origin": "country",
    "Original languages": "language",
    "Original language": "language",
    "Original release": "release_date",
    "Release": "release_date",
    "Starring": "stars",
    "Cinematography": "cinematographer",
    "Edited by": "editor",
    "Music by": "composer",
    "Narrated by": "narrator",
    "Production companies": "production",
    "Production company": "production",
    "Distributed by": "distributor",
    "Release dates": "release_date",
    "Release date": "release_date",
    "Running time": "runtime",
    "Countries": "country",
    "Country": "country",
    "Languages": "language",
    "Language": "language",
    "Budget": "budget",
    "Box office": "gross",
}
_NETWORK = re.compile(r"^(?:Original )?[Nn]etwork\S", _M)  # "NetworkABC", "Original networkCBS"
_LABEL_LINE = re.compile(
    r"^(?P<label>" + "|".join(sorted(map(re.escape, _LABELS), key=len, reverse=True)) + r")"
    r"(?P<v>[^\n]*)$",
    _M,
)
# The headings after the article's body, each alone at the start of a line.
_BODY_HEADINGS = ("See also", "References", "Further reading", "External links")
_VALUE_LINE = re.compile(r"^[ \t]*(?:•[ \t]*)?(?P<v>\S[^\n]*?)[ \t]*$", _M)
_DISTRIBUTED_THE_FILM = re.compile(
    r"(?P<d>[A-Z0-9][\w.&/'-]*(?: [A-Z0-9][\w.&/'-]*)*) distributed the film "
    r"in (?:the )?(?P<r>[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
)
_PHRASE = " distributed the film in "
# "[7] Tallgrass Releasing gave it a limited release in the United States": the sentence's
# subject, a company, releases the film in that country; so does the subject of a clause
# coordinated with ", and" ("It screened at Miami, and Tallgrass Releasing gave it ...")
# and "Cinevista Española released it in Spain on 13 March 1969" (a country, not "in
# Technicolor"; a disc's release aside)
_GAVE_RELEASE = re.compile(
    r" (?:gave (?:it|the film) an? (?:[a-z-]+ ){0,2}release|released (?:it|the film)) in "
    r"(?:the )?(?P<r>[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
)
_GAVE_AT = re.compile(" gave | released ")
_SUBJECT = re.compile(
    r"(?:^|(?<=[.;\]] )|(?<=, and )|(?<=\n))(?P<d>[A-Z0-9][\w.&/'-]*(?: [A-Z0-9][\w.&/'-]*)*)"
    r"(?:, (?:which|who) [^,.;\n]{1,120},)?$"  # "X, which bought the rights at Cannes, gave"
)
_OUTSIDE_STRETCH = re.compile(r"[^\w.&/' -]")
# "had limited releases in the United Kingdom on 15 October 2021, through X": the company a
# release in a country went through is its distributor there
_RELEASED_THROUGH = re.compile(
    r"\b(?:released|releases?) in (?:the )?(?P<r>[A-Z][a-z]+(?: [A-Z][a-z]+)*)"
    r"(?: on [\w ]{1,30}?)?,? (?:through|via) " + COMPANY
)
_THROUGH = re.compile(r" (?:through|via) ")
# A hatnote under the tagline: "This article is about the 1998 film. For the 1961 film, see ...".
_HATNOTE = re.compile(
    r"(?:This article is about|For (?:the|other|an?)\b.*\bsee\b|Not to be confused with"
    r"|\"[^\"]+\" redirects here|Main article:)"
)
_REF = re.compile(r"\[(?:\d{1,3}|[a-z])\]")
_PARENS = re.compile(r"\(([^()]{1,40})\)")
# A release line's note naming a disc: "(DVD)", "(direct-to-DVD)", "(VHS premiere)".
_DISC_NOTE = re.compile(
    r"(?i:(?:direct|straight)[- ]to[- ])?(?P<f>DVD|VHS)(?i: (?:premiere|release))?"
)
_TEAM_SEP = r"\s*(?:,|&)\s*(?![^()]*\))"
_EXTRACTED = {
    "genres",
    "director",
    "writers",
    "producers",
    "stars",
    "cinematographer",
    "editor",
    "distributor",
    "country",
    "language",
}


class Wikipedia(Adapter):
    name = "wikipedia"
    description = "Wikipedia film article through the WIKI 2 mirror"
    footer = re.compile(r"^(?:Basis of this page is in Wikipedia|This page was last edited on)", _M)

    def recognise(self, view: TextView) -> bool:
        return "From Wikipedia, the free encyclopedia" in view.text

    def extract(self, view: TextView, out: Collector) -> None:
        text = view.text
        origin = text.find("From Wikipedia, the free encyclopedia")
        title = find(r"^[ \t]*(?P<t>\S[^\n]*?)[ \t]*$", text, origin + 37, flags=_M)
        while title and _HATNOTE.match(title["t"]):  # a hatnote line sits above the infobox
            title = find(r"^[ \t]*(?P<t>\S[^\n]*?)[ \t]*$", text, title.end(), flags=_M)
        if not title:
            return
        out.add_group("title", title, "t", clean(title["t"]))
        lead = _lead(text, title["t"], title.end())
        infobox_end = lead if lead >= 0 else len(text)
        # A film made for television: its infobox names its network, or its lead says so.
        first_end = text.find("\n", lead) if lead >= 0 else -1
        television = bool(
            _NETWORK.search(text, title.end(), infobox_end)
            or (lead >= 0 and TELEVISION_FILM.search(text, lead, max(first_end, lead)))
        )
        self._infobox(out, title.end(), infobox_end, television)
        if lead < 0:
            return
        body_end = self._body_end(text, lead)
        lead_end = text.find("\n\n", lead)
        lead_end = body_end if lead_end < 0 else min(lead_end, body_end)
        add_lead_sentence(out, lead, text.find("\n", lead), country=True)
        first = lead_sentence(text, lead, lead_end)
        if first:
            add_credit_prose(out, *first)
            # the lead's later paragraphs too: its section ends at the first section break
            # (without one, at its first paragraph's end)
            lead_section = _SECTION_BREAK.search(text, first[1], body_end)
            add_cast_prose(out, first[1], lead_section.start() if lead_section else lead_end)
        plot = self._plot(text, lead, body_end)
        # Prose outside the plot: the plot's sums and dates belong to its story.
        parts = [(lead, plot[0]), (plot[1], body_end)] if plot else [(lead, body_end)]
        parts = _without_other_films(text, parts, out.values("year"), out.values("title"))
        parts = _without_sequel_sections(text, parts, out.values("year"))
        parts = _without_earlier_releases(text, parts, out.values("year"))
        parts = _without_album_boxes(text, parts)
        for s, e in parts:
            add_release_prose(out, s, e)
            if television:
                add_broadcast_prose(out, s, e)
            add_home_media_prose(out, s, e)
            add_aggregator_prose(out, s, e)
            add_money_prose(out, s, e)
            self._prose(out, s, e)
        settle_runs(out)
        cast = self._cast_section(out, lead_end, body_end)
        if plot:
            add_characters(out, *plot, cast, cased=True)

    def _body_end(self, text: str, start: int) -> int:
        """Where the first of `_BODY_HEADINGS` opens a line (and ends a word), at or after
        `start`: each found by `str.find` (a pattern for them tries every capital S, R, F, E
        of the article)."""
        end = len(text)
        for heading in _BODY_HEADINGS:
            p = text.find(heading, start, end)
            while p >= 0:
                after = p + len(heading)
                if (p == 0 or text[p - 1] == "\n") and not word_at(text, after):
                    end = p
                    break
                p = text.find(heading, p + 1, end)
        return end

    def _infobox(self, out: Collector, start: int, end: int, television: bool = False) -> None:
        text = out.view.text
        labels = list(_LABEL_LINE.finditer(text, start, end))
        for i, m in enumerate(labels):
            stop = labels[i + 1].start() if i + 1 < len(labels) else end
            kind = _LABELS[m["label"]]
            values = self._values(text, m, stop)
            for s, e in values:
                self._infobox_value(out, kind, m["label"], s, e, television)

    def _values(self, text: str, m: re.Match[str], stop: int) -> list[tuple[int, int]]:
        """The label's value glued on its line, or the bullet / plain lines under it."""
        if m["label"] == "Based on" and " by " in m["v"]:  # "Based onX by Y" on one line
            s = m.start("v") + m["v"].rindex(" by ") + 1
            return [(s, m.start("v") + len(m["v"].rstrip()))]
        if m["v"].strip() and m["label"] != "Based on":
            s = m.start("v") + len(m["v"]) - len(m["v"].lstrip())
            return [(s, m.start("v") + len(m["v"].rstrip()))]
        spans = []
        # The lines after the label's (a line's match never leaves it: a scan from the label
        # line's end finds what one from the text's start finds after it).
        for line in _VALUE_LINE.finditer(text, m.end(), stop):
            spans.append((line.start("v"), line.end("v")))
        return spans

    def _infobox_value(
        self, out: Collector, kind: str, label: str, s: int, e: int, television: bool = False
    ) -> None:
        text = out.view.text
        raw = _REF.sub("", text[s:e]).strip()
        e = s + len(text[s:e].split("[")[0].rstrip()) if "[" in text[s:e] else e
        if kind in _EXTRACTED:
            q = None
            if kind == "writers" and label != "Written by":
                q = label.removesuffix(" by").lower().removesuffix("s")  # "dialogue"
            if kind in ("country", "language", "genres"):
                add_names(out, kind, s, e)
                return
            # "A, B, C" on one line; "Company (United Kingdom)": the region qualifies it.
            # a writing team's "A & B" is two writers
            # (and so is a co-direction's "A & B": any list of people)
            sep = _TEAM_SEP if kind == "writers" or kind in PEOPLE else r"\s*,\s*(?![^()]*\))"
            for vs, ve in split_items(text, s, e, sep=sep):
                value = _REF.sub("", text[vs:ve]).strip()
                region = _REGION.fullmatch(value)
                if region and kind == "distributor":
                    ne = vs + text[vs:ve].index("(")
                    ne = vs + len(text[vs:ne].rstrip())
                    # "(2010 restoration)", "(re-release)": a note that names no region;
                    # "(2004 restoration, France)": the part that names one
                    parts = [p.strip() for p in region["r"].split(",")]
                    where = next((canonical_country(p) for p in parts if is_country(p)), None)
                    out.add(kind, vs, ne, clean(region["n"]), where)
                else:
                    out.add(kind, vs, ve, clean(value), qualifier=q)
        elif kind == "based on":
            by = re.match(r"by (?P<n>.+)", raw)
            if by:
                out.add("writers", s + 3, e, clean(by["n"]), qualifier="based on")
        elif kind == "release_date":
            d = DATE_IN_TEXT.search(text, s, e)
            if d:
                notes = [region_country(n.strip()) for n in _PARENS.findall(text[d.end() : e])]
                disc = next(filter(None, map(_DISC_NOTE.fullmatch, notes)), None)
                if disc:  # "October 2, 2007 (DVD)": a film released on disc, that disc's date
                    media = "dvd_release" if disc["f"].upper() == "DVD" else "vhs_release"
                    add_date(out, media, d.start(), d.end(), None)
                    return
                if any(UNFINISHED_CUT.search(n) for n in notes):
                    return  # "October 14, 1983 (workprint)": a rough cut shown, no release
                kinds = [n for n in notes if n.lower() in RELEASE_KINDS]
                # "(Cannes)", "(TIFF)", "(Los Angeles premiere)": a festival or a premiere.
                kinds += [
                    "premiere"
                    for n in notes
                    if n not in kinds
                    and (is_festival(n) or re.search(r"(?i)\bpremiere\b", n) or _festival(text, n))
                ]
                # "(Canada)", not "(New York City)": a city is no country.
                places = [n for n in notes if n not in kinds and is_country(n)]
                add_date(
                    out,
                    "release_date",
                    d.start(),
                    d.end(),
                    release_qualifier(places[0] if places else None, kinds[0] if kinds else None),
                )
        elif kind == "runtime":
            minutes = parse_duration(raw)
            # "107 minutes (theatrical)", one line per cut: the note names the cut.
            d = DURATION_IN_TEXT.match(text, s, e) if minutes is None else None
            note = None
            if d and _PARENS.fullmatch(text[d.end() : e].strip()):
                if WITH_COMMERCIALS.search(text, d.end(), e):
                    return  # "120 minutes (with commercials)": the broadcast's slot
                note = runtime_version(text[d.end() : e], television)
                s, e, minutes = d.start(), d.end(), parse_duration(d[0])
            out.add("runtime", s, e, minutes, note)
        elif kind in ("budget", "gross"):
            # the value's slice: a label glued to it ("BudgetDM 4.8 million") is no letter
            # before an abbreviation that must stand as a word of its own
            # "est. ₹589 crore": an estimate's mark before the amount
            mark = _ESTIMATE_MARK.match(text, s, e)
            s = mark.end() if mark else s
            money = MONEY_IN_TEXT.match(text[s:e])
            if money:
                add_money(out, kind, s + money.start(), s + money.end(), estimated=bool(mark))

    def _prose(self, out: Collector, start: int, end: int) -> None:
        text = out.view.text
        # A match at or after `start` holds the phrase after `start`. What a scan of text[:end]
        # finds: every match holds the phrase and lies in one stretch of words, spaces and
        # `.&/'-`, so only the stretches that hold the phrase are scanned, each from its start.
        at = text.find(_PHRASE, 0, end) if text.find(_PHRASE, start, end) >= 0 else -1
        while at >= 0:
            a = at
            while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "_.&/'- "):
                a -= 1
            outside = _OUTSIDE_STRETCH.search(text, at, end)
            b = outside.start() if outside else end
            for m in _DISTRIBUTED_THE_FILM.finditer(text, a, b):
                if m.start() >= start:
                    out.add_group(
                        "distributor", m, "d", clean(m["d"]), qualifier=canonical_country(m["r"])
                    )
            at = text.find(_PHRASE, b, end)
        for at in (g.start() for g in _GAVE_AT.finditer(text, start, end)):
            m = _GAVE_RELEASE.match(text, at, end)
            if not m or not is_country(m["r"]):
                continue
            subject = _SUBJECT.search(text, max(start, at - 200), at)
            stop = text.find(".", m.end(), end)
            if subject and not HOME_MEDIA_WORDS.search(text, m.end(), stop if stop >= 0 else end):
                q = canonical_country(m["r"])
                out.add("distributor", subject.start("d"), subject.end("d"), subject["d"], q)
        for s, e in sentences_with(text, start, end, _THROUGH):
            m = _RELEASED_THROUGH.search(text, s, e)
            if m and is_country(m["r"]) and not HOME_MEDIA_WORDS.search(text, s, e):
                out.add_group("distributor", m, "d", m["d"], qualifier=canonical_country(m["r"]))
        add_distributed_by_prose(out, start, end)

    def _plot(self, text: str, lead: int, end: int) -> tuple[int, int] | None:
        """The first section after the lead: sections are parted by two or more blank lines."""
        for m in _SECTION_BREAK.finditer(text[:end]):
            if m.start() <= lead:
                continue
            nxt = re.search(r"\n[ \t]*\n(?:[ \t]*\n)+", text[m.end() : end])
            stop = m.end() + nxt.start() if nxt else end
            # A heading line between blank lines ("Cast") ends the plot too; in a section headed
            # "Plot", only a heading of another section does: the others ("Framing story",
            # '"The Red Door"', "Part one") are the plot's own subsections.
            section = text[m.end() : stop]
            headed = _PLOT_HEADING.match(section)
            for heading in _HEADING_LINE.finditer(section, headed.end() if headed else 0):
                words = heading["h"].strip('"“” ').lower().split()
                if not headed or (words and words[0] in _SECTION_WORDS):
                    return m.end(), m.end() + heading.start()
            return m.end(), stop
        return None

    def _cast_section(self, out: Collector, start: int, end: int) -> list[str]:
        """A Cast section: three or more lines in a row of "Actor as Character[, note]" or, as
        dub casts are listed, "Character (voiced by Actor)"; short heading lines between them
        (an anthology's '"The Red Door"', "Framing story") allowed."""
        text = out.view.text
        lines = _cast_lines(text, start, end)
        role_first = _role_first_lines(text, start, end)
        if role_first:
            lines = sorted(lines + role_first, key=_opens)
        voices = _voice_lines(text, start, end)
        if voices:  # a voice line read as "Actor as Role" too gives its voice reading alone
            taken = {m.start() for m in voices}
            lines = sorted([m for m in lines if m.start() not in taken] + voices, key=_opens)
        block: list[re.Match[str]] = []
        blocks = []
        for m in lines:
            gap = text[block[-1].end() : m.start()] if block else ""
            if gap.strip() and not all(
                _SUBHEADING.fullmatch(g) or _SUB_BULLET.match(g)
                for g in gap.strip().split("\n")
                if g.strip()
            ):
                blocks.append(block)
                block = []
            block.append(m)
        blocks.append(block)
        characters = []
        for b in blocks:
            if len(b) < 3:
                continue
            for m in b:
                role = clean(_REF.sub("", m["c"]))
                role = re.sub(r"^both (?=.+ and )", "", role)  # "as both Jo and the Twin"
                credit = _CREDITED_AS.search(m.group())
                for actor in _actors(clean(m["a"])):
                    value = {"actor": actor, "character": role}
                    if credit:
                        value["credited_as"] = clean(credit["as"])
                    out.add("cast", _opens(m), max(m.end("a"), m.end("c")), value)
                characters.append(role)
        return characters + _voiced_by_entries(out, start, end)


# A paragraph whose subject is another film: "The original X was ...", "The 1961 film ...",
# or a later film named in apposition: "An American remake, X, ...", "A sequel, X (2006), ...",
# a version in another language shot beside this one, after an opening phrase or not ("As was
# usual then, a French-language version, X, was filmed ...": its own director, cast and dates).
_OTHER_FILM_PARAGRAPH = re.compile(
    r"^(?:In (?:1[89]|20)\d\d, )?(?:The|Its) (?:(?P<y>(?:1[89]|20)\d\d)|original|earlier|first"
    r"|previous)(?: (?:film|version|picture|movie|adaptation)\b|(?<![0-9]) (?=[A-Z]))"
    r"|^(?:An?|The|Its) (?:[\w-]+ ){0,3}?(?:remake|sequel|prequel|spin-off|follow-up), "
    r"(?=[A-Z0-9])"
    r"|^(?:[A-Z][^,.\n]{0,60}, (?=[a-z]))?(?:[Aa]n?|[Tt]he|[Ii]ts) (?:[\w-]+ ){0,2}?"
    r"[A-Z][a-z]+(?:-language)? version, (?=[A-Z0-9])",
    _M,
)


# A sentence whose subject is another film named with its year: "Her previous feature, X
# (2011), opened ...", "The studio's first film, X (2009), grossed ...": a possessive, or a
# determiner and an order word, a film noun, then a title and its year in parentheses. ("The
# film, a remake of X (1961), ..." is this film: no order word.)
_OTHER_FILM_SENTENCE = re.compile(
    # (a name of at most eight words: unbounded, a line of "J. J. J. ..." was tried to its end
    # from each of its sentence openings)
    r"(?:(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,7}['\u2019]s? (?:[a-z'\u2019-]+ ){0,3}?"
    r"|(?:The|Its|His|Her|Their) (?:[a-z'\u2019-]+ ){0,2}?"
    r"(?:previous|earlier|prior|first|last|next|debut|other) (?:[a-z-]+ ){0,2}?)"
    r"(?:film|feature|picture|movie)\b[^.;()]{0,80}?"
    r"\((?P<y>(?:1[89]|20)\d\d)\)"
    # or a film that is another by its noun: "A direct-to-video sequel, X (1998), was ..."
    r"|(?:An?|The|Its) (?:[a-z'\u2019-]+ ){0,2}?(?:sequel|prequel|spin-off|follow-up)\b"
    r"[^.;()]{0,80}?\((?P<y2>(?:1[89]|20)\d\d)\)"
    # or, mid-paragraph, a series' earlier film as the subject ("The first film had grossed
    # $78M"); "The first film to ..." is this film
    r"|(?:The|Its) (?:original|earlier|first|previous|prior) (?:film|picture|movie)\b(?! to\b)"
    # or another film's title and year as the subject, after a possessive or none ("The
    # studio's own X (1974), about ..., grossed ...", "X II (1977), released on ..., was ...")
    r"|(?:[A-Z][\w.-]*['\u2019]s? (?:[a-z]+ )?)?[A-Z0-9][\w'\u2019.!:-]*"
    r"(?: (?:[A-Z0-9][\w'\u2019.!:-]*|of|the|at|in|on|and|a|an|to|for)){0,7}"
    r" \((?P<y3>(?:1[89]|20)\d\d)\),? )",
    _M,
)
_SENTENCE_END = re.compile(r"[.!?](?:\[\w{1,3}\])*(?=\s|$)")
# Where a sentence may open: after a line break, or after "[.!?] " or "] " (a footnote mark).
_SENTENCE_BREAK = re.compile(r"\n|[.!?\]] ")
_OPENERS = {". ", "! ", "? ", "] "}  # the two characters before a sentence that opens


def _other_film_sentences(
    text: str, s: int, e: int, pattern: re.Pattern[str] = _OTHER_FILM_SENTENCE
):
    """`pattern` matched where a sentence may open, left to right and not overlapping, as a
    scan that opened on a look behind would (tried at every character, that scan was the most
    of this page's extraction)."""
    opens = [s] if s == 0 or text[s - 1] == "\n" or text[s - 2 : s] in _OPENERS else []
    # a break of two characters may straddle s
    opens += [m.end() for m in _SENTENCE_BREAK.finditer(text, max(s - 1, 0), e) if m.end() > s]
    end = s
    for at in opens:
        if at < end:
            continue
        m = pattern.match(text, at, e)
        if m is not None:
            yield m
            end = m.end()



def _without_other_films(
    text: str, parts: list[tuple[int, int]], years: list, titles: tuple | list = ()
) -> list[tuple[int, int]]:
    """The prose stretches less each paragraph about another film (a remake's original, a
    sequel's first film) and each sentence whose subject is another film of another year:
    its dates, sums and credits are that film's. A relative clause on a film of this film's
    year is another's too, unless the title before its year is this film's."""
    out = []
    for s, e in parts:
        for m in _OTHER_FILM_PARAGRAPH.finditer(text, s, e):
            if m["y"] and int(m["y"]) in years:
                continue  # "The 1998 film" in the 1998 film's article is this one
            stop = text.find("\n", m.end(), e)
            out.append((s, m.start()))
            s = e if stop < 0 else stop
        out.append((s, e))
    cut = []
    for s, e in out:
        for m in _other_film_sentences(text, s, e):
            year = m["y"] or m["y2"] or m["y3"]
            if m.start() < s or (year and int(year) in years):
                continue
            stop = _SENTENCE_END.search(text, m.end(), e)
            cut.append((s, m.start()))
            s = e if stop is None else stop.end()
        cut.append((s, e))
    clauses = []
    for s, e in cut:
        for m in _OTHER_FILM_CLAUSE.finditer(text, s, e):
            if m.start() < s or (int(m["y"]) in years and ends_on_title(text, m.start(), titles)):
                continue
            stop = _SENTENCE_END.search(text, m.end(), e)
            clauses.append((s, m.start()))
            s = e if stop is None else stop.end()
        clauses.append((s, e))
    subject = _other_titled_subject(text, parts, titles)
    if subject is None:
        return [(s, e) for s, e in clauses if s < e]
    titled = []
    for s, e in clauses:
        for m in _other_film_sentences(text, s, e, subject):
            stop = _SENTENCE_END.search(text, m.end(), e)
            titled.append((s, m.start()))
            s = e if stop is None else stop.end()
        titled.append((s, e))
    return [(s, e) for s, e in titled if s < e]


# A film the page names with its year in parentheses ("Blade of the Steppe (2017)"): the
# title read backwards from each year's parentheses (a scan for titles tried every capital).
_YEAR_PARENS = re.compile(r" \((?:1[89]|20)\d\d\)")
_TITLE_BEFORE_YEAR = re.compile(
    r"(?<![\w'’:!?-])[A-Z][\w'’:!?-]*(?: (?:[A-Z0-9][\w'’:!?-]*|of|the|and|a|an|in|on|to|for|at"
    r"|with|from)){0,7}$"
)


def _other_titled_subject(
    text: str, parts: list[tuple[int, int]], titles: tuple | list
) -> re.Pattern[str] | None:
    """A sentence opening (after a fronted phrase or not: "By comparison, X, the previous
    record holder, had opened with ...") on another film the page names elsewhere with its
    year: that film's sentence, its dates and sums none of this film's."""
    own = {t.casefold() for t in titles if t}
    others = {
        t[0]
        for s, e in parts
        for y in _YEAR_PARENS.finditer(text, s, e)
        if (t := _TITLE_BEFORE_YEAR.search(text, max(s, y.start() - 120), y.start()))
        and t[0].casefold() not in own
        and " " in t[0]
    }
    if not others:
        return None
    names = "|".join(re.escape(t) for t in sorted(others, key=len, reverse=True))
    return re.compile(rf"(?:[A-Z][^,.;\n]{{0,40}}, )?(?:{names})(?=,| \(| [a-z])")


# The headings of a section about the series' other films ("Sequel", "Future", "Spin-off"):
# a section that dates, credits and sums those films, whatever its sentences' subjects.
_OTHER_FILMS_SECTION = frozenset(
    "sequel sequels prequel prequels future follow-up spin-off spin-offs".split()
)
# A heading that names another version of the story: a remake's "Original film", "Relation to
# the 1958 film", "Comparison with the original version" (a year not this film's).
_OTHER_VERSION_HEADING = re.compile(
    r"\b(?:(?P<y>(?:1[89]|20)\d\d)|[Oo]riginal) (?:film|version|picture|movie)\b"
)


def _other_films_heading(heading: str, years: list) -> bool:
    """Whether a section so headed is about another film of the story, not this one."""
    words = heading.lower().split()
    if words and words[0] in _OTHER_FILMS_SECTION:
        return True
    m = _OTHER_VERSION_HEADING.search(heading)
    return m is not None and not (m["y"] and int(m["y"]) in years)


def _without_sequel_sections(
    text: str, parts: list[tuple[int, int]], years: list
) -> list[tuple[int, int]]:
    """The prose stretches less each section headed as another film of the series or the
    story (a sequel, a remake's original), from its heading to the next heading (or the
    stretch's end)."""
    out = []
    for s, e in parts:
        headings = list(_HEADING_LINE.finditer(text, s, e))
        for i, m in enumerate(headings):
            if m.start() < s or not _other_films_heading(m["h"], years):
                continue
            out.append((s, m.start("h")))
            s = headings[i + 1].start() if i + 1 < len(headings) else e
        out.append((s, e))
    return [(s, e) for s, e in out if s < e]


_ESTIMATE_MARK = re.compile(r"(?:est\.|estimated|approx\.|approximately|~)\s*", re.I)
# The infobox of the film's album inside its Music section ("Soundtrack album by X", then its
# "Released", "Length", "Label" lines up to the blank line): the album's dates, not the film's.
_ALBUM_BOX = re.compile(
    r"^(?:Soundtrack|Studio|Compilation|Live|Remix) album by [^\n]*\n(?:[^\n]*\S[^\n]*\n)*", _M
)


def _without_album_boxes(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The prose stretches less each album infobox they hold."""
    out = []
    for s, e in parts:
        for m in _ALBUM_BOX.finditer(text, s, e):
            out.append((s, m.start()))
            s = m.end()
        out.append((s, e))
    return [(s, e) for s, e in out if s < e]


# A year's four digits, opened on its first (sre skips ahead to a class; a date pattern tried
# over a long article was a fifth of its extraction): each an earlier year's date's end or not.
_YEAR_DIGITS = re.compile(r"[12]\d\d\d")


def _without_earlier_releases(
    text: str, parts: list[tuple[int, int]], years: list
) -> list[tuple[int, int]]:
    """The prose stretches less each release dated two years or more before the film's own
    year, from its sentence to its paragraph's end: a film is not released before it is made,
    so that release is another film's (a remake's original, "Osterhagen's film opened in
    American cinemas on May 2, 1958"), and the sentences after it in its paragraph tell that
    film's story ("Made for $388,150, it grossed $1.9 million")."""
    if not years:
        return parts
    first = min(years)
    out = []
    for s, e in parts:
        for y in _YEAR_DIGITS.finditer(text, s, e):
            if y.start() < s or not 1800 <= int(y.group()) < first - 1 or word_at(text, y.end()):
                continue
            window = DATE_IN_TEXT.finditer(text, max(s, y.start() - 24), y.end())
            d = next((d for d in window if d.end() == y.end()), None)  # a day's date, the year
            if d is None:
                continue
            opening = max(text.rfind(". ", s, d.start()) + 2, text.rfind("\n", s, d.start()) + 1, s)
            if not _RELEASE_VERB.search(text, opening, d.start()):
                continue
            stop = text.find("\n", d.end(), e)
            out.append((s, opening))
            s = e if stop < 0 else stop
        out.append((s, e))
    return [(s, e) for s, e in out if s < e]


# An anime article's cast entry: a role's bullet (its name in Japanese after it in parentheses)
# and the next line "Voiced by: A (Japanese); B (English)": each voice a cast claim of the role.
_VOICED_BY_ENTRY = re.compile(
    r"^[ \t]*•[ \t]*(?P<c>[A-Z][^\n(\[,;:]*?)[ \t]*(?:\([^\n]*\))?[ \t]*\n"
    r"[ \t]*(?:Voiced|Played|Portrayed) by:?[ \t]*(?P<v>[^\n]+)$",
    _M,
)
_VOICE = re.compile(
    rf"(?P<a>[{_UPPER}][\w{_MARKS}'’.-]*(?: [{_UPPER}][\w{_MARKS}'’.-]*){{0,3}})[ \t]*"
    r"(?:\([^()\n]*\))?(?:\[\w{1,3}\])*[ \t]*(?:[;,]|and\b|$)"
)


def _voiced_by_entries(out: Collector, start: int, end: int) -> list[str]:
    """The cast of "• Role (its Japanese name)" bullets each followed by a "Voiced by: A
    (Japanese); B (English)" line, three or more in the section: a claim per voice."""
    text = out.view.text
    entries = list(_VOICED_BY_ENTRY.finditer(text, start, end))
    if len(entries) < 3:
        return []
    roles = []
    for m in entries:
        role = clean(m["c"])
        for v in _VOICE.finditer(text, m.start("v"), m.end("v")):
            out.add("cast", m.start("c"), v.end("a"), {"actor": v["a"], "character": role})
        roles.append(role)
    return roles


# A relative clause on another film named with its year, mid-sentence: "while finishing X (2003),
# which opened in Canada on ...": the clause's dates and sums are that film's.
_OTHER_FILM_CLAUSE = re.compile(r"\((?P<y>(?:1[89]|20)\d\d)\),? (?:which|that|whose) ")


def _actors(actor: str) -> list[str]:
    """The people a cast line's credit names: "Gus and Pete Moss" (siblings sharing one
    surname, in one role) is Gus Moss and Pete Moss; any other credit is one person."""
    m = _SHARED_SURNAME.fullmatch(actor)
    return [f"{m['f']} {m['s']}", f"{m['g']} {m['s']}"] if m else [actor]


def _opens(m: re.Match[str]) -> int:
    """Where a cast line's credit opens: its actor, or its role when the role comes first."""
    return min(m.start("a"), m.start("c"))


def _role_first_lines(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The "Role (voiced by Actor)" lines, tried only at the start of a line that holds
    "(voiced by" / "(played by" / "(portrayed by" (as `_cast_lines` tries " as " lines)."""
    found: dict[int, re.Match[str]] = {}  # by line: a line may hold two of the words
    for word in ("(voiced by ", "(played by ", "(portrayed by "):
        q = text.find(word, start, end)
        while q >= 0:
            ls = text.rfind("\n", 0, q) + 1
            m = _ROLE_BY_LINE.match(text, ls, end) if ls >= start else None
            if m is not None:
                found[ls] = m
            nl = text.find("\n", q, end)
            q = text.find(word, nl, end) if nl >= 0 else -1
    return list(found.values())


def _voice_lines(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The `_VOICE_LINE` lines, tried only at the start of a line that holds " voice "."""
    found = []
    q = text.find(" voice", start, end)
    while q >= 0:
        ls = text.rfind("\n", 0, q) + 1
        m = _VOICE_LINE.match(text, ls, end) if ls >= start else None
        if m is not None:
            found.append(m)
        nl = text.find("\n", q, end)
        q = text.find(" voice", nl, end) if nl >= 0 else -1
    return found


def _cast_lines(text: str, start: int, end: int) -> list[re.Match[str]]:
    """`list(_CAST_LINE.finditer(text, start, end))`, tried only at the start of each line
    that holds " as " (every match does, and opens a line): sre tries a pattern that opens on
    `^` at every position of the article."""
    found = []
    line = -1
    q = text.find(" as ", start, end)
    while q >= 0:
        ls = text.rfind("\n", 0, q) + 1
        if ls > line and ls >= start:  # a line's start before `start` is none a scan sees
            m = _CAST_LINE.match(text, ls, end)
            if m is not None:
                found.append(m)
        line = ls
        nl = text.find("\n", q, end)
        if nl < 0:
            break
        q = text.find(" as ", nl, end)
    return found


# What follows the title at the start of the lead: "Title is a ...", "Title (French: ...; also
# known as ...) is a ...", "Title was a ...", and a lower-case apposition between commas before
# the verb ("Title (French: ...), released in the United States as X, is a ...").
_AFTER_TITLE = re.compile(r"(?: \([^\n]{0,200}?\))?(?:, [a-z][^\n,]{0,100},)?,? (?:is|was) an? ")


def _lead(text: str, title: str, start: int) -> int:
    """Where the lead opens at or after `start`: a line that opens on the title and goes on as
    `_AFTER_TITLE`; -1 if none does. The title's places by `str.find` (a pattern made of it
    would be compiled again for every page, and scanned for at every position)."""
    p = text.find(title, start)
    while p >= 0:
        if (p == 0 or text[p - 1] == "\n") and _AFTER_TITLE.match(text, p + len(title)):
            return p
        p = text.find(title, p + 1)
    return -1


# "• Ada Brook as Jo "Ace" Vance, a smuggler"; "• Ada Brook in a dual role as Jo and Kit Vance";
# "• Ada Brook (also credited as Ada Bruk) as Jo Vance": a credit note after the actor
# A nickname in quotes inside a name, as Thai and other pages give it ('Ada "Dee" Brook')
_NICKNAME = r'["“][\w\'’.-]+(?: [\w\'’.-]+)?["”]'
# Lower-case particles inside a name, which no word limit counts ("Rosa Vidal de la Fuente")
_NAME_PARTICLES = r"(?:(?:de|del|la|las|los|y|i|van|von|der|den|da|das|do|dos|du|di) )*"
_CAST_LINE = re.compile(
    rf"^[ \t]*(?:•[ \t]*)?(?P<a>[{_UPPER}][\w{_MARKS}'’.-]*"
    rf"(?: {_NAME_PARTICLES}(?:[\w{_MARKS}'’.-]+|{_NICKNAME})){{0,3}}?)"
    r"(?: \((?:also )?(?:credited )?as [^()\n]+\))?"
    r"(?: in (?:a |the )?(?:dual|double|twin|triple) roles?)? as "
    r"(?P<c>[^\n,;:(\[]+?)(?=[ \t]*(?:[,;:(\[]|\n|$)|(?:\[\w{1,3}\])+)[^\n]*$",
    _M,
)

# "• Pip (voiced by Ada Brook)", "• The Frost Queen (played by Ada Brook), a note"
_ROLE_BY_LINE = re.compile(
    r"^[ \t]*(?:•[ \t]*)?(?P<c>[A-Z][^\n,;:(\[]*?)[ \t]*"
    r"\((?:voiced|played|portrayed) by (?P<a>[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}?)\)[^\n]*$",
    _M,
)

# A second voice of a role, often a sub-bullet under its speaking voice's line: "◦ Ada Brook
# provides Pip's singing voice", "Ada Brook as the Frost Queen's singing voice", "Ada Brook
# provides the speaking voice of Pip": the actor and the role, the voice words no part of it.
_VOICE_LINE = re.compile(
    r"^[ \t]*(?:[•◦][ \t]*)?(?P<a>[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}?) (?:provides|provided|as) "
    r"(?:the (?P<w>singing|speaking) voice (?:of|for) )?"
    r"(?P<c>(?:the )?[A-Z][^\n,;:(\[]*?)(?(w)|['’]s? (?:singing|speaking) voice)"
    r"(?=[ \t]*(?:[,;:(\[.]|\n|$)|(?:\[\w{1,3}\])+)[^\n]*$",
    _M,
)
_SHARED_SURNAME = re.compile(
    r"(?P<f>[A-Z][\w'’.-]*) and (?P<g>[A-Z][\w'’.-]*) (?P<s>[A-Z][\w'’.-]*)"
)
# Sections are parted by two or more blank lines.
_SECTION_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# A sub-bullet under a cast line (a note, a second voice): no break in the cast list.
_SUB_BULLET = re.compile(r"[ \t]*◦")
# A group's heading inside a section: '"The Red Door"', "Framing story", "Part two".
_SUBHEADING = re.compile(r"[ \t]*[\"“]?[A-Z][^\n.:•]{0,40}?[\"”]?[ \t]*")
# A line alone between blank lines: a section's heading.
_HEADING_LINE = re.compile(r"\n[ \t]*\n(?P<h>[A-Z\"“][^\n.:]{0,40})\n[ \t]*\n")
_PLOT_HEADING = re.compile(r"[ \t]*(?:Plot|Plot summary|Synopsis|Premise|Summary)[ \t]*\n")
# The first words of the headings of a film article's other sections (MOS:FILM and its usual
# variants): in a section headed "Plot", the heading that ends it.
_SECTION_WORDS = frozenset(
    "cast characters crew production development pre-production casting filming principal "
    "post-production music soundtrack score release releases distribution marketing box "
    "reception critical response accolades awards home legacy influence themes analysis style "
    "historical accuracy controversy controversies sequel sequels remake remakes adaptations "
    "differences background segments notes references see external further trivia".split()
)


def _festival(text: str, note: str) -> bool:
    """An infobox release note that is the name of a festival the page names in full ("(Adelaide)"
    where the prose says "premiered at the Adelaide Film Festival"), or the place of the
    premiere the prose names ("(Porto)" beside "premiered at the X Theatre in Porto"): a
    premiere."""
    if not re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}", note) or is_country(note):
        return False
    name = re.escape(note)
    return re.search(
        rf"\b{name}(?: [A-Z][\w'’-]*){{0,2}} (?:Film |Movie )?Festival\b"
        rf"|\bpremiere[ds]?\b[^.;]{{0,80}}? in {name}\b",
        text,
    ) is not None


_REGION = re.compile(r"(?P<n>.+?)\s*\((?P<r>[^)]+)\)")  # "Company (United Kingdom)"
_CREDITED_AS = re.compile(r"\((?:also )?(?:credited )?as (?P<as>[^)]+)\)")
