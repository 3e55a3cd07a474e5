#!/usr/bin/env bash
# Baton's demo: a test finds a lost update, then the token from its report replays it exactly.
set -euo pipefail
cd "$(dirname "$0")"
report=examples/target/surefire-reports/dev.baton.examples.LostUpdateDemo.txt
run_demo_test() {
  rm -f "$report"
  mvn -q -B -pl examples test -Dtest=LostUpdateDemo -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    > /dev/null 2>&1 || true
  [ -f "$report" ] || { echo "demo: the test did not run; see mvn -pl examples test -Dtest=LostUpdateDemo" >&2; exit 1; }
  # The failure message: from the line after the test's name up to the first stack frame.
  sed -n '/^dev.baton.InterleavingFailure/,/^[[:space:]]*at /p' "$report" | sed '1d;$d'
}

echo "== Building Baton (tests skipped) =="
mvn -q -B install -DskipTests

echo
echo "== 1. mvn test -Dtest=LostUpdateDemo   (Baton explores schedules until one fails) =="
first=$(run_demo_test)
echo "$first"
token=$(grep -o -- '-Dbaton.replay=[A-Za-z0-9_-]*' <<< "$first" | head -n 1 | cut -d= -f2)
[ -n "$token" ] || { echo "demo: no replay token in the report" >&2; exit 1; }

echo
echo "== 2. mvn test -Dtest=LostUpdateDemo -Dbaton.replay=$token =="
second=$(run_demo_test "-Dbaton.replay=$token")
echo "$second"

echo
interleaving() { sed -n '/^Interleaving/,/^Replay this schedule/p' <<< "$1"; }
if [ "$(interleaving "$first")" = "$(interleaving "$second")" ]; then
  echo "== The replay failed the same way with the identical interleaving. =="
else
  echo "== The replay's interleaving differs: that is a bug in Baton, please report it. ==" >&2
  exit 1
fi
