"""Choosing between overlapping spans: the one helper every finder, the resolver and
the report use.  Pure, no spaCy; works on anything with a (start, end) span."""
from __future__ import annotations

from typing import Callable, Iterable, Optional, TypeVar

T = TypeVar("T")


def _start_end(x) -> tuple[int, int]:
    return x.start, x.end


def longest_first(pool: Iterable[T], span: Callable[[T], tuple[int, int]] = _start_end,
                  rank: Optional[Callable[[T], tuple]] = None,
                  chosen: Optional[list] = None) -> list:
    """Pick from ``pool`` in ``rank`` order (default: longest, then leftmost) each
    non-empty span that overlaps nothing picked yet.  With ``chosen``, earlier picks
    (spans of a higher tier) block too and the new picks are appended to it.
    Returns the list of picks, in the order picked."""
    chosen = [] if chosen is None else chosen
    if rank is None:
        def rank(x):
            s, e = span(x)
            return (s - e, s)
    taken = [span(c) for c in chosen]
    for x in sorted(pool, key=rank):
        s, e = span(x)
        if e > s and all(e <= cs or ce <= s for cs, ce in taken):
            chosen.append(x)
            taken.append((s, e))
    return chosen


def leftmost_first(pool: Iterable[T], span: Callable[[T], tuple[int, int]] = _start_end) -> list:
    """Left to right, the longer first at one start; a span that overlaps the one before
    is dropped (for display, where the first reading wins)."""
    out, end = [], -1
    for x in sorted(pool, key=lambda x: (span(x)[0], -span(x)[1])):
        s, e = span(x)
        if s >= end:
            out.append(x)
            end = e
    return out
