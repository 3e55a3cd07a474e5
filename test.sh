#!/usr/bin/env bash
# Baton's test command (README.md; CI runs exactly this through .ci/run): installs what the tests
# need (Chromium for the HTML report's browser test), runs the whole build on the default JDK,
# then again on a second JDK of 21 or later when the machine has one (scripts/second-jdk.sh).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-chromium.sh
echo "== mvn -B verify on $(java -version 2>&1 | head -n 1)"
mvn -B verify -Dbaton.test.requireBrowser=true
second=$(scripts/second-jdk.sh)
if [ -z "$second" ]; then
  echo "== No second JDK (21 or later) under /usr/lib/jvm and BATON_SECOND_JDK is unset:" \
    "the build ran on the default JDK only"
  exit 0
fi
echo "== mvn -B verify on $("$second/bin/java" -version 2>&1 | head -n 1) ($second)"
JAVA_HOME="$second" mvn -B verify -Dbaton.test.requireBrowser=true
