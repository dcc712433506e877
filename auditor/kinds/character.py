"""Characters' names, one per claim: names as the `names` kind has them, matched against the
cast's roles (comparators.characters), so keyed as the roles are (folded only: no reordering,
the dots of "Dr." kept)."""

from __future__ import annotations

from dataclasses import replace

from auditor.kinds.base import folded_names
from auditor.kinds.names import KIND as NAMES

KIND = replace(NAMES, name="character", comparator="characters", typed=folded_names)
