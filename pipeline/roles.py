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


@lru_cache(maxsize=1)
def _titles_rx() -> re.Pattern:
    titles = []
    for line in (PATTERNS / "titles.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            titles.append(line)
    titles.sort(key=len, reverse=True)
    alts = "|".join(re.escape(t).replace("'", "['’]").replace(r"\ ", r"\s+") for t in titles)
    return re.compile(rf"(?<![\w-])(?P<title>{alts})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _title_vocab() -> frozenset:
    """Words that are lower case in a normalized title; others keep their case."""
    words = set()
    for line in (PATTERNS / "titles.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.update(w for w in re.split(r"[\s']+", line.strip()) if w.islower())
    return frozenset(words)


def is_title(text: str) -> bool:
    """The whole text is a title of office (`Garde des Sceaux`, `Directeur Général`)."""
    t = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    return bool(_titles_rx().fullmatch(t))


def _title_norm(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw.replace("’", "'")).strip()
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
    from .gazetteer import demonym_country
    for w in re.findall(r"[\w-]+", words):
        code = demonym_country(w) or demonym_country(w.lower())
        if code:
            return code
    return None


def _country_in_name(name: str) -> Optional[str]:
    """`Royal Air Maroc` → MAR: an organization named after its state."""
    from .gazetteer import country_code
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


def find_roles(doc: Doc, mentions: list[Mention]) -> list[dict]:
    text = doc.text
    ms = sorted(mentions, key=lambda m: m.start)
    countries = Counter(m.norm for m in ms if m.label == "COUNTRY" and m.norm)
    # the state an office belongs to when the text implies it: Morocco for the
    # Moroccan press that this pipeline reads, else the article's main country
    if not countries:
        from .gazetteer import demonym_country
        countries = Counter(c for c in (demonym_country(w) for w in re.findall(r"\w+", text)) if c)
    home = "MAR" if "MAR" in countries else (countries.most_common(1)[0][0] if countries else None)
    roles = []
    seen = set()

    def add(person: Mention, title: str, org: Optional[Mention], country, start, end):
        key = (person.norm, title, org.norm if org else None)
        if key in seen:
            return
        seen.add(key)
        if country is None and org is not None and org.label == "MINISTRY":
            country = org.extra.get("country") or _country_of_adj(org.text) or home
        if country is None and org is not None and org.label == "ORG":
            country = _country_in_name(org.norm or org.text)
        if country is None and org is None and title.lower() in _GOV_TITLES:
            country = home
        roles.append({"person": person.norm or person.text, "title": title,
                      "org": org.norm if org else None, "org_label": org.label if org else None,
                      "country": country, "start": start, "end": end})

    for i, p in enumerate(ms):
        if p.label != "PERSON":
            continue
        prev = ms[i - 1] if i > 0 else None
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        # shape 1: … TITLE [adj] [(ACR)] de ORG [(ACR)] [de LOC] [,] PERSON
        j = i - 1
        gap_end = p.start
        while j >= 0:
            q = ms[j]
            gap = text[q.end:gap_end]
            if not re.fullmatch(r"[\s,()«»\"]*|\s*(de|d['’])\s*", gap):
                j = -1
                break
            # acronyms and `de Marrakech` between the organization and the name
            if (q.label == "ORG" and q.text.isupper() and j > 0 and ms[j - 1].label == "ORG"
                    and re.fullmatch(r"\s*[(«\"]\s*", text[ms[j - 1].end:q.start])) or (
                    q.label == "LOC" and re.match(r"\s*(de|d['’])\s*$", text[max(0, q.start - 4):q.start])):
                gap_end = q.start
                j -= 1
                continue
            break
        org = ms[j] if j >= 0 else None
        if org is not None and org.label == "MINISTRY" and j == i - 1 \
                and re.match(r"(ministre|secrétaire)", org.text, re.I):
            add(p, _ministry_title(org.text), org, None, org.start, p.end)
            continue
        if org is not None and org.label in ("ORG", "EVENT", "MINISTRY"):
            left = text[max(0, org.start - 120):org.start]
            m = re.search(_titles_rx().pattern + r"(?P<adj>(?:\s+[\w-]+)?)(?:\s*\([A-Z]{2,6}\))?"
                          r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*$", left, re.I)
            if m:
                add(p, _title_norm(m.group("title")), org, _country_of_adj(m.group("adj")),
                    org.start - (len(left) - m.start()), p.end)
                continue
        # `la Société X «SX» représentée par son directeur général Nom`
        left = text[max(0, p.start - 80):p.start]
        m = re.search(r"représentée?s?\s+par\s+(?:son|sa|leur)\s+" + _titles_rx().pattern + r"\s*,?\s*$",
                      left, re.I)
        if m:
            at = p.start - (len(left) - m.start())
            org = next((x for x in reversed(ms) if x.end <= at and x.label in ("ORG", "EVENT")), None)
            if org is not None and re.fullmatch(r"[\s«»\"()\w]*", text[org.end:at]) and at - org.end < 20:
                add(p, _title_norm(m.group("title")), org, None, org.start, p.end)
                continue
        left_start = max(prev.end if prev else 0, p.start - 80)
        left = text[left_start:p.start]
        g = re.search(_titles_rx().pattern + r"\s+(?:du|de\s+la|de\s+l['’])\s*(?P<head>[A-ZÉ][\w-]+)\s*,\s*$",
                      left)
        if g:
            org = _generic_org(ms, g.group("head"), left_start + g.start())
            if org is not None:
                add(p, _title_norm(g.group("title")), org, None, left_start + g.start(), p.end)
                continue
        if prev is not None and prev.label == "COUNTRY":
            # `l'ambassadeur d'Algérie au Burundi Hamid Boukrif`
            lc = text[max(0, prev.start - 60):prev.start]
            mc = re.search(_titles_rx().pattern + r"\s+(?:de|d['’]|du)\s*$", lc, re.I)
            tail = text[prev.end:p.start]
            if mc and re.fullmatch(r"(\s+(?:au|en|à|aux|auprès\s+de(?:\s+la|\s+l['’])?)\s*[\w’'-]+)?\s*,?\s*", tail):
                add(p, _title_norm(mc.group("title")), None, prev.norm,
                    prev.start - (len(lc) - mc.start()), p.end)
                continue
        m = re.search(_titles_rx().pattern + r"(?P<adj>(?:\s+[\w-]+){0,2}?)\s*,?\s*$", left, re.I)
        if m and "\n" not in left[m.start():]:
            adj = m.group("adj")
            country = _country_of_adj(adj)
            if not adj.strip() or country:
                add(p, _title_norm(m.group("title")), None, country, left_start + m.start(), p.end)
                continue
        # shape 2: PERSON, [le|la] TITLE …
        right = text[p.end:p.end + 120]
        m = re.match(r"\s*,\s*(?:l['’]|le\s+|la\s+)?", right)
        if m:
            after = p.end + m.end()
            if nxt is not None and nxt.start == after and nxt.label == "MINISTRY" \
                    and re.match(r"(ministre|secrétaire)", nxt.text, re.I):
                add(p, _ministry_title(nxt.text), nxt, None, p.start, nxt.end)
                continue
            mt = _titles_rx().match(text, after)
            if mt:
                rest_start = mt.end()
                # optional demonym, then `de|du ORG`
                nxt2 = next((x for x in ms if x.start >= rest_start), None)
                between = text[rest_start:nxt2.start] if nxt2 else ""
                mb = re.fullmatch(r"(?P<more>(?:\s+[\w-]+){0,6}?)\s+(de\s+la|de\s+l['’]|du|des|de|d['’])\s*",
                                  between)
                if nxt2 is not None and nxt2.label in ("ORG", "MINISTRY", "EVENT") and mb:
                    more = mb.group("more")
                    country = _country_of_adj(more)
                    title = mt.group("title") + ("" if country else more)
                    add(p, _title_norm(title), nxt2, country, p.start, nxt2.end)
                    continue
                if nxt2 is not None and nxt2.label == "COUNTRY" and re.fullmatch(
                        r"\s+(de|d['’]|du)\s*", between):
                    add(p, _title_norm(mt.group("title")), None, nxt2.norm, p.start, nxt2.end)
                    continue
                adj = re.match(r"\s+([\w-]+)", text[rest_start:rest_start + 30])
                add(p, _title_norm(mt.group("title")), None,
                    _country_of_adj(adj.group(1)) if adj else None, p.start, rest_start)
    return roles
