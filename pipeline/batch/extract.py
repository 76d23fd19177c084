"""The extraction as one function: a batch of (bytes or text, metadata) in,
Arrow record batches out.  No file I/O here, so a distributed engine can map it
over partitions unchanged (see ``extract_batch``).
"""
from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Optional

import pyarrow as pa

from .. import __version__
from ..extraction.mention import Mention
from .reader import Article, BadInput, read_article
from .schemas import ARTICLES, MENTIONS, ROLES
from pipeline.data import DATA_DIR

PACKAGE = Path(__file__).resolve().parent.parent
PATTERNS = DATA_DIR
MODELS = PACKAGE.parent / "models"

# Articles go through nlp.pipe in batches of this many.
NLP_BATCH = 16


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Package version + a digest of the code and pattern data that shape the output,
    so a change of rules or data makes a re-run reprocess what it changes."""
    h = hashlib.sha256()
    # the package's code and data, and models/ (the learned recognizer's weights and settings)
    for path in sorted(list(PACKAGE.rglob("*.py")) + list(PATTERNS.rglob("*")) + list(MODELS.rglob("*"))):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:10]}"


def entity_id(label: str, norm: Optional[str]) -> Optional[str]:
    if norm is None:
        return None
    digest = hashlib.sha1(f"{label}\x1f{norm}".encode()).hexdigest()[:16]
    return f"{label}:{digest}"


def published_fields(published: Optional[str]) -> dict:
    """`published` as written (`YYYY-MM-DD` or `YYYY-MM`) -> the typed columns:
    a date (the month's first day when only the month is known) and its precision,
    so readers need no string parsing (DuckDB, Spark and Polars all choke on `2017-07`)."""
    if not published:
        return {"published_date": None, "published_precision": None}
    parts = [int(p) for p in published.split("-")]
    precision = "day" if len(parts) == 3 else "month"
    return {"published_date": date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1),
            "published_precision": precision}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _article_row(meta: dict, art: Optional[Article], error: Optional[str], n_mentions: int,
                 version: str, when: datetime) -> dict:
    row = {
        "article_id": meta["article_id"], "drop": meta["drop"], "source": meta["source"],
        "status": "failed" if error else "ok", "error": error,
        "n_bytes": meta.get("n_bytes", 0), "pipeline_version": version, "processed_at": when,
        "n_mentions": n_mentions if art is not None and not error else 0,
    }
    if art is not None:
        row.update(published=art.published, **published_fields(art.published),
                   title=art.title, outlet=art.outlet,
                   encoding=art.encoding, n_chars=len(art.text), body_start=art.body_start,
                   body_end=art.body_end, warnings="; ".join(art.warnings) or None)
    return row


def _mention_rows(meta: dict, doc, mentions: list[Mention]) -> list[dict]:
    sent_starts = [s.start_char for s in doc.sents]
    sents = list(doc.sents)
    rows = []
    import bisect
    for m in mentions:
        si = max(0, bisect.bisect_right(sent_starts, m.start) - 1)
        sentence = sents[si].text.strip() if sents else ""
        rows.append({
            "article_id": meta["article_id"], "drop": meta["drop"],
            "mention_id": f"{meta['article_id']}:{m.start}-{m.end}",
            "start": m.start, "end": m.end, "label": m.label, "text": m.text, "norm": m.norm,
            "entity_id": entity_id(m.label, m.norm), "sentence_id": si,
            "sentence": sentence[:1000],
            "country": m.country, "date_value": m.date_value, "date_start": m.date_start,
            "date_end": m.date_end, "amount": m.amount, "currency": m.currency,
            "value": m.value, "unit": m.unit,
        })
    return rows


def _role_rows(meta: dict, roles: list[dict]) -> list[dict]:
    rows = []
    for r in roles:
        rows.append({
            "article_id": meta["article_id"], "drop": meta["drop"], "person": r["person"],
            "person_id": entity_id("PERSON", r["person"]), "title": r["title"], "org": r["org"],
            "org_id": entity_id(r["org_label"], r["org"]) if r["org"] else None,
            "country": r["country"], "start": r["start"], "end": r["end"],
        })
    return rows


def extract_batch(nlp, items: Iterable[tuple[bytes | str, dict]],
                  on_article: Optional[Callable[[], None]] = None) -> dict[str, pa.RecordBatch]:
    """Extract a batch of articles.

    `items`: (content, meta) pairs; content is the file's bytes (decoded here) or
    already-decoded text; meta has `article_id`, `drop`, `source` and optionally
    `n_bytes` and `error` (a failure found before reading, e.g. a symlink).
    Returns record batches for `articles`, `mentions` and `roles`.
    `on_article`, if given, is called once per article as it is done (progress bars).
    """
    from ..extraction.nlp import make_doc

    version = pipeline_version()
    when = _now()
    arts, ment_rows, role_rows = [], [], []
    good: list[tuple[dict, Article]] = []
    for content, meta in items:
        if meta.get("error"):
            arts.append(_article_row(meta, None, meta["error"], 0, version, when))
            on_article and on_article()
            continue
        try:
            if isinstance(content, str):
                content = content.encode("utf-8")
            art = read_article(content)
        except BadInput as exc:
            arts.append(_article_row(meta, None, str(exc), 0, version, when))
            on_article and on_article()
            continue
        good.append((meta, art))

    for meta, art, doc, error in _pipe(nlp, good):
        if error:
            arts.append(_article_row(meta, art, error, 0, version, when))
        else:
            mentions = doc._.mentions or []
            ment_rows.extend(_mention_rows(meta, doc, mentions))
            role_rows.extend(_role_rows(meta, doc._.roles or []))
            arts.append(_article_row(meta, art, None, len(mentions), version, when))
        on_article and on_article()

    return {
        "articles": pa.RecordBatch.from_pylist(arts, schema=ARTICLES),
        "mentions": pa.RecordBatch.from_pylist(ment_rows, schema=MENTIONS),
        "roles": pa.RecordBatch.from_pylist(role_rows, schema=ROLES),
    }


def _pipe(nlp, good):
    """nlp.pipe over the batch; if a document breaks a component, redo the batch one
    document at a time so that only that article fails, with the reason recorded."""
    from ..extraction.nlp import make_doc

    done = 0          # documents yielded before a failure (lazily, for per-article progress)
    try:
        docs = nlp.pipe((make_doc(nlp, a.prose, a.published) for _, a in good),
                        batch_size=NLP_BATCH)
        for (meta, art), doc in zip(good, docs):
            yield meta, art, doc, None
            done += 1
        return
    except Exception:  # noqa: BLE001 - isolate the faulty article below
        pass
    for meta, art in good[done:]:
        try:
            doc = nlp(make_doc(nlp, art.prose, art.published))
        except Exception as exc:  # noqa: BLE001
            yield meta, art, None, f"extraction error: {type(exc).__name__}: {exc}"
        else:
            yield meta, art, doc, None
