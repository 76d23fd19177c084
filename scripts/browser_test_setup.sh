#!/usr/bin/env bash
# Install the headless browser that tests/test_report.py drives: Chromium and its
# WebDriver from the system's packages (Debian/Ubuntu), nothing downloaded by
# Selenium itself.  Does nothing when both are already there.  Needs root or sudo.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
