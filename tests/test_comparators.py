"""The comparators' steps that run in Python beside their frames (reconcile.comparators)."""

from __future__ import annotations

import polars as pl


def test_a_coarse_date_folds_into_the_finer_date_it_agrees_with():
    """'2004' agrees with '2004-10-15'; beside two finer dates it joins the first of them that
    already holds a claim, else the finest (the earlier date on equal precision)."""
    from auditor.reconcile.comparators.dates import _homes

    groups = [
        (0, ["2004", "2004-11-05", "2004-10-15", "2005"]),  # none held yet: the earlier
        (1, ["2004-11-05", "2004", "2004-10-15"]),  # 2004-11-05 holds a claim already
        (2, ["2004", "2004-10", "2004-10-15", "1999"]),  # one line of finer dates
    ]
    claims = pl.DataFrame(
        [(g, p, k) for g, keys in groups for p, k in enumerate(keys)],
        schema={"g": pl.UInt32, "pos": pl.Int64, "key": pl.String},
        orient="row",
    )
    assert _homes(claims).to_list() == [
        *("2004-10-15", "2004-11-05", "2004-10-15", "2005"),
        *("2004-11-05", "2004-11-05", "2004-10-15"),
        *("2004-10-15", "2004-10-15", "2004-10-15", "1999"),
    ]


def test_a_coarse_release_date_folds_into_its_own_countrys_date():
    """'1999-03' in Peru beside Chile's '1999-03-04' and Peru's '1999-03-11' is Peru's date,
    though Chile's is held first and is the earlier; of no country, it folds as before."""
    from auditor.reconcile.comparators.dates import _homes

    rows = [
        (0, 0, "1999-03-04", "chile"),
        (0, 1, "1999-03-11", "peru"),
        (0, 2, "1999-03", "peru"),
        (1, 0, "1999-03-04", "chile"),
        (1, 1, "1999-03-11", "peru"),
        (1, 2, "1999-03", None),
    ]
    claims = pl.DataFrame(
        rows,
        schema={"g": pl.UInt32, "pos": pl.Int64, "key": pl.String, "country": pl.String},
        orient="row",
    )
    assert _homes(claims).to_list() == [
        *("1999-03-04", "1999-03-11", "1999-03-11"),
        *("1999-03-04", "1999-03-11", "1999-03-04"),
    ]
