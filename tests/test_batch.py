"""The batch job end to end: tables and schemas, idempotent re-runs, a run killed
with SIGKILL then finished, and bad input that never stops the batch."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.batch import schemas

from pipeline.batch import store
from pipeline.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw" / "samples"


def run_cli(*args) -> int:
    """In-process, one worker: the model loaded once for the session serves every run."""
    workers = [] if "--workers" in args else ["--workers", "1"]
    return cli_main(["run", *map(str, args), *workers, "--no-report", "--quiet"])


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / table)


@pytest.fixture(scope="module")
def sample_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert run_cli(SAMPLES, "--out", out) == 0
    return out


def test_every_table_has_its_declared_schema(sample_out):
    for table, schema in schemas.TABLES.items():
        files = list((sample_out / table).rglob("*.parquet"))
        assert files, table
        for f in files:
            assert pq.read_schema(f).remove_metadata().equals(
                store.file_schema(table).remove_metadata()), f
        df = read(sample_out, table)
        assert list(df.columns) == schema.names, table
        if "drop" in df.columns:
            assert pd.api.types.is_string_dtype(df["drop"]), table


def test_articles_rows_for_the_sample_drop(sample_out):
    arts = read(sample_out, "articles")
    assert len(arts) == 5 and set(arts.status) == {"ok"}
    assert set(arts["drop"].astype(str)) == {"samples"}
    hes = arts[arts.source == "003_fbf4221f199a65b6.txt"].iloc[0]
    assert hes.outlet == "Hespress Français"
    assert hes.title.startswith("Economie sociale et solidaire")
    dated = arts.set_index("source").published.dropna().to_dict()
    assert dated == {"002_95313df145c3b0be.txt": "2026-02-05", "004_390464bca040bc23.txt": "2025-04"}


def test_each_label_appears_on_the_sample_drop(sample_out):
    m = read(sample_out, "mentions")
    assert set(m.label) == {"PERSON", "MINISTRY", "ORG", "COUNTRY", "LOC", "EVENT",
                            "DATE", "MONEY", "PERCENT", "QUANTITY"}


def test_mentions_point_into_the_file_text(sample_out):
    m = read(sample_out, "mentions")
    arts = read(sample_out, "articles").set_index("article_id")
    for aid, group in m.groupby("article_id"):
        text = (SAMPLES / arts.loc[aid, "source"]).read_text(encoding="utf-8")
        for row in group.itertuples():
            assert text[row.start:row.end] == row.text


def test_typed_values_on_real_text(sample_out):
    m = read(sample_out, "mentions")
    money = m[(m.label == "MONEY") & (m.text == "157 milliards de dirhams")].iloc[0]
    assert (money.amount, money.currency) == (157e9, "MAD")
    wed = m[(m.label == "DATE") & (m.text == "mercredi") & (m.date_value == "2026-02-04")]
    assert len(wed) == 1
    assert str(wed.iloc[0].date_start) == "2026-02-04"
    maroc = m[(m.label == "COUNTRY") & (m.text == "Maroc")]
    assert set(maroc.country) == {"MAR"}
    assert m.entity_id[m.norm.notna()].notna().all()
    # the same entity has the same id in every article
    assert maroc.entity_id.nunique() == 1


def test_rerun_writes_nothing_and_tables_stay_equal(sample_out):
    before = {t: read(sample_out, t) for t in ("articles", "mentions", "roles", "entities")}
    files = {p: p.stat().st_mtime_ns for p in sample_out.rglob("part-*.parquet")
             if "entities" not in p.parts}
    assert run_cli(SAMPLES, "--out", sample_out) == 0
    for t, df in before.items():
        pd.testing.assert_frame_equal(read(sample_out, t), df)
    assert files == {p: p.stat().st_mtime_ns for p in files}
    runs = read(sample_out, "runs").sort_values("started_at")
    assert list(runs.n_skipped)[-1] == 5 and list(runs.n_new)[-1] == 0


def test_same_bytes_in_another_drop_are_skipped(sample_out, tmp_path):
    other = tmp_path / "copy"
    shutil.copytree(SAMPLES, other)
    assert run_cli(other, "--out", sample_out) == 0
    assert len(read(sample_out, "articles")) == 5


def test_reprocess_redoes_without_doubling(sample_out):
    n = len(read(sample_out, "mentions"))
    assert run_cli(SAMPLES, "--out", sample_out, "--reprocess") == 0
    assert len(read(sample_out, "mentions")) == n
    assert len(read(sample_out, "articles")) == 5


def _make_drop(path: Path, copies: int) -> None:
    """Distinct articles made from the samples (a sentence appended changes the bytes)."""
    path.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(copies):
        t = texts[i % len(texts)]
        (path / f"a{i:03d}.txt").write_text(
            t + f"\nLe Maroc a accueilli {i + 2} délégations africaines à Rabat.\n", encoding="utf-8")


def test_killed_run_is_finished_by_the_next_with_nothing_lost_or_doubled(tmp_path):
    drop = tmp_path / "big"
    _make_drop(drop, 60)
    out = tmp_path / "out"
    env = dict(os.environ, PIPELINE_COMMIT_EVERY="4")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(drop), "--out", str(out),
                             "--no-report", "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parts = out / "articles" / "big"
    try:
        deadline = time.time() + 900
        while time.time() < deadline and not (parts.is_dir() and any(parts.glob("part-*"))) \
                and proc.poll() is None:
            time.sleep(0.02)
        assert any(parts.glob("part-*")), "the first commit never came"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # readable, and nothing half-done is visible
    done = read(out, "articles")
    assert 0 < len(done) < 60
    assert not [p for p in out.rglob("*.parquet") if not p.name.startswith("part-")
                and not p.name.startswith(("run-",)) and not any(
                    s.startswith((".", "_")) for s in p.relative_to(out).parts)]
    mentions = read(out, "mentions")
    assert set(done.article_id) <= set(mentions.article_id) | set(done.article_id[done.n_mentions == 0])
    # the next run finishes the work
    assert run_cli(drop, "--out", out) == 0
    arts = read(out, "articles")
    assert len(arts) == 60 and arts.article_id.is_unique
    m = read(out, "mentions")
    assert m.mention_id.is_unique
    assert (m.groupby("article_id").size().to_dict()
            == arts.set_index("article_id").n_mentions[lambda s: s > 0].to_dict())
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".tmp-") or STAGING_IN(p, out)]
    assert not leftovers


def STAGING_IN(p: Path, out: Path) -> bool:
    return store.STAGING in p.relative_to(out).parts and p.is_file()


def test_bad_input_is_recorded_and_never_stops_the_batch(tmp_path):
    drop = tmp_path / "bad"
    drop.mkdir()
    body = "Le ministre de l’Industrie et du Commerce a visité jeudi l’usine Renault de Tanger.\n"
    (drop / "empty.txt").write_bytes(b"")
    (drop / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (drop / "latin.txt").write_bytes(body.encode("cp1252"))
    (drop / "bom.txt").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    (drop / "header.txt").write_text(" date 2026-13-45 " + body, encoding="utf-8")
    (drop / "nul.txt").write_bytes(body.encode("utf-8").replace(b"visit", b"vi\x00sit"))
    (drop / "huge.txt").write_bytes(b"Le Maroc. " * 300_000)
    (drop / "sub").mkdir()
    (drop / "sub" / "good.txt").write_text(body.replace("jeudi", "lundi"), encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("Le Maroc et la France.", encoding="utf-8")
    (drop / "link.txt").symlink_to(outside)
    out = tmp_path / "out"
    assert run_cli(drop, "--out", out) == 1
    arts = read(out, "articles").set_index("source")
    assert len(arts) == 9
    failed = arts[arts.status == "failed"].error.to_dict()
    assert set(failed) == {"empty.txt", "binary.txt", "huge.txt", "link.txt"}
    assert "empty" in failed["empty.txt"]
    assert "binary" in failed["binary.txt"] and "PNG" in failed["binary.txt"]
    assert "too large" in failed["huge.txt"]
    assert "symlink" in failed["link.txt"] and "not followed" in failed["link.txt"]
    assert arts.loc["latin.txt", "encoding"] == "cp1252"
    assert arts.loc["bom.txt", "encoding"] == "utf-8-sig"
    assert pd.isna(arts.loc["header.txt", "published"]) and arts.loc["header.txt", "status"] == "ok"
    assert "NUL" in arts.loc["nul.txt", "warnings"]
    m = read(out, "mentions")
    by_source = m.merge(arts.reset_index()[["article_id", "source"]], on="article_id")
    for src in ("latin.txt", "bom.txt", "header.txt", "nul.txt", "sub/good.txt"):
        assert "ministère de l'Industrie et du Commerce" in set(
            by_source[by_source.source == src].norm), src


def test_usage_errors_exit_2(tmp_path):
    assert run_cli(tmp_path / "nope", "--out", tmp_path / "o") == 2
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        if os.geteuid() != 0:  # root writes anywhere
            assert run_cli(SAMPLES, "--out", ro / "x") == 2
    finally:
        ro.chmod(0o700)
    f = tmp_path / "file"
    f.write_text("x")
    assert run_cli(SAMPLES, "--out", f) == 2


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("article_id", "mention_id", "start", "person") if c in df.columns]
    return df.drop(columns=["processed_at"], errors="ignore").sort_values(keys, ignore_index=True)


def test_one_worker_and_two_workers_write_equal_tables(tmp_path, monkeypatch):
    from pipeline.batch import runner as run
    drop = tmp_path / "w"
    _make_drop(drop, 8)
    # one worker, committing every 3 articles: a partition made of several files
    monkeypatch.setattr(run, "COMMIT_EVERY", 3)
    monkeypatch.setattr(run, "EXTRACT_CHUNK", 2)
    assert cli_main(["run", str(drop), "--out", str(tmp_path / "o1"), "--workers", "1",
                     "--no-report", "--quiet"]) == 0
    assert len(store.part_files(tmp_path / "o1", "articles", "w")) == 3
    # two worker processes, each handed chunks of 2 articles
    monkeypatch.setattr(run, "COMMIT_EVERY", 2000)
    assert cli_main(["run", str(drop), "--out", str(tmp_path / "o2"), "--workers", "2",
                     "--no-report", "--quiet"]) == 0
    for t in ("articles", "mentions", "roles", "entities"):
        pd.testing.assert_frame_equal(_sorted(read(tmp_path / "o1", t)), _sorted(read(tmp_path / "o2", t)))
    import duckdb
    n = duckdb.sql(f"SELECT count(DISTINCT article_id) FROM "
                   f"read_parquet('{tmp_path}/o1/mentions/*/*.parquet')").fetchall()
    assert n == [(8,)]


def test_a_numeric_drop_name_stays_a_string_and_the_readme_filter_works(tmp_path):
    out = tmp_path / "out"
    assert cli_main(["run", str(SAMPLES), "--drop", "202405", "--out", str(out), "--workers", "1",
                     "--no-report", "--quiet"]) == 0
    figures = pd.read_parquet(out / "mentions", filters=[("drop", "==", "202405"),
                                                         ("label", "in", ["MONEY", "PERCENT"])])
    assert set(figures.label) == {"MONEY", "PERCENT"} and set(figures["drop"]) == {"202405"}
    import duckdb
    rows = duckdb.sql(f"SELECT DISTINCT typeof(drop), drop FROM "
                      f"read_parquet('{out}/articles/*/*.parquet')").fetchall()
    assert rows == [("VARCHAR", "202405")]


def test_a_path_that_failed_and_later_reads_keeps_one_row(tmp_path):
    drop = tmp_path / "d"
    drop.mkdir()
    (drop / "a.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert run_cli(drop, "--out", out, "--workers", "1") == 1
    (drop / "a.txt").write_text("Le Maroc et la France ont signé un accord à Rabat.\n", encoding="utf-8")
    assert run_cli(drop, "--out", out, "--workers", "1") == 0
    arts = read(out, "articles")
    assert list(arts.source) == ["a.txt"] and list(arts.status) == ["ok"]


def test_the_last_chunks_shrink_so_workers_finish_together(tmp_path):
    """A commit's articles go out in full chunks, then in chunks of an eighth of what is
    left: the worker that takes the last one is never alone for a whole chunk."""
    from pipeline.batch import runner as run
    drop = tmp_path / "d"
    _make_drop(drop, 700)
    pending = [(path, source, error, None) for source, path, error in run.discover(drop)]
    sizes = [len(c) for c in run._chunks(pending, "d")]
    assert sum(sizes) == 700
    assert sizes[:3] == [run.EXTRACT_CHUNK] * 3
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == run.TAIL_CHUNK and sizes[-1] <= run.TAIL_CHUNK
    sources = [meta["source"] for chunk in run._chunks(pending, "d") for _, meta in chunk]
    assert sources == [p[1] for p in pending]
