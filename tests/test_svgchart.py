"""The report's SVG charts: well-formed, values on hover, labels cut to fit."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from pipeline.outputs import svgchart

NS = "{http://www.w3.org/2000/svg}"


def test_barh_is_valid_svg_with_every_value():
    svg = svgchart.barh(["Maroc", "Côte d'Ivoire & Sénégal"], [5, 1], "Pays <cités>", "#f7c873")
    root = ET.fromstring(svg)                                  # well-formed: names are escaped
    assert root.tag == NS + "svg" and root.get("class") == "chart"
    titles = [t.text for t in root.iter(NS + "title")]
    assert titles == ["Maroc: 5 articles", "Côte d'Ivoire & Sénégal: 1 articles"]
    assert len(list(root.iter(NS + "rect"))) == 3               # background + two bars


def test_barh_keeps_short_labels_and_cuts_long_ones():
    long = "ministère des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l'étranger"
    root = ET.fromstring(svgchart.barh(["MAD", long], [1, 2], "t", "#000"))
    shown = [t.text for t in root.iter(NS + "text") if t.get("text-anchor") == "end"]
    assert shown[0] == "MAD"
    assert shown[1].endswith("…") and len(shown[1]) < len(long)
    assert [t.text for t in root.iter(NS + "title")][1] == f"{long}: 2 articles"   # full name on hover


def test_nice_ticks():
    assert svgchart.nice_ticks(0, 44, integer=True) == [0, 10, 20, 30, 40, 50]
    assert svgchart.nice_ticks(0, 1, integer=True) == [0, 1]


def test_stacked_scatter_and_histogram_parse():
    ET.fromstring(svgchart.stacked_columns(["2025-04", "unknown"], {"PERSON": [1, 2], "DATE": [0, 3]},
                                           {"PERSON": "#f4a7b9"}, "Mentions per month"))
    scatter = svgchart.date_scatter([(date(2026, 2, 5), date(2026, 2, 4), "mercredi"),
                                     (date(2025, 4, 1), date(2024, 1, 1), "2024")],
                                    "Dates", "#c8d870", "publication date", "date mentioned")
    assert len(list(ET.fromstring(scatter).iter(NS + "circle"))) == 2
    hist = ET.fromstring(svgchart.histogram([12.0, 148.0, 3.5], "Percentages", "#e6b3e6", "value (%)",
                                            lo=0, hi=148))
    assert sum(1 for r in hist.iter(NS + "rect") if r.find(NS + "title") is not None) == 3
