"""MINISTRY finder and normalization, on hand-written sentences."""
from __future__ import annotations

import pytest

from pipeline.extraction.mention import Mention
from pipeline.extraction.normalize.ministries import (mend_typos, normalize_ministry, registry_match,
                                 resolve_in_article)
from pipeline.extraction.ministry_finder import find_ministries


def spans(nlp, text):
    return [m.text for m in find_ministries(nlp(text))]


# --- finder -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # enumeration of portfolio components, stop before the name
    ("Le ministre de l'Agriculture, de la Pêche maritime, du Développement rural et des Eaux "
     "et Forêts, Ahmed El Bouari, a inauguré la foire.",
     ["ministre de l'Agriculture, de la Pêche maritime, du Développement rural et des Eaux et Forêts"]),
    ("Une convention lie le ministère de l’Inclusion économique, de la Petite entreprise, de "
     "l’Emploi et des Compétences et l’Office de la formation professionnelle.",
     ["ministère de l’Inclusion économique, de la Petite entreprise, de l’Emploi et des Compétences"]),
    ("Il a été reçu par le ministre des Affaires étrangères, de la Coopération africaine et des "
     "Marocains résidant à l’étranger, qui a salué la démarche.",
     ["ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l’étranger"]),
    # nationality adjective inside
    ("Il a rencontré le ministre sénégalais de l'Intégration africaine et des Affaires étrangères à Rabat.",
     ["ministre sénégalais de l'Intégration africaine et des Affaires étrangères"]),
    # state secretary, delegate minister
    ("La secrétaire d’Etat chargée de la Pêche maritime a visité le port.",
     ["secrétaire d’Etat chargée de la Pêche maritime"]),
    ("Le ministre délégué auprès du Chef du gouvernement chargé du Budget, Fouzi Lekjaa, a présenté le texte.",
     ["ministre délégué auprès du Chef du gouvernement chargé du Budget"]),
    # lowercase inner words, attached de-phrases
    ("Le ministre de l'Aménagement du territoire national, de l'Urbanisme et de la Politique de la "
     "ville a visité le chantier.",
     ["ministre de l'Aménagement du territoire national, de l'Urbanisme et de la Politique de la ville"]),
    # a place after the portfolio is not part of it
    ("Le ministre des Affaires étrangères de la Côte d’Ivoire et son homologue ont signé.",
     ["ministre des Affaires étrangères"]),
    ("Le ministre des Affaires étrangères du Sénégal et le ministre de l'Intérieur ont signé.",
     ["ministre des Affaires étrangères", "ministre de l'Intérieur"]),
    ("Les ministres des Affaires étrangères malien, nigérien et burkinabé se sont réunis.",
     ["ministres des Affaires étrangères"]),
    ("Le ministère de la Santé qui pilote le programme a publié un bilan.",
     ["ministère de la Santé"]),
    # an organization after ``et de`` ends the span
    ("Avec le soutien du ministère de l’Industrie et du Commerce et de l’Agence marocaine de "
     "développement des investissements.",
     ["ministère de l’Industrie et du Commerce"]),
    # capitalised adjectives and a capitalised prenominal adjective stay in the portfolio
    ("Le ministre de l'Agriculture Durable, de la Petite Pêche et de la Recherche Agronomique "
     "a ouvert le salon.",
     ["ministre de l'Agriculture Durable, de la Petite Pêche et de la Recherche Agronomique"]),
    ("La ministre de l'Énergie Verte et Numérique a signé la convention.",
     ["ministre de l'Énergie Verte et Numérique"]),
    # ``en charge de`` and an à-portfolio after ``délégué``
    ("Le ministre délégué en charge des finances publiques a répondu aux députés.",
     ["ministre délégué en charge des finances publiques"]),
    ("Le nouveau ministre délégué aux Sports a pris ses fonctions.",
     ["ministre délégué aux Sports"]),
    # an acronym after the comma names another body
    ("Le ministère de la Santé, de l'OMS et des ONG ont coordonné la riposte.",
     ["ministère de la Santé"]),
    # text cut mid-word at the end of the file
    ("Le texte a été signé par le ministre de l’Éducation nationale, de la formation professionnelle, de l’ensei",
     ["ministre de l’Éducation nationale, de la formation professionnelle, de l’ensei"]),
    # the department of a portfolio names the ministry (Moroccan press)
    ("Le département de la Pêche maritime a lancé une étude.", ["département de la Pêche maritime"]),
    # a party adjective qualifies the office, like a nationality
    ("L'ancien ministre socialiste de l'Emploi a critiqué la réforme.",
     ["ministre socialiste de l'Emploi"]),
    # a second partner of the relations
    ("Le ministre chargé des Relations avec le Parlement et la société civile a répondu.",
     ["ministre chargé des Relations avec le Parlement et la société civile"]),
    # plural ministers of coordinated portfolios: one portfolio each, the first is named
    ("Le président a nommé deux ministres de la Santé et de l'Éducation.",
     ["ministres de la Santé"]),
    # a department inside the ministry just named is no ministry of its own
    ("Au ministère de l'Agriculture et de la Pêche, département de la Pêche, un directeur a été nommé.",
     ["ministère de l'Agriculture et de la Pêche"]),
    # the planning portfolio, standing alone in the chain; a named plan after it is a programme
    ("Le ministre de l'Économie, du Plan et de la Coopération, Ali Traoré, a parlé.",
     ["ministre de l'Économie, du Plan et de la Coopération"]),
    ("Le ministère des Finances et du Plan a publié la note.", ["ministère des Finances et du Plan"]),
    ("Le ministre de l'Agriculture a défendu le bilan du Plan vert.", ["ministre de l'Agriculture"]),
    ("Le ministre chargé du Plan de relance a parlé.", []),
    # `à l'étranger` after a component without a participle; `contre` after `Lutte`
    ("Le ministère des Affaires étrangères et des Tchadiens de l'étranger et le ministère de la "
     "Diaspora et des Ressortissants à l'extérieur ont signé une note.",
     ["ministère des Affaires étrangères et des Tchadiens de l'étranger",
      "ministère de la Diaspora et des Ressortissants à l'extérieur"]),
    ("Elle a été nommée ministre de la Femme et de la Lutte contre la pauvreté, à 45 ans.",
     ["ministre de la Femme et de la Lutte contre la pauvreté"]),
    ("La plainte du ministère de la Culture contre la chaîne a été classée.",
     ["ministère de la Culture"]),
    # a further portfolio after `, chargé de`; not a task after it
    ("Le ministre du Budget et des Finances, chargé du Commerce extérieur, Paul Ndong, a signé l'accord.",
     ["ministre du Budget et des Finances, chargé du Commerce extérieur"]),
    ("Le ministre du Budget, chargé de superviser la réforme, a parlé.", ["ministre du Budget"]),
    # `junior` qualifies the office; a capitalised prenominal adjective opens a component
    ("La ministre junior de l'Agriculture, Anna Lee, a visité la foire.",
     ["ministre junior de l'Agriculture"]),
    ("Le ministre de la Défense, des Anciens combattants et des Victimes de guerre a déposé une gerbe.",
     ["ministre de la Défense, des Anciens combattants et des Victimes de guerre"]),
    # an à-complement that is a portfolio noun; a place after `au` is not
    ("Le ministre des Affaires étrangères et de la Coopération au développement a reçu l'ambassadeur.",
     ["ministre des Affaires étrangères et de la Coopération au développement"]),
    ("Le ministre des Finances au Sénégal a parlé.", ["ministre des Finances"]),
    # a delegate office attached to a body, then its chargé portfolio
    ("La ministre déléguée à la Présidence chargée de la Fonction publique a présidé la séance.",
     ["ministre déléguée à la Présidence chargée de la Fonction publique"]),
])
def test_spans(fr_nlp, text, expected):
    assert spans(fr_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Le Premier ministre a reçu les syndicats hier.",
    "Le ministre a déclaré que le dossier avance.",
    "Le ministre-conseiller de l'ambassade a pris la parole.",
    "La réunion s'est tenue à l'initiative du Secrétaire d'État américain Antony Blinken.",
    "Le ministère de tutelle suit le dossier de près.",
    "Le département de Dakar a reçu des fonds.",
    "Le département des ressources humaines recrute.",
])
def test_not_ministry(fr_nlp, text):
    assert spans(fr_nlp, text) == []


def test_country_adj_and_offsets(fr_nlp):
    text = "Il s'est entretenu avec le ministre djiboutien des Affaires étrangères, à Banjul."
    ms = find_ministries(fr_nlp(text))
    assert len(ms) == 1
    m = ms[0]
    assert text[m.start:m.end] == m.text == "ministre djiboutien des Affaires étrangères"
    assert m.extra["country_adj"] == "djiboutien"
    assert m.extra.get("country") == "DJI"
    assert m.norm == "ministère des Affaires étrangères"
    assert m.label == "MINISTRY"


# --- normalization ------------------------------------------------------------

@pytest.mark.parametrize("text, norm", [
    ("ministre de la Santé et de la Protection sociale", "ministère de la Santé et de la Protection sociale"),
    ("ministres des Affaires étrangères", "ministère des Affaires étrangères"),
    ("Ministère de l’Intérieur", "ministère de l'Intérieur"),
    ("ministère de l`Intérieur", "ministère de l'Intérieur"),
    # État / Etat kept as written, accents on capitals kept as written
    ("secrétaire d’Etat chargé de l’Artisanat et de l’Economie sociale et solidaire",
     "secrétariat d'Etat chargé de l'Artisanat et de l'Economie sociale et solidaire"),
    ("secrétaire d'État chargée de la Pêche maritime", "secrétariat d'État chargé de la Pêche maritime"),
    ("ministre marocain de la Justice", "ministère de la Justice"),
    ("ministre délégué auprès du Chef du gouvernement chargé du Budget", "ministère délégué chargé du Budget"),
    # typo folding
    ("ministère de l'Inclusion économique, de la Petite entreprise, de l'Emploi et des cCompétences",
     "ministère de l'Inclusion économique, de la Petite entreprise, de l'Emploi et des Compétences"),
    # registry: case variant mapped to the canonical spelling
    ("ministre de l'industrie et du commerce", "ministère de l'Industrie et du Commerce"),
    # an unknown portfolio keeps the general rule, not a near registry entry; where the
    # writer capitalised the first portfolio word, the writer's case stands
    ("ministre de l'Industrie, du commerce, de l'économie verte et numérique",
     "ministère de l'Industrie, du commerce, de l'économie verte et numérique"),
    # a portfolio written all in lower case takes a capital on each portfolio's first word
    ("ministre tchadien des affaires étrangères", "ministère des Affaires étrangères"),
    ("ministre de l'élevage, des pêches et de la politique de la ville",
     "ministère de l'Élevage, des Pêches et de la Politique de la ville"),
    ("secrétaire d'État espagnol au tourisme", "secrétariat d'État au Tourisme"),
    ("Ministère du commerce extérieur", "ministère du Commerce extérieur"),
    # the institution is masculine whoever holds the office
    ("ministre chargée des Relations avec les institutions",
     "ministère chargé des Relations avec les institutions"),
    ("ministre junior des Finances", "ministère des Finances"),
    ("ministre déléguée à la Présidence chargée de la Fonction publique",
     "ministère délégué à la Présidence chargé de la Fonction publique"),
    ("ministre déléguée chargée de la Transition numérique",
     "ministère délégué chargé de la Transition numérique"),
])
def test_normalize(text, norm):
    assert normalize_ministry(text) == norm


def test_registry_by_country():
    # a Djiboutian variant goes to Djibouti's name, not to Morocco's
    assert normalize_ministry("ministre djiboutien des Affaires étrangères et de la coopération Internationale",
                              "djiboutien") == \
        "ministère des Affaires étrangères et de la Coopération internationale"
    assert registry_match("ministère des Affaires étrangères", "djiboutien") is None


def test_en_charge_joins_registry_form():
    # ``en charge du`` is the registry's ``chargé du``; an unknown one keeps the writer's words
    assert normalize_ministry("ministre délégué en charge du budget") == "ministère délégué chargé du Budget"
    assert normalize_ministry("ministre délégué en charge des Cultes", "tchadien") == \
        "ministère délégué en charge des Cultes"


def test_mend_typos_leaves_acronyms():
    assert mend_typos("des cCompétences") == "des Compétences"
    assert mend_typos("l'eMarketing et la BAD") == "l'eMarketing et la BAD"


def _m(norm, adj=None):
    m = Mention(0, 1, "MINISTRY", norm=norm)
    if adj:
        m.extra["country_adj"] = adj
    return m


def test_resolve_in_article():
    short = _m("ministère des Affaires étrangères", "djiboutien")
    full = _m("ministère des Affaires étrangères et de la Coopération internationale", "djiboutien")
    moroccan = _m("ministère des Affaires étrangères, de la Coopération africaine et des Marocains "
                  "résidant à l'étranger")
    resolve_in_article([short, full, moroccan])
    assert short.norm == full.norm
    assert moroccan.norm.endswith("à l'étranger")


def test_another_states_ministry_keeps_its_short_name(fr_nlp):
    text = ("Le ministre des Affaires étrangères, de la Coopération africaine et des Marocains "
            "résidant à l'étranger a reçu le ministre des affaires étrangères de la République "
            "du Congo.")
    ms = find_ministries(fr_nlp(text))
    resolve_in_article(ms)
    assert ms[1].norm == "ministère des Affaires étrangères"
    assert ms[1].extra["country"] == "COG"


def test_resolve_cut_mention(fr_nlp):
    # the text stops mid-word: the full form named earlier in the article completes it
    text = ("Le ministre français de l'Agriculture et de l'Alimentation a signé. "
            "Le texte a été paraphé par le ministre français de l'Agri")
    ms = find_ministries(fr_nlp(text))
    assert [m.extra.get("cut", False) for m in ms] == [False, True]
    resolve_in_article(ms)
    assert ms[1].norm == ms[0].norm == "ministère de l'Agriculture et de l'Alimentation"
    # without the cut, a longer word is not a prefix match
    whole = _m("ministère de l'Agri")
    resolve_in_article([whole, _m("ministère de l'Agriculture")])
    assert whole.norm == "ministère de l'Agri"


def test_resolve_needs_one_candidate():
    short = _m("ministère des Affaires étrangères")
    a = _m("ministère des Affaires étrangères et de la Coopération")
    b = _m("ministère des Affaires étrangères, de la Migration")
    resolve_in_article([short, a, b])
    assert short.norm == "ministère des Affaires étrangères"
    # a longer word is not a prefix match
    j = _m("ministère de la Justice")
    k = _m("ministère de la Justicelle")
    resolve_in_article([j, k])
    assert j.norm == "ministère de la Justice"
