"""Checks on the chosen PERSON mentions of one article (pure: text and mentions, no spaCy).

The model reads some organizations and titles as people; once every label is chosen, the
article itself often tells: the same name is an organization elsewhere in it, a definite
article stands before it, a title of office opens it, or it runs across a line break.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mention import Mention
from .normalize.text import clean as clean_norm

# `l'Istiqlal`, `la Koutla`, `du Polisario`: a definite article right before a capitalized
# name marks an organization or a thing, never a person's name
_DEFINITE_BEFORE = re.compile(r"(?:^|[\s(«\"“])(?:[lL]['’`]|(?:[lL]e|[lL]a|[lL]es|[dD]u|[aA]ux?)[ \u00a0])\Z")


# a photo credit names the photographer, furniture (ENTITIES.md): `Ph. Seddik`, `(Photo : X)`
_CREDIT_BEFORE = re.compile(r"(?:\bPh\.|\bPhoto\s*:?|©)\s*\Z", re.I)
_ROMAN = re.compile(r"[IVXLC]+")
# a surname in capitals, as official texts write it: `Macky SALL`
_CAPS_AFTER = re.compile(r"[ \u00a0]([A-ZÀ-Ý]{2,}(?:-[A-ZÀ-Ý]{2,})?)(?![\w’'-])")


@lru_cache(maxsize=1)
def _particle_after() -> re.Pattern:
    """A particle opening a surname, then the surname (data: name_particles_before_surname.tsv)."""
    from .wordlists import word_set
    words = "|".join(sorted(map(re.escape, word_set("name_particles_before_surname.tsv"))))
    return re.compile(r"[ \u00a0](?:" + words + r")[ \u00a0-][A-ZÀ-Ý][\w’'-]+")


def name_case(name: str) -> str:
    """Values mend letter case (ENTITIES.md): a surname in capitals as names are written
    (`Macky SALL` → `Macky Sall`); roman numerals stay (`Mohammed VI`)."""
    return " ".join(w.capitalize() if len(w) > 2 and w.isupper() and w.isalpha()
                    and not _ROMAN.fullmatch(w) else w for w in name.split(" "))


def _unknown_caps(text: str, word: str) -> bool:
    """A word in capitals that is no known acronym and that the article does not define."""
    from .org_finder import NOT_ORG_ACRONYMS, load_patterns
    return (word not in load_patterns().known_acronyms and word not in NOT_ORG_ACRONYMS
            and not re.search(r"\(\s*" + re.escape(word) + r"\s*\)", text))


def _extend(text: str, m: Mention, nxt_start: int, people: list = ()) -> None:
    """Complete a name the model cut: a particle and the word after it, a surname in
    capitals, the rest of a hyphenated word (`Baba-` + `ammi`)."""
    from .titles import title_words
    end = m.end
    if text[m.start:end].endswith("-"):
        w = re.match(r"[\w’']+", text[end:])
        end += w.end() if w else 0
    elif text[m.start:end].split()[-1] in ("El", "Al", "Ben", "Ould", "Ait", "Aït", "Ibn"):
        w = re.match(r"[ \u00a0][A-ZÀ-Ý][\w’'-]+", text[end:])
        end += w.end() if w else 0
    else:
        p = _particle_after().match(text, end)
        c = _CAPS_AFTER.match(text, end)
        w = re.match(r"[ \u00a0]([A-ZÀ-Ý][\w’'-]+)", text[end:])
        if p:
            end = p.end()
        elif c and _unknown_caps(text, c.group(1)) and c.group(1).lower() not in title_words():
            end = c.end()
        elif w and any(o.startswith(m.text + " " + w.group(1)) for o in people):
            end += w.end()   # `Mohamed` before `Arkab est`, with `Mohamed Arkab` elsewhere
    if end > m.end and end <= nxt_start:
        m.end = end
        m.text = text[m.start:end]
        m.norm = clean_norm(m.text)


def mend_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with PERSON checks applied (in place; dropped ones left out)."""
    from .titles import title_words
    words = title_words()
    orgs = {m.text: m for m in mentions if m.label == "ORG"}
    out = []
    absorbed = set()
    people = [m.text for m in mentions if m.label == "PERSON"]
    for i, m in enumerate(mentions):
        if i in absorbed:
            continue
        if m.label != "PERSON":
            out.append(m)
            continue
        if _CREDIT_BEFORE.search(text, max(0, m.start - 10), m.start):
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        limit = nxt.start if nxt is not None else len(text)
        if nxt is not None and nxt.source == "org_acronym" and nxt.start == m.end + 1 \
                and _unknown_caps(text, nxt.text):
            limit = nxt.end      # `Macky SALL`: the surname, not an acronym
        _extend(text, m, limit, people)
        if nxt is not None and m.end > nxt.start:
            absorbed.add(i + 1)
        # a name never runs across a line break (`Seddik\n\nMarsa Maroc`)
        cut = m.text.find("\n")
        if cut >= 0:
            m.end = m.start + len(m.text[:cut].rstrip())
            m.text = text[m.start:m.end]
            m.norm = clean_norm(m.text)
            if len(m.text) < 2:
                continue
        # `Directeur Général de Cosumar`, `Administrateur Directeur`: a title read as a name
        toks = m.text.split()
        lead = 0
        while lead < len(toks) and toks[lead].lower() in words:
            lead += 1
        if lead and (lead == len(toks) or toks[lead].lower() in ("de", "du", "des", "d'", "d’")):
            continue
        # one sense per article: a name written as an organization elsewhere in it
        org = orgs.get(m.text)
        if org is not None:
            m.label, m.norm = "ORG", org.norm
        elif _DEFINITE_BEFORE.search(text, max(0, m.start - 6), m.start):
            m.label, m.norm = "ORG", clean_norm(m.text)
        out.append(m)
    return out
