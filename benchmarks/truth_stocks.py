"""Benchmark: stock quotes of one trading day, a domain the auditor was not built for.

Shaped like the Stock data of Li, Dong et al. ("Truth finding on the deep web: is the problem
solved?", VLDB 2013): 1,000 ticker symbols, 20 sources, one trading day, and the attributes
those quote pages give: the company's name, last price, change, change percent, open,
previous close, day's range, 52-week range, volume, average volume, market cap, P/E, EPS,
dividend, yield and shares outstanding. The script generates, at a fixed seed, what each
source says, in its own formats ("-1.25%", "(1.25%)", "-0.0125"; "12,345,678", "12.3M",
"12.35 mil"; "$1.23B", "1,234,567,890", "1.23 bil"; "41.02 - 42.10"; "0.52 (1.25%)" for
dividend and yield in one cell), with the traps the paper reports:

- a source giving volumes in thousands (its header says so: "Volume (000s)");
- a stale source (the previous trading day's prices, changes and volumes);
- one feed (feedco) copied by four sources, two of them reformatting what they copy;
- a source that rounds (prices to the dime, volumes to 0.1M, market caps to 0.1B);
- missing markers ("", "N/A", "-", "--"), and one long table of (source, symbol, attribute,
  value) triples.

The configuration (`auditor.toml`) declares each file as a table source and each attribute's
kind and tolerance from the README alone; the gold (`gold.json`) is read only here. Then it
runs `auditor check --config auditor.toml --format json --out DIR` (learned resolution, then
`resolution = "vote"`) and scores report.json's `resolved` against the gold with the paper's
rule: a number is right within 1 % of the gold (a range's two ends each; a change within 1 %
or a cent), the name equal ignoring case, punctuation and the legal form; an item with no
resolved value is wrong, and items whose gold is empty (no P/E when earnings are negative, no
dividend) are not scored. Beside it, a plain majority vote over the values as generated (each
parsed perfectly: what any vote could reach).

    python benchmarks/truth_stocks.py [--seed 1] [--errors 1] [--out /tmp/h-unseen3/stocks]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import re
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from generated_check import run_auditor

ROOT = Path(__file__).resolve().parent.parent
ATTRIBUTES = ("name", "last", "change", "change_pct", "open", "prev_close", "day_range",
              "week52_range", "volume", "avg_volume", "market_cap", "pe", "eps", "dividend",
              "yield", "shares")
PRICES = ("last", "open", "prev_close")
WORDS = ["Apex", "Beacon", "Cardinal", "Delta", "Ember", "Falcon", "Global", "Harbor", "Iron",
         "Jade", "Keystone", "Liberty", "Mesa", "Northern", "Omega", "Pacific", "Quantum",
         "Ridge", "Summit", "Titan", "United", "Vector", "Western", "Yukon", "Zenith"]
TRADES = ["Energy", "Holdings", "Systems", "Pharmaceuticals", "Bancorp", "Technologies",
          "Industries", "Networks", "Foods", "Materials", "Logistics", "Therapeutics",
          "Semiconductor", "Realty", "Airlines", "Brands"]
FORMS = ["Inc.", "Corp.", "Co.", "Ltd.", "Group"]
LONG_FORM = {"Inc.": "Incorporated", "Corp.": "Corporation", "Co.": "Company",
             "Ltd.": "Limited", "Group": "Group"}
MISSING = ("", "N/A", "-", "--")


@dataclass(frozen=True)
class Source:
    name: str
    accuracy: float
    cover: float
    style: dict


def _style(**kw) -> dict:
    base = dict(price="plain", change="sign", pct="pct", volume="full", cap="B", range="spaced",
                divyield="apart", name="short")
    return base | kw


SOURCES = (
    Source("exchangequote", 0.97, 0.95, _style(price="dollar")),
    Source("bigportal", 0.93, 0.95, _style(volume="M", cap="B", pct="paren")),
    Source("finwire", 0.9, 0.9, _style(cap="full", divyield="together", name="long")),
    Source("quotehub", 0.88, 0.9, _style(volume="mil", cap="bil", pct="frac")),
    Source("tickerline", 0.86, 0.85, _style(range="tight", change="paren")),
    Source("feedco", 0.8, 0.9, _style(volume="M")),  # the feed four others copy
    Source("stockpulse", 0.8, 0.9, _style(volume="M")),  # copies feedco as it is
    Source("marketdash", 0.8, 0.85, _style(volume="M")),  # copies feedco as it is
    Source("investnow", 0.8, 0.85, _style(volume="full", cap="full", pct="frac",
                                          price="dollar", name="upper")),  # copies, reformatted
    Source("chartroom", 0.8, 0.8, _style(volume="mil", cap="bil", range="dollar",
                                         divyield="together")),  # copies, reformatted
    Source("stalequotes", 0.92, 0.9, _style()),  # the previous trading day's
    Source("roundnum", 0.92, 0.9, _style(volume="M1", cap="B1")),  # rounds
    Source("volk", 0.88, 0.85, _style(volume="k")),  # volumes in thousands
    Source("triples", 0.75, 0.9, _style(volume="M", cap="bil", pct="paren")),  # the long table
    Source("smallcapnews", 0.7, 0.6, _style(pct="frac", name="long")),
    Source("traderboard", 0.65, 0.7, _style(volume="mil", divyield="together")),
    Source("penny", 0.6, 0.65, _style(change="paren", cap="full")),
    Source("moneyblog", 0.55, 0.5, _style(price="dollar", range="dollar")),
    Source("oldfinance", 0.75, 0.7, _style(pct="paren", name="upper")),
    Source("globalmkts", 0.85, 0.75, _style(volume="M", cap="bil")),
)
FEED, COPIERS, COPY_RATE = "feedco", ("stockpulse", "marketdash", "investnow", "chartroom"), 0.9
STALE, ROUNDS = "stalequotes", "roundnum"
DAILY = ("last", "change", "change_pct", "open", "prev_close", "day_range", "volume",
         "market_cap", "pe", "yield")  # what changes from one day to the next


# ------------------------------------------------------------------ the truth


def _lognormal(rng: random.Random, low: float, high: float) -> float:
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def day(rng: random.Random, prev: float, shares: int, eps: float | None,
        dividend: float | None, avg: int, w52: tuple[float, float]) -> dict:
    """One trading day's quote of a symbol whose previous close is `prev`."""
    last = round(prev * (1 + rng.gauss(0, 0.02)), 2)
    open_ = round(prev * (1 + rng.gauss(0, 0.008)), 2)
    low = round(min(open_, last) * (1 - rng.uniform(0, 0.015)), 2)
    high = round(max(open_, last) * (1 + rng.uniform(0, 0.015)), 2)
    change = round(last - prev, 2)
    return {
        "last": last,
        "change": change,
        "change_pct": round(100 * change / prev, 2),
        "open": open_,
        "prev_close": prev,
        "day_range": [low, high],
        "week52_range": [min(w52[0], low), max(w52[1], high)],
        "volume": round(avg * rng.uniform(0.5, 1.6)),
        "avg_volume": avg,
        "market_cap": round(last * shares),
        "pe": round(last / eps, 2) if eps and eps > 0 else None,
        "eps": eps,
        "dividend": dividend,
        "yield": round(100 * dividend / last, 2) if dividend else None,
        "shares": shares,
    }


def symbols(rng: random.Random, n: int) -> tuple[dict, dict]:
    """The gold quotes of `n` symbols on the day, and the previous trading day's."""
    today, yesterday = {}, {}
    while len(today) < n:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        symbol = "".join(rng.choice(letters) for _ in range(rng.choice((2, 3, 3, 4, 4))))
        if symbol in today:
            continue
        name = f"{rng.choice(WORDS)} {rng.choice(TRADES)} {rng.choice(FORMS)}"
        before = round(_lognormal(rng, 3, 600), 2)
        prev = round(before * (1 + rng.gauss(0, 0.02)), 2)
        shares = round(_lognormal(rng, 2e7, 5e9), -3)
        eps = round(rng.gauss(prev / 20, prev / 30), 2) or 0.01
        dividend = round(prev * rng.uniform(0.005, 0.05), 2) if rng.random() < 0.5 else None
        avg = round(_lognormal(rng, 5e4, 5e7))
        w52 = (round(prev * rng.uniform(0.5, 0.95), 2), round(prev * rng.uniform(1.05, 1.8), 2))
        yesterday[symbol] = {"name": name} | day(rng, before, shares, eps, dividend, avg, w52)
        today[symbol] = {"name": name} | day(rng, prev, shares, eps, dividend, avg, w52)
    return today, yesterday


def wrong(a: str, t, old, rng: random.Random):
    """A wrong value of the kind quote pages get wrong: the previous day's, or off a little."""
    if a in DAILY and rng.random() < 0.4 and old is not None and old != t:
        return old
    if a == "name":
        return t.replace(t.split()[1], rng.choice(TRADES), 1)
    if t is None:
        return None
    if a in ("day_range", "week52_range"):
        lo, hi = t
        k = rng.uniform(0.9, 0.97) if rng.random() < 0.5 else rng.uniform(1.03, 1.1)
        ends = [round(lo * k, 2), hi] if rng.random() < 0.5 else [lo, round(hi * k, 2)]
        return sorted(ends)
    if a == "change":
        return -t if t and rng.random() < 0.5 else round(t + rng.choice((-1, 1)) *
                                                          rng.uniform(0.05, 1.0), 2)
    if a == "change_pct":
        return -t if t and rng.random() < 0.5 else round(t + rng.choice((-1, 1)) *
                                                          rng.uniform(0.2, 2.0), 2)
    k = rng.uniform(0.85, 0.97) if rng.random() < 0.5 else rng.uniform(1.03, 1.2)
    if a in ("volume", "avg_volume", "market_cap", "shares"):
        return round(t * k)
    return round(t * k, 2)


def stated(source: Source, quote: dict, old: dict, rng: random.Random) -> dict:
    """The values a source states of one symbol (None: no cell), before formatting."""
    out = {}
    for a in ATTRIBUTES:
        if rng.random() < 0.08:
            out[a] = None
            continue
        t = old[a] if source.name == STALE and a in DAILY else quote[a]
        out[a] = t if rng.random() < source.accuracy else wrong(a, t, old[a], rng)
    if source.name == ROUNDS:
        for a in ("last", "open", "prev_close", "dividend", "eps"):
            if out[a] is not None:
                out[a] = round(out[a], 1)
        for a in ("day_range", "week52_range"):
            if out[a] is not None:
                out[a] = [round(x, 1) for x in out[a]]
        for a in ("volume", "avg_volume"):
            if out[a] is not None:
                out[a] = round(out[a], -5)
        if out["market_cap"] is not None:
            out["market_cap"] = round(out["market_cap"], -8)
    return out


# ------------------------------------------------------------------ each source's formats


def _signed(x: float, style: str) -> str:
    if style == "paren" and x < 0:
        return f"({-x:.2f})"
    return f"{x:+.2f}"


def _big(x: int, style: str) -> str:
    """A volume or share count as a source writes it."""
    if style == "full":
        return f"{x:,}"
    if style == "M":
        return f"{x / 1e6:.2f}M"
    if style == "M1":
        return f"{x / 1e6:.1f}M"
    if style == "mil":
        return f"{x / 1e6:.2f} mil"
    if style == "k":
        return f"{x / 1e3:,.0f}"
    raise ValueError(style)


def _cap(x: int, style: str) -> str:
    if style == "full":
        return f"{x:,}"
    if style == "B":
        return f"${x / 1e9:.2f}B" if x >= 1e9 else f"${x / 1e6:.1f}M"
    if style == "B1":
        return f"${x / 1e9:.1f}B"
    if style == "bil":
        return f"{x / 1e9:.2f} bil" if x >= 1e9 else f"{x / 1e6:.1f} mil"
    raise ValueError(style)


def _pct(x: float, style: str) -> str:
    if style == "frac":
        return f"{x / 100:.4f}"
    if style == "paren" and x < 0:
        return f"({-x:.2f}%)"
    return f"{x:+.2f}%"


def _name(x: str, style: str) -> str:
    if style == "long":
        *head, form = x.split()
        return " ".join([*head, LONG_FORM[form]])
    if style == "upper":
        return x.upper().replace(".", "")
    return x


def fmt(source: Source, a: str, v, rng: random.Random) -> str:
    """How `source` writes value `v` of attribute `a`."""
    s = source.style
    if v is None:
        return rng.choice(MISSING)
    if a == "name":
        return _name(v, s["name"])
    if a in (*PRICES, "dividend"):
        return f"${v:,.2f}" if s["price"] == "dollar" else f"{v:,.2f}"
    if a in ("day_range", "week52_range"):
        lo, hi = v
        return {"spaced": f"{lo:,.2f} - {hi:,.2f}", "tight": f"{lo:.2f}-{hi:.2f}",
                "dollar": f"${lo:,.2f} - ${hi:,.2f}"}[s["range"]]
    if a == "change":
        return _signed(v, s["change"])
    if a == "change_pct":
        return _pct(v, s["pct"])
    if a in ("volume", "avg_volume"):
        return _big(v, s["volume"])
    if a == "shares":
        return _big(v, "M" if s["volume"] == "k" else s["volume"])
    if a == "market_cap":
        return _cap(v, s["cap"])
    if a in ("pe", "eps"):
        return _signed(v, "paren") if a == "eps" and s["change"] == "paren" else f"{v:.2f}"
    if a == "yield":
        return f"{v:.2f}%"
    raise ValueError((source.name, a))


# ------------------------------------------------------------------ the files


HEADERS = {  # the column names the wide tables give each attribute (the default: its own)
    "bigportal": {"last": "Last Trade", "change_pct": "% Chg", "day_range": "Day's Range",
                  "week52_range": "52wk Range", "volume": "Volume", "market_cap": "Mkt Cap"},
    "finwire": {"name": "Company", "dividend": "Div & Yield", "pe": "P/E (ttm)"},
    "volk": {"volume": "Volume (000s)", "avg_volume": "Avg Vol (000s)"},
    "chartroom": {"dividend": "Dividend (Yield)"},
    "traderboard": {"dividend": "Div/Yield"},
}


def _plain(source: Source) -> bool:
    """Whether the source's file has the common header and needs no hint: such files share one
    folder and one declaration (`source = "{stem}"`)."""
    st = source.style
    return (source.name not in HEADERS and st["divyield"] == "apart" and st["pct"] != "frac"
            and st["volume"] != "k" and source.name not in ("quotehub", "oldfinance", "triples"))


def _path(source: Source) -> str:
    if _plain(source):
        return f"data/quotes/{source.name}.csv"
    return f"data/{source.name}.{'tsv' if source.name in ('quotehub', 'oldfinance') else 'csv'}"


def write(out: Path, values: dict, seed: int) -> None:
    rng = random.Random(f"stock-formats/{seed}")
    data = out / "data"
    (data / "quotes").mkdir(parents=True)
    by_name = {s.name: s for s in SOURCES}
    for source in SOURCES:
        if source.name == "triples":
            continue
        together = source.style["divyield"] == "together"
        heads = HEADERS.get(source.name, {})
        attrs = [a for a in ATTRIBUTES if not (together and a == "yield")]
        delimiter = "\t" if _path(source).endswith(".tsv") else ","
        with open(out / _path(source), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, delimiter=delimiter)
            w.writerow(["symbol"] + [heads.get(a, a) for a in attrs])
            for symbol, v in values[source.name].items():
                row = [symbol]
                for a in attrs:
                    cell = fmt(source, a, v[a], rng)
                    if together and a == "dividend" and v["dividend"] is not None:
                        y = v["yield"]
                        cell += f" ({y:.2f}%)" if y is not None else ""
                    row.append(cell)
                w.writerow(row)
    with open(data / "quotes_triples.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "symbol", "attribute", "value"])
        for symbol, v in values["triples"].items():
            for a in ATTRIBUTES:
                if v[a] is not None:
                    w.writerow(["triples", symbol, a, fmt(by_name["triples"], a, v[a], rng)])
    (out / "auditor.toml").write_text(config())


def generate(seed: int, n: int = 1000, errors: float = 1.0):
    """The gold and each source's values; `errors` multiplies every source's error rate."""
    rng = random.Random(f"stocks/{seed}")
    truth, before = symbols(rng, n)
    values: dict[str, dict[str, dict]] = {}
    for source in SOURCES:
        source = replace(source, accuracy=max(0.0, 1 - errors * (1 - source.accuracy)))
        values[source.name] = {}
        for symbol, quote in truth.items():
            if rng.random() >= source.cover:
                continue
            if source.name in COPIERS and symbol in values[FEED] and rng.random() < COPY_RATE:
                values[source.name][symbol] = dict(values[FEED][symbol])
                continue
            values[source.name][symbol] = stated(source, quote, before[symbol], rng)
    return truth, values


# What a user writes after reading the README (tables, attribute kinds and tolerances).
ATTRIBUTE_DECLARATIONS = """\
[attributes.name]
kind = "text"

[attributes.last]
kind = "money"
tolerance = "1%"

[attributes.open]
kind = "money"
tolerance = "1%"

[attributes.prev_close]
kind = "money"
tolerance = "1%"

[attributes.change]
kind = "number"
tolerance = "1%"

[attributes.change_pct]
kind = "number"
unit = "%"
tolerance = "1%"

[attributes.day_range]
kind = "money"
qualifier = "flag"                     # a range stays a range
tolerance = "1%"

[attributes.week52_range]
kind = "money"
qualifier = "flag"                     # a range stays a range
tolerance = "1%"

[attributes.volume]
kind = "number"
tolerance = "1%"

[attributes.avg_volume]
kind = "number"
tolerance = "1%"

[attributes.market_cap]
kind = "money"
tolerance = "1%"

[attributes.pe]
kind = "number"
tolerance = "1%"

[attributes.eps]
kind = "number"
tolerance = "1%"

[attributes.dividend]
kind = "money"
tolerance = "1%"

[attributes.yield]
kind = "number"
unit = "%"
tolerance = "1%"

[attributes.shares]
kind = "number"
tolerance = "1%"
"""

MONEY = ("last", "open", "prev_close", "day_range", "week52_range", "market_cap", "dividend")


def _table(source: Source) -> str:
    together = source.style["divyield"] == "together"
    heads = HEADERS.get(source.name, {})
    path, name = _path(source), source.name
    if _plain(source):  # one declaration for the folder of files with the common header
        path, name = "data/quotes/*.csv", "{stem}"
    lines = ["[[tables]]", f'path = "{path}"', f'source = "{name}"', 'entity = ["symbol"]',
             "[tables.columns]"]
    for a in ATTRIBUTES:
        if together and a == "yield":
            continue
        hints = []
        if a in MONEY:
            hints.append('currency = "USD"')
        if a == "change_pct" and source.style["pct"] == "frac":
            hints.append('unit = "fraction"')
        if source.style["volume"] == "k" and a in ("volume", "avg_volume"):
            hints.append('unit = "thousands"')
        column = heads.get(a, a)
        key = f'"{column}"' if not re.fullmatch(r"[A-Za-z0-9_-]+", column) else column
        if together and a == "dividend":  # "0.52 (1.25%)": the dividend, then its yield
            lines.append(f'{key} = [{{ attribute = "dividend", currency = "USD", '
                         "extract = '^([^(]+)' }, "
                         "{ attribute = \"yield\", extract = '\\((.*)\\)' }]")
            continue
        lines.append(f'{key} = {{ attribute = "{a}", {", ".join(hints)} }}' if hints
                     else f'{key} = "{a}"')
    return "\n".join(lines) + "\n"


def config() -> str:
    plain = [s for s in SOURCES if _plain(s)]
    tables = [_table(s) for s in SOURCES if s.name != "triples" and not _plain(s)]
    tables.insert(0, _table(plain[0]))
    tables.append(
        "[[tables]]\n"
        'path = "data/quotes_triples.csv"\n'
        'source = { column = "source" }\n'
        'entity = ["symbol"]\n'
        'attribute = { column = "attribute" }\n'
        'value = { column = "value" }\n'
        "[tables.columns]\n"
        + "".join(f'{a} = {{ attribute = "{a}", currency = "USD" }}\n' for a in MONEY)
    )
    return ("# Stock quotes of one trading day from twenty sources "
            "(benchmarks/truth_stocks.py).\n\n" + "\n".join(tables) + "\n"
            + ATTRIBUTE_DECLARATIONS)


# ------------------------------------------------------------------ scoring


_FORMS = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited"}


def _fold(text: str) -> str:
    words = re.sub(r"[\W_]+", " ", str(text).casefold()).split()
    return " ".join(w for w in words if w not in _FORMS)


def _number(value) -> float | None:
    """A resolved number, amount or quantity as a float."""
    if isinstance(value, dict):
        if value.get("currency", "USD") != "USD":
            return None
        value = value.get("amount", value.get("low", value.get("value")))
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    return float(value) if isinstance(value, int | float) else None


def _ends(value) -> list[float] | None:
    """A resolved range's two ends: {"low", "high"}, a list of two, or a text "a - b"."""
    if isinstance(value, dict) and "low" in value:
        return [float(value["low"]), float(value["high"])]
    if isinstance(value, list) and len(value) == 2:
        return sorted(_number(v) or math.nan for v in value)
    if isinstance(value, str):
        found = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", value)]
        return found if len(found) == 2 else None
    return None


def right(attribute: str, value, gold) -> bool:
    """Whether a resolved value (as report.json gives it) is the gold, within tolerance."""
    if value is None:
        return False
    if attribute == "name":
        return _fold(value) == _fold(gold)
    if attribute in ("day_range", "week52_range"):
        ends = _ends(value)
        return ends is not None and all(
            abs(e - g) <= 0.01 * abs(g) for e, g in zip(ends, gold, strict=True))
    n = _number(value)
    if n is None:
        return False
    slack = 0.01 * abs(gold)
    if attribute in ("change", "change_pct"):
        slack = max(slack, 0.01)  # a cent, a hundredth of a point
    return abs(n - gold) <= slack + 1e-9


def resolved_of(report: Path) -> dict[tuple[str, str], object]:
    """(symbol, attribute) -> the resolved value; an attribute resolved in slots as a list."""
    data = json.loads(report.read_text(encoding="utf-8"))
    out: dict[tuple[str, str], object] = {}
    members: dict[tuple[str, str], list] = defaultdict(list)
    for r in data["resolved"]:
        key = (r["entity"], r["attribute"])
        if key in out or key in members:
            members[key] += [out.pop(key)] if key in out else []
            members[key].append(r["value"])
        else:
            out[key] = r["value"]
    out.update(members)
    return out


def majority(values: dict) -> dict[tuple[str, str], object]:
    """A plain vote over the values as generated (parsed perfectly), ties to the first."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for per in values.values():
        for symbol, v in per.items():
            for a in ATTRIBUTES:
                if v[a] is not None:
                    votes[(symbol, a)][json.dumps(v[a])] += 1
    return {key: json.loads(c.most_common(1)[0][0]) for key, c in votes.items()}


def score(resolved: dict, gold: dict) -> dict[str, tuple[int, int, int]]:
    """Per attribute: (right, resolved, items with a gold value)."""
    figures = {}
    for a in ATTRIBUTES:
        hits = made = items = 0
        for symbol, g in gold.items():
            if g[a] is None:
                continue
            items += 1
            value = resolved.get((symbol, a))
            made += value is not None
            hits += right(a, value, g[a])
        figures[a] = (hits, made, items)
    return figures


SHORT = {"change_pct": "chg%", "prev_close": "prev", "day_range": "day rng",
         "week52_range": "52w rng", "avg_volume": "avg vol", "market_cap": "mkt cap",
         "dividend": "div", "shares": "shares"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/h-unseen3/stocks"))
    parser.add_argument("--errors", type=float, default=1.0,
                        help="multiply every source's error rate (2.5: a harder day)")
    options = parser.parse_args()
    shutil.rmtree(options.out, ignore_errors=True)
    truth, values = generate(options.seed, errors=options.errors)
    write(options.out, values, options.seed)
    (options.out / "gold.json").write_text(json.dumps(truth, indent=1))
    gold = json.loads((options.out / "gold.json").read_text())
    rows = {"majority (values as generated)": score(majority(values), gold)}
    times = {}
    for method in ("vote", "learned"):
        report, times[method] = run_auditor(options.out, method, config())
        rows[f"auditor, {method}"] = score(resolved_of(report), gold)
    stated = sum(len(per) for per in values.values())
    print(f"symbols: {len(gold)}, sources: {len(SOURCES)}, seed {options.seed}, "
          f"error rates x{options.errors:g}, "
          f"{stated:,} (symbol, source) rows; files in {options.out}")
    width = 8
    print(f"{'method':<31}" + "".join(f"{SHORT.get(a, a)[:width - 1]:>{width}}"
                                      for a in ATTRIBUTES) + f"{'all':>7}")
    for label, figures in rows.items():
        cells = "".join(f"{h / n:>{width}.3f}" for h, _, n in figures.values())
        total = sum(h for h, _, _ in figures.values()) / sum(n for _, _, n in figures.values())
        print(f"{label:<31}{cells}{total:>7.3f}")
        print(f"{'  resolved items':<31}" + "".join(f"{m:>{width}}"
                                                   for _, m, _ in figures.values()))
    print("auditor check wall time: " + ", ".join(f"{m} {t:.1f} s" for m, t in times.items())
          + " (shared 2-core machine: noisy)")
    notes = [line for line in (options.out / "check-learned.log").read_text().splitlines()
             if "state no value" in line or "declared nowhere" in line
             or line.startswith("error")]
    if notes:
        print("auditor notes:")
        print("\n".join(f"  {line[:400]}" for line in notes[:25]))


if __name__ == "__main__":
    main()
