#!/usr/bin/env bash
# Baton's benchmarks, each JVM of its own (never inside Maven, whose class loader would hide
# Baton's runtime from the JDK).
#
#   ./bench.sh [schedules] [seeds] [processes]
#       the table of docs/speed.md (benchmarks/, BenchmarkSuite): schedules per second
#       next to plain runs, the bare-thread limit and Lincheck; schedules and time to the first
#       bug per strategy; whole-process time to the first bug for Baton and Lincheck.
#       Defaults: 2000 schedules, 5 seeds, 3 processes.
#   ./bench.sh detect [schedules] [seed] [cell-seconds] [PROGRAM...]
#       the classic-bug corpus (benchmarks/.../corpus): schedules and time to the first bug per
#       program and strategy. Defaults: 1000 schedules (Baton's default budget), seed 1, 20 s a cell.
#   ./bench.sh ThroughputBenchmark 2000 | ./bench.sh DetectionBenchmark 15
#   ./bench.sh InstrumentationBenchmark [rounds] [jar...]
#   ./bench.sh CarrierReuseBound [threads] [hand-offs] [rounds]
#       the framework's own benchmark mains (framework/src/test/java/dev/baton/bench).
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
main=dev.baton.benchmarks.BenchmarkSuite
if [[ ${1:-} == detect ]]; then
  main=dev.baton.benchmarks.corpus.CorpusDetection
  shift
elif [[ $# -gt 0 && ! $1 =~ ^[0-9]+$ ]]; then
  benchmark=$1
  shift
  mvn -o -q -B -pl framework test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > "$log" 2>&1 \
    || { cat "$log"; exit 1; }
  rm -f "$log"
  exec java -cp "framework/target/classes:framework/target/test-classes:$(cat framework/target/bench-classpath.txt)" \
    "dev.baton.bench.$benchmark" "$@"
fi
mvn -o -q -B -pl benchmarks -am compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime > "$log" 2>&1 \
  || { cat "$log"; exit 1; }
rm -f "$log"
agent_flags=()
[[ $(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p') -ge 21 ]] \
  && agent_flags=(-XX:+EnableDynamicAgentLoading)
exec java "${agent_flags[@]}" -cp "benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)" \
  "$main" "$@"
