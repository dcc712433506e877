"""Names, one per claim (a genre, a director): a list attribute's members, compared folded,
as sets; a name written surname first ("Okonkwo, Chidinma Ada", as tables list people) is
compared as the same name in reading order, and the dots of initials are no difference."""

from __future__ import annotations

import polars as pl

from auditor.kinds.base import (
    Learned,
    ValueKind,
    clean_expr,
    clean_text,
    expr_cells,
    folded_names,
    listed,
    person_key,
)

# "Surname, Given names": one comma between two runs of name words (no digits, no second comma).
_INVERTED = r"^([^\d,;]+?), ([^\d,;]+)$"


def _typed(frame: pl.LazyFrame, v: pl.Expr) -> pl.LazyFrame:
    """The key in reading order, and without the dots of initials and abbreviations ("J.J.
    Abrams", "J. J. Abrams" and "J J Abrams" are one name)."""
    # "Ada Brook, Jr.": a suffix after a comma, no inverted name
    unsuffixed = pl.col("key").str.replace(r", ([js]r\.?|iii?|iv)$", " ${1}")
    reading = unsuffixed.str.replace(_INVERTED, "${2} ${1}")
    key = reading.str.replace_all(r"\.\s*", " ").str.replace_all(r"\s+", " ").str.strip_chars()
    return folded_names(frame, v).with_columns(key=person_key(key))


KIND = ValueKind(
    name="names",
    parse=clean_text,
    cells=expr_cells(lambda member, column: clean_expr(member)),
    typed=_typed,
    column=listed,
    member=True,
    comparator="sets",
    truth=Learned("names"),
    cased=True,
)
