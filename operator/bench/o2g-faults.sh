#!/usr/bin/env bash
# The same fleet converged twice, each run in a JVM of its own: without faults, then with a share of the O2G requests
# answered with a 5xx. Prints both runs, the ratio of their convergence times, and the O2G requests per OmniPCX.
# Usage: operator/bench/o2g-faults.sh [O2G_5XX_RATE=0.1] [COMPANIES=20] [PBXS=100] [LATENCY_MS=20] [CLOUD_RPS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
rate="${1:-0.1}"
fleet=("${2:-20}" "${3:-100}" "${4:-20}" "${5:-20}")
mvn -B -q -pl operator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/operator/target/bench.classpath" -Dmdep.includeScope=test
classpath="operator/target/test-classes:operator/target/classes:$(cat operator/target/bench.classpath)"
run() {
  java -cp "$classpath" -Dlogback.configurationFile=operator/bench/logback-quiet.xml \
    io.pbxops.operator.bench.FleetConvergenceBenchmark "${fleet[@]}" "$1" | tee >(cat >&2) | grep '^RESULT '
}
clean=$(run 0)
faulty=$(run "$rate")
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
awk -v c="$(field "$clean" convergedSeconds)" -v f="$(field "$faulty" convergedSeconds)" \
  -v co="$(field "$clean" o2gRequests)" -v fo="$(field "$faulty" o2gRequests)" -v n="$(field "$clean" oxes)" \
  -v rate="$rate" 'BEGIN {
  printf "\nfault-free: %.1f s, %d O2G requests (%.1f per OmniPCX)\n", c, co, co / n
  printf "O2G 5xx %.0f %%: %.1f s, %d O2G requests (%.1f per OmniPCX)\n", rate * 100, f, fo, fo / n
  printf "convergence time ratio (faulty / fault-free): %.2f\n", f / c
}'
