"""pipeline_version covers what shapes the rows (extraction code, reader, data, models)
and nothing else, so an edit to the CLI or the report does not redo every article."""
from pipeline.extraction.version import _files, pipeline_version


def test_version_covers_extraction_data_and_models_only():
    names = [n for n, _ in _files()]
    assert "extraction/resolver.py" in names and "batch/reader.py" in names
    assert "data/titles.tsv" in names and "models/README.md" in names
    for left_out in ("cli.py", "outputs/report.py", "batch/runner.py", "batch/store.py", "evaluate.py"):
        assert left_out not in names
    assert pipeline_version().startswith("0.1.0+")
