"""The extraction as one function: a batch of (bytes or text, metadata) in,
Arrow record batches out.  No file I/O here, so a distributed engine can map it
over partitions unchanged (see ``extract_batch``).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Callable, Iterable, Optional

import pyarrow as pa

from ..extraction import rows
from ..extraction.rows import entity_id  # noqa: F401  (importers of the id helper)
from .reader import Article, BadInput, article_id, read_article, split_pieces
from .schemas import ARTICLES, MENTIONS, ROLES
from ..extraction.version import pipeline_version  # noqa: F401  (runner reads it from here)

# Longest stretch of text spaCy sees as one document: longer articles are cut
# at paragraph boundaries (an ordinary article, a few thousand characters, is
# one piece).  Article-level normalization (`Saadi` -> `Lahcen Saadi`) works
# within a piece.
PIECE_CHARS = 50_000
# The model's memory grows with the tokens of one nlp.pipe call (a few KB
# each): calls hold at most BATCH_TOKENS (estimated), whatever the number of
# articles; a piece holds at most PIECE_TOKENS.  8,000 rather than 24,000: the
# transient of one call (the model's and the learned recognizer's activations)
# took a worker's peak from ~650 MB at rest to over 1 GB; the rows are the same
# and the CPU time no higher (checked on 300 articles).
PIECE_TOKENS = 12_000
BATCH_TOKENS = 8_000


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


def _mention_rows(meta: dict, doc, mentions: list, text: Optional[str] = None,
                  offset: int = 0, sent_base: int = 0) -> list[dict]:
    """Rows of `mentions` of `doc`, a piece starting at `offset` of the article whose
    text as read is `text` (see extraction/rows.py), with the article's columns."""
    return [{"article_id": meta["article_id"], "drop": meta["drop"],
             "mention_id": f"{meta['article_id']}:{r['start']}-{r['end']}", **r}
            for r in rows.mention_rows(doc, mentions, text, offset, sent_base)]


def _role_rows(meta: dict, roles: list[dict], offset: int = 0) -> list[dict]:
    return [{"article_id": meta["article_id"], "drop": meta["drop"], **r}
            for r in rows.role_rows(roles, offset)]


def extract_batch(nlp, items: Iterable[tuple[bytes | str, dict]],
                  on_article: Optional[Callable[[], None]] = None) -> dict[str, pa.RecordBatch]:
    """Extract a batch of articles.

    `items`: (content, meta) pairs; content is the file's bytes (decoded here) or
    already-decoded text; meta may have `article_id` (else the hash of the bytes),
    `drop`, `source` (else empty), `n_bytes` and `error` (a failure found before
    reading, e.g. a symlink).
    Returns record batches for `articles`, `mentions` and `roles`.
    `on_article`, if given, is called once per article as it is done (progress bars).

    A long article goes to spaCy in pieces of at most PIECE_CHARS characters cut
    at paragraph boundaries (offsets shifted back), so its cost is linear in its
    length and spaCy's own length limit never applies; the pieces are grouped
    into `nlp.pipe` calls of at most BATCH_TOKENS (estimated) tokens, so memory is
    bounded by the text a batch holds, not by how many articles it has.
    """
    version = pipeline_version()
    when = _now()
    arts, ment_rows, role_rows = [], [], []
    good: list[tuple[dict, Article]] = []
    for content, meta in items:
        meta = _full_meta(content, meta)
        if meta.get("error"):
            arts.append(_article_row(meta, None, meta["error"], 0, version, when))
            on_article and on_article()
            continue
        try:
            if isinstance(content, str):
                content = content.encode("utf-8", "surrogatepass")
            art = read_article(content)
        except BadInput as exc:
            arts.append(_article_row(meta, None, str(exc), 0, version, when))
            on_article and on_article()
            continue
        good.append((meta, art))

    # per article: its rows so far, the sentences of the pieces already done, and
    # its error; an article's rows are kept only if every piece went through
    state = [{"mentions": [], "roles": [], "n_sents": 0, "error": None} for _ in good]
    current = None
    for ai, offset, doc, error in _pipe(nlp, good):
        if ai != current:
            # pieces come in order: the previous article is done
            if current is not None and on_article:
                on_article()
            current = ai
        st = state[ai]
        if st["error"]:
            continue
        if error:
            st["error"] = error
            continue
        meta, art = good[ai]
        try:
            st["mentions"].extend(_mention_rows(meta, doc, doc._.mentions or [], art.text,
                                               offset, st["n_sents"]))
            st["roles"].extend(_role_rows(meta, doc._.roles or [], offset))
            st["n_sents"] += sum(1 for _ in doc.sents)
        except Exception as exc:  # noqa: BLE001 - one article fails, not the batch
            st["error"] = f"extraction error: {type(exc).__name__}: {exc}"
    if current is not None and on_article:
        on_article()
    for (meta, art), st in zip(good, state):
        if st["error"]:
            arts.append(_article_row(meta, art, st["error"], 0, version, when))
            continue
        ment_rows.extend(st["mentions"])
        role_rows.extend(st["roles"])
        arts.append(_article_row(meta, art, None, len(st["mentions"]), version, when))

    return {
        "articles": pa.RecordBatch.from_pylist(arts, schema=ARTICLES),
        "mentions": pa.RecordBatch.from_pylist(ment_rows, schema=MENTIONS),
        "roles": pa.RecordBatch.from_pylist(role_rows, schema=ROLES),
    }


def _full_meta(content: bytes | str, meta: Optional[dict]) -> dict:
    """Metadata with every key a row needs: the id from the bytes, an empty drop and source."""
    meta = dict(meta or {})
    if not meta.get("article_id"):
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        meta["article_id"] = article_id(data)
    meta.setdefault("drop", "")
    meta.setdefault("source", "")
    return meta


# What the tokenizer will roughly make of a text: words, punctuation, line breaks.
_TOKENISH = re.compile(r"\w+|[^\w\s]|\n")


def _n_tokens(text: str) -> int:
    return len(_TOKENISH.findall(text))


def _units(good: list[tuple[dict, Article]]) -> list[tuple[int, int, str, int]]:
    """(article index, offset, text, estimated tokens) of every piece of every
    article: at most PIECE_CHARS characters, and, for a text of tiny lines or
    symbols (seven times the tokens of prose), at most PIECE_TOKENS tokens."""
    units = []
    for ai, (_, art) in enumerate(good):
        prose = art.prose
        for start, end in split_pieces(prose, PIECE_CHARS):
            n = _n_tokens(prose[start:end])
            if n <= PIECE_TOKENS:
                units.append((ai, start, prose[start:end], n))
                continue
            limit = max(1_000, (end - start) * PIECE_TOKENS // n)
            for s2, e2 in split_pieces(prose[start:end], limit):
                text = prose[start + s2:start + e2]
                units.append((ai, start + s2, text, _n_tokens(text)))
    return units


def _batches(units, limit: int):
    """Consecutive runs of units holding at most `limit` tokens (one unit at least)."""
    batch, size = [], 0
    for u in units:
        if batch and size + u[3] > limit:
            yield batch
            batch, size = [], 0
        batch.append(u)
        size += u[3]
    if batch:
        yield batch


def _pipe(nlp, good):
    """(article index, piece offset, doc, error) for every piece of every article.

    Our rule components run one document at a time under spaCy's error handler:
    an exception there drops that document from the stream and is recorded
    against its article; the other documents go on, nothing is redone.  A
    trained component (parser, NER) fails a whole minibatch at once: only then
    are the documents it had not returned redone one at a time."""
    from ..extraction.nlp import batch_skips, make_doc

    units = _units(good)
    skip = batch_skips(nlp)    # stock components whose output no rule reads
    failed: dict[tuple[int, int], str] = {}

    def on_error(name, proc, docs, exc):
        for d in docs:
            failed[d.user_data.get(_UNIT)] = f"extraction error in {name}: {type(exc).__name__}: {exc}"

    def doc_of(ai, start, text):
        try:
            doc = make_doc(nlp, text, good[ai][1].published)
        except Exception as exc:  # noqa: BLE001 - e.g. the tokenizer
            failed[(ai, start)] = f"extraction error: {type(exc).__name__}: {exc}"
            return None
        doc.user_data[_UNIT] = (ai, start)
        return doc

    # set on the Language only: spaCy 3.8 cannot set it on the parser (a known bug)
    previous = nlp.default_error_handler
    nlp.default_error_handler = on_error
    try:
        for batch in _batches(units, BATCH_TOKENS):
            done = {}
            docs = [d for d in (doc_of(*u[:3]) for u in batch) if d is not None]
            try:
                for doc in nlp.pipe(docs, batch_size=max(len(docs), 1), disable=skip):
                    done[doc.user_data[_UNIT]] = doc
            except Exception:  # noqa: BLE001 - a trained component failed the minibatch
                for ai, start, text, _ in batch:
                    key = (ai, start)
                    if key in done or key in failed:
                        continue
                    doc = doc_of(ai, start, text)
                    try:
                        out = list(nlp.pipe([doc], batch_size=1, disable=skip)) if doc is not None else []
                    except Exception as exc:  # noqa: BLE001
                        failed[key] = f"extraction error: {type(exc).__name__}: {exc}"
                        continue
                    if out:
                        done[key] = out[0]
            for ai, start, _, _ in batch:
                key = (ai, start)
                if key in done:
                    yield ai, start, done.pop(key), None
                else:
                    yield ai, start, None, failed.get(key, "extraction error: document lost")
    finally:
        nlp.default_error_handler = previous


_UNIT = "news_unit"
