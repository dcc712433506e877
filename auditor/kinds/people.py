"""People's names, one per claim (a director, a writer, a star): names as the `names` kind has
them; reconciliation also takes a name of two words that another claim of the attribute writes
the other way round for that name (prepare._either_order: a family name first on one site,
"Ota Kenji", last on another, "Kenji Ota"; or with a word's hyphen left out, "Wong Karwai"
for "Wong Kar-wai"). Genres, countries and companies keep the
`names` kind: the order of their words is part of them ("United States")."""

from __future__ import annotations

from dataclasses import replace

from auditor.kinds.names import KIND as NAMES

KIND = replace(NAMES, name="people")
