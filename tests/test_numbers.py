"""pipeline.numbers: French figures in digits and words, scale words, formatting."""
import pytest

from pipeline.extraction.normalize.numbers import format_number, parse_number, scale


@pytest.mark.parametrize("s, expected", [
    ("1.300", 1300), ("1 300", 1300), ("1\u00a0300", 1300), ("1\u202f300", 1300),
    ("1\u2009300", 1300), ("6,4", 6.4), ("3,7262", 3.7262), ("4075", 4075),
    ("1.300,5", 1300.5), ("6 614,8", 6614.8), ("2.500.000", 2500000), ("-9,6", -9.6),
    ("3.5", 3.5), ("0,8", 0.8),
])
def test_digits(s, expected):
    assert parse_number(s) == pytest.approx(expected)


@pytest.mark.parametrize("s, expected", [
    ("trois", 3), ("un", 1), ("Deux", 2), ("cinquante et un", 51), ("deux cents", 200),
    ("quatre-vingt-dix", 90), ("vingt-deux", 22), ("trois mille cinq cents", 3500),
    ("soixante-et-onze", 71),
])
def test_words(s, expected):
    assert parse_number(s) == expected


@pytest.mark.parametrize("text, expected", [
    ("deux-millions", "deux"),      # the hyphenated scale word is read after the number
    ("trois-milliards", "trois"),
    ("quatre-vingt-dix", "quatre-vingt-dix"),
    ("vingt-deux-ans", None),       # a hyphen before any other word: no number
    # "et" joins only before un/une/onze: "deux et trois" is two ends of a range
    ("deux et trois millions", "deux"),
    ("trente et une", "trente et une"),
    ("soixante et onze", "soixante et onze"),
])
def test_number_words_before_a_hyphenated_scale(text, expected):
    from pipeline.extraction.normalize.numbers import NUMBER_WORDS_RE
    m = NUMBER_WORDS_RE.match(text)
    assert (m.group(0) if m else None) == expected


@pytest.mark.parametrize("s, expected", [
    ("une cinquantaine", 50), ("une dizaine", 10), ("une centaine", 100),
    ("un millier", 1000), ("deux centaines", 200), ("une vingtaine", 20),
])
def test_approximations(s, expected):
    assert parse_number(s) == expected


@pytest.mark.parametrize("s", ["", "abc", "deuxième", "1,2,3,4x"])
def test_not_numbers(s):
    assert parse_number(s) is None


@pytest.mark.parametrize("w, expected", [
    ("mille", 1e3), ("million", 1e6), ("millions", 1e6), ("milliard", 1e9),
    ("milliards", 1e9), ("Mds", 1e9), ("Md", 1e9), ("M", 1e6), ("k", 1e3), ("tonnes", None),
    ("m", None),
])
def test_scale(w, expected):
    assert scale(w) == expected


@pytest.mark.parametrize("x, expected", [
    (157000000000.0, "157000000000"), (6.4, "6.4"), (148, "148"), (0.8, "0.8"),
    (4359.6 * 1e9, "4359600000000"), (3.7262 * 1e9, "3726200000"), (-9.6, "-9.6"),
])
def test_format(x, expected):
    assert format_number(x) == expected
