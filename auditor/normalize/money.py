"""Money: points and ranges, estimates and scopes, in the currency the page states.

"$12,500,000 (estimated)", "$12–16 million", "$38.7 million", "$21,350,112 (USA)", "$41.3M",
"£2.5 million", "FRF 40,000,000 (estimated)", "€12.3 million", "US$4.5 million". The currency
stays on the value: amounts are never converted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.normalize.numbers import point_decimal_text
from auditor.normalize.places import canonical_country

# The currency signs pages write before (or a table after) an amount: one list for the
# parser and extraction's scans (extract.prose).
SIGNS = "$£€¥₹₩₤₺₽₦₱฿₪"
_SYMBOLS = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "rmb": "CNY",
    "₽": "RUB", "₦": "NGN", "₱": "PHP", "฿": "THB",
    "dm": "DEM",  # the Deutsche Mark's abbreviation before an amount: "DM 5 million"
    "zł": "PLN",  # the złoty's abbreviation before an amount: "zł 38 million"
    "₤": "ITL",  # the lira sign, as Italian films' pages write their lire
    "₺": "TRY", "tl": "TRY",  # the Turkish lira's sign and abbreviation: "₺12 million", "TL 12"
    "ℛℳ": "RM",  # the Reichsmark sign (no ISO 4217 code: its abbreviation stands for it)
    "rs": "INR", "rs.": "INR",  # the rupee's abbreviation, as Indian pages write it: "Rs. 45 crore"
    "rp": "IDR", "rp.": "IDR",  # the rupiah's, as Indonesian pages write it: "Rp12.5 billion"
    "p": "PHP",  # the peso's bare capital, as Philippine pages write it: "P12 million" (`PESO_P`)
    "r": "ZAR",  # the rand's, as South African pages write it: "R4,5 million" (`RAND_R`)
    # the Egyptian pound's sign and abbreviation (livre égyptienne): "E£4.5 million", "LE 4.5
    # million", "L.E. 900,000"
    "e£": "EGP", "le": "EGP", "l.e.": "EGP",
    "₪": "ILS", "nis": "ILS",  # the new shekel's sign and abbreviation: "₪6 million", "NIS 6"
}
# Country prefixes written before "$" or "¥" ("CA$6.5 million", "NZ$2 million", "CN¥1 billion"):
# the longest one before the sign names the currency.
_PREFIXED = {
    "$": {
        "us": "USD", "ca": "CAD", "can": "CAD", "c": "CAD", "a": "AUD", "au": "AUD",
        "aus": "AUD", "nz": "NZD", "hk": "HKD", "r": "BRL", "mx": "MXN", "mex": "MXN",
        "s": "SGD", "sg": "SGD", "nt": "TWD", "ar": "ARS",
    },
    "¥": {"cn": "CNY", "rmb": "CNY", "jp": "JPY"},
}
_PREFIX = "|".join(
    rf"(?:{'|'.join(sorted(p, key=len, reverse=True))}){re.escape(sign)}"
    for sign, p in _PREFIXED.items()
)
# ISO 4217 codes pages write before an amount (IMDb's "FRF77,000,000", "DEM 4,500,000").
_CODES = (
    "USD|GBP|EUR|FRF|DEM|ITL|ESP|JPY|CAD|AUD|SEK|DKK|NOK|CHF|INR|BEF|NLG|ATS|IEP|HKD|CNY|KRW"
    "|RUR|RUB|BRL|MXN|NZD|FIM|PTE|SGD|TWD|RMB|TRY|TRL|PLN|THB|NGN|PHP|IDR|ZAR|ARS|CLP|COP|ILS"
    "|EGP|CZK|HUF|IRR|AED|SAR|KWD|QAR|BHD|OMR|JOD|LBP|MAD|TND|PKR|BDT|NPR|LKR"
)
_SCALE = {
    "": 1,
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
    # Indonesian scale words, which Indonesian pages keep beside "Rp": "Rp 500 juta", "Rp 4
    # miliar" (also spelt "milyar")
    "juta": 10**6,
    "miliar": 10**9,
    "milyar": 10**9,
    # Spanish, which Latin American figures keep beside "$": "$9 millones"
    "millones": 10**6,
    "millón": 10**6,
}
# Thousands grouped by threes, or the Indian way: lakhs and crores by twos ("4,50,00,000").
# A comma before one or two digits and a scale word is a decimal comma, as Indonesian and
# continental pages write it ("Rp 12,5 miliar"), never a thousands separator.
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s*(?:thousand|million|billion|juta|mil[iy]ar)\b)"
# Thousands grouped by dots, as Indonesian and continental pages write them ("Rp
# 12.500.000.000"): two groups at least, where one ("12.500") may be a decimal point's.
_DOTTED = r"\d{1,3}(?:\.\d{3}){2,}(?![.,]?\d)"
_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    rf"|{_DECIMAL_COMMA}|{_DOTTED}|\d+(?:\.\d+)?"
)
# "Rs" (the rupee) and "Rp" (the rupiah) as words of their own ("Rs. 45 crore", "Rp12.5
# billion"), not a word's last letters.
RUPEE_ABBREVIATION = r"(?<![^\W\d_])R[sp]\.?(?![^\W\d_]) ?"
# "P12 million", "P1,500,000": Philippine pages write the peso as a bare capital P glued to the
# figure; read only before a scale word or grouped thousands, where no other "P" stands.
PESO_P = (
    r"(?<![^\W\d_])(?-i:P)(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?\s?(?i:million|billion)\b)"
)
# "R4,5 million", "R1,500,000", "R850 000", "R4.5m": South African pages write the rand as a bare
# capital R glued to the figure (the real is "R$"), decimals often after a comma, thousands
# parted by commas or spaces; read, as `PESO_P`, only before a scale word or grouped thousands.
RAND_R = (
    r"(?<![^\W\d_])(?-i:R)(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?:[ \u00a0]\d{3})+(?!\d)"
    r"|(?:\d{1,3},\d{1,2}|\d+(?:\.\d+)?)\s?(?i:million|billion|m|bn)\b)"
)
# "RM 750,000": the Reichsmark or the ringgit, by the film's country (`rm_of`)
# "kr 2 750 000": the krona or krone before the amount, by the film's country (`krona`)
_CUR = (
    rf"(?:{_PREFIX}|(?<![^\W\d_])(?:E£|(?-i:LE|L\.E\.) ?)|[{SIGNS}]|ℛℳ ?"
    rf"|(?<![^\W\d_])(?:RM|TL|DM|ZŁ|NIS)(?![A-Za-z]) ?"
    rf"|(?<![^\W\d_])(?:{_CODES})(?![A-Za-z]) ?"  # a code is a word: no "ILS 2" in "Sails 2"
    rf"|{RUPEE_ABBREVIATION}|{PESO_P}|{RAND_R}|(?<![^\W\d_])kr\.?(?![A-Za-z]) ?)"
)
# The words that state an amount as a lower bound ("grossed over $1 billion"): extraction keeps
# them in the evidence, and reconciliation reads such a figure as met by any larger one.
LOWER_BOUND = "over|more than|in excess of|at least|upwards of"
# Thousands parted by spaces, as Nordic pages write them after a currency ("kr 4 500 000").
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+"
_SC = r"(?:millones|millón|million|billion|thousand|lakhs?|crores?|juta|mil[iy]ar|mn|bn|[mkb])\b"
# A currency written after the amount, as Nordic pages write it ("410 000 kr", "2.5 million
# SEK"), thousands split by spaces or commas. "kr" alone is the krona or krone of the film's
# country (`krona`).
TRAILING_CURRENCIES = (
    "kr", "kronor", "kroner", "mkr", "sek", "dkk", "nok", "isk", "lire", "lira",  # "18 Mkr"
    "yen", "euros", "euro", "yuan", "rupees",  # "2.6 billion yen", "45 million euros"
    "reichsmarks", "reichsmark", "ℛℳ",  # "5 million Reichsmarks", "5 million ℛℳ"
    "won",  # "3.1 billion won": only after a scale word or grouped thousands (`_WON`)
    "tl", "try",  # the Turkish lira: "12 million TL", "12 million TRY"
    "turkish liras", "turkish lira",  # named, where "lira" alone is the Italian
    "roubles", "rubles", "zlotys", "zloty", "złotys", "złoty", "baht", "naira",
    "brazilian reais", "reais",  # the Brazilian real's plural ("12 million reais")
    "south african rand", "rand", "zar",  # "7.5 million rand", "7.5 million ZAR"
    "deutschmarks", "deutsche marks", "deutsche mark", "dm",  # "4.8 million DM"
    "swiss francs", "austrian schillings", "schillings",  # "1.2 million Swiss francs"
    "iranian rials", "rials", "rial",  # the Iranian rial: "8.2 billion rials"
    # the new shekel by name or abbreviation: "9.1 million (new) shekels", "9.1 million NIS"
    "israeli new shekels", "new israeli shekels", "new shekels", "shekels", "shekel", "nis",
    # France's franc before and after its revaluation of 1960 (100 old francs to 1 new franc):
    # "3 million old francs", "30,000 NF" / "new francs"
    "old francs", "new francs", "nf",
    "new taiwan dollars", "hong kong dollars",  # dollars named: "22 million New Taiwan dollars"
    *(f"{n} pesos" for n in ("argentine", "mexican", "chilean", "colombian", "uruguayan")),
    "pesos",  # the peso of the film's country (`peso_of`): "8 million pesos"
)
_TRAILING_NAMES = {  # a currency's name written after the amount
    "LIRE": "ITL", "LIRA": "ITL", "YEN": "JPY", "EUROS": "EUR", "EURO": "EUR", "YUAN": "CNY",
    "RUPEES": "INR", "REICHSMARKS": "RM", "REICHSMARK": "RM", "ℛℳ": "RM", "WON": "KRW",
    "TL": "TRY", "TURKISH LIRA": "TRY", "TURKISH LIRAS": "TRY",
    "ROUBLES": "RUB", "RUBLES": "RUB",
    "ZLOTYS": "PLN", "ZLOTY": "PLN", "ZŁOTYS": "PLN", "ZŁOTY": "PLN",
    "BAHT": "THB", "NAIRA": "NGN", "REAIS": "BRL", "BRAZILIAN REAIS": "BRL",
    "RAND": "ZAR", "SOUTH AFRICAN RAND": "ZAR",
    "DEUTSCHMARKS": "DEM", "DEUTSCHE MARKS": "DEM", "DEUTSCHE MARK": "DEM", "DM": "DEM",
    "SWISS FRANCS": "CHF", "AUSTRIAN SCHILLINGS": "ATS", "SCHILLINGS": "ATS",
    "IRANIAN RIALS": "IRR", "RIALS": "IRR", "RIAL": "IRR",
    "ISRAELI NEW SHEKELS": "ILS", "NEW ISRAELI SHEKELS": "ILS", "NEW SHEKELS": "ILS",
    "SHEKELS": "ILS", "SHEKEL": "ILS", "NIS": "ILS",
    # The old franc has no ISO 4217 code: its French abbreviation (anciens francs) stands for
    # it, as "RM" does for the Reichsmark; the new franc is FRF.
    "OLD FRANCS": "AF", "NEW FRANCS": "FRF", "NF": "FRF",
    "NEW TAIWAN DOLLARS": "TWD", "HONG KONG DOLLARS": "HKD",
    "ARGENTINE PESOS": "ARS", "MEXICAN PESOS": "MXN", "CHILEAN PESOS": "CLP",
    "COLOMBIAN PESOS": "COP", "URUGUAYAN PESOS": "UYU",
}
# "won" is a verb too ("in 2004 won the prize"): the won is read after a scale word ("90
# million won") or thousands grouped ("1,500,000,000 won"), never after a bare number.
_WON = r"(?:(?<=illion\s)|(?<=ousand\s)|(?<=\d,\d{3}\s))won"
_AFTER = (
    r"(?:kr\.?|" + "|".join(c for c in TRAILING_CURRENCIES[1:] if c != "won") + rf"|{_WON})(?!\w)"
)
_PESO_NAMES = "argentine|mexican|chilean|colombian|uruguayan"
# "in Argentine pesos", or as Spanish writes it after the word, "pesos argentinos"
_PESO_SPANISH = {"argentinos": "argentine", "mexicanos": "mexican", "chilenos": "chilean",
                 "colombianos": "colombian", "uruguayos": "uruguayan"}
_PESOS_NOTE = re.compile(
    rf"(?:in\s+)?(?:(?P<peso>{_PESO_NAMES})\s+)?pesos"
    rf"(?:\s+(?P<es>{'|'.join(_PESO_SPANISH)}))?",
    re.I,
)
_MONEY = re.compile(
    rf"(?:(?P<cur>{_CUR})\s*(?P<low>{_SPACED}|{_NUM})"
    rf"(?:\s*(?P<lowscale>{_SC}))?"
    rf"(?:\s*(?:[-–—]|to)\s*(?:{_CUR})?\s*(?P<high>{_NUM}))?"
    rf"(?:\s*(?P<scale>{_SC}))?"
    # "$9 millones in Chilean pesos": Latin American pages write the peso with "$" too
    rf"(?P<pesos>\s+{_PESOS_NOTE.pattern}\b)?"
    rf"|(?P<tlow>\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+|{_NUM})(?:\s*(?P<tscale>{_SC}))?"
    rf"\s*(?P<tcur>{_AFTER}))"
    r"(?:\s*\((?P<note>[^)]{1,40})\))?"
    r"(?:\s*\((?P<when>[^)]{1,40})\))?",  # IMDb: "(USA) (19 July 1996)"
    re.I,
)
# The krona / krone an amount in "kr" is in, by the film's country.
_KRONA = {"sweden": "SEK", "swedish": "SEK", "denmark": "DKK", "danish": "DKK",
          "norway": "NOK", "norwegian": "NOK", "iceland": "ISK", "icelandic": "ISK"}


# What "RM" before an amount is, by the film's country: the Reichsmark of a German or
# Austrian film of 1924-1948, the ringgit of a Malaysian one.
_RM = {"germany": "RM", "german": "RM", "austria": "RM", "austrian": "RM",
       "malaysia": "MYR", "malaysian": "MYR"}


def rm_of(countries: list[str]) -> str | None:
    """The currency an amount in "RM" is in, by the first of the film's `countries` that
    says (as `krona_of` reads "kr"), else unknown."""
    return next((_RM[k] for c in countries if (k := c.strip().lower()) in _RM), None)


# What "¥" alone is, by the film's country: the yuan of a Chinese film (Chinese pages and the
# trade press write the renminbi with the yen's sign), else the yen.
_YUAN = {"china": "CNY", "chinese": "CNY", "people's republic of china": "CNY"}


def yen_of(countries: list[str]) -> str | None:
    """The currency "¥" alone is in, by the first of the film's `countries` that says (as
    `krona_of` reads "kr"), else None: the yen."""
    return next((_YUAN[k] for c in countries if (k := c.strip().lower()) in _YUAN), None)


# What "lira" after an amount is, by the film's country: the Turkish lira of a Turkish film,
# else the Italian ("lire", the Italian plural, always is).
_LIRA = {"turkey": "TRY", "turkish": "TRY"}


def lira_of(countries: list[str]) -> str | None:
    """The currency "lira" after an amount is in, by the first of the film's `countries` that
    says (as `krona_of` reads "kr"), else None: the Italian lira."""
    return next((_LIRA[k] for c in countries if (k := c.strip().lower()) in _LIRA), None)


# What "pesos" is, by the film's country.
_PESO = {"argentina": "ARS", "argentine": "ARS", "argentinian": "ARS", "mexico": "MXN",
         "mexican": "MXN", "chile": "CLP", "chilean": "CLP", "colombia": "COP",
         "colombian": "COP", "uruguay": "UYU", "uruguayan": "UYU"}


def peso_of(countries: list[str]) -> str | None:
    """The currency "pesos" is in, by the first of the film's `countries` that says (as
    `krona_of` reads "kr"), else unknown."""
    return next((_PESO[k] for c in countries if (k := c.strip().lower()) in _PESO), None)


def marks(countries: list[str]) -> dict[str, str | None]:
    """What the film's `countries` make of the marks several currencies share ("kr", "RM",
    "¥", "lira", "pesos"): `parse_money`'s keyword arguments."""
    return {
        "krona": krona_of(countries),
        "rm": rm_of(countries),
        "yen": yen_of(countries),
        "lira": lira_of(countries),
        "peso": peso_of(countries),
    }


def krona_of(countries: list[str]) -> str | None:
    """The currency an amount in "kr" is in: the krona or krone of the first Nordic country
    among the film's `countries` (as a page names them), else unknown."""
    return next((_KRONA[k] for c in countries if (k := c.strip().lower()) in _KRONA), None)
MONEY_IN_TEXT = re.compile(_MONEY.pattern, re.I)
# Parentheses after a figure that say something other than its scope or estimate: a date, or
# another figure (the amount converted: "¥3.87 billion (US$17.6 million)").
_DATED = re.compile(r"\d|\b(?:as of|through|until|weekend)\b", re.I)
# A distributor's rentals (its share of what cinemas took, how an old film's takings are told):
# "$2.3 million (rentals)", "$4M in domestic rentals"; and what the film's discs took ("$2.8
# million in DVD sales", "home video revenue of $9M"). No box-office gross.
RENTALS = re.compile(
    r"\brentals?\b|\b(?:DVD|Blu-?ray|VHS|video|home[- ]video|home[- ]media|disc)s? "
    r"(?:sales|revenues?|earnings)\b",
    re.I,
)


@dataclass(frozen=True)
class Money:
    low: int
    high: int
    currency: str
    note: str | None  # what the parentheses said: "estimated", "USA", "worldwide" ...

    @property
    def estimated(self) -> bool:
        return bool(self.note and self.note.strip().lower() in {"estimated", "est.", "est"})

    @property
    def scope(self) -> str | None:
        """The territory a gross is for, when the parentheses name one."""
        if not self.note or self.estimated or _DATED.search(self.note):
            return None
        note = self.note.strip().lower()
        if note in {"worldwide", "world", "global", "international", "total"}:
            return "worldwide"
        if note in {"domestic", "north america", "us & canada", "us and canada"}:
            return "usa"
        return canonical_country(note)


def currency_of(symbol: str) -> str:
    s = symbol.strip().lower()
    if len(s) > 1 and s[-1] in _PREFIXED:
        return _PREFIXED[s[-1]][s[:-1]]
    return _SYMBOLS.get(s) or s.upper()


def _amount(num: str, scale: str | None) -> int | float | None:
    """Whole units, but the cents a price states without a scale ("$12.34")."""
    if re.fullmatch(r"\d{1,3},\d{1,2}", num):  # `_DECIMAL_COMMA`'s: "12,5" is 12.5
        digits = num.replace(",", ".")
    elif re.fullmatch(_DOTTED, num):  # "12.500.000.000"
        digits = num.replace(".", "")
    else:
        digits = re.sub(r"[,\s]", "", num)
    return whole_or_cents(float(digits) * _SCALE[(scale or "").lower()], bool(scale))


_LARGEST = 2**53  # past it no amount is exact (nor a JSON integer)


def whole_or_cents(value: float, scaled: bool = False) -> int | float | None:
    """An integer when the amount is whole (or scaled: "$1.25M" is 1,250,000), else to the
    cent: one JSON form for 12 and 12.0, and 12.34 kept; None past `_LARGEST` (a figure of
    400 digits overflows to infinity)."""
    if not abs(value) <= _LARGEST:
        return None
    whole = round(value)
    return whole if scaled or abs(value - whole) < 0.005 else round(value, 2)


# A table cell's amount with its currency after it ("12,50 €", "12.5 EUR", "1 234 567 $").
_CELL_AFTER = re.compile(
    rf"(?P<num>\d[\d.,]*)\s*(?P<scale>{_SC})?\s*(?P<cur>[{SIGNS}]|(?:{_CODES})(?![A-Za-z]))",
    re.I,
)
_SPACE_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")
# Scale words as quote tables shorten them ("$1.2 bil", "12.35 mln")
_SHORT_SCALE = re.compile(r"(?<=\d)\s*\b(?:(mil|mln)|(bil|bln))\b\.?", re.I)


def _scale_word(m: re.Match) -> str:
    return " million" if m[1] else " billion"


def parse_cell_money(text: str, comma: bool = False) -> Money | None:
    """An amount as tables write it: as pages do, or with the currency after the figure and
    thousands parted by spaces, or a scale shortened ("$1.2 bil"); `comma`: the column writes
    decimal commas ("1.234,56 €")."""
    s = _SPACE_GROUP.sub("", " ".join(text.split()))
    if _SHORT_SCALE.search(s):
        text = s = _SHORT_SCALE.sub(_scale_word, s)
    if comma:
        s = point_decimal_text(s)
    elif (m := parse_money(text)) is not None:
        return m
    after = _CELL_AFTER.fullmatch(s)
    if after:
        scale = f" {after['scale']}" if after["scale"] else ""
        s = f"{after['cur']} {after['num']}{scale}"
    return parse_money(s)


def parse_money(
    text: str,
    krona: str | None = None,
    rm: str | None = None,
    yen: str | None = None,
    lira: str | None = None,
    peso: str | None = None,
) -> Money | None:
    """The amount `text` states; `krona`, the currency an amount in "kr" is in (the film's
    country's), else such an amount is none; `rm` likewise for "RM" (`rm_of`) and "pesos"
    (`peso_of`); `yen`, the currency "¥" alone is in (`yen_of`), else the yen; `lira`, the
    currency "lira" after an amount is in (`lira_of`), else the Italian lira (`marks` gives
    all five)."""
    m = _MONEY.fullmatch(" ".join(text.split()))
    if not m:
        return None
    if m["tcur"]:
        code = m["tcur"].rstrip(".").upper()
        currency = krona if code in ("KR", "KRONOR", "KRONER", "MKR") else code
        currency = peso if code == "PESOS" else _TRAILING_NAMES.get(code, currency)
        if code == "LIRA" and lira:
            currency = lira
        if currency is None:
            return None
        low = _amount(m["tlow"], m["tscale"] or ("m" if code == "MKR" else None))
        return Money(low, low, currency, m["note"]) if low is not None else None
    scale = m["scale"] or m["lowscale"]
    low = _amount(m["low"], m["lowscale"] or scale)
    high = _amount(m["high"], scale) if m["high"] else low
    if low is None or high is None or high < low:
        return None
    currency = currency_of(m["cur"])
    if m["cur"].strip().lower().rstrip(".") == "kr":
        if krona is None:
            return None
        currency = krona
    if yen and m["cur"].strip() == "¥":
        currency = yen
    if m["cur"].strip().lower() == "rm":
        if rm is None:
            return None
        currency = rm
    # "$9 millones in Chilean pesos", "$4 million (pesos)": the sign is the peso's
    said = m["pesos"] or (m["note"] if m["note"] and _PESOS_NOTE.fullmatch(m["note"]) else None)
    if said and m["cur"].strip() == "$":
        named = _PESOS_NOTE.fullmatch(said.strip())
        country = named["peso"] or _PESO_SPANISH.get((named["es"] or "").lower())
        currency = _TRAILING_NAMES[f"{country.upper()} PESOS"] if country else peso
        if currency is None:
            return None
        note = None if said == m["note"] else m["note"]
        return Money(low, high, currency, note)
    return Money(low, high, currency, m["note"])
