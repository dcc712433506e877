"""Rotten Tomatoes reviews page: a short info block, sidebars about other films, user reviews."""

from __future__ import annotations

import re

from auditor.extract.base import Adapter, Collector, find, opens_line, split_items
from auditor.extract.common import (
    add_characters,
    add_date,
    add_money,
    add_names,
    add_user_mentions,
    cast_characters,
    mpaa_value,
    release_qualifier,
)
from auditor.normalize.counts import parse_count
from auditor.normalize.dates import DATE_IN_TEXT
from auditor.normalize.durations import DURATION_IN_TEXT, parse_duration
from auditor.normalize.genres import is_genre
from auditor.normalize.names import clean
from auditor.normalize.scores import parse_score
from auditor.textview import TextView

_M = re.M
_PAGE = re.compile(opens_line("P", r"age \d+ of \d+[ \t]*$"), _M)
# A list item's mark: the page's "•", or how other text captures draw it ("*", "+", "o", "-")
_MARK = r"(?:[•*+·▪◦‣]|[o-](?=[ \t]))"
_BULLET = re.compile(rf"^[ \t]*{_MARK}[ \t]*(?P<v>[^\n]*?)[ \t]*$", _M)
# An older page puts the Tomatometer between the heading and the pages: "TOMATOMETER", "All
# Critics | Top Critics", "88%", "Average Rating: 7.1/10", "Reviews Counted: 8", "Fresh: 7 | ...";
# the heading still opens the pages there.
_HEADING = re.compile(
    r"^(?P<t>[^\n]+?) Reviews[ \t]*\n"
    r"(?:\s*TOMATOMETER\b[^\n]*\n(?:(?![ \t]*Page \d)[^\n]*\n){1,8}?)?"
    r"\s*Page \d+ of \d+",
    _M,
)
# "MOVIE INFO", a blank line, then the film's summary paragraph (the labelled lines follow)
_SYNOPSIS = re.compile(r"[ \t]*MOVIE INFO[ \t]*\n[ \t]*\n(?P<s>[^\n]+)\n")
_LABELLED = re.compile(
    rf"^[ \t]*(?:{_MARK}[ \t]*)?"
    r"(?P<label>Rating|Genres?|Directed By|Written By|In Theaters|On DVD|On Disc/Streaming|"
    r"Box Office(?: \(Gross [A-Za-z. ]+\))?|"
    r"Runtime|Studio|Distributor|Production Co|Director|Writer|Producer|"
    r"Original Language|(?:Rer|R)elease Date \((?:Theaters|Streaming)\)):"
    rf"(?:[ \t]*\n(?P<v>(?:(?![ \t]*{_MARK})[ \t]*[^\n:•]+\n)+?)"
    rf"(?=[ \t]*(?:[A-Z][\w /]+:[ \t]*\n|{_MARK}|\n))"
    r"|[ \t]+(?P<same>[^\n]+?)[ \t]*$)",
    _M,
)


# "TOMATOMETER" and its lines up to the next blank line ("AUDIENCE SCORE" follows one).
_TOMATOMETER = re.compile(r"^[ \t]*TOMATOMETER[ \t]*\n(?P<b>(?:[ \t]*[^\s][^\n]*\n?)+)", _M)
_SCORE_LINE = re.compile(
    r"^[ \t]*(?:(?P<pct>\d{1,3})%[ \t]*$"
    r"|Average Rating:[ \t]*(?P<avg>\d+(?:\.\d+)?)/(?P<scale>\d+)"
    r"|Reviews Counted:[ \t]*(?P<n>\d[\d,]*))",
    _M,
)
_AVERAGE = "rottentomatoes average"
# The 2020s page's "Cast & Crew": a name a line, then its role or the crew job a line
_CAST_CREW = re.compile(r"^[ \t]*Cast & Crew[ \t]*\n[ \t]*\n(?P<b>(?:[ \t]*\S[^\n]*\n)+)", _M)
_PAIR = re.compile(r"^[ \t]*(?P<a>\S[^\n]*?)[ \t]*\n[ \t]*(?P<r>\S[^\n]*?)[ \t]*$", _M)
# A crew job and the attribute it credits; a job not listed here ("Original Music",
# "Casting") credits none, a role not a job is the actor's character
_JOBS = {
    "Director": "director", "Screenwriter": "writers", "Writer": "writers",
    "Producer": "producers", "Cinematographer": "cinematographer", "Film Editor": "editor",
}
_OTHER_JOB = re.compile(
    r"(?:Executive |Co-|Associate |Line )Producer|Original Music|Music|Composer|Casting|"
    r"Production Design|Art Direct(?:ion|or)|Set Decoration|Costume Design|Editor|"
    r"Makeup|Visual Effects|Sound|Stunts?",
)


class RottenTomatoes(Adapter):
    name = "rottentomatoes"
    description = "Rotten Tomatoes reviews page"
    footer = re.compile(r"^Help \| About \| Jobs\b", _M)

    def recognise(self, view: TextView) -> bool:
        t = view.text  # the cheap tests first: every other page is tried here too
        return ("In Theaters:" in t or "Top Box Office" in t) and bool(_HEADING.search(t))

    def extract(self, view: TextView, out: Collector) -> None:
        text = view.text
        heading = find(_HEADING, text)
        if heading:
            out.add_group("title", heading, "t", clean(heading["t"]))
        info_end = text.find("\n\n\n")
        info_end = info_end + 2 if info_end >= 0 else (heading.start() if heading else len(text))
        self._info(out, 0, info_end)
        # the panel sits above the reviews' heading, or (older pages) between it and the pages
        panel = "TOMATOMETER" in text and find(
            _TOMATOMETER, text, 0, heading.end() if heading else len(text)
        )
        if panel:
            self._tomatometer(out, panel)
        crew = find(_CAST_CREW, text, 0, heading.start() if heading else len(text))
        if crew:
            self._cast_crew(out, crew.start("b"), crew.end("b"))
        synopsis = _SYNOPSIS.match(text)  # the 2020s MOVIE INFO's summary, above its labels
        if synopsis:  # its one-word names are told from words by the Cast & Crew's roles
            s, e = synopsis.start("s"), synopsis.end("s")
            add_characters(out, s, e, cast_characters(out), cased=True)
        if heading:
            pages = list(_PAGE.finditer(text))
            end = pages[-1].start() if len(pages) > 1 else len(text)
            add_user_mentions(out, pages[0].end() if pages else heading.end(), end, cased=True)

    def _cast_crew(self, out: Collector, start: int, end: int) -> None:
        """Name and role lines in pairs: a crew job credits its attribute, a role the cast."""
        text = out.view.text
        for m in _PAIR.finditer(text, start, end):
            role = m["r"]
            if role in _JOBS:
                out.add(_JOBS[role], m.start("a"), m.end("a"), clean(m["a"]))
            elif not _OTHER_JOB.fullmatch(role):
                value = {"actor": clean(m["a"]), "character": clean(role)}
                out.add("cast", m.start("a"), m.end("r"), value)

    def _tomatometer(self, out: Collector, panel: re.Match[str]) -> None:
        """The critics' score panel: the Tomatometer, its average rating and review count. The
        audience panel beside it is read by no one: v1 has no attribute for an audience score."""
        text = out.view.text
        for m in _SCORE_LINE.finditer(text, panel.start("b"), panel.end("b")):
            if m["pct"]:
                s, e = m.start("pct"), m.end("pct") + 1  # "88%"
                out.add("critic_score", s, e, parse_score(text[s:e]), "rottentomatoes")
            elif m["avg"]:
                s, e = m.start("avg"), m.end("scale")  # "7.1/10"
                out.add("critic_score", s, e, parse_score(text[s:e]), _AVERAGE)
            else:
                value = parse_count(m["n"])
                out.add("critic_review_count", m.start("n"), m.end("n"), value, "rottentomatoes")

    def _info(self, out: Collector, start: int, end: int) -> None:
        text = out.view.text
        labelled_spans = []
        for m in _LABELLED.finditer(text, start, end):
            labelled_spans.append((m.start(), m.end()))
            g = "v" if m["v"] is not None else "same"
            vs, ve = m.start(g), m.start(g) + len(m[g].rstrip())
            vs += len(m[g]) - len(m[g].lstrip())
            label = m["label"]
            value = text[vs:ve]
            if label == "Rating":
                r = re.match(r"\s*(?P<r>[A-Z0-9-]+(?: [A-Z]+)?)", value)
                if r and mpaa_value(r["r"]):
                    out.add("mpaa_rating", vs + r.start("r"), vs + r.end("r"), mpaa_value(r["r"]))
            elif label.startswith("Genre"):
                add_names(out, "genres", vs, ve, sep=r"\s*,\s*")
            elif label == "Runtime":
                out.add("runtime", vs, ve, parse_duration(value.strip()))
            elif label in ("Studio", "Distributor"):
                out.add("distributor", vs, ve, clean(value))
            elif label == "Producer":
                add_names(out, "producers", vs, ve)
            elif label == "Original Language":
                add_names(out, "language", vs, ve)
            elif label.startswith("Box Office"):  # the 2020s panel: "Box Office (Gross USA):"
                scope = re.search(r"\(Gross (?P<c>[^)]+)\)", label)
                add_money(out, "gross", vs, ve, release_qualifier(scope["c"]) if scope else None)
            elif label in ("Directed By", "Director"):
                add_names(out, "director", vs, ve)
            elif label in ("Written By", "Writer"):
                add_names(out, "writers", vs, ve)
            elif label.startswith(("In Theaters", "On D", "Release Date", "Rerelease")):
                d = DATE_IN_TEXT.search(text, vs, ve)
                if d is None:
                    continue
                if label == "Release Date (Streaming)":  # the 2020s panel's streaming release
                    add_date(out, "release_date", d.start(), d.end(), "streaming")
                elif label.startswith("Rerelease"):  # "Rerelease Date (Theaters):"
                    add_date(out, "release_date", d.start(), d.end(), "re-release")
                elif label.startswith("On D"):
                    add_date(out, "dvd_release", d.start(), d.end())
                else:
                    kind = re.match(r"\s*(wide|limited)\b", text[d.end() : ve], re.I)
                    q = release_qualifier(None, kind.group(1) if kind else None)
                    add_date(
                        out, "release_date", d.start(), d.end() + (kind.end() if kind else 0), q
                    )
        bullets = [b for b in _BULLET.finditer(text, start, end) if b["v"]]
        for b in bullets:
            if b["v"].endswith(":") or any(s <= b.start() < e for s, e in labelled_spans):
                continue
            self._bullet(
                out,
                b,
                after_dates=bool(labelled_spans) and b.start() > labelled_spans[0][0],
                labelled=bool(labelled_spans),
            )

    def _bullet(
        self, out: Collector, b: re.Match[str], *, after_dates: bool, labelled: bool
    ) -> None:
        """'R, 1 hr. 52 min.' / 'Drama, Romance' / the studio, told apart by their content and,
        in a panel with labelled lines, their place (the studio comes after the dates); in a
        panel without, a line none of whose items is a genre, and no date, is the studio."""
        text = out.view.text
        items = list(split_items(text, b.start("v"), b.end("v"), sep=r"\s*,\s*"))
        kinds = []
        for s, e in items:
            item = text[s:e]
            if mpaa_value(item):
                kinds.append(("mpaa_rating", s, e, mpaa_value(item)))
            elif DURATION_IN_TEXT.fullmatch(item.strip()) and parse_duration(item) is not None:
                kinds.append(("runtime", s, e, parse_duration(item)))
        if kinds:
            for attribute, s, e, value in kinds:
                out.add(attribute, s, e, value)
        elif after_dates or (
            not labelled
            and not any(is_genre(text[s:e]) for s, e in items)
            and DATE_IN_TEXT.search(b["v"]) is None
        ):
            out.add("distributor", b.start("v"), b.end("v"), clean(b["v"]))
        else:
            for s, e in items:
                out.add("genres", s, e, clean(text[s:e]))
