"""The command line as schedulers and people use it: help with defaults, --version,
one name for both entry points, --json, the empty drop, per-article progress."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixtures_tables import ROOT, SAMPLES, sample_tables  # noqa: F401  (session fixture)
from pipeline.cli import main

BIN = Path(sys.executable).parent

ARTICLE = (" date 2025-06\n"
           "Le ministre Nasser Bourita s'est rendu au Sénégal pour signer trois accords avec "
           "la Banque africaine de développement.\n")


def test_version_prints_the_pipeline_version(capsys):
    from pipeline.batch.extract import pipeline_version
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"news-entities {pipeline_version()}"


def test_help_shows_the_defaults(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")           # one line per option: no wrapping to match across
    assert main(["run", "--help"]) == 0
    out = capsys.readouterr().out
    assert "[default: data/processed]" in out
    assert "every folder under data/raw/" in out
    assert "Exit status: 0" in out
    assert main(["report", "--help"]) == 0
    assert "[default: (all)]" in capsys.readouterr().out


def test_both_entry_points_name_themselves_the_same():
    script = subprocess.run([str(BIN / "news-entities"), "--help"], capture_output=True, text=True,
                            env={"COLUMNS": "100", "PATH": str(BIN)})
    module = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True,
                            env={"COLUMNS": "100", "PATH": str(BIN)})
    assert script.returncode == module.returncode == 0
    assert "Usage: news-entities [OPTIONS] COMMAND" in script.stdout
    assert script.stdout == module.stdout


def test_unknown_option_and_missing_argument_exit_2(capsys):
    assert main(["run", "--no-such-option"]) == 2
    assert "No such option" in capsys.readouterr().err
    assert main(["eval"]) == 2
    assert main(["report", "somewhere"]) == 2          # --html is required


def test_json_prints_one_object_for_the_run(tmp_path, capsys):
    drop = tmp_path / "juin"
    drop.mkdir()
    (drop / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(drop), "--out", str(out), "--json", "--no-report"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)                 # the whole of stdout is one JSON object
    assert summary["exit_code"] == 0 and summary["n_new"] == 1 and summary["n_failed"] == 0
    assert summary["mentions"]["PERSON"] >= 1 and summary["mentions"]["COUNTRY"] >= 1
    assert summary["drops"][0] == {"drop": "juin", "path": str(drop.resolve()), "n_seen": 1, "n_new": 1,
                                   "n_skipped": 0, "n_failed": 0, "failures": []}
    assert summary["report"] is None
    assert "loading model…" in captured.err             # said on stderr while the model loads

    # the run that finds nothing new: skipped counted, no rate
    assert main(["run", str(drop), "--out", str(out), "--json", "--quiet", "--no-report"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["n_new"], again["n_skipped"], again["articles_per_second"]) == (0, 1, None)


def test_json_reports_failures_and_usage_errors(tmp_path, capsys):
    drop = tmp_path / "d"
    drop.mkdir()
    (drop / "empty.txt").write_bytes(b"")
    assert main(["run", str(drop), "--out", str(tmp_path / "o"), "--json", "--quiet", "--no-report"]) == 1
    s = json.loads(capsys.readouterr().out)
    assert s["exit_code"] == 1 and s["n_failed"] == 1
    assert s["drops"][0]["failures"][0]["source"] == "empty.txt"

    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--json"]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"exit_code": 2, "error": f"no such drop folder: {tmp_path / 'nope'}"}
    assert "error: no such drop folder" in captured.err


@pytest.mark.parametrize("content", [None, "notes.md"])
def test_empty_drop_warns_and_exits_0(content, tmp_path, capsys):
    drop = tmp_path / "vide"
    drop.mkdir()
    if content:
        (drop / content).write_text("pas un article", encoding="utf-8")
    assert main(["run", str(drop), "--out", str(tmp_path / "o"), "--quiet", "--no-report"]) == 0
    captured = capsys.readouterr()
    assert f"warning: drop folder {drop} holds no *.txt file" in captured.err
    assert "seen 0   new 0" in captured.out


def test_run_writes_the_report_and_says_where(tmp_path, capsys):
    drop = tmp_path / "juin"
    drop.mkdir()
    (drop / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(drop), "--out", str(out), "--quiet"]) == 0
    assert f"report     {(out / 'report.html').resolve()}" in capsys.readouterr().out
    page = (out / "report.html").read_text("utf-8")
    # the drop is outside data/raw: its article is still highlighted from the file
    assert "Article file not found" not in page and '<mark class="entity"' in page


def test_progress_advances_once_per_article(news_nlp):
    from pipeline.batch.extract import extract_batch

    items = [(ARTICLE.encode(), {"article_id": "a" * 32, "drop": "d", "source": "a.txt"}),
             (b"", {"article_id": "b" * 32, "drop": "d", "source": "empty.txt"}),
             (b"", {"article_id": "c" * 32, "drop": "d", "source": "gone.txt", "error": "broken symlink"}),
             ("Le Maroc exporte.\n", {"article_id": "d" * 32, "drop": "d", "source": "b.txt"})]
    ticks = []
    batches = extract_batch(news_nlp, items, on_article=lambda: ticks.append(1))
    assert len(ticks) == 4 == batches["articles"].num_rows


def test_report_of_a_copied_output_folder(sample_tables, tmp_path, capsys):
    out = tmp_path / "copy"
    shutil.copytree(sample_tables, out)
    html = tmp_path / "r.html"
    assert main(["report", str(out), "--html", str(html)]) == 0
    assert capsys.readouterr().out.strip() == f"report written to {html}"
    assert main(["report", str(tmp_path / "none"), "--html", str(html)]) == 2


def test_a_report_that_cannot_be_written_is_said(tmp_path, capsys):
    drop = tmp_path / "juin"
    drop.mkdir()
    (drop / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    (out / "report.html").mkdir(parents=True)          # a folder where the page should go
    assert main(["run", str(drop), "--out", str(out), "--quiet", "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["report"] is None and s["warnings"][0].startswith("report not written: ")
