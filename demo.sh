#!/usr/bin/env bash
# Baton's demo: a test finds the payment service's hang (two opposite transfers deadlock), then the
# token from its report replays it exactly. The sample is samples-payment-race/ (see its README).
set -euo pipefail
cd "$(dirname "$0")"
module=samples-payment-race
test=PaymentBugsDemo#opposingTransfersBothComplete
report=$module/target/surefire-reports/dev.baton.samples.payment.PaymentBugsDemo.txt
run_demo_test() {
  rm -f "$report"
  mvn -q -B -pl "$module" test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    > /dev/null 2>&1 || true
  [ -f "$report" ] || { echo "demo: the test did not run; see mvn -pl $module test -Dtest=$test" >&2; exit 1; }
  # The failure message: from the line after the exception's name to its last line, which
  # offers to keep the token as a regression test.
  sed -n '/^dev.baton.InterleavingFailure/,/^or keep it as a regression test/p' "$report" | sed '1d'
}

echo "== Building Baton (tests skipped) =="
log=$(mktemp)
mvn -q -B install -DskipTests > "$log" 2>&1 || { cat "$log"; exit 1; }
rm -f "$log"

echo
echo "== 1. mvn test -Dtest=$test   (Baton explores schedules until one fails) =="
first=$(run_demo_test)
echo "$first"
token=$(grep -o -- '-Dbaton.replay=[A-Za-z0-9_-]*' <<< "$first" | head -n 1 | cut -d= -f2)
[ -n "$token" ] || { echo "demo: no replay token in the report" >&2; exit 1; }

echo
echo "== 2. mvn test -Dtest=$test -Dbaton.replay=$token =="
second=$(run_demo_test "-Dbaton.replay=$token")
echo "$second"

echo
# Everything but the second line ("Baton found it in schedule N" / "Baton replayed schedule N"):
# the deadlock, who waits for which lock, the cycle, the interleaving and the token.
report_body() { sed '2d' <<< "$1"; }
if [ "$(report_body "$first")" = "$(report_body "$second")" ]; then
  echo "== The replay failed the same way, with the identical deadlock and interleaving. =="
else
  echo "== The replay's report differs: that is a bug in Baton, please report it. ==" >&2
  exit 1
fi
