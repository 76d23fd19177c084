"""The Python API: the assembled pipeline and the extraction of one text.

    import pipeline
    nlp = pipeline.load()
    rows = pipeline.extract("Paris, lundi …", published="2024-05-02")
    frame = pipeline.extract_frame([text1, text2])
"""
from __future__ import annotations

from typing import Iterable, Optional

from .batch.reader import read_article
from .extraction.nlp import load, make_doc
from .extraction.rows import mention_rows


def extract(text: str, published: Optional[str] = None, nlp=None) -> list[dict]:
    """The mentions of ``text``, one dict each, with the ``mentions`` table's columns
    that belong to a text (start, end, label, text, norm, entity_id, sentence_id,
    sentence and the typed values).

    ``text`` is read as an article file is: a `` date YYYY-MM-DD`` header line gives
    the publication date, boilerplate lines are left out, offsets are into ``text``.
    ``published`` (``YYYY-MM-DD``) overrides the header: relative dates and weekdays
    resolve against it.
    """
    nlp = nlp or load()
    return mention_rows(_doc(nlp, text, published))


def extract_frame(texts: Iterable[str], published: Optional[str] = None, nlp=None):
    """The mentions of several texts as one pandas DataFrame, with a ``doc`` column
    (the text's position in ``texts``)."""
    import pandas as pd

    nlp = nlp or load()
    rows = []
    for i, text in enumerate(texts):
        rows.extend({"doc": i, **r} for r in mention_rows(_doc(nlp, text, published)))
    cols = ["doc", "start", "end", "label", "text", "norm", "entity_id", "sentence_id",
            "sentence", "country", "date_value", "date_start", "date_end", "date_precision", "amount",
            "currency", "value", "unit"]
    return pd.DataFrame(rows, columns=cols)


def _doc(nlp, text: str, published: Optional[str]):
    art = read_article(text.encode("utf-8"))
    return nlp(make_doc(nlp, art.prose, published or art.published))
