"""Checks on the chosen PERSON mentions of one article (pure: text and mentions, no spaCy).

The model reads some organizations and titles as people; once every label is chosen, the
article itself often tells: the same name is an organization elsewhere in it, a definite
article stands before it, a title of office opens it, or it runs across a line break.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mention import MODEL_SOURCES, Mention
from .normalize.text import clean as clean_norm, opens_sentence, whole_name

# `l'Istiqlal`, `la Koutla`, `du Polisario`: a definite article right before a capitalized
# name marks an organization or a thing, never a person's name
_DEFINITE_BEFORE = re.compile(r"(?:^|[\s(«\"“])(?:[lL]['’`]|(?:[lL]e|[lL]a|[lL]es|[dD]u|[aA]ux?)[ \u00a0])\Z")


# a photo credit names the photographer, furniture (ENTITIES.md): `Ph. Seddik`, `(Photo : X)`
_CREDIT_BEFORE = re.compile(r"(?:\bPh\.|\bPhoto\s*:?|©)\s*\Z", re.I)
_ROMAN = re.compile(r"[IVXLC]+")
# `ben`/`bin`/`ibn`/`ould`/`bint` between two names: one patronymic chain (`Hamdan ben Mohammed`)
_PATRONYMIC_LINK = re.compile(r"[ \u00a0]+(?:ben|bin|ibn|ould|bint|Ben|Bin|Ibn|Ould)[ \u00a0]+")
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
            # a chain of patronymics: `Abdallah` + `Ben Zayed` + `Al Nahyane`
            while (p := _particle_after().match(text, end)) is not None:
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
        # `Hamdan ben Mohammed ben Rachid Al Maktoum`: the model reads each patronymic link
        # of the chain as a name of its own
        j = i + 1
        while j < len(mentions) and mentions[j].label == "PERSON" \
                and _PATRONYMIC_LINK.fullmatch(text, m.end, mentions[j].start):
            m.end = mentions[j].end
            absorbed.add(j)
            j += 1
        if j > i + 1:
            m.text = text[m.start:m.end]
            m.norm = clean_norm(m.text)
        nxt = mentions[j] if j < len(mentions) else None
        limit = nxt.start if nxt is not None else len(text)
        if nxt is not None and nxt.source == "org_acronym" and nxt.start == m.end + 1 \
                and _unknown_caps(text, nxt.text):
            limit = nxt.end      # `Macky SALL`: the surname, not an acronym
        _extend(text, m, limit, people)
        if nxt is not None and m.end > nxt.start:
            absorbed.add(j)
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


# a word that may stand before a surname repeated alone: a sentence or clause start, an
# honorific (`M. Bouari`), or a lower-case word
_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w’'-]*")


def _surname_forms(name: str) -> list[str]:
    """The later parts of a full name that news repeats alone, longest first (`Khalid Ait
    Taleb` -> `Ait Taleb`, `Taleb`): each ends the name and starts with a capital. A single
    word must look like a name: three letters or more, not a French common word, not a roman
    numeral, a place (GeoNames aside: many of its towns are surnames), or a title word."""
    from .normalize.gazetteer import lookup
    from .lexicon import is_french_word
    from .titles import title_words
    words = name.split()
    out = []
    for i in range(1, len(words)):
        tail = words[i:]
        if not tail[0][:1].isupper() or tail[0].lower() in ("el", "al", "ben", "ould", "ibn", "bin"):
            continue
        if len(tail) == 1:
            w = tail[0]
            if (len(w) < 3 or not w.isalpha() or w.isupper() or _ROMAN.fullmatch(w)
                    or is_french_word(w) or lookup(w) is not None
                    or w.lower() in title_words()):
                continue
        out.append(" ".join(tail))
    return out


def repeated_surnames(text: str, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for the full name or the surname of a person named in full in the
    article, repeated where no mention stands (`Ahmed Bouari … Bouari a ajouté`): one sense per
    article for names (ENTITIES.md: every occurrence is a mention). Not inside a longer run of
    capitalized words (`Taleb Ahmed` names someone else)."""
    taken = sorted((m.start, m.end) for m in mentions)
    guessed = {(m.start, m.end): m for m in mentions
               if m.label in ("ORG", "LOC") and m.source in MODEL_SOURCES}
    found: list[Mention] = []
    name_words = {w for m in mentions if m.label == "PERSON" for w in m.text.split()}
    # the full name too: where the model read it once as a person and once as something else
    forms = {f for m in mentions if m.label == "PERSON" and " " in m.text.strip()
             for name in [re.sub(r"\s+", " ", m.text.strip())] for f in [name] + _surname_forms(name)}
    for form in sorted(forms, key=len, reverse=True):
        for hit in whole_name(form).finditer(text):
            s, e = hit.span()
            if (s, e) not in guessed and any(a < e and s < b for a, b in taken):
                continue
            # the word before, an elided article aside (`d’Enaam Mayara`)
            before = re.search(r"([\w.-]+)[ \u00a0]+\Z", text[max(0, s - 40):s])
            after = re.match(r"[ \u00a0]+([\w’'-]+)", text[e:e + 40])
            if after and _NAME_WORD.fullmatch(after.group(1)):
                continue
            if before and _NAME_WORD.fullmatch(before.group(1)) and not (
                    before.group(1).lower().rstrip(".") in _honorific_set()
                    or _sentence_start(text, s - len(before.group(0)))
                    and _common_word(before.group(1)) and before.group(1) not in name_words):
                # a capitalized word before it: a first name (`Aziz Akhannouch` where the
                # model left the full name out, as in a photo caption), unless an honorific
                # or a common word opening the sentence (`Selon Bouari`)
                continue
            if (s, e) in guessed:
                # the model's organization or place on a surname of someone the article names
                # in full is that person again (`Jouahri a souligné` after `Abdellatif Jouahri`)
                m = guessed.pop((s, e))
                m.label, m.norm, m.source = "PERSON", clean_norm(m.text), "surname_repeat"
                continue
            found.append(Mention(s, e, "PERSON", text[s:e], norm=clean_norm(text[s:e]),
                                 source="surname_repeat", priority=2))
            taken.append((s, e))
    return found


def _common_word(word: str) -> bool:
    """A French word, content or function word (`Selon`, `Pour`, `Ensuite`)."""
    from spacy.lang.fr.stop_words import STOP_WORDS
    from .lexicon import is_french_word
    return word.lower() in STOP_WORDS or is_french_word(word)


def _sentence_start(text: str, i: int) -> bool:
    """Offset ``i`` opens a sentence, a line or the text."""
    return opens_sentence(text, i, ".!?:»\"”\n")


@lru_cache(maxsize=1)
def _honorific_set() -> frozenset:
    from .wordlists import honorifics
    return frozenset(h.rstrip(".") for h in honorifics())


# two to four capitalized words, particles between them: a name
_NAME = (r"[A-ZÀ-Ý][\w’'-]+(?:[ \u00a0]+(?:(?:el|al|ben|ould|ibn|de|"
         r"El|Al|Ben|Ould|Ibn|Aït|Ait|Abou|Bou)[ \u00a0]+)?[A-ZÀ-Ý][\w’'-]+){1,3}")


@lru_cache(maxsize=1)
def _rank() -> str:
    """A military or police rank before a name (ranks.tsv, and the one-word ranks and courtesy
    titles of name_honorifics.tsv), any case: `Général de corps d'armée`, `Colonel`; no part
    of the name (ENTITIES.md: titles and honorifics out)."""
    from pipeline.data import read_rows
    from .honorific_names import _words
    words = [w for (w,) in read_rows("ranks.tsv", ("word",))] + _words()["courtesy"]
    alts = "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]+").replace("'", "['’]")
                    for w in sorted(words, key=len, reverse=True))
    return r"(?:(?i:" + alts + r")[ \u00a0]+)?"


@lru_cache(maxsize=1)
def _name_after_office() -> re.Pattern:
    return re.compile(
        r"[ \u00a0]*,?[ \u00a0]+" + _rank() + r"(?P<name>" + _NAME + r")(?![\w’'-])"
        # a line-up entry (`Ministre de la Défense : Prénom Nom ;`): the name fills the rest of the entry
        r"|[ \u00a0]*:[ \u00a0]*" + _rank() + r"(?P<listed>" + _NAME + r")(?=[ \u00a0]*(?:[;.\n]|$))")


# a line of a list of appointments: a dash or a bullet, a rank or not, the name, a comma and a
# title of office (`– Prénom Nom, directeur général de …`, `– le Colonel Prénom Nom, commissaire …`)
@lru_cache(maxsize=1)
def _listed_name() -> re.Pattern:
    return re.compile(r"(?m)^[ \t]*[–—•-][ \t]+(?:(?:[lL]e|[lL]a)[ \t]+)?" + _rank()
                      + r"(?P<name>" + _NAME + r")[ \t]*,[ \t]*")


def _take_name(text: str, s: int, e: int, mentions: list[Mention], taken: list,
               source: str = "ministry+name") -> Mention | None:
    """The PERSON text[s:e] where no mention stands, or where the model's one guess stood inside
    it (`Xa` read as a town in `Général Xa Yb Zc`), which becomes the person; else None."""
    from .normalize.gazetteer import lookup
    from .org_finder import load_patterns
    from .titles import title_words
    heads = load_patterns().org_heads
    words = text[s:e].split()
    if any(w in heads or w.lower() in title_words() or lookup(w) is not None for w in words):
        return None
    over = [m for m in mentions if m.start < e and s < m.end]
    if any(a < e and s < b for a, b in taken if not any((a, b) == (m.start, m.end) for m in over)):
        return None
    if not over:
        taken.append((s, e))
        return Mention(s, e, "PERSON", text[s:e], norm=clean_norm(text[s:e]), source=source, priority=2)
    m = over[0]
    if len(over) == 1 and m.source in ("model", "model_org") and s <= m.start and m.end <= e:
        m.start, m.end, m.label, m.text = s, e, "PERSON", text[s:e]
        m.norm, m.source = clean_norm(text[s:e]), source
        taken.append((s, e))
    return None


def listed_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for the names that open the lines of a list of appointments, before a
    comma and a title of office (`– Prénom Nom, directrice générale de la Société X ;`)."""
    from .titles import title_end
    taken = sorted((m.start, m.end) for m in mentions)
    found = []
    for hit in _listed_name().finditer(text):
        if title_end(text, hit.end(), min(len(text), hit.end() + 80)) is None:
            continue
        got = _take_name(text, hit.start("name"), hit.end("name"), mentions, taken, "listed+name")
        if got is not None:
            found.append(got)
    return found


def names_after_ministries(text: str, mentions: list[Mention]) -> list[Mention]:
    """PERSON mentions for the name right after an office named by its portfolio (a MINISTRY
    mention that opens with the office: `le ministre de l'Investissement Karim Zidane`,
    `la ministre de la Santé, Amal Diouri`), where no mention stands. Not a place, a title
    or the head noun of an organization (`ministre de l'Intérieur Conseil …`); a rank before the
    name is left out (`Ministre de la Défense : Général de division Prénom Nom`)."""
    taken = sorted((m.start, m.end) for m in mentions)
    found = []
    for m in mentions:
        if m.label != "MINISTRY" or not re.match(r"(?:ministre|secrétaire)", m.text, re.I):
            continue
        hit = _name_after_office().match(text, m.end)
        if hit is None:
            continue
        group = "name" if hit.group("name") else "listed"
        got = _take_name(text, *hit.span(group), mentions, taken)
        if got is not None:
            found.append(got)
    return found
