"""`python -m pipeline eval GOLD... --cv K`: k-fold cross-validation of the whole
pipeline.  The gold articles are split in K folds (fixed seed); for each fold the
learned recognizer is trained on the other K-1 and the full pipeline (rules and
model, combined as ``models/ner/combine.json`` says) is scored on the held-out fold.
Counts are pooled over folds for P/R/F1; the mean and spread of per-fold F1 say
how stable that is.  ``--compare`` scores every combination mode, label by label
with the others on rules (one training per fold; only the resolver reruns), and
prints which mode wins per label, for both set-ups of the learned recognizer:
beside the stock ``ner`` (the rules read the stock one's entities) and instead of
it (the rules read the learned one's, under stock label names; see ``learned.py``).
The set-up beside the stock ``ner`` with every label on rules is the pipeline
without the learned recognizer.

A fold's model depends only on its training articles and on how they are turned
into training data, never on the rules, so trained fold models are kept in
``data/processed/cv-models/`` (or ``$PIPELINE_CV_CACHE``) under a key of everything they depend on: a rule
change is then cross-validated in minutes instead of retraining every fold.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from .evaluate import _prf, format_table, score
from .extraction.mention import LABELS


def _add(total: dict, s: dict) -> None:
    for key in ("tp", "fp", "fn", "norm_ok", "norm_n"):
        total.setdefault(key, Counter()).update(s[key])
    total["roles"] = tuple(a + b for a, b in zip(total.get("roles", (0, 0, 0)), s["roles"]))
    total.setdefault("errors", []).extend(s["errors"])
    total.setdefault("role_errors", []).extend(s["role_errors"])


def _f1(s: dict, lab: str) -> float:
    return _prf(s["tp"][lab], s["fp"][lab], s["fn"][lab])[2]


SETUPS = {"beside": False, "instead": True}   # set-up -> replace_ner
ROOT = Path(__file__).resolve().parent.parent
# PIPELINE_CV_CACHE lets several checkouts share one cache
CACHE = Path(os.environ.get("PIPELINE_CV_CACHE") or ROOT / "data" / "processed" / "cv-models")
# what a trained fold model depends on besides its articles and the epochs
_TRAINING_INPUTS = ("models/ner/config.cfg", "pipeline/training.py", "pipeline/batch/reader.py")
# of combine.json, only what training reads: its note and the modes chosen for combining the
# model's spans with the rules' are re-decided from these very fold models
_COMBINE_TRAINED = ("train_labels", "model_names")


def fold_key(train: list[dict], epochs: Optional[int]) -> str:
    """Key of a fold model: its training articles, the epochs, the training config and
    code, and the spaCy version."""
    import spacy
    h = hashlib.sha256(json.dumps([train, epochs, spacy.__version__], sort_keys=True,
                                  ensure_ascii=False).encode("utf-8"))
    for rel in _TRAINING_INPUTS:
        h.update((ROOT / rel).read_bytes())
    combine = json.loads((ROOT / "models" / "ner" / "combine.json").read_text(encoding="utf-8"))
    h.update(json.dumps({k: combine.get(k) for k in _COMBINE_TRAINED}, sort_keys=True).encode("utf-8"))
    return h.hexdigest()[:20]


def fold_model(train: list[dict], epochs: Optional[int], cache: Optional[Path] = CACHE) -> Path:
    """The ``news_ner`` folder trained on ``train``: from ``cache`` when it is there,
    else trained and stored (written aside, then renamed, so a killed run leaves no
    half model behind)."""
    from .training import COMPONENT, train_model
    if cache is None:
        return train_model(train, Path(tempfile.mkdtemp(prefix="cv-")), epochs=epochs, quiet=True)
    final = Path(cache) / fold_key(train, epochs)
    if not (final / COMPONENT).is_dir():
        tmp = Path(cache) / f".tmp-{final.name}-{time.time_ns()}"
        train_model(train, tmp, epochs=epochs, quiet=True)
        try:
            tmp.rename(final)
        except OSError:          # another run stored the same model meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
    return final / COMPONENT


def _fold_pipeline(model_dir: Path, replace_ner: bool):
    """A fresh pipeline with ``news_learned`` reading ``model_dir``, beside the stock
    ``ner`` or instead of it."""
    from .extraction.nlp import MODEL, _assemble
    return _assemble(MODEL, None, learned={"model_dir": model_dir, "replace_ner": replace_ner})


def _analyse(nlp, records: list[dict]) -> list:
    """Docs of ``records`` through the pipeline up to the resolver, with what the
    resolver reads saved, so it can be rerun under other combination modes."""
    from .extraction.nlp import make_doc
    from .batch.reader import read_article
    arts = [read_article(g["text"].encode("utf-8")) for g in records]
    skip = ["news_resolver", "news_roles"]
    docs = list(nlp.pipe((make_doc(nlp, a.prose, a.published) for a in arts), batch_size=16,
                         disable=skip))
    return [(doc, copy.deepcopy(doc._.candidates or []), doc.ents) for doc in docs]


def _resolve_all(nlp, analysed: list, use: Optional[dict]):
    """(mentions, roles) per doc, resolved with the modes ``use``."""
    from .extraction import learned
    learned.set_use(use)
    try:
        out = []
        for doc, cands, ents in analysed:
            doc._.candidates = copy.deepcopy(cands)
            doc.ents = ents
            doc = nlp.get_pipe("news_roles")(nlp.get_pipe("news_resolver")(doc))
            ments = [{"start": m.start, "end": m.end, "label": m.label, "text": m.text,
                      "norm": m.norm, "amount": m.amount, "currency": m.currency,
                      "value": m.value, "unit": m.unit} for m in doc._.mentions or []]
            out.append((ments, doc._.roles or []))
        return out
    finally:
        learned.set_use(None)


class CrossValidation:
    """Trains one model per fold, keeps the held-out docs analysed, scores them under
    any combination of modes (resolving again is cheap; training is not)."""

    def __init__(self, records: list[dict], k: int, epochs=None, log=print,
                 setups: tuple[str, ...] = ("beside",), cache: Optional[Path] = CACHE):
        from .training import split_folds
        self.records, self.k, self.setups = records, k, setups
        self.folds = []          # (held-out records, {set-up: analysed docs})
        for i, test_idx in enumerate(split_folds(len(records), k)):
            t0 = time.perf_counter()
            held = set(test_idx)
            test = [records[j] for j in test_idx]
            train = [r for j, r in enumerate(records) if j not in held]
            cached = cache is not None and (Path(cache) / fold_key(train, epochs)).is_dir()
            model_dir = fold_model(train, epochs, cache)
            analysed = {}
            for setup in setups:
                self.nlp = _fold_pipeline(model_dir, SETUPS[setup])
                analysed[setup] = _analyse(self.nlp, test)
            self.folds.append((test, analysed))
            if cache is None:
                shutil.rmtree(model_dir.parent, ignore_errors=True)
            log(f"fold {i + 1}/{k}: {'model from cache' if cached else 'trained'} on "
                f"{len(train)}, analysed {len(test)} held-out articles in "
                f"{time.perf_counter() - t0:.0f} s")

    def score(self, use: Optional[dict] = None,
              setup: Optional[str] = None) -> tuple[dict, list[dict]]:
        """(counts pooled over folds, per-fold scores) with modes ``use`` (None: the file's)
        in ``setup`` (None: the first)."""
        pooled, per_fold = {}, []
        for test, analysed in self.folds:
            s = score(test, _resolve_all(self.nlp, analysed[setup or self.setups[0]], use))
            _add(pooled, s)
            per_fold.append(s)
        return pooled, per_fold

    def compare(self, setup: Optional[str] = None) -> tuple[dict, dict]:
        """Per label, F1 under each mode with every other label on rules; returns
        ({label: {mode: pooled F1}}, the best mode per label)."""
        from .extraction.learned import MODES
        from .training import train_labels
        labels = train_labels()
        rules = {lab: "rules" for lab in labels}
        base, _ = self.score(rules, setup)
        table, best = {}, {}
        for lab in labels:
            table[lab] = {"rules": _f1(base, lab)}
            for mode in MODES[1:]:
                pooled, _ = self.score({**rules, lab: mode}, setup)
                table[lab][mode] = _f1(pooled, lab)
            # a mode must beat the rules to replace them
            best[lab] = max(MODES, key=lambda m: (round(table[lab][m], 4), m == "rules"))
        return table, best


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


def compare_table(table: dict, best: dict) -> str:
    from .extraction.learned import MODES
    lines = [f"{'label':<10} " + " ".join(f"{m:>12}" for m in MODES) + "   best"]
    for lab, f1s in table.items():
        lines.append(f"{lab:<10} " + " ".join(f"{f1s[m]:>12.3f}" for m in MODES) + f"   {best[lab]}")
    return "\n".join(lines)


def main(args, records: list[dict]) -> int:
    k = args.cv
    if k < 2 or k > len(records):
        print(f"error: --cv needs 2 <= K <= {len(records)} articles", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    from .extraction.learned import replaces_stock_ner
    shipped = "instead" if replaces_stock_ner() else "beside"
    setups = tuple(SETUPS) if args.compare else (shipped,)
    cv = CrossValidation(records, k, epochs=args.epochs, setups=setups,
                         log=lambda s: print(s, file=sys.stderr, flush=True),
                         cache=None if getattr(args, "no_cache", False) else CACHE)
    n_m = sum(len(r["entities"]) for r in records)
    n_r = sum(len(r.get("roles", [])) for r in records)
    runs = {"": (None, shipped)}
    if args.compare:
        from .training import train_labels
        runs = {}
        for setup in setups:
            table, best = cv.compare(setup)
            print(f"\nlearned ner {setup} the stock ner: F1 per label under each mode, every "
                  "other label on rules (pooled over folds)")
            print(compare_table(table, best))
            print("best per label, for models/ner/combine.json: "
                  + json.dumps({lab: best[lab] for lab in table}))
            runs[f" — {setup}, rules only"] = ({lab: "rules" for lab in train_labels()}, setup)
            runs[f" — {setup}, best mode per label"] = (best, setup)
        runs[f" — models/ner/combine.json ({shipped})"] = (None, shipped)
    for head, (use, setup) in runs.items():
        pooled, per_fold = cv.score(use, setup)
        print(f"\n{k}-fold cross-validation over {len(records)} articles, {n_m} gold mentions, "
              f"{n_r} gold roles (counts pooled over folds){head}")
        print(format_table(pooled))
        print(f"\nF1 per fold{head}")
        print(fold_spread(per_fold))
    if getattr(args, "errors", False):
        # the shipped combination's errors, each made by a model that never saw its article
        from .evaluate import format_errors
        print(f"\nerrors on the held-out folds — models/ner/combine.json ({shipped})")
        print(format_errors(cv.score(None, shipped)[0]))
    print(f"\n{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0
