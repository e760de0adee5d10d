#!/usr/bin/env bash
# Issue #13's fleet converged from empty by the operator with run's defaults (budget 8 concurrent / 20 requests per
# second, pending recheck 10 s): time to all Ready, cloud requests beside the fewest the work allows, O2G requests per
# OmniPCX, and the cost of a steady-state drift check, all from the simulator's request counters. 40 companies are
# 204 PBX, 120 External gateways and 40 shares; 200 companies are 1,020 PBX. The memory mode runs `run` in a JVM of
# its own holding about OBJECTS paused objects of the five kinds (PLANS=false: no NumberingPlan) and prints its heap
# after GC and its RSS, empty and loaded.
# Usage: operator/bench/scaled-fleet.sh [converge [COMPANIES=40] [LATENCY_MS=20] [DEADLINE_MINUTES=30]]
#        operator/bench/scaled-fleet.sh memory [OBJECTS=5000] [PLANS=true]
#        operator/bench/scaled-fleet.sh converge 200     # the 1,000-PBX size (1,020 PBX)
# OPERATOR_JAVA_OPTS: the JVM options of the operator's process in the memory mode; by default the image's and the
# chart's (heap 75 % of the 512 Mi memory limit).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode="${1:-converge}"
# one reactor build: the simulator module is on the classpath from its own target/, never from ~/.m2
mvn -B -q -pl operator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/operator/target/bench.classpath" -Dmdep.includeScope=test
run() {
  java -cp "operator/target/test-classes:operator/target/classes:$(cat operator/target/bench.classpath)" \
    -Dlogback.configurationFile=${LOGBACK:-operator/bench/logback-quiet.xml} io.pbxops.operator.bench.ScaledFleetBenchmark "$@"
}
case "$mode" in
  converge) run converge "${2:-40}" "${3:-20}" "${4:-30}" ;;
  memory)
    read -r -a operator_opts <<<"${OPERATOR_JAVA_OPTS:--Xmx384m -XX:+ExitOnOutOfMemoryError}"
    run memory "${2:-5000}" "${3:-true}" "${operator_opts[@]}" ;;
  *) echo "usage: $0 [converge [COMPANIES] [LATENCY_MS] [DEADLINE_MINUTES] | memory [OBJECTS] [PLANS]]" >&2; exit 2 ;;
esac
