"""Money, percentages and absolute dates in the forms other parsers' public suites use: our own
examples in their style (tests/data/suite_forms_fr.tsv) and the suites' own French examples
(tests/data/public_suites_fr.tsv). The whole pipeline finds at least 85% of each label's examples
with the right span and value, in each table."""
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
    return {name: suite_forms.run(news_nlp, suite_forms.load_rows(path))
            for name, path in suite_forms.TABLES.items()}


@pytest.mark.parametrize("table", ["forms", "public"])
@pytest.mark.parametrize("label", ["DATE", "MONEY", "PERCENT"])
def test_hit_rate(results, table, label):
    ok, n = suite_forms.rates(results[table])[label]
    misses = [(r[2], found) for r, hit, found in results[table] if r[0] == label and not hit]
    assert n >= 15 and ok / n >= 0.85, misses


def test_public_rows_name_their_source():
    lines = [line for line in suite_forms.TABLES["public"].read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    for line in lines:
        label, text, span, value, source = line.split("\t")
        assert span in text and "/" in source, line
