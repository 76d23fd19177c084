"""pipeline.dates: finding French date expressions in a string and normalizing them."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.extraction.normalize.dates import DateParts, resolve, scan


def found(text, published=None):
    """(surface, value) of every candidate of text."""
    return [(text[c.start:c.end], resolve(c.parts, published).value) for c in scan(text)]


@pytest.mark.parametrize("text, published, expected", [
    # full dates, at the precision written
    ("La loi a été promulguée le 14 mars 2021 à Rabat.", None, [("14 mars 2021", "2021-03-14")]),
    ("Le salon ouvre ses portes le vendredi 1er août 2025.", None,
     [("vendredi 1er août 2025", "2025-08-01")]),
    ("Le projet, lancé en octobre 2019, avance.", None, [("octobre 2019", "2019-10")]),
    ("Les ventes ont reculé en 2020.", None, [("2020", "2020")]),
    ("Les résultats à fin mars 2022 sont bons.", None, [("fin mars 2022", "2022-03")]),
    ("La livraison est attendue mi-septembre 2026.", None, [("mi-septembre 2026", "2026-09")]),
    ("Il partira début 2027.", None, [("début 2027", "2027")]),
    ("Au troisième trimestre 2018, la dette a baissé.", None,
     [("troisième trimestre 2018", "2018-Q3")]),
    ("Le bénéfice du second semestre 2021 progresse.", None,
     [("second semestre 2021", "2021-H2")]),
    ("Les chiffres du T4 2023 sont publiés.", None, [("T4 2023", "2023-Q4")]),
    ("La récolte de l'été 2022 fut maigre.", None, [("été 2022", "2022-SU")]),
    ("Les villes du XXe siècle ont changé.", None, [("XXe siècle", "19")]),
    ("Au XXIᵉ siècle, tout change.", None, [("XXIᵉ siècle", "20")]),
    ("La campagne agricole 2021/2022 fut sèche.", None, [("2021/2022", "2021/2022")]),
    ("Dans les années 1980, le pays a changé.", None, [("années 1980", "198")]),
    ("Signé le 12/06/2019 à Dakar.", None, [("12/06/2019", "2019-06-12")]),
    # no year in the text, no header: XXXX
    ("Le forum se tient jusqu'au 14 février.", None, [("14 février", "XXXX-02-14")]),
    ("La décision sera prise en octobre.", None, [("octobre", "XXXX-10")]),
    ("Les prix ont monté au premier trimestre.", None, [("premier trimestre", "XXXX-Q1")]),
    ("Les stocks ont baissé en fin d'année.", None, [("fin d'année", "XXXX")]),
    ("Le chiffre progresse de 5% à fin août 20", None, [("fin août 20", "20XX-08")]),
    # missing year from the header: nearest, before it where in doubt
    ("La réunion du 10 mai a eu lieu.", "2024-05", [("10 mai", "2024-05-10")]),
    ("Il a signé le 3 septembre dernier.", "2023-11", [("3 septembre", "2023-09-03")]),
    ("Les données du mois de juin sont publiées.", "2023-08", [("mois de juin", "2023-06")]),
    ("La saison commence en novembre.", "2024-01-10", [("novembre", "2023-11")]),
    ("La saison commence en février.", "2024-01-10", [("février", "2024-02")]),
    ("La réunion de décembre prochain.", "2024-12-20", [("décembre prochain", "2025-12")]),
    # relative years and months: from the header, else null
    ("Les exportations de l'an dernier ont chuté.", "2019-06", [("an dernier", "2018")]),
    ("Les exportations de l'an dernier ont chuté.", None, [("an dernier", None)]),
    ("Les recettes de l'année passée sont stables.", "2019-06-02", [("année passée", "2018")]),
    ("Cette année, la récolte est bonne.", "2015-07", [("Cette année", "2015")]),
    ("Le plan sera lancé l'année prochaine.", "2015-07", [("année prochaine", "2016")]),
    ("Les ventes du mois dernier ont progressé.", "2021-01-15", [("mois dernier", "2020-12")]),
    ("La délégation arrivera la semaine prochaine.", "2024-05-03",
     [("semaine prochaine", "2024-W19")]),
    # weekdays and hier/aujourd'hui/demain: only against a day-precise header
    ("Le texte a été adopté mardi.", "2026-02-05", [("mardi", "2026-02-03")]),
    ("Le texte a été adopté jeudi.", "2026-02-05", [("jeudi", "2026-02-05")]),
    ("Le texte a été adopté mardi.", "2026-02", [("mardi", None)]),
    ("Le texte a été adopté mardi.", None, [("mardi", None)]),
    ("Les ministres se sont vus lundi soir.", "2024-03-13", [("lundi soir", "2024-03-11")]),
    ("La délégation est arrivée hier.", "2024-03-13", [("hier", "2024-03-12")]),
    ("La délégation arrive demain.", "2024-03-13", [("demain", "2024-03-14")]),
    ("La délégation est arrivée hier.", "2024-03", [("hier", None)]),
    ("Le sommet s'ouvre samedi prochain.", "2024-03-13", [("samedi prochain", "2024-03-16")]),
    # weekday with a date: the date decides
    ("Ils se sont vus le mercredi 6 mars.", None, [("mercredi 6 mars", "XXXX-03-06")]),
    ("Ils se sont vus le mercredi 6 mars.", "2024-03", [("mercredi 6 mars", "2024-03-06")]),
])
def test_scan_and_resolve(text, published, expected):
    assert found(text, published) == expected


def test_day_list_takes_month_and_year_of_the_following_date():
    text = "Le congrès, prévu les 4 et 5 juin à Dakar"
    assert found(text, "2022-05") == [("4", "2022-06-04"), ("5 juin", "2022-06-05")]
    text = "Les assises se tiendront du 28 février au 3 mars 2024."
    assert found(text) == [("28 février", "2024-02-28"), ("3 mars 2024", "2024-03-03")]
    text = "les 7, 8 et 9 octobre"
    assert [s for s, _ in found(text)] == ["7", "8", "9 octobre"]


def test_start_and_end_of_periods():
    assert resolve(DateParts(year=2024, month=2)) == resolve(DateParts(year=2024, month=2), None)
    v = resolve(DateParts(year=2024, month=2))
    assert (v.start, v.end) == (date(2024, 2, 1), date(2024, 2, 29))
    v = resolve(DateParts(year=2023, quarter=2))
    assert (v.value, v.start, v.end) == ("2023-Q2", date(2023, 4, 1), date(2023, 6, 30))
    v = resolve(DateParts(year=2023, half=2))
    assert (v.start, v.end) == (date(2023, 7, 1), date(2023, 12, 31))
    v = resolve(DateParts(year=2019, year_end=2020))
    assert (v.start, v.end) == (date(2019, 1, 1), date(2020, 12, 31))
    v = resolve(DateParts(month=11, day=26))
    assert (v.value, v.start, v.end) == ("XXXX-11-26", None, None)
    v = resolve(DateParts(rel_week=0), "2024-05-03")
    assert (v.value, v.start, v.end) == ("2024-W18", date(2024, 4, 29), date(2024, 5, 5))


def test_not_dates_by_pattern():
    # a duration, a time of day, a reference back: no candidate
    assert found("Le chantier a duré trois ans et deux jours.") == []
    assert found("La séance a commencé à 15h30.") == []
    assert found("par rapport à la même période de l'année précédente") == []
    assert found("un an auparavant") == []


def test_accents_and_apostrophes_vary():
    assert found("en fevrier 2020") == [("fevrier 2020", "2020-02")]
    assert found("aujourd’hui", "2020-01-02") == [("aujourd’hui", "2020-01-02")]
    assert found("en début d’année", "2020-01-02") == [("début d’année", "2020")]
