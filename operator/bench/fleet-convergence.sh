#!/usr/bin/env bash
# Convergence of a fleet against the simulator: time, cloud requests, and the cost of a steady-state drift check.
# Usage: operator/bench/fleet-convergence.sh [COMPANIES=20] [PBXS=100] [LATENCY_MS=20] [CLOUD_RPS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl operator -am test-compile -DskipTests
mvn -B -q -pl operator exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.pbxops.operator.bench.FleetConvergenceBenchmark \
  -Dexec.args="${1:-20} ${2:-100} ${3:-20} ${4:-20}" -Dexec.cleanupDaemonThreads=false
