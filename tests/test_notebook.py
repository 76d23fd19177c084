"""The exploration notebook runs top to bottom on a fresh run of the sample drop,
and the committed copy carries its outputs (so it reads well on a code host)."""
from __future__ import annotations

import nbformat
import pytest

from fixtures_tables import ROOT, sample_tables  # noqa: F401  (session fixture)

NOTEBOOK = ROOT / "notebooks" / "01-explore-entities.ipynb"


def _outputs(nb, kind: str):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if kind in o.get("data", {})]


def test_committed_notebook_has_its_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), "commit the notebook executed (with outputs)"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert len(_outputs(nb, "image/png")) >= 8
    # the variable readers change, at the top
    assert 'OUT_DIR = Path(os.environ.get("NEWS_OUT_DIR", REPO / "data" / "processed"))' in code[0].source
    assert "import networkx" not in "".join(c.source for c in code)      # pairs table and heat map


@pytest.mark.parametrize("where", ["root", "notebooks", "elsewhere"])
def test_default_paths_do_not_depend_on_the_working_folder(where, tmp_path, monkeypatch):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    first = [c for c in nb.cells if c.cell_type == "code"][0].source
    monkeypatch.delenv("NEWS_OUT_DIR", raising=False)
    monkeypatch.chdir({"root": ROOT, "notebooks": ROOT / "notebooks", "elsewhere": tmp_path}[where])
    scope: dict = {}
    exec(compile(first, "notebook cell 1", "exec"), scope)
    assert scope["OUT_DIR"] == ROOT / "data" / "processed"


def test_notebook_extra_can_execute_it_with_nbconvert():
    import tomllib

    extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]["notebook"]
    assert any(dep.startswith("nbconvert==") for dep in extra)
    from nbconvert.preprocessors import ExecutePreprocessor  # noqa: F401  (what --execute uses)


def test_notebook_runs_on_a_fresh_sample_run(sample_tables, monkeypatch):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the kernel inherits the environment: the notebook reads its tables from the fresh run.
    # It runs from the repository's root, and finds the article files where the run read them
    # (runs.drop_path), with no NEWS_RAW_DIR.
    monkeypatch.setenv("NEWS_OUT_DIR", str(sample_tables))
    monkeypatch.delenv("NEWS_RAW_DIR", raising=False)
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}})
    try:
        client.execute()
    except Exception as exc:  # CellExecutionError carries the cell and its traceback
        pytest.fail(f"notebook failed: {exc}")
    assert len(_outputs(nb, "image/png")) >= 8          # bar, time, money, percent, graph charts
    html = "".join(o["data"]["text/html"] for o in _outputs(nb, "text/html"))
    assert '<mark class="entity"' in html               # the displaCy article, from the offsets
    assert ">sentence</th>" in html                      # the MONEY table, with its context
    assert ">published_date</th>" in html and ">published_precision</th>" in html
    assert ">name_with</th>" in html                     # the co-occurrence pairs table
    streams = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "article file not found" not in streams
