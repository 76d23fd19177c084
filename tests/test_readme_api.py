"""The README's Python API example runs as written and prints what the README shows."""
from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_api_example_prints_what_it_shows(news_nlp):
    section = README.read_text(encoding="utf-8").split("## Using it from Python", 1)[1].split("\n## ", 1)[0]
    (code, shown), = re.findall(r"```python\n(.*?)```\s*```text\n(.*?)```", section, re.S)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {})
    got = [line.rstrip() for line in buf.getvalue().strip().splitlines()]
    assert got == [line.rstrip() for line in shown.strip().splitlines()]
