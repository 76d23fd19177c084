"""pipeline.extraction.people: checks on the chosen PERSON mentions, on hand-written text."""
from __future__ import annotations

import pytest

from pipeline.extraction.mention import Mention
from pipeline.extraction.people import mend_people, name_case


def _m(text, word, label="PERSON", nth=0, source="model"):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start, start + len(word), label, text=word, norm=word, source=source)


def _people(out):
    return [(m.label, m.text) for m in out if m.label in ("PERSON", "ORG")]


def test_a_name_that_is_an_organization_elsewhere_is_the_organization():
    text = "Le groupe Sotrapal a nommé un directeur. Sotrapal vise l'export."
    out = mend_people(text, [_m(text, "Sotrapal", "ORG", source="org_trigger"),
                             _m(text, "Sotrapal", nth=1)])
    assert _people(out) == [("ORG", "Sotrapal"), ("ORG", "Sotrapal")]


def test_a_definite_article_before_a_name_marks_no_person():
    text = "Les cadres de l’Istiqlal et la Koutla ont refusé, selon Driss Alami."
    out = mend_people(text, [_m(text, "Istiqlal"), _m(text, "Koutla"), _m(text, "Driss Alami")])
    assert _people(out) == [("ORG", "Istiqlal"), ("ORG", "Koutla"), ("PERSON", "Driss Alami")]


@pytest.mark.parametrize("text, word", [
    ("Karim Naciri, le nouveau Directeur Général de Sotrapal, a pris ses fonctions.",
     "Directeur Général de Sotrapal"),
    ("Il a été nommé Administrateur Directeur du groupe.", "Administrateur Directeur"),
    ("Le port a été agrandi. Ph. Bennani", "Bennani"),
])
def test_titles_and_photo_credits_are_no_people(text, word):
    assert _people(mend_people(text, [_m(text, word)])) == []


def test_a_name_stops_at_a_line_break():
    text = "Entretien avec Karim Tazi\n\nMarsa Atlantique poursuit son expansion."
    s, e = text.index("Karim"), text.index(" poursuit")
    out = mend_people(text, [Mention(s, e, "PERSON", text=text[s:e], source="model")])
    assert _people(out) == [("PERSON", "Karim Tazi")]


@pytest.mark.parametrize("text, cut, full", [
    # a Maghrebi particle and the word after it
    ("Selon Khadija El Alaoui, la réforme avance.", "Khadija", "Khadija El Alaoui"),
    # a chain of patronymics, every particle and its word
    ("Hamdan Ben Rachid Al Maktoum a ouvert la foire.", "Hamdan", "Hamdan Ben Rachid Al Maktoum"),
    # a surname in capitals, as official texts write it
    ("Le Chef de l'Etat, Monsieur Ibrahima FALL, a présidé le conseil.", "Ibrahima",
     "Ibrahima FALL"),
    # the rest of a hyphenated name
    ("Aux Finances, Samir Ould-ahmed a été promu.", "Samir Ould-", "Samir Ould-ahmed"),
    # patronymic links in lower case, as Gulf names are written in French
    ("Le cheikh Saoud bin Khalifa bin Hamad est arrivé.", "Saoud", "Saoud bin Khalifa bin Hamad"),
])
def test_names_the_model_cut_are_completed(text, cut, full):
    out = mend_people(text, [_m(text, cut)])
    assert _people(out) == [("PERSON", full)]


def test_a_patronymic_chain_read_as_several_names_is_one():
    text = "Le prince Tamim ben Salmane ben Fahd Al Saoud a reçu Ali Hassan ce lundi."
    out = mend_people(text, [_m(text, "Tamim"), _m(text, "Salmane"), _m(text, "Fahd Al Saoud"),
                             _m(text, "Ali Hassan")])
    assert _people(out) == [("PERSON", "Tamim ben Salmane ben Fahd Al Saoud"), ("PERSON", "Ali Hassan")]


def test_the_capitals_surname_is_not_an_acronym():
    text = "Le Chef de l'Etat, Monsieur Ibrahima FALL, a présidé le conseil."
    out = mend_people(text, [_m(text, "Ibrahima"), _m(text, "FALL", "ORG", source="org_acronym")])
    assert _people(out) == [("PERSON", "Ibrahima FALL")]


def test_a_first_name_takes_the_surname_the_article_gives():
    text = "Nadia Berrada dirige le fonds. Née en 1970, Nadia Berrada est ingénieure."
    out = mend_people(text, [_m(text, "Nadia Berrada"), _m(text, "Nadia", nth=1)])
    assert [m.text for m in out] == ["Nadia Berrada", "Nadia Berrada"]


@pytest.mark.parametrize("name, value", [
    ("Ibrahima FALL", "Ibrahima Fall"), ("Mohammed VI", "Mohammed VI"),
    ("Louis XIV", "Louis XIV"), ("Khadija El Alaoui", "Khadija El Alaoui"),
])
def test_name_case(name, value):
    assert name_case(name) == value


def _repeats(text, names):
    from pipeline.extraction.people import repeated_surnames
    return [m.text for m in repeated_surnames(text, [_m(text, n) for n in names])]


@pytest.mark.parametrize("text, names, found", [
    # the surname alone, after an honorific, a lower-case word or opening a sentence
    ("Le wali Omar Tazrouti a reçu les élus. Tazrouti a promis des routes.",
     ["Omar Tazrouti"], ["Tazrouti"]),
    ("Selon Samira Ait Lahcen, tout va bien. Pour Mme Ait Lahcen, la saison est bonne.",
     ["Samira Ait Lahcen"], ["Ait Lahcen"]),
    ("Le maire Youssef Bennani a parlé. Selon Bennani, les travaux avancent.",
     ["Youssef Bennani"], ["Bennani"]),
    # the full name again, where no mention stands
    ("Le maire Youssef Bennani a parlé. Côté Youssef Bennani, on se tait.",
     ["Youssef Bennani"], ["Youssef Bennani"]),
    # not inside another run of capitals, not a roman numeral, a common word or a place
    ("Omar Tazrouti a parlé. Leila Tazrouti, sa soeur, aussi.", ["Omar Tazrouti"], []),
    ("Omar Tazrouti a parlé. La parole est à l’avocat d’Imane Tazrouti.", ["Omar Tazrouti"], []),
    ("Le roi Mohammed VI a parlé. Le chapitre VI est long.", ["Mohammed VI"], []),
    ("Karim Marrakech a parlé. Il vit à Marrakech.", ["Karim Marrakech"], []),
    ("Nadia Rose a parlé. Une Rose a fleuri.", ["Nadia Rose"], []),
])
def test_a_surname_repeated_alone_is_the_same_person(text, names, found):
    # rule: people.repeated_surnames, one sense per article for names
    assert _repeats(text, names) == found


@pytest.mark.parametrize("text, name, label, source, person", [
    # a statistical model's organization or place on the surname is the person again
    ("Le gouverneur Karim Ouazzani a présenté le rapport. Ouazzani a insisté sur l'inflation.",
     "Karim Ouazzani", "ORG", "learned", True),
    ("Selon Fatou Ndiaye Sarr, la récolte est bonne. Pour Sarr, les prix vont baisser.",
     "Fatou Ndiaye Sarr", "LOC", "model", True),
    ("La chambre a élu Aminata Kouyaté Sow. Aminata Kouyaté Sow succède à un industriel.",
     "Aminata Kouyaté Sow", "ORG", "model", True),
    # a rule's organization is kept (a list or an acronym knows better than the name)
    ("Le gouverneur Karim Ouazzani a présenté le rapport. Ouazzani a insisté sur l'inflation.",
     "Karim Ouazzani", "ORG", "org_known", False),
])
def test_a_model_guess_on_a_repeated_surname_becomes_the_person(text, name, label, source, person):
    from pipeline.extraction.people import repeated_surnames
    repeated = name if text.count(name) > 1 else name.split()[-1]
    guess = _m(text, repeated, label, nth=1, source=source)
    assert repeated_surnames(text, [_m(text, name), guess]) == []
    assert (guess.label == "PERSON") is person


@pytest.mark.parametrize("text, ministry, found", [
    ("Le ministre de l'Artisanat Karim Zidane a visité Fès.", "ministre de l'Artisanat",
     ["Karim Zidane"]),
    ("La ministre de la Santé, Amal Ben Diouri, a répondu.", "ministre de la Santé",
     ["Amal Ben Diouri"]),
    # a place or an organization after the portfolio is no name
    ("Le ministre de l'Intérieur Agence Nationale des Ports a parlé.", "ministre de l'Intérieur", []),
    ("Le ministre de l'Agriculture Casablanca Settat a parlé.", "ministre de l'Agriculture", []),
    # a line-up entry: the name after the colon fills the rest of the entry
    ("Ministre de la Défense : Téné Birahima Ouattara ;\nMinistre de la Santé : Awa Keïta", "Ministre de la Défense",
     ["Téné Birahima Ouattara"]),
    # after a colon, words that run on are no name standing alone
    ("Le ministre de la Santé : Les Marocains seront vaccinés.", "ministre de la Santé", []),
    # a rank before the name is left out, also a rank of several words
    ("Ministre de la Défense : Général de corps d'armée Abakar Tom Yaya ;", "Ministre de la Défense",
     ["Abakar Tom Yaya"]),
    ("Ministre de la Santé : Colonel Ousmane Kébir Adoum ;", "Ministre de la Santé", ["Ousmane Kébir Adoum"]),
])
def test_a_name_after_an_office_named_by_its_portfolio(text, ministry, found):
    # rule: people.names_after_ministries
    from pipeline.extraction.people import names_after_ministries
    out = names_after_ministries(text, [_m(text, ministry, "MINISTRY", source="ministry")])
    assert [m.text for m in out] == found


@pytest.mark.parametrize("text, person", [
    # a person introduced by nationality, which the model may read as a place
    ("Le prix est revenu à la Sénégalaise Awa Ndiaye Sow, a annoncé le jury.", "Awa Ndiaye Sow"),
    ("La palme est allée au Camerounais Jean-Paul Mbarga.", "Jean-Paul Mbarga"),
])
def test_a_person_after_a_nationality_noun(analyse, text, person):
    found = [(m.text, m.label) for m in analyse(text)._.mentions]
    assert (person, "PERSON") in found and not any(t.endswith(person) and t != person for t, _ in found)


def test_a_model_guess_inside_a_name_after_an_office_becomes_the_person():
    # rule: people._take_name: the model's town inside the name gives way to the person
    from pipeline.extraction.people import names_after_ministries
    text = "Ministre de la Défense : Général de division Abakar Tom Yaya ;"
    guess = _m(text, "Abakar", "LOC")
    assert names_after_ministries(text, [_m(text, "Ministre de la Défense", "MINISTRY", source="ministry"),
                                         guess]) == []
    assert (guess.text, guess.label) == ("Abakar Tom Yaya", "PERSON")


@pytest.mark.parametrize("text, found", [
    # a list of appointments: a dash, the name, a comma and a title of office
    ("Le Conseil a nommé :\n– Kossi Mawuli Agbéko, directeur général de la Société des eaux ;\n"
     "- le Colonel Yao Kouma Tétévi, commissaire général de l'Office des recettes ;\n"
     "• Afi Dédé Kpodar, secrétaire générale du ministère de la Santé.",
     ["Kossi Mawuli Agbéko", "Yao Kouma Tétévi", "Afi Dédé Kpodar"]),
    # no title after the comma, or a place: no name
    ("Les projets retenus :\n– Route Nationale, phase deux ;\n– Grand Lomé, directeur général nommé.", []),
])
def test_names_opening_the_lines_of_a_list_of_appointments(text, found):
    from pipeline.extraction.people import listed_names
    assert [m.text for m in listed_names(text, [])] == found
