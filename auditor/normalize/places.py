"""Country names in qualifiers: "USA", "US", "the United States" are one country."""

from __future__ import annotations

import re

_ALIASES = {
    "usa": "usa",
    "us": "usa",
    "u.s.": "usa",
    "u.s.a.": "usa",
    "united states": "usa",
    "the united states": "usa",
    "united states of america": "usa",
    "america": "usa",
    "uk": "uk",
    "u.k.": "uk",
    "united kingdom": "uk",
    "the united kingdom": "uk",
    "the philippines": "philippines",  # the article is part of the name as prose writes it
    "great britain": "uk",
    "britain": "uk",
    "england": "uk",
    "scotland": "uk",
    "west germany": "germany",
    "soviet union": "russia",
    "mainland china": "china",  # China less Hong Kong and Macau, each its own market
    "people's republic of china": "china",
    # an abbreviation the way "UK" is one: infoboxes write "(UAE)" beside the prose's full name
    "uae": "united arab emirates",
    "u.a.e.": "united arab emirates",
}


# Nationality adjectives, as lead sentences use them ("a 2004 American thriller film").
_DEMONYMS = {
    "american": "usa",
    "british": "uk",
    "english": "uk",
    "french": "france",
    "german": "germany",
    "italian": "italy",
    "spanish": "spain",
    "canadian": "canada",
    "australian": "australia",
    "irish": "ireland",
    "japanese": "japan",
    "chinese": "china",
    "indian": "india",
    "mexican": "mexico",
    "russian": "russia",
    "soviet": "russia",  # the Soviet Union, read as "soviet union" is
    "swedish": "sweden",
    "danish": "denmark",
    "dutch": "netherlands",
    "belgian": "belgium",
    "korean": "south korea",
    "south korean": "south korea",
    "north korean": "north korea",
    "west german": "germany",
    "east german": "east germany",
    "south african": "south africa",
    "brazilian": "brazil",
    "new zealand": "new zealand",
    "polish": "poland",
    "norwegian": "norway",
    "finnish": "finland",
    "austrian": "austria",
    "swiss": "switzerland",
    "argentine": "argentina",
    "argentinian": "argentina",
    # West and East African markets, where Nollywood films open at home and next door
    "nigerian": "nigeria",
    "ghanaian": "ghana",
    "kenyan": "kenya",
    "taiwanese": "taiwan",
    "thai": "thailand",
    # Southeast Asian markets, where Indonesian and Malaysian films open at home and next door
    "indonesian": "indonesia",
    "malaysian": "malaysia",
    "singaporean": "singapore",
    "philippine": "philippines",  # "opened in Philippine cinemas"
    "filipino": "philippines",
}
COUNTRY_KEYS = {**_ALIASES, **_DEMONYMS}

# The adjectives of the world's other countries ("an Egyptian-Emirati drama", "a Thai horror
# film"): a country's value folded to its name's key, so that a resolved list never shows a
# country beside its own adjective. Kept out of COUNTRY_KEYS, which the readers' patterns and
# the name finder use, where a surname ("Jo Cuban") is no adjective.
_WORLD = """
afghan:afghanistan albanian:albania algerian:algeria andorran:andorra angolan:angola
armenian:armenia azerbaijani:azerbaijan bahraini:bahrain bangladeshi:bangladesh
belarusian:belarus bolivian:bolivia bosnian:bosnia_and_herzegovina botswanan:botswana
bulgarian:bulgaria burkinabe:burkina_faso burkinabé:burkina_faso burmese:myanmar
cambodian:cambodia cameroonian:cameroon chadian:chad chilean:chile colombian:colombia
congolese:congo costa_rican:costa_rica croatian:croatia cuban:cuba cypriot:cyprus
czech:czech_republic czechoslovak:czechoslovakia czechoslovakian:czechoslovakia
dominican:dominican_republic ecuadorian:ecuador egyptian:egypt emirati:united_arab_emirates
estonian:estonia ethiopian:ethiopia
georgian:georgia greek:greece guatemalan:guatemala guinean:guinea haitian:haiti
honduran:honduras hungarian:hungary icelandic:iceland iranian:iran
iraqi:iraq israeli:israel ivorian:ivory_coast jamaican:jamaica jordanian:jordan
kazakh:kazakhstan kazakhstani:kazakhstan kosovar:kosovo kuwaiti:kuwait kyrgyz:kyrgyzstan
laotian:laos latvian:latvia lebanese:lebanon libyan:libya lithuanian:lithuania
luxembourgish:luxembourg macedonian:north_macedonia malagasy:madagascar
malian:mali maltese:malta mauritanian:mauritania moldovan:moldova monegasque:monaco
mongolian:mongolia montenegrin:montenegro moroccan:morocco mozambican:mozambique
namibian:namibia nepalese:nepal nepali:nepal nicaraguan:nicaragua nigerien:niger
northern_irish:northern_ireland omani:oman pakistani:pakistan palestinian:palestine
panamanian:panama paraguayan:paraguay peruvian:peru portuguese:portugal
puerto_rican:puerto_rico qatari:qatar romanian:romania rwandan:rwanda salvadoran:el_salvador
saudi:saudi_arabia saudi_arabian:saudi_arabia scottish:scotland senegalese:senegal
serbian:serbia slovak:slovakia slovene:slovenia slovenian:slovenia
somali:somalia sri_lankan:sri_lanka sudanese:sudan syrian:syria tajik:tajikistan
tanzanian:tanzania togolese:togo trinidadian:trinidad_and_tobago
tunisian:tunisia turkish:turkey turkmen:turkmenistan ugandan:uganda ukrainian:ukraine
uruguayan:uruguay uzbek:uzbekistan venezuelan:venezuela vietnamese:vietnam yemeni:yemen
yugoslav:yugoslavia yugoslavian:yugoslavia zambian:zambia zimbabwean:zimbabwe
"""  # adjective:country, "_" for a space


def _world() -> dict[str, str]:
    pairs = (pair.replace("_", " ").split(":") for pair in _WORLD.split())
    return {a: COUNTRY_KEYS.get(b, b) for a, b in pairs}


# a country's other names, which the readers' patterns leave alone (a surname: "Ada Holland")
_OTHER_NAMES = {
    "czechia": "czech republic",
    "macedonia": "north macedonia",
    "burma": "myanmar",
    "holland": "netherlands",
    "the netherlands": "netherlands",
    "korea": "south korea",
    "republic of korea": "south korea",
}
COUNTRY_FOLDS = {**_world(), **_OTHER_NAMES, **COUNTRY_KEYS}  # every key a country folds by
DEMONYMS = frozenset(_DEMONYMS) | frozenset(_world())  # "american": a country as an adjective


def canonical_country(name: str) -> str:
    key = " ".join(name.strip().lower().replace("-", " ").split())
    return COUNTRY_FOLDS.get(key, key)


def release_country(name: str) -> str:
    """A release's country, canonical; a North American release is the US one (the US and
    Canada are one market, as a domestic gross is `usa`)."""
    country = canonical_country(name)
    return "usa" if country in ("north america", "north american") else country


# Country names prose writes after "in" ("released in France on ..."), canonical as above.
COUNTRY_NAMES = sorted(
    {
        *_ALIASES,
        *(v for v in _DEMONYMS.values()),
        "hong kong",
        "taiwan",
        "greece",
        "portugal",
        "turkey",
        "israel",
        "egypt",
        "iran",
        "south africa",
        "czech republic",
        "czechoslovakia",
        "hungary",
        "romania",
        "yugoslavia",
        "iceland",
        "luxembourg",
        "singapore",
        "thailand",
        "philippines",
        "chile",
        "colombia",
        "peru",
        "cuba",
        "cameroon",
        "senegal",
        "uganda",
        "tanzania",
        # the Gulf markets where Indian and Arab films open, often a day before at home
        "united arab emirates",
        "saudi arabia",
        "qatar",
        "kuwait",
        "bahrain",
        "oman",
        # the South Asian markets where Indian films open
        "pakistan",
        "bangladesh",
        "nepal",
        "sri lanka",
        # the Southeast Asian markets where Chinese-language films open
        "malaysia",
        "indonesia",
        "vietnam",
        "macau",
        "north america",
        "europe",
        "latin america",
        "scandinavia",
    },
    key=len,
    reverse=True,
)
# Festivals whose screening is a premiere; the name alone says so ("(Cannes)").
FESTIVALS = (
    "cannes",
    "venice",
    "berlin",
    "berlinale",
    "sundance",
    "toronto",
    "telluride",
    "locarno",
    "edinburgh",
    "san sebastián",
    "san sebastian",
    "karlovy vary",
    "tribeca",
    "new york film",
    "london film",
    "rotterdam",
    "tokyo",
    "busan",
    "pusan",
    "moscow",
    # festivals of genre, documentary and regional cinema that premiere features
    "sitges",
    "fantasia",
    "fantastic fest",
    "fantasporto",
    "göteborg",
    "goteborg",
    "gothenburg",
    "sarajevo",
    "slamdance",
    "raindance",
    "annecy",
    "mar del plata",
    "thessaloniki",
    "black nights",
    "hot docs",
    "south by southwest",
    "palm springs",
    "cinequest",
    "gijón",
    "haugesund",
    "directors' fortnight",
    "critics' week",
    "un certain regard",
)


# A festival's acronym: "TIFF", "VIFF", "NYFF", "BFI LFF", "IFFR", "SXSW", "AFI Fest".
_FESTIVAL_ACRONYM = re.compile(r"\b(?:[A-Z]{1,5}FF[A-Z]?|SXSW|AFI Fest)\b")
# Words in capitals that look like one.
_NOT_ACRONYMS = {
    "staff", "stiff", "sniff", "cliff", "stuff", "bluff", "cuff", "buff", "puff", "tariff",
    "sheriff", "chaff", "scoff", "gaff", "riff", "whiff", "skiff", "huff", "gruff", "fluff",
    "scruff", "snuff", "off",
}


# "Fest" as a word of a festival's name, or a documentary festival's compound: "Sheffield
# Doc/Fest", "Camden Doc Fest", "Bergen Docfest", "DokuFest"; German "Filmfest" and
# "Filmfestspiele" and "Filmtage" likewise (not "manifest", "Festus").
_FEST = re.compile(r"(?:^|[\s/(-])(?:(?:do[ck]u?|film)?fest(?:spiele)?|filmtage)\b", re.I)


def is_festival(text: str) -> bool:
    """'Cannes', 'the 1996 Cannes Film Festival', 'Sundance', 'TIFF': a festival screening."""
    t = text.lower()
    return (
        "festival" in t
        or _FEST.search(t) is not None
        or any(f in t for f in FESTIVALS)
        or any(m.group().lower() not in _NOT_ACRONYMS for m in _FESTIVAL_ACRONYM.finditer(text))
    )


# Sovereign countries not named above, so that a city or a region ("New York City", "Quebec")
# can be told from a country where a page's note may name either.
_OTHER_COUNTRIES = {
    "afghanistan", "albania", "algeria", "andorra", "angola", "armenia", "azerbaijan",
    "bahamas", "bahrain", "bangladesh", "belarus", "bolivia", "bosnia and herzegovina",
    "botswana", "bulgaria", "cambodia", "cameroon", "costa rica", "croatia", "cyprus",
    "czechia", "dominican republic", "ecuador", "el salvador", "estonia", "ethiopia",
    "georgia", "ghana", "guatemala", "haiti", "honduras", "indonesia", "iraq", "jamaica",
    "jordan", "kazakhstan", "kenya", "kuwait", "latvia", "lebanon", "libya", "liechtenstein",
    "lithuania", "macedonia", "north macedonia", "malaysia", "malta", "moldova", "monaco",
    "mongolia", "montenegro", "morocco", "nepal", "nicaragua", "nigeria", "north korea",
    "pakistan", "palestine", "panama", "paraguay", "qatar", "saudi arabia", "senegal",
    "serbia", "slovakia", "slovenia", "sri lanka", "sudan", "syria", "tanzania", "tunisia",
    "uganda", "ukraine", "united arab emirates", "uruguay", "uzbekistan", "venezuela",
    "vietnam", "east germany", "zimbabwe", "wales", "northern ireland", "puerto rico",
}
_KNOWN_COUNTRIES = {canonical_country(c) for c in COUNTRY_NAMES} | _OTHER_COUNTRIES


def is_country(name: str) -> bool:
    """A country (or a region a release is given for: "North America", "Europe"), not a city
    or a province."""
    return canonical_country(name) in _KNOWN_COUNTRIES


# A country's language region ("German-speaking Switzerland", "French speaking Canada"):
# a release there is the country's.
LANGUAGE_REGION = r"[a-z]+[- ]speaking"
_REGION_NOTE = re.compile(
    rf"(?:the )?{LANGUAGE_REGION} (?:(?:part|region)s? of (?:the )?)?(?P<a>.+)"
    rf"|(?P<b>.+?),? \(?{LANGUAGE_REGION}(?: part| region)?\)?",
    re.I,
)


def region_country(note: str) -> str:
    """The country a note names with its language region ("Switzerland, German-speaking",
    "German-speaking Switzerland": "Switzerland"); any other note as it is."""
    m = _REGION_NOTE.fullmatch(note)
    country = m and (m["a"] or m["b"])
    return country if country and is_country(country) else note
