"""The committed data dictionary is exactly what the schema module generates."""
from __future__ import annotations

from pipeline.outputs import dictionary
from pipeline.batch.schemas import TABLES


def test_committed_dictionary_matches_schemas():
    assert dictionary.DOC_PATH.exists(), "docs/DATA_DICTIONARY.md is missing: run `python -m pipeline.outputs.dictionary`"
    committed = dictionary.DOC_PATH.read_text(encoding="utf-8")
    assert committed == dictionary.render(), (
        "docs/DATA_DICTIONARY.md is out of date with pipeline/batch/schemas.py: "
        "run `python -m pipeline.outputs.dictionary` and commit the result")


def test_every_table_and_column_is_documented():
    text = dictionary.render()
    for name, schema in TABLES.items():
        assert f"## `{name}`" in text
        for f in schema:
            assert f"| `{f.name}` |" in text
            assert (f.metadata or {}).get(b"doc"), f"{name}.{f.name} has no doc in schemas.py"


def test_partitioning_and_types_are_stated():
    text = dictionary.render()
    assert "`mentions/<drop>/part-<commit>.parquet`, one folder per drop" in text
    assert "| `processed_at` | timestamp[us, UTC] | no |" in text
    assert "| `aliases` | list<string> | yes |" in text


def test_pipes_in_docs_do_not_break_the_table():
    assert dictionary._cell("a | b\nc") == "a \\| b c"


def test_dictionary_states_what_readers_ask():
    text = dictionary.render()
    assert "[docs/ENTITIES.md](ENTITIES.md)" in text                     # the contract, linked
    assert "`YYYY-MM-DD` or\n  `YYYY-MM`" in text                        # formats of published
    assert "| `published_date` | date32[day] | yes |" in text
    assert "cut at 1,000 characters" in text
    assert "`(article_id, person_id)` =\n  `(mentions.article_id, mentions.entity_id)`" in text
    from pipeline.extraction.mention import LABELS
    assert "(" + ", ".join(f"`{lab}`" for lab in LABELS) in text.replace("\n", " ")


def test_sentence_is_cut_where_the_dictionary_says():
    import spacy

    from pipeline.batch.extract import _mention_rows
    from pipeline.extraction.mention import Mention

    # one sentence of an enumeration far longer than 1,000 characters, no full stop inside
    text = "Le Maroc a signé des accords avec " + ", ".join(["la Tunisie, le Sénégal et le Gabon"] * 60) + "."
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    assert len(list(doc.sents)) == 1 and len(text) > 1500
    start = text.index("Maroc")
    rows = _mention_rows({"article_id": "a" * 32, "drop": "d"}, doc,
                         [Mention(start, start + 5, "COUNTRY", "Maroc", "MAR", country="MAR")])
    assert rows[0]["sentence"] == text[:1000]
