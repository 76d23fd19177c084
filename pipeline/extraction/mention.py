"""The in-memory form of one extracted mention, shared by every extractor.

Extractors return ``Mention`` objects with character offsets into the article's
text; the resolver picks one label per stretch of text and the writer turns the
survivors into rows of the ``mentions`` table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

LABELS = ("PERSON", "MINISTRY", "ORG", "COUNTRY", "LOC", "EVENT",
          "DATE", "MONEY", "PERCENT", "QUANTITY")

# The normalized values a mention carries (columns of the mentions table, and the
# span extensions span._.norm, span._.country, …).
VALUE_FIELDS = ("norm", "country", "date_value", "date_start", "date_end", "date_precision",
                "amount", "currency", "value", "unit")

# sources of spans only a statistical model proposed (the stock or the learned ner), no rule
MODEL_SOURCES = frozenset({"model", "model_org", "model_place_org", "learned"})


@dataclass
class Mention:
    start: int
    end: int
    label: str
    text: str = ""
    norm: Optional[str] = None
    # typed values, filled where the label has them
    country: Optional[str] = None        # ISO 3166-1 alpha-3 (COUNTRY)
    date_value: Optional[str] = None     # ISO/TIMEX3 string as in ENTITIES.md (DATE)
    date_start: Optional[date] = None    # first day of the period (DATE)
    date_end: Optional[date] = None      # last day of the period (DATE)
    date_precision: Optional[str] = None  # century … day, span (DATE; see dates.precision)
    amount: Optional[float] = None       # MONEY
    currency: Optional[str] = None       # ISO 4217 (MONEY)
    value: Optional[float] = None        # PERCENT, QUANTITY
    unit: Optional[str] = None           # QUANTITY: head noun lemma
    # which rule produced it; higher priority wins an overlap of equal length
    source: str = ""
    priority: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end
