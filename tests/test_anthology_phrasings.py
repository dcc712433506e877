"""Anthology films and other forms of credits, roles and panels: each phrasing and the facts it
states. Names and figures here are invented; none is a fixture film's."""

from __future__ import annotations

from tests.test_phrasings import _collector, _facts


def test_segment_notes_are_no_part_of_credited_names():
    """'Ada Brook (segment "The Well")': where in an anthology the person worked, not part of
    the name; and no writing role, so a writer with only a segment note is unqualified."""
    from auditor.extract.common import add_credited, add_names

    text = 'kit vance (segment "the well"), lee paine (segment "prologue") (segment "the well")'
    assert _facts(lambda out, s, e: add_names(out, "director", s, e), text) == {
        ("director", "kit vance", None),
        ("director", "lee paine", None),
    }
    text = 'Ada Brook (story) (segment "Night Ferry"), Jo Hale (segment "The Attic")'
    assert _facts(lambda out, s, e: add_credited(out, "writers", s, e), text) == {
        ("writers", "Ada Brook", "story"),
        ("writers", "Jo Hale", None),
    }


def test_a_note_naming_several_segments_splits_no_list():
    """'Ida Lunn (segments "Prologue", "The Well")': the comma between a note's segment titles
    separates no people; the names after the note still split."""
    from auditor.extract.common import add_credited, add_names

    text = 'ida lunn (segments "prologue", "the well", "epilogue"), max orr, jo hale'
    assert _facts(lambda out, s, e: add_names(out, "director", s, e), text) == {
        ("director", "ida lunn", None),
        ("director", "max orr", None),
        ("director", "jo hale", None),
    }
    text = 'Nell Haig (novel) (segments "Low Tide", "The Net"), Sam Rook (segments "A", "B")'
    assert _facts(lambda out, s, e: add_credited(out, "writers", s, e), text) == {
        ("writers", "Nell Haig", "novel"),
        ("writers", "Sam Rook", None),
    }


def test_a_writing_role_after_a_segment_note_is_the_role():
    """'Tom Pryce (segment "The Net") (adaptation)': IMDb puts the segment note before the
    role; the role is still the qualifier and the note no part of the name."""
    from auditor.extract.common import add_credited

    text = 'tom pryce (segment "the net") (adaptation), ada brook (segment "coda") (novel)'
    assert _facts(lambda out, s, e: add_credited(out, "writers", s, e), text) == {
        ("writers", "tom pryce", "adaptation"),
        ("writers", "ada brook", "novel"),
    }


def test_a_described_role_in_a_lower_cased_review_names_no_character():
    """A reviewer's 'as the ferryman' on a lower-cased page: the cast's 'the ferryman' is a
    description there, as in that page's storyline; a named role is still a character."""
    from auditor.extract.common import add_user_mentions
    from tests.test_phrasings import _collector

    text = "lee paine as the ferryman is great and kit vance is the heart of it."
    out = _collector(text)
    out.add("cast", 0, 3, {"actor": "lee paine", "character": "the ferryman"})
    out.add("cast", 0, 3, {"actor": "jo hale", "character": "kit vance"})
    add_user_mentions(out, 0, len(text), cased=False)
    assert {(c.attribute, c.value) for c in out.claims if c.origin == "user"} == {
        ("stars", "lee paine"),
        ("character", "kit vance"),
    }


def test_segment_notes_are_split_off_each_part_of_a_role():
    from auditor.extract.common import split_role

    assert split_role('the widow (segment "the attic") (as a. brook)') == ("the widow", "a. brook")
    assert split_role('Kit Hale (segment "A") / Brother Lucas (segment "D") (uncredited)') == (
        "Kit Hale / Brother Lucas",
        None,
    )


def test_a_described_role_names_no_character_in_a_plot():
    """The cast's 'the innkeeper' is a description: 'the keeper' (the role's words, near
    enough) in a plot is no character, while a named role still is."""
    from auditor.extract.common import add_characters

    text = "a storm drives kit hale to an inn, where the keeper lets him in."
    out = _collector(text)
    add_characters(out, 0, len(text), ["the innkeeper", "kit hale"], cased=False)
    assert {c.value for c in out.claims} == {"kit hale"}


def test_rotten_tomatoes_tomatometer_block_under_the_heading():
    """An older reviews page puts the Tomatometer between its heading and its pages: the page
    is still recognised, and the share, the average and the count are the critics' facts."""
    from auditor.extract.rottentomatoes import RottenTomatoes

    text = (
        "• PG, 1 hr. 41 min.\n  • Drama\n  • Directed By:\n    Ada Brook\n    In Theaters:\n"
        "    Jun 3, 1971 Wide\n  • Northway Films\n\n\n91% Other Film Jun 03\n\nTop Box Office\n\n"
        "The Long Quay Reviews\n\nTOMATOMETER\nAll Critics | Top Critics\n63%\n"
        "Average Rating: 6.25/10\nReviews Counted: 1,204\nFresh: 759 | Rotten: 445\n\n"
        "Page 1 of 3\nKit V.\nMay 2, 2012\nSlow but it stays with you.\nPage 1 of 3\n"
    )
    out = _collector(text)
    assert RottenTomatoes().recognise(out.view)
    RottenTomatoes().extract(out.view, out)
    facts = {(c.attribute, str(c.value), c.qualifier) for c in out.claims}
    assert {
        ("title", "The Long Quay", None),
        ("critic_score", str({"value": 63, "scale": 100}), "rottentomatoes"),
        ("critic_score", str({"value": 6.25, "scale": 10}), "rottentomatoes average"),
        ("critic_review_count", "1204", "rottentomatoes"),
    } <= facts
    assert not {f for f in facts if f[0] == "critic_score" and "91" in f[1]}


ARTICLE = (
    "From Wikipedia, the free encyclopedia\n\nThe Long Quay\n"
    "Directed byAda Brook\n\n"
    "The Long Quay is a 1971 British anthology film directed by Ada Brook.\n\n\n\n"
    "Plot\n\nPrologue\n\nThe sailor Kit Vance comes ashore at Hull.\n\n"
    '"The Net"\n\nThe fisherman Tom Pryce hauls up a drowned bell.\n\n'
    "Part two\n\nWidow Nell Haig hears the bell at night.\n\n"
    "Cast\n\nPrologue\n  • Lee Paine as Kit Vance\n"
    '"The Net"\n  • Jo Hale as Tom Pryce\n  • Max Orr as the Harbourmaster\n'
    "Part two\n  • Ida Lunn as Nell Haig\n\n"
    "Production\n\nThe fisherman Sam Rook was played by a real trawlerman.\n\n\n\n"
    "See also\n"
)


def test_plot_subsections_and_cast_groups_of_an_anthology():
    """A section headed "Plot" goes on past its own subheadings ("Prologue", '"The Net"',
    "Part two") to the next section's heading ("Cast"); a Cast section grouped under such
    headings is one list."""
    from auditor.extract.wikipedia import Wikipedia

    out = _collector(ARTICLE)
    Wikipedia().extract(out.view, out)
    assert set(out.values("character")) == {"Kit Vance", "Tom Pryce", "Nell Haig"}
    actors = {c["actor"] for c in out.values("cast")}
    assert actors == {"Lee Paine", "Jo Hale", "Max Orr", "Ida Lunn"}


def test_a_word_before_a_known_first_name_is_no_part_of_it():
    """'Twins Kit and Ada Vance': the cast list gives 'Kit Vance'; the opening word before
    'Kit' makes no name 'Twins Kit'."""
    from auditor.extract.common import add_characters

    text = "Twins Kit and Ada Vance run away to sea. Kit is sick on the first night."
    out = _collector(text)
    add_characters(out, 0, len(text), ["Kit Vance", "Ada Vance"], cased=True)
    assert set(out.values("character")) == {"Kit Vance", "Ada Vance"}


def test_a_nationality_before_a_name_is_no_part_of_it():
    """'the Swiss Ada Brook', 'the Danish Kit Vance': a name after its nationality adjective."""
    from auditor.extract.mentions import discover_names

    text = "One winter the Swiss Ada Brook meets the Danish Kit Vance on the ferry."
    assert discover_names(text, 0, len(text)) == {"Ada Brook", "Kit Vance"}


def test_a_runtime_version_named_by_its_country_and_the_word_version():
    """'(UK version)', '(Danish cut)': the version's country is the runtime's qualifier, as
    '(UK)' is; another cut ('(Director's Cut)', '(extended version)', '(TV)') is its own,
    lower-cased; the cinemas' cut ('(theatrical)', '(theatrical cut)', '(original)') and a
    note that names no cut ('(approx.)') are none."""
    from auditor.extract.common import runtime_version

    assert runtime_version("(UK version)") == "uk"
    assert runtime_version("(Danish cut)") == "denmark"
    assert runtime_version("(Director's  Cut)") == "director's cut"
    assert runtime_version("(extended version)") == "extended version"
    assert runtime_version("(Uncut)") == "uncut"
    assert runtime_version("(TV)") == "tv"
    for note in ("(theatrical)", "(theatrical cut)", "(original)", "(approx.)", None):
        assert runtime_version(note) is None


def test_lire_by_sign_or_by_name():
    """The lira sign ('₤95 million (Italy)') and the currency named after the amount ('1.2
    billion lire') are ITL; in prose a scale word may stand between figure and currency."""
    from auditor.extract.prose import add_money_prose
    from auditor.normalize.money import parse_money

    m = parse_money("₤95 million (Italy)")
    assert (m.low, m.currency, m.scope) == (95_000_000, "ITL", "italy")
    assert parse_money("1,200,000,000 lire").currency == "ITL"
    text = "Made for 1.2 billion lire, it took 3 million NOK in Norway."
    assert _facts(add_money_prose, text) == {
        ("budget", (("currency", "ITL"), ("high", 1_200_000_000), ("low", 1_200_000_000)), None),
        ("gross", (("amount", 3_000_000), ("currency", "NOK")), "norway"),
    }


def test_anthology_is_a_form_named_in_a_lead():
    """'a 1972 British portmanteau horror film': the form is a term of the vocabulary, a shelf
    that contradicts no genre."""
    from auditor.normalize.genres import facets, genre_terms

    text = "is a 1972 British portmanteau horror film; a Spanish anthology thriller"
    assert [text[s:e] for s, e in genre_terms(text)] == [
        "portmanteau",
        "horror",
        "anthology",
        "thriller",
    ]
    assert facets("anthology") == frozenset()


def test_a_described_role_is_no_name_shared_with_a_lower_cased_page():
    """The cased pages' 'The Innkeeper' is no name an IMDb storyline should look for ('the
    keeper' would read as its misspelling); their named roles are."""
    from types import SimpleNamespace

    from auditor.extract import shared

    cast = ("The Innkeeper", "Kit Vance")
    page = SimpleNamespace(characters=("Ada Brook",), cast_characters=cast)
    assert shared._names([page]) == {"Ada Brook", "Kit Vance"}


def test_a_surname_that_is_a_street_word():
    """'Ada Hill waited', 'Kit Park drives': a given name and a surname that is also a
    street or landmark word, the subject of a verb, is a person; 'down Penny Lane', 'Notting
    Hill is' stay places."""
    from auditor.extract.mentions import discover_names

    text = "At dawn Ada Hill waited by the quay. Kit Park drives her home along Penny Lane."
    assert discover_names(text, 0, len(text)) == {"Ada Hill", "Kit Park"}
    text = "Notting Hill is quiet at night; they walk down Penny Lane to the Abbey Road studio."
    assert discover_names(text, 0, len(text)) == set()


def test_a_shelf_joining_genres_is_each_of_them():
    """A site's 'Crime & Drama' or 'Western and Comedy' (no compound of the vocabulary) is each
    genre it joins, so it shares a broad genre with a list saying 'crime'; a neutral form
    joined adds nothing; a part outside the vocabulary leaves the shelf unknown."""
    from auditor.normalize.genres import facets, is_genre

    assert facets("Crime & Drama") == {"crime", "drama"}
    assert facets("Western and Comedy") == {"western", "comedy"}
    assert facets("Portmanteau & Fantasy") == {"fantasy"}
    assert facets("Crime & Punishment") == {"crime & punishment"}
    assert is_genre("War & Romance") and not is_genre("Arts & Crafts")
