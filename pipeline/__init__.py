"""Entity extraction from French news articles into typed Parquet tables."""

__version__ = "0.1.0"
