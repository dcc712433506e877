"""Typed comparison columns for every claim, computed once, vectorized per value kind.

Each claim gets a `key` (equal keys mean the same value: names folded, aliases applied), the
numbers its kind compares (`num`, `low`, `high`: each kind's `typed`, auditor.kinds), the
`slot` its qualifier puts it in, and the `weight` its vote carries (source trust, editorial
over user).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from auditor import kinds
from auditor.attributes import AttributeSpec
from auditor.claims import EDITORIAL
from auditor.extract.common import CREDITED_AS
from auditor.normalize.names import SPELT_OUT, fold
from auditor.normalize.places import COUNTRY_FOLDS
from auditor.normalize.titles import same_sequel

USER_WEIGHT = 0.25
# Reconciliation runs many small queries: the in-memory engine starts them faster than the
# streaming one that polars otherwise picks.
ENGINE = "in-memory"
_RELEASE_KINDS = ("limited", "wide", "premiere", "re-release", "streaming")


@dataclass(frozen=True)
class Settings:
    """What reconciliation is told by the configuration."""

    specs: dict[str, AttributeSpec]
    aliases: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # attribute: folded alt -> canonical
    trust: dict[str, float] = field(default_factory=dict)  # source -> prior weight
    user_weight: float = USER_WEIGHT
    severity: dict[str, str] = field(default_factory=dict)  # "code" or "code:attribute" -> severity
    captured: dict[str, str] = field(default_factory=dict)  # document -> capture date
    learn: bool = True  # resolve by learned source reliability (auditor.truth), else by vote

    @classmethod
    def from_config(cls, specs: dict[str, AttributeSpec], table: dict) -> Settings:
        aliases: dict[str, dict[str, str]] = {}
        for attribute, groups in (table.get("aliases") or {}).items():
            mapping = aliases.setdefault(attribute, {})
            spec = specs.get(attribute)
            for canonical, alternates in groups.items():
                names = [canonical, *alternates]
                textual = spec is not None and spec.kind in _TEXTUAL
                keys = _keys(spec.kind, names) if textual else [fold(n) for n in names]
                for key in keys:
                    mapping[key] = keys[0]
        return cls(
            specs=specs,
            aliases=aliases,
            trust={k: float(v) for k, v in (table.get("trust") or {}).items()},
            user_weight=float(table.get("user_weight", USER_WEIGHT)),
            severity={str(k): str(v) for k, v in (table.get("severity") or {}).items()},
            learn=table.get("resolution", "learned") == "learned",
        )


def trust_of(settings: Settings) -> pl.Expr:
    """Each claim's source's configured trust (1.0 for a source the configuration omits)."""
    return pl.col("source").replace_strict(settings.trust, default=1.0, return_dtype=pl.Float64)


def prepare(claims: pl.DataFrame, settings: Settings) -> pl.DataFrame:
    """The claims with idx, kind (and compares), key (and its code kc), num, low, high, slot,
    country, weight columns, and the decoded `name` (and `name2`, a cast entry's character,
    with key2 and k2c) that explanations show; and the integer codes (`_coded`) src, vc, ec,
    ac, sc and item that group-bys and joins take instead of the strings.

    Each distinct value of an attribute is typed once (sources repeat each other's values),
    each distinct qualifier split once, and the site rule touches site claims only."""
    specs = settings.specs
    frame = claims.with_row_index("idx").with_columns(
        pl.col("attribute")
        .replace_strict({n: s.kind for n, s in specs.items()}, default="text")
        .alias("kind"),
        pl.col("attribute")
        .replace_strict({n: s.qualifier for n, s in specs.items()}, default="slot")
        .alias("qrole"),
    )
    values = frame.select("attribute", "kind", "value").unique().lazy()
    owned = sorted({s.kind for s in specs.values()} | {"text"})
    typed = pl.concat(
        [_typed(values.filter(pl.col("kind") == kind), kind) for kind in owned],
        how="diagonal_relaxed",
    )
    typed = typed.select(
        "attribute",
        "value",
        *(
            pl.col(c) if c in typed.collect_schema() else pl.lit(None, t).alias(c)
            for c, t in _TYPED
        ),
    )
    people = [n for n, s in specs.items() if s.kind in ("people", "cast")]  # a cast: its actor
    named = {n: s.kind for n, s in specs.items() if s.kind in ("people", "cast", "character")}
    # a title or a place ("Der Baecker", "Koetzting") is spelt out in ASCII as a name is
    spelt = named | {n: s.kind for n, s in specs.items() if s.kind == "text"}
    typed = _spelt_out(_apply_aliases(typed, settings.aliases), spelt)
    # romanised first: a name written the other way round and romanised otherwise is one name
    films = scripts(frame.lazy()).collect(engine=ENGINE).lazy()  # read by both steps below
    typed = _either_order(_romanised(typed, named, frame.lazy(), films), people)
    typed = _codes(typed.collect(engine=ENGINE))
    # every claim's (attribute, value) is a row of `typed`: its few distinct ones are coded
    # there, and the join hands each claim its codes
    typed = typed.with_columns(
        vc=value_code(typed.get_column("value")), ac=code(typed.get_column("attribute"))
    ).lazy()
    qualifiers = frame.lazy().select("qrole", "qualifier").unique().with_columns(*_slots())
    trust = trust_of(settings)
    # a name on a Russian or Japanese film takes its folded key (`_romanised`), others their own
    script = pl.when(pl.col("attribute").is_in(list(named))).then(
        pl.col("_script").fill_null("")
    )
    frame = (
        frame.lazy()
        .join(
            films.rename({"script": "_script"}),
            on="entity",
            how="left",
            maintain_order="left",
        )
        .with_columns(script=script.otherwise(pl.lit("")))
        .drop("_script")
        .join(
            typed,
            on=["attribute", "value", "script"],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .drop("script")
        .join(
            qualifiers,
            on=["qrole", "qualifier"],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .with_columns(
            (
                trust
                * pl.when(pl.col("origin") == EDITORIAL).then(1.0).otherwise(settings.user_weight)
            ).alias("weight"),
        )
    )
    # made once here: the two steps below look at a few of its rows, which would otherwise
    # make the joins above again for each look
    frame = _known_as_titles(
        _second_surnames(_credited_as(frame.collect(engine=ENGINE).lazy()), people)
    )
    # Comparators take their kinds' claims by `kind`, and judge them by `compares`: the kind
    # whose comparison a kind shares (its values are typed by its own, above).
    frame = frame.with_columns(
        compares=pl.col("kind").replace_strict({k: kinds.get(k).compares for k in owned})
    )
    return _coded(_site_slots(frame).sort("idx").collect(engine=ENGINE))


def code(column: pl.Series) -> pl.Series:
    """Integers that sort as the column's strings do (equal strings, equal codes; null stays
    null): group-bys, joins and sorts on them cost a fraction of the strings'."""
    return column.cast(pl.Enum(column.unique().drop_nulls().sort())).to_physical().cast(pl.UInt32)


def value_order(column: pl.Series) -> pl.Series:
    """A column's distinct values in the order their codes (`value_code`) take: as strings
    sort, but a form with capitals before an all-lower-case one, then one with its accents
    before one folded to ASCII, then one in mixed case before one in capitals alone, so that a
    tie between forms of one value ("Jørn", "Jorn", "jørn", "JØRN"), settled by the smallest
    code, goes to the form that says most (as names.best_cased ranks them)."""
    v = pl.col("value")
    return (
        column.unique().drop_nulls().to_frame("value")
        .sort(
            v == v.str.to_lowercase(),
            ~v.str.contains(r"[^\x00-\x7F]"),
            v == v.str.to_uppercase(),
            v,
        )
        .get_column("value")
    )


def value_code(column: pl.Series) -> pl.Series:
    """`code` of a value column in `value_order`."""
    return column.cast(pl.Enum(value_order(column))).to_physical().cast(pl.UInt32)


def named(frame: pl.DataFrame, column: str) -> pl.Series:
    """The strings `code` numbered in `column`, by code: `named(...).gather(codes)` names them."""
    return frame.get_column(column).unique().drop_nulls().sort()


def _coded(frame: pl.DataFrame) -> pl.DataFrame:
    """`src` (the source), `vc` (the value), `ec` (the entity), `ac` (the attribute), `sc`
    (the slot) and `item` ((entity, attribute, slot), in that order) as codes (`code`): made
    once here, read by every later step (a group-by on two names costs twice one on their
    codes)."""
    parts = [
        code(frame.get_column("entity")),
        frame.get_column("ac"),  # (and vc: made on the distinct values, `prepare`)
        code(frame.get_column("slot")),
    ]
    item = parts[0].cast(pl.UInt64)
    for part in parts[1:]:
        item = item * (int(part.max() or 0) + 1) + part.cast(pl.UInt64)
    codes = ("src", "vc", "sc", "item", "ec", "ac")
    return frame.with_columns(
        src=code(frame.get_column("source")),
        ec=parts[0],
        sc=parts[2],
        item=item.rank("dense").cast(pl.UInt32),
    ).select(pl.exclude(codes), *codes)


def _codes(typed: pl.DataFrame) -> pl.DataFrame:
    """`kc` and `k2c`: key and key2 as integers that sort as the strings do, one numbering for
    both (a cast entry's character votes with character names). Votes group and break ties
    on these; integers hash and compare faster than names."""
    keys = (
        pl.concat([typed.select(k="key"), typed.select(k="key2")])
        .drop_nulls()
        .unique()
        .sort("k")
        .with_row_index("code")
    )
    return typed.join(keys.rename({"k": "key", "code": "kc"}), on="key", how="left").join(
        keys.rename({"k": "key2", "code": "k2c"}), on="key2", how="left"
    )


# The typed columns and their types, whichever kinds the claims hold.
_TYPED = (
    ("key", pl.String),
    ("num", pl.Float64),
    ("low", pl.Float64),
    ("high", pl.Float64),
    ("key2", pl.String),
    ("name", pl.String),
    ("name2", pl.String),
)


def _typed(frame: pl.LazyFrame, kind: str) -> pl.LazyFrame:
    """The typed columns of one kind's distinct values (auditor.kinds: each kind's `typed`)."""
    return kinds.get(kind).typed(frame, pl.col("value"))


_TEXTUAL = ("names", "people", "character", "text", "exact", "code")  # kinds whose values are texts


def _keys(kind: str, names: list[str]) -> list[str]:
    """The keys a kind gives these texts, as claims stating them get theirs: an alias matches
    whatever the kind's key ignores (case, dots, the order of a surname first)."""
    values = pl.LazyFrame({"value": [kinds.dump(n) for n in names]})
    typed = kinds.get(kind).typed(values, pl.col("value"))
    return typed.select("key").collect().get_column("key").to_list()


def _either_order(typed: pl.LazyFrame, people: list[str]) -> pl.LazyFrame:
    """A person's name that another value of the attribute writes the other way round ("Ota
    Kenji" and "Kenji Ota": a family name first on one site) or with a word's hyphen left out
    ("Kar-wai Wong", "Wong Karwai": a given name romanised as one word or two joined) is that
    name: all take the smallest of their keys. A name no one writes otherwise keeps its key."""
    key = pl.col("key")
    loose = key.str.replace_all(r"(\w)-", "${1}")
    swapped = turned(loose)
    mine = typed.filter(pl.col("attribute").is_in(people)).select("attribute", "key").unique()
    pairs = (
        mine.with_columns(person=pl.min_horizontal(loose, pl.coalesce(swapped, loose)))
        .with_columns(canonical=key.min().over("attribute", "person"))
        .filter(pl.col("canonical") != key)
        .select("attribute", "key", "canonical")
    )
    return (
        typed.join(pairs, on=["attribute", "key"], how="left", nulls_equal=False)
        .with_columns(key=pl.coalesce("canonical", "key"))
        .drop("canonical")
    )


def _spelt_out(typed: pl.LazyFrame, named: dict[str, str]) -> pl.LazyFrame:
    """A name (a person's, a character's, a title, a place) holding a letter that a page in
    ASCII spells out as two ("Jens Østby Håland": "Jens Oestby Haaland"; "Müller": "Mueller")
    is that name however it is written: a form that spells it out ("jens oestby haaland")
    takes the name's key ("jens ostby haland"). The links are made from the few distinct names
    that hold such a letter, each typed again spelt out by its kind (`named`: the attributes'
    kinds), where some claim writes that form; a name no one spells out keeps its key."""
    letters = list(SPELT_OUT)
    parts = []
    for kind in sorted(set(named.values())):
        rows = typed.filter(
            pl.col("attribute").is_in([a for a, k in named.items() if k == kind])
            & pl.col("value").str.contains("[" + "".join(letters) + "]")
        ).select(
            "attribute",
            _k="key",
            _k2="key2",
            value=pl.col("value").str.replace_many(letters, list(SPELT_OUT.values())),
        )
        spelt = kinds.get(kind).typed(rows, pl.col("value"))
        parts.append(spelt.select(a="_k", b="key"))
        if "key2" in spelt.collect_schema():  # a cast entry's character
            parts.append(spelt.select(a="_k2", b="key2"))
    scope = pl.col("attribute").is_in(list(named))
    written = pl.concat(
        [typed.filter(scope).select(b=c) for c in ("key", "key2")]
    ).drop_nulls()
    edges = (
        pl.concat(parts)
        .drop_nulls()
        .filter(pl.col("a") != pl.col("b"))
        .join(written, on="b", how="semi")  # a form some claim writes
        .unique()
        .sort("a", "b")
        .collect(engine=ENGINE)
    )
    if edges.is_empty():
        return typed
    # the forms with the letters keep their keys: a name with a letter spelt out takes one
    first = set(edges.get_column("a"))
    rank = lambda k: (k not in first, k)  # noqa: E731
    root: dict[str, str] = {}

    def find(k: str) -> str:
        while root.get(k, k) != k:
            k = root[k]
        return k

    for a, b in edges.iter_rows():
        ra, rb = sorted((find(a), find(b)), key=rank)
        if ra != rb:
            root[rb] = ra
    mapping = {k: find(k) for k in root}
    return typed.with_columns(
        pl.when(scope).then(pl.col(c).replace(mapping)).otherwise(pl.col(c)).alias(c)
        for c in ("key", "key2")
    )


# Romanisations of one Cyrillic spelling, per word of a folded name: "-iy", "-y", "-i" (ий, ей:
# "Dmitriy", "Dmitry", "Dmitri"; "Sergei", "Sergey"), "ye" / "e" (е: "Yekaterina",
# "Ekaterina"), "iya" / "ia" / "ya" (ия, ья: "Mariya", "Mariia"), "yu" / "iu" (ю), "x" / "ks".
_ROMANISED = (
    (r"x", "ks"),
    (r"\bye|([aeiou])ye", "${1}e"),
    (r"i?ya\b|ia\b", "ya"),
    (r"iu", "yu"),
    (r"(?:iy|ij|yi|ii|i)\b", "y"),
)
# A film whose country claims name Russia or the Soviet Union, in any form (a language claim
# does not: an English-language film with Russian dialogue lists "russian" too).
_RUSSIAN = r"(?i)russia|soviet|ussr"
# Hepburn's long vowels as sites write them once folded, per word: a macron or circumflex
# (folded to "o", "u" already), doubled ("Yuusaku"), "ou" ("Koutarou") or "oh" before a
# syllable's consonant or at the word's end ("Ohno", "Kohno", "Satoh"), in a word written with
# Japanese syllables alone (not a dub actor's "Proudfot" for "Proudfoot"); and a syllabic n
# with or without its apostrophe ("Jun'ya", "Junya") or written "m" before b, p and m
# ("Jumpei", "Junpei"; "Homma", "Honma").
_SYLLABLES = r"^(?:(?:sh|ch|ts|[bcdfghjkmnprstwyz]y?)?[aeiou]+h?|n|m|[kstpc])+$"
_HEPBURN = (
    (r"m([bpm])", "n${1}"),
    (r"oh(sh|ch|ts|[bdfgjkmnprstwz]y?[aeiou])", "o${1}"),
    (r"oh\b", "o"),
    (r"ou|oo", "o"),
    (r"uu", "u"),
)
_JAPANESE = r"(?i)japan"
# Persian romanisations as sites write them once folded, per word: "ed" for the "ad" of an
# Arabic-born name ("Ahmed", "Ahmad"), "gh" / "q" (ق and غ: "Sadeghi", "Sadeqi"), "ou" / "oo" /
# "u" / "o" ("Kourosh", "Kurosh"; "Hosein", "Husein"), "ei" / "ey" / "ee" / "i" ("Soleimani",
# "Soleymani"), "i" / "y" before a vowel ("Mariam", "Maryam"), a final "eh" / "e" ("Fereshteh",
# "Fereshte") and a letter written doubled or not ("Farrokh", "Farokh"); a given name of two
# words is one word hyphenated or joined ("Ali-Akbar", "Ali Akbar", "Aliakbar"), so the words
# before the last are joined.
_PERSIAN = (
    (r"(mm|hm)ed", "${1}ad"),
    (r"gh", "q"),
    (r"ou|oo|u", "o"),
    (r"e[iy]|ee|ii", "i"),
    (r"i([aeo])", "y${1}"),
    (r"eh\b", "e"),
    *((c + c, c) for c in "bcdfgjklmnpqrstvz"),
)
_IRANIAN = r"(?i)\biran|persia"
# Indian names as sites romanise them once folded: a long vowel written doubled or single
# ("Poonam", "Punam"; "Deepak", "Dipak"; "Aamir", "Amir").
_INDIAN_NAMES = ((r"oo", "u"), (r"ee", "i"), (r"aa", "a"))
_INDIAN = r"(?i)\bindia"
# Hanyu pinyin's syllables, by initial the finals it takes. Taiwan's names are romanised in
# Wade-Giles ("Teng Shu-lan", its apostrophes and umlauts dropped as sites drop them) and
# written in pinyin by other sites ("Deng Shulan"): a pinyin syllable read in Wade-Giles
# ("deng" -> "teng", "lan" -> "lan") keys both alike.
_PINYIN = {
    "": "a ai an ang ao e ei en eng er o ou yi ya yao ye you yan yin yang ying yong yu yue yuan "
    "yun wu wa wo wai wei wan wen wang weng",
    "b": "a ai an ang ao ei en eng i ian iao ie in ing o u",
    "p": "a ai an ang ao ei en eng i ian iao ie in ing o ou u",
    "m": "a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u",
    "f": "a an ang ei en eng o ou u",
    "d": "a ai an ang ao e ei en eng i ia ian iao ie ing iu ong ou u uan ui un uo",
    "t": "a ai an ang ao e eng i ian iao ie ing ong ou u uan ui un uo",
    "n": "a ai an ang ao e ei en eng i ian iang iao ie in ing iu ong ou u uan uo",
    "l": "a ai an ang ao e ei eng i ia ian iang iao ie in ing iu o ong ou u uan un uo",
    "j": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "zh": "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
    "ch": "a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo",
    "sh": "a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo",
    "r": "an ang ao e en eng i ong ou u ua uan ui un uo",
    "z": "a ai an ang ao e ei en eng i ong ou u uan ui un uo",
}
_PINYIN["g"] = _PINYIN["k"] = _PINYIN["h"] = (
    "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo"
)
_PINYIN["q"] = _PINYIN["x"] = _PINYIN["j"]
_PINYIN["c"] = _PINYIN["s"] = _PINYIN["z"]
_ZERO = {"e": "o", "er": "erh", "yi": "i", "ye": "yeh", "you": "yu", "yan": "yen"}
_INITIALS = {"b": "p", "d": "t", "g": "k", "j": "ch", "q": "ch", "x": "hs", "zh": "ch",
             "r": "j", "z": "ts", "c": "ts"}
_FINALS = {"ie": "ieh", "ue": "ueh", "ian": "ien", "ong": "ung", "iong": "iung"}


def _wade_giles(initial: str, final: str) -> str:
    """A pinyin syllable in Wade-Giles as sites write it, without apostrophes or umlauts."""
    if not initial:  # "yue", "yong": a "y" before a final Wade-Giles writes otherwise
        tail = _FINALS.get(final[1:]) if final[0] == "y" else None
        return "y" + tail if tail else _ZERO.get(final, final)
    if final == "i" and initial in ("z", "c", "s"):
        return "ssu" if initial == "s" else "tzu"
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        final = "ih"
    elif final == "e" and initial in "gkh":
        final = "o"
    elif final == "uo" and initial not in ("g", "k", "h", "sh"):
        final = "o"
    elif final == "ui" and initial in "gk":
        final = "uei"
    return _INITIALS.get(initial, initial) + _FINALS.get(final, final)


_SYLLABLE_WG = {
    i + f: _wade_giles(i, f)
    for i, finals in _PINYIN.items()
    for f in finals.split()
}
_SYLLABLE_WG = dict(sorted(_SYLLABLE_WG.items(), key=lambda kv: (-len(kv[0]), kv[0])))
_ALL_PINYIN = "^(?:" + "|".join(_SYLLABLE_WG) + ")+$"
_TAIWANESE = r"(?i)taiwan"
# Arabic names as sites romanise them once folded: the article written "al-", "el-", "el " or
# joined ("Abd al-Karim El-Gendy", "Abdul Karim El-Gendy", "Abdulkarim Elgendy"), "Abd" with
# its article joined to the name it opens ("Abdul Wahab", "Abdul-Wahab", "Abd el-Wahab"),
# "Abou" / "Abu".
_ARABIC_NAMES = (
    (r"\babd(?:[aeu]l)?[- ]*(?:[aeu]l[- ]+)?", "abdul"),
    (r"\babou\b", "abu"),
    (r"\b[aeu]l[- ]+", "el"),
)
_ARAB = (
    r"(?i)egypt|leban|syria|jordan|iraq|saudi|emirat|\buae\b|kuwait|qatar|bahrain|\boman"
    r"|yemen|palestin|morocc|algeria|tunisia|libya|sudan"
)
# Thai names as sites romanise them once folded (the Royal Thai General System beside the
# spellings people choose for themselves): an aspirate's "h" written or not ("Phongsak",
# "Pongsak"), "j" / "ch" and "w" / "v" for one letter, the silent "r" of a final "-orn"
# ("Somporn", "Sompon"), the vowel "oe" written "er" or "ear" ("Poeng", "Perng"), "ee" / "i"
# and "oo" / "u", a final "l" spoken and often written "n" ("Kittikul", "Kittikun"), and a
# letter written doubled or not.
_THAI_NAMES = (
    (r"([ptk])h", "${1}"),
    (r"j", "ch"),
    (r"v", "w"),
    (r"orn\b", "on"),
    (r"(?:oe|ea?r)([^aeiouy]|$)", "oe${1}"),
    (r"ee", "i"),
    (r"oo", "u"),
    (r"l\b", "n"),
    *((c + c, c) for c in "bdfgkmnprstw"),
)
_THAI = r"(?i)thai"
# Hebrew names as sites romanise them once folded: tsadi written "tz", "ts" or "z" ("Tzadok",
# "Tsadok", "Zadok"), het and khaf "ch", "kh" or "h" ("Chaim", "Haim"), a yod before "i" that
# opens a name written or not ("Yigal", "Igal"), a final he after "a" written or not
# ("Devorah", "Devora"; after a vowel it may be another name, and stays), and a letter doubled
# or not.
_HEBREW_NAMES = (
    (r"t[sz]", "z"),
    (r"[ck]h", "h"),
    (r"\by(i)", "${1}"),
    (r"([^aeiou])ah\b", "${1}a"),
    *((c + c, c) for c in "bdfgklmnprstvz"),
)
_ISRAELI = r"(?i)israel"
# Each script by the countries whose names are romanised from it, tried in this order
_SCRIPT_COUNTRIES = (
    ("ru", _RUSSIAN),
    ("ja", _JAPANESE),
    ("fa", _IRANIAN),
    ("zh", _TAIWANESE),
    ("ar", _ARAB),
    ("th", _THAI),
    ("hi", _INDIAN),
    ("he", _ISRAELI),
)
# The scripts whose romanisations a list of replacements folds alone
_REPLACEMENTS = {
    "ru": _ROMANISED,
    "ar": _ARABIC_NAMES,
    "th": _THAI_NAMES,
    "hi": _INDIAN_NAMES,
    "he": _HEBREW_NAMES,
}


def _replaced(value: pl.Expr, replacements) -> pl.Expr:
    for pattern, to in replacements:
        value = value.str.replace_all(pattern, to)
    return value


def _romanised(
    typed: pl.LazyFrame, named: dict[str, str], frame: pl.LazyFrame, films: pl.LazyFrame
) -> pl.LazyFrame:
    """On a Russian or Soviet film's pages a name's romanisations are one name ("Sergei" and
    "Sergey", "Dmitry" and "Dmitriy", "Yekaterina" and "Ekaterina": the same Cyrillic letters
    written by different systems), as a name spelt out in ASCII is (`_spelt_out`): the names
    those films' claims write are keyed by one romanisation. So on a Japanese film's pages are
    a long vowel's spellings ("Yūsaku", "Yûsaku", "Yuusaku", "Yusaku"; "Ohno", "Ōno"), and on a
    Taiwanese film's a name in Wade-Giles and in pinyin ("Teng Shu-lan", "Deng Shulan"), on
    an Arab film's an Arabic name with its article and "Abd" written apart or joined, and on a
    Thai film's a name in the official system and as its bearer spells it, and on an Israeli
    film's a Hebrew name's spellings of one letter ("Tzadok", "Zadok"). Other
    films' names keep their keys, "Toni" and "Tony", "Koutarou" and "Kotaro" there being two
    spellings, even where such a film writes the same name: the folded keys are rows of their
    own, under the film's `script` ("ru", "ja", "fa", "zh", "ar", "th", "he"; "" for every other
    claim; `films`, as `scripts` finds them)."""
    written = (
        frame.filter(pl.col("attribute").is_in(list(named)))
        .join(films, on="entity")
        .select("attribute", "value", "script")
        .unique()
    )

    people = [a for a, k in named.items() if k in ("people", "cast")]
    word = pl.element().str.replace_all(r"n'([aeiouy])", "n${1}")
    hepburn = word
    for pattern, to in _HEPBURN:
        hepburn = hepburn.str.replace_all(pattern, to)
    hepburn = pl.when(word.str.contains(_SYLLABLES)).then(hepburn).otherwise(word)
    # a syllable of a Wade-Giles name stays ("chi" is ji or qi there, not pinyin's chi), a
    # word or hyphenated part that pinyin syllables spell is read in Wade-Giles: "Shulan"
    # and "Shu-lan" are "shulan"
    part = pl.element()
    wade_giles = (
        pl.when(part.is_in(list(set(_SYLLABLE_WG.values()))))
        .then(part)
        .when(part.str.contains(_ALL_PINYIN))
        .then(part.str.replace_many(_SYLLABLE_WG, leftmost=True))
        .otherwise(part)
    )
    syllables = pl.element().str.split("-").list.eval(wade_giles).list.join("")

    def romanised(c: str) -> pl.Expr:
        folds = {s: _replaced(pl.col(c), table) for s, table in _REPLACEMENTS.items()}
        folds["ja"] = pl.col(c).str.split(" ").list.eval(hepburn).list.join(" ")
        fa = _replaced(pl.col(c).str.replace_all("-", ""), _PERSIAN)
        if c == "key":  # a person's given names (a cast entry's actor), not a role's words
            words = fa.str.split(" ")
            given = words.list.head(words.list.len() - 1).list.join("")
            joined = pl.concat_str(given, pl.lit(" "), words.list.last())
            person = pl.col("attribute").is_in(people) & (words.list.len() > 2)
            fa = pl.when(person).then(joined).otherwise(fa)
        folds["fa"] = fa
        zh = pl.col(c).str.replace_all("['’ʼ]", "").str.replace_all("ü", "u")
        folds["zh"] = zh.str.split(" ").list.eval(syllables).list.join(" ")
        chosen = pl.when(pl.lit(False)).then(pl.lit(None, pl.String))
        for script, folded in folds.items():
            chosen = chosen.when(pl.col("script") == script).then(folded)
        return chosen.alias(c)

    folded = typed.join(written, on=["attribute", "value"]).with_columns(
        romanised(c) for c in ("key", "key2")
    )
    return pl.concat([typed.with_columns(script=pl.lit("")), folded])


def _script_of(country: pl.Expr) -> pl.Expr:
    """The script of the first country of `_SCRIPT_COUNTRIES` that `country` names, or null."""
    chosen = pl.when(pl.lit(False)).then(pl.lit(None, pl.String))
    for script, pattern in _SCRIPT_COUNTRIES:
        chosen = chosen.when(country.str.contains(pattern)).then(pl.lit(script))
    return chosen


def scripts(frame: pl.LazyFrame) -> pl.LazyFrame:
    """entity -> the script its names were romanised from, where its `country` claims name a
    country whose names are ("ru": Russia, the Soviet Union; "ja": Japan; "fa": Iran; "zh":
    Taiwan; "ar": an Arab country; "th": Thailand; "hi": India; "he": Israel)."""
    return (
        frame.filter(pl.col("attribute") == "country")
        .select("entity", script=_script_of(pl.col("value")))
        .drop_nulls("script")
        .group_by("entity")
        .agg(pl.col("script").min())  # two: the first by name, as either would do
    )


def _actor_keys(kind: str, names: list[str]) -> list[str]:
    """The keys a people or cast kind gives these names as a person (a cast entry's actor)."""
    values = [kinds.dump({"actor": n, "character": ""} if kind == "cast" else n) for n in names]
    typed = kinds.get(kind).typed(pl.LazyFrame({"value": values}), pl.col("value"))
    return typed.select("key").collect().get_column("key").to_list()


def _credited_as(frame: pl.LazyFrame) -> pl.LazyFrame:
    """An actor a cast entry says is credited as another name ("(as Li Wen)", "also credited
    as Lee Man": a stage name, another romanisation), or a crew member whose credit line says
    so ("director: X (as Y)", a pseudonym), is, in that entity, the same
    person under either name: a people or cast claim writing the other name (in either order
    of two words) takes the key (and code) the entity's claims give the actor. The credits are
    few: their keys are made from their distinct names. `aliased` marks the claims that write
    the other name (no spelling of the actor's)."""
    credit = pl.Struct({"actor": pl.String, "credited_as": pl.String})
    cast = (
        frame.filter(
            (pl.col("kind") == "cast")
            & pl.col("value").str.contains('"credited_as"', literal=True)
        )
        .select("entity", c=pl.col("value").str.json_decode(credit))
        .select(
            "entity",
            actor=pl.col("c").struct.field("actor"),
            alias=pl.col("c").struct.field("credited_as"),
        )
    )
    noted = "(?i)" + CREDITED_AS.pattern  # the note a crew claim's raw keeps after the name
    crew = frame.filter(
        (pl.col("kind") == "people") & pl.col("raw").str.contains(noted)
    ).select(
        "entity",
        actor=pl.col("value").str.json_decode(pl.String),
        alias=pl.col("raw").str.extract(noted, 1),
    )
    credits = (
        pl.concat([cast, crew])
        .drop_nulls()
        .unique()
        .sort("entity", "actor", "alias")
        .collect(engine=ENGINE)
    )
    if credits.is_empty():
        return frame.with_columns(aliased=pl.lit(False))
    pairs = []
    for kind in ("people", "cast"):
        actors = _actor_keys(kind, credits.get_column("actor").to_list())
        aliases = _actor_keys(kind, credits.get_column("alias").to_list())
        for entity, actor, alias in zip(credits.get_column("entity"), actors, aliases, strict=True):
            for a in {actor, _turned(actor)}:
                for b in {alias, _turned(alias)} - {actor, _turned(actor)}:
                    pairs.append((entity, kind, b, a))
    if not pairs:
        return frame.with_columns(aliased=pl.lit(False))
    mapping = pl.LazyFrame(
        pairs, schema={c: pl.String for c in ("entity", "kind", "alias", "target")}, orient="row"
    ).unique()
    present = frame.select("entity", "attribute", "kind", "key", "kc").unique()
    # the actor's key as the entity's claims of each attribute hold it (either word order)
    found = (
        mapping.join(
            present, left_on=["entity", "kind", "target"], right_on=["entity", "kind", "key"]
        )
        .sort("entity", "attribute", "alias", "target")
        .unique(["entity", "attribute", "alias"], keep="first")
        .select("entity", "attribute", key="alias", _target="target", _tc="kc")
    )
    return (
        frame.join(found, on=["entity", "attribute", "key"], how="left", maintain_order="left")
        .with_columns(
            key=pl.coalesce("_target", "key"),
            kc=pl.coalesce("_tc", "kc"),
            aliased=pl.col("_target").is_not_null(),  # written under the other name
        )
        .drop("_target", "_tc")
    )


# A name and, after it, a second surname: particles, then one word ("pardo ochoa",
# "vela del monte", "pardo y ochoa", "serra i vidal"); the first part lazily the
# shortest, so that it never ends on a particle.
_SECOND_SURNAME = r"^(\S+ .+?) (?:(?:de|del|la|las|los|y|i) )*\S+$"


def _second_surnames(frame: pl.LazyFrame, people: list[str]) -> pl.LazyFrame:
    """A person's name written with and without its second surname ("Ana Pardo Ochoa"
    on one site, "Ana Pardo" on another, as Spanish and Portuguese names are credited in
    full or short) is one name in its entity: the shorter, where the entity's people and cast
    claims extend it one way alone, takes the longer's key (and code). Two longer names that
    extend it (two people, or one surname spelt two ways) leave it as it is."""
    keys = (
        frame.filter(pl.col("attribute").is_in(people))
        .select("entity", "key", "kc")
        .drop_nulls("key")
        .unique()
    )
    longer = (
        keys.with_columns(short=pl.col("key").str.extract(_SECOND_SURNAME, 1))
        .drop_nulls("short")
        .join(keys.select("entity", short="key"), on=["entity", "short"], how="semi")
        .group_by("entity", "short")
        .agg(pl.col("key").first().alias("_long"), pl.col("kc").first().alias("_lc"), n=pl.len())
        .filter(pl.col("n") == 1)
        .select("entity", pl.col("short").alias("key"), "_long", "_lc")
        .collect(engine=ENGINE)
    )
    if longer.is_empty():  # the common case: no claim's whole frame joined for nothing
        return frame
    person = pl.col("attribute").is_in(people)
    return (
        frame.join(longer.lazy(), on=["entity", "key"], how="left", maintain_order="left")
        .with_columns(
            key=pl.when(person).then(pl.coalesce("_long", "key")).otherwise("key"),
            kc=pl.when(person).then(pl.coalesce("_lc", "kc")).otherwise("kc"),
        )
        .drop("_long", "_lc")
    )


def _known_as_titles(frame: pl.LazyFrame) -> pl.LazyFrame:
    """A title that a page of the entity names as the film's other title (an IMDb "also known
    as" line: a release title in another country) is the film's title under that name, as
    the page filed under it (a Rotten Tomatoes page of the US release) says: it takes the key
    (and code) of the entity's most written other title, unless it is a sequel's title
    written another way (a finding of its own). A conflict among the other titles stays one.
    Titles and also-known-as titles are keyed by different kinds: they meet on their values'
    letters and digits alone (`_bare`)."""
    title, editorial = pl.col("attribute") == "title", pl.col("origin") == EDITORIAL
    known = (
        frame.filter((pl.col("attribute") == "also_known_as") & editorial)
        .select("entity", bare=_bare(pl.col("value")))
        .unique()
    )
    titles = frame.filter(title & editorial).select(
        "entity", "key", "kc", bare=_bare(pl.col("value"))
    )
    main = (
        titles.join(known, on=["entity", "bare"], how="anti")
        .group_by("entity", "key", "kc")
        .agg(n=pl.len())
        .sort(["entity", "n", "key"], descending=[False, True, False])
        .unique("entity", keep="first")
        .select("entity", _main="key", _mc="kc")
    )
    to_main = (
        titles.join(known, on=["entity", "bare"], how="semi")
        .select("entity", "key")
        .unique()
        .join(main, on="entity")
        .collect(engine=ENGINE)
    )
    # one sequel's title written two ways ("Harbor Patrol 2") stays a finding of its own
    other = [not same_sequel(a, b) for a, b in to_main.select("key", "_main").iter_rows()]
    to_main = (
        to_main.filter(pl.Series(other, dtype=pl.Boolean))
        .with_columns(attribute=pl.lit("title"))
        .lazy()
    )
    return (
        frame.join(to_main, on=["entity", "attribute", "key"], how="left", maintain_order="left")
        .with_columns(key=pl.coalesce("_main", "key"), kc=pl.coalesce("_mc", "kc"))
        .drop("_main", "_mc")
    )


def _bare(key: pl.Expr) -> pl.Expr:
    """A title's letters and digits alone (its JSON quotes dropped too), lower-case and
    without diacritics."""
    return (
        key.str.normalize("NFKD")
        .str.replace_all(r"\p{Mn}+", "")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", "")
    )


def turned(name: pl.Expr) -> pl.Expr:
    """A name of two words the other way round ("wen li" for "li wen"); null for any other."""
    two = name.str.extract_groups(r"^(?P<a>\S+) (?P<b>\S+)$")
    return pl.concat_str([two.struct.field("b"), pl.lit(" "), two.struct.field("a")])


def _turned(key: str) -> str:
    """A key of two words the other way round ("wen li" for "li wen"); others as they are."""
    words = key.split(" ")
    return f"{words[1]} {words[0]}" if len(words) == 2 else key


_INTERTITLES = r"^(?:silent(?: film)?[ ,(]+)?(.+?)[ (]+intertitles\)?$"
# "English (British)", "Portuguese (Brazil)": a language with its variety named (as Rotten
# Tomatoes writes it) is that language
_VARIETY = r"^([^(]+?)\s*\((?:american|british|australian|brazil(?:ian)?|canadian|european|"
_VARIETY += r"latin american|mexican|portugal|spain|castilian|simplified|traditional)\)$"


def _apply_aliases(frame: pl.LazyFrame, aliases: dict[str, dict[str, str]]) -> pl.LazyFrame:
    key = pl.col("key")
    country = pl.col("attribute") == "country"
    key = pl.when(country).then(key.replace(COUNTRY_FOLDS)).otherwise(key)
    # a silent film's language is its intertitles': "German intertitles", "Silent (English
    # intertitles)" are German and English
    language = pl.col("attribute") == "language"
    key = pl.when(language).then(
        key.str.replace(_INTERTITLES, "${1}").str.replace(_VARIETY, "${1}")
    ).otherwise(key)
    for attribute, mapping in aliases.items():
        key = pl.when(pl.col("attribute") == attribute).then(key.replace(mapping)).otherwise(key)
    return frame.with_columns(key.alias("key"))


def _slots() -> list[pl.Expr]:
    """Release qualifiers 'usa,limited' split into country and kind; the kind is the slot."""
    q = pl.col("qualifier").fill_null("")
    parts = q.str.split(",")
    kind = parts.list.eval(pl.element().filter(pl.element().is_in(_RELEASE_KINDS))).list.first()
    country = parts.list.eval(
        pl.element().filter(~pl.element().is_in(_RELEASE_KINDS) & (pl.element() != ""))
    ).list.first()
    role = pl.col("qrole")
    return [
        pl.when(role == "release")
        .then(kind.fill_null(""))
        .when(role == "flag")
        .then(pl.lit(""))
        .otherwise(q)
        .alias("slot"),
        pl.when(role == "release").then(country).otherwise(None).alias("country"),
    ]


def _site_slots(frame: pl.LazyFrame) -> pl.LazyFrame:
    """A site claim naming no site joins the one site whose value it repeats, or the only one."""
    site = frame.filter(pl.col("qrole") == "site").select(
        "idx", "entity", "attribute", "key", "slot"
    )
    named = site.filter(pl.col("slot") != "")
    by_key = (
        named.group_by("entity", "attribute", "key")
        .agg(pl.col("slot").unique().alias("match"))
        .filter(pl.col("match").list.len() == 1)
        .with_columns(pl.col("match").list.first())
    )
    only = (
        named.group_by("entity", "attribute")
        .agg(pl.col("slot").unique().alias("only"))
        .filter(pl.col("only").list.len() == 1)
        .with_columns(pl.col("only").list.first())
    )
    joined = (
        site.filter(pl.col("slot") == "")
        .join(by_key, on=["entity", "attribute", "key"], how="left")
        .join(only, on=["entity", "attribute"], how="left")
        .select("idx", pl.coalesce("match", "only", pl.lit("")).alias("site"))
    )
    return (
        frame.join(joined, on="idx", how="left")
        .with_columns(pl.coalesce("site", "slot").alias("slot"))
        .drop("site")
    )
