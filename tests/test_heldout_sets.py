"""Integrity of the held-out evaluation sets (data/heldout, data/heldout2, data/heldout3,
data/heldout4): they
load with the gold loader, every span is where its offsets say, labels are the contract's, spans do
not overlap, values have their label's form; the JSONL of data/heldout2, 3 and 4 is the
build of their marked sources (one builder, data/heldout2/build.py)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from pipeline.evaluate import load_gold
from pipeline.extraction.mention import LABELS

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "data" / name / "written.jsonl" for name in ("heldout", "heldout2", "heldout3", "heldout4")]
BUILT = ["heldout2", "heldout3", "heldout4"]
DATE = re.compile(r"(\d{4}|XXXX)(-(\d{2}|XX)(-(\d{2}|XX))?)?|\d{4}-(Q[1-4]|H[12]|W\d{2}|SU|WI|SP|FA)|\d{4}/\d{4}|\d{2}")  # seasons as pipeline/data/dates_fr.json


def _build_module():
    spec = importlib.util.spec_from_file_location("heldout_build", ROOT / "data" / "heldout2" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.parent.name)
def test_set_loads_and_every_mention_is_well_formed(path):
    arts = load_gold(path)
    assert arts and len({a["file"] for a in arts}) == len(arts)
    for a in arts:
        assert set(a) >= {"file", "pub_date", "title", "outlet", "text", "entities", "roles"}
        prev_end = -1
        for e in sorted(a["entities"], key=lambda e: e["start"]):
            where = (a["file"], e["start"], e["text"])
            assert e["label"] in LABELS, where
            assert a["text"][e["start"]:e["end"]] == e["text"], where
            assert e["start"] >= prev_end, ("overlap", where)
            prev_end = e["end"]
            v = e["norm"]
            if e["label"] == "MONEY":
                assert isinstance(v["amount"], (int, float)) and re.fullmatch(r"[A-Z]{3}", v["currency"]), where
            elif e["label"] == "PERCENT":
                assert isinstance(v["value"], (int, float)), where
            elif e["label"] == "QUANTITY":
                assert isinstance(v["value"], (int, float)) and v["unit"] == v["unit"].lower(), where
            elif e["label"] == "DATE":
                assert v is None or DATE.fullmatch(v), where
            elif e["label"] == "COUNTRY":
                assert re.fullmatch(r"[A-Z]{3}", v), where
            else:
                assert isinstance(v, str) and v, where
        for r in a["roles"]:
            assert set(r) == {"person", "title", "org", "country"}, (a["file"], r)


@pytest.mark.parametrize("name", BUILT)
def test_jsonl_is_the_build_of_its_sources_and_passes_its_checks(name):
    build = _build_module()
    arts = build.build(ROOT / "data" / name)
    assert [err for a in arts for err in build.check(a)] == []
    assert (ROOT / "data" / name / "written.jsonl").read_text(encoding="utf-8") == build.dumps(arts)
    assert len(arts) == 16


@pytest.mark.parametrize("marked, message", [
    ("Le [[M. Diallo|PER]] a parlé.", "honorific"),
    ("Il a levé [[près de 5 millions de dollars|MON|5e6 USD]].", "qualifier"),
    ("Elle vit au [[Sénégal|CTY|SNG]].", "country code"),
    ("Signé [[mardi|DAT|2026-03-04]] à Dakar.", "not a mardi"),
    ("Il arrive à [[Dakar .|LOC]]", "trailing punctuation"),
])
def test_heldout2_checker_rejects_annotations_that_break_the_contract(tmp_path, marked, message):
    build = _build_module()
    src = tmp_path / "a.txt"
    src.write_text(" date 2026-03-05\n" + marked + "\n", encoding="utf-8")
    errors = build.check(build.parse(src))
    assert any(message in err for err in errors), errors


def test_heldout2_offsets_are_computed_from_the_marks(tmp_path):
    build = _build_module()
    src = tmp_path / "b.txt"
    src.write_text("%% role Awa Ndiaye | ministre | - | SEN\n date 2026-03-05\n"
                   "La ministre [[Awa Ndiaye|PER]] est à [[Thiès|LOC]]. [[Ndiaye|PER]] rentre.\n",
                   encoding="utf-8")
    art = build.parse(src)
    assert art["text"].startswith(" date 2026-03-05\nLa ministre Awa Ndiaye")
    assert [(art["text"][e["start"]:e["end"]], e["norm"]) for e in art["entities"]] == [
        ("Awa Ndiaye", "Awa Ndiaye"), ("Thiès", "Thiès"), ("Ndiaye", "Awa Ndiaye")]
    assert art["roles"] == [{"person": "Awa Ndiaye", "title": "ministre", "org": None, "country": "SEN"}]
