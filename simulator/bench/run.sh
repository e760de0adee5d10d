#!/usr/bin/env bash
# Throughput of the cloud simulator on this machine: GET /systems/{id} and POST /systems, zero latency,
# keep-alive connections, measured with wrk after a warm-up of both endpoints. Rerunnable: starts its own simulator on spare ports and stops it.
#   simulator/bench/run.sh [CONNECTIONS] [SECONDS]      (defaults 32 and 10)
# Needs java, curl, python3 and wrk (Debian: apt-get install -y wrk).
set -euo pipefail

connections=${1:-32}
seconds=${2:-10}
cloud_port=${BENCH_CLOUD_PORT:-19180}
o2g_port=${BENCH_O2G_PORT:-19543}
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/pbx-simulator.jar"
base="http://127.0.0.1:$cloud_port"
admin="$base/api/rainbow/admin/v1.0"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || (cd "$here/../.." && mvn -B -q -pl simulator package -DskipTests)

work=$(mktemp -d)
java -jar "$jar" --seed 1 --cloud-port "$cloud_port" --o2g-port "$o2g_port" >"$work/simulator.log" 2>&1 &
simulator=$!
trap 'kill "$simulator" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "$base/sim/v1/state" >/dev/null && break; sleep 0.1; done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
password=pbxops-admin
app_hash=$(printf '%s' "pbxops-secret$password" | sha256sum | cut -d' ' -f1)
token=$(curl -sf -u "admin@pbxops.test:$password" \
  -H "x-rainbow-app-auth: Basic $(printf 'pbxops:%s' "$app_hash" | base64 -w0)" \
  "$base/api/rainbow/authentication/v1.0/login" | json '["token"]')
auth="Authorization: Bearer $token"
post() { curl -sf -H "$auth" -H 'Content-Type: application/json' -d "$2" "$admin/$1"; }
company=$(post companies '{"name":"Bench","country":"FRA"}' | json '["data"]["id"]')
site=$(post sites "{\"name\":\"HQ\",\"status\":\"active\",\"companyId\":\"$company\"}" | json '["data"]["id"]')
system=$(post systems "{\"name\":\"OXE\",\"type\":\"oxe\",\"country\":\"FRA\",\"siteId\":\"$site\"}" | json '["data"]["id"]')

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"name":"BENCH","type":"oxe","country":"FRA","siteId":"$site"}'
wrk.headers["Content-Type"] = "application/json"
LUA

echo "warm-up (JIT), 5 s per endpoint"
wrk -t2 -c"$connections" -d5s -H "$auth" "$admin/systems/$system" >/dev/null
wrk -t2 -c"$connections" -d5s -s "$work/post.lua" -H "$auth" "$admin/systems" >/dev/null
echo "== GET /systems/{id}: $connections connections, $seconds s"
wrk -t2 -c"$connections" -d"${seconds}s" -H "$auth" "$admin/systems/$system" | grep -E 'Requests/sec|Latency|requests in|Non-2xx'
echo "== POST /systems: $connections connections, $seconds s"
wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/post.lua" -H "$auth" "$admin/systems" | grep -E 'Requests/sec|Latency|requests in|Non-2xx'
