"""Faults of input and output: odd filesystem objects, encodings, NULs, bad
header years, long and pathological texts, a failing component, a full disk,
and a seeded fuzzed drop.  In every drop good articles sit beside the bad ones."""
from __future__ import annotations

import codecs
import errno
import os
import random
import socket
import stat
from pathlib import Path

import pandas as pd
import pytest

from pipeline.batch import store
from pipeline.cli import main as cli_main
from pipeline.batch.extract import extract_batch
from pipeline.batch.reader import decode, read_article, split_pieces

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw" / "samples"

BODY = ("Le ministre des Affaires étrangères Nasser Bourita a reçu lundi à Rabat son "
        "homologue sénégalais. Le Maroc et le Sénégal ont signé trois accords.\n")


def run_cli(*args) -> int:
    return cli_main(["run", *map(str, args), "--no-report", "--quiet"])


def read(out: Path, table: str) -> pd.DataFrame:
    return pd.read_parquet(out / table)


def decoded(path: Path) -> str:
    return decode(path.read_bytes())[0]


def assert_offsets_equal_text(out: Path, drop: Path) -> int:
    """Every mention's text is the decoded file's text[start:end]; returns how many."""
    arts = read(out, "articles").set_index("article_id")
    m = read(out, "mentions")
    texts = {}
    for aid, src in arts[arts.status == "ok"].source.items():
        # `bad\\xffname.txt` is how the table writes a name that is not UTF-8
        path = drop / os.fsdecode(codecs.escape_decode(src.encode("utf-8"))[0])
        texts[aid] = decoded(path)
    n = 0
    for row in m.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text, row
        assert row.text == row.text.strip(), row
        n += 1
    return n


def _mkfifo(path: Path) -> bool:
    try:
        os.mkfifo(path)
        return True
    except (OSError, AttributeError):
        return False


def _socket(path: Path) -> bool:
    try:
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        s.close()
        return True
    except OSError:
        return False


def _bad_name(drop: Path, data: bytes) -> bool:
    try:
        with open(os.path.join(os.fsencode(drop), b"bad\xffname.txt"), "wb") as fh:
            fh.write(data)
        return True
    except OSError:  # a file system that only takes UTF-8 names
        return False


# ------------------------------------------------------------------ reader

def test_utf16_with_bom_is_decoded():
    text = "Le ministre a reçu à Rabat son homologue. « Très bien », dit-il.\n"
    assert decode(b"\xff\xfe" + text.encode("utf-16-le")) == (text, "utf-16-le")
    assert decode(b"\xfe\xff" + text.encode("utf-16-be")) == (text, "utf-16-be")


def test_one_bad_byte_keeps_utf8_with_a_warning():
    data = BODY.encode("utf-8").replace(b"homologue", b"homo\xfflogue")
    art = read_article(data)
    assert art.encoding == "utf-8"
    assert "étrangères" in art.text and "sénégalais" in art.text and "\ufffd" in art.text
    assert any("not valid UTF-8" in w for w in art.warnings)
    # a cp1252 file is still cp1252: its accents are not UTF-8 at all
    assert decode(BODY.encode("cp1252")) == (BODY, "cp1252")


@pytest.mark.parametrize("header", [" date 10000-01-01", " date 0000-01-01", " date 9999-12-31"])
def test_bad_header_years_are_a_malformed_header(header):
    art = read_article(f"{header}\n{BODY}Demain, il ira à Dakar.\n".encode())
    assert art.published is None
    assert any("malformed header" in w for w in art.warnings)


def test_a_very_long_word_is_blanked_with_a_warning():
    word = "-".join(f"mot{i}" for i in range(2000))
    art = read_article((BODY + word + " Fin.\n").encode())
    assert word not in art.prose and len(art.prose) == len(art.text)
    assert "Nasser Bourita" in art.prose
    assert any("word ignored" in w for w in art.warnings)


def test_pieces_cover_the_text_and_cut_between_paragraphs():
    text = "\n\n".join(f"Paragraphe {i}. " + "Le Maroc exporte des phosphates. " * 20
                       for i in range(40))
    pieces = split_pieces(text, 3000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(e - s <= 3000 for s, e in pieces)
    assert all(text[s:].startswith("Paragraphe") for s, _ in pieces)


# ------------------------------------------------------------------ extraction

def test_a_long_article_in_pieces_keeps_offsets(news_nlp, monkeypatch):
    from pipeline.batch import extract
    monkeypatch.setattr(extract, "PIECE_CHARS", 1500)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    text = "\n\n".join(texts)
    out = extract_batch(news_nlp, [(text, {"article_id": "a", "drop": "d", "source": "a"})])
    art = out["articles"].to_pylist()[0]
    assert art["status"] == "ok" and art["n_chars"] == len(text)
    rows = out["mentions"].to_pylist()
    assert rows and max(r["start"] for r in rows) > len(text) - len(texts[-1])
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    sents = [r["sentence_id"] for r in rows]
    assert sents == sorted(sents)
    assert "Nasser Bourita" in {r["norm"] for r in rows if r["label"] == "PERSON"}


def test_one_failing_article_fails_alone_and_nothing_is_redone(news_nlp, monkeypatch):
    from pipeline.extraction import roles
    calls = []
    real = roles.find_roles

    def flaky(doc, mentions, *settings):  # settings: the component's home country
        calls.append(doc.text[:20])
        if "PANNE" in doc.text:
            raise RuntimeError("component broke")
        return real(doc, mentions, *settings)

    monkeypatch.setattr(roles, "find_roles", flaky)
    items = [(BODY.replace("lundi", f"le {i} mai") + ("PANNE\n" if i == 3 else ""),
              {"article_id": f"a{i}", "drop": "d", "source": f"a{i}.txt"}) for i in range(8)]
    out = extract_batch(news_nlp, items)
    arts = {a["source"]: a for a in out["articles"].to_pylist()}
    assert arts["a3.txt"]["status"] == "failed"
    assert "RuntimeError: component broke" in arts["a3.txt"]["error"]
    assert all(a["status"] == "ok" for s, a in arts.items() if s != "a3.txt")
    assert "a3" not in set(out["mentions"].column("article_id").to_pylist())
    assert len(calls) == 8  # each document once: the batch was not redone one by one


def test_nul_inside_a_name_keeps_text_equal_to_the_slice(news_nlp):
    text = "Le chef du gouvernement Aziz\x00 Akhannouch a reçu à Rabat le ministre.\n"
    out = extract_batch(news_nlp, [(text, {"article_id": "n", "drop": "d", "source": "n"})])
    rows = out["mentions"].to_pylist()
    person = [r for r in rows if r["label"] == "PERSON"]
    assert person and person[0]["norm"] == "Aziz Akhannouch"
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]


# ------------------------------------------------------------------ the batch

def test_odd_files_and_encodings_in_a_drop_of_good_articles(tmp_path):
    drop = tmp_path / "odd"
    drop.mkdir()
    (drop / "good.txt").write_text(BODY, encoding="utf-8")
    (drop / "sub").mkdir()
    (drop / "sub" / "good2.txt").write_text(BODY.replace("lundi", "mardi"), encoding="utf-8")
    expected_failed = {"loop.txt", "a.txt", "b.txt"}
    (drop / "loop.txt").symlink_to("loop.txt")
    (drop / "a.txt").symlink_to("b.txt")
    (drop / "b.txt").symlink_to("a.txt")
    if _mkfifo(drop / "fifo.txt"):
        expected_failed.add("fifo.txt")
    if _socket(drop / "sock.txt"):
        expected_failed.add("sock.txt")
    bad_name = _bad_name(drop, BODY.replace("lundi", "jeudi").encode())
    (drop / "u16.txt").write_bytes(b"\xff\xfe" + BODY.replace("lundi", "vendredi").encode("utf-16-le"))
    (drop / "stray.txt").write_bytes(
        BODY.replace("lundi", "samedi").encode().replace(b"homologue", b"homo\xfflogue"))
    (drop / "y10000.txt").write_text(" date 10000-01-01\n" + BODY + "Demain, il ira à Dakar.\n")
    (drop / "y0000.txt").write_text(" date 0000-01-01\n" + BODY + "Hier, il était à Dakar.\n")
    (drop / ".hidden.txt").write_text(BODY)
    out = tmp_path / "out"
    assert run_cli(drop, "--out", out) == 1
    arts = read(out, "articles").set_index("source")
    expected = expected_failed | {"good.txt", "sub/good2.txt", "u16.txt", "stray.txt",
                                  "y10000.txt", "y0000.txt"}
    if bad_name:
        expected.add("bad\\xffname.txt")
    assert set(arts.index) == expected                      # hidden file skipped
    failed = arts[arts.status == "failed"].error.to_dict()
    assert set(failed) == expected_failed
    assert "symlink loop" in failed["loop.txt"] and "symlink loop" in failed["a.txt"]
    if "fifo.txt" in failed:
        assert "FIFO" in failed["fifo.txt"]
    if "sock.txt" in failed:
        assert "socket" in failed["sock.txt"]
    assert arts.loc["u16.txt", "encoding"] == "utf-16-le"
    assert arts.loc["stray.txt", "encoding"] == "utf-8"
    assert "UTF-8" in arts.loc["stray.txt", "warnings"]
    for src in ("y10000.txt", "y0000.txt"):
        assert arts.loc[src, "status"] == "ok" and pd.isna(arts.loc[src, "published"])
        assert "malformed header" in arts.loc[src, "warnings"]
    m = read(out, "mentions").merge(arts.reset_index()[["article_id", "source"]], on="article_id")
    ok = [s for s in expected - expected_failed]
    for src in ok:
        assert "Nasser Bourita" in set(m[m.source == src].norm), src
    # a re-run finds every row, failed ones too: nothing new, nothing doubled
    assert run_cli(drop, "--out", out) == 0
    assert len(read(out, "articles")) == len(expected)


def test_full_disk_mid_run_is_one_line_and_the_next_run_completes(tmp_path, monkeypatch, capsys):
    from pipeline.batch import runner as run_mod
    drop = tmp_path / "full"
    drop.mkdir()
    for i in range(6):
        (drop / f"a{i}.txt").write_text(BODY.replace("trois", str(i + 2)), encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.setattr(run_mod, "COMMIT_EVERY", 2)
    real = store._place          # every data file of a commit is moved in through it
    calls = []

    def filling(staged, target, out_dir):
        calls.append(target)
        if len(calls) == 5:  # the second commit's `roles`: mid-run, tables half written
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return real(staged, target, out_dir)

    monkeypatch.setattr(store, "_place", filling)
    assert run_cli(drop, "--out", out) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "No space left on device" in err
    assert "Traceback" not in err
    assert len(read(out, "articles")) == 2                  # the first commit stands
    monkeypatch.setattr(store, "_place", real)
    assert run_cli(drop, "--out", out) == 0
    arts = read(out, "articles")
    assert len(arts) == 6 and arts.article_id.is_unique
    m = read(out, "mentions")
    assert m.mention_id.is_unique and set(m.article_id) == set(arts.article_id)
    assert not list(out.rglob(".tmp-*"))


# ------------------------------------------------------------------ fuzz

def _fuzz_drop(drop: Path, n: int, seed: int) -> set[str]:
    """`n` small files of every kind; returns the sources that must get a row."""
    rng = random.Random(seed)
    sentences = [s.strip() + "." for p in sorted(SAMPLES.glob("*.txt"))
                 for s in p.read_text(encoding="utf-8").split(".") if 20 < len(s.strip()) < 200]
    furniture = ["Publié le 12/03/2025 à 10h30", "Posted by - Rédaction", "Partager",
                 "The post Un titre appeared first on Le Site - Info.", "Politique Économie"]
    kinds = ["utf8", "cp1252", "utf16", "bom", "stray", "nul", "furniture", "header", "badyear",
             "empty", "blank", "binary", "tiny_lines", "long_word", "fifo", "loop", "broken",
             "badname", "hidden", "dir"]
    expected: set[str] = set()
    written: set[bytes] = set()
    for i in range(n):
        kind = kinds[i % len(kinds)] if i < len(kinds) else rng.choice(kinds)
        folder = drop / rng.choice(["", "a", "a/b", "c"])
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{i:03d}-{kind}.txt"
        path = folder / name
        source = path.relative_to(drop).as_posix()
        lines = rng.sample(sentences, rng.randint(1, 3))
        if kind in ("furniture", "cp1252", "nul", "header", "badyear"):
            lines.insert(rng.randint(0, len(lines)), rng.choice(furniture))
        text = "\n\n".join(lines) + "\n"
        if kind in ("header", "badyear"):
            year = rng.choice(["2025", "1999"]) if kind == "header" else rng.choice(
                ["0000", "10000", "9999", "0001"])
            text = f" date {year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n" + text
        if kind == "nul":
            k = rng.randrange(len(text))
            text = text[:k] + "\x00" + text[k:]
        data = {"cp1252": lambda: text.encode("cp1252", "replace"),
                "utf16": lambda: b"\xff\xfe" + text.encode("utf-16-le"),
                "bom": lambda: b"\xef\xbb\xbf" + text.encode("utf-8"),
                "stray": lambda: text.encode("utf-8") + b"\xff" + "Fin à Rabat.".encode(),
                "empty": lambda: b"",
                "blank": lambda: b" \n\t\n",
                "binary": lambda: bytes(rng.randrange(256) for _ in range(300)),
                "tiny_lines": lambda: "\n".join(rng.choice(["a", "b-", "Xy", "1.", "é"])
                                                for _ in range(300)).encode(),
                "long_word": lambda: (text + "-".join(["x"] * 400)).encode(),
                }.get(kind, lambda: text.encode("utf-8"))()
        if kind == "hidden":
            (folder / f".{name}").write_bytes(data)        # skipped: no row
            continue
        if kind not in ("fifo", "loop", "broken", "dir"):
            if data in written:
                continue  # the same bytes twice are one article: the copy is skipped
            written.add(data)
        if kind == "dir":
            path.mkdir()                                    # a folder named *.txt: no row
            continue
        if kind == "fifo":
            if not _mkfifo(path):
                continue
        elif kind == "loop":
            path.symlink_to(name)
        elif kind == "broken":
            path.symlink_to("nowhere.txt")
        elif kind == "badname":
            raw = os.fsencode(folder) + f"/{i:03d}-bad\xff".encode("latin-1") + b".txt"
            try:
                with open(raw, "wb") as fh:
                    fh.write(data)
            except OSError:
                continue
            source = (f"{folder.relative_to(drop).as_posix()}/" if folder != drop else "") \
                + f"{i:03d}-bad\\xff.txt"
        else:
            path.write_bytes(data)
        expected.add(source)
    return expected


def test_fuzzed_drop_every_path_one_row_offsets_equal_text(tmp_path, capsys):
    drop = tmp_path / "fuzz"
    drop.mkdir()
    expected = _fuzz_drop(drop, 300, seed=12)
    out = tmp_path / "out"
    assert run_cli(drop, "--out", out) == 1                 # some files are bad by design
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    arts = read(out, "articles")
    assert sorted(arts.source) == sorted(expected)          # one row per path, no more
    assert arts.article_id.is_unique
    ok = arts[arts.status == "ok"]
    assert len(ok) > 150
    assert arts[arts.status == "failed"].error.notna().all()
    # odd objects fail with a reason a person can read, never a Python exception name
    assert not arts.error.dropna().str.contains("Traceback|Error:").any()
    assert assert_offsets_equal_text(out, drop) > 300


def test_device_files_are_never_opened(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    drop = tmp_path / "dev"
    drop.mkdir()
    (drop / "good.txt").write_text(BODY, encoding="utf-8")
    os.mknod(drop / "null.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    out = tmp_path / "out"
    assert run_cli(drop, "--out", out) == 1
    arts = read(out, "articles").set_index("source")
    assert "character device" in arts.loc["null.txt", "error"]
    assert arts.loc["good.txt", "status"] == "ok"
