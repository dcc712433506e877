"""What an attribute's values relate to is catalog data (`relation`), not an attribute name the
comparators know: a declared attribute of another domain gets the genre, billing and
certificate readings by naming the relation, and loses them without it."""

from __future__ import annotations

import pytest

from auditor.config import load
from auditor.errors import AuditorError
from auditor.pipeline import audit

TABLE = """\
id,src,shelf,leads,cast,cert
w1,a,Black Comedy,Ann Lee,Ann Lee|Bo Chan|Cy Dale,NR
w1,b,Comedy,Bo Chan,Ann Lee|Bo Chan|Cy Dale,PG
"""
CONFIG = """\
resolution = "vote"

[[tables]]
path = "works.csv"
source = {{ column = "src" }}
entity = ["id"]

[tables.columns]
shelf = {{ attribute = "shelf", split = "|" }}
leads = {{ attribute = "leads", split = "|" }}
cast = {{ attribute = "players", split = "|" }}
cert = {{ attribute = "cert" }}

[attributes.shelf]
kind = "names"
multi = true
{shelf}
[attributes.leads]
kind = "names"
multi = true
qualifier = "flag"
{leads}
[attributes.players]
kind = "names"
multi = true

[attributes.cert]
kind = "exact"
{cert}
"""


def _codes(tmp_path, related: bool) -> dict[str, str]:
    (tmp_path / "works.csv").write_text(TABLE, encoding="utf-8")
    relations = {"shelf": "genre", "leads": "billing", "cert": "certificate"}
    text = CONFIG.format(
        **{k: f'relation = "{v}"\n' if related else "" for k, v in relations.items()}
    )
    (tmp_path / "auditor.toml").write_text(text, encoding="utf-8")
    (tmp_path / "sources").mkdir()
    config = load(tmp_path / "sources", config_file=tmp_path / "auditor.toml")
    report = audit([tmp_path / "sources"], config)
    assert not report.errors
    found: dict[str, set[str]] = {}
    for d in report.discrepancies:
        found.setdefault(d.attribute, set()).add(d.code)
    return {a: ",".join(sorted(c - {"AU007"})) for a, c in found.items()}


def test_related_attributes_are_read_through_their_relation(tmp_path):
    # Black comedy is a comedy; two leads billed out of one cast; "NR" is no rating.
    assert _codes(tmp_path, related=True) == {"shelf": "AU005", "leads": "AU005", "cert": "AU005"}


def test_without_a_relation_the_same_values_conflict(tmp_path):
    assert _codes(tmp_path, related=False) == {"shelf": "AU001", "leads": "AU001", "cert": "AU001"}


@pytest.mark.parametrize("value", ['"hierarchy"', "1"])
def test_an_unknown_relation_is_refused(tmp_path, value):
    (tmp_path / "auditor.toml").write_text(f"[attributes.genres]\nrelation = {value}\n")
    (tmp_path / "sources").mkdir()
    expected = r"relation = .*expected one of genre, billing, certificate"
    with pytest.raises(AuditorError, match=expected):
        load(tmp_path / "sources", config_file=tmp_path / "auditor.toml")


def test_character_findings_belong_to_the_attribute_of_that_kind(tmp_path):
    """A character's two spellings are filed under the attribute the catalog compares as
    characters, whatever it is called."""
    (tmp_path / "roles.csv").write_text(
        "id,src,persona\nw1,a,Ben Sanderson\nw1,b,Ben Sanderson\nw1,c,Ben Anderson\n",
        encoding="utf-8",
    )
    (tmp_path / "auditor.toml").write_text(
        'resolution = "vote"\n\n[[tables]]\npath = "roles.csv"\nsource = { column = "src" }\n'
        'entity = ["id"]\n\n[tables.columns]\npersona = { attribute = "persona" }\n\n'
        '[attributes.persona]\nkind = "character"\nmulti = true\n',
        encoding="utf-8",
    )
    (tmp_path / "sources").mkdir()
    config = load(tmp_path / "sources", config_file=tmp_path / "auditor.toml")
    report = audit([tmp_path / "sources"], config)
    spelt = [d for d in report.discrepancies if d.code == "AU003"]
    assert [d.attribute for d in spelt] == ["persona"]
    assert '"Ben Anderson" in c (table)' in spelt[0].explanation


def test_a_credit_given_to_another_person_conflicts_a_shorter_list_does_not(tmp_path):
    """Three sources credit 'Kit Vance, Lee Paine'; one gives Lee Paine's credit to Max Orr:
    a credit list (no billing) that leaves out a name every other list gives and names one no
    other gives is a conflict. A list that only leaves a name out, two lists alone, lists
    that differ among the others too, or a billing of stars that picks other players are
    not."""
    (tmp_path / "works.csv").write_text(
        "id,src,director,stars\n"
        "w1,a,Kit Vance|Lee Paine,Ann Lee|Bo Chan\n"
        "w1,b,Kit Vance|Lee Paine,Ann Lee|Bo Chan\n"
        "w1,c,Kit Vance|Max Orr,Ann Lee|Cy Dale\n"
        "w2,a,Kit Vance|Lee Paine,Ann Lee\n"
        "w2,b,Kit Vance|Lee Paine,Ann Lee\n"
        "w2,c,Kit Vance,Ann Lee\n"
        "w3,a,Kit Vance|Lee Paine,Ann Lee\n"
        "w3,b,Kit Vance|Max Orr,Ann Lee\n"
        # the other lists differ too (one credits a third name): sites crediting more or
        # less fully, no credit given to another
        "w4,a,Kit Vance|Lee Paine,Ann Lee\n"
        "w4,b,Kit Vance|Lee Paine|Di Ray,Ann Lee\n"
        "w4,c,Kit Vance|Max Orr,Ann Lee\n",
        encoding="utf-8",
    )
    (tmp_path / "auditor.toml").write_text(
        'resolution = "vote"\n\n[[tables]]\npath = "works.csv"\nsource = { column = "src" }\n'
        'entity = ["id"]\n\n[tables.columns]\ndirector = { attribute = "director", split = "|" }'
        '\nstars = { attribute = "stars", split = "|" }\n',
        encoding="utf-8",
    )
    (tmp_path / "sources").mkdir()
    config = load(tmp_path / "sources", config_file=tmp_path / "auditor.toml")
    report = audit([tmp_path / "sources"], config)
    found = {
        (d.entity, d.attribute, d.code, d.reason)
        for d in report.discrepancies
        if d.code != "AU007"
    }
    assert ("w1", "director", "AU001", "name-replaced") in found
    assert {f for f in found if f[2] == "AU001"} == {("w1", "director", "AU001", "name-replaced")}
    assert {(e, a) for e, a, code, _ in found if code == "AU005"} >= {
        ("w1", "stars"),
        ("w2", "director"),
        ("w3", "director"),
    }
