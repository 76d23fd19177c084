"""Tests for pipeline.acronyms (pure functions, no model)."""
from __future__ import annotations

import pytest

from pipeline.extraction.acronyms import (acronym_matches, backtrack_long_form, canonical_name,
                               complete_norms, link_acronyms, looks_like_acronym,
                               norm_apostrophes)
from pipeline.extraction.mention import Mention


def _m(text, sub, label="ORG", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(start, start + len(sub), label, text=sub, norm=norm_apostrophes(sub))


def test_acronym_matches_french_order():
    assert acronym_matches("CNSS", "Caisse nationale de sécurité sociale")
    assert acronym_matches("ONCF", "Office national des chemins de fer")
    assert acronym_matches("CDG", "Caisse de dépôt et de gestion")
    assert acronym_matches("HCP", "Haut-commissariat au plan")


def test_acronym_matches_english_order_and_multi_letter_words():
    assert acronym_matches("ICC", "Chambre de commerce internationale")  # English initials
    assert acronym_matches("ONHYM", "Office national des hydrocarbures et des mines")


def test_acronym_rejects_unrelated():
    assert not acronym_matches("XYZ", "Caisse nationale de sécurité sociale")
    assert not acronym_matches("BM", "Office national des chemins de fer")


def test_looks_like_acronym():
    assert looks_like_acronym("ONCF") and looks_like_acronym("ZLECAf") and looks_like_acronym("S&P")
    assert not looks_like_acronym("Rabat") and not looks_like_acronym("A")


def test_backtrack_lowercase_long_form():
    text = "Le projet a été validé par le centre régional d'investissement (CRI) de Fès."
    pos = text.index("(")
    start = backtrack_long_form(text, pos, "CRI")
    assert text[start:pos].strip() == "centre régional d'investissement"


def test_canonical_name():
    assert canonical_name("banque mondiale", ["Banque mondiale"]) == "Banque mondiale"
    assert canonical_name("Organisation mondiale du commrce",
                          ["Organisation mondiale du commerce"]) == "Organisation mondiale du commerce"
    assert canonical_name("Office des Changes", ["Office des changes"]) == "Office des Changes"
    assert canonical_name("Caisse de dépôt et de gestion", []) == "Caisse de dépôt et de gestion"


def test_link_paren_and_later_reuse():
    text = ("La Caisse nationale de sécurité sociale (CNSS) a publié son rapport. "
            "Selon la CNSS, les cotisations ont augmenté.")
    long_m = _m(text, "Caisse nationale de sécurité sociale")
    mentions = [long_m]
    link_acronyms(text, mentions)
    acr = sorted((m for m in mentions if m.text == "CNSS"), key=lambda m: m.start)
    assert len(acr) == 2
    assert all(m.norm == "Caisse nationale de sécurité sociale" and m.label == "ORG" for m in acr)
    assert text[acr[0].start:acr[0].end] == "CNSS"


def test_link_event_label_and_apostrophes():
    text = "Le Salon international de l’agriculture (SIAM) ouvre ses portes. Le SIAM attend 1 million de visiteurs."
    long_m = _m(text, "Salon international de l’agriculture", "EVENT")
    bare = _m(text, "SIAM", "ORG", nth=1)
    bare.norm = "SIAM"
    mentions = [long_m, bare]
    link_acronyms(text, mentions)
    siam = [m for m in mentions if m.text == "SIAM"]
    assert len(siam) == 2
    assert {m.label for m in siam} == {"EVENT"}
    assert {m.norm for m in siam} == {"Salon international de l'agriculture"}


def test_acronym_written_as_a_word_in_brackets():
    # `Fifm`, `Unesco`: one capital then lower case, an acronym only right after a long form
    # it spells; elsewhere in the article, even where the model read a person, it is that acronym
    text = ("Fifm : le palmarès dévoilé. Le Festival international du film de Marrakech (Fifm) "
            "s'achève samedi ; le Fifm a primé quatorze films. La Banque mondiale (Washington) a salué.")
    long_m = _m(text, "Festival international du film de Marrakech", "EVENT")
    headline = _m(text, "Fifm", "PERSON")
    later = _m(text, "Fifm", "LOC", nth=2)
    bank = _m(text, "Banque mondiale")
    mentions = [long_m, headline, later, bank]
    link_acronyms(text, mentions)
    fifm = [m for m in mentions if m.text == "Fifm"]
    assert len(fifm) == 3
    assert {(m.label, m.norm) for m in fifm} == {("EVENT", "Festival international du film de Marrakech")}
    assert not [m for m in mentions if m.text == "Washington"]


def test_known_long_form_only_when_written():
    known = {"ONCF": ("Office national des chemins de fer", "ORG")}
    t1 = "L'ONCF a annoncé de nouveaux horaires."
    m1 = [_m(t1, "ONCF")]
    link_acronyms(t1, m1, known=known)
    assert m1[0].norm == "ONCF"
    t2 = "L'Office national des chemins de fer a annoncé des horaires. L'ONCF précise que..."
    m2 = [_m(t2, "Office national des chemins de fer"), _m(t2, "ONCF")]
    link_acronyms(t2, m2, known=known)
    assert m2[1].norm == "Office national des chemins de fer"


@pytest.mark.parametrize("text, value", [
    # the long form written (with another year): the edition takes it, its own year kept
    ("La Coupe d'Afrique des nations 2027 se jouera en Afrique de l'Est. La CAN 2029 reste à attribuer.",
     "Coupe d'Afrique des nations 2029"),
    # not written: the edition stays as written
    ("La CAN 2029 reste à attribuer.", "CAN 2029"),
])
def test_an_event_edition_takes_its_known_long_form_where_the_article_writes_it(text, value):
    known = {"CAN": ("Coupe d'Afrique des nations", "EVENT")}
    edition = _m(text, "CAN 2029", "EVENT")
    link_acronyms(text, [edition], known=known)
    assert (edition.norm or edition.text) == value


def test_place_after_bracket_joins_norm():
    text = "Le directeur du Centre régional d'investissement (CRI) de Casablanca a reçu la délégation."
    mentions = [_m(text, "Centre régional d'investissement")]
    link_acronyms(text, mentions)
    assert {m.norm for m in mentions} == {"Centre régional d'investissement de Casablanca"}


def test_trim_long_run_to_acronym():
    text = "La division Global Business Unit Green Energy Solutions (GES) progresse."
    mentions = [_m(text, "Global Business Unit Green Energy Solutions")]
    link_acronyms(text, mentions)
    long_m = mentions[0]
    assert long_m.text == "Green Energy Solutions"
    assert text[long_m.start:long_m.end] == "Green Energy Solutions"


def test_complete_norms_prefix():
    a = Mention(0, 10, "ORG", text="x", norm="Agence urbaine de Rabat-Salé")
    b = Mention(20, 30, "ORG", text="y", norm="Agence urbaine")
    complete_norms([a, b])
    assert b.norm == "Agence urbaine de Rabat-Salé"


@pytest.mark.parametrize("text, place, acr_label", [
    # a place of several words, or one the acronym spells: the acronym is that place, as written
    ("Les fonds levés en Afrique de l'Est (EAC) ont doublé. La zone EAC attire.", "Afrique de l'Est", "LOC"),
    ("Le champ Baobab Kossi (BK) produit. Le BK exporte.", "Baobab Kossi", "LOC"),
    # one town before a bracket: a dispatch's agency, not the town's acronym
    ("Le ministre est arrivé à Kossa (AGP) lundi. Selon AGP, la visite dure deux jours.", "Kossa", None),
])
def test_an_acronym_after_a_place_is_the_place(text, place, acr_label):
    mentions = [_m(text, place, "LOC")]
    acr = text[text.index("(") + 1:text.index(")")]
    link_acronyms(text, mentions)
    found = [(m.text, m.label, m.norm) for m in mentions if m.text == acr]
    if acr_label is None:
        assert found == []
    else:
        assert found == [(acr, "LOC", acr)] * 2
