"""pipeline.date_finder: DATE mentions in a parsed French text."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.extraction.date_finder import find_dates


def dates(nlp, text, published=None):
    out = find_dates(nlp(text), published)
    for m in out:
        assert text[m.start:m.end] == m.text and m.label == "DATE"
        assert m.norm == m.date_value
    return [(m.text, m.norm) for m in out]


@pytest.mark.parametrize("text, published, expected", [
    # a future verb places a yearless period ahead: not the nearer past one
    ("Le chantier s'achèvera fin juin, selon l'entreprise.", "2024-11-20",
     [("fin juin", "2025-06")]),
    ("La livraison sera faite en février.", "2024-11-20", [("février", "2025-02")]),
    # the current month is not over yet; a past verb keeps the nearest past
    ("Le rapport sera publié en novembre.", "2024-11-20", [("novembre", "2024-11")]),
    ("Les exportations avaient chuté en juin.", "2024-11-20", [("juin", "2024-06")]),
])
def test_future_clause_keeps_a_yearless_period_ahead(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # a past verb places a yearless period behind, even where the next one is nearer
    ("Les ventes ont progressé de 5 % au premier trimestre.", "2024-10-15",
     [("premier trimestre", "2024-Q1")]),
    ("Le contrat a été signé en novembre.", "2024-10-15", [("novembre", "2023-11")]),
    ("La réunion s'était tenue le 3 mars à Lomé.", "2024-10-15", [("3 mars", "2024-03-03")]),
    # a future or a bare participle leaves the nearest one
    ("La conférence se tiendra le 3 mars à Lomé.", "2024-10-15", [("3 mars", "2025-03-03")]),
    ("La réunion prévue le 12 décembre est reportée.", "2024-10-15",
     [("12 décembre", "2024-12-12")]),
    # a passive present, and a date that hangs on a noun, not on the past verb
    ("Le ministre est attendu à Niamey le 3 mars.", "2024-10-15", [("3 mars", "2025-03-03")]),
    ("Le gouvernement a annoncé la fermeture de la pêche à partir du 1er mars.", "2024-10-15",
     [("1er mars", "2025-03-01")]),
])
def test_past_clause_keeps_a_yearless_period_behind(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # prepositions and determiners out, modifiers in
    ("Le port a été inauguré en décembre 2019 par le roi.", None, [("décembre 2019", "2019-12")]),
    ("Les exportations ont atteint 12 milliards à fin septembre 2021.", None,
     [("fin septembre 2021", "2021-09")]),
    ("Les ventes de l'an dernier ont déçu.", "2020-03", [("an dernier", "2019")]),
    ("Les ministres se réuniront ce samedi à Dakar.", "2024-06-12",
     [("samedi", "2024-06-08")]),
    ("Cette année, la production devrait croître.", "2021-02", [("Cette année", "2021")]),
    ("La délégation est arrivée lundi soir à Alger.", None, [("lundi soir", None)]),
    ("Les chiffres du mois de mars confirment la tendance.", None, [("mois de mars", "XXXX-03")]),
    ("Le budget de l'année 2023 a été voté.", None, [("année 2023", "2023")]),
    ("La croissance du premier semestre 2022 a ralenti.", None,
     [("premier semestre 2022", "2022-H1")]),
    ("Les accords ont été signés ce mardi 4 juin 2024 à Tunis.", None,
     [("mardi 4 juin 2024", "2024-06-04")]),
    ("La conférence, prévue les 12 et 13 octobre à Tunis, réunira 40 pays.", "2023-09",
     [("12", "2023-10-12"), ("13 octobre", "2023-10-13")]),
    ("Le projet de loi de finances 2026 prévoit une hausse.", None, [("2026", "2026")]),
    ("La campagne 2022/2023 a été marquée par la sécheresse.", None,
     [("2022/2023", "2022/2023")]),
    ("Les recettes ont progressé de 8% à fin juin 2020", "2020-08", [("fin juin 2020", "2020-06")]),
    ("Le contrat signé le 3 avril dernier entre en vigueur.", "2022-10",
     [("3 avril dernier", "2022-04-03")]),
    ("Le pays s'est doté d'une stratégie énergétique au début des années 2000.", None,
     [("années 2000", "200")]),
    # a year before a singular noun is no count (counts of a thousand or more are plural)
    ("Il est depuis 2012 ministre du Commerce.", None, [("2012", "2012")]),
    ("Le projet créera 2500 emplois.", None, []),
])
def test_spans_and_norms(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # relative days only where they place an event on a day
    ("L'accord a été signé hier à Rabat.", "2024-02-14", [("hier", "2024-02-13")]),
    ("Le conseil s'est réuni aujourd'hui en séance extraordinaire.", "2024-02-14",
     [("aujourd'hui", "2024-02-14")]),
    ("Le ministre a annoncé aujourd’hui la création d'un fonds.", "2024-02",
     [("aujourd’hui", None)]),
    ("Aujourd'hui, le Maroc est le premier exportateur de phosphates.", "2024-02-14", []),
    ("Il faut former les ingénieurs de demain.", "2024-02-14", []),
    ("Le Maroc d'aujourd'hui n'est plus celui des années 1990.", None, [("années 1990", "199")]),
])
def test_relative_days(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected


@pytest.mark.parametrize("text", [
    "Les travaux ont duré deux jours.",
    "Le chantier prendra trois ans.",
    "La séance a repris à 15h30.",
    "Les ventes sont en hausse par rapport à la même période de l'année précédente.",
    "Le salaire avait augmenté un an auparavant.",
    "La société emploie 2000 salariés dans la région.",
    "Le stock a atteint 1 2000 tonnes.",
    "Le chiffre d'affaires atteint 2019,5 millions de dirhams.",
    "Le décret n° 2015 fixe les modalités.",
    "Le pays accueillera l'Expo 2030 et le Mondial 2030.",
    "Le port de Tanger Med 2 et la COP22 de Marrakech.",
    "La sonde a été envoyée vers Mars par la NASA.",
])
def test_not_dates(fr_nlp, text):
    assert dates(fr_nlp, text) == []


def test_typed_fields(fr_nlp):
    (m,) = find_dates(fr_nlp("La réunion s'est tenue en mars 2024."), None)
    assert (m.date_value, m.date_start, m.date_end) == ("2024-03", date(2024, 3, 1),
                                                        date(2024, 3, 31))
    assert m.source.startswith("date_finder")
    (m,) = find_dates(fr_nlp("La réunion s'est tenue le 5 mars."), None)
    assert (m.date_value, m.date_start, m.date_end) == ("XXXX-03-05", None, None)


def test_offsets_survive_blanked_header(fr_nlp):
    text = " " * 16 + " Le traité a été signé mercredi à Genève."
    (m,) = find_dates(fr_nlp(text), "2026-02-05")
    assert (text[m.start:m.end], m.norm) == ("mercredi", "2026-02-04")


@pytest.mark.parametrize("text, published, expected", [
    # ENTITIES.md hard cases: period nouns in the span, `dernier` in the span
    ("Après une année 2016 difficile, la banque se redresse.", None, [("année 2016", "2016")]),
    ("Les comptes de l'exercice 2022 sont certifiés.", None, [("exercice 2022", "2022")]),
    ("Le décret du 14 janvier dernier est entré en vigueur.", "2021-03-02",
     [("14 janvier dernier", "2021-01-14")]),
    ("La campagne 2020-2021 a été sèche.", None, [("2020-2021", "2020/2021")]),
    # a demonstrative is left out, except before année, mois, semaine
    ("Le port a battu ses records cet été.", "2023-09-12", [("été", "2023-SU")]),
    ("Le port a battu ses records cette année.", "2023-09-12", [("cette année", "2023")]),
    ("Le sommet a réuni les ministres le week-end dernier à Niamey.", "2019-03-13",
     [("week-end dernier", "2019-W10-WE")]),
    # clock times are not DATE; the day next to them is
    ("La séance s'est ouverte le 3 juin 2022 à 10h30.", None, [("3 juin 2022", "2022-06-03")]),
    # religious periods: DATE with no value; a person's name is not one
    ("Les prix flambent pendant le Ramadan.", "2024-03-20", [("Ramadan", None)]),
    ("Tariq Ramadan a donné une conférence.", "2024-03-20", []),
    # numeric months and years, but not law numbers
    ("Le taux de 11/2019 a été révisé.", None, [("11/2019", "2019-11")]),
    ("La loi 12/2019 sur les finances est adoptée.", None, []),
])
def test_hard_cases(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected


def test_precision_on_mentions(fr_nlp):
    text = "En 2019, puis au premier trimestre 2020 et le 4 mars, le XXe siècle revint."
    got = [(m.text, m.date_precision) for m in find_dates(fr_nlp(text), None)]
    assert got == [("2019", "year"), ("premier trimestre 2020", "quarter"), ("4 mars", "day"),
                   ("XXe siècle", "century")]


def test_precision_column_is_written(news_nlp):
    from pipeline.batch.extract import extract_batch
    text = " date 2024-05-15\nLe conseil s'est réuni mardi et les résultats de 2023 sont bons."
    batch = extract_batch(news_nlp, [(text, {"article_id": "a1", "drop": "t", "source": "x.txt"})])
    rows = [r for r in batch["mentions"].to_pylist() if r["label"] == "DATE"]
    assert [(r["text"], r["date_precision"], str(r["date_start"])) for r in rows] == [
        ("mardi", "day", "2024-05-14"), ("2023", "year", "2023-01-01")]


@pytest.mark.parametrize("text, published, expected", [
    # `depuis` puts a yearless month behind, even where the next one is nearer
    ("L'indice boursier gagne 7 % depuis février.", "2025-10-20", [("février", "2025-02")]),
    ("Le prix du cacao recule depuis mars.", "2025-11-03", [("mars", "2025-03")]),
    # `d'ici` sets a target ahead, even where the last one is nearer
    ("Le gouvernement veut achever la route d'ici juin.", "2025-08-10", [("juin", "2026-06")]),
    ("Les travaux devront être terminés d'ici fin mai.", "2025-07-02", [("fin mai", "2026-05")]),
    # a deadline set by a past verb is still ahead of it
    ("Le préfet a exigé, avant le 25 mai, la remise du rapport.", "2025-05-10",
     [("25 mai", "2025-05-25")]),
    ("Le bureau a fixé au 8 décembre la date du scrutin.", "2025-10-14",
     [("8 décembre", "2025-12-08")]),
    # a simple conditional tells of what may come (the tagger often reads it as an imperfect)
    ("Le forum se tiendrait à Niamey en novembre.", "2025-03-02", [("novembre", "2025-11")]),
    ("Le chef de l'État pourrait se rendre à Pékin au second semestre.", "2025-02-20",
     [("second semestre", "2025-H2")]),
    # an infinitive after a future or a present verb of aim is ahead
    ("Le parlement devra voter la loi avant le 15 mars.", "2026-05-10", [("15 mars", "2027-03-15")]),
    ("Le gouvernement doit adopter le texte avant fin mars.", "2026-05-10",
     [("fin mars", "2027-03")]),
    # a past participle with no auxiliary tells of what is done
    ("La société a publié les comptes de l'exercice clos fin juin.", "2026-01-20",
     [("fin juin", "2025-06")]),
])
def test_lead_words_and_moods_place_a_yearless_date(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected


@pytest.mark.parametrize("text, published, expected", [
    # `à partir d'aujourd'hui` starts something on the day of the article
    ("Le nouveau tarif s'applique à partir d'aujourd'hui dans tout le pays.", "2025-06-03",
     [("aujourd'hui", "2025-06-03")]),
    # `jusqu'à aujourd'hui` means up to now, not a day
    ("Cette règle n'a jamais changé jusqu'à aujourd'hui.", "2025-06-03", []),
])
def test_aujourdhui_after_a_partir_de(fr_nlp, text, published, expected):
    assert dates(fr_nlp, text, published) == expected
