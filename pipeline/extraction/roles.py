"""Roles: person → title → ministry or organization → country.

Two shapes cover French news prose, read off the resolved mentions and the
words between them rather than from fixed sentences:
  TITLE [demonym] [de|du ORG] [,] PERSON     `la ministre de X, Leila Benali`,
                                             `le Vice-président américain JD Vance`
  PERSON, [le|la] TITLE [demonym] [de ORG]   `Rachid Benaïssa, ministre de X`
A MINISTRY mention that names the office (`ministre de X`) carries its own title.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from .mention import Mention
from .resolver import PATTERNS, clean_norm

_GOV_TITLES = {"ministre", "ministre délégué", "ministre déléguée", "secrétaire d'état",
               "chef du gouvernement", "premier ministre", "roi", "reine", "garde des sceaux",
               "ministre d'état", "président", "vice-président", "ambassadeur", "ambassadrice",
               "président de la république", "vice-président de la république"}


def _data_lines(name: str):
    for line in (PATTERNS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.strip()


@lru_cache(maxsize=1)
def _titles_rx() -> re.Pattern:
    titles = sorted(_data_lines("titles.txt"), key=len, reverse=True)
    alts = "|".join(re.escape(t).replace("'", "['’]").replace(r"\ ", r"\s+")
                    .replace(r"du\s+", r"(?:du|de\s+son)\s+").replace(r"de\s+la\s+", r"(?:de\s+la|de\s+sa)\s+")
                    for t in titles)
    return re.compile(rf"(?<![\w-])(?P<title>{alts})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _title_vocab() -> frozenset:
    """Words that are lower case in a normalized title; others keep their case."""
    return frozenset(w for t in _data_lines("titles.txt") for w in re.split(r"[\s']+", t) if w.islower())


def is_title(text: str) -> bool:
    """The whole text is a title of office (`Garde des Sceaux`, `Directeur Général`)."""
    t = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    return bool(_titles_rx().fullmatch(t))


@lru_cache(maxsize=1)
def title_words() -> frozenset:
    """Lower-case content words of the titles of office (`directeur`, `général`, `ministre`)."""
    return frozenset(w.lower() for t in _data_lines("titles.txt")
                     for w in re.split(r"[\s']+", t) if len(w) > 3)


def titles_pattern() -> str:
    """The regex source of every title of office (group `title`)."""
    return _titles_rx().pattern


def title_end(text: str, start: int, end: int) -> Optional[int]:
    """End offset of a title of office that opens text[start:end], else None."""
    m = _titles_rx().match(text, start, end)
    return m.end() if m else None


def _title_norm(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.replace("’", "'")).strip()
    # `le chef de son gouvernement` holds the office `chef du gouvernement`
    raw = re.sub(r"\bde son\b", "du", re.sub(r"\bde sa\b", "de la", raw))
    # `secrétaire d'État` keeps État's case as written (the contract's examples do)
    m = re.match(r"(secrétaire d')(état|etat)", raw, re.I)
    if m:
        return "secrétaire d'" + m.group(2)
    vocab = _title_vocab()
    out = []
    for i, w in enumerate(raw.split(" ")):
        if w.isupper() and len(w) > 1:
            out.append(w)  # acronyms: PDG, DG, CEO
        elif i == 0 or w.lower() in vocab or "-" in w and w.lower().split("-")[0] in vocab:
            out.append(w.lower())
        else:
            out.append(w)  # proper nouns inside a title: `de la République`, `Sceaux`
    return " ".join(out)


def _ministry_title(text: str) -> str:
    t = clean_norm(text)
    m = re.match(r"(secrétaire d'(?:État|Etat|état|etat))", t, re.I)
    if m:
        return _title_norm(m.group(1))
    m = re.match(r"(ministres?(?: délégué(?:e)?)?)", t, re.I)
    if m:
        return m.group(1).lower().replace("ministres", "ministre")
    return "ministre"


def _country_of_adj(words: str) -> Optional[str]:
    from .normalize.gazetteer import demonym_country
    for w in re.findall(r"[\w-]+", words):
        code = demonym_country(w) or demonym_country(w.lower())
        if code:
            return code
    return None


def _country_in_name(name: str) -> Optional[str]:
    """`Royal Air Maroc` → MAR: an organization named after its state."""
    from .normalize.gazetteer import country_code
    words = re.findall(r"[\w-]+", name)
    for w in words:
        code = country_code(w) if w[:1].isupper() else None
        if code:
            return code
    return _country_of_adj(name)


def _generic_org(ms: list[Mention], head: str, before: int) -> Optional[Mention]:
    """`du Groupe` / `du Congrès` standing for the organization named earlier."""
    head = head.lower()
    for m in reversed([m for m in ms if m.end <= before and m.label in ("ORG", "EVENT")]):
        if (m.norm or m.text).lower().startswith(head):
            return m
    return None


@lru_cache(maxsize=1)
def _title_countries() -> dict:
    return {t.lower(): c for t, c in (line.split("\t") for line in _data_lines("title_countries.tsv"))}


@lru_cache(maxsize=1)
def _international_words() -> frozenset:
    return frozenset(_data_lines("international_words.txt"))


@lru_cache(maxsize=1)
def _hon() -> str:
    """Honorifics that may stand between a title and the name (`son directeur général Mme X`)."""
    words = [w for w in _data_lines("honorifics.txt")
             if w not in ("son", "sa", "se") and not is_title(w)]
    words.sort(key=len, reverse=True)
    alts = "|".join(re.escape(w) for w in words)
    return rf"(?:(?:{alts})(?<=\.)\s*|(?:{alts})\s+)*"


def _international(org: Mention) -> bool:
    from .org_finder import load_patterns
    name = org.norm or org.text
    long_form = load_patterns().known_acronyms.get(name, ("", ""))[0]
    words = set(re.findall(r"[\w-]+", f"{name} {long_form}"))
    return bool(words & _international_words())


_CORPORATE = re.compile(r"(directeur|directrice|PDG|DG|CEO|administrat|président-directeur)", re.I)
_QUALIFIER = re.compile(r"\s+((?:chargée?s?|en\s+charge|pour|responsable)\b[^.;:!?«»()\n]*?)\s*,\s*$", re.I)
_LINK = r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])"


class _Roles:
    """Collects roles for one document; `add` fills the country the text implies."""

    def __init__(self, doc: Doc, mentions: list[Mention]):
        self.text = doc.text
        self.ms = sorted(mentions, key=lambda m: m.start)
        mentioned = Counter(m.norm for m in self.ms if m.label == "COUNTRY" and m.norm)
        countries = mentioned
        # the state an office belongs to when the text implies it: Morocco for the
        # Moroccan press that this pipeline reads, else the article's main country
        if not countries:
            from .normalize.gazetteer import demonym_country
            countries = Counter(c for c in (demonym_country(w) for w in re.findall(r"\w+", self.text)) if c)
        self.home = "MAR" if "MAR" in countries else (countries.most_common(1)[0][0] if countries else None)
        # a national body in an article about one country only belongs to that country
        self.single = next(iter(mentioned)) if len(mentioned) == 1 else None
        self.roles: list[dict] = []
        self.seen: dict = {}

    def add(self, person: Mention, title: str, org: Optional[Mention], country, start, end):
        title = re.sub(r"\s+", " ", title.replace("’", "'")).strip()
        key = (person.norm, title, org.norm if org else None)
        if key in self.seen:
            old = self.seen[key]
            if country and old.get("_implied"):
                old["country"], old["_implied"] = country, False
            return None
        if country is None:
            country = _title_countries().get(title.lower())
        if country is None and org is not None and org.label == "MINISTRY":
            country = org.extra.get("country") or _country_of_adj(org.text) or self.home
        if country is None and org is not None and org.label != "MINISTRY":
            country = _country_in_name(org.norm or org.text)
            if country is None and self.single and not _international(org):
                country = self.single
        implied = country is None and org is None and title.lower() in _GOV_TITLES
        if implied:
            country = self.home
        role = {"person": person.norm or person.text, "title": title,
                "org": org.norm if org else None, "org_label": org.label if org else None,
                "country": country, "start": start, "end": end, "_implied": implied}
        self.seen[key] = role
        self.roles.append(role)
        return role

    def after(self, pos: int) -> Optional[Mention]:
        return next((x for x in self.ms if x.start >= pos), None)


def _org_before_person(R: _Roles, i: int):
    """Shape 1: `TITLE [adj] [(ACR)] de ORG [(ACR)] [de LOC] [qualifier] [,] PERSON`.
    Returns (title, org, country, start) or None."""
    text, ms, p = R.text, R.ms, R.ms[i]
    # `le directeur général de la BAD pour l'Afrique du Nord, Nom`: the office's remit
    # (it may name places) runs from the organization to the comma before the name
    for j in range(i - 1, max(-1, i - 6), -1):
        q = ms[j]
        if q.label == "PERSON" or p.start - q.end > 200:
            break
        if q.label in ("ORG", "EVENT", "MINISTRY"):
            mq = _QUALIFIER.fullmatch(text, q.end, p.start)
            if mq:
                found = _title_of_org(R, q)
                if found:
                    return found[0] + " " + re.sub(r"\s+", " ", mq.group(1)), q, found[1], found[2]
            break
    j = i - 1
    gap_end = p.start
    place = None
    while j >= 0:
        q = ms[j]
        gap = text[q.end:gap_end]
        if not re.fullmatch(r"[\s,()«»\"]*(?:(?:de|d['’])\s*)?", gap):
            break
        # acronyms and `de Marrakech` between the organization and the name
        if q.label == "ORG" and q.text.isupper() and j > 0 and ms[j - 1].label == "ORG" \
                and re.fullmatch(r"\s*[(«\"]\s*", text[ms[j - 1].end:q.start]):
            gap_end = q.start
            j -= 1
            continue
        if q.label == "LOC" and re.match(r"\s*(de|d['’])\s*$", text[max(0, q.start - 4):q.start]):
            place = place or q
            gap_end = q.start
            j -= 1
            continue
        if q.label in ("ORG", "EVENT", "MINISTRY"):
            if q.label == "MINISTRY" and j == i - 1 and re.match(r"(ministre|secrétaire)", q.text, re.I):
                return _ministry_title(q.text), q, None, q.start
            found = _title_of_org(R, q)
            if found:
                return found[0], q, found[1], found[2]
        break
    # a place heads a company's name only for corporate offices (`directeur général de Nador West Med`)
    if place is not None:
        found = _title_of_org(R, place)
        if found and _CORPORATE.match(found[0]):
            return found[0], place, found[1], found[2]
    return None


def _title_of_org(R: _Roles, org: Mention):
    """`TITLE [adj] [(ACR)] de` right before an organization: (title, country, start)."""
    left = R.text[max(0, org.start - 120):org.start]
    m = re.search(_titles_rx().pattern + r"(?P<adj>(?:\s+[\w-]+)?)(?:\s*\([A-Z]{2,6}\))?\s+"
                  + _LINK + r"\s*$", left, re.I)
    if not m:
        return None
    return _title_norm(m.group("title")), _country_of_adj(m.group("adj")), org.start - (len(left) - m.start())


def _appositions(R: _Roles, i: int) -> list:
    """Shape 2: `PERSON, [le|la] TITLE [demonym] [de ORG|COUNTRY]` and its chains
    (`Nicole Belloubet, Garde des Sceaux, ministre de la Justice`)."""
    text, ms, p = R.text, R.ms, R.ms[i]
    out = []
    pos = p.end
    while True:
        m = re.match(r"\s*,\s*(?:l['’]|le\s+|la\s+)?", text[pos:pos + 10])
        if not m:
            break
        after = pos + m.end()
        nxt = R.after(after)
        if nxt is not None and nxt.start == after and nxt.label == "MINISTRY" \
                and re.match(r"(ministre|secrétaire)", nxt.text, re.I):
            end = nxt.end
            country = None
            mc = re.match(r"\s+" + _LINK + r"\s*", text[end:end + 12])
            nxt2 = R.after(end)
            if mc and nxt2 is not None and nxt2.label == "COUNTRY" and nxt2.start == end + mc.end():
                country, end = nxt2.norm, nxt2.end
            out.append([_ministry_title(nxt.text), nxt, country, p.start, end])
            pos = end
            continue
        mt = _titles_rx().match(text, after)
        if not mt:
            break
        rest_start = mt.end()
        nxt2 = R.after(rest_start)
        between = text[rest_start:nxt2.start] if nxt2 else ""
        mb = re.fullmatch(r"(?P<more>(?:\s+[\w-]+){0,6}?)\s+" + _LINK + r"\s*", between)
        if nxt2 is not None and nxt2.label in ("ORG", "MINISTRY", "EVENT") and mb:
            more = mb.group("more")
            country = _country_of_adj(more)
            title = mt.group("title") + ("" if country else more)
            end = nxt2.end
            out.append([_title_norm(title), nxt2, country, p.start, end])
            pos = end
        elif nxt2 is not None and nxt2.label == "COUNTRY" and re.fullmatch(r"\s+(de|d['’]|du)\s*", between):
            out.append([_title_norm(mt.group("title")), None, nxt2.norm, p.start, nxt2.end])
            pos = nxt2.end
        else:
            adj = re.match(r"\s+([\w-]+)", text[rest_start:rest_start + 30])
            country = _country_of_adj(adj.group(1)) if adj else None
            end = rest_start + (adj.end() if adj and country else 0)
            # an apposition ends there; `X, le chef de l'État a rassuré …` starts a clause
            if not re.match(r"\s*(?:[,.;:)»\]]|et\b|$)", text[end:end + 5]):
                break
            out.append([_title_norm(mt.group("title")), None, country, p.start, end])
            pos = end
        # `X, le directeur de la BAD, Y`: a title followed by another name is that name's
        nxt3 = next((x for x in ms if x.start >= pos and x.label == "PERSON"), None)
        if nxt3 is not None and m.group(0).strip(" ,") and (
                re.fullmatch(r"\s*,\s*" + _hon(), text[pos:nxt3.start])
                or _QUALIFIER.fullmatch(text, pos, nxt3.start)):
            out.pop()
            break
    # one office's country holds for the chain (`Garde des Sceaux, ministre de la Justice`)
    known = next((c or _title_countries().get(t.lower()) for t, _, c, _, _ in out
                  if c or _title_countries().get(t.lower())), None)
    for r in out:
        r[2] = r[2] or (known if len(out) > 1 else None)
    return out


def find_roles(doc: Doc, mentions: list[Mention]) -> list[dict]:
    R = _Roles(doc, mentions)
    for i, p in enumerate(R.ms):
        if p.label != "PERSON":
            continue
        found = _org_before_person(R, i)
        if found:
            title, org, country, start = found
            R.add(p, title, org, country, start, p.end)
        else:
            _before_person(R, i, R.ms[i - 1] if i > 0 else None)
        for title, org, country, start, end in _appositions(R, i):
            R.add(p, title, org, country, start, end)
    _respectively(R)
    _counterparts(R)
    _enumerations(R)
    # `le ministre ivoirien X` after `X, ministre des Affaires étrangères`: the bare title
    # repeats the office already given
    full = {(r["person"], r["title"]) for r in R.roles if r["org"]}
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in R.roles
            if r["org"] or (r["person"], r["title"]) not in full]


def _before_person(R: _Roles, i: int, prev: Optional[Mention]) -> bool:
    """Titles right before the name with no organization after them."""
    text, ms, p = R.text, R.ms, R.ms[i]
    hon = _hon()
    # `la Société X «SX» représentée par son directeur général [Mme] Nom`
    left = text[max(0, p.start - 80):p.start]
    m = re.search(r"représentée?s?\s+par\s+(?:son|sa|leur)\s+" + _titles_rx().pattern + r"\s*,?\s*"
                  + hon + r"$", left, re.I)
    if m:
        at = p.start - (len(left) - m.start())
        org = next((x for x in reversed(ms) if x.end <= at and x.label in ("ORG", "EVENT")), None)
        if org is not None and re.fullmatch(r"[\s«»\"()\w]*", text[org.end:at]) and at - org.end < 20:
            R.add(p, _title_norm(m.group("title")), org, None, org.start, p.end)
            return True
    left_start = max(prev.end if prev else 0, p.start - 80)
    left = text[left_start:p.start]
    g = re.search(_titles_rx().pattern + r"\s+(?:du|de\s+la|de\s+l['’])\s*(?P<head>[A-ZÉ][\w-]+)\s*,\s*$",
                  left)
    if g:
        org = _generic_org(ms, g.group("head"), left_start + g.start())
        if org is not None:
            R.add(p, _title_norm(g.group("title")), org, None, left_start + g.start(), p.end)
            return True
    if prev is not None and prev.label == "COUNTRY":
        # `l'ambassadeur d'Algérie au Burundi Hamid Boukrif`: the office is the first state's
        c = prev
        k = i - 1
        if k > 0 and ms[k - 1].label == "COUNTRY" and re.fullmatch(
                r"\s+(?:au|en|aux|auprès\s+d[eu](?:\s+la|\s+l['’])?)\s*", text[ms[k - 1].end:prev.start]):
            c = ms[k - 1]
        lc = text[max(0, c.start - 60):c.start]
        mc = re.search(_titles_rx().pattern + r"\s+(?:de|d['’]|du)\s*$", lc, re.I)
        tail = text[c.end:p.start]
        if mc and re.fullmatch(r"(\s+(?:au|en|à|aux|auprès\s+de(?:\s+la|\s+l['’])?)\s*[\w’'-]+)?\s*,?\s*", tail):
            R.add(p, _title_norm(mc.group("title")), None, c.norm, c.start - (len(lc) - mc.start()), p.end)
            return True
    m = re.search(_titles_rx().pattern + r"(?P<adj>(?:\s+[\w-]+){0,2}?)\s*,?\s*" + hon + r"$", left, re.I)
    if m and "\n" not in left[m.start():]:
        adj = m.group("adj")
        country = _country_of_adj(adj)
        if not adj.strip() or country:
            R.add(p, _title_norm(m.group("title")), None, country, left_start + m.start(), p.end)
            return True
    return False


def _respectively(R: _Roles) -> None:
    """`X et Y, respectivement ambassadeur de D auprès de l'OCI et ambassadeur de D au Maroc`."""
    text, ms = R.text, R.ms
    for i, p in enumerate(ms):
        if p.label != "PERSON" or i == 0:
            continue
        m = re.match(r"\s*,\s*respectivement\s+", text[p.end:p.end + 30])
        if not m or not re.fullmatch(r"\s+et\s+", text[ms[i - 1].end:p.start]):
            continue
        start = p.end + m.end()
        stop = re.search(r"[.;:!?\n]", text[start:])
        clause = text[start:start + (stop.start() if stop else len(text))]
        # `… et TITLE …`: exactly one second office
        seps = [x for x in re.finditer(r"\s+et\s+", clause) if _titles_rx().match(clause, x.end())]
        if len(seps) != 1:
            continue
        parts = [clause[:seps[0].start()], clause[seps[0].end():]]
        offs = [start, start + seps[0].end()]
        for person, part, off in zip((ms[i - 1], p), parts, offs):
            if person.label != "PERSON":
                continue
            mt = _titles_rx().match(part)
            if not mt:
                continue
            inside = [x for x in ms if off <= x.start and x.end <= off + len(part)]
            country = next((x.norm for x in inside if x.label == "COUNTRY" and re.match(
                r"\s+" + _LINK + r"\s*$", text[off + mt.end():x.start])), None)
            org = next((x for x in inside if x.label in ("ORG", "EVENT", "MINISTRY") and re.search(
                r"(?:auprès\s+)?" + _LINK + r"\s*$", text[off:x.start])), None)
            R.add(person, _title_norm(mt.group("title")), org, country, off, off + len(part))


def _counterparts(R: _Roles) -> None:
    """`X, ministre de Y, et son homologue sénégalais, Z`: Z holds the same office."""
    text, ms = R.text, R.ms
    for i, p in enumerate(ms):
        if p.label != "PERSON":
            continue
        left = text[max(0, p.start - 60):p.start]
        m = re.search(r"(?:son|sa|leur)\s+homologues?(?P<adj>(?:\s+[\w-]+)?)\s*,?\s*$", left, re.I)
        if not m:
            continue
        at = p.start - (len(left) - m.start())
        before = [r for r in R.roles if r["end"] <= at and r["person"] != (p.norm or p.text)]
        if not before:
            continue
        ref = max(before, key=lambda r: r["end"])
        org = next((x for x in ms if x.norm == ref["org"] and x.label == ref["org_label"]), None)
        country = _country_of_adj(m.group("adj"))
        R.add(p, ref["title"], org, country, at, p.end)


def _enumerations(R: _Roles) -> None:
    """`les ministres des Affaires étrangères malien, nigérien et burkinabé …
    Le Malien X, le Nigérien Y et le Burkinabé Z`: each named by the demonym of his office."""
    from .normalize.gazetteer import demonym_country
    text, ms = R.text, R.ms
    for mi in ms:
        if mi.label != "MINISTRY" or not re.match(r"ministres\b", mi.text, re.I):
            continue
        tail = re.match(r"((?:\s*,?\s*(?:et\s+)?[a-zéèï-]+){2,6})", text[mi.end:mi.end + 120])
        if not tail:
            continue
        codes = [c for c in (demonym_country(w) for w in re.findall(r"[\w-]+", tail.group(1))) if c]
        if len(codes) < 2:
            continue
        for p in ms:
            if p.label != "PERSON" or not (mi.end < p.start < mi.end + 600):
                continue
            m = re.search(r"\b(?:le|la)\s+([A-ZÉ][\w-]+)\s*$", text[max(0, p.start - 30):p.start], re.I)
            code = demonym_country(m.group(1)) if m else None
            if code in codes:
                R.add(p, _ministry_title(mi.text), mi, code, p.start, p.end)
