"""The curated data files (patterns, gazetteers, word lists), shipped inside the package."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
