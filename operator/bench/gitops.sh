#!/usr/bin/env bash
# Export and plan of a simulated fleet (default: 1,000 PBXs over 200 companies, 20 ms cloud latency, page sizes 100
# and 1000): wall time and cloud requests beside the fewest the page size allows. Rerunnable; starts its own simulator.
#   operator/bench/gitops.sh [COMPANIES] [LATENCY_MS] [PAGE_SIZE...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."
mvn -B -q -pl operator -am test-compile -DskipTests
mvn -B -q -pl operator dependency:build-classpath -Dmdep.outputFile="$PWD/operator/target/bench.classpath" -Dmdep.includeScope=test
java -cp "operator/target/test-classes:operator/target/classes:$(cat operator/target/bench.classpath)" \
  -Dlogback.configurationFile=operator/bench/logback-quiet.xml io.pbxops.operator.cli.GitOpsBenchmark "$@"
