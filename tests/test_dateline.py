"""A dispatch's dateline (dateline.py) on lines written for these tests, and its effect on
the whole pipeline: the city a place, its state the default state of offices."""
from __future__ import annotations

import pytest

from pipeline.extraction.dateline import article_home, find_dateline

# line, city as written in the span, label, value, state, agency
CASES = [
    ("DAKAR, 3 mars (APS) - Le gouvernement a lancé un emprunt.", "DAKAR", "LOC", "Dakar", "SEN", "APS"),
    ("TUNIS (TAP) - La banque centrale a relevé son taux.", "TUNIS", "LOC", "Tunis", "TUN", "TAP"),
    ("LE CAIRE, 19 nov (MENA) - Les recettes du canal ont progressé.", "CAIRE", "LOC", "Le Caire", "EGY", "MENA"),
    ("ADDIS-ABEBA (Reuters) – L'Union africaine a tenu sa session.", "ADDIS-ABEBA", "LOC", "Addis-Abeba", "ETH", "Reuters"),
    ("NOUAKCHOTT, lundi (AMI) — Le conseil des ministres s'est réuni.", "NOUAKCHOTT", "LOC", "Nouakchott", "MRT", "AMI"),
    ("Abidjan, 12 fév. (AIP) – Le prix du cacao a été relevé.", "Abidjan", "LOC", "Abidjan", "CIV", "AIP"),
    ("Ouagadougou, 1er mars 2026 (AIB) – Le jury a rendu son verdict.", "Ouagadougou", "LOC", "Ouagadougou", "BFA", "AIB"),
    ("PARIS, 31 mars - Les prix ont reculé en mars.", "PARIS", "LOC", "Paris", "FRA", None),
    ("Yaoundé — Le gouvernement a signé un accord de prêt mardi.", "Yaoundé", "LOC", "Yaoundé", "CMR", None),
    ("SÉNÉGAL (APS) - Les pluies ont été abondantes cette année.", "SÉNÉGAL", "COUNTRY", "SEN", "SEN", "APS"),
    # a state's name that also names its capital: a dispatch is filed from the city
    ("DJIBOUTI, 2 mai (ADI) - Le port a battu son record.", "DJIBOUTI", "LOC", "Djibouti", "DJI", "ADI"),
    ("Koweït, 5 juin (KUNA) – Le parlement a voté le budget.", "Koweït", "LOC", "Koweït", "KWT", "KUNA"),
    # a city no gazetteer knows, named by an agency's dateline: capitals mended, no state
    ("KOUTIALABA, 2 mai (AMAP) - La campagne a débuté.", "KOUTIALABA", "LOC", "Koutialaba", None, "AMAP"),
]


@pytest.mark.parametrize("line,city,label,value,state,agency", CASES)
def test_dateline_forms(line, city, label, value, state, agency):
    text = " date 2026-03-04\nUn titre d'article sans tiret\n\n" + line + "\n"
    d = find_dateline(text)
    assert d is not None
    assert (text[d.start:d.end], d.label, d.value, d.country, d.agency) == (city, label, value, state, agency)
    if agency:
        assert text[d.agency_start:d.agency_end] == agency


@pytest.mark.parametrize("text", [
    "Maroc - Espagne : un match nul sans relief",          # a headline, not a paragraph
    "Le ministre, dit-on - et c'est vrai - viendra.",        # a clause between dashes
    "Rabat, la capitale (MAP) - Le ministre a parlé.",      # no day after the comma
    "Il pleut. Bamako - la ville est calme.",                # not at the start of the line
])
def test_not_a_dateline(text):
    assert find_dateline(text) is None


def test_home_state_from_the_dateline():
    # an agency dispatch from abroad: its city's state
    assert article_home("TUNIS (TAP) - Le ministre des Finances a parlé.", "MAR") == "TUN"
    # the home state's own agency files from abroad for home readers
    assert article_home("DAKAR, 3 mars (MAP) - Le ministre des Affaires étrangères a parlé.", "MAR") == "MAR"
    # a bare city in a text that names the home state: the home press abroad
    assert article_home("Banjul – Le ministre marocain de l'Industrie a parlé.", "MAR") == "MAR"
    assert article_home("Banjul – Le ministre de l'Industrie a parlé.", "MAR") == "GMB"
    # no dateline: the configured state
    assert article_home("Le ministre des Finances a parlé à la presse.", "DZA") == "DZA"


def test_dispatch_city_and_minister_state(analyse):
    doc = analyse(" date 2026-01-28\nLa banque centrale garde son taux inchangé\n\n"
                  "TUNIS, 27 janvier (TAP) - Le ministre des Finances, Karim Ben Salah, a présenté "
                  "mardi le budget devant les députés. L'inflation a reculé en décembre.\n")
    got = {(m.text, m.label, m.norm) for m in doc._.mentions}
    assert ("TUNIS", "LOC", "Tunis") in got
    assert ("TAP", "ORG", "TAP") in got
    roles = {(r["person"], r["country"]) for r in doc._.roles}
    assert ("Karim Ben Salah", "TUN") in roles


def test_the_dispatch_agency_in_any_case_is_an_organization(analyse):
    # rule: components (dateline): `(Agence)` in title case is no acronym, still the medium
    doc = analyse(" date 2026-03-04\nUn accord nucléaire signé\n\n"
                  "SOTCHI, 4 mars (Novosti) – Le Burundi a signé mardi une feuille de route.\n")
    got = {(m.text, m.label) for m in doc._.mentions}
    assert ("SOTCHI", "LOC") in got and ("Novosti", "ORG") in got


def test_without_dateline_the_configured_state(analyse):
    doc = analyse(" date 2026-01-28\nLe budget présenté aux députés\n\n"
                  "Le ministre des Finances, Karim Ben Salah, a présenté mardi le budget "
                  "devant les députés. L'inflation a reculé en décembre.\n")
    assert ("Karim Ben Salah", "MAR") in {(r["person"], r["country"]) for r in doc._.roles}
