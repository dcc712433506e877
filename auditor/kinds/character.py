"""Characters' names, one per claim: names as the `names` kind has them, matched against the
cast's roles (comparators.characters)."""

from __future__ import annotations

from dataclasses import replace

from auditor.kinds.names import KIND as NAMES

KIND = replace(NAMES, name="character", comparator="characters")
