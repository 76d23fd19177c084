"""The per-drop HTML report: built from small hand-made tables, then checked on a
fresh sample run in a real headless Chromium.

Chromium comes from the system's packages (Debian: `apt-get install -y chromium
chromium-driver`), driven by Selenium through /usr/bin/chromedriver: nothing is
downloaded.  Without Chromium the browser test is skipped, except in CI (CI=true),
where it fails.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pytest

from fixtures_tables import ROOT, sample_tables  # noqa: F401  (session fixture)
from pipeline.batch import store
from pipeline.outputs.report import article_text, fmt_amount, load_tables, write_report

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"

TEXT = (" date 2025-03-05\n"
        "Le Maroc et la France ont signé à Rabat un accord de 600 millions d'euros, "
        "soit 12 % de plus qu'en 2024.\n"
        "La ministre Leila Benali a salué un texte « équilibré ».\n")


def _m(aid, label, text, norm, **typed):
    start = TEXT.index(text)
    return {"article_id": aid, "mention_id": f"{aid}:{start}-{start + len(text)}",
            "start": start, "end": start + len(text), "label": label, "text": text, "norm": norm,
            "entity_id": f"{label}:{hashlib.sha1(norm.encode()).hexdigest()[:8]}",
            "sentence_id": 0 if start < TEXT.index("La ministre") else 1,
            "sentence": (TEXT.splitlines()[1] if start < TEXT.index("La ministre")
                         else TEXT.splitlines()[2]), **typed}


def _write(out: Path, table: str, rows: list[dict], drop: str | None = None) -> None:
    if drop is not None:
        rows = [dict(r, drop=drop) for r in rows]
    keys = {k for r in rows for k in r}          # from_pylist reads the keys of row 0 only
    batch = store.conform(table, pa.Table.from_pylist([{k: r.get(k) for k in keys} for r in rows]))
    if drop is None:
        path = out / table / ("run-1.parquet" if table == "runs" else store.PART)
    else:
        path = store.partition_dir(out, table, drop) / store.PART
    store.atomic_write(path, [batch], store.file_schema(table))


@pytest.fixture()
def tiny(tmp_path) -> tuple[Path, Path]:
    """Tables of a drop named `2024` (a name that looks like a number): one article
    processed, one failed; and the drop folder holding the processed article."""
    data = TEXT.encode("utf-8")
    aid = hashlib.sha256(data).hexdigest()[:32]
    raw = tmp_path / "raw" / "2024"
    raw.mkdir(parents=True)
    (raw / "a.txt").write_bytes(data)
    now = datetime(2025, 3, 6, tzinfo=timezone.utc)
    out = tmp_path / "out"
    _write(out, "articles", [
        {"article_id": aid, "source": "a.txt", "published": "2025-03-05", "title": "Un accord",
         "status": "ok", "encoding": "utf-8", "n_bytes": len(data), "n_chars": len(TEXT),
         "body_start": 17, "body_end": len(TEXT) - 1, "n_mentions": 7,
         "pipeline_version": "0.1.0+test", "processed_at": now},
        {"article_id": "x" + "0" * 31, "source": "broken.txt", "status": "failed",
         "error": "binary file (PDF document), not text", "n_bytes": 900,
         "pipeline_version": "0.1.0+test", "processed_at": now},
    ], drop="2024")
    mentions = [
        _m(aid, "COUNTRY", "Maroc", "MAR", country="MAR"),
        _m(aid, "COUNTRY", "France", "FRA", country="FRA"),
        _m(aid, "LOC", "Rabat", "Rabat"),
        _m(aid, "MONEY", "600 millions d'euros", "600000000 EUR", amount=6e8, currency="EUR"),
        _m(aid, "PERCENT", "12 %", "12", value=12.0),
        _m(aid, "DATE", "2024", "2024", date_value="2024", date_start=date(2024, 1, 1),
           date_end=date(2024, 12, 31)),
        _m(aid, "PERSON", "Leila Benali", "Leila Benali"),
    ]
    _write(out, "mentions", mentions, drop="2024")
    person = mentions[-1]
    _write(out, "roles", [{"article_id": aid, "person": "Leila Benali", "person_id": person["entity_id"],
                           "title": "ministre", "country": "MAR", "start": person["start"] - 11,
                           "end": person["end"]}], drop="2024")
    _write(out, "entities", [{"entity_id": m["entity_id"], "label": m["label"], "norm": m["norm"],
                              "name": m["text"], "aliases": [m["text"]], "n_mentions": 1,
                              "n_articles": 1} for m in mentions])
    _write(out, "runs", [{"run_id": "r1", "drop": "2024", "drop_path": str(raw),
                          "started_at": now, "finished_at": now,
                          "n_seen": 2, "n_new": 2, "n_skipped": 0, "n_failed": 1,
                          "pipeline_version": "0.1.0+test", "status": "partial"}])
    return out, raw


def test_drop_is_read_as_a_string(tiny):
    out, _ = tiny
    t = load_tables(out, drop="2024")
    assert list(t.articles["drop"].unique()) == ["2024"]
    assert len(t.mentions) == 7 and set(t.mentions["drop"]) == {"2024"}
    assert load_tables(out, drop="other").articles.empty


def test_report_is_self_contained_and_highlights_from_the_file(tiny, tmp_path):
    out, raw = tiny
    page = write_report(out, tmp_path / "r.html", drop="2024", drops={"2024": raw}).read_text("utf-8")
    # no network: every image is embedded, no external script, style or link
    assert not re.search(r'(src|href)="(?!data:|#)', page)
    assert page.count('<svg class="chart"') >= 8
    # summary: the failure and why
    assert "broken.txt" in page and "binary file (PDF document), not text" in page
    # the article from its file: mentions highlighted at their offsets, header left out
    money = re.search(r'<mark class="entity" title="MONEY: 600000000 EUR"[^>]*>([^<]*)<', page)
    assert money and money.group(1).startswith("600 millions d")
    assert page.count('<mark class="entity"') == 7
    assert "date 2025-03-05" not in page.split('id="articles"')[1]
    assert "<td>ministre</td>" in page         # the person's office, from roles
    assert 'id="legend"' in page


def test_drop_outside_data_raw_is_found_where_its_run_read_it(tiny, tmp_path):
    out, raw = tiny                  # raw is under tmp_path, not data/raw: runs.drop_path says where
    page = write_report(out, tmp_path / "r.html", drop="2024").read_text("utf-8")
    assert "Article file not found" not in page
    assert re.search(r'<mark class="entity" title="MONEY: 600000000 EUR"', page)


def test_drop_dir_option_points_at_moved_files(tiny, tmp_path):
    from pipeline.cli import main
    out, raw = tiny
    moved = tmp_path / "elsewhere" / "renamed"
    shutil.move(str(raw), str(moved))
    html = tmp_path / "r.html"
    assert main(["report", str(out), "--drop", "2024", "--html", str(html)]) == 0
    assert "Article file not found" in html.read_text("utf-8")
    assert main(["report", str(out), "--drop", "2024", "--html", str(html),
                 "--drop-dir", f"2024={moved}"]) == 0
    assert "Article file not found" not in html.read_text("utf-8")


def test_report_needs_no_matplotlib(tiny, tmp_path, monkeypatch):
    import sys
    # the base install has no matplotlib: make importing it fail, as it would there
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out, raw = tiny
    page = write_report(out, tmp_path / "r.html", drop="2024", drops={"2024": raw}).read_text("utf-8")
    assert page.count('<svg class="chart"') >= 8
    # charts carry their values as text: the bar of Maroc, the per-currency bar
    assert "<title>Maroc: 1 articles</title>" in page and "<title>EUR: 1 mentions</title>" in page


def test_report_on_an_unknown_drop_is_a_usage_error(tiny, tmp_path, capsys):
    from pipeline.cli import main
    out, _ = tiny
    html = tmp_path / "r.html"
    assert main(["report", str(out), "--drop", "NOSUCH", "--html", str(html)]) == 2
    err = capsys.readouterr().err
    assert "no drop named 'NOSUCH'" in err and "2024" in err
    assert not html.exists()


def test_report_without_the_file_shows_the_sentences(tiny, tmp_path):
    out, raw = tiny
    shutil.rmtree(raw)
    page = write_report(out, tmp_path / "r.html", drop="2024", drops={}).read_text("utf-8")
    assert "Article file not found" in page
    assert page.count('<mark class="entity"') == 7


def test_a_changed_file_is_not_used(tiny):
    _, raw = tiny
    data = (raw / "a.txt").read_bytes()
    aid = hashlib.sha256(data).hexdigest()[:32]
    assert article_text(raw, "a.txt", aid) == TEXT
    assert article_text(raw, "../a.txt", aid) is None          # outside the drop folder
    (raw / "a.txt").write_bytes(data + b"!")
    assert article_text(raw, "a.txt", aid) is None


def test_empty_output_folder(tmp_path):
    page = write_report(tmp_path, tmp_path / "r.html").read_text("utf-8")
    assert "No processed articles" in page


def test_fmt_amount():
    assert fmt_amount(157e9) == "157\u202f000\u202f000\u202f000"
    assert fmt_amount(2.5) == "2,5"


def test_cli_report(sample_tables, tmp_path):
    from pipeline.cli import main
    html = tmp_path / "rep.html"
    assert main(["report", str(sample_tables), "--drop", "samples", "--html", str(html)]) == 0
    assert html.stat().st_size > 10_000


# --------------------------------------------------------------------------- browser

def _browser_or_skip():
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        msg = ("headless browser test needs " + ", ".join(missing) +
               " (apt-get install -y chromium chromium-driver; pip install selenium)")
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)


def _driver(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,1600"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.common.exceptions import SessionNotCreatedException

    # an explicit driver path: Selenium Manager downloads nothing.  chromedriver gives
    # Chromium 60 s to start, which a loaded machine can miss: one more try.
    for attempt in (1, 2):
        try:
            return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
        except SessionNotCreatedException:
            if attempt == 2:
                raise


def test_report_in_headless_chromium(sample_tables, tmp_path):
    _browser_or_skip()
    from selenium.webdriver.common.by import By

    report = write_report(sample_tables, tmp_path / "report.html", drop="samples")
    driver = _driver(tmp_path / "chromium-profile")
    try:
        driver.get(report.resolve().as_uri())
        assert driver.execute_script("return document.readyState") == "complete"
        # charts: inline SVG, each laid out with a size, text inside
        charts = driver.find_elements(By.CSS_SELECTOR, "svg.chart")
        assert len(charts) >= 8
        for svg in charts:
            box = driver.execute_script("var r = arguments[0].getBoundingClientRect();"
                                        "return [r.width, r.height]", svg)
            assert box[0] > 200 and box[1] > 50, box
            assert svg.find_elements(By.CSS_SELECTOR, "text")
        # every sample article is there with highlighted entities, and the legend
        articles = driver.find_elements(By.CSS_SELECTOR, "details.article")
        assert len(articles) == 5
        for art in articles:
            assert art.find_elements(By.CSS_SELECTOR, "mark.entity"), art.text[:80]
        assert driver.find_element(By.ID, "legend").is_displayed()
        # nothing was fetched from anywhere
        fetched = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".filter(n => !n.startsWith('data:'))")
        assert fetched == []
        # sorting a table works (and raises no error)
        driver.find_element(By.CSS_SELECTOR, "table.sortable th").click()

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / ".gitignore").write_text("*\n")
        shots = []
        for section in ("summary", "who", "when", "figures", "articles"):
            driver.execute_script("window.scrollTo(0, 0)" if section == "summary"
                                  else f"document.getElementById('{section}').scrollIntoView()")
            path = ARTIFACTS / ("report.png" if section == "summary" else f"report-{section}.png")
            driver.save_screenshot(str(path))
            shots.append(str(path))
        print("\nscreenshots of the report: " + ", ".join(shots))

        severe = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        assert severe == [], severe
    finally:
        driver.quit()
