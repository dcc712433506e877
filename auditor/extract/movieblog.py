"""A movie blog built from IMDb/OMDb-style data: labelled lines, a cast list, one user review."""

from __future__ import annotations

import re
from functools import cache
from itertools import islice

from auditor.extract.base import Adapter, Collector, find, opens_line
from auditor.extract.common import (
    add_characters,
    add_credited,
    add_date,
    add_money,
    add_names,
    add_user_mentions,
    cast_characters,
    mpaa_value,
    release_qualifier,
    split_role,
)
from auditor.normalize.counts import parse_count
from auditor.normalize.dates import parse_date
from auditor.normalize.durations import parse_duration
from auditor.normalize.names import clean
from auditor.normalize.scores import parse_score
from auditor.textview import TextView

_M = re.M


@cache
def _line(label: str) -> re.Pattern[str]:
    """A "Label: value" line; an apostrophe in the label may be typographic ("Critic’s")."""
    label = label.replace("'", "['’]")
    return re.compile(rf"^{label}:[ \t]*(?P<v>[^\n]*?)[ \t]*$", _M)


# "(8,215 voted)", "(8 215 voted)" (a space, or a no-break one, between thousands), or
# rounded: "(8.2K voted)", "(1.2M voted)".
_RATING = re.compile(
    r"^Rating: (?P<r>\d{1,2}(?:\.\d)?/10) "
    r"\((?P<n>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d[\d,]*(?:\.\d+)?[KkMm]?) voted\)[ \t]*$",
    _M,
)
_USER_REVIEW = re.compile(opens_line("U", r"ser Review[ \t]*$"), _M)
_CAST_LINE = re.compile(r"^(?P<a>[^\n]+?) - (?P<c>[^\n]+?)[ \t]*$", _M)


class MovieBlog(Adapter):
    name = "movieblog"
    description = "movie blog page built from IMDb/OMDb-style data"
    footer = re.compile(r"^(?:Comments are closed\.|Leave a (?:Reply|Comment))", _M)

    def recognise(self, view: TextView) -> bool:
        t = view.text  # the substring first: every page but IMDb's is tried here
        return (
            "Release Year:" in t
            and bool(_line("Release Year").search(t))
            and bool(_RATING.search(t) or _line("Critic's Score").search(t))
        )

    def extract(self, view: TextView, out: Collector) -> None:
        text = view.text
        review = find(_USER_REVIEW, text)
        end = review.start() if review else len(text)
        lines = list(islice(re.finditer(r"^[^\n]*\S[^\n]*$", text[:end], _M), 2))
        if lines:
            out.add("title", lines[0].start(), lines[0].end(), clean(lines[0].group()))
        if len(lines) > 1:
            add_date(out, "release_date", lines[1].start(), lines[1].end())
        year = find(_line("Release Year"), text, 0, end)
        if year and year["v"].isdigit():
            out.add_group("year", year, "v", int(year["v"]))
        rating = find(_RATING, text, 0, end)
        if rating:
            out.add_group("user_rating", rating, "r", parse_score(rating["r"]))
            out.add_group("rating_votes", rating, "n", parse_count(rating["n"]))
        critic = find(_line("Critic's Score"), text, 0, end)
        if critic:
            out.add_group("critic_score", critic, "v", parse_score(critic["v"]))
        for m in _FIELD.finditer(text, 0, end):
            if m["v"].strip().upper() not in ("N/A", ""):
                _field(out, m["label"], m.start("v"), m.end("v"))
        writers = find(_line("Writers?"), text, 0, end)
        cast_end = find(
            r"^(?:Official Website|Release Date|Filming Locations?|Box Office Details)\b",
            text,
            writers.end() if writers else 0,
            end,
            flags=_M,
        )
        if writers:
            stop = cast_end.start() if cast_end else end
            for m in _CAST_LINE.finditer(text, writers.end(), stop):
                value = _cast_value(m["a"], m["c"])
                out.add("cast", m.start(), m.end(), value)
        known = cast_characters(out)
        summary = _paragraph_before(text, find(_line("Release Year"), text, 0, end))
        if summary:
            add_characters(out, *summary, known, cased=True)
        stars = find(_line("Stars"), text, 0, end)
        if stars and writers:
            add_characters(out, stars.end(), writers.start(), known, cased=True)
        if review:
            closing = find(self.footer, text, review.end())
            add_user_mentions(
                out, review.end(), closing.start() if closing else len(text), cased=True
            )


# The OMDb-style field lines these blogs print (any of them may be absent or "N/A").
_FIELDS = {
    "Directors?": "director",
    "Stars": "stars",
    "Actors": "stars",
    "Writers?": "writers",
    "Rated": "mpaa_rating",
    "Released": "release_date",
    "Release Date": "release_date",
    "Runtime": "runtime",
    "Genres?": "genres",
    "Country": "country",
    "Countries": "country",
    "Languages?": "language",
    "Metascore": "critic_score",
    "DVD": "dvd_release",
    "BoxOffice": "gross",
    "Box Office": "gross",
    "Gross": "gross",
    "Budget": "budget",
    "Production": "distributor",
    "Filming Locations?": "filming_location",
}
_FIELD = re.compile(r"^(?P<label>" + "|".join(_FIELDS) + r"):[ \t]*(?P<v>[^\n]*?)[ \t]*$", _M)
_FIELD_KEYS = [(re.compile(k), a) for k, a in _FIELDS.items()]


def _field(out: Collector, label: str, s: int, e: int) -> None:
    attribute = next(a for rx, a in _FIELD_KEYS if rx.fullmatch(label))
    text = out.view.text
    v = text[s:e]
    if attribute in ("director", "stars", "genres", "country", "language"):
        add_names(out, attribute, s, e)
    elif attribute == "writers":
        add_credited(out, attribute, s, e)
    elif attribute == "mpaa_rating":
        out.add(attribute, s, e, mpaa_value(v))
    elif attribute in ("release_date", "dvd_release"):
        m = _DATED.fullmatch(v)
        q = release_qualifier(m["c"]) if m["c"] else None
        out.add(attribute, s, s + len(m["d"]), parse_date(m["d"]), q)
    elif attribute == "runtime":
        out.add(attribute, s, e, parse_duration(v))
    elif attribute == "critic_score":
        out.add(attribute, s, e, parse_score(v if "/" in v else f"{v}/100"), "metacritic")
    elif attribute in ("gross", "budget"):
        add_money(out, attribute, s, e)
    else:
        out.add(attribute, s, e, clean(v))


def _cast_value(actor: str, role: str) -> dict[str, str]:
    character, credited = split_role(role)
    value = {"actor": clean(actor), "character": clean(character)}
    if credited:
        value["credited_as"] = clean(credited)
    return value


def _paragraph_before(text: str, label: re.Match[str] | None) -> tuple[int, int] | None:
    """The prose paragraph just above a label line (the blog's plot summary)."""
    if label is None:
        return None
    end = len(text[: label.start()].rstrip())
    start = text.rfind("\n\n", 0, end)
    start = 0 if start < 0 else start + 2
    return (start, end) if end > start else None


_DATED = re.compile(r"(?P<d>.+?)(?:\s*\((?P<c>[^)]+)\))?")  # "5 May 1996 (USA)"
