#!/usr/bin/env bash
# Set up, then run the whole test suite (the command CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
# the spark extra (and Java 17) so that the Spark engine's test runs too
bash scripts/setup.sh test,spark
# The report's browser test drives Debian's Chromium (a test tool's own browser
# download cannot work here): install it when missing.
bash scripts/browser_test_setup.sh
.venv/bin/python -m pytest "$@"
