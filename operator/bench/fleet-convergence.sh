#!/usr/bin/env bash
# Convergence of a fleet against the simulator: time, cloud and O2G requests, and the cost of a steady-state drift check.
# Usage: operator/bench/fleet-convergence.sh [COMPANIES=20] [PBXS=100] [LATENCY_MS=20] [CLOUD_RPS=20] [O2G_5XX_RATE=0]
set -euo pipefail
cd "$(dirname "$0")/../.."
# one reactor build: the simulator module is on the classpath from its own target/, never from ~/.m2
mvn -B -q -pl operator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/operator/target/bench.classpath" -Dmdep.includeScope=test
java -cp "operator/target/test-classes:operator/target/classes:$(cat operator/target/bench.classpath)" \
  -Dlogback.configurationFile=operator/bench/logback-quiet.xml io.pbxops.operator.bench.FleetConvergenceBenchmark \
  "${1:-20}" "${2:-100}" "${3:-20}" "${4:-20}" "${5:-0}"
