"""Acronym <-> long-form linking for ORG and EVENT mentions (pure: no spaCy).

``Fédération de l'industrie minérale du Maroc (FDIM)`` makes ``FDIM`` a mention of its own whose
norm is the long form; every other ``FDIM`` in the article gets that norm too (ENTITIES.md:
"the long form where the article gives one, acronym and long form linked").
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterable, Optional

from pipeline.extraction.mention import Mention
from pipeline.extraction.normalize.text import clean, fold_text, fold_word

# Small words skipped when reading initials (French and English).
FUNCTION_WORDS = {
    "de", "des", "du", "d", "la", "le", "les", "l", "et", "pour", "sur", "au", "aux", "en",
    "à", "a", "of", "the", "and", "for", "in", "on", "un", "une", "par", "dans", "&",
}
ACRONYM_RE = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z][A-Za-z0-9&]{1,7}$")
# an acronym written as a word, in brackets (see link_acronyms)
_TITLE_ACRONYM = re.compile(r"\(([A-Z][a-z]{2,7})\)")
WORD_RE = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


# apostrophes as ``'`` and whitespace runs as one space (the ORG/EVENT norm form)
norm_apostrophes = clean
_fold = fold_word


def looks_like_acronym(s: str) -> bool:
    """``FDIM``, ``ZLECAf``, ``G20``, ``S&P``: at least two capitals, no spaces, 2-8 chars."""
    return bool(ACRONYM_RE.match(s)) and sum(c.isupper() for c in s) >= max(2, len(s) - 2)


def acronym_matches(acronym: str, long_form: str) -> bool:
    """Loose check that ``acronym`` can be read off ``long_form``.

    Letters of the acronym must appear, in order, as initials of the long form's words where
    content words may not be skipped but function words may (French order:
    ``OMPIC`` / ``Office marocain de la propriété industrielle et commerciale``). As a fallback the
    same letters in any order among the content-word initials are accepted (English word order:
    ``IMC`` / ``Congrès international des mines``), and a word may give two letters
    (``ONHYM`` / ``Office national des hydrocarbures et des mines``: HY).
    """
    head, hyphen, _ = acronym.partition("-")
    if hyphen and len(head) >= 2 and acronym_matches(head, long_form):
        return True  # `CCC-CI`, `SGEB-UGTT`: the body's acronym, then its country's or parent's
    acr = _fold(re.sub(r"[^A-Za-z]", "", acronym))
    if len(acr) < 2:
        return False
    words = [_fold(w) for w in WORD_RE.findall(norm_apostrophes(long_form))]
    content = [w for w in words if w not in FUNCTION_WORDS]
    if not content:
        return False
    # 1) in order, each acronym letter = a word's initial (or 2 letters from one word's start);
    #    content words may be skipped at most once (adjectives such as "marocain" often are).
    cw = words

    @lru_cache(maxsize=None)
    def walk(i: int, j: int, skips: int) -> bool:
        if i == len(acr):
            # remaining words must be skippable
            rest = [w for w in cw[j:] if w not in FUNCTION_WORDS]
            return len(rest) <= skips
        if j == len(cw):
            return False
        w = cw[j]
        if w.startswith(acr[i]):
            if walk(i + 1, j + 1, skips):
                return True
            # two or three letters from the start of one word (HYdrocarbures, PETROSEN)
            k = 2
            while i + k <= len(acr) and w.startswith(acr[i:i + k]):
                if walk(i + k, j + 1, skips):
                    return True
                k += 1
        if w in FUNCTION_WORDS:
            return walk(i, j + 1, skips)
        if skips > 0:
            return walk(i, j + 1, skips - 1)
        return False

    if cw and cw[0].startswith(acr[0]) and walk(0, 0, 1):
        return True
    # 2) any order (English names): same multiset of letters as content initials
    initials = sorted(w[0] for w in content)
    return sorted(acr) == initials


def find_paren_acronyms(text: str) -> list[tuple[int, int, int]]:
    """``(ACR)`` or ``« ACR »`` or ``«ACR»``: (open_pos, acr_start, acr_end) for each acronym
    written in brackets/guillemets."""
    out = []
    # `(CCC-CI)`, `(SGEB-UGTT)`: an acronym may carry its country's or parent's after a hyphen
    for m in re.finditer(r"(\(|«\s*|\"\s*)([A-ZÀ-Þ][\w&]{1,9}(?:-[A-Z]{2,6})?(?: [A-Z][A-Za-z]+)?)\s*(\)|»|\")", text):
        acr = m.group(2)
        first = acr.split(" ")[0].split("-")[0]
        # in brackets an acronym may be longer or carry accented capitals (`SOGEPAMI`, `TÜİK`)
        if looks_like_acronym(first) or (first.isupper() and first.replace("&", "").isalnum()
                                         and not any(c.isdigit() for c in first)):
            out.append((m.start(), m.start(2), m.end(2)))
    return out


def backtrack_long_form(text: str, open_pos: int, acronym: str, max_words: int = 14) -> Optional[int]:
    """Start offset of the shortest run of words ending just before ``open_pos`` whose initials
    match ``acronym``, for a long form no extractor found (``centre régional d'investissement
    (CRI)``). None when nothing fits."""
    left = text[:open_pos].rstrip()
    words = list(re.finditer(r"[^\s()«»,;:.]+", left))
    if not words or words[-1].end() != len(left):
        return None
    words = words[-max_words:]
    n_letters = len(re.sub(r"[^A-Za-z]", "", acronym))
    for k in range(1, len(words) + 1):
        start = words[-k].start()
        cand = text[start:len(left)]
        first = _fold(WORD_RE.findall(norm_apostrophes(cand))[0]) if WORD_RE.findall(cand) else ""
        if first in FUNCTION_WORDS:
            continue
        if k >= n_letters - 2 and acronym_matches(acronym, cand):
            return start
    return None


def canonical_name(surface: str, known_long_forms: Iterable[str]) -> str:
    """The norm of a written long form: as written with ``'`` apostrophes, except that a known
    name written in lower case (``banque mondiale``) or with a typo of the same word count
    (``British Petrolum``) takes the known spelling."""
    s = norm_apostrophes(surface)
    fs = _fold(s)
    for k in known_long_forms:
        fk = _fold(k)
        if fs == fk:
            return k if s[:1].islower() else s
        if (len(fs.split()) == len(fk.split()) and len(fs) > 8
                and difflib.SequenceMatcher(None, fs, fk).ratio() >= 0.9):
            return k
    return s


def link_acronyms(text: str, mentions: list[Mention],
                  known: Optional[dict[str, tuple[str, str]]] = None,
                  short_forms: Optional[dict[str, str]] = None) -> None:
    """Link acronyms to long forms in place.

    * ``LONG (ACR)`` where LONG is an ORG/EVENT mention ending just before the bracket: ACR
      becomes (or is added as) a mention with LONG's label and norm.
    * Every other mention whose text is ACR gets that norm and label, and bare occurrences of
      ACR not covered by any mention are added.
    * ``known`` (acronym -> (long form, label)): an acronym whose known long form the article
      writes somewhere takes it as norm (``RAM`` with ``Royal Air Maroc`` in the text).
    * ``short_forms`` (folded short form -> full name, org_short_forms.tsv): a short form takes
      the full name where the article writes it; a known acronym whose long form the article
      does not write takes a short form of it that it writes (``ONU`` with ``Nations unies``).
    """
    known = known or {}
    by_span = {(m.start, m.end): m for m in mentions}
    defs: dict[str, tuple[str, str]] = {}  # acronym -> (norm, label)
    ends = {}
    for m in mentions:
        if m.label in ("ORG", "EVENT", "LOC") and not looks_like_acronym(m.text):
            ends.setdefault(m.end, m)
    for open_pos, a0, a1 in find_paren_acronyms(text):
        gap_start = len(text[:open_pos].rstrip())
        long_m = ends.get(gap_start)
        if long_m is None:
            continue
        acr = text[a0:a1]
        if long_m.label == "LOC" and not _place_acronym(long_m.text, acr, known):
            continue  # `Casablanca (MAP)`: a dispatch's agency after its town
        if long_m.source == "event_body" and not acronym_matches(acr, long_m.text):
            # `sommet de l'Union africaine (UA)`: the acronym is the body's, not the summit's
            body = _acronym_suffix(long_m.text, acr)
            if body is None:
                continue
            norm = norm_apostrophes(re.sub(r"^(?:de la|de l['’]|du|des|de)\s*", "", body))
            defs.setdefault(acr, (norm, "ORG"))
            cur = by_span.get((a0, a1))
            if cur is None:
                cur = Mention(a0, a1, "ORG", text=acr, norm=norm, source="acronym_paren")
                mentions.append(cur)
                by_span[(a0, a1)] = cur
            cur.label, cur.norm = "ORG", norm
            continue
        if long_m.label == "LOC":
            # a place is valued as written (ENTITIES.md), its acronym too
            defs.setdefault(acr, (acr, "LOC"))
            _bracketed(mentions, by_span, a0, a1, acr, "LOC", acr)
            continue
        if not acronym_matches(acr, long_m.text):
            _trim_to_acronym(text, long_m, acr)
        norm = long_m.norm or norm_apostrophes(long_m.text)
        # `Conseil régional du tourisme (CRT) de Marrakech`: the place after the bracket
        # belongs to the name
        # (`de` + a city; `du Maroc` after a national body is description, not name)
        tail = re.match(r"\)\s+(de\s+(?:[A-Z][\w-]+)(?:\s+[A-Z][\w-]+)*)", text[a1:a1 + 60])
        if tail and not long_m.extra.get("tail_added"):
            norm = f"{norm} {tail.group(1)}"
            long_m.norm = norm
            long_m.extra["tail_added"] = True
        defs.setdefault(acr, (norm, long_m.label))
        _bracketed(mentions, by_span, a0, a1, acr, long_m.label, norm)
        if long_m.norm is None:
            long_m.norm = norm
    # `Festival panafricain du cinéma … de Ouagadougou (Fespaco)`: an acronym written as a word
    # (one capital, then lower case: Fespaco, Unesco, Cemac) is one only in brackets right after
    # a long form it spells
    for mm in _TITLE_ACRONYM.finditer(text):
        acr, a0, a1 = mm.group(1), mm.start(1), mm.end(1)
        long_m = ends.get(len(text[:mm.start()].rstrip()))
        if long_m is None or acr in defs or not acronym_matches(acr, long_m.text):
            continue
        norm = long_m.norm or norm_apostrophes(long_m.text)
        defs[acr] = (norm, long_m.label)
        _bracketed(mentions, by_span, a0, a1, acr, long_m.label, norm)
    _bracketed_short_names(text, mentions, ends, by_span, defs)
    # known long forms the article writes out
    ftext = None        # the folded article, when a known acronym asks for it
    short_forms = short_forms or {}
    written = [(m, _full_name(m, short_forms)) for m in mentions]
    written_short = {_fold(full): m.norm for m, full in written if full}
    for m in mentions:
        if m.label in ("ORG", "EVENT") and m.text not in defs and m.text in known:
            lf, lab = known[m.text]
            if ftext is None:
                ftext = fold_text(norm_apostrophes(text))
            if lf and _fold(lf) in ftext:
                defs[m.text] = (lf, lab)
            elif lf and _fold(lf) in written_short:
                defs[m.text] = (written_short[_fold(lf)], lab)
    # `CAN 2025` where the article writes `Coupe d'Afrique des nations`: an edition of a known
    # event takes the long form too, its year kept
    for m in mentions:
        ed = _EDITION.fullmatch(m.text) if m.label == "EVENT" else None
        if ed is None or ed.group(1) in defs or ed.group(1) not in known:
            continue
        lf, lab = known[ed.group(1)]
        if ftext is None:
            ftext = fold_text(norm_apostrophes(text))
        if lf and lab == "EVENT" and _fold(lf) in ftext:
            m.norm = f"{lf} {ed.group(2)}"
    # the full name as a mention of its own, not inside a longer one (`Organisation des
    # Nations unies pour l'alimentation …`)
    named = {_fold(norm_apostrophes(x.text)) for x in mentions if x.label == "ORG"}
    for m, full in written:
        if full and _fold(full) in named:
            m.norm = full
    for m in mentions:
        # a word the article defines as an acronym is that acronym wherever it stands, also
        # where the model or a gazetteer read a person or a place (`Fespaco` in a headline)
        if m.text in defs and m.label in ("ORG", "EVENT", "PERSON", "LOC"):
            m.norm, m.label = defs[m.text][0], defs[m.text][1]
    covered = sorted((m.start, m.end) for m in mentions)
    for acr, (norm, label) in defs.items():
        for mm in re.finditer(r"(?<![\w-])" + re.escape(acr) + r"(?![\w-])", text):
            if any(s < mm.end() and mm.start() < e for s, e in covered):
                continue
            mentions.append(Mention(mm.start(), mm.end(), label, text=acr, norm=norm,
                                    source="acronym_reuse"))
            covered.append((mm.start(), mm.end()))


# an event acronym and its edition's year (`CAN 2025`, `COP 2026`)
_EDITION = re.compile(r"([A-Z][A-Za-z]{1,7})[ \u00a0]+((?:19|20)\d\d)")


def _place_acronym(place: str, acr: str, known: dict) -> bool:
    """`Grand Tortue Ahmeyim (GTA)`, `Afrique du Nord (MENA)`: an acronym of no known
    organization after a place of several words, or one it spells."""
    return acr not in known and (" " in place.strip() or acronym_matches(acr, place))


# `(Afreximbank)`, `(SCZone)`, `(Arcep Bénin)`: a short name in brackets, one word (maybe with
# capitals inside), and maybe the country it serves
_SHORT_NAME = re.compile(r"[ \u00a0]*\(([A-ZÀ-Þ][\w’'-]*[a-zà-ÿ][\w’'-]*)(?:[ \u00a0]([A-ZÀ-Þ][\w’'-]+))?\)")


def _bracketed_short_names(text: str, mentions: list[Mention], ends: dict, by_span: dict,
                           defs: dict) -> None:
    """A short name in brackets right after an organization's long form of three words or more
    (`Banque africaine du commerce (Afcobank)`, `Autorité … de Kribi (KPZone)`) is that
    organization, its first letter one of the long form's initials and the rest however it
    comes: outlets write contractions and English short names there. Not a place, a French word or a person of the article; a
    second word must be a place (`(Artel Niger)`, whose first word alone names it too)."""
    from .lexicon import is_french_word
    from .normalize.gazetteer import country_code, lookup
    person_words = {w for m in mentions if m.label == "PERSON" for w in m.text.split()}
    for end, long_m in list(ends.items()):
        mm = _SHORT_NAME.match(text, end)
        if mm is None or len(long_m.text.split()) < 3 or long_m.label != "ORG":
            continue
        name, country = mm.group(1), mm.group(2)
        whole = text[mm.start(1):mm.end(2) if country else mm.end(1)]
        if whole in defs or looks_like_acronym(name) or any(c.isdigit() for c in name) \
                or not 3 <= len(name) <= 16 or is_french_word(name) or name in person_words \
                or lookup(name, weak=True) is not None:
            continue
        if country and lookup(country) is None and country_code(country) is None:
            continue
        initials = {_fold(w)[:1] for w in WORD_RE.findall(norm_apostrophes(long_m.text))
                    if _fold(w) not in FUNCTION_WORDS}
        if _fold(name)[:1] not in initials:
            continue  # `… européenne (Reuters)`: a short name opens with one of the name's initials
        norm = long_m.norm or norm_apostrophes(long_m.text)
        defs[whole] = (norm, "ORG")
        if country:
            defs.setdefault(name, (norm, "ORG"))
        a0, a1 = mm.start(1), mm.start(1) + len(whole)
        # the name's words read alone (`Niger` in `(Artep Niger)`) give way to it
        mentions[:] = [m for m in mentions if not (a0 <= m.start and m.end <= a1
                                                   and (m.start, m.end) != (a0, a1))]
        _bracketed(mentions, by_span, a0, a1, whole, "ORG", norm)


def _full_name(m: Mention, short_forms: dict[str, str]) -> Optional[str]:
    """The full name of an ORG mention written as a short form (`Nations unies`), else None."""
    return short_forms.get(_fold(m.norm or "")) if m.label == "ORG" else None


def _bracketed(mentions: list[Mention], by_span: dict, a0: int, a1: int, acr: str, label: str,
               norm: str) -> None:
    """The acronym in brackets at a0:a1 takes its long form's label and norm: the mention
    already there, or a new one."""
    cur = by_span.get((a0, a1))
    if cur is None:
        cur = Mention(a0, a1, label, text=acr, norm=norm, source="acronym_paren")
        mentions.append(cur)
        by_span[(a0, a1)] = cur
    cur.label, cur.norm = label, norm


def _acronym_suffix(name: str, acr: str) -> Optional[str]:
    """The shortest word-suffix of ``name`` that ``acr`` spells, else None."""
    for w in reversed(list(re.finditer(r"\S+", name))[1:]):
        cand = re.sub(r"^[ldLD][’'`]", "", name[w.start():])  # `l’Union africaine`
        first = _fold(WORD_RE.findall(norm_apostrophes(cand))[0]) if WORD_RE.findall(cand) else ""
        if first not in FUNCTION_WORDS and acronym_matches(acr, cand):
            return cand
    return None


def _trim_to_acronym(text: str, m: Mention, acr: str) -> None:
    """Shrink ``m`` to its shortest word-suffix that the acronym spells
    (``Strategic Business Unit Specialty Products & Solutions (SPS)`` -> the last three words)."""
    for w in list(re.finditer(r"\S+", m.text))[1:]:
        # from a content word: `Commission de l'Union africaine (UA)` -> `Union africaine`
        lead = re.match(r"[ldLD][’'`]", m.text[w.start():])
        at = w.start() + (lead.end() if lead else 0)
        cand = m.text[at:]
        words = WORD_RE.findall(cand)
        if not words or _fold(words[0]) in FUNCTION_WORDS or not cand[:1].isupper():
            continue  # a name starts with a capital (`kényan de la statistique` is none)
        if acronym_matches(acr, cand):
            m.start += at
            m.text = cand
            if m.norm:
                m.norm = norm_apostrophes(cand)
            return


def complete_norms(mentions: list[Mention]) -> None:
    """A name that is a word-prefix of a longer name of the same label in the article takes the
    longer one's norm (``commission régionale d'investissement`` after
    ``commission régionale d'investissement Beni Mellal-Khenifra``)."""
    norms = {m.norm for m in mentions if m.label in ("ORG", "EVENT") and m.norm}
    for m in mentions:
        if m.label not in ("ORG", "EVENT") or not m.norm or looks_like_acronym(m.norm):
            continue
        longer = [n for n in norms if n != m.norm and _fold(n).startswith(_fold(m.norm) + " ")]
        if len(longer) == 1:
            m.norm = longer[0]


def company_short_names(mentions: list[Mention], suffixes: Iterable[str]) -> None:
    """A company named in full with its corporate words (`Tamba Logistics Group`, `ZK Ports
    Group`) and elsewhere without some of them (`Tamba`, `ZK Ports`): the short form takes the
    full name as norm, where one full name of the article starts so."""
    suffixes = set(suffixes)
    full = [m for m in mentions if m.label == "ORG" and len(m.text.split()) >= 2
            and m.text.split()[-1] in suffixes]
    for m in mentions:
        if m.label != "ORG" or m in full:
            continue
        longer = {f.norm for f in full if f.text.startswith(m.text + " ")
                  and all(w in suffixes for w in f.text[len(m.text):].split())}
        if len(longer) == 1:
            m.norm = longer.pop()
