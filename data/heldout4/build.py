"""Build data/heldout4/written.jsonl from the inline-marked sources in src/*.txt and check it.

The source format, the defaults for values and the checks are data/heldout2/build.py's: this
file only points that one builder at this directory. Run: python data/heldout4/build.py [--check]
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("heldout2_build", HERE.parent / "heldout2" / "build.py")
_builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builder)

parse, check, dumps = _builder.parse, _builder.check, _builder.dumps


def build() -> list[dict]:
    return _builder.build(HERE)


if __name__ == "__main__":
    sys.exit(_builder.main(sys.argv[1:], HERE))
