"""The extraction's output on the sample drop and the dev gold texts is the committed
snapshot (tests/snapshots/mentions.jsonl).  A refactor must leave it unchanged; a
change of output on purpose regenerates it (see the message on failure)."""
from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "update_snapshot.py"


def _script():
    spec = importlib.util.spec_from_file_location("update_snapshot", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_extraction_matches_snapshot(news_nlp):
    mod = _script()
    want = mod.SNAPSHOT.read_text(encoding="utf-8").splitlines()
    got = mod.snapshot_lines(news_nlp)
    if got != want:
        diff = "\n".join(difflib.unified_diff(want, got, "committed snapshot", "extraction now",
                                              lineterm="", n=0))
        raise AssertionError(
            "extraction output differs from tests/snapshots/mentions.jsonl.\n"
            "If the change is intended, regenerate and commit the snapshot:\n"
            "    .venv/bin/python scripts/update_snapshot.py\n\n" + diff[:20000])
