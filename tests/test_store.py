"""The append-only store without the model: commits add files, readers see a string
`drop`, a killed commit or purge is repaired, small files are compacted."""
from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from pipeline.batch import schemas, store


def _commit(out, drop: str, arts: list[tuple[str, str, str]], mentions_per_article: int = 2,
            version: str = "v1") -> str:
    """One commit of articles (id, source, status), each with a few mentions."""
    c = store.StagedCommit(out, drop)
    when = pd.Timestamp("2026-01-01", tz="UTC")
    c.write("articles", pa.RecordBatch.from_pylist([
        {"article_id": a, "drop": drop, "source": s, "status": st, "n_bytes": 1,
         "pipeline_version": version, "processed_at": when} for a, s, st in arts],
        schema=schemas.ARTICLES))
    c.write("mentions", pa.RecordBatch.from_pylist([
        {"article_id": a, "drop": drop, "mention_id": f"{a}:{i}-{i + 1}", "start": i, "end": i + 1,
         "label": "COUNTRY", "text": "Maroc"}
        for a, _, st in arts if st == "ok" for i in range(mentions_per_article)],
        schema=schemas.MENTIONS))
    try:
        return c.commit()
    finally:
        c.discard()


def test_drop_names_read_back_as_written_strings(tmp_path):
    for drop in ("202405", "2024-05-01", "drop%20x", "a=b"):
        _commit(tmp_path, drop, [(f"id-{drop}", "x.txt", "ok")])
    for table in ("articles", "mentions"):
        df = pd.read_parquet(tmp_path / table)
        assert set(df["drop"]) == {"202405", "2024-05-01", "drop%20x", "a=b"}
        assert pd.api.types.is_string_dtype(df["drop"])
    # the README's filter, pandas then DuckDB
    m = pd.read_parquet(tmp_path / "mentions", filters=[("drop", "==", "202405")])
    assert list(m.article_id.unique()) == ["id-202405"]
    rows = duckdb.sql(f"SELECT typeof(drop), count(*) FROM read_parquet('{tmp_path}/mentions/*/*.parquet') "
                      "WHERE drop = '202405' GROUP BY 1").fetchall()
    assert rows == [("VARCHAR", 2)]
    # %, = and / cannot make a folder that a reader would decode
    assert store.partition_name("a=b%2F/c") == "a%3Db%252F%2Fc"


def test_each_commit_adds_a_file_and_readers_see_all_of_them(tmp_path):
    for i in range(3):
        _commit(tmp_path, "d", [(f"a{i}", f"{i}.txt", "ok")])
    assert len(store.part_files(tmp_path, "articles", "d")) == 3
    assert len(pd.read_parquet(tmp_path / "mentions")) == 6
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/mentions/*/*.parquet')").fetchall()
    assert n == [(6,)]


def test_a_rewritten_article_keeps_one_row_and_its_new_mentions(tmp_path):
    _commit(tmp_path, "d", [("a", "a.txt", "ok"), ("b", "b.txt", "ok")])
    _commit(tmp_path, "d", [("a", "a.txt", "ok")], mentions_per_article=5, version="v2")
    # a killed run stops here: the old rows are still there; the next run's repair purges them
    store.repair(tmp_path)
    arts = pd.read_parquet(tmp_path / "articles").set_index("article_id")
    assert sorted(arts.index) == ["a", "b"] and arts.loc["a", "pipeline_version"] == "v2"
    m = pd.read_parquet(tmp_path / "mentions")
    assert m.groupby("article_id").size().to_dict() == {"a": 5, "b": 2}


def test_a_path_that_failed_then_reads_keeps_one_row(tmp_path):
    _commit(tmp_path, "d", [("xdead", "a.txt", "failed"), ("b", "b.txt", "ok")])
    _commit(tmp_path, "d", [("good", "a.txt", "ok")])
    store.repair(tmp_path)
    arts = pd.read_parquet(tmp_path / "articles").set_index("source")
    assert arts.loc["a.txt", "article_id"] == "good" and len(arts) == 2


def test_an_unfinished_commit_is_removed_and_the_first_commit_never_shows_an_empty_table(
        tmp_path, monkeypatch):
    _commit(tmp_path, "d", [("a", "a.txt", "ok")])
    # a commit killed after its mentions file, before its articles file
    real_place = store._place

    def place(staged, target, out):
        if target.parts[-3] == "articles":
            raise KeyboardInterrupt("killed")
        real_place(staged, target, out)

    monkeypatch.setattr(store, "_place", place)
    with pytest.raises(KeyboardInterrupt):
        _commit(tmp_path, "d", [("b", "b.txt", "ok")])
    with pytest.raises(KeyboardInterrupt):
        _commit(tmp_path, "new", [("c", "c.txt", "ok")])
    monkeypatch.setattr(store, "_place", real_place)
    store.repair(tmp_path)
    assert set(pd.read_parquet(tmp_path / "mentions").article_id) == {"a"}

    # the very first commit into an empty folder, killed before its rename: no table
    # folder at all, rather than one that reads with no columns
    fresh = tmp_path / "fresh"
    monkeypatch.setattr(store.os, "rename", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        _commit(fresh, "d", [("a", "a.txt", "ok")])
    assert not (fresh / "mentions").exists() and not (fresh / "articles").exists()


def test_small_files_are_compacted_without_loss(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "COMPACT_FILES", 4)
    for i in range(5):
        _commit(tmp_path, "d", [(f"a{i}", f"{i}.txt", "ok")])
    before = pd.read_parquet(tmp_path / "mentions").sort_values("mention_id", ignore_index=True)
    assert store.compact(tmp_path, "d") == 5
    assert len(store.part_files(tmp_path, "articles", "d")) == 1
    after = pd.read_parquet(tmp_path / "mentions").sort_values("mention_id", ignore_index=True)
    pd.testing.assert_frame_equal(before, after)
    assert store.compact(tmp_path, "d") == 0


def test_tables_of_the_former_layout_are_migrated(tmp_path):
    import pyarrow.parquet as pq
    old = tmp_path / "articles" / "drop=2024"
    old.mkdir(parents=True)
    row = {"article_id": "a", "source": "a.txt", "status": "ok", "n_bytes": 1,
           "pipeline_version": "v1", "processed_at": pd.Timestamp("2026-01-01", tz="UTC")}
    schema = schemas.ARTICLES.remove(schemas.ARTICLES.get_field_index("drop"))
    pq.write_table(pa.Table.from_pylist([row], schema=schema), old / "part-0.parquet")
    store.migrate(tmp_path)
    store.migrate(tmp_path)
    df = pd.read_parquet(tmp_path / "articles")
    assert list(df["drop"]) == ["2024"] and not old.exists()
