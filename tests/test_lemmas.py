"""Lemmas: the public pipeline sets them on every token; the batch extraction skips
the stock lemmatizer and the rules compute the few lemmas they read on demand
(lexicon.lemma), with the same result."""
from __future__ import annotations

TEXT = ("Le roi a nommé Karima Benali directrice générale de l'Office national des "
        "aéroports. Élue en 2019 à la tête de la chambre, elle va "
        "présenter aujourd'hui un plan de 12 milliards de dirhams pour les aérogares. "
        "Les exportations ont atteint 3 000 tonnes de dattes et 450 000 moutons, "
        "a indiqué le ministère de l'Agriculture, qui signera demain un accord.")


def test_public_pipeline_sets_every_lemma(news_nlp):
    doc = news_nlp(TEXT)
    assert "lemmatizer" in news_nlp.pipe_names
    assert all(t.lemma_ for t in doc)
    assert {t.text: t.lemma_ for t in doc}["nommé"] == "nommer"


def test_batch_path_skips_the_lemmatizer_and_computes_the_same_lemmas(news_nlp):
    from pipeline.extraction.lexicon import lemma
    from pipeline.extraction.nlp import batch_skips

    skip = batch_skips(news_nlp)
    assert "lemmatizer" in skip
    full = news_nlp(TEXT)
    lean = next(news_nlp.pipe([TEXT], disable=skip))
    assert [t.lemma for t in lean] == [0] * len(lean)        # nothing set by the pipe
    assert [lemma(t) for t in lean] == [t.lemma_ for t in full]
    assert [lemma(t) for t in full] == [t.lemma_ for t in full]


def test_batch_tables_equal_with_and_without_the_lemmatizer(news_nlp, monkeypatch):
    import pipeline.extraction.nlp as nlp_mod
    from pipeline.batch.extract import extract_batch

    items = [(TEXT.encode("utf-8"), {"article_id": "a1", "drop": "t", "source": "t.txt"})]
    lean = extract_batch(news_nlp, items)
    monkeypatch.setattr(nlp_mod, "batch_skips", lambda nlp: ())
    full = extract_batch(news_nlp, items)
    for table in ("mentions", "roles"):
        assert lean[table].to_pylist() == full[table].to_pylist()
    units = {m["text"]: m["unit"] for m in full["mentions"].to_pylist() if m["label"] == "QUANTITY"}
    assert units == {"3 000 tonnes": "tonne", "450 000 moutons": "mouton"}
    assert any(r["person"] == "Karima Benali" for r in full["roles"].to_pylist())
