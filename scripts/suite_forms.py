"""Hit rate on money, percentages and absolute dates in the forms other parsers' public test suites
use: `forms` is tests/data/suite_forms_fr.tsv (our own French examples in their style), `public`
is tests/data/public_suites_fr.tsv (the suites' own French examples, with a source column).

`python scripts/suite_forms.py [--table forms|public] [-v]` prints the hit rate per label (and the
misses with -v).
A hit is a mention of the row's label with exactly the expected span and value, found by the
whole pipeline on the row's text read as an article body with no header.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TABLES = {"forms": _DATA / "suite_forms_fr.tsv", "public": _DATA / "public_suites_fr.tsv"}
TABLE = TABLES["forms"]


def load_rows(path: Path = TABLE) -> list[tuple[str, str, str, str]]:
    """(label, text, span, value) per row; a fifth column (the public table's source) is dropped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text, span, value = line.split("\t")[:4]
            rows.append((label, text, span, value))
    return rows


def mention_value(m) -> str:
    from pipeline.extraction.normalize.numbers import format_number
    if m.label == "MONEY":
        return f"{format_number(m.amount)} {m.currency}"
    if m.label == "PERCENT":
        return format_number(m.value)
    return m.date_value if m.label == "DATE" else (m.norm or "")


def run(nlp, rows):
    """[(row, hit, found)] where found lists the mentions of the row's label."""
    from pipeline.extraction.nlp import make_doc
    from pipeline.extraction.normalize.numbers import format_number, parse_digits

    out = []
    for label, text, span, value in rows:
        doc = nlp(make_doc(nlp, text, None))
        found = [(m.text, mention_value(m)) for m in doc._.mentions or [] if m.label == label]
        want = value if label == "DATE" else (
            format_number(parse_digits(value)) if label == "PERCENT" else value)
        out.append(((label, text, span, value), (span, want) in found, found))
    return out


def rates(results) -> dict[str, tuple[int, int]]:
    n, ok = Counter(), Counter()
    for (label, *_), hit, _ in results:
        n[label] += 1
        ok[label] += hit
    return {lab: (ok[lab], n[lab]) for lab in n}


def main(argv: list[str]) -> int:
    import argparse
    from pipeline.extraction.nlp import load
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", choices=sorted(TABLES), default="forms")
    ap.add_argument("-v", action="store_true", help="print the misses")
    args = ap.parse_args(argv)
    results = run(load(), load_rows(TABLES[args.table]))
    for lab, (ok, n) in sorted(rates(results).items()):
        print(f"{lab:<8} {ok:>3}/{n:<3} {ok / n:.2f}")
    if args.v:
        for (label, text, span, value), hit, found in results:
            if not hit:
                print(f"MISS {label:<8} {span!r} -> {value!r}   found {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
