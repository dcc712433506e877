"""Benchmark: a product catalog the auditor was not built for, declared as a user would.

Eight retailers describe 500 products (title, brand, price, weight, dimensions, release date,
the set of manufacturers, the average rating out of 5). The script generates, at a fixed seed,
what each retailer's export says, in that retailer's own formats ("$1,299.99", "1.299,99 €",
"USD 12.99" and bare numbers; "1.2 kg", "1200 g", "2.65 lb", "42.3 oz"; "30 x 20 x 10 cm",
'11.8" x 7.9" x 3.9"'; "2019-04-03", "04/03/2019", "03.04.2019", "April 3, 2019"; "4.3",
"4.3/5", "4.3 out of 5 stars", "86%"), with missing cells ("", "N/A", "-"):

- shopmax (0.95 right), gadgethub (0.85), eurotech (0.8; prices in euros, decimal commas,
  semicolon-delimited), roundco (0.85, but rounds: whole dollars, 0.1 kg, whole cm, half
  stars), stalemart (0.9, captured a year earlier: half its prices and ratings are the old
  ones), pricewatch (0.6) and dealfinder (0.75) sharing one feed table, cheapdeals (0.5) as a
  long table of (source, ean, property, value) triples, and megamart (0.7), which copies
  shopmax's values, errors and gaps included, for 60 % of its products (JSON Lines);
- the configuration (`auditor.toml`) declares each file as a table source and each attribute's
  kind and tolerance, from the README alone; the gold (`gold.json`) is read only here.

Then it runs `auditor check --config auditor.toml --format json --out DIR` (learned
resolution, then `resolution = "vote"`) and scores each report.json's `resolved` against the
gold, per attribute: an item is right when resolved and within the tolerance a catalog user
expects (price in dollars within 1 %, weight within 2 %, each dimension within 2 %, the same
day, title and brand equal ignoring case and punctuation, the same set of manufacturers, the
rating within 0.05 stars); an item with no resolved value is wrong. Beside them, a plain
majority vote over the values as generated (each parsed perfectly: what any vote could reach).

    python benchmarks/truth_products.py [--seed 1] [--out /tmp/h-unseen2/products]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from generated_check import run_auditor

ROOT = Path(__file__).resolve().parent.parent
ATTRIBUTES = ("title", "brand", "price", "weight", "dimensions", "release_date",
              "manufacturers", "rating")
BRANDS = ["Acme", "Borealis", "Cobalt", "Dynamo", "Everlight", "Fjord", "Granite", "Helix",
          "Ionic", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orion", "Pioneer",
          "Quasar", "Redwood", "Sable", "Tundra", "Umbra", "Vertex", "Willow", "Zephyr"]
CATEGORIES = ["Wireless Headphones", "Blender", "Cordless Drill", "Coffee Maker", "Smart Speaker",
              "Air Purifier", "Electric Kettle", "Desk Lamp", "Robot Vacuum", "Gaming Mouse",
              "Mechanical Keyboard", "Action Camera", "Stand Mixer", "Hair Dryer", "Monitor",
              "Toaster", "Space Heater", "Router", "Soundbar", "E-Reader"]
MAKERS = ["Foxconn", "Pegatron", "Flex Ltd", "Jabil", "Luxshare", "Wistron", "Compal", "Quanta",
          "BYD Electronics", "Goertek", "Midea", "Haier", "TTI Group", "Inventec"]
EUR_PER_USD = 0.92
NOW, STALE = "2024-06-01", "2023-01-15"
MISSING = ("", "N/A", "-", "n/a")


@dataclass(frozen=True)
class Source:
    name: str
    accuracy: float
    cover: float


SOURCES = (
    Source("shopmax", 0.95, 0.9),
    Source("gadgethub", 0.85, 0.8),
    Source("eurotech", 0.8, 0.6),
    Source("megamart", 0.7, 0.8),  # copies shopmax for 60 % of its products
    Source("roundco", 0.85, 0.7),  # rounds
    Source("stalemart", 0.9, 0.75),  # a year old
    Source("pricewatch", 0.6, 0.7),
    Source("dealfinder", 0.75, 0.6),
    Source("cheapdeals", 0.5, 0.85),  # the long table
)
COPIED, COPY_RATE = "shopmax", 0.6


# ------------------------------------------------------------------ the truth


def products(rng: random.Random, n: int) -> dict[str, dict]:
    truth = {}
    while len(truth) < n:
        ean = "".join(str(rng.randint(0, 9)) for _ in range(12))
        ean = str(rng.randint(1, 9)) + ean[1:]
        ean += str((10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(ean)) % 10) % 10)
        brand, category = rng.choice(BRANDS), rng.choice(CATEGORIES)
        letters = "ABCDEFGHKMPRSTX"
        model = f"{rng.choice(letters)}{rng.choice(letters)}-{rng.randint(100, 9999)}"
        weight = round(math.exp(rng.uniform(math.log(80), math.log(25_000))))  # grams
        sides = sorted((round(rng.uniform(3, 70), 1) for _ in range(3)), reverse=True)
        price = round(math.exp(rng.uniform(math.log(5), math.log(2000))))
        price = price - rng.choice((0.01, 0.01, 0.51, 0.0, 0.05)) if price > 1 else 0.99
        released = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randint(0, 5200))
        makers = sorted(rng.sample(MAKERS, rng.choice((1, 1, 2, 2, 3))))
        truth[ean] = {
            "title": f"{brand} {model} {category}",
            "brand": brand,
            "price": round(price, 2),
            "weight": weight,
            "dimensions": sides,
            "release_date": released,
            "manufacturers": makers,
            "rating": round(rng.uniform(2.5, 4.9), 1),
        }
    return truth


def wrong(attribute: str, t, rng: random.Random):
    """A wrong value of the kind sources really get wrong."""
    if attribute == "title":
        return re.sub(r"\d", lambda m: str((int(m[0]) + rng.randint(1, 9)) % 10), t, count=1)
    if attribute == "brand":
        return rng.choice([b for b in BRANDS if b != t])
    if attribute == "price":
        return round(max(0.99, round(t * rng.choice((0.5, 0.8, 0.9, 1.15, 1.3, 2.0))) - 0.01), 2)
    if attribute == "weight":
        if rng.random() < 0.3:  # kilograms written as pounds
            return round(t / 2.2046)
        return round(t * rng.choice((0.5, 0.75, 1.3, 1.6, 2.0)))
    if attribute == "dimensions":
        sides = list(t)
        k = rng.randrange(3)
        sides[k] = round(sides[k] * rng.choice((0.6, 0.8, 1.25, 1.5)), 1)
        return sides
    if attribute == "release_date":
        if t.day <= 12 and t.day != t.month and rng.random() < 0.4:  # day and month swapped
            return dt.date(t.year, t.day, t.month)
        return t + dt.timedelta(days=rng.choice((-1, 1)) * rng.randint(20, 500))
    if attribute == "manufacturers":
        pick = rng.random()
        if pick < 0.4 and len(t) > 1:
            return t[:-1]
        others = [m for m in MAKERS if m not in t]
        if pick < 0.7:
            return sorted([*t, rng.choice(others)])
        return sorted([*t[1:], rng.choice(others)])
    if attribute == "rating":
        off = rng.choice((-1, 1)) * rng.choice((0.3, 0.5, 0.8, 1.2))
        return round(min(5.0, max(1.0, t + off)), 1)
    raise ValueError(attribute)


def stated(source: Source, product: dict, rng: random.Random) -> dict:
    """The values a source states of one product (None: no cell), before formatting."""
    out = {}
    for a in ATTRIBUTES:
        if rng.random() < 0.1:
            out[a] = None
            continue
        t = product[a]
        if source.name == "stalemart" and a in ("price", "rating") and rng.random() < 0.5:
            out[a] = (round(round(t * 1.15) - 0.01, 2) if a == "price"
                      else round(min(5.0, t + rng.choice((-0.3, -0.2, 0.2, 0.3))), 1))
            continue
        out[a] = t if rng.random() < source.accuracy else wrong(a, t, rng)
    if source.name == "roundco":
        out = rounded(out)
    return out


def rounded(v: dict) -> dict:
    v = dict(v)
    if v["price"] is not None:
        v["price"] = float(round(v["price"]))
    if v["weight"] is not None:
        v["weight"] = round(v["weight"], -2) if v["weight"] >= 1000 else round(v["weight"], -1)
    if v["dimensions"] is not None:
        v["dimensions"] = [float(round(s)) for s in v["dimensions"]]
    if v["rating"] is not None:
        v["rating"] = round(v["rating"] * 2) / 2
    return v


# ------------------------------------------------------------------ each source's formats


def _g(x: float) -> str:
    return f"{x:.10g}"


def _comma(x: float, digits: int | None = None) -> str:
    return (f"{x:.{digits}f}" if digits is not None else _g(x)).replace(".", ",")


def _euro_price(usd: float) -> str:
    eur = round(usd * EUR_PER_USD, 2)
    whole, cents = f"{eur:.2f}".split(".")
    return f"{int(whole):,}".replace(",", ".") + f",{cents} €"


def fmt(source: str, a: str, v, rng: random.Random) -> str:
    """How `source` writes value `v` of attribute `a`."""
    if v is None:
        return rng.choice(MISSING)
    if a in ("title", "brand"):
        if source == "gadgethub" and a == "brand":
            return v.upper()
        if source == "cheapdeals" and a == "title":
            return v.lower()
        return v
    if a == "price":
        return {
            "shopmax": f"${v:,.2f}",
            "gadgethub": f"{v:.2f}",  # bare, the column is price_usd
            "eurotech": _euro_price(v),
            "megamart": None,  # a JSON number
            "roundco": f"${v:,.0f}",
            "stalemart": f"${v:,.2f}",
            "pricewatch": f"{v:.2f} USD",
            "dealfinder": f"{v:.2f} USD",
            "cheapdeals": f"US${v:,.2f}",
        }[source]
    if a == "weight":
        g = v
        if source in ("shopmax", "roundco"):
            return f"{_g(g / 1000)} kg" if g >= 1000 else f"{g} g"
        if source == "gadgethub":
            return f"{g / 453.592:.2f}"  # bare, the column is weight_lb
        if source == "eurotech":
            return f"{_comma(g / 1000)} kg"
        if source == "stalemart":
            return f"{g / 453.592:.2f} lbs" if g >= 454 else f"{g / 28.3495:.1f} oz"
        if source in ("pricewatch", "dealfinder"):
            return f"{g}g"
        if source == "cheapdeals":
            return f"{_g(g / 1000)}kg" if rng.random() < 0.5 else f"{g / 28.3495:.1f} oz"
    if a == "dimensions":
        if source in ("shopmax", "roundco"):
            return " x ".join(_g(s) for s in v) + " cm"
        if source == "gadgethub":
            return " x ".join(f"{s / 2.54:.1f}" for s in v) + " in"
        if source == "eurotech":
            return " × ".join(_comma(s) for s in v) + " cm"
        if source == "megamart":
            return "x".join(str(round(s * 10)) for s in v)  # the field is dimensions_mm
        if source == "stalemart":
            return " x ".join(f'{s / 2.54:.1f}"' for s in v)
        if source in ("pricewatch", "dealfinder"):
            return "x".join(_g(s) for s in v) + "cm"
        if source == "cheapdeals":
            return " x ".join(f"{_g(s)} cm" for s in v)
    if a == "release_date":
        d = v
        return {
            "shopmax": d.isoformat(),
            "gadgethub": f"{d.month:02d}/{d.day:02d}/{d.year}",
            "eurotech": f"{d.day:02d}.{d.month:02d}.{d.year}",
            "megamart": f"{d.isoformat()}T00:00:00Z",
            "roundco": f"{d:%B} {d.day}, {d.year}",
            "stalemart": f"{d.day} {d:%b} {d.year}",
            "pricewatch": d.isoformat(),
            "dealfinder": d.isoformat(),
            "cheapdeals": f"{d.day:02d}/{d.month:02d}/{d.year}",
        }[source]
    if a == "manufacturers":
        sep = {"shopmax": "; ", "gadgethub": ", ", "eurotech": " | ", "roundco": " / ",
               "stalemart": ";", "pricewatch": "|", "dealfinder": "|", "cheapdeals": ", "}
        return sep[source].join(v)
    if a == "rating":
        r = v
        return {
            "shopmax": _g(r),
            "gadgethub": f"{_g(r)}/5",
            "eurotech": f"{_comma(r)} / 5",
            "roundco": f"{_g(r)} stars",
            "stalemart": f"{_g(r)} out of 5 stars",
            "pricewatch": f"{r:.1f}/5.0",
            "dealfinder": f"{r:.1f}/5.0",
            "cheapdeals": f"{round(r * 20)}%",
        }[source]
    raise ValueError((source, a))


# ------------------------------------------------------------------ the files


WIDE = {  # file, delimiter, the source's column names for ean and each attribute
    "shopmax": ("shopmax.csv", ",", ["ean", "name", "brand", "price", "weight", "dimensions",
                                      "released", "manufacturers", "rating"]),
    "gadgethub": ("gadgethub_export.csv", ",", ["UPC/EAN", "Product Title", "Brand",
                                                "price_usd", "weight_lb", "Dimensions (in)",
                                                "Release Date", "Manufacturer(s)",
                                                "Avg Rating"]),
    "eurotech": ("eurotech.csv", ";", ["ean", "title", "brand", "price", "weight", "size",
                                       "release_date", "oem", "stars"]),
    "roundco": ("roundco.tsv", "\t", ["ean", "title", "brand", "price", "weight", "dimensions",
                                      "release", "makers", "rating"]),
    "stalemart": ("stalemart.csv", ",", ["ean", "title", "brand", "price", "weight",
                                         "dimensions", "launch_date", "manufacturers",
                                         "customer_rating"]),
}
FEED = ("feed.csv", ["ean", "seller", "title", "brand", "price", "weight", "dims", "date",
                     "mfr", "rating"])


def generate(seed: int, n: int = 500):
    rng = random.Random(f"products/{seed}")
    truth = products(rng, n)
    values: dict[str, dict[str, dict]] = {}  # source -> ean -> attribute -> value (None: none)
    for source in SOURCES:
        values[source.name] = {}
        for ean, product in truth.items():
            if rng.random() >= source.cover:
                continue
            if source.name == "megamart" and ean in values[COPIED] and rng.random() < COPY_RATE:
                values[source.name][ean] = dict(values[COPIED][ean])
                continue
            values[source.name][ean] = stated(source, product, rng)
    return truth, values


def write(out: Path, truth: dict, values: dict, seed: int) -> None:
    rng = random.Random(f"formats/{seed}")
    data = out / "data"
    data.mkdir(parents=True)
    for name, (file, delimiter, header) in WIDE.items():
        with open(data / file, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=delimiter)
            w.writerow(header + (["scraped_at"] if name == "stalemart" else []))
            for ean, v in values[name].items():
                row = [ean] + [fmt(name, a, v[a], rng) for a in ATTRIBUTES]
                w.writerow(row + ([STALE] if name == "stalemart" else []))
    with open(data / FEED[0], "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(FEED[1])
        rows = [(ean, s, v) for s in ("pricewatch", "dealfinder") for ean, v in values[s].items()]
        rng.shuffle(rows)
        for ean, s, v in rows:
            w.writerow([ean, s] + [fmt(s, a, v[a], rng) for a in ATTRIBUTES])
    with open(data / "megamart.jsonl", "w", encoding="utf-8") as f:
        for ean, v in values["megamart"].items():
            record: dict = {"ean": ean, "name": v["title"], "brand": v["brand"]}
            if v["price"] is not None:
                record["price"] = v["price"]
                record["currency"] = "USD"
            if v["weight"] is not None:
                record["weight_g"] = v["weight"]
            if v["dimensions"] is not None:
                record["dimensions_mm"] = fmt("megamart", "dimensions", v["dimensions"], rng)
            if v["release_date"] is not None:
                record["release"] = fmt("megamart", "release_date", v["release_date"], rng)
            if v["manufacturers"] is not None:
                record["makers"] = v["manufacturers"]
            if v["rating"] is not None:
                record["rating"] = v["rating"]
            f.write(json.dumps(record) + "\n")
    with open(data / "cheapdeals_triples.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "ean", "property", "value"])
        for ean, v in values["cheapdeals"].items():
            for a in ATTRIBUTES:
                if v[a] is not None:  # a long table has no row for what it does not state
                    w.writerow(["cheapdeals", ean, a, fmt("cheapdeals", a, v[a], rng)])
    gold = {ean: {**p, "release_date": p["release_date"].isoformat()} for ean, p in truth.items()}
    (out / "gold.json").write_text(json.dumps(gold, indent=1))
    (out / "auditor.toml").write_text(CONFIG)


DECLARED = {"released": "release_date"}  # the configuration's names that differ from the gold's

# What a user writes after reading the README (tables, attribute kinds and tolerances).
CONFIG = """\
# A product catalog from nine retailers' exports (benchmarks/truth_products.py).

[[tables]]
path = "data/shopmax.csv"
source = "shopmax"
entity = ["ean"]
[tables.columns]
name = "title"
brand = "brand"
price = "price"
weight = "weight"
dimensions = "dimensions"
released = "released"
manufacturers = "manufacturers"
rating = { attribute = "rating", unit = "5" }

[[tables]]
path = "data/gadgethub_export.csv"
source = "gadgethub"
entity = ["UPC/EAN"]
[tables.columns]
"Product Title" = "title"
Brand = "brand"
price_usd = { attribute = "price", currency = "USD" }
weight_lb = { attribute = "weight", unit = "lb" }
"Dimensions (in)" = "dimensions"
"Release Date" = "released"
"Manufacturer(s)" = { attribute = "manufacturers", split = "," }
"Avg Rating" = "rating"

[[tables]]
path = "data/eurotech.csv"
delimiter = ";"
source = "eurotech"
entity = ["ean"]
[tables.columns]
title = "title"
brand = "brand"
price = "price"
weight = "weight"
size = "dimensions"
release_date = "released"
oem = "manufacturers"
stars = "rating"

[[tables]]
path = "data/roundco.tsv"
source = "roundco"
entity = ["ean"]
[tables.columns]
title = "title"
brand = "brand"
price = "price"
weight = "weight"
dimensions = "dimensions"
release = "released"
makers = { attribute = "manufacturers", split = "/" }
rating = "rating"

[[tables]]
path = "data/stalemart.csv"
source = "stalemart"
entity = ["ean"]
captured = { column = "scraped_at" }
[tables.columns]
title = "title"
brand = "brand"
price = "price"
weight = "weight"
dimensions = "dimensions"
launch_date = "released"
manufacturers = "manufacturers"
customer_rating = "rating"

[[tables]]
path = "data/feed.csv"
source = { column = "seller" }
entity = ["ean"]
[tables.columns]
title = "title"
brand = "brand"
price = "price"
weight = "weight"
dims = "dimensions"
date = "released"
mfr = "manufacturers"
rating = "rating"

[[tables]]
path = "data/megamart.jsonl"
source = "megamart"
entity = ["ean"]
[tables.columns]
name = "title"
brand = "brand"
price = { attribute = "price", currency = "USD" }
weight_g = { attribute = "weight", unit = "g" }
dimensions_mm = { attribute = "dimensions", unit = "mm" }
release = "released"
makers = "manufacturers"
rating = { attribute = "rating", unit = "5" }

[[tables]]
path = "data/cheapdeals_triples.csv"
source = { column = "source" }
entity = ["ean"]
attribute = { column = "property" }
value = { column = "value" }
[tables.columns]
release_date = "released"
manufacturers = { attribute = "manufacturers", split = "," }

[attributes.title]
kind = "text"

[attributes.brand]
kind = "text"

[attributes.price]
kind = "money"
tolerance = "1%"

[attributes.weight]
kind = "number"
unit = "g"
tolerance = "2%"

[attributes.dimensions]
kind = "dimensions"
unit = "cm"
tolerance = "2%"

[attributes.released]
kind = "date"

[attributes.manufacturers]
kind = "names"
multi = true

[attributes.rating]
kind = "score"
tolerance = 0.01                       # a share of the scale: 0.05 of 5 stars
"""


# ------------------------------------------------------------------ scoring


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", str(text).casefold()).strip()


def _close(a: float, b: float, rel: float) -> bool:
    return abs(a - b) <= rel * abs(b)


def right(attribute: str, value, gold) -> bool:
    """Whether a resolved value (as report.json gives it) is the gold, within tolerance."""
    if value is None:
        return False
    try:
        if attribute in ("title", "brand"):
            return _fold(value) == _fold(gold)
        if attribute == "price":
            if isinstance(value, dict):
                if value.get("currency") != "USD":
                    return False
                value = value.get("amount", value.get("low"))
            return _close(float(value), gold, 0.01)
        if attribute == "weight":
            grams = value if not isinstance(value, dict) else _grams(value)
            return grams is not None and _close(float(grams), gold, 0.02)
        if attribute == "dimensions":
            sides = _sides(value)
            return sides is not None and len(sides) == 3 and all(
                _close(s, g, 0.02) for s, g in zip(sides, gold, strict=True))
        if attribute == "release_date":
            return str(value) == gold
        if attribute == "manufacturers":
            members = value if isinstance(value, list) else [value]
            return sorted(_fold(m) for m in members) == sorted(_fold(m) for m in gold)
        if attribute == "rating":
            if isinstance(value, dict):
                value = 5 * value["value"] / value["scale"]
            return abs(float(value) - gold) <= 0.05 + 1e-9
    except (TypeError, ValueError, KeyError):
        return False
    raise ValueError(attribute)


_TO_GRAMS = {"g": 1, "kg": 1000, "lb": 453.592, "oz": 28.3495, "mg": 0.001}
_TO_CM = {"cm": 1, "mm": 0.1, "m": 100, "in": 2.54}


def _grams(value: dict) -> float | None:
    factor = _TO_GRAMS.get(str(value.get("unit", "g")).lower())
    amount = value.get("value", value.get("amount"))
    return None if factor is None or amount is None else float(amount) * factor


def _sides(value) -> list[float] | None:
    """Three sides in centimetres from a resolved dimensions value (a text or a structure)."""
    if isinstance(value, dict):
        factor = _TO_CM.get(str(value.get("unit", "cm")).lower(), 1)
        sides = value.get("sides") or value.get("values") or value.get("value")
        return [float(s) * factor for s in sides] if isinstance(sides, list) else None
    if isinstance(value, list):
        return [float(s) for s in value]
    text = str(value).lower().replace(",", ".")
    numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]
    unit = next((u for u in ("mm", "cm", "in", '"') if u in text), "cm")
    factor = {"mm": 0.1, "cm": 1, "in": 2.54, '"': 2.54}[unit]
    return [x * factor for x in numbers]


def resolved_of(report: Path) -> dict[tuple[str, str], object]:
    """(ean, attribute) -> the resolved value; a list attribute's members as one list."""
    data = json.loads(report.read_text(encoding="utf-8"))
    out: dict[tuple[str, str], object] = {}
    members: dict[tuple[str, str], list] = defaultdict(list)
    for r in data["resolved"]:
        key = (r["entity"], DECLARED.get(r["attribute"], r["attribute"]))
        if r["attribute"] == "manufacturers":  # one list, or (a slot each) its members
            value = r["value"]
            members[key] += value if isinstance(value, list) else [value]
        else:
            out[key] = r["value"]
    out.update(members)
    return out


def majority(values: dict, truth: dict) -> dict[tuple[str, str], object]:
    """A plain vote over the values as generated (parsed perfectly; EUR prices left out, as no
    vote can count them in dollars), ties to the first stated."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for source, per in values.items():
        for ean, v in per.items():
            for a in ATTRIBUTES:
                if v[a] is None or (a == "price" and source == "eurotech"):
                    continue
                key = json.dumps(v[a], default=str, sort_keys=True)
                votes[(ean, a)][key] += 1
    out = {}
    for (ean, a), counter in votes.items():
        top = counter.most_common(1)[0][0]
        value = json.loads(top)
        out[(ean, a)] = value
    return out


def score(resolved: dict, gold: dict) -> dict[str, tuple[int, int, int]]:
    """Per attribute: (right, resolved, items)."""
    figures = {}
    for a in ATTRIBUTES:
        hits = made = 0
        for ean, g in gold.items():
            value = resolved.get((ean, a))
            made += value is not None
            hits += right(a, value, g[a])
        figures[a] = (hits, made, len(gold))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/h-unseen2/products"))
    options = parser.parse_args()
    shutil.rmtree(options.out, ignore_errors=True)
    truth, values = generate(options.seed)
    write(options.out, truth, values, options.seed)
    gold = json.loads((options.out / "gold.json").read_text())
    rows = {"majority (values as generated)": score(majority(values, truth), gold)}
    for method in ("vote", "learned"):
        report, _ = run_auditor(options.out, method, CONFIG)
        rows[f"auditor, {method}"] = score(resolved_of(report), gold)
    print(f"products: {len(gold)}, sources: {len(SOURCES)}, seed {options.seed}; "
          f"files in {options.out}")
    print(f"{'method':<32}" + "".join(f"{a[:12]:>13}" for a in ATTRIBUTES) + f"{'all':>8}")
    for label, figures in rows.items():
        cells = "".join(f"{h / n:>13.3f}" for h, _, n in figures.values())
        total = sum(h for h, _, _ in figures.values()) / sum(n for _, _, n in figures.values())
        print(f"{label:<32}{cells}{total:>8.3f}")
        print(f"{'  resolved items':<32}" + "".join(f"{m:>13}" for _, m, _ in figures.values()))
    for method in ("vote", "learned"):
        notes = [line for line in (options.out / f"check-{method}.log").read_text().splitlines()
                 if "state no value" in line or line.startswith("error")]
        if notes and method == "learned":
            print("auditor notes:")
            print("\n".join(f"  {line}" for line in notes[:12]))


if __name__ == "__main__":
    main()
