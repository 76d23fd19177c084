"""The model's places that no gazetteer knows (model_places.py), on sentences written for these
tests, through the whole pipeline."""
from __future__ import annotations

import pytest


def _mentions(doc, label):
    return [m.text for m in doc._.mentions if m.label == label]


# (sentence, texts that must not be LOC mentions)
NOT_PLACES = [
    # offices and portfolios taken as places after `à la`/`de l'`
    ("Le général reste à la Défense, son adjoint passe à l'Intérieur.", ["Défense"]),
    ("Le portefeuille de l'Hydraulique revient à un technocrate.", ["Hydraulique"]),
    # common words opening a line or a sentence
    ("Partager :\n\nLe port a traité 3 millions de conteneurs.", ["Partager"]),
    # a span running over a line break
    ("Economie\n\nFort d'une levée de fonds, le groupe accélère.", ["Economie\n\nFort"]),
    # a common noun with its adjective
    ("Les discussions entre chefs d'Etat africains ont repris.", ["Etat africains"]),
    # a crude-oil benchmark is a product (generic_words.tsv)
    ("Le budget retient un baril de Brent à 70 dollars et du WTI à 65 dollars.", ["Brent", "WTI"]),
]


@pytest.mark.parametrize("text, not_locs", NOT_PLACES)
def test_model_places_that_are_not_places(analyse, text, not_locs):
    locs = _mentions(analyse(text), "LOC")
    for w in not_locs:
        assert w not in locs, (w, locs)


def _judge(fr_nlp, text, ents):
    """judge_model_place on each model entity given as (text, label), first occurrence each."""
    from spacy.tokens import Span
    from pipeline.extraction.model_places import judge_model_place
    doc = fr_nlp(text)
    spans = []
    for word, label in ents:
        start = text.index(word, spans[-1].end_char if spans else 0)
        spans.append(doc.char_span(start, start + len(word), label=label))
    doc.ents = spans
    return [judge_model_place(doc, sp) for sp in spans if sp.label_ == "LOC"]


def test_a_person_of_the_article_read_as_a_place_is_that_person(fr_nlp):
    text = ("Karim Lahrichi a quitté l'office. Son poste a été confié à Karim Lahrichi "
            "junior, puis à Sidi Kacem.")
    assert _judge(fr_nlp, text, [("Karim Lahrichi", "PER"), ("Karim Lahrichi", "LOC"),
                                 ("Sidi Kacem", "LOC")]) == ["PERSON", "LOC"]


def test_a_common_word_is_a_place_only_after_a_bare_preposition(fr_nlp):
    text = "Le gaz arrive au terminal de Montoir, puis la Défense en parle."
    assert _judge(fr_nlp, text, [("Montoir", "LOC"), ("Défense", "LOC")]) == ["LOC", None]


def test_a_name_said_of_a_company_is_an_organization(fr_nlp):
    # rule: model_places.company_named (company_context.tsv), web addresses
    text = ("Le produit net bancaire de Zentrafin a progressé, selon Maghrebnews.info, "
            "et le maire de Tafraout s'en réjouit.")
    assert _judge(fr_nlp, text, [("Zentrafin", "LOC"), ("Maghrebnews.info", "LOC"),
                                 ("Tafraout", "LOC")]) == ["ORG", "ORG", "LOC"]


@pytest.mark.parametrize("text, seat", [
    ("La Maison Blanche a réagi vendredi soir.", "Maison Blanche"),
    ("Matignon a confirmé le calendrier.", "Matignon"),
    ("Un conseiller de la Primature suit le dossier.", "Primature"),
    ("Le Quai d’Orsay a convoqué le chargé d'affaires.", "Quai d’Orsay"),
])
def test_a_seat_of_government_is_no_entity(analyse, text, seat):
    # rule: seats_of_government.tsv, the seat stands for the government it houses
    assert seat not in [m.text for m in analyse(text)._.mentions]


@pytest.mark.parametrize("text, name, placed", [
    # a known town after a locative or alone on its line is the gazetteer's place, not the model's ORG
    ("Le conseil s'est réuni à Settat lundi.", "Settat", True),
    ("Les élus de la région.\nSettat\nLe conseil a voté le budget.", "Settat", True),
    # in a list of companies, or a name the gazetteer does not know, the model's reading stays
    ("Le contrat est signé entre Settat, Holcim et la SEEG.", "Settat", False),
    ("Le bureau est installé à Kobadaville.", "Kobadaville", False),
])
def test_a_known_town_the_text_places_is_no_model_organization(text, name, placed):
    from pipeline.extraction.model_entities import _placed_town
    s = text.index(name)
    assert _placed_town(text, s, s + len(name)) is placed


def test_a_geonames_only_name_the_model_reads_as_a_place_is_judged_by_its_context(analyse):
    # a town only GeoNames knows, after words said of a company, is that company
    found = [(m.text, m.label) for m in analyse(
        "Fatou Ndiaye, directrice générale de Boké, a présenté les résultats.")._.mentions]
    assert ("Boké", "LOC") not in found
