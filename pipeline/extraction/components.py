"""The spaCy components, registered as factories with a config.

Each rule component finds candidate mentions and appends them to
``doc._.candidates`` with its priority tier; ``news_resolver`` alone chooses
between overlaps, sets ``doc.ents`` and ``doc._.mentions``; ``news_roles`` reads
roles off the chosen mentions.  Settings live in each factory's ``default_config``
(change them with ``nlp.add_pipe(name, config={...})`` or in ``config.cfg``).

Data: the pattern and gazetteer files ship inside the package (pipeline/data);
each component loads what it needs when built, so a data error shows at load
time.  ``to_disk`` writes the component's settings and the digest of the data it
was built with; ``from_disk`` reads them back and warns when the installed data
differ (like scispacy's linkers, the data are resources of the installed package,
not copied into every saved pipeline).

The factories are declared as ``spacy_factories`` entry points (pyproject.toml),
so ``spacy.load`` of a saved pipeline finds them without importing this module.
"""

import json
import re
import warnings
from pathlib import Path
from typing import Callable, Optional

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.data import digest as data_digest
from .defaults import DATELINE_PRIORITY, FUZZY_THRESHOLD, HOME_COUNTRY, PLACE_PRIORITY, RULE_PRIORITY
from .mention import Mention, VALUE_FIELDS

for _name in ("candidates", "mentions", "roles", "published", "ent_mentions"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _span_value(field: str) -> Callable[[Span], object]:
    def get(span: Span):
        m = (span.doc._.ent_mentions or {}).get((span.start, span.end))
        return getattr(m, field) if m is not None else None
    return get


# Each entity span carries its mention's values: span._.norm, span._.country, …
for _field in VALUE_FIELDS:
    if not Span.has_extension(_field):
        Span.set_extension(_field, getter=_span_value(_field))


class _Component:
    """Settings as attributes; saved and restored with the pipeline."""

    settings: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, **cfg):
        self.name = name
        for key in self.settings:
            setattr(self, key, cfg[key])
        self.load_data()

    def load_data(self) -> None:
        """Read the data this component uses (cached per process)."""

    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None) -> None:
        self.load_data()

    def _cfg(self) -> dict:
        return {"settings": {k: getattr(self, k) for k in self.settings},
                "data_digest": data_digest()}

    def _set_cfg(self, cfg: dict) -> None:
        for key, value in cfg.get("settings", {}).items():
            if key in self.settings:
                setattr(self, key, value)
        saved = cfg.get("data_digest")
        if saved and saved != data_digest():
            warnings.warn(f"{self.name}: saved with pattern data {saved}, the installed package "
                          f"has {data_digest()}; the output may differ", stacklevel=2)

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.json_dumps(self._cfg()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self._set_cfg(json.loads(data))
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self._cfg())

    def from_disk(self, path, *, exclude=tuple()):
        self._set_cfg(srsly.read_json(Path(path) / "cfg.json"))
        return self


_DATELINE = "news_dateline"


def _dateline(doc: Doc):
    """The article's dateline (dateline.py), found once per document (kept as a plain
    tuple: user_data travels with a Doc serialized between processes)."""
    from .dateline import Dateline, find_dateline
    if _DATELINE not in doc.user_data:
        from dataclasses import astuple
        from .nlp import doc_text
        d = find_dateline(doc_text(doc))
        doc.user_data[_DATELINE] = astuple(d) if d is not None else None
    saved = doc.user_data[_DATELINE]
    return Dateline(*saved) if saved is not None else None


def _home(doc: Doc, default: str) -> str:
    """The state of an office the text names none for: the dateline city's, else the
    configured home country (``home_country``, the press the pipeline reads by default)."""
    key = ("news_home", default)
    if key not in doc.user_data:
        from .dateline import dateline_home
        from .nlp import doc_text
        doc.user_data[key] = dateline_home(_dateline(doc), default, doc_text(doc))
    return doc.user_data[key]


class _Finder(_Component):
    """A candidate finder: its mentions join ``doc._.candidates`` at its priority."""

    settings = ("priority",)

    def find(self, doc: Doc) -> list:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        for m in found:
            m.priority = self.priority
        if doc._.candidates is None:
            doc._.candidates = []
        doc._.candidates.extend(found)
        return doc


class FigureFinder(_Finder):
    """MONEY / PERCENT / QUANTITY from number grammar (normalize/numbers.py, figures.py)."""

    def load_data(self) -> None:
        from .figures import _currencies, _units  # noqa: F401
        _currencies(), _units()

    def find(self, doc):
        from .figures import find_figures
        return find_figures(doc)


class DateFinder(_Finder):
    """DATE, resolved against ``doc._.published`` (normalize/dates.py, date_finder.py)."""

    def load_data(self) -> None:
        from .normalize.dates import lexicon
        lexicon()

    def find(self, doc):
        from .date_finder import find_dates
        return find_dates(doc, doc._.published)


class MinistryFinder(_Finder):
    """MINISTRY, from the head word to the end of the portfolio (ministry_finder.py)."""

    settings = ("priority", "home_country", "fuzzy_threshold")

    def load_data(self) -> None:
        from .normalize.ministries import load_registry
        load_registry()

    def find(self, doc):
        from .ministry_finder import find_ministries
        return find_ministries(doc, _home(doc, self.home_country), self.fuzzy_threshold)


class OrgFinder(_Finder):
    """ORG / EVENT from head nouns, known organizations and acronyms (org_finder.py)."""

    def __init__(self, nlp: Language, name: str, **cfg):
        from .lexicon import share_tables
        share_tables(nlp)      # French words (lexicon.py): the model's lemma tables, not a copy
        super().__init__(nlp, name, **cfg)

    def load_data(self) -> None:
        from .org_finder import load_patterns
        load_patterns()

    def find(self, doc):
        from .org_finder import find_orgs_events
        return find_orgs_events(doc)


class PlaceFinder(_Finder):
    """COUNTRY / LOC from the CLDR and curated gazetteers (geo_finder.py)."""

    def load_data(self) -> None:
        from .normalize.gazetteer import demonyms, entries
        entries(), demonyms()

    def find(self, doc):
        from .geo_finder import find_places
        return find_places(doc)

    def __call__(self, doc: Doc) -> Doc:
        super().__call__(doc)
        d = _dateline(doc)
        if d is not None:
            # the dateline city is a place by its position, all capitals or not (`DAKAR`
            # is no acronym): it outranks every rule's reading of the same words
            from .nlp import doc_text
            doc._.candidates = [m for m in doc._.candidates if not (m.start < d.end and d.start < m.end)]
            doc._.candidates.append(Mention(
                d.start, d.end, d.label, text=doc_text(doc)[d.start:d.end], norm=d.value,
                country=d.value if d.label == "COUNTRY" else None, source="dateline",
                priority=DATELINE_PRIORITY,
                extra={} if d.label == "COUNTRY" else {"kind": "city", "place_country": d.country}))
            agency = (d.agency or "").strip()
            if agency and re.fullmatch(r"[A-Z][\w&.-]*", agency) and not any(
                    m.label == "ORG" and m.start <= d.agency_start and d.agency_end <= m.end
                    for m in doc._.candidates):
                # `SOTCHI, 4 mars (Agence) –`: the agency that filed the dispatch is a medium (ORG),
                # whatever its case (an acronym rule reads only capitals)
                s = d.agency_start + doc_text(doc)[d.agency_start:d.agency_end].index(agency)
                doc._.candidates.append(Mention(s, s + len(agency), "ORG", text=agency, norm=agency,
                                                source="dateline_agency", priority=DATELINE_PRIORITY))
        return doc


class Resolver(_Component):
    """One label per stretch of text, article-level norms; sets ``doc.ents``."""

    settings = ("home_country",)

    def __call__(self, doc: Doc) -> Doc:
        from .resolver import resolve
        resolve(doc, _home(doc, self.home_country))
        # entity spans -> their mentions, for the span extensions
        by_span = {}
        for m in doc._.mentions or []:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                by_span.setdefault((span.start, span.end), m)
        doc._.ent_mentions = by_span
        return doc


class RoleFinder(_Component):
    """person → title → ministry/organization → country (roles.py)."""

    settings = ("home_country",)

    def __call__(self, doc: Doc) -> Doc:
        from .roles import find_roles
        doc._.roles = find_roles(doc, doc._.mentions or [], _home(doc, self.home_country))
        return doc


@Language.factory("news_figures", default_config={"priority": RULE_PRIORITY})
def make_figures(nlp: Language, name: str, priority: int) -> FigureFinder:
    return FigureFinder(nlp, name, priority=priority)


@Language.factory("news_dates", default_config={"priority": RULE_PRIORITY})
def make_dates(nlp: Language, name: str, priority: int) -> DateFinder:
    return DateFinder(nlp, name, priority=priority)


@Language.factory("news_ministries",
                  default_config={"priority": RULE_PRIORITY, "home_country": HOME_COUNTRY,
                                  "fuzzy_threshold": FUZZY_THRESHOLD})
def make_ministries(nlp: Language, name: str, priority: int, home_country: str,
                    fuzzy_threshold: float) -> MinistryFinder:
    return MinistryFinder(nlp, name, priority=priority, home_country=home_country,
                          fuzzy_threshold=fuzzy_threshold)


@Language.factory("news_orgs", default_config={"priority": RULE_PRIORITY})
def make_orgs(nlp: Language, name: str, priority: int) -> OrgFinder:
    return OrgFinder(nlp, name, priority=priority)


@Language.factory("news_places", default_config={"priority": PLACE_PRIORITY})
def make_places(nlp: Language, name: str, priority: int) -> PlaceFinder:
    return PlaceFinder(nlp, name, priority=priority)


@Language.factory("news_resolver", default_config={"home_country": HOME_COUNTRY})
def make_resolver(nlp: Language, name: str, home_country: str) -> Resolver:
    return Resolver(nlp, name, home_country=home_country)


@Language.factory("news_roles", default_config={"home_country": HOME_COUNTRY})
def make_roles(nlp: Language, name: str, home_country: str) -> RoleFinder:
    return RoleFinder(nlp, name, home_country=home_country)


# In pipeline order.
COMPONENTS = ("news_figures", "news_dates", "news_ministries", "news_orgs", "news_places",
              "news_resolver", "news_roles")
