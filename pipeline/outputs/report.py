"""The per-drop HTML report: one self-contained page for the people who read the tables.

Everything is read back from the Parquet tables (never from the extraction in
memory), so the page shows what a reader of the tables gets.  Charts are inline
SVG (``svgchart``), so the base install draws them; the only script is a few lines
of inline JavaScript that sort tables.  No network, no external file.

The tables do not hold the article text, so the highlighted articles read the
files back from their drop folders (``drops``, default ``data/raw/<drop>``),
checking the bytes still hash to the article's id; when a file cannot be found,
the article is shown as the sentences stored with its mentions.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
from collections import Counter, namedtuple
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from . import svgchart
from ..batch.schemas import TABLES
from ..extraction.mention import LABELS
from ..extraction.overlaps import leftmost_first

REPO = Path(__file__).resolve().parents[2]

# One colour per label, shared by the highlighted text, the legend and the charts.
LABEL_COLORS = {
    "PERSON": "#f4a7b9", "MINISTRY": "#b5a3e8", "ORG": "#8fd0f0", "COUNTRY": "#f7c873",
    "LOC": "#a8e0a0", "EVENT": "#f0a870", "DATE": "#c8d870", "MONEY": "#7fdcc4",
    "PERCENT": "#e6b3e6", "QUANTITY": "#d2d2d2",
}
LABEL_HELP = {
    "PERSON": "named person", "MINISTRY": "ministry or state secretariat",
    "ORG": "other organization", "COUNTRY": "sovereign state", "LOC": "other place",
    "EVENT": "named event", "DATE": "point or period of time", "MONEY": "amount with currency",
    "PERCENT": "percentage", "QUANTITY": "number with what it counts",
}
TOP_N = 15
# Past this many articles the page would get too heavy for a browser: the rest
# are listed, not rendered (the tables have them all).
MAX_RENDERED_ARTICLES = 500

# displaCy's entity template plus a tooltip with the normalized value.
_ENT_TEMPLATE = (
    '<mark class="entity" title="{norm}" style="background: {bg};">{text}'
    '<span class="elabel">{label}{kb_link}</span></mark>'
)


_BREAKS = re.compile(r"(?:<br>\s*){3,}")


# --------------------------------------------------------------------------- tables

@dataclass
class Tables:
    articles: pd.DataFrame
    mentions: pd.DataFrame
    roles: pd.DataFrame
    entities: pd.DataFrame
    runs: pd.DataFrame
    drop_counts: pd.Series          # mentions per drop over every drop (for context)


def read_table(out_dir: Path, table: str, drop: Optional[str] = None,
               columns: Optional[list[str]] = None) -> pd.DataFrame:
    """One table as a DataFrame (`drop` always a string, even for a drop named `2024`);
    empty with the right columns when absent."""
    schema = TABLES[table]
    path = Path(out_dir) / table
    files = sorted(p for p in path.rglob("*.parquet") if not p.name.startswith((".", "_"))) \
        if path.is_dir() else []
    if not files:
        t = schema.empty_table()
        return (t.select(columns) if columns else t).to_pandas()
    # `drop` is a column of the files (store.py): no partition folder to parse
    dataset = ds.dataset([str(f) for f in files], schema=schema, format="parquet")
    flt = (ds.field("drop") == drop) if drop is not None and "drop" in schema.names else None
    return dataset.to_table(columns=columns, filter=flt).to_pandas()


def load_tables(out_dir: Path, drop: Optional[str] = None) -> Tables:
    out_dir = Path(out_dir)
    all_drops = read_table(out_dir, "mentions", columns=["drop"])
    return Tables(
        articles=read_table(out_dir, "articles", drop),
        mentions=read_table(out_dir, "mentions", drop),
        roles=read_table(out_dir, "roles", drop),
        entities=read_table(out_dir, "entities"),
        runs=read_table(out_dir, "runs", drop),
        drop_counts=all_drops["drop"].value_counts().sort_index(),
    )


# --------------------------------------------------------------------------- aggregates

def _names(t: Tables) -> dict[str, str]:
    """entity_id -> display name (entities.name, else the norm)."""
    names = dict(zip(t.mentions["entity_id"], t.mentions["norm"]))
    names.update(zip(t.entities["entity_id"], t.entities["name"]))
    return {k: v for k, v in names.items() if isinstance(k, str)}


def top_entities(t: Tables, label: str, n: int = TOP_N) -> pd.DataFrame:
    """Entities of a label by number of articles (then mentions): entity_id, name,
    n_articles, n_mentions."""
    m = t.mentions[(t.mentions["label"] == label) & t.mentions["entity_id"].notna()]
    if m.empty:
        return pd.DataFrame(columns=["entity_id", "name", "n_articles", "n_mentions"])
    g = (m.groupby("entity_id")
          .agg(n_articles=("article_id", "nunique"), n_mentions=("mention_id", "size"))
          .reset_index())
    names = _names(t)
    g["name"] = g["entity_id"].map(names)
    g = g.sort_values(["n_articles", "n_mentions", "name"], ascending=[False, False, True])
    return g.head(n)[["entity_id", "name", "n_articles", "n_mentions"]].reset_index(drop=True)


def person_titles(roles: pd.DataFrame) -> dict[str, tuple[str, Optional[str]]]:
    """person_id -> (title, org or None): the office most often stated for them."""
    out = {}
    if roles.empty:
        return out
    for pid, g in roles.groupby("person_id"):
        pairs = Counter((title, org if isinstance(org, str) else None)
                        for title, org in zip(g["title"], g["org"]))
        out[pid] = pairs.most_common(1)[0][0]
    return out


def _with_published(t: Tables) -> pd.DataFrame:
    """Mentions with their article's `published` and `published_date` (derived from
    `published` for tables written before that column existed)."""
    a = t.articles.set_index("article_id")
    typed = a["published_date"]
    if typed.isna().any():
        pub = a["published"].dropna()
        parsed = pd.to_datetime(pub.where(pub.str.len() == 10, pub + "-01"), errors="coerce").dt.date
        typed = typed.where(typed.notna(), parsed.reindex(typed.index))
    m = t.mentions.copy()
    m["published"] = m["article_id"].map(a["published"])
    m["published_date"] = m["article_id"].map(typed)
    return m


def mentions_per_month(t: Tables) -> pd.DataFrame:
    """Mentions per publication month (rows) and label (columns); `unknown` last."""
    m = _with_published(t)
    if m.empty:
        return pd.DataFrame()
    m["month"] = m["published"].str.slice(0, 7).fillna("unknown")
    table = pd.crosstab(m["month"], m["label"])
    order = sorted(i for i in table.index if i != "unknown") + \
        (["unknown"] if "unknown" in table.index else [])
    cols = [lab for lab in LABELS if lab in table.columns]
    return table.loc[order, cols]


# --------------------------------------------------------------------------- charts
# Inline SVG (svgchart.py): the base install draws every chart, no matplotlib.

def _short(s: str, n: int = 60) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def _none(what: str) -> str:
    return f'<p class="none">No {html.escape(what)} in this drop.</p>'


def barh_chart(labels: list[str], values: list[float], title: str, color: str,
               xlabel: str = "articles", colors: Optional[list[str]] = None) -> str:
    if not labels:
        return _none(title.lower())
    return svgchart.barh([str(x) for x in labels], [float(v) for v in values], title, color,
                         xlabel=xlabel, colors=colors)


def stacked_month_chart(table: pd.DataFrame, title: str) -> str:
    if table.empty:
        return _none("mentions")
    series = {lab: [int(v) for v in table[lab].tolist()] for lab in table.columns}
    return svgchart.stacked_columns([str(i) for i in table.index], series, LABEL_COLORS, title)


def dates_chart(t: Tables) -> str:
    """DATE mentions' first day against the article's publication date."""
    m = _with_published(t)
    m = m[(m["label"] == "DATE") & m["date_start"].notna() & m["published_date"].notna()]
    if m.empty:
        return _none("dates with a known day in dated articles")
    title = "Dates mentioned against publication dates"
    points = [(p, d, f"{text}: {d} (published {p})")
              for p, d, text in zip(m["published_date"], m["date_start"], m["text"])]
    return svgchart.date_scatter(points, title, LABEL_COLORS["DATE"], "publication date",
                                 "date mentioned (first day)")


def percent_chart(values: list[float]) -> str:
    if not values:
        return _none("percentages")
    return svgchart.histogram(values, "Percentages mentioned", LABEL_COLORS["PERCENT"], "value (%)",
                              lo=min(0.0, min(values)), hi=max(100.0, max(values)))


# --------------------------------------------------------------------------- html pieces

def fmt_amount(x: float) -> str:
    """157000000000.0 -> '157 000 000 000' (French grouping, thin spaces)."""
    if x is None or pd.isna(x):
        return ""
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s.replace(",", "\u202f").replace(".", ",")


def html_table(df: pd.DataFrame, numeric: tuple[str, ...] = (), caption: str = "",
               cls: str = "sortable") -> str:
    """A plain HTML table; numeric columns carry their raw value for sorting."""
    if df.empty:
        return _none(caption.lower() or "rows")
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False):
        cells = []
        for col, v in zip(df.columns, rec):
            if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)):
                cells.append('<td class="null">–</td>')
            elif col in numeric:
                shown = fmt_amount(v) if isinstance(v, float) else f"{v}"
                cells.append(f'<td class="num" data-v="{float(v)!r}">{shown}</td>')
            else:
                cells.append(f"<td>{html.escape(str(v))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f'<table class="{cls}">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def legend() -> str:
    items = "".join(
        f'<span class="legend-item" title="{html.escape(LABEL_HELP[lab])}">'
        f'<span class="swatch" style="background:{LABEL_COLORS[lab]}"></span>{lab}'
        f'<small> {html.escape(LABEL_HELP[lab])}</small></span>'
        for lab in LABELS)
    return f'<div class="legend" id="legend">{items}</div>'


# --------------------------------------------------------------------------- articles

def default_drop_dirs(drop_names, runs: Optional[pd.DataFrame] = None) -> dict[str, Path]:
    """Where each drop's files are: the folder its latest run read (`runs.drop_path`),
    else `data/raw/<drop>` relative to the working directory, else to the repository."""
    recorded: dict[str, str] = {}
    if runs is not None and not runs.empty and "drop_path" in runs:
        for r in runs.sort_values("started_at").itertuples(index=False):
            if isinstance(r.drop_path, str) and Path(r.drop_path).is_dir():
                recorded[r.drop] = r.drop_path
    found = {}
    for name in drop_names:
        candidates = ([Path(recorded[name])] if name in recorded else []) + \
            [Path("data/raw") / name, REPO / "data" / "raw" / name]
        for path in candidates:
            if path.is_dir():
                found[name] = path
                break
    return found


def available_drops(out_dir: Path) -> list[str]:
    """Names of the drops that have articles in the tables."""
    return sorted(set(read_table(Path(out_dir), "articles", columns=["drop"])["drop"].dropna()))


def article_text(drop_dir: Optional[Path], source: str, article_id: str) -> Optional[str]:
    """The decoded text of an article file, or None when it is gone, outside the drop
    folder, or no longer the bytes that were processed (the offsets would be wrong)."""
    if drop_dir is None:
        return None
    from ..batch.reader import BadInput, article_id as hash_id, decode
    root = Path(drop_dir).resolve()
    path = (root / source).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if hash_id(data) != article_id:
        return None
    try:
        return decode(data)[0]
    except BadInput:
        return None


def _non_overlapping(spans: list[dict]) -> list[dict]:
    return leftmost_first(spans, span=lambda s: (s["start"], s["end"]))


def _displacy(text: str, spans: list[dict]) -> str:
    from spacy import displacy
    options = {"colors": LABEL_COLORS, "ents": list(LABELS), "template": _ENT_TEMPLATE}
    markup = displacy.render({"text": text, "ents": _non_overlapping(spans), "title": None},
                             style="ent", manual=True, page=False, jupyter=False, options=options)
    # blank lines between paragraphs: at most one empty line on the page
    return _BREAKS.sub("<br><br>", markup)


def _span(row, offset: int) -> dict:
    norm = row.norm if isinstance(row.norm, str) else ""
    return {"start": int(row.start) - offset, "end": int(row.end) - offset, "label": row.label,
            "params": {"norm": html.escape(f"{row.label}: {norm}" if norm else row.label)}}


_Mention = namedtuple("_Mention", "start end label norm")


def render_article_text(text: str, art, mentions: pd.DataFrame) -> str:
    """The article's prose (header and footer left out) with its mentions highlighted."""
    lo, hi = 0, len(text)
    if pd.notna(art.body_end) and art.body_end > art.body_start:
        lo, hi = int(art.body_start), int(art.body_end)
    if not mentions.empty:
        lo, hi = min(lo, int(mentions["start"].min())), max(hi, int(mentions["end"].max()))
    # columns to lists, not itertuples: that builds a namedtuple class per call, which
    # was most of the report's time on a 1,000-article drop
    rows = map(_Mention, *(mentions[c].tolist() for c in _Mention._fields))
    spans = [_span(r, lo) for r in rows if 0 <= r.start - lo and r.end <= hi]
    return _displacy(text[lo:hi], spans)


def render_from_sentences(mentions: pd.DataFrame) -> str:
    """Without the file: each stored sentence, with the mentions located in it."""
    parts = []
    for _, g in mentions.sort_values(["sentence_id", "start"]).groupby("sentence_id", sort=True):
        sentence = g["sentence"].iloc[0]
        if not isinstance(sentence, str) or not sentence:
            continue
        spans, pos = [], 0
        for r in g.itertuples(index=False):
            i = sentence.find(r.text, pos)
            if i < 0:
                continue
            spans.append(_span(r, 0) | {"start": i, "end": i + len(r.text)})
            pos = i + len(r.text)
        parts.append(_displacy(sentence, spans))
    return "".join(parts) or '<p class="none">No mentions.</p>'


def articles_section(t: Tables, drops: dict[str, Path]) -> str:
    ok = t.articles[t.articles["status"] == "ok"].sort_values(["drop", "source"])
    if ok.empty:
        return _none("processed articles")
    by_article = {aid: g for aid, g in t.mentions.groupby("article_id")}
    counts_of: dict[str, dict[str, int]] = {}
    for (aid, lab), n in t.mentions.groupby(["article_id", "label"]).size().items():
        counts_of.setdefault(aid, {})[lab] = int(n)
    empty = t.mentions.iloc[0:0]
    blocks = []
    for i, art in enumerate(ok.itertuples(index=False)):
        heading = art.title if isinstance(art.title, str) and art.title else art.source
        meta = [f"<code>{html.escape(art.drop)}/{html.escape(art.source)}</code>"]
        if isinstance(art.published, str):
            meta.append(f"published {html.escape(art.published)}")
        if isinstance(art.outlet, str):
            meta.append(html.escape(art.outlet))
        ms = by_article.get(art.article_id, empty)
        counts = counts_of.get(art.article_id, {})
        meta.append(f"{len(ms)} mentions" + (": " + ", ".join(
            f"{lab} {counts[lab]}" for lab in LABELS if lab in counts) if len(ms) else ""))
        if i >= MAX_RENDERED_ARTICLES:
            blocks.append(f'<li>{html.escape(heading)} — {" · ".join(meta)}</li>')
            continue
        text = article_text(drops.get(art.drop), art.source, art.article_id)
        if text is not None:
            body = render_article_text(text, art, ms)
        else:
            body = ('<p class="note">Article file not found (or changed) under the drop '
                    'folder: showing the stored sentences that hold its mentions.</p>'
                    + render_from_sentences(ms))
        blocks.append(
            f'<details class="article" id="a-{html.escape(art.article_id)}"{" open" if i < 3 else ""}>'
            f'<summary><strong>{html.escape(heading)}</strong></summary>'
            f'<p class="meta">{" · ".join(meta)}</p>{body}</details>')
    rendered = "".join(b for b in blocks if b.startswith("<details"))
    listed = [b for b in blocks if b.startswith("<li>")]
    more = (f"<p class='note'>{len(listed)} more articles, not rendered to keep the page "
            f"light:</p><ul>{''.join(listed)}</ul>") if listed else ""
    return legend() + rendered + more


# --------------------------------------------------------------------------- page

def _summary(t: Tables, drop: Optional[str]) -> str:
    a = t.articles
    n_ok = int((a["status"] == "ok").sum())
    n_failed = int((a["status"] == "failed").sum())
    stats = [("articles", len(a)), ("processed", n_ok), ("failed", n_failed),
             ("mentions", len(t.mentions)), ("roles", len(t.roles)),
             ("distinct entities", t.mentions["entity_id"].nunique())]
    cards = "".join(f'<div class="card"><div class="big">{v}</div>{html.escape(k)}</div>'
                    for k, v in stats)
    counts = t.mentions["label"].value_counts()
    labs = [lab for lab in LABELS if lab in counts]
    by_label = pd.DataFrame({"label": labs, "mentions": [int(counts[lab]) for lab in labs],
                             "articles": [int(t.mentions.loc[t.mentions["label"] == lab, "article_id"].nunique())
                                          for lab in labs]})
    failures = a[a["status"] == "failed"].sort_values("source")[["source", "error", "n_bytes"]]
    warned = a[a["warnings"].notna()].sort_values("source")[["source", "warnings"]]
    runs = t.runs.sort_values("started_at", ascending=False).head(10).copy()
    if not runs.empty:
        runs["started_at"] = runs["started_at"].dt.strftime("%Y-%m-%d %H:%M:%S UTC")
        runs = runs[["run_id", "drop", "started_at", "n_seen", "n_new", "n_skipped",
                     "n_failed", "status", "pipeline_version"]]
    versions = ", ".join(sorted(a["pipeline_version"].dropna().unique())) or "–"
    chart = ""
    if labs:
        chart = barh_chart(labs, by_label["mentions"].tolist(), "Mentions by label",
                           "#8fa8d8", xlabel="mentions")
    return (
        f'<div class="cards">{cards}</div>'
        f'<p class="meta">Pipeline version(s): <code>{html.escape(versions)}</code></p>'
        f'<h3>Mentions by label</h3><div class="row">{chart}'
        f'{html_table(by_label, numeric=("mentions", "articles"), caption="Mentions by label")}</div>'
        f'<h3 id="failures">Failures ({n_failed})</h3>'
        + (html_table(failures, numeric=("n_bytes",), caption="Failed articles and why")
           if n_failed else '<p class="none">No article failed.</p>')
        + (f'<h3>Warnings ({len(warned)})</h3>' + html_table(warned, caption="Problems worked around")
           if len(warned) else "")
        + '<h3>Runs</h3>' + html_table(runs, numeric=("n_seen", "n_new", "n_skipped", "n_failed"),
                                       caption="Latest runs"))


def _who(t: Tables) -> str:
    titles = person_titles(t.roles)
    people = top_entities(t, "PERSON")
    people_labels = [f"{n} — {titles[e][0]}" if e in titles else n
                     for e, n in zip(people["entity_id"], people["name"])]
    parts = [barh_chart(people_labels, people["n_articles"].tolist(),
                        "Top people by number of articles (with their office)", LABEL_COLORS["PERSON"])]
    if not people.empty:
        office = {e: f"{t}, {o}" if o else t for e, (t, o) in titles.items()}
        ptab = people.assign(office=people["entity_id"].map(office))[
            ["name", "office", "n_articles", "n_mentions"]]
        parts.append(html_table(ptab, numeric=("n_articles", "n_mentions"), caption="People"))
    for label, title in (("MINISTRY", "Ministries"), ("ORG", "Organizations"),
                         ("COUNTRY", "Countries")):
        top = top_entities(t, label)
        parts.append(barh_chart(top["name"].tolist(), top["n_articles"].tolist(),
                                f"{title} by number of articles", LABEL_COLORS[label]))
    return "".join(f'<div class="chartbox">{p}</div>' for p in parts)


def _when(t: Tables, drop: Optional[str]) -> str:
    month = stacked_month_chart(mentions_per_month(t), "Mentions per publication month")
    dc = t.drop_counts
    colors = ["#4a78c2" if (drop is None or d == drop) else "#c9d3e6" for d in dc.index]
    if dc.empty:
        per_drop = _none("mentions")
    else:
        per_drop = barh_chart([str(d) for d in dc.index], dc.tolist(),
                              "Mentions per drop" + (" (this drop in dark blue)" if drop else ""),
                              "#4a78c2", xlabel="mentions", colors=colors)
    return "".join(f'<div class="chartbox">{p}</div>' for p in (month, per_drop, dates_chart(t)))


def _figures(t: Tables) -> str:
    m = t.mentions
    arts = t.articles.set_index("article_id")["source"]
    money = m[(m["label"] == "MONEY") & m["amount"].notna()].copy()
    money["source"] = money["article_id"].map(arts)
    parts = []
    if money.empty:
        parts.append(_none("amounts of money"))
    else:
        cur = (money.assign(currency=money["currency"].fillna("?"))
               .groupby("currency")
               .agg(mentions=("amount", "size"), total=("amount", "sum"), largest=("amount", "max"))
               .reset_index().sort_values("mentions", ascending=False))
        parts.append('<div class="row">' + barh_chart(
            cur["currency"].tolist(), cur["mentions"].tolist(), "Amounts by currency",
            LABEL_COLORS["MONEY"], xlabel="mentions")
            + html_table(cur, numeric=("mentions", "total", "largest"),
                         caption="Amounts by currency (totals add up every mention)") + "</div>")
        largest = money.sort_values("amount", ascending=False).head(25)
        parts.append("<h3>Largest amounts</h3><p class='note'>Not converted between currencies; "
                     "click a column head to sort.</p>" + html_table(
                         largest[["amount", "currency", "text", "sentence", "source"]],
                         numeric=("amount",), caption="Largest amounts, with their sentence"))
    pct = m[(m["label"] == "PERCENT") & m["value"].notna()].copy()
    pct["source"] = pct["article_id"].map(arts)
    parts.append("<h3>Percentages</h3>")
    if pct.empty:
        parts.append(_none("percentages"))
    else:
        parts.append(percent_chart(pct["value"].tolist()))
        parts.append(html_table(pct.sort_values("value", ascending=False).head(100)[
            ["value", "text", "sentence", "source"]], numeric=("value",),
            caption="Percentages, with their sentence"))
    return "".join(parts)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#23395d;color:#fff;padding:1em 2em}header h1{margin:0 0 .2em;font-size:1.5em}
header p{margin:0;opacity:.85}nav{padding:.5em 2em;background:#e8edf5;position:sticky;top:0;z-index:2}
nav a{margin-right:1.2em;color:#23395d;text-decoration:none;font-weight:600}
main{max-width:1200px;margin:0 auto;padding:0 2em 3em}section{margin-top:1.5em}
h2{border-bottom:2px solid #23395d;padding-bottom:.2em}h3{margin:1.2em 0 .4em}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em 1.2em;min-width:7em;text-align:center}
.big{font-size:1.8em;font-weight:700;color:#23395d}.row{display:flex;gap:1.5em;flex-wrap:wrap;align-items:flex-start}
.chartbox{margin:.8em 0}.chart{max-width:100%;height:auto;background:#fff;border:1px solid #e2e2e2;border-radius:4px}
table{border-collapse:collapse;background:#fff;font-size:.85em;margin:.5em 0;max-width:100%}
caption{text-align:left;font-weight:600;padding:.3em 0}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#eef1f6;cursor:pointer;white-space:nowrap}th:after{content:" ⇅";color:#aaa;font-size:.8em}
td.num{text-align:right;white-space:nowrap}td.null{color:#aaa}.none,.note{color:#666;font-style:italic}
.meta{color:#555;font-size:.9em}.legend{display:flex;flex-wrap:wrap;gap:.4em 1em;margin:.8em 0;position:sticky;top:2.4em;background:#fafafa;padding:.4em 0;z-index:1}
.legend-item{display:inline-flex;align-items:center;gap:.3em;font-size:.85em;font-weight:600}.legend-item small{font-weight:400;color:#666}
.swatch{display:inline-block;width:1.1em;height:1.1em;border-radius:.25em;border:1px solid #888}
details.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em 1em;margin:.8em 0}
details.article summary{cursor:pointer;font-size:1.05em}
mark.entity{padding:.2em .35em;margin:0 .1em;line-height:1;border-radius:.35em;color:inherit}
.elabel{font-size:.65em;font-weight:700;margin-left:.35em;vertical-align:middle;opacity:.75}
.entities{line-height:2.3!important;font-size:.95em}
"""

# Click a column head to sort the table by it (numbers by their raw value).
_JS = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute("data-dir") !== "asc";
      th.setAttribute("data-dir", asc ? "asc" : "desc");
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col];
        var xv = x.hasAttribute("data-v") ? parseFloat(x.getAttribute("data-v")) : x.textContent;
        var yv = y.hasAttribute("data-v") ? parseFloat(y.getAttribute("data-v")) : y.textContent;
        var r = (typeof xv === "number" && typeof yv === "number") ? xv - yv : String(xv).localeCompare(String(yv), "fr");
        return asc ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
"""


def render_report(out_dir: Path, drop: Optional[str] = None,
                  drops: Optional[dict[str, Path]] = None) -> str:
    """The report page as a string (see ``write_report``)."""
    t = load_tables(Path(out_dir), drop)
    names = sorted(set(t.articles["drop"].dropna()))
    drop_dirs = default_drop_dirs(names, t.runs)
    drop_dirs.update({k: Path(v) for k, v in (drops or {}).items()})
    scope = f"drop {drop}" if drop else ("drops " + ", ".join(names) if names else "no drop")
    sections = [
        ("summary", "Summary", _summary(t, drop)),
        ("who", "Who and what is in the news", _who(t)),
        ("when", "When", _when(t, drop)),
        ("figures", "Figures", _figures(t)),
        ("articles", f"Articles ({int((t.articles['status'] == 'ok').sum())})",
         articles_section(t, drop_dirs)),
    ]
    nav = "".join(f'<a href="#{sid}">{html.escape(title.split(" (")[0])}</a>' for sid, title, _ in sections)
    body = "".join(f'<section id="{sid}"><h2>{html.escape(title)}</h2>{content}</section>'
                   for sid, title, content in sections)
    generated = pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>News entities report — {html.escape(scope)}</title>'
        f'<link rel="icon" href="data:,"><style>{_CSS}</style></head><body>'
        f'<header><h1>News entities — {html.escape(scope)}</h1>'
        f'<p>Tables in <code>{html.escape(str(Path(out_dir).resolve()))}</code> · generated {generated}</p></header>'
        f'<nav>{nav}</nav><main>{body}</main><script>{_JS}</script></body></html>')


def write_report(out_dir: Path, html_path: Path, drop: Optional[str] = None,
                 drops: Optional[dict[str, Path]] = None) -> Path:
    """Write the self-contained HTML report on the tables under `out_dir` (one drop,
    or all when `drop` is None) to `html_path`, atomically; returns the path.

    `drops` maps a drop name to its folder, to read the article texts back for the
    highlighted view (default: the folder the drop's latest run read, recorded in
    `runs.drop_path`, else `data/raw/<drop>` where it exists)."""
    page = render_report(out_dir, drop, drops)
    html_path = Path(html_path)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = html_path.parent / f".tmp-{hashlib.sha1(str(html_path).encode()).hexdigest()[:8]}-{html_path.name}"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, html_path)
    return html_path
