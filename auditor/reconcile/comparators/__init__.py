"""Comparators per value kind. Each takes the prepared claims frame and returns findings.

They run in order; each picks the attributes of its kinds, does the per-claim work with polars,
and builds findings only for the (entity, attribute) groups that disagree.
"""

from auditor.reconcile.comparators import characters, coverage, dates, scalar, sets

CHAIN = (scalar.compare, dates.compare, sets.compare, characters.compare, coverage.compare)

__all__ = ["CHAIN"]
