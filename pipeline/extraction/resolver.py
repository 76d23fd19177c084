"""The final filter: one label per stretch of text, then article-level norms.

See nlp.py for the order of precedence.  Model entities are trimmed to the
contract's minimal spans (no determiner, preposition, honorific or title) and
dropped when they are generic words or demonyms.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from .mention import Mention
from pipeline.data import DATA_DIR

PATTERNS = DATA_DIR

_LEAD_WORDS = {"le", "la", "les", "l'", "l’", "du", "de", "des", "d'", "d’", "en", "au", "aux",
               "à", "a", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
               "par", "pour", "sur", "avec", "et", "dont", "selon", "chez", "entre"}
_APOS = str.maketrans({"’": "'", "`": "'", "‘": "'"})


@lru_cache(maxsize=1)
def _wordlist(name: str) -> frozenset:
    path = PATTERNS / name
    if not path.exists():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("\t")[0].strip()
        if line and not line.startswith("#"):
            words.add(line.lower().translate(_APOS))
    return frozenset(words)


def honorifics() -> frozenset:
    return _wordlist("honorifics.txt")


def generic_words() -> frozenset:
    return _wordlist("generic_words.txt")


def clean_norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_APOS)).strip()


# lower-case words inside names (`Mohamed Ould Cheikh El Ghazouani`, `Ben Abdelkader`)
NAME_PARTICLES = frozenset({"de", "ben", "bin", "el", "al", "ould", "ibn", "da", "dos", "van", "von",
                            "le", "la", "du", "des", "ou"})


def trim_span(doc: Doc, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Token bounds of the minimal span: leading function words, honorifics and
    titles out, trailing punctuation out.  None when nothing is left."""
    hon = honorifics()
    while start < end:
        t = doc[start]
        low = t.lower_.translate(_APOS)
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


def _model_mentions(doc: Doc) -> list[Mention]:
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
        low = text.lower().translate(_APOS)
        if low in generic or not any(c.isupper() for c in text) or len(text) < 2:
            continue
        from .roles import is_title
        if is_title(text):
            continue  # `Garde des Sceaux`, `Vice-président de la République`: offices, not names
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
        if label == "MISC":
            if text.isupper() and 2 <= len(text) <= 8:
                label = "ORG"
            else:
                continue
        if label == "LOC":
            if text.isupper() and len(text) >= 2:
                label = "ORG"  # acronyms are never places
            else:
                out.append(Mention(span.start_char, span.end_char, "LOC", text,
                                   norm=clean_norm(text), source="model", priority=0))
                continue
        out.append(Mention(span.start_char, span.end_char, label, text, norm=clean_norm(text),
                           source="model", priority=2 if label == "PERSON" else 1))
    return out


def _named_after_title(doc: Doc, ent) -> int | None:
    """Token index where a name starts when an entity is a title then a name."""
    from .org_finder import load_patterns
    from .roles import title_end
    end = title_end(doc.text, ent.start_char, ent.end_char)
    if end is None:
        return None
    rest = [t for t in ent if t.idx >= end]
    heads = load_patterns().org_heads
    if 2 <= len(rest) <= 5 and all(t.is_alpha and t.text[:1].isupper() and t.text not in heads
                                   for t in rest):
        return rest[0].i
    return None


_NAME_WORD = r"(?:[A-ZÉÈÀÂÎÔÛ][\w’'-]+|[IVX]{1,4})"
_PARTICLE = r"(?:\s+(?:" + "|".join(sorted(NAME_PARTICLES)) + r"))?"


@lru_cache(maxsize=1)
def _title_name_rx(titles: str) -> re.Pattern:
    hon = "|".join(re.escape(h) for h in sorted(honorifics(), key=len, reverse=True))
    return re.compile(titles + r"(?:\s+(?P<adj>[a-zéèï-]+))?\s+(?:(?:" + hon + r")\.?\s+)?"
                      r"(?P<name>(?-i:" + _NAME_WORD + r"(?:" + _PARTICLE + r"\s+" + _NAME_WORD + r"){1,3}))"
                      r"(?![\w’'-])", re.I)


def _names_after_titles(doc: Doc) -> list[Mention]:
    """A name the model missed right after a title: `Le Premier ministre espagnol Pedro
    Sánchez`, `son directeur général Mme Amina Benkhadra` (two to four capitalized words)."""
    from .normalize.gazetteer import demonym_country, lookup
    from .org_finder import load_patterns
    from .roles import title_words, titles_pattern
    tw = title_words()
    heads = load_patterns().org_heads
    out = []
    for m in _title_name_rx(titles_pattern()).finditer(doc.text):
        if m.group("adj") and not demonym_country(m.group("adj")):
            continue
        name = m.group("name")
        words = name.split()
        # the case-blind match must still see capitals where a name has them
        if not all(w[:1].isupper() for w in words if w.lower() not in NAME_PARTICLES):
            continue
        if any(w in heads or lookup(w) is not None or w.lower() in tw for w in words):
            continue  # `l'administrateur Directeur Général (ADG)`: titles, not a name
        out.append(Mention(m.start("name"), m.end("name"), "PERSON", name, norm=clean_norm(name),
                           source="title+name", priority=2))
    return out


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


def _known_place(text: str) -> bool:
    from .normalize.gazetteer import lookup
    e = lookup(clean_norm(text))
    return e is not None and e.label == "LOC"


def _select(chosen: list[Mention], pool: list[Mention]) -> None:
    """Add from `pool`, longest first, what overlaps nothing chosen."""
    pool = sorted(pool, key=lambda m: (-m.length, -m.priority, m.start))
    for m in pool:
        if m.length <= 0:
            continue
        if not any(m.overlaps(c) for c in chosen):
            chosen.append(m)


def resolve(doc: Doc) -> list[Mention]:
    cands = list(doc._.candidates or [])
    model = _model_mentions(doc)
    chosen: list[Mention] = []
    # the learned recognizer's spans, label by label as models/ner/combine.json says
    from .learned import split_learned
    learned_first, learned_last, model_only = split_learned(doc, cands)
    _select(chosen, learned_first)
    cands = [m for m in cands if m.label not in model_only]
    model = [m for m in model if m.label not in model_only]
    _select(chosen, [m for m in cands if m.priority >= 3])           # rules
    # the model's names, except known places it reads as people (`Béni Amir`, `Washington`)
    _select(chosen, [m for m in model if m.label == "PERSON" and not _known_place(m.text)])
    _select(chosen, [m for m in _names_after_titles(doc) if m.label not in model_only])
    from .org_finder import filter_model_orgs
    # the model's ORG only where no rule covers it and it is not a title, portfolio or head noun
    _select(chosen, [m for m in filter_model_orgs(doc, chosen) if m.label not in model_only])
    _select(chosen, [m for m in cands if m.priority < 3])            # gazetteer places
    _select(chosen, [m for m in model if m.label in ("COUNTRY", "LOC")])
    _select(chosen, learned_last)
    chosen.sort(key=lambda m: m.start)
    # a text cut off mid-sentence (as sites serve them) may end inside a name: `…, Abd`
    tail = doc.text.rstrip()
    if chosen and chosen[-1].label in ("PERSON", "ORG", "LOC", "EVENT") \
            and chosen[-1].end >= len(tail) and not tail.endswith((".", "!", "?", "»", '"', ")", "”")):
        chosen.pop()
    _mend_stray_periods(doc.text, chosen)
    for m in chosen:
        m.text = doc.text[m.start:m.end]
    normalize_article(doc, chosen)
    doc._.mentions = chosen
    ents = []
    for m in chosen:
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is not None and not any(span.start < e.end and e.start < span.end for e in ents):
            ents.append(span)
    doc.ents = ents
    return chosen


def normalize_article(doc: Doc, mentions: list[Mention]) -> None:
    """Norms that need the whole article: full names, acronyms, ministries."""
    _people(mentions)
    try:
        from .acronyms import link_acronyms
        link_acronyms(doc.text, mentions)
    except ImportError:
        pass
    try:
        from .normalize.ministries import resolve_in_article
        resolve_in_article(mentions)
    except ImportError:
        pass


def _name_tokens(s: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", s.translate(_APOS)) if w]


def _people(mentions: list[Mention]) -> None:
    """A name takes the fullest form of it in the article (`Saadi` → `Lahcen Saadi`)."""
    people = [m for m in mentions if m.label == "PERSON"]
    names = sorted({clean_norm(m.text) for m in people}, key=len, reverse=True)
    for m in people:
        toks = _name_tokens(clean_norm(m.text))
        best = clean_norm(m.text)
        if m.norm and m.norm != best and ". " in best:
            best = m.norm  # a name mended across a stray period
        for cand in names:
            ct = _name_tokens(cand)
            if len(ct) <= len(toks):
                break
            # surname (last words) or first words of the fuller name
            if ct[-len(toks):] == toks or ct[:len(toks)] == toks:
                best = cand
                break
        m.norm = best
