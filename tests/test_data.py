"""The data loader: one format (TSV with a header row), errors reported as file:line."""
from __future__ import annotations

import pytest

import pipeline.data as data
from pipeline.data import DataError, at, read_rows, read_words


def test_every_tsv_has_a_header_row_the_loader_accepts():
    for path in data.DATA_DIR.glob("*.tsv"):
        lines = [l for l in path.read_text(encoding="utf-8").splitlines()
                 if l.strip() and not l.startswith("#")]
        header = tuple(lines[0].split("\t"))
        rows = read_rows(path.name, header)
        assert rows and all(len(r) == len(header) for r in rows), path.name


def test_wrong_header_is_reported_at_its_line(tmp_path, monkeypatch):
    (tmp_path / "units.tsv").write_text("# a comment\n\nform\tunit\nkg\tkilogramme\n", encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(DataError, match=r"^units\.tsv:3: header row"):
        read_rows("units.tsv", ("form", "unit", "multiplier"))


def test_bad_cell_is_reported_at_its_line(tmp_path, monkeypatch):
    (tmp_path / "units.tsv").write_text("form\tmultiplier\nkg\t1\nt\tmille\n", encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(DataError, match=r"^units\.tsv:3: ValueError"):
        for row in read_rows("units.tsv", ("form", "multiplier")):
            with at(row):
                float(row[1])


def test_words_and_missing_optional_cells(tmp_path, monkeypatch):
    (tmp_path / "w.tsv").write_text("word\n  Mme \nM.\n", encoding="utf-8")
    (tmp_path / "c.tsv").write_text("form\tcode\tcues\ndirhams\tMAD\n", encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    assert read_words("w.tsv") == ["Mme", "M."]
    assert read_rows("c.tsv", ("form", "code", "cues")) == [("dirhams", "MAD", "")]


def test_a_document_reads_no_data_file_once_the_rules_have_read_theirs(analyse, monkeypatch):
    # word lists and patterns are read once per process: a batch of millions of articles must
    # not reopen a .tsv per document (every rule asks for its list on every document)
    import sys
    import pipeline.data as data
    text = ("DAKAR, 3 mars (APS) - Le ministre des Finances, Cheikh Diba, a reçu à Dakar le PDG de "
            "Kalfa Mining, Awa Ndiaye Sarr. Ndiaye Sarr a annoncé 2 milliards de FCFA d'investissements, "
            "dont 300 millions au port de Ndayane, au nombre de 12 chantiers.\n")
    analyse(text)
    reads = []
    for mod in [m for name, m in sys.modules.items() if name.startswith("pipeline") and m is not None]:
        for fn in ("read_rows", "read_words"):
            if hasattr(mod, fn):
                monkeypatch.setattr(mod, fn, lambda name, *a, _fn=fn, **k: reads.append((_fn, name)))
    analyse(text)
    assert reads == []
