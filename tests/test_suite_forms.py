"""Held-out forms in the style of other parsers' public suites (tests/data/suite_forms_fr.tsv):
the whole pipeline finds at least 85% of each label's examples with the right span and value."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "suite_forms.py"
_spec = importlib.util.spec_from_file_location("suite_forms", _SCRIPT)
suite_forms = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(suite_forms)


@pytest.fixture(scope="module")
def results(news_nlp):
    return suite_forms.run(news_nlp, suite_forms.load_rows())


@pytest.mark.parametrize("label", ["DATE", "MONEY", "PERCENT"])
def test_hit_rate(results, label):
    ok, n = suite_forms.rates(results)[label]
    misses = [(r[2], found) for r, hit, found in results if r[0] == label and not hit]
    assert n >= 15 and ok / n >= 0.85, misses
