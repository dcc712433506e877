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
