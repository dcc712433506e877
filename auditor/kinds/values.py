"""A claim's value as it travels: canonical JSON text in frames, decoded in one place.

Frames group and join on the text (`dump`), so one value has one text. Everything that needs
the Python value back calls `decode`: each distinct text is parsed once per run (sources
repeat each other's values, and entities share them), and a container is handed out as a
fresh copy, so a caller that changes what it got changes nobody else's value.
"""

from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any


def dump(value: Any) -> str:
    """Canonical JSON: the same value always has the same text, so frames can group on it."""
    return _encode(value)


# What json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")) writes, with
# the encoder made once (json.dumps makes one a call when given options: most of its cost).
_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
if c_make_encoder is None:
    _encode = _JSON.encode
else:
    # JSONEncoder.encode still makes its C encoder on every call (a small dict then costs
    # 4.5 times what it costs here). No cycle check: a value is parsed data, never a
    # container holding itself.
    _chunks = c_make_encoder(
        None, _JSON.default, encode_basestring, None, ":", ",", True, False, True
    )

    def _encode(value: Any) -> str:
        return "".join(_chunks(value, 0))


@lru_cache(maxsize=1 << 16)
def _parsed(text: str) -> tuple[Any, bool]:
    value = json.loads(text)
    if isinstance(value, dict):
        flat = all(not isinstance(v, (dict, list)) for v in value.values())
    elif isinstance(value, list):
        flat = all(not isinstance(v, (dict, list)) for v in value)
    else:
        flat = True
    return value, flat


def decode(text: str) -> Any:
    """The value a stored JSON text holds (what json.loads gives, parsed once per text)."""
    value, flat = _parsed(text)
    if isinstance(value, dict):
        return dict(value) if flat else json.loads(text)
    if isinstance(value, list):
        return list(value) if flat else json.loads(text)
    return value
