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
    ("Il a signé le 3 septembre dernier.", "2023-11", [("3 septembre dernier", "2023-09-03")]),
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
    # a part of a year and the year it belongs to, named relatively, are one date
    ("Le chantier reprendra au second semestre de l'année en cours.", "2023-05",
     [("second semestre de l'année en cours", "2023-H2")]),
    ("Le chantier reprendra au second semestre de l'année en cours.", None,
     [("second semestre de l'année en cours", "XXXX-H2")]),
    ("Le port rouvrira fin du mois de mars de l'année prochaine.", "2023-05",
     [("fin du mois de mars de l'année prochaine", "2024-03")]),
    ("Les prix ont flambé en juillet de l'an dernier.", "2023-05",
     [("juillet de l'an dernier", "2022-07")]),
    # `de la même année`: the year of the nearest date before it that names one
    ("Élu en 2019, il a démissionné en mai de la même année.", "2023-05",
     [("2019", "2019"), ("mai de la même année", "2019-05")]),
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


# ------------------------------------------------------------------ forms of other parsers' suites

@pytest.mark.parametrize("text, value, prec, start, end", [
    # numeric day-month-year, ISO, month/year
    ("15/02/2013", "2013-02-15", "day", date(2013, 2, 15), date(2013, 2, 15)),
    ("7/4/2021", "2021-04-07", "day", date(2021, 4, 7), date(2021, 4, 7)),
    ("2013-02-15", "2013-02-15", "day", date(2013, 2, 15), date(2013, 2, 15)),
    ("03/2015", "2015-03", "month", date(2015, 3, 1), date(2015, 3, 31)),
    ("11/2019", "2019-11", "month", date(2019, 11, 1), date(2019, 11, 30)),
    ("09.2020", "2020-09", "month", date(2020, 9, 1), date(2020, 9, 30)),
    # `de` before the year
    ("novembre de 2016", "2016-11", "month", date(2016, 11, 1), date(2016, 11, 30)),
    ("4 juillet de 1995", "1995-07-04", "day", date(1995, 7, 4), date(1995, 7, 4)),
    ("1er mai de 2017", "2017-05-01", "day", date(2017, 5, 1), date(2017, 5, 1)),
    # abbreviated months, with or without their dot
    ("1 sep. 2019", "2019-09-01", "day", date(2019, 9, 1), date(2019, 9, 1)),
    ("15 fév 2013", "2013-02-15", "day", date(2013, 2, 15), date(2013, 2, 15)),
    ("8 mar. 2020", "2020-03-08", "day", date(2020, 3, 8), date(2020, 3, 8)),
    ("11 oct 2017", "2017-10-11", "day", date(2017, 10, 11), date(2017, 10, 11)),
    ("22 nov. 2020", "2020-11-22", "day", date(2020, 11, 22), date(2020, 11, 22)),
    ("oct. 2018", "2018-10", "month", date(2018, 10, 1), date(2018, 10, 31)),
    # weekday and year set off by commas, capitals
    ("Lundi 12 Janvier, 2016", "2016-01-12", "day", date(2016, 1, 12), date(2016, 1, 12)),
    ("vendredi 7 août, 2020", "2020-08-07", "day", date(2020, 8, 7), date(2020, 8, 7)),
    ("Dimanche, 5 Juin 2016", "2016-06-05", "day", date(2016, 6, 5), date(2016, 6, 5)),
    ("12 JANVIER 2016", "2016-01-12", "day", date(2016, 1, 12), date(2016, 1, 12)),
    # first and last day of a month or a year
    ("dernier jour d'octobre 2015", "2015-10-31", "day", date(2015, 10, 31), date(2015, 10, 31)),
    ("dernier jour de février 2020", "2020-02-29", "day", date(2020, 2, 29), date(2020, 2, 29)),
    ("premier jour de mars 2018", "2018-03-01", "day", date(2018, 3, 1), date(2018, 3, 1)),
    ("dernier jour de l'année 2019", "2019-12-31", "day", date(2019, 12, 31), date(2019, 12, 31)),
    # period nouns, spans of years, periods after their year
    ("exercice 2023", "2023", "year", date(2023, 1, 1), date(2023, 12, 31)),
    ("année fiscale 2019", "2019", "year", date(2019, 1, 1), date(2019, 12, 31)),
    ("année 2024-2025", "2024/2025", "span", date(2024, 1, 1), date(2025, 12, 31)),
    ("2003 – 2004", "2003/2004", "span", date(2003, 1, 1), date(2004, 12, 31)),
    ("2024 S1", "2024-H1", "half", date(2024, 1, 1), date(2024, 6, 30)),
    ("2è semestre 2022", "2022-H2", "half", date(2022, 7, 1), date(2022, 12, 31)),
    ("dernière décade d'août 2021", "2021-08", "month", date(2021, 8, 1), date(2021, 8, 31)),
    # two-digit years after slashes, year first with slashes or one-digit parts, spaced digits
    ("14/07/19", "2019-07-14", "day", date(2019, 7, 14), date(2019, 7, 14)),
    ("3/9/88", "1988-09-03", "day", date(1988, 9, 3), date(1988, 9, 3)),
    ("2019/07/14", "2019-07-14", "day", date(2019, 7, 14), date(2019, 7, 14)),
    ("2021-6-9", "2021-06-09", "day", date(2021, 6, 9), date(2021, 6, 9)),
    ("09 11 2001", "2001-11-09", "day", date(2001, 11, 9), date(2001, 11, 9)),
    # day and month in two digits with no year
    ("14/07", "XXXX-07-14", "day", None, None),
    # short months without their year: with a capital, or after an ordinal day
    ("3 Jan", "XXXX-01-03", "day", None, None),
    ("1er janv", "XXXX-01-01", "day", None, None),
    ("5 Sept", "XXXX-09-05", "day", None, None),
    # an abbreviated weekday before a day and a month
    ("Sam 14 Juillet", "XXXX-07-14", "day", None, None),
    ("jeu. 9 mai 2019", "2019-05-09", "day", date(2019, 5, 9), date(2019, 5, 9)),
    # a comma between month and year; the day after the month when the year follows
    ("Oct, 2008", "2008-10", "month", date(2008, 10, 1), date(2008, 10, 31)),
    ("avril, 2012", "2012-04", "month", date(2012, 4, 1), date(2012, 4, 30)),
    ("Mar 1999", "1999-03", "month", date(1999, 3, 1), date(1999, 3, 31)),
    ("juin 7 2011", "2011-06-07", "day", date(2011, 6, 7), date(2011, 6, 7)),
    ("samedi, mars 3, 2018", "2018-03-03", "day", date(2018, 3, 3), date(2018, 3, 3)),
])
def test_suite_forms(text, value, prec, start, end):
    from pipeline.extraction.normalize.dates import parse_date
    v = parse_date(text)
    assert v is not None, text
    assert (v.value, v.precision, v.start, v.end) == (value, prec, start, end)


@pytest.mark.parametrize("text, published, expected", [
    # a dispatch's dateline: the agency in brackets after the day makes the short month a date
    ("LOMÉ, 7 janv (AFP) - Le port a repris.", "2025-01-08", [("7 janv", "2025-01-07")]),
    ("Niamey, 30 sept (ANP) – Les cours ont repris.", "2024-10-01", [("30 sept", "2024-09-30")]),
    # without it, a short month that is also a word stays a count
    ("Il reste 3 sept (sic) places.", "2024-10-01", []),
])
def test_dateline_short_month(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize("text, expected", [
    ("La réunion aura lieu le 14/07 à Rabat.", [("14/07", "XXXX-07-14")]),
    ("Il viendra le 3/4 au matin.", [("3/4", "XXXX-04-03")]),
    ("Les deux tiers, soit 2/3 des élus, ont voté.", []),
    ("Le contrat daté du 05/06/21 est signé.", [("05/06/21", "2021-06-05")]),
    # a month with its day after it needs the year; a comma before a count is no year
    ("En avril 12 villes ont voté.", [("avril", "XXXX-04")]),
    ("En juin, 2000 personnes ont défilé.", [("juin", "XXXX-06"), ("2000", "2000")]),
])
def test_numeric_day_month_and_short_years(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "3 sept",            # abbreviations that are also words need their year
    "12/2019 des voix",  # not a whole date
    "le 8 mar",
    "2/3",               # one-digit parts with no `le` before: a fraction
    "32/05",             # no such day
    "14/13",             # no such month
    "la mer 14",         # an abbreviated weekday needs its month
])
def test_not_a_whole_date(text):
    from pipeline.extraction.normalize.dates import parse_date
    assert parse_date(text) is None


@pytest.mark.parametrize("text, published, value, prec, start", [
    ("XXIe siècle", None, "20", "century", date(2000, 1, 1)),
    ("années 1990", None, "199", "decade", date(1990, 1, 1)),
    ("2021", None, "2021", "year", date(2021, 1, 1)),
    ("premier trimestre 2013", None, "2013-Q1", "quarter", date(2013, 1, 1)),
    ("été 2022", None, "2022-SU", "season", date(2022, 6, 1)),
    ("juin 2019", None, "2019-06", "month", date(2019, 6, 1)),
    ("semaine prochaine", "2024-05-03", "2024-W19", "week", date(2024, 5, 6)),
    # resolved weekdays and relative years carry their start and end
    ("mardi", "2026-02-05", "2026-02-03", "day", date(2026, 2, 3)),
    ("an dernier", "2019-06", "2018", "year", date(2018, 1, 1)),
    ("mois dernier", "2021-01-15", "2020-12", "month", date(2020, 12, 1)),
    # the precision is known even where the value is not
    ("mardi", "2026-02", None, "day", None),
    ("an dernier", None, None, "year", None),
    # a weekday with its day and month tells the year
    ("mercredi 6 mars", "2025-01-10", "2024-03-06", "day", date(2024, 3, 6)),
    # week-ends: TIMEX3 YYYY-Www-WE against a day-precise header
    ("week-end dernier", "2018-11-27", "2018-W47-WE", "week", date(2018, 11, 24)),
    ("week-end dernier", "2018-11", None, "week", None),
    # religious periods: DATE with no value and no precision
    ("Ramadan", "2024-03-20", None, None, None),
])
def test_precision_and_start(text, published, value, prec, start):
    from pipeline.extraction.normalize.dates import parse_date
    v = parse_date(text, published)
    assert (v.value, v.precision, v.start) == (value, prec, start)


def test_partner_gives_the_year():
    assert found("Les ventes ont crû entre janvier et juin 2019.") == [
        ("janvier", "2019-01"), ("juin 2019", "2019-06")]
    assert found("Ils siègent les dimanche 30 et lundi 31 janvier 2011.") == [
        ("dimanche 30", "2011-01-30"), ("lundi 31 janvier 2011", "2011-01-31")]


def test_comma_before_a_count_is_no_year():
    # (the bare `2000` left is dropped as a count by the date finder, see test_date_finder)
    assert found("Le 12 mai, 2000 personnes ont défilé.")[0] == ("12 mai", "XXXX-05-12")


def test_word_alternation_is_a_trie_that_matches_like_the_flat_list():
    import re
    from pipeline.extraction.normalize.dates import _alt

    words = ["mars", "mar", "mardi", "mai", "Été", "premier", "première semaine", "d'ici"]
    rx = re.compile(_alt(words), re.I)
    flat = re.compile("|".join(sorted({*words, *(w.lower() for w in words), "ete", "premiere semaine"},
                                      key=len, reverse=True)).replace("'", "['’`ʼ]"), re.I)
    assert "mardi" not in rx.pattern and "mars" not in rx.pattern      # `ma(?:r(?:di|s|)|i)`
    for text in ("marsupial", "mardi soir", "MAI", "été", "ete", "Première semaine",
                 "premiere", "d’ici", "madame"):
        got, want = rx.match(text), flat.match(text)
        assert (got and got.group()) == (want and want.group()), text
