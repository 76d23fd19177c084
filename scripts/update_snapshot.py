"""Write the extraction snapshot that tests/test_snapshot.py guards.

The snapshot holds every mention and role that ``extract_batch`` finds in the
sample drop (data/raw/samples/*.txt) and in the dev gold texts
(data/gold/dev.jsonl, field ``text``), one JSON object per line, so a change of
output shows up as a readable diff in review.

A change of output on purpose: regenerate and commit the new snapshot with
    .venv/bin/python scripts/update_snapshot.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshots" / "mentions.jsonl"

# Columns kept: everything that the extraction decides (not timestamps or versions).
MENTION_COLS = ("start", "end", "label", "text", "norm", "country", "date_value",
                "date_start", "date_end", "amount", "currency", "value", "unit")
ROLE_COLS = ("person", "title", "org", "country", "start", "end")


def corpus() -> list[tuple[str, bytes]]:
    """(article name, bytes) for the sample drop and the dev gold texts, in a fixed order."""
    items = [(f"samples/{p.name}", p.read_bytes())
             for p in sorted((ROOT / "data" / "raw" / "samples").glob("*.txt"))]
    with open(ROOT / "data" / "gold" / "dev.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if line.strip():
                rec = json.loads(line)
                items.append((f"dev/{rec.get('file') or i}", rec["text"].encode("utf-8")))
    return items


def snapshot_lines(nlp) -> list[str]:
    """The snapshot, one JSON line per mention / role, sorted by article then position."""
    from pipeline.batch.extract import extract_batch

    items = corpus()
    names = {}
    batch_in = []
    for name, data in items:
        aid = f"a{len(batch_in):04d}"
        names[aid] = name
        batch_in.append((data, {"article_id": aid, "drop": "snapshot", "source": name,
                                "n_bytes": len(data)}))
    out = extract_batch(nlp, batch_in)
    lines = []
    for a in out["articles"].to_pylist():
        if a["status"] != "ok":
            lines.append(json.dumps({"article": names[a["article_id"]], "kind": "failed",
                                     "error": a["error"]}, ensure_ascii=False))
    for m in out["mentions"].to_pylist():
        row = {"article": names[m["article_id"]], "kind": "mention"}
        row.update({c: _plain(m[c]) for c in MENTION_COLS})
        lines.append(json.dumps(row, ensure_ascii=False))
    for r in out["roles"].to_pylist():
        row = {"article": names[r["article_id"]], "kind": "role"}
        row.update({c: _plain(r[c]) for c in ROLE_COLS})
        lines.append(json.dumps(row, ensure_ascii=False))
    return lines


def _plain(v):
    """JSON-safe and stable: dates as ISO strings, None dropped later by json as null."""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def main() -> int:
    from pipeline.extraction.nlp import load

    lines = snapshot_lines(load())
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} rows to {SNAPSHOT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
