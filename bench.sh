#!/usr/bin/env bash
# Runs one of Baton's benchmarks (mains in framework/src/test/java/dev/baton/bench) in a JVM of
# its own, the way a user's test JVM starts: ./bench.sh ThroughputBenchmark 2000
#                                            ./bench.sh DetectionBenchmark 15
set -euo pipefail
cd "$(dirname "$0")"
benchmark=${1:-ThroughputBenchmark}
shift || true
log=$(mktemp)
mvn -q -B -pl framework test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > "$log" 2>&1 \
  || { cat "$log"; exit 1; }
rm -f "$log"
exec java -cp "framework/target/classes:framework/target/test-classes:$(cat framework/target/bench-classpath.txt)" \
  "dev.baton.bench.$benchmark" "$@"
