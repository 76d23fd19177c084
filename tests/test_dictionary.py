"""The committed data dictionary is exactly what the schema module generates."""
from __future__ import annotations

from pipeline import dictionary
from pipeline.schemas import TABLES


def test_committed_dictionary_matches_schemas():
    assert dictionary.DOC_PATH.exists(), "docs/DATA_DICTIONARY.md is missing: run `python -m pipeline.dictionary`"
    committed = dictionary.DOC_PATH.read_text(encoding="utf-8")
    assert committed == dictionary.render(), (
        "docs/DATA_DICTIONARY.md is out of date with pipeline/schemas.py: "
        "run `python -m pipeline.dictionary` and commit the result")


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
