"""The final filter: one label per stretch of text, then article-level norms.

See nlp.py for the order of precedence.  The model's entities are read in
model_entities.py, names after titles found in titles.py, the article-level
norms given in article_norms.py; this module only chooses between them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from .article_norms import normalize_article
from .defaults import HOME_COUNTRY, RULE_PRIORITY
from .mention import Mention
from .model_entities import model_mentions, model_orgs
from .normalize.text import clean as clean_norm, unify_apostrophes
from .overlaps import longest_first
from .titles import names_after_titles
from .nlp import doc_text


def _mend_stray_periods(text: str, chosen: list[Mention]) -> None:
    """`…, Nnenna. Nwabufo et le directeur`: a typo'd period splits one name in two; the
    apposition goes on (`, …` or `et …`), so the capitalized word after it starts no new
    sentence (`Benali. Celle-ci a …` is left alone)."""
    for i, a in enumerate(chosen):
        if a.label != "PERSON" or " " in a.text.strip() or len(a.text) <= 2:
            continue
        m = re.compile(r"\. ([A-ZÉÈ][\w’'-]+)(?=\s*,|\s+et\s)").match(text, a.end)
        if not m:
            continue
        b = chosen[i + 1] if i + 1 < len(chosen) else None
        if b is not None and b.start < m.end() and not (b.label == "PERSON" and b.start == m.start(1)):
            continue  # the word belongs to another kind of mention
        a.end = m.end()
        a.text = text[a.start:a.end]
        a.norm = clean_norm(a.text.replace(". ", " "))
        if b is not None and b.start < m.end():
            del chosen[i + 1]


@lru_cache(maxsize=1)
def _seats() -> frozenset:
    from .wordlists import word_set
    return frozenset(unify_apostrophes(w) for w in word_set("seats_of_government.tsv"))


def _known_place(text: str) -> bool:
    from .normalize.gazetteer import lookup
    e = lookup(clean_norm(text))
    return e is not None and e.label == "LOC"


def _select(chosen: list[Mention], pool: list[Mention]) -> None:
    """Add from `pool`, longest first, what overlaps nothing chosen."""
    longest_first(pool, rank=lambda m: (-m.length, -m.priority, m.start), chosen=chosen)


def resolve(doc: Doc, home: str = HOME_COUNTRY) -> list[Mention]:
    cands = list(doc._.candidates or [])
    model = model_mentions(doc)
    chosen: list[Mention] = []
    # the learned recognizer's spans, label by label as models/ner/combine.json says
    from .learned import split_learned
    learned_first, learned_last, model_only = split_learned(doc, cands)
    _select(chosen, learned_first)
    cands = [m for m in cands if m.label not in model_only]
    model = [m for m in model if m.label not in model_only]
    _select(chosen, [m for m in cands if m.priority >= RULE_PRIORITY])  # rules
    from .honorific_names import find_honorific_names, in_rank
    gulf = find_honorific_names(doc_text(doc))
    _select(chosen, gulf)                                           # `SA Cheikh X Ben Y Al-Z`
    # names after a courtesy title or rank, whole before the model's (which cuts some:
    # `M. Souhail Mohamed Al Mazroui` read from `Mohamed`)
    from .honorific_names import find_courtesy_names
    _select(chosen, find_courtesy_names(doc_text(doc)))             # `M. Ouattara`, `le colonel X`
    # the model's names, except known places it reads as people (`Béni Amir`, `Washington`)
    # and the ranks before names found above (`Cheikh`)
    _select(chosen, [m for m in model if m.label == "PERSON" and not _known_place(m.text)
                     and not in_rank(m, gulf)])
    _select(chosen, [m for m in names_after_titles(doc) if m.label not in model_only])  # `le président Xi Jinping`
    # the model's ORG only where no rule covers it and it is not a title, portfolio or head noun
    _select(chosen, [m for m in model_orgs(doc, chosen) if m.label not in model_only])
    _select(chosen, [m for m in cands if m.priority < RULE_PRIORITY])   # gazetteer places
    _select(chosen, [m for m in model if m.label in ("COUNTRY", "LOC")
                     or m.source == "model_place_org"])
    _select(chosen, learned_last)
    chosen.sort(key=lambda m: m.start)
    # a text cut off mid-sentence (as sites serve them) may end inside a name: `…, Abd`
    tail = doc_text(doc).rstrip()
    if chosen and chosen[-1].label in ("PERSON", "ORG", "LOC", "EVENT") \
            and chosen[-1].end >= len(tail) and not tail.endswith((".", "!", "?", "»", '"', ")", "”")):
        chosen.pop()
    _mend_stray_periods(doc_text(doc), chosen)
    # `la Primature`, `la Maison Blanche`, `Matignon`: a seat of government stands for the
    # government, no place, person or organization of its own (seats_of_government.tsv)
    chosen = [m for m in chosen if unify_apostrophes(m.text) not in _seats()]
    chosen = _trim(doc_text(doc), chosen)
    _glue_elided_n(doc_text(doc), chosen)
    from .people import mend_people
    chosen = mend_people(doc_text(doc), chosen)   # organizations and titles read as people
    from .people import listed_names, names_after_ministries, repeated_surnames
    chosen = sorted(chosen + names_after_ministries(doc_text(doc), chosen), key=lambda m: m.start)
    chosen = sorted(chosen + listed_names(doc_text(doc), chosen), key=lambda m: m.start)  # `– Xa Yb, directeur …`
    chosen = sorted(chosen + repeated_surnames(doc_text(doc), chosen), key=lambda m: m.start)
    from .org_finder import apposed_companies, coordinated_orgs   # `Natixis et Bpifrance`
    chosen = sorted(chosen + coordinated_orgs(doc_text(doc), chosen), key=lambda m: m.start)
    from .brand_names import acronym_with_name, brand_with_country, name_of_country, org_cut_in_a_country
    chosen = org_cut_in_a_country(doc_text(doc), chosen)                # `Banque Xa Côte d'Ivoire`
    chosen = brand_with_country(doc_text(doc), acronym_with_name(doc_text(doc), chosen))  # `Orange Côte d'Ivoire`
    chosen = name_of_country(doc_text(doc), chosen)                     # `le Crédit du Pays`
    chosen = apposed_companies(doc_text(doc), chosen)                   # `Xa, filiale du groupe Y`
    from .org_finder import demonym_companies
    chosen = demonym_companies(doc_text(doc), chosen)                   # `l'espagnol Xa`
    from .model_places import towns_run_as_companies
    towns_run_as_companies(doc_text(doc), chosen)                       # `la directrice générale de Xa`
    from .org_finder import companies_before_their_heads, repeated_org_names
    chosen = companies_before_their_heads(doc_text(doc), chosen)       # `le PDG de Xa, Prénom Nom`
    chosen = repeated_org_names(doc_text(doc), chosen)                  # `Xa` again, as an organization
    from .named_sites import (apposed_site_names, coordinated_places, divisions_in_capitals,
                              glued_place_ends, linked_places, located_places, named_after_people,
                              named_sites, places_after_nouns, prefixed_places, repeated_places, roads,
                              site_name_tails)
    chosen = places_after_nouns(doc_text(doc), named_after_people(doc_text(doc), chosen))  # `stade X Y`, `région du Z`
    chosen = apposed_site_names(doc_text(doc), chosen)                  # `le palais Xa`
    chosen = divisions_in_capitals(doc_text(doc), chosen)               # `la région XYZA`
    chosen = roads(doc_text(doc), chosen)                               # `RN7`
    chosen = coordinated_places(doc_text(doc), chosen)                  # `à Kindia, Xa et Yb`
    chosen = glued_place_ends(doc_text(doc), chosen)                    # `Ras El-Hekma`
    chosen = prefixed_places(doc_text(doc), chosen)                     # `Oued X`, `Aïn Y`
    chosen = site_name_tails(doc_text(doc), chosen)                     # `complexe X de football`
    chosen = located_places(doc_text(doc), chosen)                      # `au sud de Suez`
    chosen = named_sites(doc_text(doc), chosen)                         # `le gisement X`
    chosen = linked_places(doc_text(doc), chosen)                       # `la route A-B-C`
    chosen = repeated_places(doc_text(doc), chosen)                     # every occurrence
    for m in chosen:
        m.text = doc_text(doc)[m.start:m.end]
    normalize_article(doc, chosen, home)
    doc._.mentions = chosen
    ents = []
    for m in chosen:
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is not None and not any(span.start < e.end and e.start < span.end for e in ents):
            ents.append(span)
    doc.ents = ents
    return chosen


_ELIDED_N = re.compile(r"(?<![\w'’-])N['’]\Z")


def _glue_elided_n(text: str, mentions: list[Mention]) -> None:
    """`N’Diago`, `N'Zérékoré`: West African names open with `N’`, which the tokenizer splits
    off like an elided article; a name read from the next word takes it back."""
    for m in mentions:
        if m.label in ("LOC", "PERSON", "ORG") and _ELIDED_N.search(text, max(0, m.start - 3), m.start):
            m.start -= 2
            m.text = text[m.start:m.end]
            m.norm = clean_norm(m.text)


def _trim(text: str, mentions: list[Mention]) -> list[Mention]:
    """No mention starts or ends with whitespace: a span ending on spaCy's
    whitespace token (`20\\n\\n   `) would otherwise reach into the next
    paragraph, or into header and boilerplate blanked to spaces."""
    out = []
    for m in mentions:
        span = text[m.start:m.end]
        lead = len(span) - len(span.lstrip())
        core = span.strip()
        if not core:
            continue
        m.start += lead
        m.end = m.start + len(core)
        out.append(m)
    return out
