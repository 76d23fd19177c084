"""`python -m pipeline eval GOLD... --cv K`: k-fold cross-validation of the whole
pipeline.  The gold articles are split in K folds (fixed seed); for each fold the
learned recognizer is trained on the other K-1 and the full pipeline (rules and
model, combined as ``models/ner/combine.json`` says) is scored on the held-out fold.
Counts are pooled over folds for P/R/F1; the mean and spread of per-fold F1 say
how stable that is.  ``--compare`` scores every combination mode on each fold (one
training per fold) and prints, per label, which mode wins.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from .evaluate import _prf, format_table, predict, score
from .mention import LABELS


def _add(total: dict, s: dict) -> None:
    for key in ("tp", "fp", "fn", "norm_ok", "norm_n"):
        total.setdefault(key, Counter()).update(s[key])
    total["roles"] = tuple(a + b for a, b in zip(total.get("roles", (0, 0, 0)), s["roles"]))
    total.setdefault("errors", []).extend(s["errors"])
    total.setdefault("role_errors", []).extend(s["role_errors"])


def _f1(s: dict, lab: str) -> float:
    return _prf(s["tp"][lab], s["fp"][lab], s["fn"][lab])[2]


def _fold_pipeline(model_dir: Path):
    """The assembled pipeline with ``news_learned`` reading ``model_dir``."""
    from .nlp import load
    nlp = load()
    cfg = {"model_dir": str(model_dir)}
    if "news_learned" in nlp.pipe_names:
        nlp.replace_pipe("news_learned", "news_learned", config=cfg)
    else:
        nlp.add_pipe("news_learned", after="ner", config=cfg)
    return nlp


def cross_validate(records: list[dict], k: int, epochs=None, compare: bool = False,
                   log=print) -> dict:
    """{mode name: pooled score dict, plus ``folds``: per-fold score dicts}."""
    from . import learned
    from .training import split_folds, train_labels, train_model
    folds = split_folds(len(records), k)
    if compare:
        modes = {m: {lab: m for lab in train_labels()} for m in learned.MODES}
    else:
        modes = {"configured": None}
    pooled = {name: {} for name in modes}
    per_fold = {name: [] for name in modes}
    for i, test_idx in enumerate(folds):
        t0 = time.perf_counter()
        test = [records[j] for j in test_idx]
        train = [r for j, r in enumerate(records) if j not in set(test_idx)]
        with tempfile.TemporaryDirectory() as tmp:
            model_dir = train_model(train, Path(tmp), epochs=epochs, quiet=True)
            nlp = _fold_pipeline(model_dir)
            for name, use in modes.items():
                learned.set_use(use)
                try:
                    s = score(test, predict(test, nlp=nlp))
                finally:
                    learned.set_use(None)
                _add(pooled[name], s)
                per_fold[name].append(s)
        log(f"fold {i + 1}/{k}: trained on {len(train)}, scored {len(test)} articles "
            f"in {time.perf_counter() - t0:.0f} s")
    # leave the cached pipeline as it was: the shipped model
    from .learned import model_available
    from .nlp import load
    nlp = load()
    if "news_learned" in nlp.pipe_names:
        if model_available():
            nlp.replace_pipe("news_learned", "news_learned", config={"model_dir": None})
        else:
            nlp.remove_pipe("news_learned")
    return {"pooled": pooled, "folds": per_fold}


def fold_spread(fold_scores: list[dict]) -> str:
    lines = [f"{'label':<10} {'mean F1':>8} {'sd':>6}   per fold"]
    for lab in LABELS:
        f1s = [_f1(s, lab) for s in fold_scores if s["tp"][lab] + s["fn"][lab] + s["fp"][lab]]
        if not f1s:
            continue
        sd = statistics.stdev(f1s) if len(f1s) > 1 else 0.0
        lines.append(f"{lab:<10} {statistics.mean(f1s):>8.3f} {sd:>6.3f}   "
                     + " ".join(f"{f:.2f}" for f in f1s))
    roles = [_prf(*s["roles"])[2] for s in fold_scores]
    lines.append(f"{'roles':<10} {statistics.mean(roles):>8.3f} "
                 f"{statistics.stdev(roles) if len(roles) > 1 else 0.0:>6.3f}   "
                 + " ".join(f"{f:.2f}" for f in roles))
    return "\n".join(lines)


def compare_table(pooled: dict) -> str:
    from .training import train_labels
    names = list(pooled)
    lines = [f"{'label':<10} " + " ".join(f"{n:>12}" for n in names) + "   best"]
    for lab in train_labels():
        f1s = {n: _f1(pooled[n], lab) for n in names}
        best = max(names, key=lambda n: (round(f1s[n], 4), -names.index(n)))
        lines.append(f"{lab:<10} " + " ".join(f"{f1s[n]:>12.3f}" for n in names) + f"   {best}")
    for n in names:
        tp, fp, fn = (sum(pooled[n][k].values()) for k in ("tp", "fp", "fn"))
        lines.append(f"micro F1 with every label '{n}': {_prf(tp, fp, fn)[2]:.3f}, "
                     f"roles F1 {_prf(*pooled[n]['roles'])[2]:.3f}")
    return "\n".join(lines)


def main(args, records: list[dict]) -> int:
    k = args.cv
    if k < 2 or k > len(records):
        print(f"error: --cv needs 2 <= K <= {len(records)} articles", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    res = cross_validate(records, k, epochs=args.epochs, compare=args.compare,
                         log=lambda s: print(s, file=sys.stderr, flush=True))
    n_m = sum(len(r["entities"]) for r in records)
    n_r = sum(len(r.get("roles", [])) for r in records)
    for name, pooled in res["pooled"].items():
        head = "" if name == "configured" else f" — every learned label '{name}'"
        print(f"\n{k}-fold cross-validation over {len(records)} articles, {n_m} gold mentions, "
              f"{n_r} gold roles (counts pooled over folds){head}")
        print(format_table(pooled))
        print(f"\nF1 per fold{head}")
        print(fold_spread(res["folds"][name]))
    if args.compare:
        print("\nF1 per label and mode (pooled over folds)")
        print(compare_table(res["pooled"]))
    print(f"\n{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0
