#!/usr/bin/env bash
# Set up, then run the batch job on the sample drop; prints where the tables are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pipeline run data/raw/samples --out data/processed "$@"
