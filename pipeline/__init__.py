"""Entity extraction from French news articles into typed Parquet tables.

Python API (see README, "Using it from Python"):
    pipeline.load()                          the assembled spaCy pipeline
    pipeline.extract(text, published=None)   the mentions of one text, as dicts
    pipeline.extract_frame(texts)            the mentions of several texts, as a DataFrame
"""

__version__ = "0.1.0"

__all__ = ["__version__", "load", "extract", "extract_frame"]


# Imported on first use: `python -m pipeline` and the batch modules need no spaCy at import.
def load(*args, **kwargs):
    """The assembled pipeline (see pipeline.extraction.nlp.load)."""
    from .extraction.nlp import load as _load
    return _load(*args, **kwargs)


def extract(text, published=None, nlp=None):
    """The mentions of ``text`` as a list of dicts (see pipeline.api.extract)."""
    from .api import extract as _extract
    return _extract(text, published, nlp)


def extract_frame(texts, published=None, nlp=None):
    """The mentions of ``texts`` as one pandas DataFrame (see pipeline.api.extract_frame)."""
    from .api import extract_frame as _extract_frame
    return _extract_frame(texts, published, nlp)
