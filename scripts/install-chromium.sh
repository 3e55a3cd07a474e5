#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report's browser test (BrowserReportTest), unless a
# Chromium is already at /usr/bin/chromium. Needs root and apt-get, as on the project's machines.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get > /dev/null || [ "$(id -u)" != 0 ]; then
  echo "install-chromium: no /usr/bin/chromium, and this is not a Debian machine run as root:" \
    "install Chromium yourself (Debian: apt-get install chromium) to run the browser test" >&2
  exit 1
fi
echo "== Installing Debian's chromium for the browser test of the HTML report"
log=$(mktemp)
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } > "$log" 2>&1; then
  cat "$log" >&2
  echo "install-chromium: apt-get could not install chromium" >&2
  exit 1
fi
rm -f "$log"
/usr/bin/chromium --version
