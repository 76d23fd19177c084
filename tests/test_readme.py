"""The README's example queries run as written on a fresh run of the sample drop, and the
output shown beside each is what they print (so the README never drifts from the tables)."""
from __future__ import annotations

import contextlib
import io
import re

from fixtures_tables import ROOT, sample_tables  # noqa: F401  (session fixture)

README = ROOT / "README.md"


def _examples() -> list[tuple[str, str]]:
    """(code, shown output) pairs of the section 'Querying the tables'."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Querying the tables", 1)[1].split("\n## ", 1)[0]
    pairs = re.findall(r"```python\n(.*?)```\s*\n(?:[^`]*?)```text\n(.*?)```", section, re.S)
    return pairs


def test_readme_has_five_queries():
    codes = [c for c, _ in _examples()]
    assert len(codes) == 5
    assert "pd.read_parquet" in codes[0] and "duckdb" in codes[1] and "filters=" in codes[2]
    assert "published_date" in codes[3] and "published_precision" in codes[3]
    assert "date_precision" in codes[4] and "date_start" in codes[4]


def test_readme_queries_print_what_the_readme_shows(sample_tables, tmp_path, monkeypatch):
    # the queries read data/processed relative to the checkout: give them the fresh run there
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "processed").symlink_to(sample_tables, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    for code, shown in _examples():
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(code, "README.md", "exec"), {})
        got = [line.rstrip() for line in buf.getvalue().strip().splitlines()]
        assert got == [line.rstrip() for line in shown.strip().splitlines()], code
