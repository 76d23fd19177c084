"""Small charts as inline SVG strings: horizontal bars, stacked columns, a scatter of
dates and a histogram.

The report draws with these so that it needs nothing beyond the base install
(matplotlib is only in the notebook extra) and stays one self-contained page:
text in the charts is real text (selectable, searchable, sharp at any zoom) and
every bar, column and point carries a `<title>` the browser shows on hover.
Pure functions: data in, markup out.
"""
from __future__ import annotations

import html
import math
from datetime import date
from typing import Sequence

FONT = 'font-family="system-ui,\'DejaVu Sans\',sans-serif"'
AXIS = "#555"
GRID = "#e4e4e4"


def _e(s) -> str:
    return html.escape(str(s), quote=True)


def _num(v: float) -> str:
    return f"{v:g}" if abs(v) < 1e6 else f"{v:,.0f}"


def _short(s: str, n: int = 60) -> str:
    s = str(s)
    return s if len(s) <= n else s[: n - 1] + "…"


def nice_ticks(lo: float, hi: float, n: int = 5, integer: bool = False) -> list[float]:
    """About `n` round tick values covering [lo, hi] (1, 2, 5 × 10^k steps)."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    if integer:
        step = max(1, round(step))
    start = math.floor(lo / step) * step
    ticks, v = [], start
    while v <= hi + step * 1e-9:
        ticks.append(round(v, 10))
        v += step
    if ticks[-1] < hi:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _svg(width: int, height: int, title: str, body: str) -> str:
    return (f'<svg class="chart" role="img" aria-label="{_e(title)}" xmlns="http://www.w3.org/2000/svg" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" {FONT}>'
            f'<rect width="100%" height="100%" fill="#fff"/>'
            f'<text x="8" y="18" font-size="14" font-weight="600">{_e(title)}</text>{body}</svg>')


def barh(labels: Sequence[str], values: Sequence[float], title: str, color: str,
         xlabel: str = "articles", colors: Sequence[str] | None = None, width: int = 720) -> str:
    """One horizontal bar per label, top to bottom, value written at the bar's end."""
    # labels cut to what fits the left margin (about 6.6 px a character at 11 px)
    row, top = 22, 32
    left = max(60, min(360, 14 + 6.6 * max(len(str(s)) for s in labels)))
    fit = round((left - 14) / 6.6)
    shown = [_short(s, fit) for s in labels]
    plot_w = width - left - 50
    height = top + row * len(labels) + 40
    ticks = nice_ticks(0, max(max(values), 1), integer=all(float(v).is_integer() for v in values))
    scale = plot_w / ticks[-1]
    parts = []
    for t in ticks:
        x = left + t * scale
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + row * len(labels)}" stroke="{GRID}"/>'
                     f'<text x="{x:.1f}" y="{top + row * len(labels) + 14}" font-size="10" '
                     f'text-anchor="middle" fill="{AXIS}">{_num(t)}</text>')
    for i, (lab, short, v) in enumerate(zip(labels, shown, values)):
        y = top + i * row
        c = colors[i] if colors else color
        parts.append(
            f'<g><title>{_e(lab)}: {_num(v)} {_e(xlabel)}</title>'
            f'<text x="{left - 6}" y="{y + row / 2 + 4:.1f}" font-size="11" text-anchor="end">{_e(short)}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{max(v * scale, 0.5):.1f}" height="{row - 6}" '
            f'fill="{c}" stroke="{AXIS}" stroke-width="0.5"/>'
            f'<text x="{left + v * scale + 4:.1f}" y="{y + row / 2 + 4:.1f}" font-size="10">{_num(v)}</text></g>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 6}" font-size="11" '
                 f'text-anchor="middle" fill="{AXIS}">{_e(xlabel)}</text>')
    return _svg(width, height, title, "".join(parts))


def stacked_columns(categories: Sequence[str], series: dict[str, Sequence[float]],
                    colors: dict[str, str], title: str, ylabel: str = "mentions",
                    width: int = 720, height: int = 300) -> str:
    """One column per category, stacked by series, with a legend on the right."""
    left, top, bottom, legend_w = 48, 32, 56, 110
    plot_w, plot_h = width - left - legend_w, height - top - bottom
    totals = [sum(s[i] for s in series.values()) for i in range(len(categories))]
    ticks = nice_ticks(0, max(max(totals, default=0), 1), integer=True)
    scale = plot_h / ticks[-1]
    slot = plot_w / max(len(categories), 1)
    bar_w = min(48, slot * 0.7)
    base_y = top + plot_h
    parts = []
    for t in ticks:
        y = base_y - t * scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>'
                     f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="10" text-anchor="end" fill="{AXIS}">{_num(t)}</text>')
    rotate = len(categories) > 6
    for i, cat in enumerate(categories):
        x = left + slot * i + (slot - bar_w) / 2
        y = base_y
        for name, vals in series.items():
            v = vals[i]
            if not v:
                continue
            h = v * scale
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{colors.get(name, "#ddd")}" stroke="{AXIS}" stroke-width="0.4">'
                         f'<title>{_e(cat)} · {_e(name)}: {_num(v)}</title></rect>')
        cx = x + bar_w / 2
        label = (f'<text x="{cx:.1f}" y="{base_y + 14}" font-size="10" text-anchor="end" '
                 f'transform="rotate(-40 {cx:.1f} {base_y + 14})">{_e(cat)}</text>' if rotate else
                 f'<text x="{cx:.1f}" y="{base_y + 14}" font-size="10" text-anchor="middle">{_e(cat)}</text>')
        parts.append(label)
    parts.append(f'<line x1="{left}" y1="{base_y}" x2="{left + plot_w}" y2="{base_y}" stroke="{AXIS}"/>'
                 f'<text x="12" y="{top + plot_h / 2:.1f}" font-size="11" fill="{AXIS}" text-anchor="middle" '
                 f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{_e(ylabel)}</text>')
    for j, name in enumerate(series):
        ly = top + j * 16
        lx = left + plot_w + 14
        parts.append(f'<rect x="{lx}" y="{ly}" width="11" height="11" fill="{colors.get(name, "#ddd")}" '
                     f'stroke="{AXIS}" stroke-width="0.5"/><text x="{lx + 16}" y="{ly + 10}" font-size="10">{_e(name)}</text>')
    return _svg(width, height, title, "".join(parts))


def date_scatter(points: Sequence[tuple[date, date, str]], title: str, color: str,
                 xlabel: str, ylabel: str, width: int = 640, height: int = 360) -> str:
    """(x date, y date, hover text) points, with the diagonal x = y dashed."""
    left, top, bottom, right = 78, 32, 48, 20
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = [p[0].toordinal() for p in points]
    ys = [p[1].toordinal() for p in points]
    lo, hi = min(xs + ys), max(xs + ys)
    if hi == lo:
        lo, hi = lo - 15, hi + 15
    pad = (hi - lo) * 0.05
    lo, hi = lo - pad, hi + pad

    def px(o):
        return left + (o - lo) / (hi - lo) * plot_w

    def py(o):
        return top + plot_h - (o - lo) / (hi - lo) * plot_h

    parts = [f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="{AXIS}"/>']
    for o in _date_ticks(lo, hi):
        d = date.fromordinal(o).isoformat()[:7]
        parts.append(f'<line x1="{px(o):.1f}" y1="{top}" x2="{px(o):.1f}" y2="{top + plot_h}" stroke="{GRID}"/>'
                     f'<text x="{px(o):.1f}" y="{top + plot_h + 14}" font-size="10" text-anchor="middle" fill="{AXIS}">{d}</text>'
                     f'<line x1="{left}" y1="{py(o):.1f}" x2="{left + plot_w}" y2="{py(o):.1f}" stroke="{GRID}"/>'
                     f'<text x="{left - 4}" y="{py(o) + 3:.1f}" font-size="10" text-anchor="end" fill="{AXIS}">{d}</text>')
    parts.append(f'<line x1="{px(lo):.1f}" y1="{py(lo):.1f}" x2="{px(hi):.1f}" y2="{py(hi):.1f}" '
                 f'stroke="#999" stroke-dasharray="5 4"><title>same day</title></line>')
    for (x, y, tip), xo, yo in zip(points, xs, ys):
        parts.append(f'<circle cx="{px(xo):.1f}" cy="{py(yo):.1f}" r="4.5" fill="{color}" stroke="{AXIS}" '
                     f'stroke-width="0.6" fill-opacity="0.85"><title>{_e(tip)}</title></circle>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 8}" font-size="11" text-anchor="middle" fill="{AXIS}">{_e(xlabel)}</text>'
                 f'<text x="12" y="{top + plot_h / 2:.1f}" font-size="11" text-anchor="middle" fill="{AXIS}" '
                 f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{_e(ylabel)}</text>')
    return _svg(width, height, title, "".join(parts))


def _date_ticks(lo: float, hi: float) -> list[int]:
    """First days of months (or years, over long spans) inside [lo, hi], at most ~7."""
    a, b = date.fromordinal(math.ceil(lo)), date.fromordinal(math.floor(hi))
    months = (b.year - a.year) * 12 + b.month - a.month
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600) if months / s <= 7)
    out, y, m = [], a.year, a.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        d = date(y, m, 1)
        if d > b:
            break
        if ((y * 12 + m - 1) % step) == 0:
            out.append(d.toordinal())
    return out or [math.ceil(lo)]


def histogram(values: Sequence[float], title: str, color: str, xlabel: str, bins: int = 20,
              lo: float | None = None, hi: float | None = None, width: int = 640,
              height: int = 280) -> str:
    """Counts of `values` in `bins` equal bins over [lo, hi]."""
    lo = min(values) if lo is None else lo
    hi = max(values) if hi is None else hi
    if hi <= lo:
        hi = lo + 1
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int((v - lo) / (hi - lo) * bins)))] += 1
    left, top, bottom, right = 48, 32, 44, 20
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(0, max(max(counts), 1), integer=True)
    scale = plot_h / ticks[-1]
    base_y = top + plot_h
    bw = plot_w / bins
    parts = []
    for t in ticks:
        y = base_y - t * scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>'
                     f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="10" text-anchor="end" fill="{AXIS}">{_num(t)}</text>')
    for i, c in enumerate(counts):
        a, b = lo + (hi - lo) * i / bins, lo + (hi - lo) * (i + 1) / bins
        if c:
            parts.append(f'<rect x="{left + i * bw:.1f}" y="{base_y - c * scale:.1f}" width="{bw:.1f}" '
                         f'height="{c * scale:.1f}" fill="{color}" stroke="{AXIS}" stroke-width="0.5">'
                         f'<title>{_num(a)} to {_num(b)}: {c}</title></rect>')
    for t in nice_ticks(lo, hi):
        if lo <= t <= hi:
            x = left + (t - lo) / (hi - lo) * plot_w
            parts.append(f'<text x="{x:.1f}" y="{base_y + 14}" font-size="10" text-anchor="middle" fill="{AXIS}">{_num(t)}</text>')
    parts.append(f'<line x1="{left}" y1="{base_y}" x2="{left + plot_w}" y2="{base_y}" stroke="{AXIS}"/>'
                 f'<text x="{left + plot_w / 2:.1f}" y="{height - 8}" font-size="11" text-anchor="middle" fill="{AXIS}">{_e(xlabel)}</text>')
    return _svg(width, height, title, "".join(parts))
