#!/usr/bin/env bash
# Create .venv and install the project with the given extras (default: none).
# Everything, the spaCy model included, comes from the package registry.
# With the `spark` extra, Java 17 (Debian openjdk-17-jre-headless) is installed when
# missing (as root; otherwise the command to run is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
needs_java() {
  [[ ",$extras," == *",spark,"* ]] || return 1
  command -v java >/dev/null || return 0
  local major
  major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ "${major:-0}" -lt 17 ]
}
if needs_java; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless
  else
    echo "Spark needs Java 17: sudo apt-get install openjdk-17-jre-headless" >&2
  fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ -n "$extras" ]; then
  .venv/bin/python -m pip install -q -e ".[$extras]"
else
  .venv/bin/python -m pip install -q -e .
fi
