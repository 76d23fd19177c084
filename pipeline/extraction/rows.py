"""A processed Doc as rows: its mentions and roles with the columns of the
``mentions`` and ``roles`` tables that do not depend on the article's identity
(batch/extract.py adds those; pipeline.extract returns these as they are)."""
from __future__ import annotations

import bisect
import hashlib
from typing import Optional

from .mention import VALUE_FIELDS


def entity_id(label: str, norm: Optional[str]) -> Optional[str]:
    """Stable id of an entity across articles: label and norm hashed."""
    if norm is None:
        return None
    digest = hashlib.sha1(f"{label}\x1f{norm}".encode()).hexdigest()[:16]
    return f"{label}:{digest}"


def mention_rows(doc, mentions: Optional[list] = None, text: Optional[str] = None,
                 offset: int = 0, sent_base: int = 0) -> list[dict]:
    """One dict per mention (default: ``doc._.mentions``), with its sentence and typed values.

    For a piece of a longer article: ``offset`` is where the piece starts in the article,
    ``text`` the article's text as read (default: the doc's own), ``sent_base`` the number
    of sentences before the piece.  A row's ``text`` is the slice of the text as read, not
    of the prose the model saw: they differ where a mention spans a blanked character (a
    NUL inside a name), and the table promises the former."""
    from .nlp import doc_text
    full = doc_text(doc)
    if text is None:
        text = full
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    sent_starts = [s for s, _ in sents]
    sentences: dict[int, str] = {}     # a sentence's text, built once (Span.text joins tokens)
    out = []
    for m in (doc._.mentions or []) if mentions is None else mentions:
        si = max(0, bisect.bisect_right(sent_starts, m.start) - 1)
        sentence = sentences.get(si)
        if sentence is None:
            sentence = sentences[si] = full[sents[si][0]:sents[si][1]].strip() if sents else ""
        start, end = m.start + offset, m.end + offset
        row = {"start": start, "end": end, "label": m.label, "text": text[start:end],
               "entity_id": entity_id(m.label, m.norm), "sentence_id": sent_base + si,
               "sentence": sentence[:1000]}
        row.update({f: getattr(m, f) for f in VALUE_FIELDS})
        out.append(row)
    return out


def role_rows(roles: list[dict], offset: int = 0) -> list[dict]:
    """One dict per role (``doc._.roles``: person, title, organization, country)."""
    return [{"person": r["person"], "person_id": entity_id("PERSON", r["person"]),
             "title": r["title"], "org": r["org"],
             "org_id": entity_id(r["org_label"], r["org"]) if r["org"] else None,
             "country": r["country"], "start": r["start"] + offset, "end": r["end"] + offset}
            for r in roles]
