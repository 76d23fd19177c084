"""The learned span recognizer (``news_ner``, trained by ``training.py``) as a
pipeline component, and how its spans combine with the rules' in the resolver.

Two set-ups, as ``models/ner/combine.json`` says (``replaces_stock_ner``):

  beside   the component runs after the stock ``ner`` and leaves ``doc.ents`` as the
           stock ``ner`` set them (the rules read those);
  instead  the component takes the stock ``ner``'s place (one NER pass, not two): it
           sets ``doc.ents`` itself, its labels renamed to the stock ones the rules
           read (``stock_names``: COUNTRY -> LOC, MINISTRY -> ORG, EVENT -> MISC).

Either way its spans also go to ``doc._.learned`` as (start_char, end_char, label)
under the gold labels.  The resolver then takes them label by label as
``combine.json`` says (``use``):

  rules        the model's spans of the label are ignored
  rules_first  the rules as before, then the model's spans that overlap nothing chosen
  model_first  the model's spans first, then the rules' that overlap none of them
  model        the model's spans only; no rule span of the label

Whatever the mode, normalized values and typed columns come from the rules: a model
span that a rule also found takes the rule's mention, others are normalized by the
same functions the rules use (a COUNTRY the gazetteer cannot code is dropped).
"""
# no `from __future__ import annotations`: spaCy validates the factory's annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .mention import Mention

from pipeline.data import models_dir
from .nlp import doc_text

# the checkout's models/ner, or pipeline/_models/ner in an installed wheel
NER_DIR = models_dir() / "ner"
MODES = ("rules", "rules_first", "model_first", "model")

if not Doc.has_extension("learned"):
    Doc.set_extension("learned", default=None)


@lru_cache(maxsize=4)
def settings(path: Optional[str] = None) -> dict:
    s = json.loads(Path(path or NER_DIR / "combine.json").read_text(encoding="utf-8"))
    bad = {k: v for k, v in s["use"].items() if v not in MODES}
    if bad:
        raise ValueError(f"combine.json: unknown modes {bad} (one of {MODES})")
    return s


_use_override: Optional[dict] = None


def use_modes() -> dict:
    """Label -> mode: combine.json's ``use``, unless ``set_use`` overrides it."""
    return _use_override if _use_override is not None else settings()["use"]


def set_use(use: Optional[dict]) -> None:
    """Override the modes (cross-validation compares them); None restores the file's."""
    global _use_override
    _use_override = None if use is None else dict(use)


def model_available(model_dir: Optional[Path] = None) -> bool:
    return ((Path(model_dir) if model_dir else NER_DIR / "news_ner") / "component.json").exists()


def replaces_stock_ner() -> bool:
    """combine.json: the learned ``ner`` stands in for the stock one (see module doc)."""
    return bool(settings().get("replaces_stock_ner", False))


def needed() -> bool:
    """Whether the shipped pipeline runs the component at all: not when nothing reads
    it (every label on ``rules`` and the rules reading the stock ``ner``)."""
    return replaces_stock_ner() or any(m != "rules" for m in use_modes().values())


class LearnedSpans:
    """Runs the trained ``ner`` and stores its spans in ``doc._.learned``."""

    def __init__(self, nlp: Language, name: str, model_dir: Optional[str], replace_ner: bool):
        path = Path(model_dir) if model_dir else NER_DIR / "news_ner"
        cfg = json.loads((path / "component.json").read_text(encoding="utf-8"))
        factory = cfg.pop("factory")
        self.name = name
        self.ner = nlp.create_pipe(factory, name=f"{name}_ner", config=cfg)
        self.ner.from_disk(path, exclude=["vocab"])  # the stock vocab and vectors serve
        back = {v: k for k, v in settings().get("model_names", {}).items()}
        self.labels = {lab: back.get(lab, lab) for lab in self.ner.labels
                       if back.get(lab, lab) in settings()["train_labels"]}
        # instead of the stock ner: doc.ents under the stock names the rules read
        self.replace_ner = replace_ner
        self.stock_names = settings().get("stock_names", {})

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        for batch in minibatch(docs, size=batch_size):
            stock = [d.ents for d in batch]
            for d in batch:
                # a spaCy ner keeps entities already set: start from none (missing, not 'O')
                d.set_ents([], default="missing")
            self.ner.set_annotations(batch, self.ner.predict(batch))
            for doc, ents in zip(batch, stock):
                doc._.learned = [(e.start_char, e.end_char, self.labels[e.label_])
                                 for e in doc.ents if e.label_ in self.labels]
                if self.replace_ner:
                    doc.ents = [Span(doc, e.start, e.end, self.stock_names.get(
                        self.labels.get(e.label_), e.label_)) for e in doc.ents]
                else:
                    doc.ents = ents
            yield from batch


@Language.factory("news_learned", default_config={"model_dir": None, "replace_ner": False})
def make_learned(nlp: Language, name: str, model_dir: Optional[str],
                 replace_ner: bool) -> LearnedSpans:
    return LearnedSpans(nlp, name, model_dir, replace_ner)


def add_to(nlp: Language, model_dir: Optional[str] = None,
           replace_ner: Optional[bool] = None) -> None:
    """Put ``news_learned`` in ``nlp`` (fresh from the stock package): after the stock
    ``ner``, or in its place when ``replace_ner`` (default: combine.json's set-up)."""
    if replace_ner is None:
        replace_ner = replaces_stock_ner()
    nlp.add_pipe("news_learned", after="ner",
                 config={"model_dir": None if model_dir is None else str(model_dir),
                         "replace_ner": replace_ner})
    if replace_ner:
        nlp.remove_pipe("ner")


def _normalized(doc: Doc, start: int, end: int, label: str, rules: dict) -> Optional[Mention]:
    """The mention of a model span, with the rules' values (see module doc)."""
    same = rules.get((start, end, label))
    if same is not None:
        return same
    text = doc_text(doc)[start:end]
    if not text.strip():
        return None
    if label == "COUNTRY":
        from .normalize.gazetteer import country_code
        code = country_code(text)
        if code is None:
            return None
        return Mention(start, end, label, text, norm=code, country=code, source="learned")
    if label == "MINISTRY":
        from .normalize.ministries import normalize_ministry
        norm = normalize_ministry(text)
    elif label in ("ORG", "EVENT"):
        from .acronyms import norm_apostrophes
        norm = norm_apostrophes(text)
    else:
        from .resolver import clean_norm
        norm = clean_norm(text)
    return Mention(start, end, label, text, norm=norm, source="learned", priority=3)


def split_learned(doc: Doc, candidates: list) -> tuple[list, list, frozenset]:
    """(mentions to select before the rules, mentions to select after them, labels
    the rules give up entirely) for ``doc``, as ``combine.json`` says."""
    use = use_modes()
    rules = {(m.start, m.end, m.label): m for m in candidates}
    first, last = [], []
    for start, end, label in doc._.learned or []:
        mode = use.get(label, "rules")
        if mode == "rules":
            continue
        m = _normalized(doc, start, end, label, rules)
        if m is None:
            continue
        (last if mode == "rules_first" else first).append(m)
    model_only = frozenset(lab for lab, mode in use.items() if mode == "model")
    return first, last, model_only
