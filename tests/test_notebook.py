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
    assert 'OUT_DIR = os.environ.get("NEWS_OUT_DIR", "../data/processed")' in code[0].source


def test_notebook_runs_on_a_fresh_sample_run(sample_tables, monkeypatch):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the kernel inherits the environment: the notebook reads its tables from the fresh run
    monkeypatch.setenv("NEWS_OUT_DIR", str(sample_tables))
    monkeypatch.setenv("NEWS_RAW_DIR", str(ROOT / "data" / "raw"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(nb, timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    try:
        client.execute()
    except Exception as exc:  # CellExecutionError carries the cell and its traceback
        pytest.fail(f"notebook failed: {exc}")
    assert len(_outputs(nb, "image/png")) >= 8          # bar, time, money, percent, graph charts
    html = "".join(o["data"]["text/html"] for o in _outputs(nb, "text/html"))
    assert '<mark class="entity"' in html               # the displaCy article, from the offsets
    assert ">sentence</th>" in html                      # the MONEY table, with its context
