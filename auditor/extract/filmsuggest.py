"""A film-suggestion site built on Wikidata: summary sentence, abstract, plot, similar films."""

from __future__ import annotations

import re

from auditor.extract.base import Adapter, Collector, find, opens_line
from auditor.extract.common import (
    TELEVISION_FILM,
    add_characters,
    add_date,
    add_lead_sentence,
    add_names,
    add_runtime_prose,
    release_qualifier,
)
from auditor.extract.prose import (
    add_aggregator_prose,
    add_broadcast_prose,
    add_cast_prose,
    add_credit_prose,
    add_distributed_by_prose,
    add_home_media_prose,
    add_money_prose,
    add_release_prose,
    lead_sentence,
    settle_runs,
)
from auditor.normalize.dates import DATE_IN_TEXT
from auditor.normalize.names import clean
from auditor.textview import TextView

_M = re.M
_SUMMARY = re.compile(
    r"^(?P<t>[^\n]+?) is an? (?P<country>[A-Za-z-]+(?: [A-Za-z-]+)?) film of genres? (?P<g>[^\n]+?)"
    r"(?: directed by (?P<d>[^\n]+?))?(?: released in (?P<c>[^\n]+?) on (?P<date>"
    + DATE_IN_TEXT.pattern
    + r"))?(?: with (?P<s>[^\n]+?))?[ \t]*$",
    _M,
)
_SECTION_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_TITLE = re.compile(r"^(?P<t>[^\n]+?) \((?P<y>\d{4})\)[ \t]*$", _M)


class FilmSuggest(Adapter):
    name = "filmsuggest"
    description = "film-suggestion site built on Wikidata"
    footer = re.compile(opens_line("S", "ource : Wikidata"), _M)

    def recognise(self, view: TextView) -> bool:
        t = view.text
        return t.lstrip().startswith("Search a film or person") or (
            "Suggestions of similar film to" in t and "Source : Wikidata" in t
        )

    def extract(self, view: TextView, out: Collector) -> None:
        text = view.text
        source = find(self.footer, text)
        end = source.start() if source else len(text)
        summary = find(_SUMMARY, text, 0, end)
        if summary:
            out.add_group("country", summary, "country", summary["country"])
            add_names(out, "genres", summary.start("g"), summary.end("g"))
            if summary["d"]:
                add_names(out, "director", summary.start("d"), summary.end("d"))
            if summary["date"]:
                add_date(
                    out,
                    "release_date",
                    summary.start("date"),
                    summary.end("date"),
                    release_qualifier(summary["c"]),
                )
            if summary["s"]:
                add_names(out, "stars", summary.start("s"), summary.end("s"))
        title = find(_TITLE, text, summary.end() if summary else 0, end)
        if not title:
            return
        out.add_group("title", title, "t", clean(title["t"]))
        out.add_group("year", title, "y", int(title["y"]))
        sections = list(_SECTION_BREAK.finditer(text, title.end(), end))
        abstract_end = sections[0].start() if sections else end
        add_lead_sentence(out, title.end(), abstract_end, country=True)
        first = lead_sentence(text, title.end(), abstract_end)
        if first:
            add_credit_prose(out, *first)
            add_cast_prose(out, first[1], abstract_end)  # every paragraph of the abstract
        add_release_prose(out, title.end(), abstract_end)
        if first and TELEVISION_FILM.search(text, *first):  # a television film's broadcast
            add_broadcast_prose(out, title.end(), abstract_end)
        add_home_media_prose(out, title.end(), abstract_end)
        add_aggregator_prose(out, title.end(), abstract_end)
        add_money_prose(out, title.end(), abstract_end)
        add_distributed_by_prose(out, title.end(), abstract_end)
        add_runtime_prose(out, title.end(), abstract_end)
        settle_runs(out)
        if sections:
            add_characters(out, sections[0].end(), end, [], cased=True)
