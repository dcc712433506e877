"""Per-template tables of phrasings: each way a site writes a fact, and the fact it states.

The readers anchor on key words and a value within one sentence, so the same fact written
another way (the aggregator named first, another release verb, the format noun after the date,
a label on its own line or beside its value) must give the same claim. Names and figures here
are invented; none is a fixture film's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.documents import DocumentRef
from auditor.extract.base import Collector
from auditor.extract.common import add_characters, add_lead_sentence, add_runtime_prose
from auditor.extract.movieblog import _FIELD, _field
from auditor.extract.prose import (
    add_aggregator_prose,
    add_credit_prose,
    add_home_media_prose,
    add_money_prose,
    add_release_prose,
    settle_runs,
)
from auditor.extract.rottentomatoes import RottenTomatoes
from auditor.normalize.genres import facets
from auditor.normalize.money import parse_money
from auditor.textview import TextView
from tests.conftest import FIXTURES


def _facts(reader, text: str, **kw) -> set[tuple]:
    out = _collector(text)
    reader(out, 0, len(text), **kw)
    for c in out.claims:
        assert text[c.span_start : c.span_end] == c.raw
    return {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}


def _collector(text: str) -> Collector:
    ref = DocumentRef(Path("x.txt"), "film-2000/x.txt", "film-2000", "x")
    return Collector(ref, TextView.of(text))


def _plain(value):
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


RELEASES = [
    (  # "had limited releases in": a plural release noun
        "The film also had limited releases in the United Kingdom on 15 October 2021 and in "
        "Ireland on 22 October 2021.",
        {("2021-10-15", "uk,limited"), ("2021-10-22", "ireland,limited")},
    ),
    (  # a semicolon clause with a predicate of its own and no release verb dates no release
        "The film's release was accompanied by a campaign; in October 2021 a blogger was "
        "detained for his posts. It opened in France on 1 May 2021; in Germany on 3 June 2021.",
        {("2021-05-01", "france"), ("2021-06-03", "germany")},
    ),
    (  # a class of films ("the highest-grossing film released in Korea in 2019") is no release
        "On 2 March it passed Red Tide to become the highest-grossing film released in South "
        "Korea in 2019, and the first films released in 4DX there in 2018 trailed it. It was "
        "released in Japan on 9 May 2019.",
        {("2019-05-09", "japan")},
    ),
    (  # a year alone, right after the release word and its country; not another verb's year
        "The film opened in Japan in 1987, and it was given a wide release in the United "
        "Kingdom in 1988, a year after its negative was damaged in a fire in 1987.",
        {("1987", "japan"), ("1988", "uk,wide")},
    ),
    (
        "After limited release in the United States on March 5, 2004, the film was released "
        "nationwide on April 2, 2004.",
        {("2004-03-05", "usa,limited"), ("2004-04-02", "wide")},
    ),
    (
        "The film opened in France on 25 April 2001 and in Belgium on 2 May 2001.",
        {("2001-04-25", "france"), ("2001-05-02", "belgium")},
    ),
    (
        "It premiered at the Venice Film Festival on 3 September 1999, and was released in the "
        "United Kingdom on 12 November 1999.",
        {("1999-09-03", "premiere"), ("1999-11-12", "uk")},
    ),
    (
        "Northway opened the film in limited release in the United States on 19 July 1996, and "
        "it went wide on 9 August 1996.",
        {("1996-07-19", "usa,limited"), ("1996-08-09", "wide")},
    ),
    (
        "It was released on 2 November 2001 in the United States in a limited release.",
        {("2001-11-02", "usa,limited")},
    ),
    (
        "The film had its North American premiere at the Toronto International Film Festival "
        "on 8 September 2001.",
        {("2001-09-08", "premiere")},
    ),
    (
        "It was screened at the Cannes Film Festival, where it premiered in May 1996.",
        {("1996-05", "premiere")},
    ),
    (
        "It was released on 23 February 1996 in the UK, and on 19 July 1996 in the US.",
        {("1996-02-23", "uk"), ("1996-07-19", "usa")},
    ),
    (
        "Harbour Pictures bought the rights after the festival and gave the film a limited "
        "release in Canada on 4 May 2001.",
        {("2001-05-04", "canada,limited")},
    ),
    (
        "It opened in Spain on 2 May 2001 in a limited release, and in Italy on 9 May 2001.",
        {("2001-05-02", "spain,limited"), ("2001-05-09", "italy")},
    ),
    ("A soundtrack album was released on 7 November 1995.", set()),
    ("On 8 August 2011, a remastered Blu-ray was released for the anniversary.", set()),
    ("A 40th anniversary album was released on 2 June 2019.", set()),
    (  # the film's own anniversary: a re-release
        "For its 25th anniversary, the film was re-released in cinemas in the United States on "
        "5 May 2020.",
        {("2020-05-05", "usa,re-release")},
    ),
    (  # a festival named without the word "festival" is a festival screening
        "It was screened at Fantasia on 21 July 2011 and released in Canada on 2 March 2012.",
        {("2011-07-21", "premiere"), ("2012-03-02", "canada")},
    ),
    (  # the country given as an adjective before the cinemas
        "The film opened in Norwegian cinemas on 4 May 2012 and across UK theatres on 1 June "
        "2012.",
        {("2012-05-04", "norway"), ("2012-06-01", "uk")},
    ),
    ("It opened at the Odeon on 4 May 2012.", {("2012-05-04", None)}),
    (  # "shown at" a festival, as "screened at"; shown on television is no release
        "It was first shown at the Locarno Film Festival on 9 August 1987. It was shown on BBC "
        "Two on 3 March 1990.",
        {("1987-08-09", "premiere")},
    ),
    (  # a later clause that broadcasts the film continues no release
        "It premiered at the Locarno Film Festival on 9 August 1987, was aired on BBC Two on 3 "
        "March 1990 and opened in France on 2 May 1990.",
        {("1987-08-09", "premiere"), ("1990-05-02", "france")},
    ),
    (
        "The picture was first shown at the Venice Film Festival on 30 August 1948 and opened "
        "in Italian cinemas on 2 October 1948.",
        {("1948-08-30", "premiere"), ("1948-10-02", "italy")},
    ),
    (  # an old film's later release: a restoration's festival screening is no premiere
        "The restored print premiered at the Cannes Film Festival on 14 May 2015, and Janus "
        "Films re-released it in the United Kingdom on 3 July 2015.",
        {("2015-05-14", "re-release"), ("2015-07-03", "uk,re-release")},
    ),
    (  # a television premiere is a broadcast, not a release
        "It premiered at the Busan International Film Festival on 5 October 2003, and had its "
        "TV premiere on BBC Two on 1 March 2005.",
        {("2003-10-05", "premiere")},
    ),
    ("The film had its television debut on ZDF on 24 December 1991.", set()),
    (  # the country a release verb reaches; a channel's premiere, named after what it is, none
        "It premiered on the cable network Orbis on 3 May 1996, debuted on the channel Velo on 5 "
        "May 1996, and Kite Films opened it in cinemas in Spain on 9 October 1996; it reached "
        "Portugal on 16 October 1996.",
        {("1996-10-09", "spain"), ("1996-10-16", "portugal")},
    ),
    (  # the kind named last, nearest the date, beats a festival named earlier in the clause
        "Arrow Films acquired it after a screening at the Sundance Film Festival and opened it "
        "in a limited release in the United Kingdom on 3 March 2006.",
        {("2006-03-03", "uk,limited")},
    ),
    (  # "select (Danish) cinemas": a limited release, the demonym its country
        "It opened in select Danish cinemas on 4 April 2008 and in selected theaters in Norway "
        "on 9 May 2008.",
        {("2008-04-04", "denmark,limited"), ("2008-05-09", "norway,limited")},
    ),
    (  # a Buddhist Era year is no year of the film: a Thai-script date after a release's
        # date is that release again, a BE year alone dates nothing
        "It opened in Thailand on 12 July 2018 (12 กรกฎาคม 2561) and was released in Laos in "
        "2561 BE. Released in Singapore in August 2018 (2561 BE), it began streaming on "
        "Netflix on 3 March 2019 (2562 BE).",
        {("2018-07-12", "thailand"), ("2018-08", "singapore"), ("2019-03-03", "streaming")},
    ),
    (  # "Thai cinemas": the demonym names the country, as "Danish cinemas" does
        "Sahamongkol released it in Thai cinemas on 12 July 2018 and in Singapore on 2 August "
        "2018.",
        {("2018-07-12", "thailand"), ("2018-08-02", "singapore")},
    ),
    (  # a first predicate that is no release (a sum earned there): its country is not the
        # second predicate's release's
        "It took $2.1 million in Portugal and began streaming on Netflix on 9 June 2020, and "
        "it earned well in Chile and was released in Peru on 2 July 2020.",
        {("2020-06-09", "streaming"), ("2020-07-02", "peru")},
    ),
    (  # African markets by name and by demonym ("Kenyan cinemas")
        "It opened in Kenyan cinemas on 7 June 2019 and in Cameroon on 14 June 2019.",
        {("2019-06-07", "kenya"), ("2019-06-14", "cameroon")},
    ),
    (  # a streaming release is a kind of its own, with the country its clause names
        "It opened in a limited release in Canada on 3 June 2019 and became available to stream "
        "on Crave on 1 August 2019.",
        {("2019-06-03", "canada,limited"), ("2019-08-01", "streaming")},
    ),
    (
        "Netflix began streaming the film in the United Kingdom on 9 October 2020.",
        {("2020-10-09", "uk,streaming")},
    ),
    (
        "After its cinema run was cancelled, the film was released digitally on 12 May 2020.",
        {("2020-05-12", "streaming")},
    ),
    ("It was released on DVD and on streaming services on 4 May 2010.", set()),  # home media
    (  # a kind named in an earlier clause ("; ", ", and ") is not the next verb's date's
        "It was cut for its general release in Sweden, and Nordic Films opened a shorter "
        "version in Finland on 4 May 1950.",
        {("1950-05-04", "finland")},
    ),
    (
        "The film premiered at a gala in Oslo; Arctic Pictures released it in the United "
        "Kingdom on 2 June 1961.",
        {("1961-06-02", "uk")},
    ),
    (  # a restoration's sentence re-releases, whichever clause says so
        "The restored version was shown at Cannes, and Lantern released it in Spain on 5 May "
        "2015.",
        {("2015-05-05", "spain,re-release")},
    ),
    (  # a second predicate with its own verb: its date takes its own clause's country
        "The film premiered at the Busan International Film Festival and was released in "
        "South Korea in October 2012.",
        {("2012-10", "south korea")},
    ),
    (
        "It premiered at Sundance, and it opened in Canada on 4 March 2011.",
        {("2011-03-04", "canada")},
    ),
    (  # one date for several countries coordinated
        "It opened in limited release in Germany and Austria on 7 May 2009.",
        {("2009-05-07", "germany,limited"), ("2009-05-07", "austria,limited")},
    ),
    (
        "The film was released in the United States, Canada and the United Kingdom on 2 May 1997.",
        {("1997-05-02", "usa"), ("1997-05-02", "canada"), ("1997-05-02", "uk")},
    ),
    (  # a release on a streaming service named by its brand is a streaming release
        "The film premiered on Hulu on 8 March 2019.",
        {("2019-03-08", "streaming")},
    ),
    (
        "Amazon Studios opened it in select theaters on 1 November 2019, two weeks before it "
        "became available on Prime Video on 15 November 2019.",
        {("2019-11-01", "limited"), ("2019-11-15", "streaming")},
    ),
    (
        "It was released on Disney+ in the United Kingdom on 3 April 2020.",
        {("2020-04-03", "uk,streaming")},
    ),
    (  # "became available on" / "was added to" a service: a release verb of its own
        "The documentary became available on Netflix on 2 October 2020.",
        {("2020-10-02", "streaming")},
    ),
    (
        "It was added to Kanopy in Canada on March 9, 2021.",
        {("2021-03-09", "canada,streaming")},
    ),
    (  # the service's name before a release noun: its own release, the kind before it dropped
        "It opened in select theaters on 4 October 2019, ahead of its Hulu premiere on 18 October "
        "2019.",
        {("2019-10-04", "limited"), ("2019-10-18", "streaming")},
    ),
    (
        "The documentary launched on Disney+ on 12 November 2019.",
        {("2019-11-12", "streaming")},
    ),
    (  # the service as the distributor of a release that names no service: no streaming kind
        "Netflix acquired the film and released it in the United States on 4 May 2019.",
        {("2019-05-04", "usa")},
    ),
    (  # "reissued" is a release verb: an old film's later release
        "Lumen reissued the film in Canada on 6 March 1998, and it was re-issued in France on "
        "2 May 2003.",
        {("1998-03-06", "canada,re-release"), ("2003-05-02", "france,re-release")},
    ),    (  # a day and month alone take the year of the sentence's next full date, else its last
        "It opened in Spain on 3 May, in Portugal on 17 May 2012 and in Chile on 9 August, and "
        "in the United States on July 6 and in Canada on July 20, 2012.",
        {
            ("2012-05-03", "spain"),
            ("2012-05-17", "portugal"),
            ("2012-08-09", "chile"),
            ("2012-07-06", "usa"),
            ("2012-07-20", "canada"),
        },
    ),
    (  # day-first dotted dates, as Nordic and German pages write them, in a continuation
        "It was first shown at the Berlinale on 9.2.2011, opened in Germany on 17.3.2011 and "
        "in Austria on 1.4.2011.",
        {("2011-02-09", "premiere"), ("2011-03-17", "germany"), ("2011-04-01", "austria")},
    ),
    (  # a day "of" its month, as British pages write it
        "It premiered at the Sydney Film Festival on the 7th of June 2015 and opened in "
        "Australia on the 2nd of July 2015.",
        {("2015-06-07", "premiere"), ("2015-07-02", "australia")},
    ),
    (  # a later film of the series, unnamed ("A fifth film was announced"), has no release here
        "It opened in Peru on 2 May 2018. A new installment was announced in June 2018, with a "
        "release planned for 2020.",
        {("2018-05-02", "peru")},
    ),
    ("A fifth film was announced in March 2019 and is scheduled for release in May 2021.", set()),
    (  # a release in one screening format alone (IMAX) is a limited one; a format list is not
        "The film opened in 412 IMAX theaters in Canada on 14 May 2019, a week before it was "
        "released nationwide on 21 May 2019.",
        {("2019-05-14", "canada,limited"), ("2019-05-21", "wide")},
    ),
    (
        "It was released in 2D, 3D and IMAX 3D theaters in Brazil on 9 June 2016.",
        {("2016-06-09", "brazil")},
    ),
    (  # another premium format's early opening is limited as IMAX's is
        "It opened early in Dolby Cinema locations in Mexico on 3 March 2021, two days ahead "
        "of its wide release on 5 March 2021, in 3D, IMAX and Dolby Cinema.",
        {("2021-03-03", "mexico,limited"), ("2021-03-05", "wide")},
    ),
    (  # a month after "during", "the ... week of", "the month of": month precision
        "It opened in Peru during March 1999, in Chile in the month of May 1999, and in the "
        "United States over the Thanksgiving weekend of November 1999.",
        {("1999-03", "peru"), ("1999-05", "chile"), ("1999-11", "usa")},
    ),
    (  # a sentence that goes on to a home-media format: its cinema clause still a release
        "Lantern Pictures opened it in select cinemas in Canada on 2 May 2008, and issued it "
        "on VHS on 9 December 2008.",
        {("2008-05-02", "canada,limited")},
    ),
    (  # the Gulf markets by name and by the abbreviation UAE, each its own country
        "It was released in the UAE and Qatar on 4 April 2019, in Kuwait on 5 April, and in "
        "Saudi Arabia on 11 April 2019.",
        {
            ("2019-04-04", "united arab emirates"),
            ("2019-04-04", "qatar"),
            ("2019-04-05", "kuwait"),
            ("2019-04-11", "saudi arabia"),
        },
    ),
    (  # Southeast Asian markets, each its own country
        "It opened in Indonesia on 3 March 2016, and in Malaysia and Singapore on 21 April "
        "2016.",
        {
            ("2016-03-03", "indonesia"),
            ("2016-04-21", "malaysia"),
            ("2016-04-21", "singapore"),
        },
    ),
    (  # a date a release was planned for or moved from is no release; the one it moved to is
        "The film was due to be released in Canada on 20 March 2020, but the pandemic closed "
        "cinemas; Lumen eventually opened it in Canada on 9 October 2020.",
        {("2020-10-09", "canada")},
    ),
    (
        "Originally slated for a wide release on 3 April 2020, it opened in select theaters on "
        "21 August 2020.",
        {("2020-08-21", "limited")},
    ),
    (
        "Its release was pushed back from 12 June 2020 to 4 September 2020.",
        {("2020-09-04", None)},
    ),
    (  # "set in" is no schedule, and a clause's later turn ("but ... released") is a release
        "Set in 1970, the film was set to open on 1 May 2020 but was instead released digitally "
        "on 15 May 2020.",
        {("2020-05-15", "streaming")},
    ),
    (  # a rental or on-demand release is a streaming one ("PVOD", "to rent", "premium rental")
        "Kite Films released it through PVOD in Canada on 3 July 2020.",
        {("2020-07-03", "canada,streaming")},
    ),
    (
        "It opened in select theaters on 29 May 2020 and was made available to rent on digital "
        "platforms on 12 June 2020.",
        {("2020-05-29", "limited"), ("2020-06-12", "streaming")},
    ),
    (
        "It was released as a premium rental in the United Kingdom on 19 June 2020.",
        {("2020-06-19", "uk,streaming")},
    ),
    (  # "to screen at" a festival, the date in a relative clause on it: a festival screening
        "It went on to screen at forty festivals, among them the Tromsø International Film "
        "Festival, where it was shown on 17 January 2012.",
        {("2012-01-17", "premiere")},
    ),
    (
        "The short screens at the Odense Film Festival on 3 September 2015.",
        {("2015-09-03", "premiere")},
    ),
    (  # a service no list names, by the clause's form: a name between "released on" and "on"
        "It opened in Ireland on 4 April 2019 and was released on Tallyflix on 9 June 2019.",
        {("2019-04-04", "ireland"), ("2019-06-09", "streaming")},
    ),
    (  # a second predicate's kind is its own date's, not the first's
        "It opened on 2 November 2001 in a limited release and expanded on 9 November 2001.",
        {("2001-11-02", "limited"), ("2001-11-09", "wide")},
    ),
    (
        "The film opened in Norway on 8 March 2016 and began streaming on Mubi on 2 May 2016.",
        {("2016-03-08", "norway"), ("2016-05-02", "streaming")},
    ),
    (  # the service the sentence names, taken up by a common noun: no festival's debut
        "Pelimo bought the streaming rights, and the film debuted on the service on 3 March "
        "2021. It had debuted at the Orvik Film Festival on 9 September 2020.",
        {("2021-03-03", "streaming"), ("2020-09-09", "premiere")},
    ),
    (
        "It opened in Chile on 4 May 2018 and premiered on the streamer on 1 August 2018.",
        {("2018-05-04", "chile"), ("2018-08-01", "streaming")},
    ),
    (  # a country fronting the sentence frames its every date whose clause names none
        "In France, the film premiered on 3 May 2019 and was released on 9 June 2019; it "
        "opened in Belgium on 12 June 2019.",
        {("2019-05-03", "france,premiere"), ("2019-06-09", "france"), ("2019-06-12", "belgium")},
    ),
    (  # a North American release is the US one (one market, as a domestic gross is `usa`)
        "It opened in North America on 15 July 2016 and in South Korea on 20 July 2016.",
        {("2016-07-15", "usa"), ("2016-07-20", "south korea")},
    ),
    (  # a weekday or a holiday after "released on" is the date's, no platform
        "The film was released on Friday, 13 October 2006, in the United Kingdom.",
        {("2006-10-13", "uk")},
    ),
    (  # a Solar Hijri (Persian calendar) date, read in the Gregorian calendar
        "The film opened in Iran on 12 Farvardin 1402 and in Germany on 8 June 2023.",
        {("2023-04-01", "iran"), ("2023-06-08", "germany")},
    ),
    (  # the day again in parentheses, in the other calendar: the same release
        "It was released in Iran on 30 Esfand 1399 (20 March 2021) and in Italy on 2 May 2021.",
        {("2021-03-20", "iran"), ("2021-05-02", "italy")},
    ),
    (  # a Persian year alone dates nothing; a day its month lacks is no date
        "Work began in 1388 (2009); it opened in Iran on 31 Bahman 1389.",
        set(),
    ),
    (  # a year alone after a reissue's verb and object, and the same verb's second year
        "Hollander reissued the picture in 1971 and again in 1984. It was reissued in 1990, "
        "and in 1995 its negative was lost.",
        {("1971", "re-release"), ("1984", "re-release"), ("1990", "re-release")},
    ),
    (  # a restoration's showing dated by its year alone; a showing at a place is none
        "A restored print of the roadshow cut was first shown in 2003. In 2005 it was shown in "
        "the town hall.",
        {("2003", "re-release")},
    ),
    (  # a paragraph opening on the film, another work named in a later clause only
        "Booked first in a few cities, the film was a success, earning acclaim, and its cast "
        "album sold well. It was re-released in 1970.",
        {("1970", "re-release")},
    ),
    (  # a film that "reached <country's> screens": a release there, a year alone dating it
        "The film opened in Greece in May 1971 and reached British screens only in 1974, "
        "after it reached Danish cinemas on 3 March 1973.",
        {("1971-05", "greece"), ("1974", "uk"), ("1973-03-03", "denmark")},
    ),
    (  # a festival premiere, then a second predicate on disc with no comma: the premiere stands
        "The film premiered at the Gravecliff Horror Fest on 9 June 2012 and went "
        "direct-to-DVD on 4 September 2012.",
        {("2012-06-09", "premiere")},
    ),
    (
        "It opened in Canada on 1 March 2010 and was released on DVD on 8 June 2010.",
        {("2010-03-01", "canada")},
    ),
    (  # a channel's first showing is a broadcast; a streaming service's premiere a release
        "It premiered on Gorehound TV in the United States on 4 May 2011, and premiered on "
        "Netflix on 9 June 2012.",
        {("2012-06-09", "streaming")},
    ),
    ("The film premiered on BBC Four on Friday, 3 May 2013.", set()),
    ("The film premiered on Friday, 3 May 2013, in Lyon.", {("2013-05-03", "premiere")}),
    (  # a disc's sentence is no cinema release, but the festival premiere in it is one
        "Vellum Video released it on DVD on 2 October 2012, after a premiere at the Gravecliff "
        "Horror Fest on 9 June 2012.",
        {("2012-06-09", "premiere")},
    ),
    (
        "Following its premiere at the Ostrava Film Festival on 9 June 2012, the film was "
        "released on DVD on 2 October 2012.",
        {("2012-06-09", "premiere")},
    ),
]


@pytest.mark.parametrize(("text", "facts"), RELEASES, ids=range(len(RELEASES)))
def test_release_phrasings(text, facts):
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == facts


def test_southeast_asian_demonyms_name_their_countries():
    """A lead's "Indonesian" (and "Malaysian", "Singaporean") is the country an infobox names
    ("Indonesia"): one country, no spelling variant of it."""
    from auditor.normalize.places import canonical_country

    for demonym, country in [("Indonesian", "Indonesia"), ("Malaysian", "Malaysia"),
                             ("Singaporean", "Singapore")]:
        assert canonical_country(demonym) == canonical_country(country) == country.lower()


HOME_MEDIA = [
    (
        "The video cassettes were distributed on November 12, 1996, while the DVD was "
        "distributed on January 1, 1998.",
        {("vhs_release", "1996-11-12"), ("dvd_release", "1998-01-01")},
    ),
    (
        "On DVD, the film was released by Halcyon on 20 October 1998.",
        {("dvd_release", "1998-10-20")},
    ),
    ("In the United States the film first appeared on VHS in 1985.", {("vhs_release", "1985")}),
    (
        "The DVD was released on 2 July 2002, and a Blu-ray followed on 16 September 2008.",
        {("dvd_release", "2002-07-02")},
    ),
    (
        "On 4 May 2001, Northway Home Video released the film on DVD in France; a VHS edition "
        "had appeared in Belgium in March 2001.",
        {("dvd_release", "2001-05-04"), ("vhs_release", "2001-03")},
    ),
    (
        "The VHS came out in 1997; on 8 June 2004 it was reissued on DVD.",
        {("vhs_release", "1997"), ("dvd_release", "2004-06-08")},
    ),
    (
        "It was released on DVD and VHS on 3 March 2003.",
        {("dvd_release", "2003-03-03"), ("vhs_release", "2003-03-03")},
    ),
    # a coordinated clause that names the format dates nothing before it
    (
        "The film opened in American cinemas on 3 May 1996, and it came out on VHS on 2 "
        "December 1996.",
        {("vhs_release", "1996-12-02")},
    ),
    ("Its cinema run ended in 1988, but it found a cult audience on video cassettes.", set()),


    (  # a cinema release's clause before the format's ", and": its date is no video's
        "Lantern Pictures opened it in select cinemas in Canada on 2 May 2008, and issued it "
        "on VHS on 9 December 2008.",
        {("vhs_release", "2008-12-09")},
    ),
    (  # a second predicate with no comma ("... on D1 and went direct-to-DVD on D2"): D1's own
        "The film premiered at the Gravecliff Horror Fest on 9 June 2012 and went "
        "direct-to-DVD on 4 September 2012.",
        {("dvd_release", "2012-09-04")},
    ),
    (
        "It opened in Canada on 1 March 2010 and was released on DVD on 8 June 2010.",
        {("dvd_release", "2010-06-08")},
    ),
    (  # a festival premiere's own clause in a disc's sentence: the screening's date, no disc's
        "Vellum Video released it on DVD on 2 October 2012, after a premiere at the Gravecliff "
        "Horror Fest on 9 June 2012.",
        {("dvd_release", "2012-10-02")},
    ),
    (
        "Following its premiere at the Ostrava Film Festival on 9 June 2012, the film was "
        "released on DVD on 2 October 2012.",
        {("dvd_release", "2012-10-02")},
    ),
]


@pytest.mark.parametrize(("text", "facts"), HOME_MEDIA, ids=range(len(HOME_MEDIA)))
def test_home_media_phrasings(text, facts):
    assert {(a, v) for a, v, _ in _facts(add_home_media_prose, text)} == facts


AGGREGATORS = [
    (
        "On Rotten Tomatoes, the film holds an approval rating of 89% based on 57 reviews, with "
        "an average rating of 7.9/10.",
        {
            ("critic_score", (("scale", 100), ("value", 89)), "rottentomatoes"),
            ("critic_review_count", 57, "rottentomatoes"),
            ("critic_score", (("scale", 10), ("value", 7.9)), "rottentomatoes average"),
        },
    ),
    (
        "On Metacritic, which assigns a weighted average score, the film has a score of 83 out "
        "of 100, based on 20 critics.",
        {
            ("critic_score", (("scale", 100), ("value", 83)), "metacritic"),
            ("critic_review_count", 20, "metacritic"),
        },
    ),
    (
        "It holds a score of 71 out of 100 on Metacritic.",
        {("critic_score", (("scale", 100), ("value", 71)), "metacritic")},
    ),
]


@pytest.mark.parametrize(("text", "facts"), AGGREGATORS, ids=range(len(AGGREGATORS)))
def test_aggregator_phrasings(text, facts):
    assert _facts(add_aggregator_prose, text) == facts


MONEY = [
    (  # a country's release named by its adjective scopes the money it earned; "wide" is none
        "Its Danish release on 2 May 1999 earned DKK 4.1 million, and its wide release in "
        "1998 took $2 million.",
        {
            ("gross", (("amount", 4_100_000), ("currency", "DKK")), "denmark"),
            ("gross", (("amount", 2_000_000), ("currency", "USD")), None),
        },
    ),
    (  # money that includes or goes to the film's promotion is no production budget
        "Its budget was $20 million, or $35 million including prints and advertising; the "
        "studio spent a further $8 million on marketing and a $2 million advertising campaign.",
        {("budget", (("currency", "USD"), ("high", 20_000_000), ("low", 20_000_000)), None)},
    ),
    (  # a budget that leaves the promotion out is the production's
        "The film had a budget of $9 million, excluding marketing.",
        {("budget", (("currency", "USD"), ("high", 9_000_000), ("low", 9_000_000)), None)},
    ),
    (  # an amount naming the production is its cost; a rank's "total" is no worldwide scope
        "Ohm Films financed the $20 million production with a bank loan. It grossed $31.5 "
        "million, the fourth-highest total for a debut that year.",
        {
            ("budget", (("currency", "USD"), ("high", 20_000_000), ("low", 20_000_000)), None),
            ("gross", (("amount", 31_500_000), ("currency", "USD")), None),
        },
    ),
    (  # "a ₩6 billion film" is a budget; an amount of the film's earnings is none
        "Kesong Pictures made a ₩6 billion film of the novel.",
        {("budget", (("currency", "KRW"), ("high", 6_000_000_000), ("low", 6_000_000_000)), None)},
    ),
    (  # the sentence's opening territory, past an opening that is no gross
        "In Canada it opened with C$40,000 on twelve screens and took C$310,000 in all.",
        {("gross", (("amount", 310_000), ("currency", "CAD")), "canada")},
    ),
    (  # not past a ";": the next clause names no territory of its own
        "In Canada it opened with C$40,000 on twelve screens; the film grossed C$310,000.",
        {("gross", (("amount", 310_000), ("currency", "CAD")), None)},
    ),
    (  # a territory opening the clause, then one that opens the next amount's noun phrase
        "In Argentina the film took $1.1 million, and in Chile it earned $204,300, for a "
        "world-wide gross of $3.2 million.",
        {
            ("gross", (("amount", 1_100_000), ("currency", "USD")), "argentina"),
            ("gross", (("amount", 204_300), ("currency", "USD")), "chile"),
            ("gross", (("amount", 3_200_000), ("currency", "USD")), "worldwide"),
        },
    ),
    (
        "It grossed £12.4 million in the United Kingdom and $16.5 million in the United States, "
        "for a worldwide total of $72 million.",
        {
            ("gross", (("amount", 12_400_000), ("currency", "GBP")), "uk"),
            ("gross", (("amount", 16_500_000), ("currency", "USD")), "usa"),
            ("gross", (("amount", 72_000_000), ("currency", "USD")), "worldwide"),
        },
    ),
    (
        "Made on a budget of €10 million, the film went on to earn $174.2 million worldwide.",
        {
            ("budget", (("currency", "EUR"), ("high", 10_000_000), ("low", 10_000_000)), None),
            ("gross", (("amount", 174_200_000), ("currency", "USD")), "worldwide"),
        },
    ),
    (
        "It grossed CA$2.3 million in Canada, €3.1 million in France, ¥1.2 billion in Japan "
        "and US$4.9 million worldwide.",
        {
            ("gross", (("amount", 2_300_000), ("currency", "CAD")), "canada"),
            ("gross", (("amount", 3_100_000), ("currency", "EUR")), "france"),
            ("gross", (("amount", 1_200_000_000), ("currency", "JPY")), "japan"),
            ("gross", (("amount", 4_900_000), ("currency", "USD")), "worldwide"),
        },
    ),
    (
        "The film earned A$8 million in Australia; it was shot on a budget of NZ$4.5 million.",
        {
            ("gross", (("amount", 8_000_000), ("currency", "AUD")), "australia"),
            ("budget", (("currency", "NZD"), ("high", 4_500_000), ("low", 4_500_000)), None),
        },
    ),
    (
        "It took HK$40 million across North America.",
        {("gross", (("amount", 40_000_000), ("currency", "HKD")), "usa")},
    ),
    (  # a range written with two amounts
        "It was made on a budget of between €3 million and €3.5 million, and it grossed "
        "between $1 million and $2 million.",
        {
            ("budget", (("currency", "EUR"), ("high", 3_500_000), ("low", 3_000_000)), None),
            ("gross", (("amount", 1_000_000), ("currency", "USD")), None),
            ("gross", (("amount", 2_000_000), ("currency", "USD")), None),
        },
    ),
    (  # the scope as an adjective of the money word
        "Its worldwide gross was £9 million, and its North American box office $3 million.",
        {
            ("gross", (("amount", 9_000_000), ("currency", "GBP")), "worldwide"),
            ("gross", (("amount", 3_000_000), ("currency", "USD")), "usa"),
        },
    ),
    (  # the money word and its scope trail the first amount; the second names its own
        "The picture took £80,000 at the UK box office, and $95,000 in North America.",
        {
            ("gross", (("amount", 80_000), ("currency", "GBP")), "uk"),
            ("gross", (("amount", 95_000), ("currency", "USD")), "usa"),
        },
    ),
    (  # a place between "made" and "for": the budget
        "It was made on location in Cornwall for £40,000 and opened in Britain in May 1951.",
        {("budget", (("currency", "GBP"), ("high", 40_000), ("low", 40_000)), None)},
    ),
    ("The studio spent $2 million on marketing the film.", set()),
    ("Its opening weekend took £2.1 million.", set()),
    (  # the weekend named after the amount, then the gross
        "It earned $9.3 million in its opening weekend, ranking third, and went on to gross "
        "$41 million worldwide.",
        {("gross", (("amount", 41_000_000), ("currency", "USD")), "worldwide")},
    ),
    (  # another film of the series: its money is not this film's
        "The film grossed $30 million. Its sequel, Harbour Run II (1999), grossed "
        "$12.5 million in North America; a prequel earned $8 million.",
        {("gross", (("amount", 30_000_000), ("currency", "USD")), None)},
    ),
    (  # the territory opening the clause, before the money word
        "In France, it earned €3.4 million. In Germany the film took €1.1 million.",
        {
            ("gross", (("amount", 3_400_000), ("currency", "EUR")), "france"),
            ("gross", (("amount", 1_100_000), ("currency", "EUR")), "germany"),
        },
    ),
    (
        "Produced for an estimated NOK 2.5 million, it was shot in six weeks.",
        {("budget", (("currency", "NOK"), ("high", 2_500_000), ("low", 2_500_000)), "estimated")},
    ),
    (  # the territory opening the clause; a later clause's scope word is that clause's
        "In Canada the film took CA$880,000 over two weekends, and its global total reached "
        "CA$3.2 million.",
        {
            ("gross", (("amount", 880_000), ("currency", "CAD")), "canada"),
            ("gross", (("amount", 3_200_000), ("currency", "CAD")), "worldwide"),
        },
    ),
    (
        "In the United Kingdom, it made £640,000; it did far better elsewhere in Europe.",
        {("gross", (("amount", 640_000), ("currency", "GBP")), "uk")},
    ),
    (  # the currency's name after the amount: yen, euros, yuan, rupees
        "Made for 450 million yen, the film took 1.8 billion yen in Japan and 2.4 million "
        "euros in Italy.",
        {
            ("budget", (("currency", "JPY"), ("high", 450_000_000), ("low", 450_000_000)), None),
            ("gross", (("amount", 1_800_000_000), ("currency", "JPY")), "japan"),
            ("gross", (("amount", 2_400_000), ("currency", "EUR")), "italy"),
        },
    ),
    (  # "made / produced <the film> for" is what it cost; "made" alone what it took
        "Lantern Films produced the picture for $4 million, and it made $9 million.",
        {
            ("budget", (("currency", "USD"), ("high", 4_000_000), ("low", 4_000_000)), None),
            ("gross", (("amount", 9_000_000), ("currency", "USD")), None),
        },
    ),
    (  # the won after a scale word or grouped thousands; "2004 won" is a year and a verb
        "Its cast, who in 2004 won 3 awards, made it for 3.1 billion won, and it grossed "
        "12,400,000,000 won in South Korea.",
        {
            (
                "budget",
                (("currency", "KRW"), ("high", 3_100_000_000), ("low", 3_100_000_000)),
                None,
            ),
            ("gross", (("amount", 12_400_000_000), ("currency", "KRW")), "south korea"),
        },
    ),
    (  # a budget stated only as a bound states no amount
        "Shot in nineteen days on a budget of less than €800,000, it grossed €2.1 million in "
        "France.",
        {("gross", (("amount", 2_100_000), ("currency", "EUR")), "france")},
    ),
    ("The production cost in excess of £15 million.", set()),
    (  # a point budget stands; a gross stated as a bound is still read (for now)
        "Its budget was $3 million, and it grossed over $10 million.",
        {
            ("budget", (("currency", "USD"), ("high", 3_000_000), ("low", 3_000_000)), None),
            ("gross", (("amount", 10_000_000), ("currency", "USD")), None),
        },
    ),
    (  # the money made outside the home market has no scope of v1: no claim, not worldwide
        "It took €4.2 million in France and €6.1 million internationally, for a worldwide "
        "total of €10.3 million; its overseas gross topped €5 million.",
        {
            ("gross", (("amount", 4_200_000), ("currency", "EUR")), "france"),
            ("gross", (("amount", 10_300_000), ("currency", "EUR")), "worldwide"),
        },
    ),
    (  # the Turkish lira as its sign, "TL" before the amount and its code after it
        "Made for 3.5 million TRY, it took TL 8.75 million in Turkey, ₺410,000 in Germany "
        "and €610,000 in Austria.",
        {
            ("budget", (("currency", "TRY"), ("high", 3_500_000), ("low", 3_500_000)), None),
            ("gross", (("amount", 8_750_000), ("currency", "TRY")), "turkey"),
            ("gross", (("amount", 410_000), ("currency", "TRY")), "germany"),
            ("gross", (("amount", 610_000), ("currency", "EUR")), "austria"),
        },
    ),
    (  # the rouble, the złoty, the Deutsche Mark and the baht by sign, name or abbreviation
        "Made for ₽120 million, it grossed 310 million roubles in Russia, 14 million złoty in "
        "Poland, DM 2.1 million in Germany and ฿50 million in Thailand.",
        {
            ("budget", (("currency", "RUB"), ("high", 120_000_000), ("low", 120_000_000)), None),
            ("gross", (("amount", 310_000_000), ("currency", "RUB")), "russia"),
            ("gross", (("amount", 14_000_000), ("currency", "PLN")), "poland"),
            ("gross", (("amount", 2_100_000), ("currency", "DEM")), "germany"),
            ("gross", (("amount", 50_000_000), ("currency", "THB")), "thailand"),
        },
    ),
    (  # baht by name, by code and by sign; the Thai figure in parentheses ("ล้านบาท",
        # million baht) is the same sum, and an opening's baht no gross
        "Made on a budget of 38 million baht (38 ล้านบาท), it took ฿9.5 million in its first "
        "four days and grossed THB 71 million in Thailand.",
        {
            ("budget", (("currency", "THB"), ("high", 38_000_000), ("low", 38_000_000)), None),
            ("gross", (("amount", 71_000_000), ("currency", "THB")), "thailand"),
        },
    ),
    (  # the złoty by its abbreviation before the amount and its plural after it
        "Made for zł 4.5 million, it grossed 7 million złotys in Poland.",
        {
            ("budget", (("currency", "PLN"), ("high", 4_500_000), ("low", 4_500_000)), None),
            ("gross", (("amount", 7_000_000), ("currency", "PLN")), "poland"),
        },
    ),
    (  # the Brazilian real by its plural name, with or without "Brazilian"
        "Made on a budget of 3.8 million reais, it took 12.5 million Brazilian reais in Brazil and "
        "€310,000 in Portugal.",
        {
            ("budget", (("currency", "BRL"), ("high", 3_800_000), ("low", 3_800_000)), None),
            ("gross", (("amount", 12_500_000), ("currency", "BRL")), "brazil"),
            ("gross", (("amount", 310_000), ("currency", "EUR")), "portugal"),
        },
    ),
    (  # the Iranian rial by name, with or without "Iranian", and by its code
        "Made for 2.6 billion Iranian rials, it grossed IRR 41,500,000,000 in Iran. The film "
        "earned 900 million rials.",
        {
            ("budget", (("currency", "IRR"), ("high", 26 * 10**8), ("low", 26 * 10**8)), None),
            ("gross", (("amount", 41_500_000_000), ("currency", "IRR")), "iran"),
            ("gross", (("amount", 900_000_000), ("currency", "IRR")), None),
        },
    ),
    (  # the new shekel by sign, abbreviation before or after, code and name; a share of the
        # budget a fund gave ("of which the X provided") is no budget; money made "abroad" has
        # no scope of v1 (as "overseas"), not the territory named before it
        "Shot on a budget of NIS 6.1 million, of which the Negev Regional Film Fund provided 1.9 "
        "million shekels, it grossed ₪8.2 million in Israel, ILS 410,000 in France, 2.4 "
        "million NIS in Germany and ₪1.1 million abroad.",
        {
            ("budget", (("currency", "ILS"), ("high", 6_100_000), ("low", 6_100_000)), None),
            ("gross", (("amount", 8_200_000), ("currency", "ILS")), "israel"),
            ("gross", (("amount", 410_000), ("currency", "ILS")), "france"),
            ("gross", (("amount", 2_400_000), ("currency", "ILS")), "germany"),
        },
    ),
    (  # "new shekels" and "new Israeli shekels" after the amount
        "Made for 3.3 million new Israeli shekels, it took 5 million new shekels in Israel.",
        {
            ("budget", (("currency", "ILS"), ("high", 3_300_000), ("low", 3_300_000)), None),
            ("gross", (("amount", 5_000_000), ("currency", "ILS")), "israel"),
        },
    ),
    (  # dollars named by their country after the amount
        "Made for 22 million New Taiwan dollars, it earned 3.4 million Hong Kong dollars in "
        "Hong Kong.",
        {
            ("budget", (("currency", "TWD"), ("high", 22_000_000), ("low", 22_000_000)), None),
            ("gross", (("amount", 3_400_000), ("currency", "HKD")), "hong kong"),
        },
    ),
    (  # a country's box office after the amount, named or as an adjective
        "It earned NT$31.5 million at the Taiwan box office and HK$2 million in Hong Kong. "
        "The film had grossed NT$8 million at the Taiwanese box office.",
        {
            ("gross", (("amount", 31_500_000), ("currency", "TWD")), "taiwan"),
            ("gross", (("amount", 2_000_000), ("currency", "HKD")), "hong kong"),
            ("gross", (("amount", 8_000_000), ("currency", "TWD")), "taiwan"),
        },
    ),
    (  # the Turkish lira by name; "lire" alone stays the Italian lira
        "Made on a budget of 6.4 million Turkish lira, it grossed 21.3 million Turkish liras "
        "and 900 million lire in Italy.",
        {
            ("budget", (("currency", "TRY"), ("high", 6_400_000), ("low", 6_400_000)), None),
            ("gross", (("amount", 21_300_000), ("currency", "TRY")), None),
            ("gross", (("amount", 900_000_000), ("currency", "ITL")), "italy"),
        },
    ),
    (  # "mainland China" is the country china (Hong Kong its own market)
        "It earned 640 million yuan in mainland China and HK$9.2 million in Hong Kong.",
        {
            ("gross", (("amount", 640_000_000), ("currency", "CNY")), "china"),
            ("gross", (("amount", 9_200_000), ("currency", "HKD")), "hong kong"),
        },
    ),
    (  # a Gulf market is a territory, not the worldwide total named after it
        "It made $2.4 million in the United Arab Emirates and $0.9 million in Oman, for a "
        "worldwide total of $31 million.",
        {
            ("gross", (("amount", 2_400_000), ("currency", "USD")), "united arab emirates"),
            ("gross", (("amount", 900_000), ("currency", "USD")), "oman"),
            ("gross", (("amount", 31_000_000), ("currency", "USD")), "worldwide"),
        },
    ),
    (  # African markets are territories like any other
        "It made $1.1 million in Uganda and $0.4 million in Senegal.",
        {
            ("gross", (("amount", 1_100_000), ("currency", "USD")), "uganda"),
            ("gross", (("amount", 400_000), ("currency", "USD")), "senegal"),
        },
    ),
    (  # rentals (the distributor's share of the takings) are no gross, in their clause only
        "The picture earned North American rentals of $4.1 million, and grossed $9 million "
        "worldwide.",
        {("gross", (("amount", 9_000_000), ("currency", "USD")), "worldwide")},
    ),
    ("It took $1.8 million in domestic rentals during 1941.", set()),
    (  # after the film's budget, what a part of it cost is no budget of its own
        "The picture was budgeted at $2.1 million; its ballroom set alone cost $180,000. "
        "Filming ran long, and it cost $2.6 million in the end.",
        {
            ("budget", (("currency", "USD"), ("high", 2_100_000), ("low", 2_100_000)), None),
            ("budget", (("currency", "USD"), ("high", 2_600_000), ("low", 2_600_000)), None),
        },
    ),
    (  # what a direct-to-video film's discs took is no box-office gross either
        "The disc sold 95,000 units in a month, earning $1.7 million in DVD sales.",
        set(),
    ),
    (
        "It grossed $3.1 million in the United States and made a further $9 million in home "
        "video sales.",
        {("gross", (("amount", 3_100_000), ("currency", "USD")), "usa")},
    ),
    (  # a clause whose subject is the disc, or that counts the discs sold: the discs' money
        "It grossed $3.1 million in the United States; the DVD earned a further $9 million.",
        {("gross", (("amount", 3_100_000), ("currency", "USD")), "usa")},
    ),
    ("Its Blu-ray release earned $2 million in a month.", set()),
    ("Made for $90,000, it sold 120,000 DVD units and took $1.9 million.", {
        ("budget", (("currency", "USD"), ("high", 90_000), ("low", 90_000)), None),
    }),
    (  # a disc named in another phrase of the clause is not its subject
        "After its DVD release, the film grossed $3 million worldwide.",
        {("gross", (("amount", 3_000_000), ("currency", "USD")), "worldwide")},
    ),
    (  # a part of the budget ("of which", "including") is no budget of its own
        "The film was made for £800,000, of which £150,000 was spent on the battle scenes.",
        {("budget", (("currency", "GBP"), ("high", 800_000), ("low", 800_000)), None)},
    ),
    (
        "It had a budget of €6 million, including roughly €1.5 million for the sets.",
        {("budget", (("currency", "EUR"), ("high", 6_000_000), ("low", 6_000_000)), None)},
    ),
    (  # the money of a whole the film was shown in (a programme, a double bill) is not its own
        "Kino Nord released it in the United States as part of the Nordic Shorts 2015 "
        "programme, which grossed $1.2 million in North America. It later played on a double "
        "bill with Gull Road, which eventually earned $300,000.",
        set(),
    ),
    (  # money raised by crowdfunding is no budget, nor are a grant's
        "The production raised £21,300 from 530 backers through a Kickstarter campaign, with "
        "£8,000 more from a regional film fund.",
        set(),
    ),
    (  # the film's own relative clause still counts
        "The short, which grossed $45,000 in the United States, toured festivals for a year.",
        {("gross", (("amount", 45_000), ("currency", "USD")), "usa")},
    ),
    (  # a currency code is a word of its own: a title's last letters before a numeral are none
        "It grossed $2.3B worldwide and was followed by Copper Sails 2 in 2019.",
        {("gross", (("amount", 2_300_000_000), ("currency", "USD")), "worldwide")},
    ),
]


RUNTIMES = [
    ("It runs 1 h 38 min and was shot in 1999.", {98}),
    ("The film runs 104 minutes, with an intermission.", {104}),
    ("The picture lasted 2 hours 12 minutes at its premiere.", {132}),
    ("At a running time of 3h05, it is her longest film.", {185}),
    ("Its runtime is about 91 min.", {91}),
    # a figure of another thing, or no subject that is the film: no running time
    ("She runs 10 km every day and works 2 hours at the harbour.", set()),
    ("The shoot ran for 40 days.", set()),
]


@pytest.mark.parametrize(("text", "minutes"), RUNTIMES, ids=range(len(RUNTIMES)))
def test_runtime_phrasings(text, minutes):
    assert {v for a, v, _ in _facts(add_runtime_prose, text) if a == "runtime"} == minutes


def test_runtime_of_the_film_named_by_its_title():
    """"2417 runs 84 minutes": the page's title as the subject states the film's running time,
    a title that is a number read as the film, no year; another title's running time is none."""
    text = "2417 premiered in 2019. 2417 runs 84 minutes. Night Bus 9 runs 90 minutes."
    out = _collector(text)
    out.add("title", 0, 4, "2417")
    add_runtime_prose(out, 0, len(text))
    assert {c.value for c in out.claims if c.attribute == "runtime"} == {84}


@pytest.mark.parametrize(
    ("text", "times"),
    [
        # a version named as the sentence's subject: its country, or its cut
        ("The Danish version runs 1 h 52 min; it was cut abroad.", {(112, "denmark")}),
        ("Its director's cut runs 131 minutes.", {(131, "director's cut")}),
        ("The original version lasts 98 minutes.", {(98, None)}),
    ],
)
def test_runtime_of_a_version_in_prose(text, times):
    facts = _facts(add_runtime_prose, text)
    assert {(v, q) for a, v, q in facts if a == "runtime"} == times


@pytest.mark.parametrize(("text", "facts"), MONEY, ids=range(len(MONEY)))
def test_money_phrasings(text, facts):
    assert _facts(add_money_prose, text) == facts


def _gross_facts(text: str) -> set[tuple]:
    out = _collector(text)
    add_money_prose(out, 0, len(text))
    settle_runs(out)
    return {(_plain(c.value)[0][1], c.qualifier) for c in out.claims if c.attribute == "gross"}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (  # one run's takings beside the total: the run's kind tells them apart
            "In its initial release the film took $12 million in North America and $30 million "
            "worldwide. Reissued in 1997, it earned $4 million more in the United States, for a "
            "cumulative domestic gross of $16 million; its worldwide total is $36 million.",
            {
                (12_000_000, "usa,original run"),
                (30_000_000, "worldwide,original run"),
                (4_000_000, "usa,re-release"),
                (16_000_000, "usa"),
                (36_000_000, "worldwide"),
            },
        ),
        (  # a lone run's gross is the film's gross in its scope, as other sites list it
            "The 2009 re-release grossed £80,000 in the United Kingdom. It took $1 million "
            "worldwide during its first theatrical run.",
            {(80_000, "uk"), (1_000_000, "worldwide")},
        ),
    ],
)
def test_gross_of_one_run(text, facts):
    """A gross the page gives for one release alone (the original run, a re-release) carries
    that run's kind after its scope, where the page has another gross of that scope."""
    assert _gross_facts(text) == facts


def test_credits_in_prose():
    text = "Some Film is a 1999 drama film written and directed by Ada Brook and starring Jo Vance."
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("writers", "Ada Brook", None),
        ("stars", "Jo Vance", None),
    }


def test_people_joined_by_an_ampersand_are_two_people():
    """A co-direction or a duo of players written 'A & B' (or '&amp;' in an encoded capture),
    in prose, an infobox line, an info panel or a credits line: each a person of their own."""
    from auditor.extract.imdb import Imdb
    from auditor.extract.wikipedia import Wikipedia

    text = "Some Film is a 2003 comedy film directed by Ada Brook & Kit Ray, starring Jo Vance."
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("director", "Kit Ray", None),
        ("stars", "Jo Vance", None),
    }
    text = (
        "Twin Film\n\nFrom Wikipedia, the free encyclopedia\n\nTwin Film\n"
        "Directed byLee Paine & Max Orr\nProduced byJo Vance &amp; Ada Brook\n\n"
        "Twin Film is a 2010 comedy film.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    assert set(out.values("director")) == {"Lee Paine", "Max Orr"}
    assert set(out.values("producers")) == {"Jo Vance", "Ada Brook"}
    text = (
        "6.2/10 1,204 rate this twin film&nbsp;(2010) pg | 1h 30min | comedy | 4 june 2010 (usa)"
        " two brothers swap lives. directors: lee paine &amp; max orr stars: jo vance & ada brook"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    assert set(out.values("director")) == {"lee paine", "max orr"}
    assert set(out.values("stars")) == {"jo vance", "ada brook"}
    panel = "• PG, 1 hr. 30 min.\n  • Comedy\n  • Directed By:\n    Lee Paine & Max Orr\n\n\n"
    facts = _facts(lambda out, s, e: RottenTomatoes()._info(out, s, e), panel)
    assert {f for f in facts if f[0] == "director"} == {
        ("director", "Lee Paine", None),
        ("director", "Max Orr", None),
    }


def test_credited_names_with_particles_in_prose():
    from auditor.extract.prose import add_cast_prose

    text = "It stars Ola ter Horst, Jan van den Broek and Ines van der Kolk."
    assert _facts(add_cast_prose, text) == {
        ("stars", "Ola ter Horst", None),
        ("stars", "Jan van den Broek", None),
        ("stars", "Ines van der Kolk", None),
    }


def test_crew_credits_in_a_lead():
    """'directed by A and photographed by B', 'with cinematography by C', 'The film was edited
    by D and E': cinematographer and editor credits; 'photographed Lisbon' (no "by") and a
    sentence whose subject is no film credit no one."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "Gull Road is a 1961 drama film directed by Ada Brook and photographed by Ivo Marsh, "
        "with cinematography by Lena de Wit."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("cinematographer", "Ivo Marsh", None),
        ("cinematographer", "Lena de Wit", None),
    }
    text = (
        "The film was edited by Jo Vance and Kit Orr. It photographed Lisbon at night. Her "
        "brother was photographed by Max Ott."
    )
    assert _facts(add_cast_prose, text) == {
        ("editor", "Jo Vance", None),
        ("editor", "Kit Orr", None),
    }


def test_crew_credit_naming_the_job_before_a_one_word_name():
    """'The film was shot by cinematographer X' (a mononym right after its job word) and
    'edited by the editor Y': the job is no part of the name; 'with music by Z' credits no
    one; 'shot by night' names no one."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "The film was shot by cinematographer Wiratmo, with music by Kusno. It was also "
        "edited by the editor Lena de Wit. The film was shot by night."
    )
    assert _facts(add_cast_prose, text) == {
        ("cinematographer", "Wiratmo", None),
        ("editor", "Lena de Wit", None),
    }
    text = "Gull Road is a 2015 drama film directed by Ada Brook and photographed by Marsono."
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("cinematographer", "Marsono", None),
    }
    # a job named with "with" and no "by" credits its crew member; a composer credits no one,
    # nor does a lead's summary where someone is shot
    text = (
        "Gull Road is a 2015 drama film directed by Ada Brook, with cinematographer Marsono "
        "and composer Kusno, about a farmer robbed and shot by Jo Vance."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("cinematographer", "Marsono", None),
    }
    text = (
        "Gull Road is a 2015 drama film directed by Ada Brook, with cinematography by Marsono "
        "and editing by Ratih Wulandari, and with the director of photography Ivo Marsh and "
        "editor Kit Orr."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("cinematographer", "Marsono", None),
        ("editor", "Ratih Wulandari", None),
        ("cinematographer", "Ivo Marsh", None),
        ("editor", "Kit Orr", None),
    }


def test_coordinated_credit_verbs_in_a_lead():
    """'written, directed and edited by A', 'directed and produced by B': each verb of the list
    credits the names after the last one's "by" (a short's film-maker often does every job)."""
    text = (
        "Kettle Moor is a 2016 short film written, directed, edited and produced by Ada Brook. "
        "Its sequel was directed and produced by Ivo Marsh and Lena de Wit."
    )
    assert _facts(add_credit_prose, text) == {
        ("writers", "Ada Brook", None),
        ("director", "Ada Brook", None),
        ("editor", "Ada Brook", None),
        ("producers", "Ada Brook", None),
        ("director", "Ivo Marsh", None),
        ("producers", "Ivo Marsh", None),
        ("director", "Lena de Wit", None),
        ("producers", "Lena de Wit", None),
    }
    text = "Gull Road is a 1961 drama film written, directed and photographed by Kit Orr."
    assert _facts(add_credit_prose, text) == {
        ("writers", "Kit Orr", None),
        ("director", "Kit Orr", None),
        ("cinematographer", "Kit Orr", None),
    }


def test_a_later_lead_sentence_coordinates_its_crew_credits():
    """'The film was edited by A, and was also photographed by B': each credit of the film's
    sentence counts, not the first alone; a credit after another subject is none."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "The film was edited by Jo Vance, and was also photographed by Ivo Marsh. It was shot "
        "by night and edited by Kit Orr's own crew, whose lights were photographed by Max Ott."
    )
    assert _facts(add_cast_prose, text) == {
        ("editor", "Jo Vance", None),
        ("cinematographer", "Ivo Marsh", None),
    }


def test_prose_credit_names_joined_by_y_or_i_are_one_person():
    """Spanish "y" and Catalan "i" between two capitalised surnames join one person's name;
    "and" between two names still parts two people."""
    text = (
        "Sixth Film is a 2004 drama film directed by Pau Serra i Vidal and written by Ana "
        "Ruiz y Ochoa and Marc Soler."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Pau Serra i Vidal", None),
        ("writers", "Ana Ruiz y Ochoa", None),
        ("writers", "Marc Soler", None),
    }


def test_prose_credit_names_with_portuguese_particles_are_one_person():
    """Portuguese "do" / "dos" / "das" and "e" between capitalised words stay inside one name,
    and a co-writer's particle is no description of the co-writer ("with Ana de Melo")."""
    text = (
        "Seventh Film is a 2009 drama film directed by Rui Carlos das Neves Pinto, who co-wrote "
        "the screenplay with Ana de Melo e Castro and Tiago do Vale."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Rui Carlos das Neves Pinto", None),
        ("writers", "Rui Carlos das Neves Pinto", "screenplay"),
        ("writers", "Ana de Melo e Castro", "screenplay"),
        ("writers", "Tiago do Vale", "screenplay"),
    }
    text = "Eighth Film is a 2011 comedy film written by Nuno dos Reis and Lia Moura."
    assert _facts(add_credit_prose, text) == {
        ("writers", "Nuno dos Reis", None),
        ("writers", "Lia Moura", None),
    }


def test_writing_credits_name_their_role_in_prose():
    text = (
        "Some Film is a 2011 thriller film directed by Ada Brook, written by Jo Vance from a "
        "story by Kit Ray and Lee Paine."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("writers", "Jo Vance", None),
        ("writers", "Kit Ray", "story"),
        ("writers", "Lee Paine", "story"),
    }
    text = "Other Film is a 1990 drama film with a screenplay by Max Orr."
    assert _facts(add_credit_prose, text) == {("writers", "Max Orr", "screenplay")}
    text = "Fifth Film is a 1952 crime film directed by Jo Vance after the novel by Kit Orr."
    assert _facts(add_credit_prose, text) == {
        ("director", "Jo Vance", None),
        ("writers", "Kit Orr", "novel"),
    }
    text = "Third Film is a 2003 comedy film directed by Lee Paine, who also wrote the story."
    assert _facts(add_credit_prose, text) == {
        ("director", "Lee Paine", None),
        ("writers", "Lee Paine", "story"),
    }
    text = (
        "Fourth Film is a 2008 animated film directed by Kit Ray, who co-wrote the screenplay "
        "with Jo Vance and Ada Brook."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Kit Ray", None),
        ("writers", "Kit Ray", "screenplay"),
        ("writers", "Jo Vance", "screenplay"),
        ("writers", "Ada Brook", "screenplay"),
    }
    for what in ("television", "TV"):  # the teleplay's credit, as "from a teleplay by X"
        text = f"Sixth Film is a 1994 television film written for {what} by Jo Vance."
        assert _facts(add_credit_prose, text) == {("writers", "Jo Vance", "teleplay")}
    for what in ("the Icelandic novelist", "novelist", "his brother", "the playwright"):
        text = (
            f"Fifth Film is a 1999 drama film directed by Kit Ray, who co-wrote the story with "
            f"{what} Jo Vance."
        )
        assert _facts(add_credit_prose, text) == {
            ("director", "Kit Ray", None),
            ("writers", "Kit Ray", "story"),
            ("writers", "Jo Vance", "story"),
        }


def test_writing_credits_with_dialogue_and_a_screenplay_the_director_wrote():
    """'with dialogue by X' is X's writing role; 'directed by X in his debut, from a screenplay
    he wrote with Y' credits X and Y with the screenplay, as 'who co-wrote' does."""
    text = "Some Film is a 1962 drama film directed by Ada Brook, with dialogue by Jo Vance."
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("writers", "Jo Vance", "dialogue"),
    }
    text = (
        "Other Film is a 1958 crime film directed by Kit Ray in his first feature, from a "
        "screenplay he wrote with Lee Paine."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Kit Ray", None),
        ("writers", "Kit Ray", "screenplay"),
        ("writers", "Lee Paine", "screenplay"),
    }


def test_voice_credits_in_prose():
    text = (
        "Some Film is a 2006 animated film directed by Ada Brook, featuring the voices of "
        "Jo Vance, Lee Paine and Kit Ray."
    )
    assert _facts(add_credit_prose, text) == {
        ("director", "Ada Brook", None),
        ("stars", "Jo Vance", None),
        ("stars", "Lee Paine", None),
        ("stars", "Kit Ray", None),
    }


def test_cast_credits_in_a_leads_later_sentences():
    """The film as the subject of a later sentence credits its players; a name opening on an
    accented capital is read whole; another subject's credit is not the film's."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "A co-production between Nordlys and Lumen, it features the voices of Émile Roux, "
        "Jo Vance and Ōta Ren. The film also stars Kit Ray Jr. as the narrator. "
        "Its sequel stars Lee Paine."
    )
    assert _facts(add_cast_prose, text) == {
        ("stars", "Émile Roux", None),
        ("stars", "Jo Vance", None),
        ("stars", "Ōta Ren", None),
        ("stars", "Kit Ray Jr.", None),
    }


def test_cast_credits_of_a_sentence_whose_subject_is_the_films_cast():
    """'Its ensemble cast includes A, B and C', 'The film's cast is led by D': the film's cast
    as the subject credits its players; another film's cast credits no one."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "Its ensemble cast includes Mira Dole, Tomas Ek and Ada K. Brook. The film's principal "
        "cast is led by Lee Paine. Its sequel's cast includes Jo Vance."
    )
    assert _facts(add_cast_prose, text) == {
        ("stars", "Mira Dole", None),
        ("stars", "Tomas Ek", None),
        ("stars", "Ada K. Brook", None),
        ("stars", "Lee Paine", None),
    }


def test_cast_credits_with_supporting_players():
    """'It stars A and B, with C and D in supporting roles': the same verb credits all four;
    a 'with' that names no supporting role ('with music by E') credits nobody more."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "It stars Mira Dole and Tomas Ek, with Ada K. Brook, Lee Paine and Jo Vance in "
        "supporting roles. The film stars Kit Ray, with music by Ola Moss."
    )
    assert _facts(add_cast_prose, text) == {
        ("stars", "Mira Dole", None),
        ("stars", "Tomas Ek", None),
        ("stars", "Ada K. Brook", None),
        ("stars", "Lee Paine", None),
        ("stars", "Jo Vance", None),
        ("stars", "Kit Ray", None),
    }


LEADS = [
    ("X is a 1996 British black comedy crime film directed", {"black comedy", "crime"}),
    ("X is a 2001 French-language romantic comedy film", {"romantic comedy"}),
    ("X is a 1949 British film noir directed by", {"film noir"}),
    ("X is a 2010 American psychological thriller film", {"psychological thriller"}),
    ("X is a 1995 romantic drama film", {"romantic drama"}),
    ("X is a 2011 Indian Telugu-language masala film", {"masala"}),
    ("X is a 1975 Hindi-language masala action comedy film", {"masala", "action", "comedy"}),
    ("X is a 1991 American buddy cop thriller film", {"buddy cop", "thriller"}),
    ("X is a 1988 buddy comedy film", {"buddy comedy"}),
    ("X is a 1994 Hong Kong wuxia film directed by", {"wuxia"}),
    ("X is a 1972 Hong Kong martial arts film", {"martial arts"}),
    ("X is a 2004 Chinese 3D kung fu comedy film", {"kung fu", "comedy"}),
    ("X is a 2016 Welsh-Irish short drama film", {"short", "drama"}),
    ("X is a 2009 animated short film written by", {"animated", "short"}),
    ("X is a 2019 American 3D computer-animated fantasy film", {"computer-animated", "fantasy"}),
    ("X is a 1966 Italian-Spanish spaghetti western film directed by", {"spaghetti western"}),
    ("X is a 1971 West German Euro-western comedy film", {"Euro-western", "comedy"}),
]


@pytest.mark.parametrize(("text", "genres"), LEADS, ids=range(len(LEADS)))
def test_lead_noun_phrase_genres(text, genres):
    facts = _facts(add_lead_sentence, text, country=False)
    assert {v for a, v, _ in facts if a == "genres"} == genres


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("Xy (also known as The Long Road) is a 2003 drama film.", {"The Long Road"}),
        ('Xy (a.k.a. "Night Ferry") is a 1961 thriller film.', {"Night Ferry"}),
        ("Xy (also released as Harbour Lights) is a 1950 crime film.", {"Harbour Lights"}),
        # a translation's gloss and a pronunciation are no other title
        ("Xy (transl. Dark water) is a 2014 drama film.", set()),
        ("Xy (pronounced [ksi]) is a 2014 drama film.", set()),
        # a parenthesis after the noun phrase is another thing's
        ("Xy is a 2003 drama film (also known as a weepie) by Ola Moss.", set()),
    ],
)
def test_lead_sentence_other_title(text, titles):
    facts = _facts(lambda out, s, e: add_lead_sentence(out, s, e, country=False), text)
    assert {v for a, v, _ in facts if a == "also_known_as"} == titles


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Xy is a 2002 Belgian-Dutch comedy-drama film.", {"Belgian", "Dutch"}),
        ("Xy is a 2004 British and American crime film.", {"British", "American"}),
        ("Xy is a 1999 Icelandic drama film.", {"Icelandic"}),
        ("Xy is a 2002 Quebec comedy film.", set()),
        ("Xy is a 1994 American Christmas comedy film.", {"American"}),
        # a nationality of two words: a compass word or "New" opens it
        ("Xy is a 1981 West German-French war film.", {"West German", "French"}),
        ("Xy is a 2010 New Zealand horror film.", {"New Zealand"}),
        ("Xy is a 1999 South African and British drama film.", {"South African", "British"}),
        # a state of its time: the Soviet Union
        ("Xy is a 1972 Soviet science fiction film.", {"Soviet"}),
        ("Xy is a 1966 Soviet-Polish war film.", {"Soviet", "Polish"}),
    ],
)
def test_lead_sentence_countries(text, countries):
    facts = _facts(lambda out, s, e: add_lead_sentence(out, s, e, country=True), text)
    assert {v for a, v, _ in facts if a == "country"} == countries


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("Xy is a 2014 Indian Tamil-language action thriller film.", {"Tamil"}),
        ("Xy is a 2001 French-language romantic comedy film.", {"French"}),
        ("Xy is a 1999 Icelandic drama film.", set()),
    ],
)
def test_lead_sentence_language(text, languages):
    facts = _facts(add_lead_sentence, text, country=False)
    assert {v for a, v, _ in facts if a == "language"} == languages


def test_genre_hierarchy():
    assert facets("masala") >= {"action", "drama"}
    assert facets("wuxia") == {"action", "adventure"}
    assert facets("Spaghetti Western") == facets("euro-western") == {"western"}
    assert facets("black comedy") == {"comedy"}
    assert facets("Mystery & Suspense") >= {"thriller"}
    assert facets("Art House & International") == frozenset()
    assert facets("romantic") == {"romance"}
    assert facets("buddy cop") == {"action", "crime"}


BLOG_FIELDS = [
    ("Rated: PG-13", {("mpaa_rating", "PG-13", None)}),
    ("Released: 23 Feb 1996", {("release_date", "1996-02-23", None)}),
    ("Release Date: 23 February 1996 (UK)", {("release_date", "1996-02-23", "uk")}),
    ("Runtime: 94 min", {("runtime", 94, None)}),
    ("Metascore: 83", {("critic_score", (("scale", 100), ("value", 83)), "metacritic")}),
    ("DVD: 20 Oct 1998", {("dvd_release", "1998-10-20", None)}),
    ("BoxOffice: $33,201,661", {("gross", (("amount", 33_201_661), ("currency", "USD")), None)}),
    ("Production: Northway Films", {("distributor", "Northway Films", None)}),
    (
        "Writer: Ada Brook (novel), Jo Vance (screenplay)",
        {("writers", "Ada Brook", "novel"), ("writers", "Jo Vance", "screenplay")},
    ),
    ("Genre: Crime, Drama", {("genres", "Crime", None), ("genres", "Drama", None)}),
    (  # a co-direction credited with an ampersand is two people; a genre's "&" is not
        "Director: Maya Lind & Tomas Orr",
        {("director", "Maya Lind", None), ("director", "Tomas Orr", None)},
    ),
    ("Actors: Ben Hale &amp; Ida Roe", {("stars", "Ben Hale", None), ("stars", "Ida Roe", None)}),
    ("Genre: Action & Adventure", {("genres", "Action & Adventure", None)}),
    (
        "Budget: €11,400,000 (estimated)",
        {("budget", (("currency", "EUR"), ("high", 11_400_000), ("low", 11_400_000)), "estimated")},
    ),
]


@pytest.mark.parametrize(
    ("votes", "count"),
    [
        ("8,215", 8_215),
        ("8.2K", 8_200),
        ("1.2M", 1_200_000),
        ("12 406", 12_406),  # a space between thousands
        ("1\u00a0204\u00a0377", 1_204_377),  # a no-break space
        ("40512", 40_512),  # no separator
    ],
)
def test_blog_rating_vote_counts(votes, count):
    from auditor.extract.movieblog import MovieBlog

    text = f"A Film\n\nMay 1st, 1990\n\nRelease Year: 1990\n\nRating: 6.8/10 ({votes} voted)\n"
    out = _collector(text)
    assert MovieBlog().recognise(out.view)
    MovieBlog().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value)) for c in out.claims}
    assert {("user_rating", (("scale", 10), ("value", 6.8))), ("rating_votes", count)} <= facts


@pytest.mark.parametrize(
    ("line", "facts"), BLOG_FIELDS, ids=[f[0].split(":")[0] for f in BLOG_FIELDS]
)
def test_blog_field_lines(line, facts):
    def reader(out, start, end):
        for m in _FIELD.finditer(out.view.text, start, end):
            _field(out, m["label"], m.start("v"), m.end("v"))

    assert _facts(reader, line) == facts


RT_PANELS = [
    (
        "• Rating:\n    R (for language)\n  • Genre:\n    Comedy, Drama\n  • Runtime:\n"
        "    1 hr. 33 min.\n  • Studio:\n    Northway Films\n\n\n",
        {
            ("mpaa_rating", "R", None),
            ("genres", "Comedy", None),
            ("genres", "Drama", None),
            ("runtime", 93, None),
            ("distributor", "Northway Films", None),
        },
    ),
    (
        "• NR, 1 hr. 44 min.\n  • Classics, Mystery & Suspense\n  • Directed By:\n    Ada Brook\n"
        "    In Theaters:\n    Feb 2, 1950 Wide\n    Box Office:\n    $449,191\n"
        "  • Northway Films\n\n\n",
        {
            ("mpaa_rating", "NR", None),
            ("runtime", 104, None),
            ("genres", "Classics", None),
            ("genres", "Mystery & Suspense", None),
            ("director", "Ada Brook", None),
            ("release_date", "1950-02-02", "wide"),
            ("gross", (("amount", 449_191), ("currency", "USD")), None),
            ("distributor", "Northway Films", None),
        },
    ),
    (  # the 2020s MOVIE INFO layout: one "Label: value" a line, a streaming release date, and
        # production companies that are no distributor
        "MOVIE INFO\n\nTwo brothers drive north.\n\nRating: PG-13 (Some Language|Brief Violence)\n"
        "Genre: Comedy, Drama\nOriginal Language: French (Canada)\nDirector: Ada Brook\n"
        "Producer: Ola Moss, Kit Lund\nWriter: Ada Brook, Ivo Marr\n"
        "Release Date (Theaters): Jun 4, 2021  wide\nRelease Date (Streaming): Jul 16, 2021\n"
        "Runtime: 1h 38m\nDistributor: Keel Street Pictures\nProduction Co: Northway Films\n"
        "Box Office (Gross USA): $1.4M\nSound Mix: Dolby Atmos\n\n\n",
        {
            ("mpaa_rating", "PG-13", None),
            ("genres", "Comedy", None),
            ("genres", "Drama", None),
            ("language", "French (Canada)", None),
            ("director", "Ada Brook", None),
            ("producers", "Ola Moss", None),
            ("producers", "Kit Lund", None),
            ("writers", "Ada Brook", None),
            ("writers", "Ivo Marr", None),
            ("release_date", "2021-06-04", "wide"),
            ("release_date", "2021-07-16", "streaming"),
            ("runtime", 98, None),
            ("distributor", "Keel Street Pictures", None),
            ("gross", (("amount", 1_400_000), ("currency", "USD")), "usa"),
        },
    ),
    (  # no labelled lines: the studio told from the genres by the vocabulary
        "• PG-13, 1 hr. 58 min.\n  • Art House & International, Drama\n  • Keel Street Pictures\n"
        "\n\n",
        {
            ("mpaa_rating", "PG-13", None),
            ("runtime", 118, None),
            ("genres", "Art House & International", None),
            ("genres", "Drama", None),
            ("distributor", "Keel Street Pictures", None),
        },
    ),
]


@pytest.mark.parametrize(("panel", "facts"), RT_PANELS, ids=range(len(RT_PANELS)))
def test_rotten_tomatoes_info_panel(panel, facts):
    assert _facts(lambda out, s, e: RottenTomatoes()._info(out, s, e), panel) == facts


def test_rotten_tomatoes_movie_info_synopsis_names_characters():
    """The 2020s page's MOVIE INFO summary names the film's characters, as a plot does; the
    labelled lines and the reviews below it are no summary."""
    page = (
        "MOVIE INFO\n\n"
        "Sister Maud Ellery runs a shelter in Leeds until Captain Rolf Haas arrives with twelve "
        "refugees and no papers.\n\n"
        "Genre: Drama\nDirector: Ivo Marsh\nRuntime: 1h 40m\n\n\n"
        "Top Box Office\n\n90% Other Film $2.0M\n\n"
        "Harbor Light Reviews\n\nPage 1 of 1\nJo T.\nMay 2, 2021\nLoved Tom Pike in it.\n"
        "Page 1 of 1\n"
    )
    out = _collector(page)
    RottenTomatoes().extract(out.view, out)
    assert set(out.values("character")) == {"Sister Maud Ellery", "Captain Rolf Haas"}


def test_a_summary_introduces_a_one_word_name_by_an_appositive_of_a_person():
    """'Dara, a weary Manila schoolteacher, ...', 'Tobi, an out-of-work driver who ...': one
    capitalised word before an appositive naming a person by kin, trade or age is a name, in a
    cased summary with no cast list to tell it so; a place so described ("Porto, a city of
    bridges,"), one after a preposition ("In Leeds, a nurse who") or an opening word
    ("Meanwhile, a cook ...") is none, and a surname so described is its full name's."""
    text = (
        "Dara, a weary Manila teacher, goes home to Cebu. Porto, a city of bridges, is her "
        "last stop. In Leeds, a nurse who lost her job meets Tobi, an out-of-work driver who "
        "sleeps in his van, and Ines Duarte, a widow. Meanwhile, a cook, Jun, waits."
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == {"Dara", "Tobi", "Ines Duarte"}


def test_movie_info_summary_reads_one_word_names_from_the_cast_and_crew():
    """A 2020s MOVIE INFO summary names characters by one word where its page's Cast & Crew
    gives those roles ("Ratih", "Bima"); a landform's run ("the fog-bound Merbabu Highlands")
    and a country of two words ("Hong Kong") are places."""
    page = (
        "MOVIE INFO\n\n"
        "Ratih comes home to the fog-bound Merbabu Highlands, where her friend Bima wants her to "
        "sell the farm, and her mother left for Hong Kong.\n\n"
        "Genre: Drama\nDirector: Ivo Marsh\nRuntime: 1h 40m\n\n\n"
        "Cast & Crew\n\nAda Brook\nRatih\nJo Vance\nBima\nIvo Marsh\nDirector\n\n\n"
        "Top Box Office\n\n90% Other Film $2.0M\n\n"
        "Harbor Light Reviews\n\nPage 1 of 1\nJo T.\nMay 2, 2021\nLoved it.\nPage 1 of 1\n"
    )
    out = _collector(page)
    RottenTomatoes().extract(out.view, out)
    assert set(out.values("character")) == {"Ratih", "Bima"}


def test_a_summary_names_a_child_by_age_and_a_parent_by_a_possessive():
    """'ten-year-old Wren', 'Wren's father Anselm': one name after an age or after a name's
    kin word is a person, in a cased summary with no cast list to tell it so."""
    page = (
        "MOVIE INFO\n\n"
        "Sent to the coast for the winter, ten-year-old Wren meets a lighthouse keeper who has "
        "stopped lighting the lamp, while Wren's father Anselm looks for work in Hull.\n\n"
        "Genre: Drama\nDirector: Ivo Marsh\nRuntime: 0h 21m\n\n\n"
        "Harbor Light Reviews\n\nPage 1 of 1\nJo T.\nMay 2, 2021\nLoved it.\nPage 1 of 1\n"
    )
    out = _collector(page)
    RottenTomatoes().extract(out.view, out)
    assert set(out.values("character")) == {"Wren", "Anselm"}


@pytest.mark.parametrize("mark", ["*", "+", "o", "-", "·"])
def test_rotten_tomatoes_panel_drawn_with_other_list_marks(mark):
    """Text captures draw a list item's bullet as they like ("*", "+", "o", "-"): the same
    panels with another mark state the same facts as with the page's "•"."""
    for n, (panel, facts) in enumerate(RT_PANELS):
        if "•" in panel:
            redrawn = panel.replace("•", mark)
            got = _facts(lambda out, s, e: RottenTomatoes()._info(out, s, e), redrawn)
            assert got == facts, n


def test_rotten_tomatoes_score_panel():
    """The Tomatometer panel gives the critics' score, average and count; the audience panel
    beside it (its own "Average Rating:" on a 5-point scale) gives nothing."""
    page = (
        "• R, 1 hr. 41 min.\n  • Drama\n  • Harbour Pictures\n\n\n"
        "TOMATOMETER\nAll Critics | Top Critics\n64%\nAverage Rating: 6/10\n"
        "Reviews Counted: 1,204\nFresh: 770 | Rotten: 434\n\n"
        "AUDIENCE SCORE\n72%\nliked it\nAverage Rating: 3.6/5\nUser Ratings: 88,410\n\n\n"
        "45% Other Film Jan 02\n\nSome Film Reviews\n\nPage 1 of 3\nGood.\nPage 1 of 3\n"
    )
    facts = _facts(lambda out, s, e: RottenTomatoes().extract(out.view, out), page)
    scores = {f for f in facts if f[0] in ("critic_score", "critic_review_count", "user_rating")}
    assert scores == {
        ("critic_score", (("scale", 100), ("value", 64)), "rottentomatoes"),
        ("critic_score", (("scale", 10), ("value", 6)), "rottentomatoes average"),
        ("critic_review_count", 1204, "rottentomatoes"),
    }


MONEY_FORMS = [
    ("FRF77,000,000 (estimated)", (77_000_000, "FRF", None)),
    ("£1,500,000 (estimated)", (1_500_000, "GBP", None)),
    ("$16,501,785 (USA) (19 July 1996)", (16_501_785, "USD", "usa")),
    ("£12,433,064 (UK)", (12_433_064, "GBP", "uk")),
    ("$72 million (worldwide)", (72_000_000, "USD", "worldwide")),
    ("2.5 million DKK", (2_500_000, "DKK", None)),
    ("1 250 000 NOK (estimated)", (1_250_000, "NOK", None)),
    ("1.2 billion yuan (China)", (1_200_000_000, "CNY", "china")),
    ("350 crore rupees", (3_500_000_000, "INR", None)),
    ("₺4,750,000 (Turkey)", (4_750_000, "TRY", "turkey")),  # the Turkish lira, three ways
    ("tl 9,100,000 (estimated)", (9_100_000, "TRY", None)),
    ("3.2 million TRY", (3_200_000, "TRY", None)),
    ("850,000 TL", (850_000, "TRY", None)),
    ("7,250,000 Turkish lira (estimated)", (7_250_000, "TRY", None)),
    ("₦85,000,000 (Nigeria)", (85_000_000, "NGN", "nigeria")),
    ("₱40 million", (40_000_000, "PHP", None)),
    ("DEM 4,500,000 (estimated)", (4_500_000, "DEM", None)),
    ("6.2 million Deutsche Marks", (6_200_000, "DEM", None)),
    ("PLN 9,300,000", (9_300_000, "PLN", None)),
    # the rupiah's "Rp" (glued or spaced), its Indonesian scale words ("juta" a million,
    # "miliar" / "milyar" a billion) and the decimal comma before a scale word
    ("Rp7.2 billion (estimated)", (7_200_000_000, "IDR", None)),
    ("Rp 7,2 miliar", (7_200_000_000, "IDR", None)),
    ("Rp 3 milyar (Indonesia)", (3_000_000_000, "IDR", "indonesia")),
    ("Rp. 850 juta", (850_000_000, "IDR", None)),
    ("€3,5 million", (3_500_000, "EUR", None)),
    ("$1,250 million", (1_250_000_000, "USD", None)),  # three digits: thousands
    # thousands grouped by dots, two groups at least ("12.5" stays a decimal point's)
    ("Rp 12.500.000.000 (estimated)", (12_500_000_000, "IDR", None)),
    ("€1.250.000", (1_250_000, "EUR", None)),
]


@pytest.mark.parametrize(("text", "value"), MONEY_FORMS, ids=range(len(MONEY_FORMS)))
def test_money_keeps_its_currency(text, value):
    m = parse_money(text)
    assert (m.low, m.currency, m.scope) == value


def test_rupee_abbreviation_in_prose():
    """'Rs.' is the rupee (its dot ends no sentence), a word of its own ('hours 2' is none)."""
    text = (
        "Shot in 40 days and 2 hours of footage, the film cost Rs. 18 crore. It grossed "
        "Rs 61.2 crore worldwide and Rs.95,00,000 in Australia."
    )
    got = _facts(add_money_prose, text)
    assert got == {
        ("budget", (("currency", "INR"), ("high", 180_000_000), ("low", 180_000_000)), None),
        ("gross", (("amount", 612_000_000), ("currency", "INR")), "worldwide"),
        ("gross", (("amount", 9_500_000), ("currency", "INR")), "australia"),
    }


def test_rupiah_in_prose():
    """'Rp' is the rupiah, in English and Indonesian number forms; a sum spent on promotion
    after the budget ("Rp 2 milyar more spent on its promotion") is no budget."""
    text = (
        "Made on a budget of Rp 7,2 miliar, with Rp 2 milyar more spent on its promotion, the "
        "film grossed Rp18.4 billion in Indonesia and Rp 1.150.000.000 in Malaysia, from "
        "1.218.400 admissions."
    )
    got = _facts(add_money_prose, text)
    assert got == {
        ("budget", (("currency", "IDR"), ("high", 7_200_000_000), ("low", 7_200_000_000)), None),
        ("gross", (("amount", 18_400_000_000), ("currency", "IDR")), "indonesia"),
        ("gross", (("amount", 1_150_000_000), ("currency", "IDR")), "malaysia"),
    }


def test_egyptian_pound_sign_and_abbreviations_in_prose_and_fields():
    """'E£' (no pound sterling), 'LE' and 'L.E.' (livre égyptienne, in capitals: "le 12" is
    French) are the Egyptian pound; a Gulf currency's code ('AED') is read like any other."""
    assert parse_money("E£4.5 million").currency == "EGP"
    assert parse_money("L.E. 900,000").low == 900_000
    assert parse_money("le 12 million") is None
    assert parse_money("KWD 210,000").currency == "KWD"
    text = (
        "Shot in Aswan for LE 6.5 million, the film grossed E£18.2 million in Egypt "
        "and AED 640,000 in the United Arab Emirates."
    )
    got = _facts(add_money_prose, text)
    assert got == {
        ("budget", (("currency", "EGP"), ("high", 6_500_000), ("low", 6_500_000)), None),
        ("gross", (("amount", 18_200_000), ("currency", "EGP")), "egypt"),
        ("gross", (("amount", 640_000), ("currency", "AED")), "united arab emirates"),
    }


def test_amounts_written_before_their_currency_in_prose():
    """'produced for 410 000 kr', 'grossed 2.5 million SEK': read in running prose too."""
    text = "The film was produced for 410 000 kr and grossed 2.5 million SEK in Sweden."
    out = _collector(text)
    out.add("country", text.index("Sweden"), len(text) - 1, "Sweden")
    add_money_prose(out, 0, len(text))
    got = {(c.attribute, _plain(c.value)) for c in out.claims if c.attribute != "country"}
    assert got == {
        ("budget", (("currency", "SEK"), ("high", 410_000), ("low", 410_000))),
        ("gross", (("amount", 2_500_000), ("currency", "SEK"))),
    }


def test_kr_before_the_amount_and_mkr_in_prose():
    """'kr 2 750 000' (the krone before an amount of space-parted thousands) and millions
    of kronor ('18 Mkr') are the film's country's krona or krone, in prose as in a field;
    with no Nordic country named they state no amount."""
    assert parse_money("kr 2 750 000", krona="NOK").low == 2_750_000
    assert parse_money("18 Mkr", krona="DKK") == parse_money("DKK 18 million")
    assert parse_money("kr 2 750 000") is None
    text = "The film was made for 18 Mkr and grossed kr 2 750 000 in Norway."
    out = _collector(text)
    out.add("country", text.index("Norway"), len(text) - 1, "Norway")
    add_money_prose(out, 0, len(text))
    got = {
        (c.attribute, _plain(c.value), c.qualifier) for c in out.claims if c.attribute != "country"
    }
    assert got == {
        ("budget", (("currency", "NOK"), ("high", 18_000_000), ("low", 18_000_000)), None),
        ("gross", (("amount", 2_750_000), ("currency", "NOK")), "norway"),
    }


def test_kr_is_the_krona_of_the_films_country():
    """'kr' alone names no currency: the film's country's krona or krone, else no amount."""
    from auditor.extract.wikipedia import Wikipedia

    assert parse_money("3 750 000 kr", krona="DKK").currency == "DKK"
    assert parse_money("3 750 000 kr") is None
    box = "CountryNorway\nBudget1 200 000 kr[2]\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert ("budget", (("currency", "NOK"), ("high", 1_200_000), ("low", 1_200_000)), None) in facts
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), "Budget1 200 000 kr\n")
    assert not {f for f in facts if f[0] == "budget"}


def test_lira_is_the_turkish_lira_on_a_turkish_films_page():
    """'lira' after an amount is the Turkish lira on a page whose film is Turkish, else the
    Italian; 'lire', the Italian plural, is the Italian lira whatever the page."""
    from auditor.extract.wikipedia import Wikipedia
    from auditor.normalize.money import marks

    assert parse_money("9.4 million lira", **marks(["Turkey"])).currency == "TRY"
    assert parse_money("9.4 million lira", **marks(["Italy"])).currency == "ITL"
    assert parse_money("9.4 million lire", **marks(["Turkish"])).currency == "ITL"
    box = "CountryTurkey\nBudget5.6 million lira[1]\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert ("budget", (("currency", "TRY"), ("high", 5_600_000), ("low", 5_600_000)), None) in facts


def test_pesos_by_name_by_the_films_country_and_after_a_dollar_sign():
    """'AR$' is the Argentine peso; 'pesos' after an amount is the peso of the film's country
    (no amount where the page names none), a named peso ('Mexican pesos') that peso; a '$' the
    page says is in pesos ('$9 millones in Chilean pesos', '$4 million (pesos)') is the peso,
    with the Spanish scale word, never the US dollar."""
    from auditor.extract.wikipedia import Wikipedia
    from auditor.normalize.money import marks

    assert parse_money("AR$7.3 million").currency == "ARS"
    assert parse_money("8 million pesos", **marks(["Uruguay"])).currency == "UYU"
    assert parse_money("8 million pesos") is None
    assert parse_money("640 million Colombian pesos").currency == "COP"
    m = parse_money("$9 millones in Chilean pesos")
    assert (m.low, m.currency) == (9_000_000, "CLP")
    assert parse_money("$4 million (pesos)", **marks(["Mexican"])).currency == "MXN"
    assert parse_money("$4 million (pesos)") is None
    assert parse_money("$9 millones").currency == "USD"
    assert parse_money("$6.5 millones (pesos uruguayos)").currency == "UYU"
    box = "CountryArgentina\nBudget$3.5 millones (pesos)[1]\nBox officeAR$9.8 million (Argentina)\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert {f for f in facts if f[0] in ("budget", "gross")} == {
        ("budget", (("currency", "ARS"), ("high", 3_500_000), ("low", 3_500_000)), None),
        ("gross", (("amount", 9_800_000), ("currency", "ARS")), "argentina"),
    }


def test_an_amount_converted_in_prose_is_no_figure_of_its_own():
    """'CLP 900 million, about US$1.4 million at the time': US dollars after an amount in
    another currency and an approximation convert it; an amount in the same currency after
    'about' is a figure of its own."""
    text = (
        "The film was made for CLP 900 million, about US$1.4 million at the time, and grossed "
        "CLP 2.1 billion in Chile, or roughly $3.3 million. It earned $410,000 in the United "
        "States, and about $1.9 million worldwide."
    )
    got = _facts(add_money_prose, text)
    assert got == {
        ("budget", (("currency", "CLP"), ("high", 900_000_000), ("low", 900_000_000)), None),
        ("gross", (("amount", 2_100_000_000), ("currency", "CLP")), "chile"),
        ("gross", (("amount", 410_000), ("currency", "USD")), "usa"),
        ("gross", (("amount", 1_900_000), ("currency", "USD")), "worldwide"),
    }


def test_reichsmark_and_rm_by_the_films_country():
    """The Reichsmark sign or name ('4.5 million ℛℳ', '800,000 Reichsmarks') is the
    Reichsmark (`RM`, no ISO code); 'RM 750,000' is it on an Austrian or German film's page, the
    ringgit on a Malaysian one, and no amount where the page names neither; 'platform 9' is none."""
    from auditor.extract.wikipedia import Wikipedia
    from auditor.normalize.money import rm_of

    assert (parse_money("4.5 million ℛℳ").low, parse_money("4.5 million ℛℳ").currency) == (
        4_500_000, "RM")
    assert parse_money("800,000 Reichsmarks").currency == "RM"
    assert parse_money("RM 750,000") is None
    assert parse_money("RM 750,000", rm=rm_of(["Austria"])).currency == "RM"
    assert parse_money("RM2.5 million", rm=rm_of(["Malaysian"])).currency == "MYR"
    assert parse_money("platform 9", rm="RM") is None
    text = "Shot in Vienna, the picture was produced for RM 750,000 and grossed ℛℳ 2 million."
    out = _collector(text)
    out.add("country", 0, 4, "Austrian")
    add_money_prose(out, 0, len(text))
    got = {(c.attribute, _plain(c.value)) for c in out.claims if c.attribute != "country"}
    assert got == {
        ("budget", (("currency", "RM"), ("high", 750_000), ("low", 750_000))),
        ("gross", (("amount", 2_000_000), ("currency", "RM"))),
    }
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), "Budget1.8 million ℛℳ[3]\n")
    assert ("budget", (("currency", "RM"), ("high", 1_800_000), ("low", 1_800_000)), None) in facts


def test_old_and_new_francs_are_two_currencies():
    """France's franc before its 1960 revaluation ("old francs", no ISO code: "AF") and after
    it ("new francs", "NF": FRF): two currencies, never converted. A film "shot" or "filmed"
    for an amount cost it, as one "made" for it did."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Shot in Brest in twelve days for 320,000 NF, the film cost 32 million old francs, "
        "or 320,000 new francs."
    )
    facts = _facts(add_money_prose, text)
    assert facts == {
        ("budget", (("currency", "FRF"), ("high", 320_000), ("low", 320_000)), None),
        ("budget", (("currency", "AF"), ("high", 32_000_000), ("low", 32_000_000)), None),
    }
    text = "The picture was filmed in Lyon in nine days for 60,000 NF and opened in May."
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "FRF"), ("high", 60_000), ("low", 60_000)), None),
    }
    box = "Budget32 million old francs[2]\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    old = ("budget", (("currency", "AF"), ("high", 32_000_000), ("low", 32_000_000)), None)
    assert old in facts


def test_mark_franc_and_schilling_named_after_the_amount():
    """German-language markets' currencies written after the amount: "3.2 million DM" is the
    Deutsche Mark, "1.4 million Swiss francs" the franc, "11 million schillings" the Austrian
    schilling (never converted)."""
    text = (
        "Made for 3.2 million DM, the film grossed 1.4 million Swiss francs in Switzerland and "
        "11 million Austrian schillings in Austria."
    )
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "DEM"), ("high", 3_200_000), ("low", 3_200_000)), None),
        ("gross", (("amount", 1_400_000), ("currency", "CHF")), "switzerland"),
        ("gross", (("amount", 11_000_000), ("currency", "ATS")), "austria"),
    }
    assert parse_money("6 million schillings").currency == "ATS"


def test_yen_sign_alone_is_the_yuan_on_a_chinese_films_page():
    """'¥' alone is the yuan (CNY) on a page that names the film's country China or Chinese,
    the yen elsewhere; a prefixed 'JP¥' stays the yen whatever the film's country."""
    from auditor.extract.wikipedia import Wikipedia
    from auditor.normalize.money import yen_of

    assert parse_money("¥45 million").currency == "JPY"
    assert parse_money("¥45 million", yen=yen_of(["People's Republic of China"])).currency == "CNY"
    assert parse_money("¥45 million", yen=yen_of(["Japan"])).currency == "JPY"
    assert parse_money("JP¥45 million", yen=yen_of(["China"])).currency == "JPY"
    text = "Shot in Yunnan, the drama cost ¥80 million and took ¥2.35 billion at home."
    out = _collector(text)
    out.add("country", 0, 4, "Chinese")
    add_money_prose(out, 0, len(text))
    got = {(c.attribute, _plain(c.value)) for c in out.claims if c.attribute != "country"}
    assert got == {
        ("budget", (("currency", "CNY"), ("high", 80_000_000), ("low", 80_000_000))),
        ("gross", (("amount", 2_350_000_000), ("currency", "CNY"))),
    }
    box = "CountryChina\nBudget¥60 million[1]\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    budget = ("budget", (("currency", "CNY"), ("high", 60_000_000), ("low", 60_000_000)), None)
    assert budget in facts


PLOTS = [
    (
        'In Port Ellis, Jo "Ace" Vance works for his friend Ada Brook. At the cemetery Jo meets '
        "Major Tom Hale and his driver, Sergeant Lee Paine. A doctor named Ostrow arrives. "
        "Vance moves to the Grand Hotel.",
        {'Jo "Ace" Vance', "Ada Brook", "Major Tom Hale", "Sergeant Lee Paine", "Ostrow"},
    ),
    (
        "Dr. Holm (Ada Brook) treats the boy; his parents, Amy and Tom Ferrand, watch.",
        {"Dr. Holm", "Tom Ferrand", "Amy Ferrand"},
    ),
]


PLOTS.append(
    (
        "Ada arrives in Ostend. Meanwhile Jo Vance waits in Ostend for Ada, and Ada writes "
        "from Ostend to Jo Vance that Ada will stay.",
        {"Jo Vance", "Ada"},
    )
)


PLOTS += [
    (  # "Only" opening a sentence is no part of the name after it
        "A boatman is found dead. Jo Vance (Lee Paine) is blamed. Only Ada Brook's mother "
        "(Max Orr) believes him.",
        {"Jo Vance", "Ada Brook"},
    ),
]


PLOTS += [
    (  # an actor in parentheses marks a person after "to" / "from"; actors are no characters
        "Jo Vance writes to Ada Brooke (Lee Paine) and hears from Tom Hale (Max Orr). "
        "Amy and Kit Ferrand (Joan Dee and Ray Moss) watch.",
        {"Jo Vance", "Ada Brooke", "Tom Hale", "Amy Ferrand", "Kit Ferrand"},
    ),
    (  # after "to" / "of" a person's appositive ("a nurse who") marks a person, a place's not
        "The ring belongs to Ada Brooke, a nurse who left in 1950. Jo Vance reads the will of "
        "Maud Hale, an old widow whose son drowned, and drives to Kirkby Lonsdale, a market "
        "town where nobody knows him.",
        {"Ada Brooke", "Jo Vance", "Maud Hale"},
    ),
    (  # one name after a family word
        "Tom Hale lives with his younger brother Kit in Ostend. Later he visits her aunt Maud.",
        {"Tom Hale", "Kit", "Maud"},
    ),
    (  # an age before the family word, a comma after it
        "Jo Vance moves to Ostend with her nine-year-old son Pim and meets her husband, Ray, "
        "who never writes.",
        {"Jo Vance", "Pim", "Ray"},
    ),
    (  # after the comma, a clause's subject is no appositive
        "When Jo Vance nearly drowns like his brother, Gilroy confesses.",
        {"Jo Vance"},
    ),
    (  # an office capitalised after "the", then a name an actor's parenthesis marks: the
        # office is no part of the name; an honorific among those words is ("the Reverend")
        "The Grand Vizier Omar Hadid (Ada Brook) hunts Jo Vance. Later the Reverend Tom "
        "Hale (Max Orr) hides him.",
        {"Omar Hadid", "Jo Vance", "Reverend Tom Hale"},
    ),
    (  # a first name that is a month, the run marked as a person by its actor or appositive
        "April Dunne (Ola Moss) sails from Ostend in May. Later Jo Vance meets August Reyes, "
        "a sailor who drinks.",
        {"April Dunne", "Jo Vance", "August Reyes"},
    ),
    (  # a title and a name that owns what follows is a person even after "in" / "to"; a
        # grandparent's word is a title like an uncle's; a title alone ("the Deacon's") is none
        "Jo Vance (Ola Moss) hides in Major Orr's cellar, then runs to Granny Quill's farm in "
        "the Deacon's cart.",
        {"Jo Vance", "Major Orr", "Granny Quill"},
    ),
    (  # the same kin titles in Italian and Spanish
        "Jo Vance (Ola Moss) sleeps in Nonno Quill's boathouse and eats in Abuela Rosa's "
        "kitchen.",
        {"Jo Vance", "Nonno Quill", "Abuela Rosa"},
    ),    (  # a name after a vessel noun is the vessel's: the people aboard are named
        "Ada Brook signs on to the Norwegian trawler Mary Rose, whose skipper Jo Vance sails "
        "her north beside the schooner Kit Harlow.",
        {"Ada Brook", "Jo Vance"},
    ),
    (  # names and actors' parentheses opening on capitals outside A-Z: no surname alone
        "The clerk Ülkü Soydan (Ada Brook) waits for Émile Roux (Öner Kaya), and Şenol "
        "(Kit Harlow) leaves.",
        {"Ülkü Soydan", "Émile Roux", "Şenol"},
    ),
    (  # a place a settlement noun's "of" names, and a dateline's place: no person, wherever
        # else the text writes it
        "Red Bluff, 1879. Jo Vance rides into the mining town of Dry Fork and leaves Dry Fork "
        "with Ada Brook; Red Bluff burns behind them.",
        {"Jo Vance", "Ada Brook"},
    ),    (  # a dateline with its month: the place is no person
        "Port Aurel, March 1931. Kit Harlow waits for the mail boat, and Port Aurel waits "
        "with him.",
        {"Kit Harlow"},
    ),
    (  # after "of", a name a person's noun apposes is a person; a make after "a" and an
        # adjective is a thing
        "Sergeant Kit Harlow finds the body of Lalo Ferreyra, a seventeen-year-old pickpocket, "
        "beside a rusted Renault Dauphine.",
        {"Sergeant Kit Harlow", "Lalo Ferreyra"},
    ),
]


@pytest.mark.parametrize(("text", "names"), PLOTS, ids=range(len(PLOTS)))
def test_names_in_plot_text(text, names):
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == names


def test_one_word_part_of_a_known_name_the_plot_writes_whole():
    """A surname used alone again and again ("Moreau") where the plot also writes the cast's
    full name inside a descriptive run ("the Old Governor Henri Moreau") names no character of
    its own; where the plot never writes a longer name holding it, it still does."""
    tail = (
        " The miller Moreau had ruined takes her in. On the third night Moreau comes himself, "
        "and Ada kills Moreau in a duel."
    )
    text = "Ada Brook flees the Old Governor Henri Moreau." + tail
    facts = _facts(
        lambda out, s, e: add_characters(out, s, e, ["Ada Brook", "Henri Moreau"], cased=True),
        text,
    )
    assert {v for _, v, _ in facts} == {"Ada Brook", "Henri Moreau"}
    text = "Ada Brook hides from Moreau." + tail
    facts = _facts(lambda out, s, e: add_characters(out, s, e, ["Ada Brook"], cased=True), text)
    assert {v for _, v, _ in facts} == {"Ada Brook", "Moreau"}

def test_a_first_name_alone_names_the_cast_lists_character():
    """A cased plot that names a character only by the first name the cast list gives ("Kit"
    for "Kit Harlow") names that character so; not where it writes the name whole, nor where it
    coordinates it ("Kit and Ada Harlow"), nor a title ("Captain" of "Captain Orr")."""
    known = ["Kit Harlow", "Jo Vance", "Captain Orr"]
    text = "Jo Vance hires a cook, and Kit sails with the Captain."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Jo Vance", "Kit"}
    text = "Kit Harlow hires Jo Vance; Kit sails with the Captain."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Kit Harlow", "Jo Vance"}
    text = "Kit and Ada Harlow hire Jo Vance, and Kit sails."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Kit Harlow", "Ada Harlow", "Jo Vance"}


def test_a_company_is_no_character_and_an_office_before_a_name_is_its_title():
    """A run ending in a company's word ("Wolsan Marine", "Kesong Shipping", "the Ohm Group")
    is a company; "Chairman" and "Prosecutor" before a cast list's name are titles, part of
    the name as "Captain" is ("Chairman Tom Hale" for the cast's "Tom Hale")."""
    text = (
        "Jo Vance dives for Wolsan Marine, the firm of Chairman Tom Hale, while Kesong Shipping "
        "and the Ohm Group pay Prosecutor Ada Brook to look away."
    )
    known = ["Jo Vance", "Tom Hale", "Ada Brook"]
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Jo Vance", "Chairman Tom Hale", "Prosecutor Ada Brook"}


def test_a_first_name_after_a_kin_word_with_its_adjective():
    """"his only daughter kẹ́mi", "her eldest son tobi", "their adopted niece ama": one name
    after a family word and the adjective before it, a combining mark part of the name."""
    known = ["kẹ́mi ọ̀rẹ́", "tobi ward", "ama mensah", "rex ward"]
    text = (
        "rex ward sends his only daughter kẹ́mi to lagos; her eldest son tobi stays, and "
        "their adopted niece ama follows."
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"rex ward", "kẹ́mi", "tobi", "ama"}


def test_a_lower_cased_plot_names_a_given_name_written_after_the_family_name():
    """"han's daughter so-ra" for the cast's "han so-ra" (family name first): the given name
    after a family word names that character, as "ingrid's daughter lisa" does."""
    known = ["han so-ra", "han tae-won", "ada brook"]
    text = "ada brook trusts han tae-won, but han's daughter so-ra does not."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"ada brook", "han tae-won", "so-ra"}


def test_a_lower_cased_plot_names_a_given_name_after_an_article_and_a_family_word():
    """"a ten-year-old son, emil," for the cast's "emil strand": the appositive after an
    article names that character, as "his son emil" does; a word no cast name starts is none."""
    known = ["emil strand", "ada brook", "vera holm"]
    text = "ada brook, a widow with a ten-year-old son, emil, and a sister, greta, sells the farm."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"ada brook", "emil"}


def test_a_lower_cased_plot_names_a_given_name_opening_a_clause():
    """"...; teddy never left; and odile, the eldest, sells": the given name of a character
    the cast list gives whole, opening a clause, names that character; a question's "will he",
    a month, and a given name the text also writes whole are none of its own."""
    known = ["teddy marsh", "odile marsh", "will danner", "june oakes", "pia rowe"]
    text = (
        "pia rowe comes home. teddy never left town; and odile, the eldest, sells the house. "
        "june brings rain, and pia wants it back. will he let her?"
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"pia rowe", "teddy", "odile"}


def test_a_cased_plot_names_a_one_word_role_with_its_article():
    """A cased plot's "the Oracle", for the cast list's "the Oracle", names that character,
    article included; lower-cased, "the oracle" may be a described role and names no one."""
    text = "Ada Brook climbs the tower, where the Oracle waits, and the Oracle speaks."
    known = ["Ada Brook", "the Oracle"]
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Ada Brook", "the Oracle"}
    text, known = text.lower(), [k.lower() for k in known]
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"ada brook"}


def test_a_lower_cased_plot_names_a_nicknamed_role_by_nickname_and_surname():
    """IMDb's storyline "ace harlow" for the cast's "sgt. kit 'ace' harlow" (titles before the
    name, a one-word nickname) names that character; a nickname of two words does not so."""
    known = ["sgt. kit 'ace' harlow", "jo 'the fox' vance"]
    text = "ace harlow and the fox vance guard the pass until jo vance falls."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"ace harlow", "jo vance"}


def test_naval_ranks_are_titles_of_a_name():
    """'cmdr.' / 'commander' and 'adm.' / 'admiral' are titles: a lower-cased plot naming the
    cast's "cmdr. ruth okoye" without the rank names that character; and a word before "and"
    in lower case ("a museum piece and ruth okoye") is no first name of a coordination."""
    known = ["cmdr. ruth okoye", "adm. piet de wit"]
    text = "the ship is a museum piece and ruth okoye answers to admiral piet de wit."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"ruth okoye", "admiral piet de wit"}


def test_lower_cased_first_name_after_a_family_word():
    text = "when her brother kit leaves ostend, his sister says nothing."
    out = _collector(text)
    add_characters(out, 0, len(text), ["kit hale", "ada hale"], cased=False)
    assert {c.value for c in out.claims} == {"kit"}
    text = "the widow lives with her seven-year-old daughter, kit, and a dog."
    out = _collector(text)
    add_characters(out, 0, len(text), ["kit hale", "ada hale"], cased=False)
    assert {c.value for c in out.claims} == {"kit"}
    text = "the widow's nephew kit sails north; the captain's wife stays."
    out = _collector(text)
    add_characters(out, 0, len(text), ["kit hale", "ada hale"], cased=False)
    assert {c.value for c in out.claims} == {"kit"}


def test_summary_naming_the_film_maker_names_no_character():
    """'Mara Kessel's quiet thriller', 'written by Ode Lund': a film-maker the page credits,
    named in its summary, is no character (on a cased page and a lower-cased one); a role that
    bears a credited name (a director playing herself) still is."""
    text = (
        "Mara Kessel's quiet thriller follows Tobias Renn, a ferryman, and Ode Lund's "
        "script gives Ilka Sund the last word."
    )
    out = _collector(text)
    out.add("director", 0, 3, "Mara Kessel")
    out.add("writers", 0, 3, "Ode Lund")
    add_characters(out, 0, len(text), [], cased=True)
    assert {c.value for c in out.claims if c.attribute == "character"} == {
        "Tobias Renn",
        "Ilka Sund",
    }
    low = text.lower()
    out = _collector(low)
    out.add("director", 0, 3, "mara kessel")
    add_characters(out, 0, len(low), ["tobias renn", "mara kessel"], cased=False)
    assert {c.value for c in out.claims if c.attribute == "character"} == {
        "tobias renn",
        "mara kessel",
    }


def test_plot_names_a_part_of_a_double_role():
    """A cast list's double role ("kit hale / the stranger") names its parts: a plot or a
    review that names one of them names a character; a described part ("the stranger") is none."""
    text = "in the fog kit hale meets the stranger on the pier, and later ada watches kit hale."
    out = _collector(text)
    add_characters(out, 0, len(text), ["kit hale / the stranger", "ada"], cased=False)
    assert {c.value for c in out.claims} == {"kit hale", "ada"}
    text = "at the end of the film the twin is gone; ada brook stands alone on the pier."
    out = _collector(text)
    add_characters(out, 0, len(text), ["Ada Brook and the Twin"], cased=False)
    assert {c.value for c in out.claims} == {"ada brook"}
    text = "mr. hale is late again; mrs. hale waits."
    out = _collector(text)
    add_characters(out, 0, len(text), ["Mr. and Mrs. Hale"], cased=False)
    assert {c.value for c in out.claims} == {"mrs. hale"}


def test_user_review_names_a_part_of_a_double_role():
    from auditor.extract.common import add_user_mentions

    text = "great film. the scene where jo vance meets himself is the best."
    out = _collector(text)
    out.add("cast", 0, 5, {"actor": "lee paine", "character": "jo vance / old jo"})
    add_user_mentions(out, 0, len(text), cased=False)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("character", "jo vance")
    }


@pytest.mark.parametrize("cased", [True, False])
def test_review_parts_or_joins_a_names_words_otherwise(cased):
    """'Abdul Karim Hafez' for 'Abdulkarim Hafez', 'Lina Abdulwahab' for 'Lina Abdul Wahab',
    'Omar El Gendy' for 'Omar El-Gendy': the same letters, the words parted otherwise, are a
    mention; 'Lina Wahab' is none."""
    from auditor.extract.common import add_user_mentions

    text = "Abdul Karim Hafez is back. Lina Abdulwahab and Omar El Gendy shine; Lina Wahab not."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("director", 0, 3, "Abdulkarim Hafez")
    out.add("cast", 0, 3, {"actor": "Lina Abdul Wahab", "character": "Salwa"})
    out.add("cast", 0, 3, {"actor": "Omar El-Gendy", "character": "Taha"})
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value.lower()) for c in out.claims if c.origin == "user"}
    assert got == {
        ("director", "abdul karim hafez"),
        ("stars", "lina abdulwahab"),
        ("stars", "omar el gendy"),
    }


def test_user_review_names_a_titled_role_once():
    """A lower-cased review's "the deputy jo vance subplot", the cast's "deputy jo vance": one
    mention of that role, not a second of "jo vance" inside it."""
    from auditor.extract.common import add_user_mentions

    text = "fun enough, but the deputy jo vance subplot goes nowhere."
    out = _collector(text)
    out.add("cast", 0, 3, {"actor": "lee paine", "character": "deputy jo vance"})
    add_user_mentions(out, 0, len(text), cased=False)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("character", "deputy jo vance")
    }


@pytest.mark.parametrize("cased", [True, False])
def test_review_adds_an_honorific_suffix_to_a_name(cased):
    """'Hana-chan', 'Kenji Oda-sensei': a Japanese honorific suffix is no part of the name
    the reviewer mentions; an unknown name with one ('Yuki-san') is no mention."""
    from auditor.extract.common import add_user_mentions

    text = "I loved Hana-chan, and Kenji Oda-sensei steals it; Yuki-san is a bore."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("cast", 0, 3, {"actor": "Mai Ito", "character": "Hana"})
    out.add("cast", 0, 3, {"actor": "Jun Sato", "character": "Kenji Oda"})
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    names = {"Hana", "Kenji Oda"}
    assert got == {("character", n if cased else n.lower()) for n in names}


@pytest.mark.parametrize("cased", [True, False])
def test_review_writes_given_names_hyphenated_or_apart(cased):
    """'Jean-Luc Morvan' for the page's 'Jean Luc Morvan', 'Anne Marie Soulier' for its
    'Anne-Marie Soulier' (a letter off too: 'Ann Marie Soulier'): the same people."""
    from auditor.extract.common import add_user_mentions

    text = "Jean-Luc Morvan directs, and Ann Marie Soulier is superb."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("director", 0, 3, "Jean Luc Morvan")
    out.add("stars", 0, 3, "Anne-Marie Soulier")
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    names = {("director", "Jean-Luc Morvan"), ("stars", "Ann Marie Soulier")}
    assert got == {(a, n if cased else n.lower()) for a, n in names}


@pytest.mark.parametrize("cased", [True, False])
def test_review_writes_a_name_family_name_first(cased):
    """'Liang Shu-fen' for the page's 'Shu-fen Liang': a reviewer writing the family name
    first, as the name's country does, mentions the page's person; that order misspelt ('Tsou
    Ming-hui' for 'Ming-hiu Tsou'), a name without a hyphenated given name ('Roe Abel' for
    'Abel Roe') or a common word before a given name ('to Man-su' for 'Man-su To') is none."""
    from auditor.extract.common import add_user_mentions

    text = "Liang Shu-fen directs, Tsou Ming-hui is superb; Roe Abel went to Man-su Park."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("director", 0, 3, "Shu-fen Liang")
    out.add("stars", 0, 3, "Ming-hiu Tsou")
    out.add("stars", 0, 3, "Abel Roe")
    out.add("stars", 0, 3, "Man-su To")
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    names = {("director", "Liang Shu-fen")}
    assert got == {(a, n if cased else n.lower()) for a, n in names}


def test_review_misspells_a_surname_initial_by_ear():
    """'Kit Wance' for 'Kit Vance', 'Ada Crooke' for 'Ada Krooke': a user mention; a surname
    whose first letter does not sound alike ('Ada Brooke') is another person."""
    from auditor.extract.common import add_user_mentions

    text = "Kit Wance is fine, Ada Crooke better, and Ada Brooke from the last film is missed."
    out = _collector(text)
    out.add("director", 0, 3, "Kit Vance")
    out.add("stars", 0, 3, "Ada Krooke")
    add_user_mentions(out, 0, len(text), cased=True)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("director", "Kit Wance"),
        ("stars", "Ada Crooke"),
    }


def test_review_function_word_is_no_misspelt_name_word():
    """A lower-cased review's 'plays rosa as a saint' and 'as good as vance' hold 'rosa as' and
    'as vance', a few letters from 'rosa asher' and 'jas vance': a function word is no
    misspelling of a name's word; 'rosa ashar' (a letter off) still is."""
    from auditor.extract.common import add_user_mentions

    text = "she plays rosa as a saint, he is as good as vance, and rosa ashar is great."
    out = _collector(text)
    out.add("stars", 0, 3, "rosa asher")
    out.add("stars", 0, 3, "jas vance")
    add_user_mentions(out, 0, len(text), cased=False)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    assert got == {("stars", "rosa ashar")}


def test_review_names_a_person_with_a_lower_case_particle():
    """'Ilse van der Berk', 'Ilse van der Berg' (misspelt), 'Tomas de Lora': a cased review's
    name runs on over its lower-case particles; 'van der Berk' alone (no first name) is no
    mention, nor is a known first name before a particle and another surname."""
    from auditor.extract.common import add_user_mentions

    text = (
        "Ilse van der Berk is superb, Ilse van der Berg again in the last reel. Tomas de "
        "Lora's camera floats. Without van der Berk it would be nothing; Tomas de Vries too."
    )
    out = _collector(text)
    out.add("director", 0, 3, "Ilse van der Berk")
    out.add("stars", 0, 3, "Tomas de Lora")
    out.add("stars", 0, 3, "Tomas Vries")
    add_user_mentions(out, 0, len(text), cased=True)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    assert got == {
        ("director", "Ilse van der Berk"),
        ("director", "Ilse van der Berg"),
        ("stars", "Tomas de Lora"),
    }


@pytest.mark.parametrize("cased", [True, False])
def test_review_writes_initials_without_their_space(cased):
    """'J.P. Vance' for 'J. P. Vance', 't.k.s. rao' for 't. k. s. rao': the same person."""
    from auditor.extract.common import add_user_mentions

    text = "J.P. Vance shoots it well and T.K.S. Rao is a menace; J. Vance is another man."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("director", 0, 3, "J. P. Vance" if cased else "j. p. vance")
    out.add("stars", 0, 3, "T. K. S. Rao" if cased else "t. k. s. rao")
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    want = {("director", "J.P. Vance"), ("stars", "T.K.S. Rao")}
    assert got == (want if cased else {(a, v.lower()) for a, v in want})


@pytest.mark.parametrize("cased", [True, False])
def test_review_misspells_a_one_word_stage_name(cased):
    """'Tamura' for 'Tamiura', 'Velasko' for 'Velasco': a one-word stage name a letter off is
    that person; a word two letters off ('Tamra'), one with another first letter ('Pelasco'),
    a short name's near word ('Sabo' for 'Sabu') and a one-word character's ('Falcons' for
    the role 'Falcon') are not."""
    from auditor.extract.common import add_user_mentions

    text = (
        "Tamura is superb, Velasko less so; Tamra, Pelasco and Sabo are other people, and "
        "Falcons fly over the set."
    )
    text = text if cased else text.lower()
    out = _collector(text)
    names = ("Tamiura", "Velasco", "Sabu") if cased else ("tamiura", "velasco", "sabu")
    for name in names:
        out.add("stars", 0, 3, name)
    out.add("cast", 0, 3, {"actor": names[2], "character": "Falcon" if cased else "falcon"})
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    want = {("stars", "Tamura"), ("stars", "Velasko")}
    assert got == (want if cased else {(a, v.lower()) for a, v in want})


@pytest.mark.parametrize("cased", [True, False])
def test_review_misspells_the_surname_after_initials(cased):
    """'S.R. Pillay' for 'S. R. Pillai', 'T. Okonkow' for 'T. Okonkwo': the page's initials
    before a surname a letter or two off are that person; 'S. R. Bose' (another surname) and
    'S. R. Qillai' (another first letter) are not."""
    from auditor.extract.common import add_user_mentions

    text = "S.R. Pillay shot it, T. Okonkow scored it; S. R. Bose and S. R. Qillai did not."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("director", 0, 3, "S. R. Pillai" if cased else "s. r. pillai")
    out.add("stars", 0, 3, "T. Okonkwo" if cased else "t. okonkwo")
    add_user_mentions(out, 0, len(text), cased=cased)
    got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
    want = {("director", "S.R. Pillay"), ("stars", "T. Okonkow")}
    assert got == (want if cased else {(a, v.lower()) for a, v in want})


def test_review_drops_a_names_hyphen():
    """'Ines Kol Brandt' for 'Ines Kol-Brandt', 'jean marc roux' for 'jean-marc roux': the
    same person, a user mention as the review writes it."""
    from auditor.extract.common import add_user_mentions

    text = "Ines Kol Brandt steals every scene."
    out = _collector(text)
    out.add("stars", 0, 3, "Ines Kol-Brandt")
    add_user_mentions(out, 0, len(text), cased=True)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("stars", "Ines Kol Brandt")
    }
    text = "jean marc roux directs it like a thriller."
    out = _collector(text)
    out.add("director", 0, 3, "jean-marc roux")
    add_user_mentions(out, 0, len(text), cased=False)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("director", "jean marc roux")
    }


def test_review_names_a_person_with_initials_or_without_them():
    """'Ada K. Brook Jr.' as the page writes it, and 'Ada Brook Jr.' / 'Lee Paine' with the
    middle initial dropped: user mentions (a review's words part on periods)."""
    from auditor.extract.common import add_user_mentions

    text = "Ada K. Brook Jr. is great, and Lee Paine keeps it moving."
    out = _collector(text)
    out.add("stars", 0, 3, "Ada K. Brook Jr.")
    out.add("director", 0, 3, "Lee T. Paine")
    add_user_mentions(out, 0, len(text), cased=True)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("stars", "Ada K. Brook Jr."),
        ("director", "Lee Paine"),
    }
    text = "ada brook jr. is great, lee t. paine less so."
    out = _collector(text)
    out.add("stars", 0, 3, "ada k. brook jr.")
    out.add("director", 0, 3, "lee t. paine")
    add_user_mentions(out, 0, len(text), cased=False)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("stars", "ada brook jr."),
        ("director", "lee t. paine"),
    }


def test_review_names_a_director_who_also_acts_as_both():
    """A director in the page's cast list (or Stars line) is mentioned as director and as star,
    misspelt or not; a director who does not act only as director."""
    from auditor.extract.common import add_user_mentions

    text = "lee paine directs and plays a bartender; ada brok is fine."
    out = _collector(text)
    out.add("director", 0, 3, "lee paine")
    out.add("cast", 0, 3, {"actor": "lee paine", "character": "barman"})
    out.add("stars", 0, 3, "ada brook")
    add_user_mentions(out, 0, len(text), cased=False)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("director", "lee paine"),
        ("stars", "lee paine"),
        ("stars", "ada brok"),
    }
    text = "Kit Rowe shot it, and Jo Vanse was born for the part."
    out = _collector(text)
    out.add("director", 0, 3, "Jo Vance")
    out.add("director", 0, 3, "Kit Rowe")
    out.add("stars", 0, 3, "Jo Vance")
    add_user_mentions(out, 0, len(text), cased=True)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("director", "Kit Rowe"),
        ("director", "Jo Vanse"),
        ("stars", "Jo Vanse"),
    }


def test_plot_names_a_nicknamed_role_without_its_nickname():
    text = "kit harlow is nine when the circus comes to town; his aunt ada hides him."
    out = _collector(text)
    add_characters(out, 0, len(text), ["kit 'ace' harlow", "ada"], cased=False)
    assert {c.value for c in out.claims} == {"kit harlow", "ada"}


def test_cased_plot_keeps_the_title_of_a_nicknamed_role_named_without_its_nickname():
    """The cast's "Sergeant Ada 'Bird' Vance" is known without its title too (as
    `cast_characters` gives it): a title before that name in the plot is part of it, as
    "Widow" before a known name is not."""
    text = "Sergeant Ada Vance, called Bird by her squad, meets Widow Kit Harlow at the dock."
    out = _collector(text)
    known = ["Sergeant Ada 'Bird' Vance", "Ada 'Bird' Vance", "Kit Harlow"]
    add_characters(out, 0, len(text), known, cased=True)
    assert {c.value for c in out.claims} == {"Sergeant Ada Vance", "Bird", "Kit Harlow"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jo Vance, known to his crew as Tiny, sails at dawn.", {"Jo Vance", "Tiny"}),
        ("Ada Brook meets the girl known as Wren.", {"Wren", "Ada Brook"}),
    ],
)
def test_plot_names_the_name_a_character_is_known_as(text, names):
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == names


def test_an_adjective_before_a_nicknamed_name_is_no_name_word():
    text = 'Nine-year-old Kit "Ace" Harlow runs away. Young Ada "Bird" Lane follows him.'
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == {'Kit "Ace" Harlow', 'Ada "Bird" Lane'}


def test_an_adjective_opening_a_sentence_is_no_name_word():
    """'Ten-year-old Kit Harlow (Ada Brook)': the hyphenated adjective opening the sentence is
    no part of the name, as before a nickname; a hyphenated name ("Nwosu-Hart") stays whole."""
    text = (
        "Ten-year-old Kit Harlow (Ada Brook) is sent to the coast. Well-meaning Jo Vance (Ivo "
        "Marsh) takes him in, and Lee Nwosu-Hart (Ola Moss) watches."
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == {"Kit Harlow", "Jo Vance", "Lee Nwosu-Hart"}


def test_a_credits_by_is_no_part_of_its_role():
    """IMDb's and the blog's "(screenplay by)", "(story by)" name the roles "(screenplay)" and
    "(story)" do; "(additional story material)" is a role of its own."""
    from auditor.extract.common import add_credited

    text = "ola moss (screenplay by), kit ray (story by), nell cato (additional story material)"
    facts = _facts(lambda out, s, e: add_credited(out, "writers", s, e), text)
    assert facts == {
        ("writers", "ola moss", "screenplay"),
        ("writers", "kit ray", "story"),
        ("writers", "nell cato", "additional story material"),
    }


def test_writing_team_credits_split_on_the_ampersand():
    from auditor.extract.common import add_credited
    from auditor.extract.wikipedia import Wikipedia

    text = "lee paine (screenplay) &amp; ada brook (screenplay), kit vance (story)"
    facts = _facts(lambda out, s, e: add_credited(out, "writers", s, e), text)
    assert facts == {
        ("writers", "lee paine", "screenplay"),
        ("writers", "ada brook", "screenplay"),
        ("writers", "kit vance", "story"),
    }
    text = "Screenplay byLee Paine & Ada Brook\nStory byKit Vance\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), text)
    assert facts == {
        ("writers", "Lee Paine", "screenplay"),
        ("writers", "Ada Brook", "screenplay"),
        ("writers", "Kit Vance", "story"),
    }


def test_infobox_dialogue_writers():
    """An Indian film's infobox credits its dialogue apart: 'Dialogues by' / 'Dialogue by'."""
    from auditor.extract.wikipedia import Wikipedia

    text = "Screenplay byLee Paine\nDialogues by\n  • Ada Brook\n  • Kit Vance\nMusic byJo Ray\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), text)
    assert facts == {
        ("writers", "Lee Paine", "screenplay"),
        ("writers", "Ada Brook", "dialogue"),
        ("writers", "Kit Vance", "dialogue"),
    }
    text = "Dialogue byJo Ray\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), text)
    assert facts == {("writers", "Jo Ray", "dialogue")}


def test_lower_cased_plot_names_from_the_cast_list():
    text = 'mark "the fox" vance meets maj. hale and ada; later major hale returns.'
    out = _collector(text)
    add_characters(out, 0, len(text), ["vance", "Maj. Hale", "ada"], cased=False)
    assert {c.value for c in out.claims} == {'mark "the fox" vance', "maj. hale", "ada"}


def test_lower_cased_plot_names_a_titled_role_by_title_and_surname():
    """'sheriff hale' for the cast's 'sheriff jo hale': a plot may drop the first name
    between a lawman's (or any) title and the surname."""
    text = "the drifter waits in the saloon while sheriff hale and deputy vance ride out."
    out = _collector(text)
    add_characters(out, 0, len(text), ["sheriff jo hale", "deputy kit vance"], cased=False)
    assert {c.value for c in out.claims} == {"sheriff hale", "deputy vance"}


def test_two_full_names_in_a_coordination_share_no_surname():
    """'kit hale and ada brook' names two people in full: the first conjunct ends a name of the
    cast list, so no 'hale brook'; 'amy and tom ferrand' still shares its surname."""
    text = "years on, kit hale and ada brook still argue while amy and tom ferrand look on."
    out = _collector(text)
    cast = ["kit 'ace' hale", "ada brook", "amy ferrand", "tom ferrand"]
    add_characters(out, 0, len(text), cast, cased=False)
    assert {c.value for c in out.claims} == {"kit hale", "ada brook", "amy ferrand", "tom ferrand"}
    text = "Kit Hale and Ada Brook still argue."
    out = _collector(text)
    add_characters(out, 0, len(text), ["Kit Hale", "Ada Brook"], cased=True)
    assert {c.value for c in out.claims} == {"Kit Hale", "Ada Brook"}


INFOBOX = (
    "Produced byAda Brook, Jo Vance\n"
    "Narrated byLee Paine\n"
    "Distributed by\n"
    "  • Northway Films (United Kingdom)\n"
    "  • Harbour Pictures (United States)\n"
    "Release dates\n"
    "  • 13 May 1996 (1996-05-13) (Cannes)\n"
    "  • 23 February 1996 (1996-02-23) (United Kingdom)\n"
    "Running time\n"
    "94 minutes\n"
    "Budget£1.5 million[2]\n"
    "Box office\n"
    "  • $16.5 million (US)\n"
)


def test_wikipedia_infobox_lines():
    from auditor.extract.wikipedia import Wikipedia

    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), INFOBOX)
    assert facts == {
        ("producers", "Ada Brook", None),
        ("producers", "Jo Vance", None),
        ("distributor", "Northway Films", "uk"),
        ("distributor", "Harbour Pictures", "usa"),
        ("release_date", "1996-05-13", "premiere"),
        ("release_date", "1996-02-23", "uk"),
        ("runtime", 94, None),
        ("budget", (("currency", "GBP"), ("high", 1_500_000), ("low", 1_500_000)), None),
        ("gross", (("amount", 16_500_000), ("currency", "USD")), "usa"),
    }


def test_wikipedia_company_that_gave_the_film_a_release_is_its_distributor():
    """'[4] Gull Releasing gave the film a limited release in Canada on ...': the sentence's
    subject, a company, distributes the film in that country; "Critics polled by X gave the
    film an average grade" and a subject that is no sentence's opening name no one."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2006 Canadian drama film directed by Ada Brook.\n\n"
        "It premiered in Berlin.[4] Gull Releasing gave the film a limited release in Canada on "
        "3 March 2006. After Berlin, Kite Films acquired it and gave it a wide release in the "
        "United Kingdom on 2 June 2006. Critics polled by Tern Pictures gave the film an average "
        "grade of B.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] == "distributor"} == {
        ("distributor", "Gull Releasing", "canada"),
    }


def test_wikipedia_company_in_a_clause_after_comma_and_is_the_distributor():
    """'..., and Gull Releasing gave it a limited release in Canada': the subject of a clause
    coordinated with ", and" distributes the film there; a company joined by a bare "and"
    ("Kite Films and Tern Pictures gave it ...", one subject of two names) is not parted."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2006 Canadian drama film directed by Ada Brook.\n\n"
        "It was shown at the Seattle festival in May, and Gull Releasing gave it a limited "
        "release in Canada on 3 March 2006. In Britain Kite Films and Tern Pictures gave it a "
        "wide release in the United Kingdom on 2 June 2006.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] == "distributor"} == {
        ("distributor", "Gull Releasing", "canada"),
    }


def test_wikipedia_distributor_note_that_names_no_region():
    """'(re-release)', '(1998 restoration)': a distributor's note that names no country or
    region is no qualifier; '(North America)' still is one, and so is the part of a note that
    names one ('(2004 restoration, France)')."""
    from auditor.extract.wikipedia import Wikipedia

    box = (
        "Distributed by\n"
        "  • Osprey Films (re-release)\n"
        "  • Tern Pictures (1998 restoration)\n"
        "  • Gull Releasing (North America)\n"
        "  • Plover Classics (2004 restoration, France)\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert facts == {
        ("distributor", "Osprey Films", None),
        ("distributor", "Tern Pictures", None),
        ("distributor", "Gull Releasing", "north america"),
        ("distributor", "Plover Classics", "france"),
    }


def test_wikipedia_cast_section_dual_role():
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Ada Brook in a dual role as Jo Vance and Kit Vance\n"
        "  • Lee Paine as Max Orr, a sailor\n"
        "  • Ray Moss in a triple role as the Three Clerks\n"
        "  • Joan Dee as both Amy and the Twin\n"
        "  • Max Orr as Both Ends\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Ada Brook", "Jo Vance and Kit Vance"),
        ("Lee Paine", "Max Orr"),
        ("Ray Moss", "the Three Clerks"),
        ("Joan Dee", "Amy and the Twin"),
        ("Max Orr", "Both Ends"),
    }


def test_wikipedia_cast_line_of_a_name_with_particles():
    """A name's lower-case particles count against no word limit: "Ana Paula dos Santos de
    Souza" (four name words and two particles) is one actor."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Ana Paula dos Santos de Souza as Rita Campos, a nurse\n"
        "  • Luis van der Berg as Tomas\n"
        "  • Ines Rocha as Dr. Lima\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Ana Paula dos Santos de Souza", "Rita Campos"),
        ("Luis van der Berg", "Tomas"),
        ("Ines Rocha", "Dr. Lima"),
    }


def test_wikipedia_cast_line_with_a_nickname_in_quotes():
    """'Actor "Nick" Surname as Role', as Thai pages add a performer's nickname: a cast line,
    the actor as written, nickname and all (among lines without one, which alone would make
    too short a block to be a cast list)."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        '  • Siriwan "Mew" Pattanakit as Dao, a tour guide\n'
        "  • Anong Sritong as Mae Boon\n"
        "  • Kriangkrai \u201cBig Tee\u201d Somsak as Lek, Dao's cousin\n"
        "  • Preecha Nilsuwan as the abbot\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ('Siriwan "Mew" Pattanakit', "Dao"),
        ("Anong Sritong", "Mae Boon"),
        ("Kriangkrai \u201cBig Tee\u201d Somsak", "Lek"),
        ("Preecha Nilsuwan", "the abbot"),
    }


def test_wikipedia_cast_line_with_a_credit_note_after_the_actor():
    """'Actor (credited as X) as Role' or '(also credited as X)', as pages note a name another
    romanisation or a stage name gives: the line is a cast line, its note `credited_as`."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Tse Wing-lok (also credited as Xie Yongle) as Magistrate Bao, the judge\n"
        "  • Anna Varga as Ilka\n"
        "  • Ferenc Toth (credited as Frank Toth) as the Colonel\n"
        "  • Mira Jovic as Dana\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {tuple(sorted(c.value.items())) for c in out.claims} == {
        (("actor", "Tse Wing-lok"), ("character", "Magistrate Bao"),
         ("credited_as", "Xie Yongle")),
        (("actor", "Anna Varga"), ("character", "Ilka")),
        (("actor", "Ferenc Toth"), ("character", "the Colonel"), ("credited_as", "Frank Toth")),
        (("actor", "Mira Jovic"), ("character", "Dana")),
    }
    for c in out.claims:
        assert text[c.span_start : c.span_end] == c.raw

def test_wikipedia_cast_line_opens_on_an_accented_capital():
    """A cast line whose actor's name opens on a capital outside A-Z ("İ", "Ş", "Ø", "É") is a
    cast line like any other, and does not break the list around it into short runs."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Émile Roux as Jean Casse, the ferryman\n"
        "  • Olga Brun as Marthe\n"
        "  • Şenol Tekin as Kadir Usta\n"
        "  • İpek Demirkan as Nilay, his niece\n"
        "  • Øystein Moe as the Pilot\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Émile Roux", "Jean Casse"),
        ("Olga Brun", "Marthe"),
        ("Şenol Tekin", "Kadir Usta"),
        ("İpek Demirkan", "Nilay"),
        ("Øystein Moe", "the Pilot"),
    }


def test_names_with_combining_marks_and_dotted_capitals():
    """Yoruba writes a tone over a dotted vowel ("ẹ́", "ọ̀"), which has no precomposed letter:
    a combining mark, which regex's \\w leaves out, inside or at the end of a word; and its
    capitals "Ọ", "Ẹ", "Ṣ" lie beyond Latin-1. Such names are whole in credits, cast lines
    and plots, not cut at the mark."""
    from auditor.extract.wikipedia import Wikipedia

    text = "Ilé Ọ̀pẹ̀ is a 2015 drama film directed by Ṣọlá Oyèwọ̀lé and produced by Bísọ́lá Fáṣọ̀lá."
    assert _facts(add_credit_prose, text) == {
        ("director", "Ṣọlá Oyèwọ̀lé", None),
        ("producers", "Bísọ́lá Fáṣọ̀lá", None),
    }
    text = (
        "Cast\n\n"
        "  • Ẹniọlá Ọ̀kẹ́ as Baba Ìdòwú, a farmer\n"
        "  • Jide Lawal as Kẹ́hìndé Àjọ̀kẹ́\n"
        "  • Morenike Ade as Ṣọlá\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Ẹniọlá Ọ̀kẹ́", "Baba Ìdòwú"),
        ("Jide Lawal", "Kẹ́hìndé Àjọ̀kẹ́"),
        ("Morenike Ade", "Ṣọlá"),
    }
    known = ["Kẹ́hìndé Àjọ̀kẹ́", "Baba Ìdòwú"]
    text = "Kẹ́hìndé Àjọ̀kẹ́ leaves the farm, and Baba Ìdòwú follows him to Ìbàdàn."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Kẹ́hìndé Àjọ̀kẹ́", "Baba Ìdòwú"}


def test_wikipedia_cast_section_role_voiced_by_actor():
    """A dub's cast listed role first, "Role (voiced by Actor)", beside "Actor as Role" lines:
    one cast claim per line, the same role for both actors."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Ada Brook as Pip, a hedgehog\n"
        "  • Lee Paine as the Frost Queen\n"
        "  • Ray Moss as Uncle Barnaby Quill\n\n"
        "English version\n\n"
        "  • Pip (voiced by Joan Dee)\n"
        "  • The Frost Queen (voiced by Max Orr), the villain\n"
        "  • Uncle Barnaby Quill (played by Tom O'Hale)[4]\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Ada Brook", "Pip"),
        ("Lee Paine", "the Frost Queen"),
        ("Ray Moss", "Uncle Barnaby Quill"),
        ("Joan Dee", "Pip"),
        ("Max Orr", "The Frost Queen"),
        ("Tom O'Hale", "Uncle Barnaby Quill"),
    }
    for c in out.claims:
        assert text[c.span_start : c.span_end] == c.raw


def test_wikipedia_cast_section_role_bullets_voiced_by_line():
    """An anime article's cast: each role's bullet (its Japanese name in parentheses), then a
    "Voiced by:" line naming the original and the dub's voices: a cast claim per voice, the
    role without its Japanese name; a description line under it is no voice."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Characters\n\n"
        "  • Mika Arai (新井 美佳, Arai Mika)\n"
        "    Voiced by: Rin Sasaki (Japanese); Ann Holt (English)[3]\n"
        "    A courier who delivers letters by bicycle.\n"
        "  • Professor Hoshino (星野教授, Hoshino-kyōju)\n"
        "    Voiced by: Kōji Ueda (Japanese), Joe Bell (English; 2004 dub)\n"
        "  • Kuro\n"
        "    Voiced by: Emi Tanabe\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Rin Sasaki", "Mika Arai"),
        ("Ann Holt", "Mika Arai"),
        ("Kōji Ueda", "Professor Hoshino"),
        ("Joe Bell", "Professor Hoshino"),
        ("Emi Tanabe", "Kuro"),
    }
    for c in out.claims:
        assert text[c.span_start : c.span_end] == c.raw


def test_wikipedia_cast_section_second_voice_of_a_role():
    """A role's singing (or speaking) voice by another actor, on a sub-bullet under the role's
    line or on its own line: one more cast claim with the same role, and the line above the
    sub-bullet stays in the list."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Ada Brook as Pip, a hedgehog\n"
        "    ◦ Joan Dee provides the singing voice of Pip\n"
        "  • Lee Paine as the Frost Queen\n"
        "    ◦ Max Orr as the Frost Queen's singing voice[3]\n"
        "  • Ray Moss as Uncle Barnaby Quill\n"
        "  • Tom O'Hale provided Barnaby's speaking voice, uncredited\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Ada Brook", "Pip"),
        ("Joan Dee", "Pip"),
        ("Lee Paine", "the Frost Queen"),
        ("Max Orr", "the Frost Queen"),
        ("Ray Moss", "Uncle Barnaby Quill"),
        ("Tom O'Hale", "Barnaby"),
    }
    for c in out.claims:
        assert text[c.span_start : c.span_end] == c.raw


def test_wikipedia_cast_line_of_two_people_sharing_a_surname():
    """"Amy and Kit Ferrand as the Ferrand Sisters": two actors in one role, the surname
    shared; a duo's name with no shared surname stays one credit."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Cast\n\n"
        "  • Ada Brook as Pip\n"
        "  • Amy and Kit Ferrand as the Ferrand Sisters, two cellists\n"
        "  • Simon and Garfunkel as themselves\n"
        "  • Ray Moss as Uncle Barnaby Quill\n"
    )
    out = _collector(text)
    Wikipedia()._cast_section(out, 0, len(text))
    assert {(c.value["actor"], c.value["character"]) for c in out.claims} == {
        ("Ada Brook", "Pip"),
        ("Amy Ferrand", "the Ferrand Sisters"),
        ("Kit Ferrand", "the Ferrand Sisters"),
        ("Simon and Garfunkel", "themselves"),
        ("Ray Moss", "Uncle Barnaby Quill"),
    }
    for c in out.claims:
        assert text[c.span_start : c.span_end] == c.raw


def test_plot_names_a_role_with_its_article_at_a_sentence_start():
    """A cast role written with its article ("The Frost Queen") is named by a plot whatever
    the article's case: "the Frost Queen" mid-sentence, "The Frost Queen" opening one."""
    text = "Pip is sent north by the Frost Queen. The Frost Queen never speaks again."
    out = _collector(text)
    add_characters(out, 0, len(text), ["The Frost Queen"], cased=True)
    assert {c.value for c in out.claims} >= {"the Frost Queen"}
    assert "The Frost Queen" not in {c.value for c in out.claims}


def test_wikipedia_infobox_runtime_per_cut():
    from auditor.extract.wikipedia import Wikipedia

    box = "Running time\n  • 131 minutes (original)\n  • 96 minutes (US version)[3]\nCountryItaly\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    runtimes = {f for f in facts if f[0] == "runtime"}
    assert runtimes == {("runtime", 131, None), ("runtime", 96, "usa")}


def test_wikipedia_infobox_runtime_of_a_reissue_cut():
    """A reissue's shorter cut ("(1954 reissue)", "(re-issue)") is another cut, compared with
    that cut's times only; the first release's time ("(original release)") is the film's."""
    from auditor.extract.wikipedia import Wikipedia

    box = (
        "Running time\n  • 102 minutes (original release)\n  • 91 minutes (1954 reissue)\n"
        "  • 88 minutes (TV re-issue)\nCountryFrance\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    runtimes = {f for f in facts if f[0] == "runtime"}
    assert runtimes == {
        ("runtime", 102, None),
        ("runtime", 91, "1954 reissue"),
        ("runtime", 88, "tv re-issue"),
    }


def test_wikipedia_based_on_line_glued_on_one_line():
    """A "Based on" value on one line ("Based onStand by Me by Ada Brook") credits the author
    after its last "by", as the two-line form ("Based onX" / "by Y") does."""
    from auditor.extract.wikipedia import Wikipedia

    for box in (
        "Based onThe Long Stand by Ada Brook\nProduced byJo Vance\n",
        "Based onThe Long Stand\nby Ada Brook\nProduced byJo Vance\n",
    ):
        facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
        assert ("writers", "Ada Brook", "based on") in facts
        assert not {f for f in facts if f[0] == "writers" and f[1] != "Ada Brook"}


def test_runtime_per_version_named_by_its_country():
    from auditor.extract.imdb import Imdb
    from auditor.extract.wikipedia import Wikipedia

    box = "Running time\n95 minutes (France)\n88 minutes (United Kingdom)\nCountryFrance\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert {f for f in facts if f[0] == "runtime"} == {
        ("runtime", 95, "france"),
        ("runtime", 88, "uk"),
    }
    text = "technical specs runtime: 102 min | 90 min (uk) | 97 min (director's cut) sound mix"
    out = _collector(text)
    Imdb()._details(out.view, out, 0)
    assert {(c.raw, c.value, c.qualifier) for c in out.claims if c.attribute == "runtime"} == {
        ("102 min", 102, None),
        ("90 min", 90, "uk"),
        ("97 min", 97, "director's cut"),
    }


def test_a_festival_screenings_running_time_is_a_cut_of_its_own():
    """IMDb's "104 min (venice film festival)": the time of the festival's screening, compared
    with that cut's times only; a festival named without the word too ("(Sundance)")."""
    from auditor.extract.common import runtime_version
    from auditor.extract.imdb import Imdb

    assert runtime_version("(Sundance)") == "sundance"
    text = "technical specs runtime: 88 min | 97 min (rotterdam film festival) sound mix"
    out = _collector(text)
    Imdb()._details(out.view, out, 0)
    assert {(c.value, c.qualifier) for c in out.claims if c.attribute == "runtime"} == {
        (88, None),
        (97, "rotterdam film festival"),
    }


def test_imdb_worldwide_gross_and_hour_runtime():
    from auditor.extract.imdb import Imdb

    text = (
        "box office budget: $3,000,000 (estimated) gross us & canada: $812,330 gross worldwide: "
        "$4,120,006 see more technical specs runtime: 2h 5min | 1h 58min (tv) sound mix: mono"
    )
    out = _collector(text)
    Imdb()._details(out.view, out, 0)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] != "budget"} == {
        ("gross", (("amount", 812_330), ("currency", "USD")), "usa"),
        ("gross", (("amount", 4_120_006), ("currency", "USD")), "worldwide"),
        ("runtime", 125, None),
        ("runtime", 118, "tv"),
    }


def test_imdb_older_metascore_label_and_metacritic_review_count():
    """The older header's "metascore: 71/100" and its reviews line's third count, "| 19 from
    metacritic.com", as the newer "71 metascore from metacritic.com" gives the score."""
    from auditor.extract.imdb import Imdb

    text = (
        "director: ana ruiz stars: leo park | see full cast & crew&nbsp;&raquo; metascore: 71/100 "
        "reviews 88 user | 30 critic | 19 from metacritic.com popularity 4,120 ( 12)"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0].startswith("critic")} == {
        ("critic_score", (("scale", 100), ("value", 71)), "metacritic"),
        ("critic_review_count", 19, "metacritic"),
    }


def test_imdb_crew_credited_as_another_name():
    """'director: ana ruiz (as anne rees)', 'writers: leo park (screenplay) (as lee parks)': the
    name the person is credited as is no part of the name or the role; the claim's raw keeps
    it, as a cast line's does."""
    from auditor.extract.imdb import Imdb

    text = (
        "director: ana ruiz (as anne rees) writers: leo park (screenplay) (as lee parks), ana "
        "ruiz (story) stars: kit vance, jo hale (credited as joe hale) | see full cast & crew"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    facts = {(c.attribute, c.value, c.qualifier) for c in out.claims}
    assert facts == {
        ("director", "ana ruiz", None),
        ("writers", "leo park", "screenplay"),
        ("writers", "ana ruiz", "story"),
        ("stars", "kit vance", None),
        ("stars", "jo hale", None),
    }
    raws = {c.raw for c in out.claims}
    assert {"ana ruiz (as anne rees)", "leo park (screenplay) (as lee parks)"} <= raws


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("also known as: the long quay (uk) see more", "the long quay"),
        ("also known as: nuit sans fin (working title) see more", "nuit sans fin"),
        ("also known as: die brücke see more", "die brücke"),
    ],
)
def test_imdb_also_known_as_without_its_note(line, title):
    """IMDb's note on where a title was used ("(uk)", "(working title)") is no part of it."""
    from auditor.extract.imdb import Imdb

    out = _collector(f"edit details country: uk {line} filming locations: x see more")
    Imdb()._details(out.view, out, 0)
    assert [c.raw for c in out.claims if c.attribute == "also_known_as"] == [title]


def test_a_cut_named_by_its_certificate():
    """A direct-to-video film's rated and unrated discs: "(R-rated)" names a cut as "(unrated)"
    does, each time compared with its own cut's."""
    from auditor.extract.common import runtime_version
    from auditor.extract.imdb import Imdb
    from auditor.extract.wikipedia import Wikipedia

    assert runtime_version("(PG-13 rated)") == "pg-13 rated"
    assert runtime_version("(rated)") is None
    text = "technical specs runtime: 101 min (unrated) | 97 min (r-rated) sound mix"
    out = _collector(text)
    Imdb()._details(out.view, out, 0)
    assert {(c.value, c.qualifier) for c in out.claims if c.attribute == "runtime"} == {
        (101, "unrated"),
        (97, "r-rated"),
    }
    box = "Running time\n  • 97 minutes (R-rated)\n  • 101 minutes (Unrated)\nCountryUnited States"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert {f for f in facts if f[0] == "runtime"} == {
        ("runtime", 97, "r-rated"),
        ("runtime", 101, "unrated"),
    }


def test_imdb_runtime_per_cut():
    from auditor.extract.imdb import Imdb

    text = "technical specs runtime: 131 min (original) | 96 min (usa) sound mix: mono"
    out = _collector(text)
    Imdb()._details(out.view, out, 0)
    assert {c.raw for c in out.claims if c.attribute == "runtime"} == {"131 min", "96 min"}


def test_wikipedia_infobox_release_on_disc():
    """A direct-to-video film's infobox "March 3, 2009 (DVD)": the disc's date, no release."""
    from auditor.extract.wikipedia import Wikipedia

    box = (
        "Release dates\n  • January 9, 2009 (2009-01-09) (Gravecliff Horror Fest)\n"
        "  • March 3, 2009 (2009-03-03) (DVD)\nRunning time\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert facts == {
        ("release_date", "2009-01-09", "premiere"),
        ("dvd_release", "2009-03-03", None),
    }


def test_wikipedia_infobox_release_notes():
    """A festival acronym or the word premiere is a premiere; a city is no country."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Release dates\n"
        "  • 12 March 2011 (2011-03-12) (SXSW)\n"
        "  • 5 September 2011 (2011-09-05) (VIFF)\n"
        "  • 1 April 2011 (2011-04-01) (New York City)\n"
        "  • 8 April 2011 (2011-04-08) (Los Angeles premiere)\n"
        "  • 6 May 2011 (2011-05-06) (Norway)\n"
        "  • 20 July 2011 (2011-07-20) (Fantasia)\n"
        "  • 25 January 2012 (2012-01-25) (Göteborg)\n"
        "  • 3 August 2012 (2012-08-03) (general release)\n"
        "  • 9 May 2014 (2014-05-09) (re-release)\n"
        "Running time\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), text)
    assert {(v, q) for a, v, q in facts if a == "release_date"} == {
        ("2012-08-03", "wide"),  # the release that followed a roadshow, everywhere
        ("2014-05-09", "re-release"),
        ("2011-03-12", "premiere"),
        ("2011-09-05", "premiere"),
        ("2011-04-01", None),
        ("2011-04-08", "premiere"),
        ("2011-05-06", "norway"),
        ("2011-07-20", "premiere"),  # festivals named without the word "festival"
        ("2012-01-25", "premiere"),
    }


def test_wikipedia_infobox_release_note_naming_a_festival_the_page_names():
    """"(Perth)" where the article says "premiered at the Perth International Film Festival"
    is that festival; a city no festival of the page is named after stays no qualifier."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Release dates\n"
        "  • 14 February 2016 (2016-02-14) (Perth)\n"
        "  • 3 March 2016 (2016-03-03) (Darwin)\n"
        "  • 7 April 2016 (2016-04-07) (Australia)\n"
        "Running time\n"
        "98 minutes\n\n"
        "The film premiered at the Perth International Film Festival in February 2016.\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), text)
    assert {(v, q) for a, v, q in facts if a == "release_date"} == {
        ("2016-02-14", "premiere"),
        ("2016-03-03", None),
        ("2016-04-07", "australia"),
    }


@pytest.mark.parametrize(
    ("role", "split"),
    [
        ("ship's cat (voice)", ("ship's cat", None)),
        ("Guard at Gate (uncredited)", ("Guard at Gate", None)),
        ("himself (archive footage)", ("himself", None)),
        ("Young Ada (credit only)", ("Young Ada", None)),
        ("Jo Vance (voice) (as Joe Vance)", ("Jo Vance", "Joe Vance")),
        ("Jo Vance (as Joe Vance) (uncredited)", ("Jo Vance", "Joe Vance")),
        ("Kiki (voice) (English version)", ("Kiki", None)),
        ("Kiki (German version) (voice)", ("Kiki", None)),
        ("Mother (narrator)", ("Mother", None)),
        ("Elderly Jo (voice) (narrator)", ("Elderly Jo", None)),
        ("The Storyteller (narration) (uncredited)", ("The Storyteller", None)),
        ("Ada (Older)", ("Ada (Older)", None)),
        ("Herself - Lighthouse Keeper", ("Herself", None)),
        ("himself - host (archive footage)", ("himself", None)),
        ("Themselves – Choir", ("Themselves", None)),
        ("Self - Narrator", ("Self - Narrator", None)),
        ("Self - Ferry Pilot", ("Self", None)),
        ("self - harbour master (archive footage)", ("self", None)),
        ("Self – Mountain Guide", ("Self", None)),
        ("Polly Abbott (introducing)", ("Polly Abbott", None)),  # a billing note
        ("the new maid (and introducing) (as Kit Dale)", ("the new maid", "Kit Dale")),
    ],
)
def test_cast_role_notes_split_off(role, split):
    from auditor.extract.common import split_role

    assert split_role(role) == split


def test_imdb_cast_line_notes():
    from auditor.extract.imdb import Imdb

    text = "ada brook ... ship's cat (voice) lee paine ... guard (uncredited) see full cast"
    out = _collector(text)
    Imdb()._cast_lines(out, 0, text.index(" see full"), set())
    assert {tuple(sorted(c.value.items())) for c in out.claims} == {
        (("actor", "ada brook"), ("character", "ship's cat")),
        (("actor", "lee paine"), ("character", "guard")),
    }


def test_imdb_cast_actor_named_in_the_also_liked_credits():
    """An actor of three words the "also liked" films credit is read whole in the cast line
    (lower case gives nothing else to tell 'nurse kit' + 'mae lindqvist' from 'nurse' +
    'kit mae lindqvist')."""
    from auditor.extract.imdb import Imdb

    text = (
        "people who liked this also liked... the long road (2011) drama 6.1/10 x a drifter. "
        "director: ola ter stars: kit mae lindqvist, jo ray 0 next &raquo; edit cast cast "
        "overview, first billed only: ada brook ... nurse kit mae lindqvist ... ferry pilot "
        "jo ray ... guard see full cast&nbsp;&raquo;"
    )
    out = _collector(text)
    Imdb()._cast(out.view, out, text.index("edit cast"), None, 0)
    assert {tuple(sorted(c.value.items())) for c in out.claims} == {
        (("actor", "ada brook"), ("character", "nurse")),
        (("actor", "kit mae lindqvist"), ("character", "ferry pilot")),
        (("actor", "jo ray"), ("character", "guard")),
    }


def test_imdb_cast_one_word_stage_name_after_a_role_the_storyline_names():
    """A one-word stage name after a two-word role: the storyline writes the role whole
    ("lena marsh") and never the would-be actor "marsh zuzu", so the actor is "zuzu"; a
    two-word actor after a role the storyline names ("tom hale" + "kit ray") stays two."""
    from auditor.extract.imdb import Imdb

    text = (
        "edit cast cast overview, first billed only: ada brook ... warden tom hale kit ray ... "
        "lena marsh zuzu ... the cook see full cast&nbsp;&raquo; edit storyline warden tom "
        "hale locks the gates; lena marsh, his clerk, and the cook plan a way out. written by "
        "x plot summary"
    )
    out = _collector(text)
    Imdb()._cast(out.view, out, 0, None)
    assert {tuple(sorted(c.value.items())) for c in out.claims if c.attribute == "cast"} == {
        (("actor", "ada brook"), ("character", "warden tom hale")),
        (("actor", "kit ray"), ("character", "lena marsh")),
        (("actor", "zuzu"), ("character", "the cook")),
    }


def test_imdb_cast_names_with_several_particles():
    """A lower-cased cast line gives no capitals to tell a name from the role before it: the
    actor is a first name, every particle, and the surname."""
    from auditor.extract.imdb import Imdb

    text = (
        "ada brook ... nurse kit ola ter horst ... harbour master ines dos santos ... maid "
        "jan de la cruz ... priest see full cast"
    )
    out = _collector(text)
    Imdb()._cast_lines(out, 0, text.index(" see full"), set())
    assert {tuple(sorted(c.value.items())) for c in out.claims} == {
        (("actor", "ada brook"), ("character", "nurse kit")),
        (("actor", "ola ter horst"), ("character", "harbour master")),
        (("actor", "ines dos santos"), ("character", "maid")),
        (("actor", "jan de la cruz"), ("character", "priest")),
    }


def test_imdb_cast_actor_of_four_words_the_page_credits():
    """An actor of four words the page credits elsewhere (the stars line: "rosa maria da
    silva", "ana luísa dos reis") is read whole after a role, not as its last two words."""
    from auditor.extract.imdb import Imdb

    text = (
        "ada brook ... nurse kit rosa maria da silva ... dona zélia ana luísa dos reis ... "
        "the widow see full cast"
    )
    out = _collector(text)
    known = {"rosa maria da silva", "ana luísa dos reis"}
    Imdb()._cast_lines(out, 0, text.index(" see full"), known)
    assert {tuple(sorted(c.value.items())) for c in out.claims} == {
        (("actor", "ada brook"), ("character", "nurse kit")),
        (("actor", "rosa maria da silva"), ("character", "dona zélia")),
        (("actor", "ana luísa dos reis"), ("character", "the widow")),
    }


def test_imdb_cast_second_surname_after_a_particle():
    """'... sister inés rocha pau vidal de soto ... ': the actor has a second surname after the
    particle ("vidal de soto") where the role without its last word is a name the storyline
    writes and the role with it is not; a one-word role ("nurse") proves nothing."""
    from auditor.extract.imdb import Imdb

    text = (
        "cast overview, first billed only: ada brook ... sister inés rocha pau vidal de soto "
        "... the nurse kit ola ter horst ... joe see full cast storyline sister inés rocha "
        "nurses joe and the nurse tells him nothing."
    )
    out = _collector(text)
    start, end = text.index("ada"), text.index(" see full")
    Imdb()._cast_lines(out, start, end, set())
    assert {tuple(sorted(c.value.items())) for c in out.claims} == {
        (("actor", "ada brook"), ("character", "sister inés rocha")),
        (("actor", "pau vidal de soto"), ("character", "the nurse kit")),
        (("actor", "ola ter horst"), ("character", "joe")),
    }


@pytest.mark.parametrize(
    ("line", "fact"),
    [
        ("release date: 5 may 1999 (france) see more", ("1999-05-05", "france")),
        ("release date: march 1987 (italy) see more", ("1987-03", "italy")),
        ("release date: 1954 (japan) see more", ("1954", "japan")),
    ],
)
def test_imdb_release_date_precision(line, fact):
    from auditor.extract.imdb import Imdb

    out = _collector(line)
    Imdb()._details(out.view, out, 0)
    assert {(c.value, c.qualifier) for c in out.claims if c.attribute == "release_date"} == {fact}


def test_imdb_info_line_after_an_original_title():
    from auditor.extract.imdb import Imdb

    text = (
        "7.8/10 1,204 rate this el tren de las siete&nbsp;(1968) el tren de las siete "
        "(original title) tp | 1h 32min | drama | 4 june 1968 (spain) a stationmaster waits. "
        "director: ana ruiz"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    facts = {(c.attribute, _plain(c.value)) for c in out.claims}
    assert {a for a, _ in facts} >= {"runtime", "genres", "release_date", "also_known_as"}
    assert ("genres", "drama") in facts and ("also_known_as", "el tren de las siete") in facts
    assert not any("original title" in str(v) for _, v in facts)


def test_imdb_info_line_after_a_countrys_title():
    """A header giving the name a country knows the film by, noted with that country ("the
    seventh train (uk)"), reads on as after "(original title)": the certificate and the genres
    are themselves, the name an also-known-as."""
    from auditor.extract.imdb import Imdb

    text = (
        "7.8/10 1,204 rate this el tren de las siete&nbsp;(1968) the seventh train (uk) "
        "not rated | 1h 32min | drama | 4 june 1968 (spain) a stationmaster waits. "
        "director: ana ruiz"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    facts = {(c.attribute, _plain(c.value)) for c in out.claims}
    assert ("genres", "drama") in facts and ("also_known_as", "the seventh train") in facts
    assert ("mpaa_rating", "NOT RATED") in facts
    assert not any("(uk)" in str(v) for _, v in facts)


def test_imdb_box_office_lines():
    from auditor.extract.imdb import Imdb

    text = (
        "box office budget: frf 77,000,000 (estimated) opening weekend: £2,104,412 (uk) "
        "(25 february 1996) gross: £12,433,064 (uk) gross usa: $16,501,785 "
        "cumulative worldwide gross: $72,000,000 see more"
    )
    out = _collector(text)
    Imdb()._details(out.view, out, 0)
    assert {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims} == {
        ("budget", (("currency", "FRF"), ("high", 77_000_000), ("low", 77_000_000)), "estimated"),
        ("gross", (("amount", 12_433_064), ("currency", "GBP")), "uk"),
        ("gross", (("amount", 16_501_785), ("currency", "USD")), "usa"),
        ("gross", (("amount", 72_000_000), ("currency", "USD")), "worldwide"),
    }


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "In North America, the film was distributed by Harbour Pictures.",
            {("distributor", "Harbour Pictures", "north america")},
        ),
        (
            "It was distributed by Northway Films in the United Kingdom.",
            {("distributor", "Northway Films", "uk")},
        ),
        ("Video cassettes of the film were distributed by Northway Home Video.", set()),
        (  # released in a country by a company: its distributor there
            "It was released in South Korea by Kesong Contents on 4 May 2011 on 600 screens.",
            {("distributor", "Kesong Contents", "south korea")},
        ),
        (  # the date between the country and the company
            "The film was released in Canada on 9 May 2012 by Ohm Pictures.",
            {("distributor", "Ohm Pictures", "canada")},
        ),
        ("It was released in the United States by Northway Home Video on DVD.", set()),
        (  # a predicate coordinated with the film's own, an adverb before it
            "It won the jury prize at Locarno and was later released in the United Kingdom "
            "by Ohm Pictures.",
            {("distributor", "Ohm Pictures", "uk")},
        ),
        ("It premiered at Locarno and was later released on DVD by Northway Video.", set()),
        (  # the subject of "gave it a release", past a relative clause after it
            "Ohm Pictures, which bought the rights at the Berlin market, gave the film a "
            "limited release in Canada on 2 June 2012.",
            {("distributor", "Ohm Pictures", "canada")},
        ),
        (  # the subject that "released it in" a country, past ", and" too
            "It opened in Portugal on 4 May 1970, and Ohm Pictures released it in Brazil on "
            "9 June 1970. Harbour Films released the film in the United Kingdom on 1 July 1971.",
            {("distributor", "Ohm Pictures", "brazil"), ("distributor", "Harbour Films", "uk")},
        ),
        (  # not a country; a disc's release
            "Harbour Films released it in Technicolor. Northway released it in the United "
            "States on DVD in 2004.",
            set(),
        ),
    ],
)
def test_wikipedia_distributor_prose(text, facts):
    from auditor.extract.wikipedia import Wikipedia

    assert _facts(lambda out, s, e: Wikipedia()._prose(out, s, e), text) == facts


def test_a_documentary_names_no_characters(tmp_path):
    """The people a documentary's synopsis names are the people filmed, not characters: the
    same blog page names characters as a drama and none once its genre line says documentary."""
    from auditor.documents import discover
    from auditor.extract import extract_document

    page = (FIXTURES / "documents" / "trainspotting-1996" / "movieblog.txt").read_text()
    got = {}
    for genre in ("Crime, Drama", "Documentary"):
        folder = tmp_path / genre[:5] / "trainspotting-1996"
        folder.mkdir(parents=True)
        text = page.replace("Genre: Crime, Drama", f"Genre: {genre}")
        (folder / "movieblog.txt").write_text(text)
        [ref] = discover([folder / "movieblog.txt"])
        result = extract_document(ref)
        assert result.error is None
        got[genre] = {c.attribute for c in result.claims}
    assert "character" in got["Crime, Drama"]
    assert "character" not in got["Documentary"] and "cast" in got["Documentary"]


def test_nickname_quote_styles_are_one_role():
    """IMDb's 'single' quotes and another site's "double" or curly quotes around a nickname
    write one role: no finding for the actor's character."""
    from auditor.reconcile.comparators.sets import _roles

    roles = ["kit 'ace' harlow", 'kit "ace" harlow', "kit “ace” harlow"]
    found = _roles(None, "e", "cast", ["1", "2", "3"], ["imdb", "movieblog", "wikipedia"],
                   roles, ["Lee Paine"] * 3, roles)
    assert found == []
    found = _roles(None, "e", "cast", ["1", "2"], ["imdb", "wikipedia"],
                   ["kit harlow", 'kit "ace" harlow'], ["Lee Paine"] * 2,
                   ["kit harlow", 'kit "ace" harlow'])
    assert [f.why.reason.name for f in found] == ["role-named-fully"]


def test_role_described_after_a_comma_is_its_name():
    """IMDb's "marta, the ferryman's widow" and Wikipedia's "Marta Lind": the description
    after the comma is no part of the name, so the role is named more or less fully; a
    different name before the comma is still a different role."""
    from types import SimpleNamespace

    from auditor.normalize.names import near_variant
    from auditor.reconcile.comparators.sets import _roles

    ctx = SimpleNamespace(near=near_variant)

    roles = ["marta, the ferryman's widow", "marta lind"]
    found = _roles(ctx, "e", "cast", ["1", "2"], ["imdb", "wikipedia"], roles,
                   ["Ana Voss"] * 2, roles)
    assert [f.why.reason.name for f in found] == ["role-named-fully"]
    roles = ["greta, the ferryman's widow", "marta lind"]
    found = _roles(ctx, "e", "cast", ["1", "2"], ["imdb", "wikipedia"], roles,
                   ["Ana Voss"] * 2, roles)
    assert [f.why.reason.name for f in found] == ["different-roles"]


def test_self_role_words_are_one_role():
    """A documentary's subject is "Herself" on one site, "Self" or "themselves" on another:
    one role, no finding; a self-role beside a named role is still two roles."""
    from auditor.reconcile.comparators.sets import _roles

    roles = ["herself", "self", "themselves"]
    found = _roles(None, "e", "cast", ["1", "2", "3"], ["imdb", "movieblog", "wikipedia"],
                   roles, ["Ada Mbeki"] * 3, ["Herself", "Self", "Themselves"])
    assert found == []
    roles = ["himself", "the mayor", "narrator"]
    found = _roles(None, "e", "cast", ["1", "2", "3"], ["imdb", "movieblog", "wikipedia"],
                   roles, ["Otto Brandt"] * 3, roles)
    assert [f.why.reason.name for f in found] == ["different-roles"]


@pytest.mark.parametrize(
    "hatnote",
    [
        "This article is about the 2004 film. For the 1950 film, see Blue Harbour (1950 film).",
        '"Blue Harbour" redirects here. For the novel, see Blue Harbour (novel).',
        "Not to be confused with Blue Harbor.",
    ],
)
def test_wikipedia_hatnote_is_no_title(hatnote):
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Blue Harbour\n\nFrom Wikipedia, the free encyclopedia\n\n"
        f"{hatnote}\nBlue Harbour\nDirected byAda Brook\nRunning time\n94 minutes\n\n"
        "Blue Harbour is a 2004 Canadian drama film directed by Ada Brook.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    assert out.values("title") == ["Blue Harbour"]
    assert out.values("runtime") == [94]


def test_wikipedia_paragraph_about_another_film_states_nothing_of_this_one():
    """A remake's article tells of its original, a sequel's of the first film: that
    paragraph's dates and sums are the other film's."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Dark Bell\n\nFrom Wikipedia, the free encyclopedia\n\nDark Bell\nDirected byAda Brook\n\n"
        "Dark Bell is a 2004 British horror film directed by Ada Brook.\n\n"
        "The 1958 film was released in the United States on 2 May 1958 and grossed $1.2 million."
        "\n\nThe original Dark Bell was made for £40,000; it opened in London on 3 March 1958.\n\n"
        "The 2004 film was released in the United Kingdom on 6 June 2004 and grossed £2 million "
        "there.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "budget")} == {
        ("release_date", "2004-06-06", "uk"),
        ("gross", (("amount", 2_000_000), ("currency", "GBP")), "uk"),
    }


def test_wikipedia_paragraph_on_a_later_film_named_in_apposition_states_nothing_of_this_one():
    """A paragraph that opens on a remake or sequel named in apposition ("A French remake,
    X, ...", "Its sequel, X (2009), ...") goes on about that film, its pronouns included;
    "A remake of X" as the subject is this film."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Tin Bell\n\nFrom Wikipedia, the free encyclopedia\n\nTin Bell\nDirected byAda Brook\n\n"
        "Tin Bell is a 2004 Canadian drama film directed by Ada Brook.\n\n"
        "A French-language remake, La Cloche, starring Paul Dray, opened in France on 3 May "
        "2012. It took €4 million there on a budget of €6 million.\n\n"
        "Its sequel, Tin Bell Rings (2009), was released in Canada on 9 May 2009.\n\n"
        "The film was released in Canada on 6 June 2004 and grossed $2 million there.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "budget")} == {
        ("release_date", "2004-06-06", "canada"),
        ("gross", (("amount", 2_000_000), ("currency", "USD")), "canada"),
    }


def test_wikipedia_paragraph_on_a_version_in_another_language_states_nothing_of_this_one():
    """An early sound film's version in another language, shot beside it with its own director
    and cast, named in apposition after an opening phrase or not ("As was usual then, a
    Spanish-language version, X, was ...") is another film: its runtime and dates are not this
    one's; this film's own paragraph still counts."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Copper Moon\n\nFrom Wikipedia, the free encyclopedia\n\nCopper Moon\nDirected byAda "
        "Brook\n\nCopper Moon is a 1930 American comedy film directed by Ada Brook.\n\n"
        "As was usual at the time, a Spanish-language version, Luna de cobre, was shot at night "
        "on the same sets. It was directed by Tomás Ruiz and opened in Spain on 3 May 1931.\n\n"
        "A French version, Lune de cuivre, was released in France on 9 June 1931.\n\n"
        "The film was released in the United States on 6 June 1930 and grossed $2 million "
        "there.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "director")} == {
        ("director", "Ada Brook", None),
        ("release_date", "1930-06-06", "usa"),
        ("gross", (("amount", 2_000_000), ("currency", "USD")), "usa"),
    }


def test_wikipedia_sentence_whose_subject_is_another_film_states_nothing_of_this_one():
    """A sentence about the director's or the studio's other film, named with its year
    ("Brook's earlier film X (2001)"), gives that film's dates and sums, not this one's; a
    sentence about this film that names another ("which ends as X (1961) does") still counts."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2006 Canadian drama film directed by Ada Brook.\n\n"
        "The studio’s first feature, Copper Kettle (1999), premiered at the Venice Film "
        "Festival on 2 September 1999 and grossed $3 million.[4] Brook's earlier film Tin Bell "
        "(2003) was released in Canada on 4 May 2003. The film, which ends as Red Door (1961) "
        "does, was released in Canada on 12 May 2006 and grossed $5 million.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross")} == {
        ("release_date", "2006-05-12", "canada"),
        ("gross", (("amount", 5_000_000), ("currency", "USD")), "canada"),
    }


def test_wikipedia_sentence_whose_subject_is_a_sequel_states_nothing_of_this_one():
    """A sentence whose subject is a sequel, prequel or spin-off named with its year ("A
    direct-to-video sequel, X (1998), was released on VHS on ...") gives that film's dates and
    sums; a sentence about this film that names its sequel still counts."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2006 Canadian drama film directed by Ada Brook.\n\n"
        "Salt Road was released in Canada on 12 May 2006 and grossed $5 million. The "
        "made-for-television prequel, Salt Creek (2009), premiered in Canada on 3 March 2009. "
        "Its sequel Salt Sea (2010) grossed $8 million in Canada. Salt Road came out on DVD on "
        "4 April 2007, before its spin-off, Salt Lake (2008).\n\n"
        "An animated spin-off, Salt Lake (2008), was released on DVD on 2 June 2008.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "dvd_release")} == {
        ("release_date", "2006-05-12", "canada"),
        ("gross", (("amount", 5_000_000), ("currency", "USD")), "canada"),
        ("dvd_release", "2007-04-04", None),
    }


def test_wikipedia_relative_clause_on_another_film_states_nothing_of_this_one():
    """'... after X (2003), which opened in Canada on 4 May 2003, ...': a relative clause on
    another film named with its year gives that film's dates and sums mid-sentence too; this
    film's own title and year before 'which' are this film."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2006 Canadian drama film directed by Ada Brook.\n\n"
        "Brook wrote the script while finishing Tin Bell (2003), which opened in Canada on 4 May "
        "2003 and grossed $2 million there. Salt Road (2006), which cost $1 million, was released "
        "in Canada on 12 May 2006.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "budget")} == {
        ("release_date", "2006-05-12", "canada"),
        ("budget", (("currency", "USD"), ("high", 1_000_000), ("low", 1_000_000)), None),
    }


def test_wikipedia_relative_clause_on_another_film_of_the_same_year_states_nothing():
    """'... lost to X (2006), which opened in France on ...' in a 2006 film's article: a film of
    the same year whose title is not this one's (a title in sentence case, "Le temps des
    cerises") is another film; this film's own title before its year is still this film."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2006 Canadian drama film directed by Ada Brook.\n\n"
        "At the Jutra Awards it lost Best Film to Le temps des cerises (2006), which opened in "
        "France on 8 March 2006 and earned €3.1 million. Salt Road (2006), which cost $1 "
        "million, was released in Canada on 12 May 2006.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "budget")} == {
        ("release_date", "2006-05-12", "canada"),
        ("budget", (("currency", "USD"), ("high", 1_000_000), ("low", 1_000_000)), None),
    }


def test_wikipedia_sentence_about_the_series_earlier_film_states_nothing_of_this_one():
    """Mid-paragraph, a sentence whose subject is the series' earlier film with no title ("The
    original film had grossed ...", "Its previous picture opened ...") gives that film's sums and
    dates; "The first film to ..." is this film."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road 3\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road 3\nDirected byAda "
        "Brook\n\nSalt Road 3 is a 2009 Canadian drama film directed by Ada Brook.\n\n"
        "Salt Road 3 grossed $9 million in Canada. The original film had grossed $3 million in "
        "Canada in 1999. Its previous picture opened in Canada on 4 May 2003. The first film to "
        "be shot in the Yukon, it was released in Canada on 12 May 2009.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross")} == {
        ("release_date", "2009-05-12", "canada"),
        ("gross", (("amount", 9_000_000), ("currency", "USD")), "canada"),
    }


def test_imdb_header_certificate_of_another_board_is_no_genre():
    from auditor.extract.imdb import Imdb

    text = (
        "7.1/10 2,310 rate this blue harbour&nbsp;(2004) 12a | 1h 32min | drama, romance | "
        "4 june 2004 (uk) a keeper waits. director: ana ruiz"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    assert set(out.values("genres")) == {"drama", "romance"}
    assert out.values("mpaa_rating") == []


def test_box_office_field_of_rentals_is_no_gross():
    """An old film's infobox or field "$4.5 million (US rentals)" states rentals, no gross."""
    from auditor.extract.common import add_money
    from auditor.extract.imdb import Imdb

    text = "$4.5 million (US rentals) | $1.9 million (worldwide)"
    out = _collector(text)
    add_money(out, "gross", 0, 25)
    add_money(out, "gross", 28, len(text))
    assert [(c.value, c.qualifier) for c in out.claims] == [
        ({"amount": 1_900_000, "currency": "USD"}, "worldwide")
    ]
    # IMDb's older box-office line with two notes, the rentals or disc sales in the second
    for note in ("(rentals)", "(dvd sales)"):
        text = f"box office gross: $1,400,000 (usa) {note} see more company credits"
        out = _collector(text)
        Imdb()._details(out.view, out, 0)
        assert not [c for c in out.claims if c.attribute == "gross"]


def test_imdb_header_production_code_certificate_passed_is_the_rating():
    """An old film's "passed" (the Production Code's certificate, like "approved") is its
    rating, no genre."""
    from auditor.extract.imdb import Imdb

    text = (
        "6.4/10 812 rate this the river road&nbsp;(1934) passed | 1h 12min | drama, western | "
        "3 may 1934 (usa) a drover comes home. director: sam tully"
    )
    out = _collector(text)
    Imdb()._header(out.view, out, 0, len(text))
    assert set(out.values("genres")) == {"drama", "western"}
    assert out.values("mpaa_rating") == ["PASSED"]


def test_lower_cased_family_word_before_a_full_name():
    """'his sister maud quarrie': the full name, so a later 'maud' is part of it, no name."""
    text = "when his sister maud quarrie reaches ostend, maud, who never writes, says nothing."
    out = _collector(text)
    add_characters(out, 0, len(text), ["maud quarrie", "kit quarrie"], cased=False)
    assert {c.value for c in out.claims} == {"maud quarrie"}


def test_titled_full_name_after_a_place_word_is_a_person():
    """'the boat of Captain Ilse Varga', 'a letter to Sister Mary Clare': a title and two
    names is a person even where a run after 'of' / 'to' is mostly a place or a body."""
    text = (
        "Jo sails on the boat of Captain Ilse Varga to Lord Howe Island, works for the Bank of "
        "England and writes a letter to Sister Mary Clare."
    )
    out = _collector(text)
    add_characters(out, 0, len(text), [], cased=True)
    names = {c.value for c in out.claims}
    assert {"Captain Ilse Varga", "Sister Mary Clare"} <= names
    assert not {n for n in names if "Island" in n or "England" in n}


def test_plot_names_a_titled_role_without_its_titles():
    text = "a policeman from leeds, jo brook, follows him to the coast."
    out = _collector(text)
    add_characters(out, 0, len(text), ["det. sgt. jo brook", "mother of the bride"], cased=False)
    assert {c.value for c in out.claims} == {"jo brook"}


def test_filmsuggest_abstract_it_stars():
    from auditor.extract.filmsuggest import FilmSuggest

    text = (
        "Search a film or person :\nBlue Harbour is a canadian film of genre Drama directed by "
        "Ada Brook released in Canada on 4 june 2004 with Jo Vance\n\nBlue Harbour (2004)\n\n"
        "Blue Harbour\nIf you like this film, let us know!\n\nBlue Harbour is a 2004 Canadian "
        "drama film directed by Ada Brook. Set in Nova Scotia, it follows a lighthouse keeper. "
        "The film stars Jo Vance, Kit Ray and Lee Paine. It was directed by Max Orr's assistant."
        "\n\n\nSource : Wikidata\n"
    )
    out = _collector(text)
    FilmSuggest().extract(out.view, out)
    assert set(out.values("stars")) == {"Jo Vance", "Kit Ray", "Lee Paine"}
    assert set(out.values("director")) == {"Ada Brook"}


def test_crew_credit_in_the_leads_later_paragraph():
    """The lead is every paragraph before its section break: a later paragraph's sentence on
    the film credits its crew (Wikipedia, after a title's apposition before "is a", and
    filmsuggest's abstract); the plot after the break credits nobody."""
    from auditor.extract.filmsuggest import FilmSuggest
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Grey Pier\n\nFrom Wikipedia, the free encyclopedia\n\nGrey Pier\nDirected byAda Brook"
        "\n\nGrey Pier (French: Le Quai gris), released in Canada as Grey Wharf, is a 1961 "
        "French drama film directed by Ada Brook.\n\nShot in Brest, the film was photographed "
        "by Jo Vance.\n\n\n\nKit Ray waits on the pier; the film was photographed by Max Orr."
        "\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    assert set(out.values("director")) == {"Ada Brook"}  # the infobox's and the lead's
    assert out.values("cinematographer") == ["Jo Vance"]
    text = (
        "Search a film or person :\nGrey Pier is a french film of genre Drama directed by "
        "Ada Brook released in France on 4 june 1961 with Kit Ray\n\nGrey Pier (1961)\n\n"
        "Grey Pier\nIf you like this film, let us know!\n\nGrey Pier is a 1961 French drama "
        "film directed by Ada Brook.\n\nShot in Brest, the film was photographed by Jo Vance."
        "\n\n\nKit Ray waits on the pier.\n\n\nSource : Wikidata\n"
    )
    out = _collector(text)
    FilmSuggest().extract(out.view, out)
    assert out.values("cinematographer") == ["Jo Vance"]


def test_filmsuggest_summary_with_a_nationality_of_two_words():
    from auditor.extract.filmsuggest import FilmSuggest

    text = (
        "Search a film or person :\nBlue Harbour is a new zealand film of genre Drama directed by "
        "Ada Brook released in New Zealand on 4 june 2004 with Jo Vance\n\nBlue Harbour (2004)\n\n"
        "\n\n\nSource : Wikidata\n"
    )
    out = _collector(text)
    FilmSuggest().extract(out.view, out)
    assert out.values("country") == ["new zealand"]
    assert out.values("genres") == ["Drama"]
    assert out.values("director") == ["Ada Brook"]


def test_mpaa_m_and_gp_on_a_later_film_are_another_boards():
    """"M" (1968-1970) and "GP" (1970-1972) were MPAA ratings for a few years only: on a later
    film's page "M" is Australia's or New Zealand's certificate, no MPAA rating; on a film of
    those years it is the MPAA's."""
    from auditor.extract.registry import _no_retired_mpaa_ratings

    def rated(year: int, rating: str, entity_year: int) -> list:
        text = f"Release Year: {year} Rated: {rating}"
        out = Collector(
            DocumentRef(Path("x.txt"), f"f-{entity_year}/x.txt", f"f-{entity_year}", "x"),
            TextView.of(text),
        )
        out.add("year", 14, 18, year)
        out.add("mpaa_rating", text.rindex(rating), len(text), rating)
        assert out.values("mpaa_rating") == [rating]
        _no_retired_mpaa_ratings(out)
        return out.values("mpaa_rating")

    assert rated(2015, "M", 2015) == []
    assert rated(1969, "M", 1969) == ["M"]
    assert rated(1971, "GP", 1971) == ["GP"]
    assert rated(1994, "GP", 1994) == []
    assert rated(2015, "R", 2015) == ["R"]


@pytest.mark.parametrize(
    ("head", "title", "year"),
    [
        (" the midnight signal (1983) (tv) - imdb imdb more", "the midnight signal", 1983),
        (" dark harbor ii (1994) (v) - imdb imdb more", "dark harbor ii", 1994),
        (" the long ride (tv movie 1969) - imdb imdb more", "the long ride", 1969),
        (" the long ride (video 2003) - imdb imdb more", "the long ride", 2003),
    ],
)
def test_imdb_title_line_of_a_television_or_video_title(head, title, year):
    """IMDb marks a title made for television or video after its year, "(1983) (tv)", or
    before it, "(tv movie 1969)": the page is IMDb's, and the mark no part of the title."""
    from auditor.extract.imdb import Imdb

    text = head + " 7.0/10 212 rate this x footer"
    assert Imdb().recognise(TextView.of(text))
    out = _collector(text)
    Imdb().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value)) for c in out.claims}
    assert facts >= {("title", title), ("year", year)}
    assert not [c for c in out.claims if c.attribute == "title" and "(" in c.value]


def test_imdb_header_us_television_rating_is_no_genre():
    """A US TV rating in the header ("tv-y7", "tv-ma") is another board's certificate: no
    MPAA rating and no genre."""
    from auditor.extract.imdb import Imdb

    for rating in ("tv-y7", "tv-ma", "tv-g"):
        text = (
            f" the midnight signal (1983) - imdb 6.1/10 90 rate this the midnight signal"
            f"&nbsp;(1983) {rating} | 1h 36min | horror, mystery | 4 march 1983 (usa) a "
            "radio host hears a voice. director: ann vole stars: bo pike footer"
        )
        out = _collector(text)
        Imdb().extract(out.view, out)
        genres = {c.value for c in out.claims if c.attribute == "genres"}
        assert genres == {"horror", "mystery"}, rating
        assert not [c for c in out.claims if c.attribute == "mpaa_rating"]
        dates = {c.value for c in out.claims if c.attribute == "release_date"}
        assert dates == {"1983-03-04"}


def test_imdb_cast_double_first_name_the_page_writes_elsewhere():
    """A three-word actor ("mary beth orr") the page writes alone outside its cast list (a
    review) is three words after the role ("captain joe lusk"); a two-word actor stays two,
    and so does one after a role of three words the page never writes as a name."""
    from auditor.extract.imdb import Imdb

    text = (
        "edit cast cast overview, first billed only: ada brook ... captain joe lusk mary beth "
        "orr ... nell cato kit ray ... old harbour pilot bo pike ... the cook see full "
        "cast&nbsp;&raquo; edit storyline captain joe lusk hires nell cato to cook for the "
        "crew. written by x plot summary user reviews mary beth orr is the best thing in it, "
        "and the harbour pilot too."
    )
    out = _collector(text)
    Imdb()._cast(out.view, out, 0, None)
    assert {tuple(sorted(c.value.items())) for c in out.claims if c.attribute == "cast"} == {
        (("actor", "ada brook"), ("character", "captain joe lusk")),
        (("actor", "mary beth orr"), ("character", "nell cato")),
        (("actor", "kit ray"), ("character", "old harbour pilot")),
        (("actor", "bo pike"), ("character", "the cook")),
    }


def test_imdb_cast_double_first_name_after_a_role_the_storyline_writes_whole():
    """"nell cato sue ann lark": the storyline writes the role "nell cato" whole and never
    "nell cato sue", so the actor has three words though no review names her; a two-word
    actor after a role the storyline writes whole stays two, and so does one after a role
    the storyline goes on writing in another form ("harbour watch officers")."""
    from auditor.extract.imdb import Imdb

    text = (
        "edit cast cast overview, first billed only: ada brook ... captain joe lusk kit ray "
        "... nell cato sue ann lark ... harbour watch officer bo pike ... the cook see full "
        "cast&nbsp;&raquo; edit storyline captain joe lusk hires nell cato to cook for the "
        "crew, and the harbour watch officers search the boat. written by x plot summary"
    )
    out = _collector(text)
    Imdb()._cast(out.view, out, 0, None)
    assert {tuple(sorted(c.value.items())) for c in out.claims if c.attribute == "cast"} == {
        (("actor", "ada brook"), ("character", "captain joe lusk")),
        (("actor", "kit ray"), ("character", "nell cato")),
        (("actor", "sue ann lark"), ("character", "harbour watch officer")),
        (("actor", "bo pike"), ("character", "the cook")),
    }


def test_television_films_cinema_version_is_a_cut_of_its_own():
    """A television film's own release is its broadcast, so its cinemas' version is another
    cut (compared with that cut's times only); a cinema film's "(theatrical)" is its own."""
    from auditor.extract.common import runtime_version
    from auditor.extract.imdb import Imdb

    assert runtime_version("(cinema version)", television=True) == "cinema version"
    assert runtime_version("(Theatrical cut)", television=True) == "theatrical cut"
    assert runtime_version("(cinema version)") is None
    assert runtime_version("(USA)", television=True) == "usa"
    text = "technical specs runtime: 96 min | 118 min (theatrical cut) sound mix"
    for television, note in ((True, "theatrical cut"), (False, None)):
        out = _collector(text)
        Imdb()._details(out.view, out, 0, television)
        assert {(c.value, c.qualifier) for c in out.claims if c.attribute == "runtime"} == {
            (96, None),
            (118, note),
        }


def test_a_broadcast_slot_with_commercials_is_no_running_time():
    """"120 min (with commercials)" is the broadcast's slot, the film's time with the breaks
    in it: no running time of any cut (IMDb's runtime line, Wikipedia's infobox)."""
    from auditor.extract.imdb import Imdb
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "technical specs runtime: 86 min | 120 min (with commercials) | 95 min (theatrical "
        "version) sound mix"
    )
    out = _collector(text)
    Imdb()._details(out.view, out, 0, True)
    assert {(c.value, c.qualifier) for c in out.claims if c.attribute == "runtime"} == {
        (86, None),
        (95, "theatrical version"),
    }
    text = (
        "From Wikipedia, the free encyclopedia\n\nThe Far Shore\nRunning time\n  • 86 minutes\n"
        "  • 2 hours (including commercials)\nOriginal release\nNetworkCBC\n\nThe Far Shore is "
        "a 1981 Canadian drama film.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    assert {(c.value, c.qualifier) for c in out.claims if c.attribute == "runtime"} == {
        (86, None)
    }


def test_written_for_television_is_the_teleplay_credit():
    """IMDb's "(written for television by)" note, as a lead's "written for television by X",
    is the teleplay's credit."""
    from auditor.extract.common import add_credited

    text = "Ann Vole (written for television by), Bo Pike (story)"
    out = _collector(text)
    add_credited(out, "writers", 0, len(text))
    assert {(c.value, c.qualifier) for c in out.claims} == {
        ("Ann Vole", "teleplay"),
        ("Bo Pike", "story"),
    }


def test_wikipedia_television_infobox_labels():
    """Infobox television's own labels: "Genre", "Teleplay by", "Country of origin",
    "Original language", "Producer", "Editor", "Release" under "Original release"; its
    network line makes the film a television film, its cinemas' version another cut."""
    from auditor.extract.wikipedia import Wikipedia

    box = (
        "GenreDrama\nTeleplay byAnn Vole\nStory byBo Pike\nCountry of originCanada\n"
        "Original languageFrench\nProduction\nProducerKit Ray\nEditorNell Cato\n"
        "Running time\n  • 96 minutes\n  • 120 minutes (cinema version)\n"
        "Original release\nNetworkCBC\nReleaseMarch 3, 1981 (1981-03-03)\n"
    )
    text = "From Wikipedia, the free encyclopedia\n\nThe Far Shore\n" + box + (
        "\nThe Far Shore is a 1981 Canadian drama film.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert facts >= {
        ("genres", "Drama", None),
        ("writers", "Ann Vole", "teleplay"),
        ("writers", "Bo Pike", "story"),
        ("country", "Canada", None),
        ("language", "French", None),
        ("producers", "Kit Ray", None),
        ("editor", "Nell Cato", None),
        ("runtime", 96, None),
        ("runtime", 120, "cinema version"),
        ("release_date", "1981-03-03", None),
    }
    assert not [f for f in facts if f[0] == "country" and "origin" in f[1]]


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "For the American release, the distributor re-edited the film in May 1980.",
            set(),
        ),
        (
            "For its British run, new titles were shot on 2 June 1981, and it opened in the "
            "United Kingdom on 9 October 1981.",
            {("1981-10-09", "uk")},
        ),
        (  # no comma after the noun: the phrase holds the release's own date
            "For its British release on 9 October 1981 the distributor cut two scenes.",
            {("1981-10-09", "uk")},
        ),
    ],
)
def test_a_fronted_phrase_naming_a_release_dates_none(text, facts):
    """A fronted "For the X release," names the release the main clause works for: the
    clause's date belongs to its own verb, unless a release verb follows the phrase."""
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("It was first broadcast on NBC on March 3, 1981.", {("1981-03-03", None)}),
        (
            "The film premiered on CBS in the United States on 4 October 1979.",
            {("1979-10-04", "usa")},
        ),
        ("It originally aired on the BBC on 2 January 1984.", {("1984-01-02", None)}),
        ("It was first telecast by Orbis on 3 May 1996.", {("1996-05-03", None)}),
        (  # the channel named after what it is
            "It debuted on the cable network Orbis on 3 May 1996 and was telecast on the "
            "premium channel Velo Plus on 4 June 1997.",
            {("1996-05-03", None), ("1997-06-04", None)},
        ),
        ("NBC repeated the film on 5 May 1982, and it was rebroadcast on 1 June 1983.", set()),
        ("The film aired again on NBC on 5 May 1982.", set()),
    ],
)
def test_a_television_films_first_broadcast_is_its_release(text, facts):
    """On a television film's page the first broadcast's date, right after its verb and
    network, is the film's release; a repeat is none."""
    from auditor.extract.prose import add_broadcast_prose

    got = {(v, q) for a, v, q in _facts(add_broadcast_prose, text) if a == "release_date"}
    assert got == facts


def test_only_a_television_films_page_reads_its_broadcast_as_a_release():
    from auditor.extract.filmsuggest import FilmSuggest

    def dates(kind: str) -> set:
        text = (
            "Search a film or person :\nThe Far Shore (1981)\n\nThe Far Shore\n"
            f"If you like this film, let us know!\n\nThe Far Shore is a 1981 Canadian {kind} "
            "directed by Ann Vole. It was first broadcast on CBC on 3 March 1981.\n"
        )
        out = _collector(text)
        FilmSuggest().extract(out.view, out)
        return {c.value for c in out.claims if c.attribute == "release_date"}

    assert dates("television drama film") == {"1981-03-03"}
    assert dates("made-for-TV movie") == {"1981-03-03"}
    assert dates("drama film") == set()


def test_a_run_the_plot_puts_after_in_is_a_place_wherever_it_stands():
    """'a nurse in Porto Velho' makes Porto Velho a place in that plot, so 'flies back to ...'
    and 'leaves for Porto Velho' name no one; 'in Ada Brook's flat' is a person's."""
    text = (
        "Rosa Lima, a nurse in Porto Velho, hears nothing from her son. She finds a letter in "
        "Ada Brook's flat and leaves for Porto Velho with Ada Brook."
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == {"Rosa Lima", "Ada Brook"}


def test_documentary_festivals_named_fest_are_premieres():
    """An infobox date noted with a festival whose name says "Fest" ("Camden Doc Fest", "Bergen
    Docfest", "DokuFest") is a premiere; a note that only contains the letters is none."""
    from auditor.extract.wikipedia import Wikipedia
    from auditor.normalize.places import is_festival

    box = (
        "Release dates\n"
        "  • 3 May 2019 (2019-05-03) (Camden Doc Fest)\n"
        "  • 20 September 2019 (2019-09-20) (Bergen Docfest)\n"
        "  • 8 August 2019 (2019-08-08) (DokuFest Prizren)\n"
        "  • 1 November 2019 (2019-11-01) (Norway)\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert facts == {
        ("release_date", "2019-05-03", "premiere"),
        ("release_date", "2019-09-20", "premiere"),
        ("release_date", "2019-08-08", "premiere"),
        ("release_date", "2019-11-01", "norway"),
    }
    assert not is_festival("the ship's manifest")
    assert not is_festival("Festus Pictures")


def test_german_film_festival_compounds_are_premieres():
    """German names a film festival in one word: an infobox date noted "(Filmfest Kassel)",
    "(Internationale Filmfestspiele Gera)" or "(Weidener Filmtage)" is a premiere; a
    country's language region ("(Switzerland, German-speaking)", "(French-speaking Belgium)")
    is the country's release."""
    from auditor.extract.wikipedia import Wikipedia

    box = (
        "Release dates\n"
        "  • 4 June 2010 (2010-06-04) (Filmfest Kassel)\n"
        "  • 9 May 2010 (2010-05-09) (Internationale Filmfestspiele Gera)\n"
        "  • 2 May 2010 (2010-05-02) (Weidener Filmtage)\n"
        "  • 7 October 2010 (2010-10-07) (Germany)\n"
        "  • 21 October 2010 (2010-10-21) (Switzerland, German-speaking)\n"
        "  • 3 November 2010 (2010-11-03) (French-speaking Belgium)\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert facts == {
        ("release_date", "2010-06-04", "premiere"),
        ("release_date", "2010-05-09", "premiere"),
        ("release_date", "2010-05-02", "premiere"),
        ("release_date", "2010-10-07", "germany"),
        ("release_date", "2010-10-21", "switzerland"),
        ("release_date", "2010-11-03", "belgium"),
    }


def test_infobox_money_abbreviation_glued_to_its_label():
    """A captured infobox glues its label to the value ("BudgetDM 2.1 million", "Box
    officeRs 45 crore"): the label's last letter is no word the abbreviation belongs to."""
    from auditor.extract.wikipedia import Wikipedia

    box = "BudgetDM 2.1 million[1]\nBox officeRs 45 crore[2]\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert facts == {
        ("budget", (("currency", "DEM"), ("high", 2_100_000), ("low", 2_100_000)), None),
        ("gross", (("amount", 450_000_000), ("currency", "INR")), None),
    }


def test_zloty_abbreviation_before_the_amount_and_plural_after_it():
    """The złoty's abbreviation before an amount ("zł 12 million", glued to an infobox label:
    "Budgetzł 12 million") and its plural after one ("9 million złotys") are PLN."""
    from auditor.extract.wikipedia import Wikipedia

    box = "Budgetzł 12 million[1]\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert facts == {
        ("budget", (("currency", "PLN"), ("high", 12_000_000), ("low", 12_000_000)), None),
    }
    for text, amount in (("9 million złotys", 9_000_000), ("zł 450,000", 450_000)):
        m = parse_money(text)
        assert m is not None and (m.low, m.high, m.currency) == (amount, amount, "PLN")


def test_imdb_co_director_note_and_country_of_origin_label():
    """IMDb's "directors: a, b, c (co-director)" credits c as a director (the note is how she
    is credited, no part of her name); its later label "country of origin:" is "country:"."""
    from auditor.extract.imdb import Imdb

    text = (
        " the tin kite (2019) - imdb 7.0/10 900 rate this the tin kite&nbsp;(2019) pg | 1h 35min"
        " | animation, comedy | 4 march 2019 (usa) a kite learns to fly. directors: ann vole, "
        "bo pike, kit ray (co-director) writers: ola moss (screenplay by) stars: nell cato "
        "| see full cast & crew edit cast cast overview, first billed only: nell cato ... "
        "kit (voice) edit details country of origin: canada language: english see more footer"
    )
    out = _collector(text)
    Imdb().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f[1] for f in facts if f[0] == "director"} == {"ann vole", "bo pike", "kit ray"}
    assert ("writers", "ola moss", "screenplay") in facts
    assert ("country", "canada", None) in facts


def test_a_first_name_the_plot_writes_in_a_misspelt_titled_name_is_no_name_of_its_own():
    """A plot writing the cast's "Captain Ivo Blackwell" as "Captain Ivo Blackwel" and then
    "Ivo" alone: the one word is a part of the longer name the text gives, not listed again."""
    text = "Captain Ivo Blackwel runs the last ferry. Ivo refuses to sail until the storm ends."
    facts = _facts(
        lambda out, s, e: add_characters(out, s, e, ["Captain Ivo Blackwell"], cased=True), text
    )
    assert {v for _, v, _ in facts} == {"Captain Ivo Blackwel"}


def test_wikipedia_animated_feature_co_director_studio_and_sequel_section():
    """An animated feature's article: the infobox's "Co-directed by" line and the lead's "and
    co-directed by" credit a director; "produced by <a studio>" credits no producer; a section
    headed "Sequel" dates, sums and credits the sequel, none of it this film's."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "From Wikipedia, the free encyclopedia\n\nThe Tin Kite\n"
        "Directed by\n  • Ann Vole\n  • Bo Pike\nCo-directed byKit Ray\n"
        "Produced byOla Moss\nBudget$90 million\n\n"
        "The Tin Kite is a 2019 American computer-animated comedy film produced by Copperleaf "
        "Animation Studios. Directed by Ann Vole and Bo Pike and co-directed by Kit Ray, it was "
        "released in the United States on March 8, 2019.\n\n\n\n"
        "A tin kite learns to fly.\n\n\n\n"
        "Sequel\n\n"
        "The Tin Kite 2 was released on May 5, 2022, and grossed $310 million worldwide "
        "against a budget of $120 million.\n\n"
        "References\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f[1] for f in facts if f[0] == "director"} == {"Ann Vole", "Bo Pike", "Kit Ray"}
    assert {f[1] for f in facts if f[0] == "producers"} == {"Ola Moss"}
    assert {f[1] for f in facts if f[0] == "release_date"} == {"2019-03-08"}
    assert not [f for f in facts if f[0] == "gross"]
    assert {f[1] for f in facts if f[0] == "budget"} == {
        (("currency", "USD"), ("high", 90_000_000), ("low", 90_000_000))
    }
    assert ("genres", "computer-animated", None) in facts


def test_lower_cased_plot_names_a_role_by_the_nickname_that_shortens_its_first_name():
    """A lower-cased storyline's "winnie" for the cast's "winifred 'winnie' roe" names her (the
    nickname shortens the first name); "ace" for "kit 'ace' harlow" is a word like any other."""
    text = "winifred roe runs a ferry. winnie hates the sea. the ace of spades wins."
    known = ["winifred 'winnie' roe", "kit 'ace' harlow"]
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"winifred roe", "winnie"}


# A long page's production, box-office and legacy prose: dates and sums that are no release,
# budget or gross of the film, beside those that are.
LONG_PAGE_RELEASES = [
    (  # an opening sequence is no opening
        "Noor Castel was attached to direct in May 1991 and storyboarded an opening sequence "
        "in Lisbon.",
        set(),
    ),
    (  # a release word that times another event dates nothing
        "The mix was finished in March 2006, and the cut was locked on April 2, 2006, five "
        "weeks before the film's release.",
        set(),
    ),
    (  # a private screening is no release; a festival screening is a premiere
        "In Canada, the film was screened at Rideau Hall in May 2006. It was screened at the "
        "Lakeside Film Festival on 9 June 2006.",
        {("2006-06-09", "premiere")},
    ),
    (  # a 4K restoration is no home-media format; a country's re-release names its country
        "For its 25th anniversary, Ostrava Films released a 4K restoration in the United States "
        "on 3 May 2013, followed by a French re-release on 9 October 2013.",
        {("2013-05-03", "usa,re-release"), ("2013-10-09", "france,re-release")},
    ),
    (  # a cut's release is the cut's, dated on its disc
        "Some scenes returned in the extended edition released in 2009.",
        set(),
    ),
    (
        "A restored version returned to Spanish cinemas in March 2015.",
        {("2015-03", "spain,re-release")},
    ),
]


@pytest.mark.parametrize(
    ("text", "facts"), LONG_PAGE_RELEASES, ids=range(len(LONG_PAGE_RELEASES))
)
def test_long_page_release_phrasings(text, facts):
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == facts


def test_a_language_region_dates_its_countrys_release():
    """"in German-speaking Switzerland on D" is Switzerland's release, also when coordinated
    after another country's ("in Belgium and French-speaking Canada") or named as a part ("in
    the Italian-speaking part of Switzerland")."""
    text = (
        "Lumen Verleih released it in Austria on 2 March 2012 and in German-speaking "
        "Switzerland on 15 March 2012. It opened in Belgium and French-speaking Canada on "
        "6 April 2012. It opened in the Italian-speaking part of Switzerland on 3 May 2012."
    )
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == {
        ("2012-03-02", "austria"),
        ("2012-03-15", "switzerland"),
        ("2012-04-06", "belgium"),
        ("2012-04-06", "canada"),
        ("2012-05-03", "switzerland"),
    }


def test_a_cinema_films_television_premiere_dates_no_release():
    """A cinema film's first broadcast, however it is said ("premiered on Austrian television
    on", "had its television premiere on ZDF on" coordinated after the release), is no
    release, and lends its "premiere" to no release date before it."""
    text = (
        "Lumen Verleih released it in Austria on 2 March 2012 and had its television premiere "
        "on ORF 2 on 24 December 2014. It premiered on Swiss television on 6 January 2015."
    )
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == {("2012-03-02", "austria")}


LONG_PAGE_MONEY = [
    (  # what the promotion cost is no budget
        "Its advertising campaign, which cost a reported $18 million, avoided the subject.",
        set(),
    ),
    (  # a first budget the film outgrew is no budget; the figure it rose to is
        "The first budget, drawn up in 2001, had been $30 million; the figure rose to $41 "
        "million after the casting.",
        {("budget", (("currency", "USD"), ("high", 41_000_000), ("low", 41_000_000)), None)},
    ),
    (  # a prop made by a firm and sold at auction is no gross
        "The masks were made by a firm in Leeds, and one was sold at auction for £9,000.",
        set(),
    ),
    (  # money outside the home market has no scope of v1
        "By March it had earned more than $90 million outside North America.",
        set(),
    ),
    (  # the territory that opens the amount's own clause
        "In Italy, where it opened on 4 May, it sold a million tickets; in Mexico it grossed "
        "MXN 40 million.",
        {("gross", (("amount", 40_000_000), ("currency", "MXN")), "mexico")},
    ),
]


@pytest.mark.parametrize(("text", "facts"), LONG_PAGE_MONEY, ids=range(len(LONG_PAGE_MONEY)))
def test_long_page_money_phrasings(text, facts):
    assert _facts(add_money_prose, text) == facts


def test_a_run_named_after_the_amount_and_a_worldwide_total_of_that_run():
    """'$X in the United States during its original run and $Y abroad, for a worldwide total
    of $Z': X and Z are the original run's ("worldwide total" sums territories, not runs)."""
    text = (
        "The film grossed $50 million in the United States during its original run and $20 "
        "million in other territories, for a worldwide total of $70 million. The 2012 "
        "re-release grossed $2 million in the United States, bringing its lifetime domestic "
        "gross to $52 million, for a worldwide total of $73 million."
    )
    assert _gross_facts(text) == {
        (50_000_000, "usa,original run"),
        (70_000_000, "worldwide,original run"),
        (2_000_000, "usa,re-release"),
        (52_000_000, "usa"),
        (73_000_000, "worldwide"),
    }


def test_a_restorations_aggregator_score_is_another_listing():
    text = (
        "On Rotten Tomatoes, the film holds an approval rating of 81% based on 40 reviews. The "
        "restoration itself holds a rating on Rotten Tomatoes of 97% based on 12 reviews."
    )
    assert _facts(add_aggregator_prose, text) == {
        ("critic_score", (("scale", 100), ("value", 81)), "rottentomatoes"),
        ("critic_review_count", 40, "rottentomatoes"),
    }


def test_a_named_cuts_disc_date_carries_the_cut():
    text = (
        "The DVD was released on 2 May 2001. An extended edition was released on DVD on 5 June "
        "2004; a Blu-ray followed in 2010."
    )
    assert _facts(add_home_media_prose, text) == {
        ("dvd_release", "2001-05-02", None),
        ("dvd_release", "2004-06-05", "extended edition"),
    }
    # a direct-to-video film's discs, named by their certificate too
    text = (
        "Halberd Video released it on DVD in an unrated edition on 3 March 2009, and an R-rated "
        "version followed on 10 March 2009."
    )
    assert _facts(add_home_media_prose, text) == {
        ("dvd_release", "2009-03-03", "unrated edition"),
        ("dvd_release", "2009-03-10", "r-rated version"),
    }


def test_a_novels_title_between_its_role_and_by():
    text = "Some Film is a 2008 drama film adapted from the 1971 novel The Salt Road by Ida Venn."
    assert ("writers", "Ida Venn", "novel") in _facts(add_credit_prose, text)


def test_infobox_premiere_place_the_prose_names():
    """'June 2, 1999 (Lisbon)' where the article says the film premiered in Lisbon: the
    premiere; a city the prose names otherwise stays no qualifier."""
    from auditor.extract.wikipedia import Wikipedia

    box = "Release dates\n  • May 4, 2003 (2003-05-04) (Porto)\n"
    prose = "\n\nThe film premiered at the Rivoli Theatre in Porto on May 4, 2003.\n"
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box + prose)
    assert ("release_date", "2003-05-04", "premiere") in facts
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert ("release_date", "2003-05-04", None) in facts


def test_rotten_tomatoes_cast_and_crew_and_rerelease_date():
    """The 2020s page's Cast & Crew pairs a name with its role or its crew job, and its
    "Rerelease Date (Theaters):" dates a re-release."""
    page = (
        "MOVIE INFO\n\nA ferry sinks.\n\nGenre: Drama\nDirector: Ivo Marsh\n"
        "Release Date (Theaters): Jan 5, 1990  wide\nRerelease Date (Theaters): Feb 2, 2015\n\n\n"
        "Cast & Crew\n\nTom Pike\nCaptain Rolf Haas\nIvo Marsh\nDirector\nJo Vance\n"
        "Screenwriter\nLea Moss\nOriginal Music\nKit Orr\nCinematographer\nAl Dunn\nFilm Editor\n"
        "\n\nTop Box Office\n\n90% Other Film $2.0M\n\n"
        "Harbor Light Reviews\n\nPage 1 of 1\nJo T.\nMay 2, 2021\nLoved Tom Pike in it.\n"
        "Page 1 of 1\n"
    )
    out = _collector(page)
    RottenTomatoes().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier, c.origin) for c in out.claims}
    assert {
        ("cast", (("actor", "Tom Pike"), ("character", "Captain Rolf Haas")), None, "editorial"),
        ("writers", "Jo Vance", None, "editorial"),
        ("cinematographer", "Kit Orr", None, "editorial"),
        ("editor", "Al Dunn", None, "editorial"),
        ("release_date", "2015-02-02", "re-release", "editorial"),
        ("stars", "Tom Pike", None, "user"),
    } <= facts
    assert not {f for f in facts if "Lea Moss" in str(f)}


@pytest.mark.parametrize(
    "heading",
    ["Relation to the 1958 film", "Original film", "Comparison with the original version"],
)
def test_wikipedia_section_headed_as_a_remakes_original_states_nothing_of_this_one(heading):
    """A remake's section headed as the original ("Relation to the 1958 film", "Original
    film") credits and sums the original, whatever its sentences' subjects (a paragraph opening
    on its director's possessive, no date in it); a heading naming this film's own year does
    not."""
    from auditor.extract.wikipedia import Wikipedia

    def facts(head: str) -> set[tuple]:
        text = (
            "From Wikipedia, the free encyclopedia\n\nThe Lantern Road\n"
            "Directed byAnn Vole\nBudget$9 million\n\n"
            "The Lantern Road is a 2012 American thriller film directed by Ann Vole. It was "
            "released in the United States on March 8, 2012.\n\n\n\n"
            "A drifter takes a room at a roadside motel.\n\n\n"
            f"{head}\n\n"
            "Bo Pike's The Lantern Road was made for $300,000 and grossed $1.9 million in North "
            "America.\n\n"
            "References\n"
        )
        out = _collector(text)
        Wikipedia().extract(out.view, out)
        return {(c.attribute, _plain(c.value)) for c in out.claims}

    got = facts(heading)
    assert not [v for a, v in got if a == "gross"]
    assert [v for a, v in got if a == "budget"] == [
        (("currency", "USD"), ("high", 9_000_000), ("low", 9_000_000))
    ]
    assert [v for a, v in facts("Relation to the 2012 film") if a == "gross"] == [
        (("amount", 1_900_000), ("currency", "USD"))
    ]


def test_a_first_name_after_an_in_law_names_the_cast_character():
    """"her mother-in-law ida", "his son-in-law bo": an in-law is a family word like "sister"."""
    known = ["ida lund", "bo vale", "ann lund"]
    text = "ann lund feeds her mother-in-law ida, who hates the sea, and his son-in-law bo leaves."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=False), text)
    assert {v for _, v, _ in facts} == {"ann lund", "ida", "bo"}


def test_a_sound_is_a_place_and_a_cased_texts_lower_case_title_no_part_of_a_name():
    """"off St. Barrow Sound" is a place (a sound, as a bay); "his deputy Kit Orr" in a cased
    text is the cast's "Deputy Kit Orr" named without the title, the word a common noun."""
    known = ["Ada Brook", "Deputy Kit Orr"]
    text = (
        "Ada Brook's husband drowned off St. Barrow Sound. The sheriff and his deputy Kit Orr "
        "search the shore."
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Ada Brook", "Kit Orr"}
    text = "Ada Brook calls Deputy Kit Orr."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Ada Brook", "Deputy Kit Orr"}


@pytest.mark.parametrize(
    "paragraph",
    [
        "Pike's film opened in American cinemas on May 2, 1958. Made for $300,000, it grossed "
        "$1.9 million in North America.",
        "Bo Pike directed the original, which opened in the United States on 2 May 1958 and "
        "grossed $1.9 million.",
        "Released on May 2, 1958, the original grossed $1.9 million in North America.",
    ],
)
def test_wikipedia_release_years_before_the_films_own_is_another_films(paragraph):
    """A release dated two years or more before the film's year is another film's (a remake's
    original, whatever the paragraph's heading or subject), and so are the sums after it in
    its paragraph; a production date that early dates nothing and cuts nothing."""
    from auditor.extract.wikipedia import Wikipedia

    def facts(para: str) -> set[tuple]:
        text = (
            "From Wikipedia, the free encyclopedia\n\nThe Lantern Road\n"
            "Directed byAnn Vole\n\n"
            "The Lantern Road is a 2012 American thriller film directed by Ann Vole. It was "
            "released in the United States on March 8, 2012.\n\n\n\n"
            "A drifter takes a room at a roadside motel.\n\n\n"
            f"Background\n\n{para}\n\n"
            "References\n"
        )
        out = _collector(text)
        Wikipedia().extract(out.view, out)
        return {(c.attribute, _plain(c.value)) for c in out.claims}

    got = facts(paragraph)
    assert {v for a, v in got if a == "release_date"} == {"2012-03-08"}
    assert not [v for a, v in got if a in ("gross", "budget")]
    got = facts("Vole bought the rights on May 2, 1958. It grossed $1.9 million.")
    assert [v for a, v in got if a == "gross"] == [(("amount", 1_900_000), ("currency", "USD"))]


def test_a_lead_credit_after_a_remake_of_in_its_clause_is_the_other_films():
    """"..., a remake of the 1958 film of the same name directed by Bo Pike and starring Ted
    Lusk": the apposition's credits are the original's; a remake's own credits after a comma
    ("a 2012 remake of the 1958 film, directed by Ann Vole") are this film's."""
    text = (
        "The Lantern Road is a 2012 American thriller film directed by Ann Vole, a remake of "
        "the 1958 film of the same name directed by Bo Pike and starring Ted Lusk."
    )
    assert _facts(add_credit_prose, text) == {("director", "Ann Vole", None)}
    text = "The Lantern Road is a 2012 remake of the 1958 film, directed by Ann Vole."
    assert _facts(add_credit_prose, text) == {("director", "Ann Vole", None)}


def test_imdb_reviews_page_every_review_is_read():
    """A capture that shows several reviews one after another: each one's names are mentions,
    not only the first review's."""
    from auditor.extract.imdb import Imdb

    text = (
        "see all my reviews first review praises ada brook. 9/10. 3 of 4 people found this review "
        "helpful.&nbsp; was this review helpful to you? yes no second title 2 may 2001 | by x "
        "(uk) &ndash; see all my reviews tom ferrand is wasted. 5/10. was this review helpful to "
        "you? yes no third review: hal moss directs with care. was this review helpful to you? "
        "yes no review this title"
    )
    text = "faq user reviews " + text
    out = _collector(text)
    out.add("cast", 0, 3, {"actor": "ada brook", "character": "nell"})
    out.add("cast", 0, 3, {"actor": "tom ferrand", "character": "joe"})
    out.add("director", 0, 3, "hal moss")
    Imdb()._review(out.view, out, 0)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("stars", "ada brook"), ("stars", "tom ferrand"), ("director", "hal moss")
    }


@pytest.mark.parametrize(
    ("language", "mention"), [("Korean", "Colonel Park"), ("English", "Colonel Jae-won")]
)
def test_review_names_a_titled_role_by_its_family_name(language, mention):
    """A role written family name first ("Colonel Park Jae-won" on a Korean film's page) is
    named by its title and first word ("Colonel Park"); on another film's page the title goes
    with the last word, read as the surname."""
    from auditor.extract.common import add_user_mentions

    text = "Colonel Park is chilling, and Colonel Jae-won steals the film."
    out = _collector(text)
    out.add("language", 0, 3, language)
    out.add("cast", 0, 3, {"actor": "Kim Soo-ah", "character": "Colonel Park Jae-won"})
    add_user_mentions(out, 0, len(text), cased=True)
    assert {c.value for c in out.claims if c.origin == "user"} == {mention}


@pytest.mark.parametrize(("cased", "roles"), [(True, []), (False, []), (True, ["Cold Ridge"])])
def test_a_plot_naming_the_films_title_names_no_character(cased, roles):
    """A film named for a place ("Cold Ridge") names that place in its plot: no character,
    unless a role of the cast bears the name."""
    text = "Captain Ada Brook is ordered to hold Cold Ridge for three days with Tom Ferrand."
    text = text if cased else text.lower()
    out = _collector(text)
    out.add("title", 0, 3, "Cold Ridge")
    add_characters(out, 0, len(text), ["Captain Ada Brook", "Tom Ferrand", *roles], cased=cased)
    want = {"Captain Ada Brook", "Tom Ferrand", *roles}
    assert {c.value.casefold() for c in out.claims if c.attribute == "character"} == {
        w.casefold() for w in want
    }


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (  # a day's takings and a holiday week's, a rival's record: no gross of the run
            "The film took ₩9.1 billion on its opening day and ₩42 billion over the five days of "
            "the Chuseok holiday, beating the previous record of ₩30 billion set by Red Tide in "
            "2016. Its single-day gross of ₩12 billion on 3 October remains a record.",
            set(),
        ),
        (  # daily grosses listed by date, the studio's cut, a sale of rights
            "Its daily grosses were ₩9 billion on 1 October; ₩8 billion on 2 October. The "
            "studio's share of the gross was about ₩40 billion, and a pre-sale of the streaming "
            "rights brought in ₩5 billion. It finished its run with ₩88 billion in South Korea.",
            {(88_000_000_000, "south korea")},
        ),
        (  # another film named by its year as the money word's subject, or before its figure
            "It was made by the studio whose previous film, Red Tide (2016), had grossed ₩61 "
            "billion. It grossed ₩90 billion, second only to Red Tide (₩95 billion) and ahead "
            "of Blue Gate 2 (₩70 billion), and ₩2 billion in Japan.",
            {(90_000_000_000, None), (2_000_000_000, "japan")},
        ),
        (  # the opening weekend is the first amount's; the second's word comes before it,
            # and a later weekend named by its ordinal alone is a weekend too
            "In North America it grossed $1.1 million in its opening weekend, the best for a "
            "Korean film in the United States since 2019, and $3.25 million in all. It earned $0.9 "
            "million in its second weekend and $0.4 million in its third, before it left cinemas.",
            {(3_250_000, "usa")},
        ),
        (  # a sentence whose subject is the sequel: its later amounts too
            "The film's sequel, released a year later, grossed ₩40 billion in its first week "
            "and finished with ₩70 billion.",
            set(),
        ),
    ],
)
def test_gross_amounts_that_are_not_the_films_run(text, facts):
    """A blockbuster's box-office section: days, holiday weeks, records of other films, the
    studio's share and the sequel's figures are no gross of the film; "finished its run with"
    is."""
    assert _gross_facts(text) == facts


def test_a_mark_the_films_country_leaves_open_takes_the_sentences_country():
    """"RM" on a Chinese film's page is the ringgit where its sentence names Malaysia."""
    text = "In Malaysia, where it opened on 14 October, it grossed RM 4.2 million."
    out = _collector(text)
    out.add("country", 0, 3, "China")
    add_money_prose(out, 0, len(text))
    assert {(_plain(c.value), c.qualifier) for c in out.claims if c.attribute == "gross"} == {
        ((("amount", 4_200_000), ("currency", "MYR")), "malaysia")
    }


def test_wikipedia_sentence_whose_subject_is_a_film_named_elsewhere_with_its_year():
    """A film the article names elsewhere with its year ("Red Tide (2016)") is another film
    where a sentence opens on it, after a fronted phrase or not: that sentence's dates and
    sums are its own."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 2019 South Korean war film directed by Ada Brook.\n\n"
        "Brook had directed Red Tide (2016). Salt Road was released in South Korea on 2 May "
        "2019 and grossed ₩90 billion. By comparison, Red Tide, the previous record holder, "
        "had opened with ₩4 billion on 3 May 2016 and finished its run with ₩61 billion. Red "
        "Tide was released in Japan in July 2017.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross")} == {
        ("release_date", "2019-05-02", "south korea"),
        ("gross", (("amount", 90_000_000_000), ("currency", "KRW")), "south korea"),
    }


def test_wikipedia_release_in_a_country_through_a_company():
    """"had limited releases in the United Kingdom on 15 October, through X": X is the
    distributor there; a disc's sentence names none."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "The film had limited releases in the United Kingdom on 15 October 2021, through Kestrel "
        "Films, and in Ireland. It was released on DVD in France through Vega Video."
    )
    got = _facts(lambda out, s, e: Wikipedia()._prose(out, s, e), text)
    assert {f for f in got if f[0] == "distributor"} == {("distributor", "Kestrel Films", "uk")}


def test_wikipedia_sentence_opening_on_another_films_title_and_year():
    """A sentence whose subject is another film's title and year, after a possessive or none
    ("The studio's own X (1971), about ..., grossed ...", "X II (1974), released on ..., was
    ..."), gives that film's dates and sums; this film's own title and year still count."""
    from auditor.extract.wikipedia import Wikipedia

    text = (
        "Salt Road\n\nFrom Wikipedia, the free encyclopedia\n\nSalt Road\nDirected byAda Brook\n\n"
        "Salt Road is a 1973 American drama film directed by Ada Brook.\n\n"
        "Ostra's own Copper Kettle (1971), about a flood in Ohio, had been made for $2 million "
        "and grossed $30 million; Tin Bell (1972), a war story, cost $3 million and grossed $20 "
        "million. Copper Kettle II (1974), released on June 7, 1974, was the last to gross "
        "more than $10 million. Salt Road (1973), released in the United States on May 4, "
        "1973, grossed $9 million.\n"
    )
    out = _collector(text)
    Wikipedia().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier) for c in out.claims}
    assert {f for f in facts if f[0] in ("release_date", "gross", "budget")} == {
        ("release_date", "1973-05-04", "usa"),
        ("gross", (("amount", 9_000_000), ("currency", "USD")), "usa"),
    }


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (  # a date in a clause of its own before the release verb's: the other event's
            "Principal photography ended in May 1981; the film was released in the United "
            "States on 9 October 1981.",
            {("1981-10-09", "usa")},
        ),
        (  # a test or sneak preview is no release
            "It was cut to 140 minutes after a sneak preview in Fresno on 3 August 1981, and "
            "released in the United States on 9 October 1981.",
            {("1981-10-09", "usa")},
        ),
    ],
)
def test_release_dates_of_other_events_in_a_release_sentence(text, facts):
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (  # a participle after the amount opens another clause: its rentals are not the gross's
            "By the end of its first run it had grossed $40 million in North America, "
            "returning rentals of $19 million to the studio.",
            {("gross", (("amount", 40_000_000), ("currency", "USD")), "usa,original run")},
        ),
        (  # a conversion for inflation is no figure of the film's
            "It grossed $41 million in the United States, equivalent to about $190 million "
            "today. Adjusted for inflation, its budget is some $30 million in 2020.",
            {("gross", (("amount", 41_000_000), ("currency", "USD")), "usa")},
        ),
        (  # rentals after a budget are no second budget
            "Made for $2.5 million, it was the year's top earner, with rentals of $9 million.",
            {("budget", (("currency", "USD"), ("high", 2_500_000), ("low", 2_500_000)), None)},
        ),
    ],
)
def test_money_that_rentals_or_inflation_explain(text, facts):
    assert _facts(add_money_prose, text) == facts


def test_wikipedia_distributor_named_by_a_possessive_is_none():
    """"distributed by Ostra's overseas arm": a unit of a company, left unnamed: no claim."""
    from auditor.extract.wikipedia import Wikipedia

    text = "Outside North America the film was distributed by Ostra's overseas arm."
    assert _facts(lambda out, s, e: Wikipedia()._prose(out, s, e), text) == set()


def test_plot_room_and_building_named_by_a_run_are_no_characters():
    """"in its rooftop Sky Room", "the Consolidated Gas building": a room, a building named
    by the run before its noun; "Fire Chief Ada Brook" and "Senator Jo Pike" are people."""
    text = (
        "Fire Chief Ada Brook orders the guests out of the rooftop Sky Room, and Senator Jo "
        "Pike escapes across a rope to the Consolidated Gas building."
    )
    facts = _facts(lambda out, s, e: add_characters(out, s, e, [], cased=True), text)
    assert {v for _, v, _ in facts} == {"Fire Chief Ada Brook", "Senator Jo Pike"}


def test_imdb_unit_note_quoted_work_every_review_and_credited_name():
    """IMDb's "directors: a, b (action sequences)" credits b (the note names the part she
    directed); "ola moss (novel "the tin kite")" is a novel's credit; every review listed
    before "review this title" is read, and a name the cast line bills "(as x)" is a star's."""
    from auditor.extract.imdb import Imdb

    text = (
        " the tin kite (1975) - imdb 7.0/10 900 rate this the tin kite&nbsp;(1975) pg | 1h 35min"
        " | drama | 4 march 1975 (usa) a kite learns to fly. directors: ann vole, bo pike "
        "(action sequences) writers: ola moss (novel \"the tin kite\") stars: nell cato "
        "| see full cast & crew edit cast cast overview, first billed only: nell cato ... "
        "kit gale (as kitty moon) see full cast&nbsp;&raquo; edit details country: usa see more "
        "user reviews a kite story 2 may 2005 | by someone great fun. nell cato is fine. "
        "1 of 2 people found this review helpful.&nbsp; was this review helpful to you? yes no "
        "another 3 may 2006 | by someone else kitty moon steals it, and ann vole directs well. "
        "was this review helpful to you? yes no review this title | see all 2 user reviews footer"
    )
    out = _collector(text)
    Imdb().extract(out.view, out)
    facts = {(c.attribute, _plain(c.value), c.qualifier, c.origin) for c in out.claims}
    assert {f[1] for f in facts if f[0] == "director" and f[3] == "editorial"} == {
        "ann vole",
        "bo pike",
    }
    assert ("writers", "ola moss", "novel", "editorial") in facts
    assert {f[1] for f in facts if f[3] == "user"} == {"nell cato", "kitty moon", "ann vole"}


def test_a_leads_sentence_whose_subject_is_the_screenplay_credits_its_writers():
    """"The screenplay by X combines the novels A by Y and B by Z": X wrote the screenplay,
    Y and Z the novels (each work's title before its "by" is no name)."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "It is a drama. The screenplay by Ada Brook combines the novels Tin Bell by Jo Pike "
        "and Copper Kettle by Nell Cato."
    )
    assert _facts(add_cast_prose, text) == {
        ("writers", "Ada Brook", "screenplay"),
        ("writers", "Jo Pike", "novel"),
        ("writers", "Nell Cato", "novel"),
    }


def test_a_film_finished_long_after_its_shoot():
    """A film completed decades after it was shot: "The finished film runs 131 minutes" is the
    film's own running time (no cut); an amount "in 1999 dollars" or "adjusted for inflation"
    restates the budget before it and is no second figure; "Years later the film was edited by
    X" credits the editor after a time phrase, where "a remake of the film" is another subject;
    a run ending in "Flats" is a place, no character."""
    from auditor.extract.prose import add_cast_prose

    assert _facts(add_runtime_prose, "The finished film runs 131 minutes.") == {
        ("runtime", 131, None)
    }
    assert _facts(add_runtime_prose, "The completed film lasts 1 hour 50 minutes.") == {
        ("runtime", 110, None)
    }
    text = (
        "Ivo Marsh made it on a budget of about $2.1 million, roughly $9.8 million in 1999 "
        "dollars. It grossed $3 million ($14 million adjusted for inflation)."
    )
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "USD"), ("high", 2_100_000), ("low", 2_100_000)), None),
        ("gross", (("amount", 3_000_000), ("currency", "USD")), None),
    }
    text = (
        "Following the fire in 1988 the film was edited by Lena de Wit from his notes. In 2003 "
        "a remake of the film was edited by Max Ott."
    )
    assert _facts(add_cast_prose, text) == {("editor", "Lena de Wit", None)}
    known = ["Ada Brook"]
    text = "Gull Flats lost its mine, and Ada Brook stays on."
    facts = _facts(lambda out, s, e: add_characters(out, s, e, known, cased=True), text)
    assert {v for _, v, _ in facts} == {"Ada Brook"}


def test_a_late_completions_versions_dates_and_converted_sums():
    """"The completed version runs 131 minutes" and "(final cut)" are the film's own time; a
    rough cut or workprint shown at a festival is no release; "the restored and completed
    film premiered at X" is the film's first showing (a premiere), where "the restored version
    premiered at X" stays a re-release; "about $9 million today" and "the equivalent of $40
    million in 2001" convert the sum before them."""
    assert _facts(add_runtime_prose, "The completed version runs 131 minutes.") == {
        ("runtime", 131, None)
    }
    text = (
        "A rough cut was shown at the Lakeshore Film Festival on May 3, 1981. The restored and "
        "completed film premiered at the Lakeshore Film Festival on May 9, 2019. Its restored "
        "version premiered at the Gull Bay Film Festival on June 1, 2021."
    )
    assert _facts(add_release_prose, text) == {
        ("release_date", "2019-05-09", "premiere"),
        ("release_date", "2021-06-01", "re-release"),
    }
    text = (
        "It was shot on a budget of $2 million, about $9 million today. It grossed $8 million, "
        "the equivalent of $40 million in 2001."
    )
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "USD"), ("high", 2_000_000), ("low", 2_000_000)), None),
        ("gross", (("amount", 8_000_000), ("currency", "USD")), None),
    }


def test_a_workprints_infobox_date_and_a_completed_and_edited_credit():
    """An infobox release line noted "(workprint)" or "(rough cut)" dates a showing of an
    unfinished assembly, no release; "the film was completed and edited by X" credits X."""
    from auditor.extract.prose import add_cast_prose
    from auditor.extract.wikipedia import Wikipedia

    box = (
        "Release dates\n  • May 4, 1979 (1979-05-04) (workprint)\n"
        "  • June 9, 2016 (2016-06-09) (rough cut, Gull Bay)\n"
        "  • May 4, 2021 (2021-05-04) (Cannes)\n"
    )
    facts = _facts(lambda out, s, e: Wikipedia()._infobox(out, s, e), box)
    assert {f for f in facts if f[0] == "release_date"} == {
        ("release_date", "2021-05-04", "premiere")
    }
    text = "After his death the film was completed and edited by Lena de Wit."
    assert _facts(add_cast_prose, text) == {("editor", "Lena de Wit", None)}


def test_a_date_the_shoot_ended_on_is_no_release():
    """"released on D1, 40 years after filming ended on D2": D2 dates the shoot; a shoot
    named earlier in the sentence, before a release verb, leaves the release's date alone."""
    text = (
        "The film was finally released on May 9, 2019, 40 years after filming ended on June 2, "
        "1979. After shooting wrapped in May 1980, it was released in Canada on June 6, 1980."
    )
    assert _facts(add_release_prose, text) == {
        ("release_date", "2019-05-09", None),
        ("release_date", "1980-06-06", "canada"),
    }


def test_philippine_pages_pesos_entries_and_names():
    """Philippine pages: the peso as a bare P glued to a figure with a scale word or grouped
    thousands ("P12 million", "P1,250,000"), never "P2" alone; the sum of several films
    ("which together took") is no one film's; "Philippine cinemas" is the Philippines; a
    release in a country "as an entry of" a festival whose entries open in its cinemas is that
    country's release, no premiere."""
    from auditor.extract.prose import add_cast_prose

    text = (
        "Made on a budget of P12 million, it grossed P86.5 million in the Philippines, the "
        "second-highest of the six entries, which together took a record ₱930 million."
    )
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "PHP"), ("high", 12_000_000), ("low", 12_000_000)), None),
        ("gross", (("amount", 86_500_000), ("currency", "PHP")), "philippines"),
    }
    assert parse_money("P1,250,000").currency == "PHP"
    assert not _facts(add_money_prose, "It cost P2 to ride the jeepney.")
    text = (
        "It opened in Philippine cinemas on December 25, 2011. It was released in the "
        "Philippines on 25 December 2012 as an official entry of the Northern Lights Film "
        "Festival."
    )
    got = {(v, q) for a, v, q in _facts(add_release_prose, text) if a == "release_date"}
    assert got == {("2011-12-25", "philippines"), ("2012-12-25", "philippines")}
    text = "The Lantern Road is a 2011 drama film directed by Dario Quon, Jr. and Ma. Celina Orosa."
    assert _facts(add_credit_prose, text) == {
        ("director", "Dario Quon, Jr.", None), ("director", "Ma. Celina Orosa", None),
    }
    text = 'It is directed by Dario Quon, who wrote the screenplay with Ma. Celina "Lina" Orosa.'
    assert ("writers", 'Ma. Celina "Lina" Orosa', "screenplay") in _facts(add_credit_prose, text)
    text = (
        "The Lantern Road is a film. Produced by Lino Abad III for Sampay Films, it stars "
        "Ana Cruz."
    )
    assert _facts(add_cast_prose, text) == {
        ("producers", "Lino Abad III", None), ("stars", "Ana Cruz", None),
    }
    text = "The Lantern Road is a film. Produced by Sampay Films, it stars Ana Cruz."
    assert _facts(add_cast_prose, text) == {("stars", "Ana Cruz", None)}
    text = "The Lantern Road is a film. Produced by Studio Orosa, it stars Ana Cruz."
    assert _facts(add_cast_prose, text) == {("stars", "Ana Cruz", None)}


def test_a_suffix_after_a_comma_is_no_item_of_a_list():
    from auditor.extract.common import add_names

    text = "Dario Quon, Jr., Lino Abad III, Ana Cruz"
    out = _collector(text)
    add_names(out, "director", 0, len(text))
    assert [c.value for c in out.claims] == ["Dario Quon, Jr.", "Lino Abad III", "Ana Cruz"]


def test_a_name_ending_like_a_participle_before_its_actor():
    """A plot's opening run of two words before an actor in parentheses is a name, though
    its first word ends like a participle ("Manning Lim (Ada Cruz), a widow, ..."); a
    participle before a longer run is stripped ("Leaving Bo Vale (Jo Kim) behind")."""
    text = (
        "Manning Lim (Ada Cruz), a widow in Tarlac, builds a boat. Leaving Bo Vale (Jo Kim) "
        "behind, she sails."
    )
    out = _collector(text)
    add_characters(out, 0, len(text), [], cased=True)
    assert {c.value for c in out.claims if c.attribute == "character"} == {"Manning Lim", "Bo Vale"}


def test_a_lower_cased_clause_opening_on_a_nickname_of_another_word():
    """A lower-cased plot's clause opening on a quoted nickname of another word ("rosa 'kit'
    lim" in the cast list) names nobody (it may be any word), where a given name does."""
    def characters(text: str, known: list[str]) -> set[str]:
        out = _collector(text)
        add_characters(out, 0, len(text), known, cased=False)
        return {c.value for c in out.claims if c.attribute == "character"}

    text = "rosa 'kit' lim runs a stall in the market, and kit has one week to pay the lender."
    assert characters(text, ["rosa 'kit' lim"]) == {"rosa 'kit' lim"}
    text = "the stall runs on loans, and kit has one week to pay the lender."
    assert characters(text, ["kit lim"]) == {"kit"}


def test_review_writes_a_filipino_particle_in_lower_case():
    """A review's "Ana dela Cruz" for the cast's "Ana Dela Cruz" (the particle's case, as
    Filipino names write it either way) is a mention of her."""
    from auditor.extract.common import add_user_mentions

    text = "Ana dela Cruz does not have much to do until the end."
    out = _collector(text)
    out.add("cast", 0, 3, {"actor": "Ana Dela Cruz", "character": "Lita"})
    add_user_mentions(out, 0, len(text), cased=True)
    assert {c.value for c in out.claims if c.origin == "user"} == {"Ana dela Cruz"}


def test_a_credit_opening_a_sentence_names_a_credited_person_by_surname_alone():
    """'Written by Brook and Jo Pike, it stars ...' after the page credits Ada Brook: the
    surname alone is she, no second writer; a one-word name the page has not credited stands."""
    from auditor.extract.prose import add_cast_prose

    text = "The Salt Road is a film. Written by Brook and Jo Pike, it stars Ana Cruz."
    out = _collector(text)
    out.add("writers", 0, 3, "Ada Brook")
    add_cast_prose(out, 0, len(text))
    assert set(out.values("writers")) == {"Ada Brook", "Jo Pike"}
    out = _collector(text)
    add_cast_prose(out, 0, len(text))
    assert set(out.values("writers")) == {"Brook", "Jo Pike"}


def test_filmsuggest_abstract_names_the_distributor_of_a_release():
    """A filmsuggest abstract's "... and was later released in the United States by X" names
    X the distributor there, as a Wikipedia sentence does."""
    from auditor.extract.prose import add_distributed_by_prose

    text = (
        "Bramble Films made it for 30 million yen. It won a prize at Locarno and was later "
        "released in the United States by Ohm Pictures."
    )
    assert _facts(add_distributed_by_prose, text) == {("distributor", "Ohm Pictures", "usa")}


@pytest.mark.parametrize("cased", [True, False])
def test_review_writes_a_japanese_name_family_name_first(cased):
    """On a Japanese film's page a reviewer may write any name family name first, long vowels
    unmarked ("Mori Tetsuo" for "Tetsuo Mōri"): the page's person, read exactly in that order
    ("Mari Tetsuo" is none); on a page of no such country it is not that person."""
    from auditor.extract.common import add_user_mentions

    text = "Mori Tetsuo directs, Hagiwara Yuki is superb, and so is Mari Tetsuo."
    text = text if cased else text.lower()
    for country, names in (
        ("Japan", {("director", "Mori Tetsuo"), ("stars", "Hagiwara Yuki")}),
        ("France", set()),
    ):
        out = _collector(text)
        out.add("country", 0, 3, country)
        out.add("director", 0, 3, "Tetsuo Mōri")
        out.add("stars", 0, 3, "Yūki Hagiwara")
        add_user_mentions(out, 0, len(text), cased=cased)
        got = {(c.attribute, c.value) for c in out.claims if c.origin == "user"}
        assert got == {(a, n if cased else n.lower()) for a, n in names}


def test_south_african_pages_rand_board_ages_and_afrikaans_titles():
    """South African pages: the rand as a bare capital R glued to a figure with a scale word
    (its decimals after a comma) or grouped thousands (by commas or spaces), and as "rand" or
    "ZAR" after an amount, never
    the real's "R$"; a backer's share of the budget ("of which X contributed") is no budget; the
    Film and Publication Board's age with its content letters ("13V") in IMDb's header is no
    genre; "Tannie", "Oom", "Dominee" are titles a lower-cased plot may leave out; a given name
    opening a clause after a comma is the character."""
    from auditor.extract.imdb import Imdb

    assert parse_money("R3,2 million") == parse_money("ZAR 3.2 million")
    assert parse_money("R450,000").currency == "ZAR"
    assert parse_money("7.5 million rand").currency == "ZAR"
    assert parse_money("7.5 million ZAR") == parse_money("R7.5m") == parse_money("R7,5 million")
    assert parse_money("R850 000") == parse_money("ZAR 850,000")
    assert parse_money("R$3 million").currency == "BRL"
    assert not _facts(add_money_prose, "The budget included R2 for every extra's taxi.")
    text = (
        "Shot on a budget of R7,8 million, of which a provincial film fund contributed R1,5 "
        "million, it grossed R3,1 million in South Africa."
    )
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "ZAR"), ("high", 7_800_000), ("low", 7_800_000)), None),
        ("gross", (("amount", 3_100_000), ("currency", "ZAR")), "south africa"),
    }
    page = (FIXTURES / "documents" / "ang-huling-parol-2017" / "imdb.txt").read_text("utf-8")
    page = page.replace("not rated | 1h 52min", "13v | 1h 52min")
    assert "13v | 1h 52min" in page
    out = _collector(page)
    Imdb().extract(out.view, out)
    assert "13v" not in out.values("genres") and not out.values("mpaa_rating")
    text = "ria basson runs the shop in the karoo. when the river floods, mandla leaves the farm."
    out = _collector(text)
    add_characters(out, 0, len(text), ["tannie ria basson", "mandla zulu"], cased=False)
    assert {c.value for c in out.claims} == {"ria basson", "mandla"}


BOX_OFFICE_RUNS = [
    (  # a day's takings with its noun left out ("on its third"), a milestone "club"
        "It earned ₹21.4 crore on its second day and ₹19.8 crore on its third, and entered "
        "the ₹100 crore club in five days.",
        set(),
    ),
    (  # a week of the run (any ordinal), a running total, another film's figure beside it
        "Its opening weekend earned ₹95.2 crore, and its first week ₹131.6 crore. In its "
        "second week it earned ₹40.2 crore, taking its total to ₹171.8 crore; it then crossed "
        "₹190.5 crore, the lifetime total of Sona Chandi (2012). It beat the worldwide gross "
        "of ₹250 crore of Sona Chandi (2012).",
        set(),
    ),
    (  # the distributors' share of the domestic gross; money made outside the home country
        "Trade analysts put the distributors' share of the domestic gross at ₹88 crore. "
        "Overseas, the film grossed US$9.1 million in its run outside India.",
        set(),
    ),
    (  # a territory right before the next amount is that amount's; PKR and a South Asian market
        "In New Zealand it grossed NZ$210,000 and in Malaysia RM 1.4 million. In Pakistan it "
        "earned PKR 12 crore.",
        {
            ("gross", (("amount", 210000), ("currency", "NZD")), "new zealand"),
            ("gross", (("amount", 1400000), ("currency", "MYR")), "malaysia"),
            ("gross", (("amount", 120000000), ("currency", "PKR")), "pakistan"),
        },
    ),
    (  # the cost of a thing a relative clause names is no budget
        "The dance number was filmed in Hyderabad, on a set that cost ₹60 lakh.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "facts"), BOX_OFFICE_RUNS)
def test_a_runs_parts_and_other_films_figures_are_no_gross(text, facts):
    assert _facts(add_money_prose, text) == facts


def test_a_fronted_pair_of_countries_and_a_south_asian_release():
    text = (
        "In the United States and Canada the film was handled by Kestrel Overseas and opened "
        "in limited release on 3 March 2017. In Bangladesh, where the censors held it for a "
        "week, it was released on 10 March 2017."
    )
    assert _facts(add_release_prose, text) == {
        ("release_date", "2017-03-03", "usa,limited"),
        ("release_date", "2017-03-10", "bangladesh"),
    }


def test_wikipedia_album_infobox_and_estimated_box_office():
    """An album's infobox inside the Music section dates the album, not the film; an infobox
    "est." before an amount marks an estimate."""
    from auditor.extract.wikipedia import Wikipedia

    page = (FIXTURES / "documents" / "kaala-sona-2012" / "wikipedia.txt").read_text()
    page = page.replace("Box office₹1.2 billion", "Box officeest. ₹1.2 billion")
    page = page.replace(
        "Music\n\n", "Music\n\nKaala Sona\nSoundtrack album by Shantanu Bose\nReleased 2 "
        "September 2012\nLabel Saregama\n\nThe soundtrack was released on 2 September 2012. ",
    )
    out = _collector(page)
    Wikipedia().extract(out.view, out)
    dates = {c.value for c in out.claims if c.attribute == "release_date"}
    assert "2012-09-02" not in dates
    grosses = {(c.value["amount"], c.qualifier) for c in out.claims if c.attribute == "gross"}
    assert (1_200_000_000, None) in grosses


def test_plot_kin_coordination_and_described_roles():
    """"his baby son Tinku" names Tinku; "Meera and Thakur Baldev" where the cast names "Meera
    Joshi" gives her no surname of his; a cased cast list's "the night nurse" is a described
    role, no character of the plot (Meera is named by her first name alone)."""
    text = (
        "Ravi Joshi misses the night his baby son Tinku falls ill. Meera and Thakur Baldev "
        "visit the grave, and the night nurse tells Ravi the truth."
    )
    out = _collector(text)
    add_characters(
        out, 0, len(text), ["Ravi Joshi", "Meera Joshi", "Thakur Baldev", "the night nurse"],
        cased=True,
    )
    assert {c.value for c in out.claims if c.attribute == "character"} == {
        "Ravi Joshi", "Tinku", "Meera", "Thakur Baldev"
    }
