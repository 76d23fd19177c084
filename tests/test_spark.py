"""The Spark engine (`run --engine spark`) against the local runner, on a local[2]
master: the same tables, nothing written again, one output folder for both engines.
One Spark session for the module; needs pyspark (`.[spark]`) and Java 17."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java (scripts/setup.sh installs it)", allow_module_level=True)

from pipeline.cli import main as cli_main  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "mentions", "roles", "entities")


@pytest.fixture(scope="module")
def spark():
    from pipeline.batch.spark import session
    s = session("local[2]", quiet=True)
    yield s
    s.stop()


def _make_drop(drop: Path, n: int = 30) -> None:
    """`n` articles of distinct bytes (the sample drop, then gold texts), some in a
    sub-folder; a copy of one of them at the top (the local runner keeps the file its
    walk meets first: the top folder's files before the sub-folders'); an image named
    .txt (a failed article).  No empty file: Spark's file scan drops 0-byte files."""
    texts = [p.read_bytes() for p in sorted((ROOT / "data/raw/samples").glob("*.txt"))]
    for name in ("dev.jsonl", "train.jsonl"):
        for line in (ROOT / "data/gold" / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["text"].encode("utf-8"))
    unique = list(dict.fromkeys(texts))[:n]
    assert len(unique) == n
    for i, data in enumerate(unique):
        path = drop / ("sub" if i % 3 == 0 else "") / f"a{i:02d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (drop / "z_copy.txt").write_bytes(unique[0])     # unique[0] is sub/a00.txt
    (drop / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))


def _run(drop: Path, out: Path, *engine: str) -> int:
    engine = engine or ("--workers", "1")
    return cli_main(["run", str(drop), "--out", str(out), *engine, "--no-report", "--quiet"])


def _spark(drop: Path, out: Path) -> int:
    return _run(drop, out, "--engine", "spark", "--master", "local[2]")


def _table(out: Path, table: str) -> pd.DataFrame:
    df = pd.read_parquet(out / table)
    keys = [c for c in ("article_id", "mention_id", "entity_id", "start", "person") if c in df.columns]
    return df.drop(columns=["processed_at"], errors="ignore").sort_values(keys, ignore_index=True)


def _runs(out: Path) -> pd.DataFrame:
    df = pd.read_parquet(out / "runs").sort_values("started_at", ignore_index=True)
    return df[["drop", "n_seen", "n_new", "n_skipped", "n_failed", "pipeline_version", "status"]]


def _data_files(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for t in TABLES
            for p in (out / t).rglob("*.parquet")}


def test_spark_writes_the_local_runners_tables_then_nothing_and_either_engine_continues(
        spark, tmp_path):
    drop = tmp_path / "d30"
    _make_drop(drop)
    local, on_spark = tmp_path / "local", tmp_path / "spark"
    # the image fails (recorded, exit status 1) with either engine
    assert _run(drop, local) == 1
    assert _spark(drop, on_spark) == 1
    for t in TABLES:
        pd.testing.assert_frame_equal(_table(local, t), _table(on_spark, t))
    arts = _table(on_spark, "articles")
    assert len(arts) == 31 and (arts["status"] == "failed").sum() == 1
    assert "z_copy.txt" in set(arts["source"]) and "sub/a00.txt" not in set(arts["source"])
    pd.testing.assert_frame_equal(_runs(local), _runs(on_spark))
    assert _runs(on_spark).loc[0, ["n_seen", "n_new", "n_skipped"]].tolist() == [32, 31, 1]

    # a second Spark run writes nothing (a runs row only), nor does the local runner
    files = _data_files(on_spark)
    assert _spark(drop, on_spark) == 0
    assert _run(drop, on_spark) == 0
    assert _data_files(on_spark) == files
    assert _runs(on_spark)["n_new"].tolist() == [31, 0, 0]

    # Spark continues a folder the local runner started: only the new article is done
    extra = drop / "sub" / "nouveau.txt"
    extra.write_bytes(b"Le ministre de l'Economie, Bruno Le Maire, s'est rendu mardi a Rabat.\n")
    assert _spark(drop, local) == 0
    assert _runs(local)["n_new"].tolist() == [31, 1]
    assert _run(drop, on_spark) == 0
    for t in TABLES:
        pd.testing.assert_frame_equal(_table(local, t), _table(on_spark, t))
