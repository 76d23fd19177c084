"""DATE mentions in a spaCy Doc.

Candidates come from ``pipeline.dates.scan`` on ``doc_text(doc)``; this module only
decides, with the parse, which of them are calendar dates in context (a bare
`2024` that is an amount, an `aujourd'hui` meaning nowadays, a `demain`
meaning the future are not) and builds the ``Mention`` objects.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc

from pipeline.extraction.normalize.dates import (Candidate, fold, lexicon, resolve, scan,
                                                 yearless_period)
from pipeline.extraction.lexicon import lemma
from pipeline.extraction.mention import Mention
from pipeline.extraction.nlp import doc_text
from pipeline.extraction.normalize.text import opens_sentence
from pipeline.extraction.wordlists import word_set

# Words before a 4-digit number that make it an identifier, not a year.
_ID_BEFORE = word_set("id_words_before_year.tsv")
# Verbs that, in the present tense, still place an event on the day with `aujourd'hui`.
_EVENT_VERBS = word_set("event_verbs.tsv")
# Capitalised at the start of a sentence before `Ramadan` without making it a name.
_LEAD_WORDS = {"le", "du", "au", "pendant", "durant", "depuis", "avant", "apres", "des", "en",
               "ce", "mois", "fin", "debut", "jusqu'au", "lors"}
# Verbs whose date is the one they set (`a fixé au 10 décembre`), not the time of the act.
_SCHEDULE_VERBS = {w for w in lexicon()["schedule_verbs"]}
# Verbs that, in the present before an infinitive, aim at what is to come (`doit adopter`).
_INTENT_VERBS = set(lexicon()["intent_verbs"])
_SENT_PUNCT = ".!?«»\"“”:;"   # what ends a sentence before a date; a line break alone does not


def _prev_word(text: str, pos: int) -> str:
    m = re.search(r"([\w°º+'’]+)\W*\Z", text[max(0, pos - 40):pos])
    return fold(m.group(1)) if m else ""


def _tokens(doc: Doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _is_amount_year(doc: Doc, c: Candidate) -> bool:
    """A bare 4-digit number that is a count, an amount or an identifier."""
    text = doc_text(doc)
    before, after = text[max(0, c.start - 3):c.start], text[c.end:c.end + 12]
    if re.search(r"\d[\s\u00a0\u202f.,]?\Z", before) or re.search(r"\d[-/.]\Z", before):
        return True      # `1 2024`, `12-2024`: part of a longer number
    if re.match(r"[\s\u00a0\u202f]?\d{3}(?!\d)|[.,]\d|[-/]\d|\s*(%|pour\s*cent)", after):
        return True      # thousands, decimals, `2015-01`, percentages
    if re.search(r"[$€£]\s*\Z", before):
        return True
    nxt = re.match(r"[\s\u00a0\u202f]*([^\s\u00a0\u202f,;:()«»]+)", after)
    units = {fold(u) for u in lexicon()["amount_units_after_year"]}
    if nxt and fold(nxt.group(1)).rstrip(".") in units:
        return True
    prev = _prev_word(text, c.start)
    if prev in _ID_BEFORE:
        return True
    names = [fold(n) for n in lexicon()["names_with_year"]]
    head = fold(text[max(0, c.start - 30):c.start]).rstrip()
    if any(re.search(r"(?<!\w)" + re.escape(n) + r"\Z", head) for n in names):
        return True      # `Expo 2020`, `Mondial 2030`: a year inside a name
    span = _tokens(doc, c.start, c.end)
    if span is not None:
        tok = span[-1]
        if tok.i + 1 < len(doc):
            n = doc[tok.i + 1]
            month_words = {fold(w) for w in lexicon()["months"]}
            # a count of a thousand or more takes a plural noun: `2000 emplois`, not `depuis
            # 2012 ministre du Commerce`
            if (n.pos_ == "NOUN" and n.text[:1].islower()
                    and fold(n.text) not in month_words
                    and (n.text[-1:] in "sxz" or "Plur" in n.morph.get("Number"))
                    and (tok.dep_ == "nummod" or n.head.i == tok.i or tok.head.i == n.i)):
                return True
    return False


def _places_event_today(doc: Doc, c: Candidate) -> bool:
    """`aujourd'hui` that dates an event (`s'est réuni aujourd'hui`), not `nowadays`."""
    prev = _prev_word(doc_text(doc), c.start)
    if prev in ("d'", "d", "jusqu'", "jusqu", "jusqu'a", "a", "à") and re.search(
            r"(d|jusqu|jusqu'à|jusqu’à)['’ ]?\s*\Z", doc_text(doc)[max(0, c.start - 10):c.start]):
        # `à partir d'aujourd'hui` starts something on the day; `le monde d'aujourd'hui`,
        # `jusqu'à aujourd'hui` mean nowadays
        return bool(re.search(r"(?<!\w)partir\s+d['’]\s*\Z", doc_text(doc)[max(0, c.start - 12):c.start]))
    span = _tokens(doc, c.start, c.end)
    if span is None:
        return False
    verb = span.root.head
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 3:
        verb, hops = verb.head, hops + 1
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tense = verb.morph.get("Tense")
    if verb.morph.get("VerbForm") == ["Part"] and any(
            ch.dep_.startswith("aux") for ch in verb.children):
        return True      # passé composé: an event of the day
    if "Fut" in tense:
        return True
    if any(ch.dep_.startswith("aux") and lemma(ch) == "aller" for ch in verb.children):
        return True      # `va signer aujourd'hui`
    return lemma(verb) in _EVENT_VERBS


def _clause_verb(doc: Doc, c: Candidate):
    """The verb the date hangs on (a few hops up the parse), or None."""
    span = _tokens(doc, c.start, c.end)
    if span is None:
        return None
    verb, hops = span.root.head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 3:
        verb, hops = verb.head, hops + 1
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _future_clause(doc: Doc, c: Candidate) -> bool:
    """The verb the date hangs on is in the future tense (`s'achèvera fin juin`, `sera livré en
    mars`): news that announce what will happen place a yearless period ahead, not behind."""
    verb = _clause_verb(doc, c)
    if verb is None:
        return False
    return "Fut" in verb.morph.get("Tense") or any(
        ch.dep_.startswith("aux") and "Fut" in ch.morph.get("Tense") for ch in verb.children)


def _aim_clause(doc: Doc, c: Candidate) -> bool:
    """The date hangs on an infinitive after a future (`devra voter la loi avant le 15
    octobre`) or after a present verb of aim (`doit adopter le texte avant fin mars`, `entend
    livrer les logements d'ici juin`): what is to be done is ahead."""
    verb = _clause_verb(doc, c)
    if verb is None or verb.morph.get("VerbForm") != ["Inf"] or verb.head.i == verb.i:
        return False
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or head.morph.get("VerbForm") != ["Fin"]:
        return False
    tense = head.morph.get("Tense")
    return "Fut" in tense or ("Pres" in tense and lemma(head) in _INTENT_VERBS
                              and not _conditional(head))


def _is_figure(tok) -> bool:
    """A figure's head (`%`, `milliards`, a number): the parser often hangs a date on it."""
    return tok.like_num or tok.text in ("%", "$", "€") or any(ch.dep_ == "nummod" for ch in tok.children)


def _past_clause(doc: Doc, c: Candidate) -> bool:
    """The verb the date itself hangs on tells of the past (`ont progressé au premier
    trimestre`, `a été signé en novembre`, `s'était tenue le 3 mars`): the yearless period
    has begun by publication. Only a date attached to the verb directly counts (`a annoncé
    l'entrée en vigueur à partir du 1er octobre` dates the entry, not the announcement), and
    only `avoir` or a reflexive `être` makes a past (`est attendu le 15 octobre` is a passive
    present)."""
    span = _tokens(doc, c.start, c.end)
    if span is None:
        return False
    verb = span.root.head
    if verb.pos_ not in ("VERB", "AUX") and verb.i != verb.head.i and _is_figure(verb):
        verb = verb.head   # `ont progressé de 5 % au premier trimestre`, read as `5 % au …`
    if verb.pos_ not in ("VERB", "AUX") or verb.i == span.root.i:
        return False
    if lemma(verb) in _SCHEDULE_VERBS:
        return False     # `a fixé au 10 décembre`: the date is the one set, not the act's
    if verb.morph.get("VerbForm") == ["Fin"]:
        return any(t in verb.morph.get("Tense") for t in ("Past", "Imp")) and not _conditional(verb)
    if verb.morph.get("VerbForm") != ["Part"]:
        return False
    auxes = [ch for ch in verb.children if ch.dep_ == "aux:tense" or ch.dep_ == "aux"]
    reflexive = any(ch.dep_.startswith("expl") or ch.lower_ in ("se", "s'", "s’") for ch in verb.children)
    return any(a.morph.get("VerbForm") == ["Fin"] and "Fut" not in a.morph.get("Tense")
               and "Cnd" not in a.morph.get("Mood")
               and (lemma(a) == "avoir" or lemma(a) == "être" and reflexive) for a in auxes)


def _conditional(verb) -> bool:
    """A simple conditional (`se tiendrait`, `pourrait`), which the tagger often reads as an
    imperfect: told of what may come, not of the past."""
    return verb.morph.get("VerbForm") == ["Fin"] and fold(verb.text).endswith(("rait", "raient"))


def _conditional_clause(doc: Doc, c: Candidate) -> bool:
    """The date hangs on a simple conditional, or on an infinitive after one (`pourrait se
    rendre à Moscou au second semestre`): a yearless period ahead, as with the future. A
    compound conditional (`aurait signé en mars`) tells of the past and is not one."""
    verb = _clause_verb(doc, c)
    if verb is None or verb.morph.get("VerbForm") == ["Part"]:
        return False
    if verb.morph.get("VerbForm") == ["Inf"] and verb.head.i != verb.i:
        verb = verb.head
    return _conditional(verb) and not any(
        ch.dep_.startswith("aux") for ch in verb.children if ch.i > verb.i)


def _past_participle_clause(doc: Doc, c: Candidate) -> bool:
    """The date hangs on a past participle with no auxiliary, describing a noun or opening
    the sentence (`l'exercice clos fin mars`, `Signé en juillet, l'accord …`): done by
    publication, unless the verb schedules (`le sommet prévu en mars`)."""
    span = _tokens(doc, c.start, c.end)
    if span is None:
        return False
    verb = span.root.head
    if verb.i == span.root.i or verb.morph.get("VerbForm") != ["Part"] \
            or "Past" not in verb.morph.get("Tense") or lemma(verb) in _SCHEDULE_VERBS:
        return False
    return not any(ch.dep_.startswith("aux") for ch in verb.children)


def _lead(text: str, start: int) -> str:
    """The preposition before a date, past its article or `fin`/`début` (`avant` in `avant le
    30 avril`, `d'ici` in `d'ici fin juin`), folded; '' when none of the lexicon's."""
    head = fold(text[max(0, start - 30):start]).rstrip()
    head = re.sub(r"(?:(?<=\s)|(?<=^))(?:le|la|l'|les)\s*\Z", "", head).rstrip()
    lx = lexicon()
    for w in lx["since_words"] + lx["until_words"] + lx["deadline_words"]:
        if re.search(r"(?<!\w)" + re.escape(fold(w)) + r"\Z", head):
            return fold(w)
    return ""


def _starts_with_period_noun(surface: str) -> bool:
    return any(surface.startswith(fold(n) + " ") for n in lexicon()["period_nouns"])


def _keep(doc: Doc, c: Candidate) -> bool:
    text = doc_text(doc)
    surface = fold(text[c.start:c.end])
    prev = _prev_word(text, c.start)
    if c.form == "year" and c.parts.modifier is None and not _starts_with_period_noun(surface):
        return not _is_amount_year(doc, c)
    if c.form in ("month_num", "day_month_num", "numeric_yy"):
        # `loi n° 12/2019`, `loi 12/03`, `2/2018 des voix`: an identifier or a fraction, not a date
        return prev not in {fold(w) for w in lexicon()["id_words"]} and not re.match(
            r"[ \u00a0\u202f]*(?:%|de[ \u00a0\u202f]|d['’])", text[c.end:c.end + 4])
    if c.form == "named_period":
        # `Tariq Ramadan`, `Ramadan Ali`: a name, not the month of fasting
        before = text[max(0, c.start - 30):c.start]
        pw = re.search(r"(\w+)[ \u00a0\u202f]+\Z", before)
        nw = re.match(r"[ \u00a0\u202f]+(\w+)", text[c.end:c.end + 30])
        name_before = pw and pw.group(1)[:1].isupper() and not (
            _sentence_start(text, pw.start()) and fold(pw.group(1)) in _LEAD_WORDS)
        return not (name_before or (nw and nw.group(1)[:1].isupper()))
    if c.form == "rel_day":
        if surface.startswith("aujourd"):
            return _places_event_today(doc, c)
        if surface.startswith(("hier", "demain")):
            # `le Maroc d'hier`, `les métiers de demain`: another era, not a day
            return not re.search(r"(?<!\w)(de|d['’])\s*\Z", text[max(0, c.start - 4):c.start])
        return True
    if c.form == "weekday":
        return prev not in ("chaque", "les")
    if c.form == "month" and c.parts.modifier is None and not surface.startswith("mois"):
        word = text[c.start:c.end]
        if word[:1].isupper() and not _sentence_start(text, c.start) and c.parts.direction == 0:
            return False  # `Mars` the planet or brand, `Mai` a name
    return True


def _sentence_start(text: str, pos: int) -> bool:
    return opens_sentence(text, pos, _SENT_PUNCT)


def find_dates(doc: Doc, published: Optional[str] = None) -> list[Mention]:
    """DATE mentions of ``doc`` with their ISO/TIMEX3 values (ENTITIES.md).

    ``published`` is the article's header date (``YYYY-MM-DD``, ``YYYY-MM``) or None.
    """
    out: list[Mention] = []
    for c in scan(doc_text(doc)):
        if not _keep(doc, c):
            continue
        parts = c.parts
        if yearless_period(parts):
            lead, lx = _lead(doc_text(doc), c.start), lexicon()
            if lead in {fold(w) for w in lx["since_words"]}:
                parts = replace(parts, begun=True)
            elif lead in {fold(w) for w in lx["until_words"]} or _future_clause(doc, c) \
                    or _conditional_clause(doc, c) or _aim_clause(doc, c):
                parts = replace(parts, not_over=True)
            elif lead not in {fold(w) for w in lx["deadline_words"]} and (
                    _past_clause(doc, c) or _past_participle_clause(doc, c)):
                parts = replace(parts, begun=True)
        v = resolve(parts, published)
        out.append(Mention(start=c.start, end=c.end, label="DATE", text=doc_text(doc)[c.start:c.end],
                           norm=v.value, date_value=v.value, date_start=v.start,
                           date_end=v.end, date_precision=v.precision,
                           source=f"date_finder.{c.form}"))
    return out
