"""Library code must work for any film: it may not name the bundled one or its figures."""

from __future__ import annotations

import re

from tests.conftest import BUNDLED, FIXTURES, ROOT, load_expected


def _bundled_words() -> set[str]:
    words = set()
    for path in (FIXTURES / "expected" / BUNDLED).glob("*.json"):
        for claim in load_expected(path)["claims"]:
            value = claim["value"]
            if claim["attribute"] in {"title", "director", "stars", "character", "writers"}:
                words.update(w.lower() for w in re.findall(r"[A-Za-z']{4,}", value))
            if claim["attribute"] in {"rating_votes", "gross", "budget"}:
                numbers = value.values() if isinstance(value, dict) else [value]
                words.update(str(n) for n in numbers if isinstance(n, int) and n > 1000)
    return words - {"leaving"}  # a common English word; the rest are names and figures


def test_library_does_not_know_the_bundled_film():
    words = _bundled_words()
    assert {"sanderson", "figgis", "97495"} <= words
    library = [
        p for p in (ROOT / "auditor").rglob("*") if p.suffix in {".py", ".j2", ".toml", ".html"}
    ]
    offenders = []
    for path in library:
        text = path.read_text(encoding="utf-8").lower().replace(",", "")
        offenders += [f"{path.name}: {w}" for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
    assert not offenders
