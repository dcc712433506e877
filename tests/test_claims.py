"""The claim's own constructor: the same parameters as its fields, and a dataclass as before."""

from __future__ import annotations

import inspect
import pickle
from dataclasses import MISSING, asdict, fields, replace

from auditor.claims import Claim, to_frame


def test_the_constructor_takes_the_fields_in_order_with_their_defaults():
    params = list(inspect.signature(Claim).parameters.values())
    assert [p.name for p in params] == [f.name for f in fields(Claim)]
    for p, f in zip(params, fields(Claim), strict=True):
        assert p.default == (inspect.Parameter.empty if f.default is MISSING else f.default), p


def test_a_claim_is_still_a_frozen_value():
    c = Claim("e", "imdb", "e/imdb.txt", "runtime", "112 min", 112, None, 5, 12)
    assert c.origin == "editorial" and c.row is None and c.context is None
    assert c == Claim(**asdict(c)) and hash(c) == hash(Claim(**asdict(c)))
    assert replace(c, raw="113 min").raw == "113 min" and c.raw == "112 min"
    assert pickle.loads(pickle.dumps(c)) == c
    try:
        c.raw = "x"  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a claim must not change")
    assert to_frame([c]).row(0, named=True)["claim_id"] == c.claim_id
