"""Session fixture `sample_tables`: the pipeline run once on the sample drop.

Import it into a test module with ``from fixtures_tables import sample_tables``.
pytest makes one fixture definition per module that imports it, so the run
itself is cached here, at module level: the pipeline runs once per session
however many modules use the fixture.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw" / "samples"

_cache: dict[str, Path] = {}


@pytest.fixture(scope="session")
def sample_tables(tmp_path_factory) -> Path:
    """OUT_DIR holding the tables of a fresh run on data/raw/samples (no report)."""
    if "out" not in _cache:
        from pipeline.cli import main

        out = tmp_path_factory.mktemp("sample_tables")
        rc = main(["run", str(SAMPLES), "--out", str(out), "--workers", "1", "--no-report", "--quiet"])
        assert rc == 0, f"pipeline run on the sample drop exited with {rc}"
        _cache["out"] = out
    return _cache["out"]
