"""Named sites (docs/ENTITIES.md, facility + place), over the resolver's chosen mentions.

Places after a place noun: `la région du Centre`, `la mine d'or de X`, `au large de X`: the
capitalized complement of a noun of place_nouns.tsv that no mention covers is a LOC.

Facilities and institutions named after a person, whole:
`le stade Prénom Nom`, `l'aéroport Mohammed V` are LOC from the noun to the name's end;
`l'université Prénom Nom`, `la Fondation Prénom Nom` are ORG whole. The model reads the name
as a PERSON and the noun as a common word; this pass, over the resolver's chosen mentions,
puts the two together. Pure function of text and mentions; nouns in named_after_people.tsv.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .mention import Mention
from .normalize.text import clean as clean_norm, whole_name

# sources of ORG mentions that are guesses (the model's, a list's), which a place noun, a list
# of places or a longer company name overrides (brand_names.py)
GUESSED_ORG = ("model_org", "org_list")


@lru_cache(maxsize=1)
def _nouns() -> tuple[re.Pattern, dict]:
    from pipeline.data import read_rows
    rows = read_rows("named_after_people.tsv", ("noun", "label"))
    labels = {noun: label for noun, label in rows if label != "qualifier"}
    quals = [noun for noun, label in rows if label == "qualifier"]

    def alts(words):
        return "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in sorted(words, key=len, reverse=True))
    # the noun, up to two qualifiers (`aéroport international`), then the name
    rx = re.compile(r"(?<![\w-])(?P<noun>" + alts(labels) + r")(?:[ \u00a0]+(?:" + alts(quals)
                    + r")){0,2}[ \u00a0]+", re.I)
    return rx, labels


# `de`/`d'` inside a person's span, before a town (`Prénom Nom de Dakar`)
_OF_PLACE = re.compile(r"[ \u00a0]+(?:de|d['’])[ \u00a0]*(?=[A-ZÀ-Þ][^ \u00a0]*\Z)")
# a name no finder read: two to four capitalized words (`Prénom Le Nom`)
_NAME = re.compile(r"[A-ZÀ-Þ][\w’'-]+(?:[ \u00a0][A-ZÀ-Þ][\w’'-]*){1,3}")


def _label(noun: str) -> str | None:
    return _nouns()[1].get(re.sub(r"\s+", " ", noun.lower()))


def _name_gap(gap: str) -> bool:
    """Nothing, or one or two capitalized words, between the noun and the PERSON mention: a rank
    or a first name the person's span left out (`université Cheikh X Y` read from `X`)."""
    words = gap.split()
    return "\n" not in gap and len(words) <= 2 and all(w[:1].isupper() for w in words)


def _unknown_name(name: str) -> bool:
    """Some word of ``name`` is neither a French word nor a known place (a person's name)."""
    from .lexicon import is_french_word
    from .normalize.gazetteer import lookup
    return lookup(name, weak=True) is None and any(
        not is_french_word(w) and lookup(w, weak=True) is None for w in name.split() if len(w) > 2)


def named_after_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a facility or institution noun (up to two qualifiers) and the person's
    name right after it made one LOC or ORG: the name is a PERSON mention, or capitalized words
    no mention covers."""
    from .normalize.gazetteer import lookup
    rx = _nouns()[0]
    out = sorted(mentions, key=lambda m: m.start)
    for f in rx.finditer(text):
        label = _label(f.group("noun"))
        if label is None or "\n" in f.group(0):
            continue
        s = f.start("noun")
        person = next((m for m in out if m.start >= f.end() and _name_gap(text[f.end():m.start])), None)
        place = None
        if person is not None and person.label == "PERSON":
            e = person.end
            # `lycée Prénom Nom de Dakar`: the name read on into its town
            at = _OF_PLACE.search(text, person.start, person.end)
            if at is not None and lookup(text[at.end():person.end], weak=True) is not None:
                e = at.start()
                place = Mention(at.end(), person.end, "LOC", text=text[at.end():person.end],
                                norm=clean_norm(text[at.end():person.end]), source="named_after_person")
        elif person is None and (n := _NAME.match(text, f.end())) and _unknown_name(n.group(0)):
            e = n.end()
        else:
            continue
        # the noun read by the head rule alone (`Centre hospitalier universitaire` + a name)
        noun = [m for m in out if m.label == "ORG" and s <= m.start and m.end <= f.end()]
        # a facility the organization-head rule read whole (`Centre international de conférences
        # Prénom Nom`): a site named after a person, LOC
        noun += [m for m in out if label == "LOC" and m.label == "ORG" and (m.start, m.end) == (s, e)]
        if any(s < m.end and m.start < e and m is not person and m not in noun for m in out):
            continue  # the noun is part of another mention (`Université Mohammed VI Polytechnique`)
        out = [m for m in out if m is not person and m not in noun]
        out.append(Mention(s, e, label, text=text[s:e], norm=clean_norm(text[s:e]),
                           source="named_after_person"))
        if place is not None:
            out.append(place)
        out.sort(key=lambda m: m.start)
    return out


# what a site named after a person may carry after the name: more of its name (`Cité X Tanger
# Tech`, `-Tanger Tech`), or its purpose (`Complexe X de football`) before a pause or its town
_TAIL_NAME = re.compile(r"[ \u00a0-](?P<run>[A-ZÀ-Þ][\w’'-]*(?:[ \u00a0][A-ZÀ-Þ][\w’'-]*){0,2})(?![\w’'-])")
_TAIL_PURPOSE = re.compile(r"[ \u00a0]de[ \u00a0][a-zà-ÿ]+(?=[ \u00a0]*(?:[,.;:)»]|$|(?:de|du|à|au)[ \u00a0]|d['’]))")


def site_name_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """A site named after a person (a LOC opening with a noun of named_after_people.tsv) read on
    over the rest of its name: capitalized words that are no known place by themselves
    (`Cité Prénom Nom Ville Tech`, not `aéroport Prénom Nom Casablanca`), or `de` + a purpose
    (`complexe Prénom Nom de football`); the places read inside the name give way."""
    from .normalize.gazetteer import lookup
    out = list(mentions)
    for m in mentions:
        if m.label != "LOC" or m.source not in ("model", "named_after_person") \
                or _label(m.text.split()[0]) != "LOC" or len(m.text.split()) < 2:
            continue
        e = m.end
        t = _TAIL_NAME.match(text, e)
        if t is not None and "\n" not in t.group() and lookup(t.group("run"), weak=True) is None:
            e = t.end()
        else:
            p = _TAIL_PURPOSE.match(text, e)
            if p is not None and "\n" not in p.group():
                e = p.end()
        if e == m.end:
            continue
        inside = [o for o in out if o is not m and m.end <= o.start and o.end <= e]
        if any(o.start < e and m.end < o.end and o not in inside for o in out if o is not m) \
                or any(o.label not in ("LOC", "COUNTRY") for o in inside):
            continue
        out = [o for o in out if o not in inside]
        m.end, m.text, m.norm = e, text[m.start:e], clean_norm(text[m.start:e])
    return sorted(out, key=lambda m: m.start)


@lru_cache(maxsize=None)
def place_noun_rx(kinds: tuple = ("admin", "shared", "site")) -> re.Pattern:
    """A place noun of ``kinds``, up to three lower-case words (`mine d'or`, `région
    administrative`, `port en eaux profondes`), then de/du/de la/d' before the place's first
    capital."""
    from pipeline.data import read_rows
    words = [w for w, kind in read_rows("place_nouns.tsv", ("noun", "kind")) if kind in kinds]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?i:" + alts + r")(?:[ \u00a0]+(?:d['’]|de[ \u00a0]+)?[a-zà-ÿ]+){0,3}?"
                      r"[ \u00a0]+(?:de[ \u00a0]+la[ \u00a0]+|de[ \u00a0]+l['’]|du[ \u00a0]+|des[ \u00a0]+"
                      r"|de[ \u00a0]+|d['’])(?=[A-ZÀ-Þ])")


def after_division(text: str, start: int) -> bool:
    """``start`` opens the complement of an administrative division (`la région du Centre`)."""
    return any(f.end() == start for f in place_noun_rx(("admin",)).finditer(text, max(0, start - 60), start + 1))


# a place's name: capitalized words, hyphen-joined parts, `N'`/`d'` glued (`Keur Moussa`)
_PLACE = re.compile(r"(?:[A-ZÀ-Þ]['’])?[A-ZÀ-Þ][\w’'-]*(?:[ \u00a0][A-ZÀ-Þ][\w’'-]*){0,3}")
_NUMBERED = re.compile(r"[ \u00a0]\d")
# `Banc d'Arguin`, `Côte d'Azur`: a common head with its own `d'` complement, one name
_OF_NAME = re.compile(r"[ \u00a0]d['’][A-ZÀ-Þ][\w’'-]*")
_PLACE_OF_NAME = re.compile(_PLACE.pattern + _OF_NAME.pattern)


def _place_name(text: str, at: int) -> re.Match | None:
    """The place's name at ``at``, read on over a glued `d'X` where what comes before is no known
    place (`Banc d'Arguin`; `Jorf Lasfar d'OCP` stops at the place)."""
    from .normalize.gazetteer import lookup
    p = _PLACE.match(text, at)
    if p is None or lookup(p.group().rstrip("’'-"), weak=True) is not None:
        return p
    return _PLACE_OF_NAME.match(text, at) if _OF_NAME.match(text, p.end()) else p


def places_after_nouns(text: str, mentions: list[Mention]) -> list[Mention]:
    """LOC mentions for the capitalized complements of place nouns that no mention covers."""
    from .lexicon import is_french_word
    found = []
    for f in place_noun_rx().finditer(text):
        if "\n" in f.group(0):
            continue
        p = _place_name(text, f.end())
        if p is None:
            continue
        s, e = p.start(), p.end()
        name = text[s:e].rstrip("’'-")
        e = s + len(name)
        same = next((m for m in mentions if (m.start, m.end) == (s, e)), None)
        if _NUMBERED.match(text, e):
            continue  # `de Ouaga 2000`: a name that reads on into a number, not sure where it ends
        whole = next((m for m in mentions if m.label == "LOC" and m.start <= f.start() < m.end and m.end == e), None)
        # a bare `de` (no article) takes a proper name (`terminal de Sèmè`, even where the name
        # spells a French word); `Palais de la République` keeps its article and stays whole
        bare_de = re.search(r"(?<![\w'’])(?:de[ \u00a0]+|d['’])\Z", f.group(0)) is not None
        if whole is not None and not place_noun_rx(("admin",)).match(text, f.start()) \
                and (bare_de or not all(is_french_word(w) for w in re.findall(r"[^\W\d_]+", name))):
            # `Parc national du Banc d'Arguin` read whole: the facility noun gives only the name
            # (`Palais de la République` has no place in it and stays whole)
            whole.start, whole.text, whole.source = s, name, "place_after_noun"
            whole.norm = clean_norm(name)
            continue
        if same is not None and (same.label == "ORG" and same.source in GUESSED_ORG or (
                same.label == "PERSON" and same.source == "model"
                and place_noun_rx(("admin",)).match(text, f.start()))):
            same.label, same.source = "LOC", "place_after_noun"   # the model's guess, overridden
            same.norm = clean_norm(same.text)
            continue
        if same is not None and same.label == "LOC" and same.source == "model":
            same.source = "place_after_noun"   # the context confirms the model (repeated_places)
            continue
        over = [m for m in mentions + found if m.start < e and s < m.end]
        if len(over) == 1 and over[0].label == "LOC" and over[0].source == "model" \
                and over[0].start == s and over[0].end < e:
            # `le périmètre de Xa El Yb` the model cut short (`Xa El`): the name runs on
            over[0].end, over[0].source = e, "place_after_noun"
            over[0].text = text[s:e]
            over[0].norm = clean_norm(over[0].text)
            continue
        if over:
            continue
        if all(is_french_word(w) for w in name.split()) and not place_noun_rx(("admin",)).match(text, f.start()):
            continue  # `le site de Production`, `département de la Culture`: common words, no place
        found.append(Mention(s, e, "LOC", text=name, norm=clean_norm(name), source="place_after_noun"))
    return sorted(mentions + found, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _apposed_site_rx() -> re.Pattern:
    """A site noun of place_nouns.tsv, lower case, right before one capitalized word."""
    from pipeline.data import read_rows
    words = [w for w, kind in read_rows("place_nouns.tsv", ("noun", "kind")) if kind == "site" and " " not in w]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?:" + alts + r")[ \u00a0]+(?=[A-ZÀ-Þ][\w’'-]*\Z)")


# a region or a province named by capitals right after its noun (`la région XYZA`)
_DIVISION_CAPS = re.compile(r"(?<![\w-])(?:région|province|wilaya|gouvernorat|préfecture|district)[ \u00a0]+"
                            r"(?P<name>[A-ZÀ-Þ]{3,}(?:-[A-ZÀ-Þ]{2,})*)(?![\w’'-])")


def divisions_in_capitals(text: str, mentions: list[Mention]) -> list[Mention]:
    """`la région XYZA`: a division named in capitals right after its noun is a place, not the
    acronym of an organization the capitals looked like."""
    out = list(mentions)
    for d in _DIVISION_CAPS.finditer(text):
        s, e = d.span("name")
        over = [m for m in out if m.start < e and s < m.end]
        if not over:
            out.append(Mention(s, e, "LOC", text=text[s:e], norm=text[s:e], source="place_after_noun"))
        elif len(over) == 1 and (over[0].start, over[0].end) == (s, e) and over[0].label == "ORG" \
                and over[0].source in GUESSED_ORG + ("org_acronym",):
            over[0].label, over[0].source, over[0].norm = "LOC", "place_after_noun", text[s:e]
    return sorted(out, key=lambda m: m.start)


# a palace or a lake named by one capitalized word, even a French one (`le palais Rose`, `le lac Vert`)
_PALACE_OR_LAKE = re.compile(r"(?<![\w-])(?:palais|lac)[ \u00a0]+(?P<name>[A-ZÀ-Þ][a-zà-ÿ’'-]+)(?![\w’'-])")
# a railway named `Trans-` and a nationality adjective (`le Transgabonais`, `le Transcamerounais`)
_TRANS_RAILWAY = re.compile(r"(?<![\w-])Trans[a-zà-ÿ]{3,}(?:ais|aise|ien|ienne|éen|éenne|ain|aine|ois|oise)(?![\w’'-])")


def apposed_site_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """`le palais Xa`, `le lac Yb`: the model's LOC of a lower-case site noun and one name gives
    only the name (docs/ENTITIES.md, facility + place); a name of two words or more may be a
    person's (`aéroport Mohammed V`), which keeps its noun (named_after_people). A palace or a
    lake with one capitalized word no mention covers is named by it (`le palais Rose`), and a
    `Trans-` railway (`le Transgabonais`) is a named site."""
    for m in mentions:
        if m.label != "LOC" or m.source != "model":
            continue
        f = _apposed_site_rx().match(text, m.start, m.end)
        if f is not None:
            m.start = f.end()
            m.text = text[m.start:m.end]
            m.norm = clean_norm(m.text)
    found = [(p.start("name"), p.end("name")) for p in _PALACE_OR_LAKE.finditer(text)]
    found += [t.span() for t in _TRANS_RAILWAY.finditer(text)]
    for s, e in found:
        if not any(m.start < e and s < m.end for m in mentions):
            mentions.append(Mention(s, e, "LOC", text=text[s:e], norm=clean_norm(text[s:e]), source="named_site"))
    return sorted(mentions, key=lambda m: m.start)


# a road by its code (ENTITIES.md: roads are LOC): national, regional, departmental and
# interstate roads anywhere (`la RN7`, `RN 1`, `la RNIE 2`), a motorway's or a route's letter
# code after the noun (`l'autoroute A1`, `la route nationale N7`, `la route R301`)
_ROAD = re.compile(r"(?<![\w-])(?:(?:RN|RR|RNIE|RD|RP)[ \u00a0]?\d{1,4}"
                   r"|(?:(?<=autoroute )|(?<=route )|(?<=nationale )|(?<=régionale ))[ANR][ \u00a0]?\d{1,3})"
                   r"(?![\w-])")


def roads(text: str, mentions: list[Mention]) -> list[Mention]:
    """LOC mentions for road codes; an ORG the acronym finder or the model made of one is
    the road."""
    found = []
    for r in _ROAD.finditer(text):
        s, e = r.start(), r.end()
        same = next((m for m in mentions if (m.start, m.end) == (s, e)), None)
        if same is not None:
            if same.label == "ORG":
                same.label, same.source, same.norm = "LOC", "road", clean_norm(same.text)
            continue
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        if any(m.start < e and s < m.end for m in mentions if m not in inside) \
                or any(m.label != "ORG" for m in inside):
            continue
        mentions = [m for m in mentions if m not in inside]   # `RNIE` of `RNIE 2`: the road's prefix
        found.append(Mention(s, e, "LOC", text=r.group(), norm=clean_norm(r.group()), source="road"))
    return sorted(mentions + found, key=lambda m: m.start)


# a list of names: `A, B et C`, `A et de B` (each name capitalized words, hyphen-joined parts)
_ITEM = r"(?:[A-ZÀ-Þ]['’])?[A-ZÀ-Þ][\w’'-]*(?:[ \u00a0][A-ZÀ-Þ][\w’'-]*){0,2}"
_AGAIN = r"(?:(?:de|à)[ \u00a0]+|d['’])?"   # `à A et à B`, `de A et de B`: the preposition repeated
_LIST = re.compile(r"(?<![\w’'-])" + _ITEM + r"(?:,[ \u00a0]+" + _AGAIN + _ITEM + r")*[ \u00a0]+(?:et|ou)[ \u00a0]+"
                   + _AGAIN + _ITEM + r"(?![\w’'-])")
_ITEM_RX = re.compile(_ITEM)


def coordinated_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A list holds one kind of thing: in `A, B et C` where one item is a place (a LOC mention, or
    a GeoNames place), the items the model or a list guessed as ORG, and unknown names no mention
    covers, are places too (`à Kindia, Xa et Yb`: towns too small for any gazetteer)."""
    from .lexicon import is_french_word
    from .normalize.gazetteer import lookup
    out = list(mentions)
    for chain in _LIST.finditer(text):
        items = [(i.start(), i.end()) for i in _ITEM_RX.finditer(text, chain.start(), chain.end())]
        items = [(s, e) for s, e in items if text[s:e] not in ("Et", "Ou")]
        at = {(m.start, m.end): m for m in out}

        def place(s, e):
            m = at.get((s, e))
            if m is not None:
                return m.label == "LOC"
            entry = lookup(text[s:e], weak=True)
            return entry is not None and entry.label == "LOC" and not any(
                o.start < e and s < o.end for o in out)
        if len(items) < 2 or not any(place(s, e) for s, e in items):
            continue
        for s, e in items:
            m = at.get((s, e))
            if m is not None and (m.label == "ORG" and m.source in GUESSED_ORG
                                  or _guessed_person_place(m, several_words=True)):
                m.label, m.source = "LOC", "place_list"
                m.norm = clean_norm(m.text)
            elif m is None and not any(o.start < e and s < o.end for o in out) and s != chain.start() \
                    and not all(is_french_word(w) for w in text[s:e].split()):
                out.append(Mention(s, e, "LOC", text=text[s:e], norm=clean_norm(text[s:e]),
                                   source="place_list"))
    return sorted(out, key=lambda m: m.start)


def _guessed_person_place(m: Mention, several_words: bool = False) -> bool:
    """The model's one-word PERSON that GeoNames knows as a town (`Séguéla`): a place where the
    context says so (a list of places, a locative). ``several_words``: in a list of places a
    town of two words is one too (`à Xa, Sidi Yb et Zc`)."""
    from .normalize.gazetteer import lookup
    if m.label != "PERSON" or m.source != "model" or (" " in m.text.strip() and not several_words):
        return False
    entry = lookup(m.text, weak=True)
    return entry is not None and entry.label == "LOC"


# what puts a name in place: `à`, `au sud de`, `près de`, `vers`, `depuis`, `jusqu'à`
_LOCATIVE = re.compile(r"(?:^|[\s(])(?:à|au[ \u00a0]+(?:nord|sud|est|ouest|large)[ \u00a0]+(?:de[ \u00a0]+|d['’])"
                       r"|à[ \u00a0]+l['’](?:est|ouest)[ \u00a0]+(?:de[ \u00a0]+|d['’])"
                       r"|près[ \u00a0]+(?:de[ \u00a0]+|d['’])|vers|depuis|jusqu['’]à)[ \u00a0]*\Z")


def located_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """A known place the model guessed as a person after a locative (`à Séguéla`), or as a
    company after one that is more than `à` (`au sud de Suez`), is the place: the gazetteer's
    reading lost to the guess, which the resolver takes first."""
    from .normalize.gazetteer import lookup
    for m in mentions:
        cue = _LOCATIVE.search(text, max(0, m.start - 30), m.start)
        if cue is None:
            continue
        # a company is sold or entrusted `à X`: only a stronger cue makes an ORG guess a place
        if not (_guessed_person_place(m) or m.label == "ORG" and m.source == "model_org"
                and cue.group().strip() != "à"):
            continue
        entry = lookup(m.text, weak=True)
        if entry is not None and entry.label == "LOC":
            m.label, m.source, m.norm = "LOC", "located_place", clean_norm(m.text)
    return mentions


# A pipeline with a name of its own is LOC whole (ENTITIES.md: `Gazoduc Maghreb Europe`): the
# capitalized noun, then capitalized words or adjectives of place (`Gazoduc transsaharien`).
# A lower-case descriptive (`le gazoduc Nigeria-Maroc`) gives its countries, so is left alone.
_ADJ = r"(?:[a-zà-ÿ]+-)?[a-zà-ÿ]+(?:ien|ienne|ain|aine|al|ale|ique|éen|éenne|ais|aise|ois|oise)"
_PIPELINE = re.compile(r"(?<![\w-])(?:Gazoduc|Oléoduc|Pipeline)(?:[ \u00a0](?:[A-ZÀ-Þ][\w’'-]*|" + _ADJ + r")(?![\w-])){1,3}")
# A facility named in English is named whole, its head last (`X International Convention
# Centre`, `X Stadium`); French names put the head first and are read by the rules above.
_ENGLISH_SITE = re.compile(r"(?<![\w-])(?:(?!(?:Le|La|Les|Au|Aux|Du|Des|Un|Une|Ce|Cet|Cette|The)[ \u00a0])"
                           r"[A-ZÀ-Þ][\w’'-]*[ \u00a0]){1,4}?"
                           r"(?:(?:International|Convention|Conference|Exhibition|Congress|Trade|Sports|Cultural)"
                           r"[ \u00a0](?:Centre|Center|Hall)|Stadium|Airport|Arena)(?![\w-])")
# A field, a mine or a railway by its name in apposition: the generic noun gives only the name
# (`le gisement gazier X Y/Z`, `le champ X`, `le projet minier X`, `le chemin de fer X`); a
# project needs the adjective.
_FIELD = re.compile(r"(?<![\w-])(?i:gisements?|champs?|chemins?[ \u00a0]de[ \u00a0]fer|projets?(?=[ \u00a0]+(?:gaz|p[ée]t|mini|aurif)))"
                    r"(?:[ \u00a0]+(?:gazi(?:er|ère)s?|pétroli(?:er|ère)s?|mini(?:er|ère)s?|aurifères?|offshore)){0,2}"
                    r"[ \u00a0]+(?P<name>[A-ZÀ-Þ][\w’'-]*(?:(?:[ \u00a0]|/)[A-ZÀ-Þ][\w’'-]*){0,3})")


def named_sites(text: str, mentions: list[Mention]) -> list[Mention]:
    """LOC mentions for named pipelines (whole) and for the names of fields and mines after
    their generic noun; guesses inside them (the model's LOC, PERSON or ORG of part of the
    name) give way, a mention reaching outside keeps its place."""
    from .lexicon import is_french_word
    out = list(mentions)
    spans = [(p.start(), p.end()) for rx in (_PIPELINE, _ENGLISH_SITE) for p in rx.finditer(text)]
    for f in _FIELD.finditer(text):
        name = f.group("name")
        if all(is_french_word(w) for w in re.split(r"[ /]", name)) and not re.fullmatch(_ADJ, name.lower()):
            continue  # `le champ Libre`: common words (an adjective of place is a name: `Transgabonais`)
        spans.append((f.start("name"), f.end("name")))
    for s, e in spans:
        if any(m.start < e and s < m.end and not (s <= m.start and m.end <= e) for m in out):
            continue
        inside = [m for m in out if s <= m.start and m.end <= e]
        if any(m.label not in ("LOC", "PERSON", "ORG") or m.label == "ORG" and m.source not in GUESSED_ORG
               for m in inside):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(s, e, "LOC", text=text[s:e], norm=clean_norm(text[s:e]), source="named_site"))
    return sorted(out, key=lambda m: m.start)


# sources of places found by context alone (a place noun, a list, a locative, a site's name):
# names no gazetteer knows, so their other occurrences have nothing to find them
_CONTEXT_PLACES = ("place_after_noun", "place_list", "located_place", "named_site")


def repeated_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every occurrence is a mention: a name that the context made a place somewhere in the
    article (`le projet minier de X`) is a place where it stands bare (`X : …` in a headline),
    and where the model guessed it as an organization or a person."""
    from .lexicon import is_french_word
    out = list(mentions)
    # a common word is a place only where its context says so (`la région du Centre`)
    names = {m.text for m in mentions if m.label == "LOC" and m.source in _CONTEXT_PLACES and len(m.text) > 2
             and not all(is_french_word(w) for w in re.findall(r"[^\W\d_]+", m.text))}
    for name in sorted(names, key=len, reverse=True):
        for mm in whole_name(name).finditer(text):
            s, e = mm.start(), mm.end()
            over = [m for m in out if m.start < e and s < m.end]
            if not over:
                out.append(Mention(s, e, "LOC", text=name, norm=clean_norm(name), source="place_again"))
            elif len(over) == 1 and (over[0].start, over[0].end) == (s, e) and (
                    over[0].label == "ORG" and over[0].source in GUESSED_ORG
                    or over[0].label == "PERSON" and over[0].source == "model"):
                over[0].label, over[0].source, over[0].norm = "LOC", "place_again", clean_norm(name)
    return sorted(out, key=lambda m: m.start)


# `Ras El-Hekma`: the model's place cut at a hyphen inside the name
_GLUED_REST = re.compile(r"-[A-ZÀ-Þ][\w’'-]*")


def glued_place_ends(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place of the model that stops at a hyphen before a capitalized word (`Ras El` of
    `Ras El-Hekma`) takes the word in, if nothing else is read there."""
    for m in mentions:
        if m.label != "LOC" or m.source != "model":
            continue
        g = _GLUED_REST.match(text, m.end)
        if g is None or any(o is not m and o.start < g.end() and m.end < o.end for o in mentions):
            continue
        m.end, m.text = g.end(), text[m.start:g.end()]
        m.norm = clean_norm(m.text)
    return mentions


# A road or a link between places, named in lower case by its ends (`la route A-B-C`, `le
# tronçon A-B`): a descriptive, which gives its places (ENTITIES.md, `le gazoduc Nigeria-Maroc`)
_LINK = re.compile(r"(?<![\w-])(?:route|axe|axe routier|tronçon|section|corridor|liaison|ligne|autoroute)"
                   r"[ \u00a0]+(?P<chain>[A-ZÀ-Þ][\w’']*(?:-[A-ZÀ-Þ][\w’']*)+)(?![\w-])")


def linked_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The places of a lower-case link's hyphenated chain, one LOC each; what a reading made of
    the chain (the model's LOC or ORG of two parts) gives way, a rule's organization stays."""
    out = list(mentions)
    for f in _LINK.finditer(text):
        s, e = f.start("chain"), f.end("chain")
        over = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in over) or any(
                m.label not in ("LOC", "ORG", "PERSON") or m.label == "ORG" and m.source not in GUESSED_ORG
                for m in over):
            continue
        out = [m for m in out if m not in over]
        at = s
        for part in _chain_places(f.group("chain")):
            out.append(Mention(at, at + len(part), "LOC", text=part, norm=clean_norm(part), source="linked_place"))
            at += len(part) + 1
    return sorted(out, key=lambda m: m.start)


def _chain_places(chain: str) -> list[str]:
    """`Pointe-Noire-Brazzaville` -> [`Pointe-Noire`, `Brazzaville`]: the longest run of parts
    that is a known place (names of their own hold hyphens), else one part."""
    from .normalize.gazetteer import lookup
    parts, out, i = chain.split("-"), [], 0
    while i < len(parts):
        j = next((j for j in range(len(parts), i + 1, -1) if lookup("-".join(parts[i:j]), weak=True)), i + 1)
        out.append("-".join(parts[i:j]))
        i = j
    return out


def prefixed_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The model's PERSON or ORG guess of a name of two words or more opening with a word that
    opens only place names (`Oued Amlil`, `Aïn Leuh`: place_prefixes.tsv) is a place."""
    from .wordlists import word_set
    prefixes = word_set("place_prefixes.tsv")
    for m in mentions:
        words = m.text.split()
        if len(words) < 2 or words[0] not in prefixes:
            continue
        if m.label == "PERSON" and m.source == "model" or m.label == "ORG" and m.source in GUESSED_ORG:
            m.label, m.source, m.norm = "LOC", "prefixed_place", clean_norm(m.text)
    return mentions
