"""The `entities` table: one row per (label, norm) over every drop, rebuilt after
each run by streaming the mentions (memory grows with distinct entities, not
with mentions)."""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..batch import store
from ..batch.schemas import ENTITIES


def _published(out: Path) -> dict[str, str]:
    pub = {}
    for part in store.part_files(out, "articles"):
        t = pq.read_table(part, columns=["article_id", "published"])
        for aid, p in zip(t.column(0).to_pylist(), t.column(1).to_pylist()):
            if p:
                pub[aid] = p
    return pub


def _country_name(alpha3: str):
    """French CLDR name of a country (`MAR` → `Maroc`)."""
    import pycountry
    from babel import Locale
    c = pycountry.countries.get(alpha_3=alpha3)
    return Locale("fr").territories.get(c.alpha_2) if c else None


def _ranked(forms: Counter) -> list[str]:
    """Written forms, most frequent first; ties in alphabetical order, so the table does
    not depend on the order of the files (engines and worker counts commit differently)."""
    return [f for f, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]


def _display_name(label: str, norm: str, forms: Counter) -> str:
    if label == "COUNTRY":
        name = _country_name(norm)
        if name:
            return name
    if label in ("PERSON", "ORG", "EVENT", "MINISTRY", "LOC"):
        return norm
    return _ranked(forms)[0]


def rebuild(out: Path) -> int:
    pub = _published(out)
    forms: dict[str, Counter] = defaultdict(Counter)
    meta: dict[str, tuple[str, str]] = {}
    n_mentions: Counter = Counter()
    articles: dict[str, set] = defaultdict(set)
    for part in store.part_files(out, "mentions"):
        pf = pq.ParquetFile(part)
        for i in range(pf.num_row_groups):
            t = pf.read_row_group(i, columns=["entity_id", "label", "norm", "text", "article_id"])
            for eid, lab, norm, text, aid in zip(*(t.column(c).to_pylist() for c in range(5))):
                if eid is None:
                    continue
                meta[eid] = (lab, norm)
                forms[eid][text.replace("’", "'")] += 1
                n_mentions[eid] += 1
                articles[eid].add(aid)
    rows = []
    for eid, (lab, norm) in sorted(meta.items()):
        dates = sorted(pub[a] for a in articles[eid] if a in pub)
        rows.append({
            "entity_id": eid, "label": lab, "norm": norm,
            "name": _display_name(lab, norm, forms[eid]),
            "aliases": _ranked(forms[eid]),
            "n_mentions": n_mentions[eid], "n_articles": len(articles[eid]),
            "first_published": dates[0] if dates else None,
            "last_published": dates[-1] if dates else None,
        })
    batch = pa.RecordBatch.from_pylist(rows, schema=ENTITIES)
    return store.write_single(out, "entities", store.PART, [batch])
