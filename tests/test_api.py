"""The Python API and the pipeline as spaCy components: pipeline.extract on hand-written
text, span extensions, a component's config, and a saved pipeline loaded by spacy.load in
a fresh interpreter."""
from __future__ import annotations

import json
import subprocess
import sys

import pipeline

# Hand-written: a header date, a weekday, a minister, an amount, a place.
ARTICLE = (" date 2024-05-02\n"
           "La ministre de l'Économie, Nadia Fettah, a annoncé lundi à Rabat un fonds de "
           "3 millions de dirhams.\n")


def test_extract_reads_the_header_date_and_resolves_the_weekday(news_nlp):
    rows = pipeline.extract(ARTICLE, nlp=news_nlp)
    by_label = {r["label"]: r for r in rows}
    # the Thursday 2 May 2024 header: `lundi` is the Monday before
    assert by_label["DATE"]["text"] == "lundi"
    assert by_label["DATE"]["date_value"] == "2024-04-29"
    assert by_label["MONEY"]["amount"] == 3_000_000 and by_label["MONEY"]["currency"] == "MAD"
    assert by_label["PERSON"]["norm"] == "Nadia Fettah"
    # offsets are into the text as given, header included
    for r in rows:
        assert ARTICLE[r["start"]:r["end"]] == r["text"]
    assert set(rows[0]) >= {"start", "end", "label", "text", "norm", "country", "date_value",
                            "date_start", "date_end", "amount", "currency", "value", "unit"}


def test_extract_published_argument_resolves_weekdays(news_nlp):
    text = "Le sommet s'est ouvert mardi à Dakar."
    assert [r["date_value"] for r in pipeline.extract(text, nlp=news_nlp)
            if r["label"] == "DATE"] == [None]  # no date to resolve against
    got = [r["date_value"] for r in pipeline.extract(text, published="2024-03-14", nlp=news_nlp)
           if r["label"] == "DATE"]
    assert got == ["2024-03-12"]


def test_extract_frame_has_one_row_per_mention(news_nlp):
    frame = pipeline.extract_frame(["Le Maroc et le Sénégal.", "Une hausse de 5 %."], nlp=news_nlp)
    assert list(frame["doc"]) == [0, 0, 1]
    assert list(frame["norm"]) == ["MAR", "SEN", "5"]


def test_spans_carry_their_values(news_nlp):
    from pipeline.extraction.nlp import make_doc

    doc = news_nlp(make_doc(news_nlp, "Il a reçu 2,5 milliards d'euros mardi.", "2024-03-14"))
    values = {e.label_: e for e in doc.ents}
    assert values["MONEY"]._.amount == 2.5e9 and values["MONEY"]._.currency == "EUR"
    assert values["MONEY"]._.norm == "2500000000 EUR"
    assert str(values["DATE"]._.date_start) == "2024-03-12"


def test_extract_batch_needs_no_metadata(news_nlp):
    from pipeline.batch.extract import extract_batch
    from pipeline.batch.reader import article_id

    out = extract_batch(news_nlp, [("Le Maroc a signé.".encode(), {})])
    art = out["articles"].to_pylist()[0]
    assert art["status"] == "ok" and art["article_id"] == article_id("Le Maroc a signé.".encode())
    assert out["mentions"].to_pylist()[0]["norm"] == "MAR"


def test_home_country_is_a_component_setting():
    # The office's state when the text implies it: the home country when the article
    # names it, whichever other state it names as often.
    text = ("Le Maroc et l'Algérie ont signé un accord. Le Premier ministre Aziz Akhannouch "
            "s'est félicité de cet accord.")
    moroccan = pipeline.load()
    algerian = pipeline.load(config={"news_roles": {"home_country": "DZA"},
                                     "news_resolver": {"home_country": "DZA"},
                                     "news_ministries": {"home_country": "DZA"}})
    assert algerian.get_pipe("news_roles").home_country == "DZA"
    from pipeline.extraction.nlp import make_doc

    def countries(nlp):
        return [r["country"] for r in nlp(make_doc(nlp, text, None))._.roles]

    assert countries(moroccan) == ["MAR"]
    assert countries(algerian) == ["DZA"]


_LOAD_SAVED = r"""
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
doc = nlp.make_doc(sys.argv[2]); doc._.published = "2024-03-14"
doc = nlp(doc)
print(json.dumps([[e.start_char, e.end_char, e.label_, e._.norm, e._.amount, e._.date_value]
                  for e in doc.ents] + [doc._.roles], ensure_ascii=False))
"""


def test_saved_pipeline_loads_with_spacy_load_in_a_fresh_interpreter(news_nlp, tmp_path):
    text = ("Mardi, la ministre de l'Économie, Nadia Fettah, a signé à Rabat un accord de "
            "2,5 milliards de dirhams avec la Banque mondiale.")
    from pipeline.extraction.nlp import make_doc

    doc = news_nlp(make_doc(news_nlp, text, "2024-03-14"))
    want = [[e.start_char, e.end_char, e.label_, e._.norm, e._.amount, e._.date_value]
            for e in doc.ents] + [doc._.roles]
    news_nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "news_ministries" / "cfg.json").exists()
    out = subprocess.run([sys.executable, "-c", _LOAD_SAVED, str(tmp_path / "saved"), text],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == json.loads(json.dumps(want, ensure_ascii=False))
    assert len(want) > 5
