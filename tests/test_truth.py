"""Truth discovery on small hand-made data sets whose answer is known."""

from __future__ import annotations

import random

import polars as pl
import pytest

from auditor.truth import Attribute, discover


def frame(rows: list[tuple], **extra: list) -> pl.DataFrame:
    """(entity, attribute, source, value) rows as a claims frame."""
    data = {
        "entity": [r[0] for r in rows],
        "attribute": [r[1] for r in rows],
        "source": [r[2] for r in rows],
        "value": [r[3] for r in rows],
    }
    return pl.DataFrame({**data, **extra})


def resolved(truth, entity: str, attribute: str = "a") -> dict:
    rows = truth.resolved.filter(
        (pl.col("entity") == entity) & (pl.col("attribute") == attribute)
    )
    assert rows.height == 1
    return rows.row(0, named=True)


def reliability(truth, source: str) -> float:
    return truth.sources.filter(pl.col("source") == source)["reliability"].item()


def test_reliable_minority_beats_unreliable_majority():
    rows = []
    for k in range(40):
        entity = f"e{k}"
        rows += [(entity, "a", "good1", "t"), (entity, "a", "good2", "t")]
        for j in range(3):  # each careless source is wrong on half the items, its own way
            wrong = (k + j) % 2 == 0
            rows.append((entity, "a", f"careless{j}", f"w{j}-{k}" if wrong else "t"))
    # the contested item: the careless three agree on one wrong value
    rows += [("x", "a", "good1", "right"), ("x", "a", "good2", "right")]
    rows += [("x", "a", f"careless{j}", "wrong") for j in range(3)]
    truth = discover(frame(rows))
    assert resolved(truth, "x")["value"] == "right"
    assert resolved(truth, "x")["sources"] == ["good1", "good2"]
    assert reliability(truth, "good1") > 0.9 > 0.7 > reliability(truth, "careless0")


def test_copier_is_discounted():
    rng = random.Random(7)
    rows, contested = [], []
    for k in range(300):
        entity = f"e{k}"
        original = "t" if rng.random() < 0.5 else f"f{k}"
        for c in ("orig", "copy1", "copy2", "copy3"):
            rows.append((entity, "a", c, original))
        for s in ("ind1", "ind2", "ind3"):
            rows.append((entity, "a", s, "t" if rng.random() < 0.85 else f"{s}-{k}"))
        if original != "t":
            contested.append(entity)
    truth = discover(frame(rows))
    copiers = {"orig", "copy1", "copy2", "copy3"}
    listed = {
        row["source"]: {c["source"] for c in row["copies"]}
        for row in truth.sources.iter_rows(named=True)
    }
    for source in copiers:
        assert listed[source] and listed[source] <= copiers
    assert not (listed["ind1"] | listed["ind2"] | listed["ind3"])
    chosen = truth.resolved.filter(pl.col("entity").is_in(contested))["value"]
    # four copies outvote three independent sources in a plain vote on every contested item
    assert (chosen == "t").mean() > 0.9
    assert reliability(truth, "ind1") > reliability(truth, "copy1")


def test_sources_agreeing_on_a_few_values_are_not_taken_for_copiers():
    """One record from three sources, two agreeing on most fields: too few shared values to
    tell copying from agreement, so the odd source does not come to outweigh the two."""
    rows = [
        ("r", "pages", "a", "320"), ("r", "pages", "b", "320"), ("r", "pages", "c", "321"),
        ("r", "flag", "a", "true"), ("r", "flag", "b", "false"), ("r", "flag", "c", "yes"),
        ("r", "price", "a", "12.5"), ("r", "price", "c", "12.5"),
        ("r", "authors", "a", "doe|roe"), ("r", "authors", "b", "doe|roe"),
        ("r", "authors", "c", "doe"),
    ]  # fmt: skip
    truth = discover(frame(rows))
    assert resolved(truth, "r", "pages")["value"] == "320"
    assert resolved(truth, "r", "authors")["value"] == "doe|roe"
    assert not any(truth.sources["copies"].to_list())
    assert reliability(truth, "c") < min(reliability(truth, "a"), reliability(truth, "b"))


def test_identical_text_copiers_discounted_and_reformatting_sources_independent():
    """Two lineages, as on flight sites: a clique of five sites shows one origin's text
    verbatim (and a different quantity on one attribute); three independent sites, each with
    its own format, agree on the truth. In a plain vote the clique wins that attribute, and
    on values alone the three look like copiers sharing a 'false' value; the exact texts tell
    the clique apart."""
    rng = random.Random(5)
    rows, raws = [], []
    clique = ["orig", "copy1", "copy2", "copy3", "copy4"]
    independent = {"ind1": "{v} h", "ind2": "at {v}", "ind3": "[{v}]"}
    for k in range(300):
        entity = f"e{k}"
        for attribute in ("scheduled", "actual"):
            true = str(600 + k)
            other = str(615 + k) if attribute == "actual" and rng.random() < 0.7 else true
            if rng.random() < 0.05:
                other = str(rng.randrange(2000))
            for source in clique:
                rows.append((entity, attribute, source, other))
                raws.append(f"{other}:00 +0000")
            for source, shape in independent.items():
                value = true if rng.random() < 0.95 else str(rng.randrange(2000))
                rows.append((entity, attribute, source, value))
                raws.append(shape.format(v=value))
    claims = frame(rows, raw=raws)
    truth = discover(claims)
    actual = truth.resolved.filter(pl.col("attribute") == "actual")
    true = (actual["entity"].str.slice(1).cast(pl.Int64) + 600).cast(pl.String)
    right = (actual["value"] == true).mean()
    assert right > 0.95
    listed = {
        row["source"]: {c["source"] for c in row["copies"]}
        for row in truth.sources.iter_rows(named=True)
    }
    assert all(listed[s] and listed[s] <= set(clique) for s in clique)
    assert not any(listed[s] for s in independent)


def test_accurate_sources_agreeing_on_the_truth_are_not_copiers():
    """Four independent sources right 95% of the time, each with slips of its own, against a
    clique of five that copies one origin (wrong on most 'hard' items, with shared slips).
    Agreeing on the truth is what accurate sources do: the four must not be taken for
    copiers of each other, though the clique outvotes them and so pulls their accuracy
    down (it did when shared true values counted as copy evidence)."""
    rng = random.Random(3)
    rows = []
    camp, clique = ["a1", "a2", "a3", "a4"], ["c0", "c1", "c2", "c3", "c4"]
    for k in range(200):
        entity = f"e{k}"
        for attribute in ("easy", "hard"):
            true = f"t{k}"
            origin = true if attribute == "easy" or rng.random() < 0.4 else f"x{k}"
            if rng.random() < 0.05:
                origin = f"slip{k}"
            rows += [(entity, attribute, c, origin) for c in clique]
            rows += [
                (entity, attribute, s, true if rng.random() < 0.95 else f"{s}-{k}") for s in camp
            ]
    truth = discover(frame(rows))
    hard = truth.resolved.filter(pl.col("attribute") == "hard")
    assert (hard["value"] == "t" + hard["entity"].str.slice(1)).mean() > 0.95
    listed = {
        row["source"]: {c["source"] for c in row["copies"]}
        for row in truth.sources.iter_rows(named=True)
    }
    assert all(listed[c] == set(clique) - {c} for c in clique)
    assert not any(listed[s] for s in camp)


def test_texts_every_source_writes_alike_are_no_sign_of_copying():
    """Where every source writes a value the same way (plain integers), a pair of editors
    sharing a value on their one common item has shown nothing of its formats: the exact
    texts must then change nothing against values alone (a pair's unseen format share is the
    attribute's, not one half)."""
    rng = random.Random(11)
    rows = []
    for k in range(200):
        entity, true = f"e{k}", str(1000 + k)
        rows.append((entity, "a", "bot", true if rng.random() < 0.7 else str(5000 + k)))
        for e in range(2):
            value = true if rng.random() < 0.85 else str(9000 + 3 * k + e)
            rows.append((entity, "a", f"editor{k}-{e}", value))
    claims = frame(rows)
    with_text = discover(claims.with_columns(raw=pl.col("value")))
    plain = discover(claims)
    assert with_text.resolved["value"].to_list() == plain.resolved["value"].to_list()
    assert with_text.sources["copies"].list.len().sum() == 0
    for a, b in zip(
        with_text.sources["reliability"], plain.sources["reliability"], strict=True
    ):
        assert a == pytest.approx(b, abs=0.02)


def test_similar_values_support_each_other():
    rows = [("f", "dep", s, v) for s, v in [("a", 100), ("b", 101), ("c", 102), ("d", 104)]]
    rows += [("f", "dep", s, 200) for s in ("e", "g")]
    claims = frame([(e, a, s, str(v)) for e, a, s, v in rows]).with_columns(
        number=pl.col("value").cast(pl.Float64)
    )
    close = discover(claims, {"dep": Attribute("time", tolerance=10)})
    row = resolved(close, "f", "dep")
    assert row["value"] in {"100", "101", "102", "104"}
    assert row["sources"] == ["a", "b", "c", "d"]  # within tolerance of the value: right too
    exact = discover(claims, {"dep": Attribute("time")})  # no tolerance: the pair wins
    assert resolved(exact, "f", "dep")["value"] == "200"


def test_relative_tolerance():
    rows = [("c", "pop", "a", 1000.0), ("c", "pop", "b", 1005.0), ("c", "pop", "d", 1009.0)]
    rows += [("c", "pop", s, 2000.0) for s in ("e", "g")]
    claims = frame([(e, a, s, str(int(v))) for e, a, s, v in rows]).with_columns(
        number=pl.col("value").cast(pl.Float64)
    )
    truth = discover(claims, {"pop": Attribute("number", tolerance=0.01, relative=True)})
    assert resolved(truth, "c", "pop")["value"] in {"1000", "1005", "1009"}


def _figures(rows: list[tuple]) -> pl.DataFrame:
    return frame([(e, a, s, str(v)) for e, a, s, v in rows]).with_columns(
        number=pl.col("value").cast(pl.Float64)
    )


def test_a_rounded_figure_is_consistent_with_the_precise_one():
    # Three agreeing sources on ten towns; on the eleventh, "c" gives the census figure and
    # "a" and "b" its rounding: the rounding is a coarser statement of the same fact, so the
    # precise figure is resolved, the rounders support it and "c" is not counted wrong.
    rows = [(f"t{i}", "pop", s, 1000 * i + 123) for i in range(1, 11) for s in "abc"]
    rows += [("x", "pop", "a", 9000), ("x", "pop", "b", 9000), ("x", "pop", "c", 8860)]
    pop = {"pop": Attribute("number", tolerance=0.01, relative=True)}
    truth = discover(_figures(rows), pop)
    row = resolved(truth, "x", "pop")
    assert row["value"] == "8860"
    assert row["sources"] == ["a", "b", "c"]
    assert reliability(truth, "c") >= reliability(truth, "a")
    # Not a rounding: 100 million is not 84.2 million rounded to significant figures, and a
    # time of day is no amount (10:00 is 600 minutes): there the two agreeing sources win.
    far = [("x", "pop", "a", 100_000_000), ("x", "pop", "b", 100_000_000)]
    far += [("x", "pop", "c", 84_200_000)]
    assert resolved(discover(_figures(far), pop), "x", "pop")["value"] == "100000000"
    clock = [("f", "dep", "a", 600), ("f", "dep", "b", 600), ("f", "dep", "c", 617)]
    dep = {"dep": Attribute("time", tolerance=10)}
    assert resolved(discover(_figures(clock), dep), "f", "dep")["value"] == "600"
    # nor is a measure (the product of a box's sides: 9,000 for 30 × 30 × 10 is no rounding
    # of a box of 8,860): the figure two sources state wins
    box = [(r[0], "size", r[2], r[3]) for r in rows]
    size = {"size": Attribute("measure", tolerance=0.01, relative=True)}
    row = resolved(discover(_figures(box), size), "x", "size")
    assert row["value"] == "9000"


def test_set_valued_attribute_partial_overlap_supports():
    lists = [["a", "b", "c"], ["a", "b", "c"], ["a", "b"], ["a", "c"], ["b", "c"]]
    lists += [["a", "b", "c", "d"], ["x"], ["x"], ["x"]]
    rows = [("book", "authors", f"s{i}", ";".join(m)) for i, m in enumerate(lists)]
    # one item cannot teach reliabilities: every source gets the same configured prior
    claims = frame(rows, members=lists, prior=[0.8] * len(rows))
    truth = discover(claims, {"authors": Attribute("names")})
    assert resolved(truth, "book", "authors")["value"] == "a;b;c"
    # without the members, only equal lists support each other: the three x's win
    plain = discover(claims.drop("members"), {"authors": Attribute("names")})
    assert resolved(plain, "book", "authors")["value"] == "x"


def test_list_cut_short_supports_the_full_list():
    """Four sources give only the first author, three the full list: the short list is
    consistent with the full one (lists lose names), not the other way round."""
    lists = [["a"], ["a"], ["a"], ["a"], ["a", "b"], ["a", "b"], ["a", "b"]]
    rows = [("book", "authors", f"s{i}", ";".join(m)) for i, m in enumerate(lists)]
    claims = frame(rows, members=lists, prior=[0.8] * len(rows))
    truth = discover(claims, {"authors": Attribute("names")})
    assert resolved(truth, "book", "authors")["value"] == "a;b"
    plain = discover(claims.drop("members"), {"authors": Attribute("names")})
    assert resolved(plain, "book", "authors")["value"] == "a"


def test_estimated_reliability_matches_known_accuracy_and_is_calibrated():
    rng = random.Random(11)
    accuracy = {"s90": 0.9, "s80": 0.8, "s70": 0.7, "s60": 0.6, "s50": 0.5, "s40": 0.4}
    rows, right, truths = [], {s: [] for s in accuracy}, {}
    for k in range(1500):
        entity = f"e{k}"
        truths[entity] = "t"
        for s, a in accuracy.items():
            if rng.random() < 0.85:  # coverage
                ok = rng.random() < a
                rows.append((entity, "a", s, "t" if ok else f"f{rng.randrange(20)}"))
                right[s].append(ok)
    truth = discover(frame(rows))
    for s in accuracy:
        realised = sum(right[s]) / len(right[s])
        assert reliability(truth, s) == pytest.approx(realised, abs=0.03), s
    # calibration: in each confidence bin the share right is near the mean confidence
    out = truth.resolved.with_columns(ok=pl.col("value") == "t")
    ece = (
        out.with_columns(bin=(pl.col("confidence") * 10).floor().clip(0, 9))
        .group_by("bin")
        .agg(n=pl.len(), gap=(pl.col("ok").mean() - pl.col("confidence").mean()).abs())
        .select((pl.col("n") * pl.col("gap")).sum() / pl.col("n").sum())
        .item()
    )
    assert ece < 0.05
    assert out["ok"].mean() > 0.95


def test_one_claim_per_source_per_item_and_lone_sources():
    rows = [
        ("e", "a", "s1", "x"), ("e", "a", "s1", "y"), ("e", "a", "s1", "y"),  # repeated rows
        ("e", "a", "s2", "x"),
        ("e", "a", "s3", "y"),
        ("solo", "a", "lonely", "v"),  # a source with one claim on an item nobody else has
    ]
    truth = discover(frame(rows))
    sources = truth.sources.sort("source")
    assert sources["claims"].to_list() == [1, 1, 1, 1]  # lonely, s1, s2, s3
    assert resolved(truth, "e")["value"] == "y"  # s1 keeps its most frequent value, y
    solo = resolved(truth, "solo")
    # a lone claim is as likely right as its source is reliable
    assert solo["confidence"] == pytest.approx(reliability(truth, "lonely"))
    assert solo["sources"] == ["lonely"]


def test_prior_and_weight():
    rows = [("e", "a", "trusted", "x"), ("e", "a", "u1", "y"), ("e", "a", "u2", "y")]
    claims = frame(rows, prior=[0.99, 0.4, 0.4])
    assert resolved(discover(claims), "e")["value"] == "x"
    assert resolved(discover(claims.drop("prior")), "e")["value"] == "y"
    light = frame(rows, weight=[1.0, 0.2, 0.2], prior=[0.8, 0.8, 0.8])
    assert resolved(discover(light), "e")["value"] == "x"


def test_deterministic_and_order_free():
    rng = random.Random(3)
    rows = [
        (f"e{k}", "a", f"s{j}", rng.choice(["x", "y", "z"])) for k in range(50) for j in range(5)
    ]
    claims = frame(rows)
    first = discover(claims)
    again = discover(claims)
    assert first.resolved.write_json() == again.resolved.write_json()
    assert first.sources.write_json() == again.sources.write_json()
    shuffled = discover(claims.sample(fraction=1.0, shuffle=True, seed=1))
    assert shuffled.resolved["value"].to_list() == first.resolved["value"].to_list()


def test_output_schema_and_empty_input():
    truth = discover(frame([("e", "a", "s", "v")]))
    assert truth.resolved.columns == [
        "entity", "attribute", "slot", "value", "confidence", "sources"
    ]
    assert truth.sources.columns == [
        "source", "reliability", "attributes", "claims", "agreed", "copies"
    ]
    empty = discover(frame([]).cast(pl.String))
    assert empty.resolved.height == 0 and empty.sources.height == 0


def test_unknown_kind_and_missing_column():
    with pytest.raises(ValueError, match="unknown kind"):
        discover(frame([("e", "a", "s", "v")]), {"a": Attribute("colour")})
    with pytest.raises(ValueError, match="lacks column"):
        discover(pl.DataFrame({"entity": ["e"]}))


def test_two_ranges_are_within_tolerance_when_both_their_ends_are():
    """Ranges (a day's low to high, an estimate's bounds) compare end to end: 98-111.5 has
    nearly the middle of 100-110 but both ends off by more than 1 %, so it neither supports it
    nor counts as right with it; 100.4-110.3 is the same range within 1 %."""
    stated = {"a": (100, 110), "b": (100, 110), "c": (100.4, 110.3), "d": (98, 111.5),
              "e": (98, 111.5)}
    claims = pl.DataFrame(
        {
            "entity": ["q"] * len(stated),
            "attribute": ["band"] * len(stated),
            "source": list(stated),
            "value": [f"{lo}-{hi}" for lo, hi in stated.values()],
            "number": [(lo + hi) / 2 for lo, hi in stated.values()],
            "spread": [(hi - lo) / 2 for lo, hi in stated.values()],
        }
    )
    band = {"band": Attribute("number", tolerance=0.01, relative=True)}
    row = resolved(discover(claims, band), "q", "band")
    assert row["value"] in {"100-110", "100.4-110.3"}
    assert row["sources"] == ["a", "b", "c"]
    # without the spread the ranges are compared by their middles: all five are one value
    middles = resolved(discover(claims.drop("spread"), band), "q", "band")
    assert middles["sources"] == ["a", "b", "c", "d", "e"]


def test_a_figure_that_writes_its_zeros_is_no_rounding():
    """"$20.00" states its cents and "€2.40 bn" its ten millions, though their numbers (20,
    2,400,000,000) end in zeros: they are no roundings of 20.47 or 2.43 bn, and the figure
    most sources state wins over the one source's more digits."""
    from auditor.reconcile.reliability import _PRECISION, _STATED

    texts = {"20.00": 20.0, "$20.00": 20.0, "20.47": 20.47, "€2.40 bn": 2.4e9,
             "2,430,118,112": 2.430118112e9}
    figures = pl.DataFrame(
        {"raw": list(texts), "number": list(texts.values())},
        schema_overrides={"number": pl.Float64},
    ).with_columns(low=pl.lit(None, pl.Float64), high=pl.lit(None, pl.Float64))
    digits = figures.select(pl.max_horizontal(_PRECISION, _STATED)).to_series().to_list()
    assert digits == [4, 4, 4, 3, 10]
    rows = [(f"t{i}", "p", s, 30 + i) for i in range(10) for s in "abcde"]
    rows += [("x", "p", s, 20) for s in "abcd"] + [("x", "p", "e", 20.47)]
    claims = _figures(rows)
    price = {"p": Attribute("number", tolerance=0.01, relative=True)}
    stated = claims.with_columns(precision=pl.lit(4))  # "20.00" and "20.47"
    assert resolved(discover(stated, price), "x", "p")["value"] == "20"
    # from the number alone "20" reads as a rounding of 20.47, which is then preferred
    assert resolved(discover(claims, price), "x", "p")["value"] == "20.47"


def test_guessers_on_a_yes_no_question_neither_help_nor_hurt():
    """A crowd answers two questions of a few choices (declared `choice`), one of forty
    answers and a yes/no one; four spammers guess on both. Learnt as one accuracy over both
    (mostly wrong on the forty), a spammer's "yes" counts as a vote for "no", so agreeing
    with the majority makes it lose. A source's skill beyond what a guess gets right serves
    both: a guess is as likely right as another item's answer is this one's, so the
    spammers weigh about nothing on either."""
    rng = random.Random(3)
    good, spam = ["good1", "good2", "good3"], ["spam1", "spam2", "spam3", "spam4"]
    rows = []
    for k in range(200):
        species, flag = f"s{rng.randrange(40)}", rng.choice(("yes", "no"))
        for source in good:
            right = rng.random() < 0.8
            other = f"s{rng.randrange(40)}"
            rows.append((f"e{k}", "species", source, species if right else other))
            wrong = "no" if flag == "yes" else "yes"
            rows.append((f"e{k}", "flag", source, flag if right else wrong))
        for source in spam:
            rows.append((f"e{k}", "species", source, f"s{rng.randrange(40)}"))
            rows.append((f"e{k}", "flag", source, rng.choice(("yes", "no"))))
    # the contested item: two good sources and every spammer say yes, one good source no
    rows += [("x", "flag", s, "yes") for s in ["good1", "good2", *spam]]
    rows.append(("x", "flag", "good3", "no"))
    # declared answers of a few choices; without the declaration, Accu's one accuracy
    choices = {"flag": Attribute("choice"), "species": Attribute("choice")}
    assert resolved(discover(frame(rows)), "x", "flag")["value"] == "no"
    truth = discover(frame(rows), choices)
    assert resolved(truth, "x", "flag")["value"] == "yes"
    on = {
        (row["source"], a["attribute"]): a["reliability"]
        for row in truth.sources.iter_rows(named=True)
        for a in row["attributes"]
    }
    for source in spam:  # about what a guess gets right: a half, one in forty
        assert abs(on[(source, "flag")] - 0.5) < 0.08
        assert on[(source, "species")] < 0.1
    assert min(on[(s, "flag")] for s in good) > 0.75
