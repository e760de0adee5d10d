#!/usr/bin/env bash
# Crash soak: the operator, run apart from `up --no-operator`, is killed with kill -9 at random moments while a
# generated fleet converges against a faulty cloud and faulty PBXs (part of the faults strike after the write: the
# write is done, its answer lost), and started again each time. Then it checks that no cloud object was created twice,
# that every object is Ready and that no activation code was lost; deletes everything and checks that no cloud object
# is left behind and no finalizer either. Prints the figures; exits 1 when a check fails, 2 when it cannot run.
#
# Usage: operator/bench/soak.sh [PBXS=500] [KILLS=5] [SEED=random]
# Builds nothing: needs operator/target/pbx-operator.jar (mvn -B -DskipTests package), and java 17, kubectl, curl, jq.
# Environment, with the defaults:
#   faults of the cloud:  CLOUD_ERROR_RATE=0.12 CLOUD_ERROR_AFTER_WRITE_RATE=0.08 (5xx before / after the write)
#                         CLOUD_DROP_RATE=0.03 CLOUD_DROP_AFTER_WRITE_RATE=0.05 (no answer) CLOUD_RATE_LIMIT=18 (429/s)
#   faults of O2G:        O2G_ERROR_RATE=0.10 O2G_ERROR_AFTER_WRITE_RATE=0.05 O2G_DROP_RATE=0.02
#                         O2G_DROP_AFTER_WRITE_RATE=0.05
#   kills:                KILL_MIN_S=10 KILL_MAX_S=40 (seconds between two kills) DELETE_KILLS=2 (while deleting)
#   waits:                FAULTY_WAIT_S=900 (with the faults on, then they are turned off) CLEAN_WAIT_S=600
#   SOAK_DIR              where the fleet, the logs and the evidence go (default: a new temporary folder, kept)
set -euo pipefail
cd "$(dirname "$0")/../.."

PBXS=${1:-500}
KILLS=${2:-5}
SEED=${3:-$(( (RANDOM << 15) | RANDOM ))}
JAR=operator/target/pbx-operator.jar
CLOUD_ERROR_RATE=${CLOUD_ERROR_RATE:-0.12}
CLOUD_ERROR_AFTER_WRITE_RATE=${CLOUD_ERROR_AFTER_WRITE_RATE:-0.08}
CLOUD_DROP_RATE=${CLOUD_DROP_RATE:-0.03}
CLOUD_DROP_AFTER_WRITE_RATE=${CLOUD_DROP_AFTER_WRITE_RATE:-0.05}
CLOUD_RATE_LIMIT=${CLOUD_RATE_LIMIT:-18}
O2G_ERROR_RATE=${O2G_ERROR_RATE:-0.10}
O2G_ERROR_AFTER_WRITE_RATE=${O2G_ERROR_AFTER_WRITE_RATE:-0.05}
O2G_DROP_RATE=${O2G_DROP_RATE:-0.02}
O2G_DROP_AFTER_WRITE_RATE=${O2G_DROP_AFTER_WRITE_RATE:-0.05}
KILL_MIN_S=${KILL_MIN_S:-10}
KILL_MAX_S=${KILL_MAX_S:-40}
DELETE_KILLS=${DELETE_KILLS:-2}
FAULTY_WAIT_S=${FAULTY_WAIT_S:-900}
CLEAN_WAIT_S=${CLEAN_WAIT_S:-600}
DIR=${SOAK_DIR:-$(mktemp -d -t pbxops-soak.XXXXXX)}
KINDS=company,pbx,pbxshare,webrtcgateway,numberingplan

for tool in java kubectl curl jq; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is not on the PATH" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "soak: $JAR is missing: build it first (mvn -B -DskipTests package)" >&2; exit 2; }
mkdir -p "$DIR/fleet"
RANDOM=$SEED
UP_PID=
OP_PID=
RUNS=0
KILLED=0
SELF_EXITS=0
FAILED=0

log() { printf '[%5ds] %s\n' "$SECONDS" "$*"; }
fail() { FAILED=1; log "CHECK FAILED: $*"; }

cleanup() {
  if [ -n "$OP_PID" ]; then
    kill -9 "$OP_PID" 2>/dev/null || true
    wait "$OP_PID" 2>/dev/null || true
  fi
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then
    kill "$UP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$UP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$UP_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# --- the fleet: companies with OXE (behind O2G) and OXO PBXs, shared OXOs with two PbxShares each, gateways ---------
COMPANIES=$(( PBXS / 5 > 2 ? PBXS / 5 : 2 ))
SHARED=$(( PBXS / 10 ))
OWNED=$(( PBXS - SHARED ))
GATEWAYS=0
SHARES=0
FLEET=$DIR/fleet/fleet.yaml
{
  cat <<EOF
apiVersion: v1
kind: Secret
metadata: {name: o2g}
stringData: {username: o2g-admin, password: o2g-soak-secret}
EOF
  for plan in 0 1 2 3 4; do
    cat <<EOF
---
apiVersion: pbxops.io/v1alpha1
kind: NumberingPlan
metadata: {name: plan-$plan}
spec:
  rules:
  - {match: "^$((plan + 2))(1[0-9]{2})\$", replace: "+3314000\$1"}
  - {match: "^18\$", replace: ""}
EOF
  done
  for ((c = 0; c < COMPANIES; c++)); do
    printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: Company\nmetadata: {name: company-%04d}\nspec: {displayName: Company %04d, country: FRA}\n' "$c" "$c"
  done
  for ((p = 0; p < OWNED; p++)); do
    company=$(printf 'company-%04d' $(( p % COMPANIES )))
    if (( p % 3 == 0 )); then
      printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: Pbx\nmetadata: {name: pbx-%04d}\nspec:\n  companyRef: {name: %s}\n  type: OmniPCXEnterprise\n  dialing: {country: FRA, nationalPrefix: "0", internationalPrefix: "00"}\n  numberingPlanRef: {name: plan-%d}\n  webRtc: {enabled: true, licenseAccepted: true}\n  network: {dns: {primary: 10.0.0.53}}\n  endpoint: {url: "https://o2g-%04d.fleet.example", nodeId: "1", credentialsSecretRef: {name: o2g}}\n' \
        "$p" "$company" $(( p % 5 )) "$p"
    else
      printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: Pbx\nmetadata: {name: pbx-%04d}\nspec:\n  companyRef: {name: %s}\n  type: OXOConnectEvolution\n  activation: {mode: Fleet, fleetReference: ALE12, installationReference: "1000.%04d.00"}\n  dialing: {country: FRA}\n  numberingPlanRef: {name: plan-%d}\n  webRtc: {enabled: true, licenseAccepted: true}\n' \
        "$p" "$company" "$p" $(( p % 5 ))
    fi
    if (( p % 2 == 0 )); then
      GATEWAYS=$((GATEWAYS + 1))
      if (( p % 3 == 0 )); then
        printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: WebRtcGateway\nmetadata: {name: pbx-%04d-gw}\nspec: {pbxRef: {name: pbx-%04d}, type: External, address: 10.9.%d.%d, voiceChannels: 30}\n' \
          "$p" "$p" $(( p / 250 )) $(( p % 250 + 1 ))
      else
        printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: WebRtcGateway\nmetadata: {name: pbx-%04d-gw}\nspec: {pbxRef: {name: pbx-%04d}, type: Internal}\n' "$p" "$p"
      fi
    fi
  done
  for ((s = 0; s < SHARED; s++)); do
    printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: Pbx\nmetadata: {name: shared-%04d}\nspec:\n  shared: true\n  type: OXOConnect\n  activation: {mode: Fleet, fleetReference: ALE13, installationReference: "2000.%04d.00"}\n  dialing: {country: FRA}\n' "$s" "$s"
    for k in 0 1; do
      SHARES=$((SHARES + 1))
      printf -- '---\napiVersion: pbxops.io/v1alpha1\nkind: PbxShare\nmetadata: {name: shared-%04d-%d}\nspec: {pbxRef: {name: shared-%04d}, companyRef: {name: company-%04d}}\n' \
        "$s" "$k" "$s" $(( (s * 2 + k) % COMPANIES ))
    done
  done
} > "$FLEET"
OBJECTS=$(( COMPANIES + 5 + PBXS + GATEWAYS + SHARES ))
log "fleet: $COMPANIES companies, $PBXS PBXs ($OWNED owned, one OXE in three behind its own O2G host; $SHARED shared, $SHARES shares), $GATEWAYS gateways, 5 plans = $OBJECTS objects; seed $SEED; in $DIR"

# --- up --no-operator ---------------------------------------------------------------------------------------------
export KUBECONFIG=$DIR/.pbxops/kubeconfig
java -jar "$JAR" up --no-operator --manifests "$DIR/fleet" --kubeconfig "$KUBECONFIG" --api-port 0 --cloud-port 0 \
  --o2g-port 0 --log-file "$DIR/up.log" --plain > "$DIR/up.out" 2>&1 &
UP_PID=$!
for _ in $(seq 1 180); do
  grep -q '^operator: pbx-operator ' "$DIR/up.out" && break
  kill -0 "$UP_PID" 2>/dev/null || { cat "$DIR/up.out" >&2; echo "soak: up exited" >&2; exit 2; }
  sleep 1
done
read -r -a RUN_ARGS <<< "$(sed -n 's/^operator: pbx-operator //p' "$DIR/up.out")"
[ "${#RUN_ARGS[@]}" -gt 0 ] || { cat "$DIR/up.out" >&2; echo "soak: up printed no operator command" >&2; exit 2; }
CONTROL=$(jq -r .cloud "$DIR/.pbxops/up.json")/sim/v1
log "up --no-operator: $(head -1 "$DIR/up.out")"

set_faults() {
  curl -sf -X PUT "$CONTROL/faults" -H 'Content-Type: application/json' -d "$1" > /dev/null
}
set_faults "{\"target\":\"cloud\",\"errorRate\":$CLOUD_ERROR_RATE,\"errorAfterWriteRate\":$CLOUD_ERROR_AFTER_WRITE_RATE,\"dropConnectionRate\":$CLOUD_DROP_RATE,\"dropAfterWriteRate\":$CLOUD_DROP_AFTER_WRITE_RATE,\"rateLimitPerSecond\":$CLOUD_RATE_LIMIT,\"retryAfterSeconds\":1}"
set_faults "{\"target\":\"o2g\",\"errorRate\":$O2G_ERROR_RATE,\"errorAfterWriteRate\":$O2G_ERROR_AFTER_WRITE_RATE,\"dropConnectionRate\":$O2G_DROP_RATE,\"dropAfterWriteRate\":$O2G_DROP_AFTER_WRITE_RATE}"
curl -sf -X DELETE "$CONTROL/requests" > /dev/null
log "faults on: cloud $(curl -sf "$CONTROL/faults?target=cloud" | jq -c '{errorRate, errorAfterWriteRate, dropConnectionRate, dropAfterWriteRate, rateLimitPerSecond}')"
log "           O2G   $(curl -sf "$CONTROL/faults?target=o2g" | jq -c '{errorRate, errorAfterWriteRate, dropConnectionRate, dropAfterWriteRate}')"

start_operator() {
  RUNS=$((RUNS + 1))
  java -jar "$JAR" "${RUN_ARGS[@]}" > "$DIR/run-$RUNS.log" 2>&1 &
  OP_PID=$!
}

# An operator that stopped by itself (it should not) is a failed check; it is started again so that the soak goes on.
exited_by_itself() {
  kill -0 "$OP_PID" 2>/dev/null && return 1
  wait "$OP_PID" 2>/dev/null || true
  SELF_EXITS=$((SELF_EXITS + 1))
  fail "the operator (run $RUNS) exited by itself: see $DIR/run-$RUNS.log"
}

ensure_operator() {
  if exited_by_itself; then start_operator; fi
}

# Kills the operator with SIGKILL (unless it exited by itself); the caller starts the next one.
kill_operator() {
  exited_by_itself && return 0
  kill -9 "$OP_PID" 2>/dev/null || true
  wait "$OP_PID" 2>/dev/null || true
  KILLED=$((KILLED + 1))
}

# How many of the fleet's objects are not Ready for their current generation (all of them while none is listed).
not_ready() {
  kubectl get "$KINDS" -A -o json 2>/dev/null | jq --argjson expected "$OBJECTS" '
    . as $all
    | ([.items[] | .metadata.generation as $g | (.status.observedGeneration // null) as $observed
        | select([(.status.conditions // [])[] | select(.type == "Ready" and .status == "True"
                  and ((.observedGeneration // $observed // $g) == $g))] | length == 0)] | length)
      + ($expected - ($all.items | length))' || echo "$OBJECTS"
}

# The objects not Ready, with the reason and message of their Ready condition (at most 20 lines).
show_not_ready() {
  kubectl get "$KINDS" -A -o json | jq -r '.items[]
    | select([(.status.conditions // [])[] | select(.type == "Ready" and .status == "True")] | length == 0)
    | "  \(.kind)/\(.metadata.name): \([(.status.conditions // [])[] | select(.type == "Ready") | "\(.reason): \(.message)"] | first // "no Ready condition")"' | head -20 >&2
}

remaining() {
  kubectl get "$KINDS" -A -o json 2>/dev/null | jq '.items | length' || echo "-1"
}

# Waits until $1 (a function printing a count) prints 0, leaving the last count in WAIT_LEFT: $2 seconds with the
# faults on, then, if needed, $CLEAN_WAIT_S more with the faults off (said, and recorded in FAULTS_OFF).
FAULTS_OFF=
WAIT_LEFT=
wait_for_zero() {
  local what=$1 faulty=$2 deadline
  deadline=$((SECONDS + faulty))
  while WAIT_LEFT=$($what); [ "$WAIT_LEFT" != 0 ] && [ $SECONDS -lt $deadline ]; do sleep 5; ensure_operator; done
  if [ "$WAIT_LEFT" != 0 ]; then
    log "$what: $WAIT_LEFT after ${faulty}s with the faults on: turning the faults off to finish"
    [ "$what" = not_ready ] && show_not_ready
    curl -sf -X DELETE "$CONTROL/faults" > /dev/null
    FAULTS_OFF="${FAULTS_OFF:+$FAULTS_OFF; }$what at ${SECONDS}s ($WAIT_LEFT left)"
    deadline=$((SECONDS + CLEAN_WAIT_S))
    while WAIT_LEFT=$($what); [ "$WAIT_LEFT" != 0 ] && [ $SECONDS -lt $deadline ]; do sleep 5; ensure_operator; done
  fi
}

# --- converge, with kills at random moments ------------------------------------------------------------------------
START=$SECONDS
start_operator
for ((k = 1; k <= KILLS; k++)); do
  sleep $(( KILL_MIN_S + RANDOM % (KILL_MAX_S - KILL_MIN_S + 1) ))
  left=$(not_ready)
  kill_operator
  log "kill -9 #$k of the operator (run $RUNS) with $left/$OBJECTS objects not Ready yet$([ "$left" = 0 ] && echo ' (already converged: a kill after convergence)')"
  start_operator
done
wait_for_zero not_ready "$FAULTY_WAIT_S"
left=$WAIT_LEFT
CONVERGED_IN=$((SECONDS - START))
if [ "$left" = 0 ]; then
  log "converged: every one of the $OBJECTS objects Ready, ${CONVERGED_IN}s after the first operator started"
else
  fail "not converged after ${CONVERGED_IN}s: $left objects not Ready"
  show_not_ready
fi

# --- checks: duplicates, Ready, activation codes -------------------------------------------------------------------
curl -sf "$CONTROL/state" > "$DIR/cloud-converged.json"
kubectl get pbx -A -o json > "$DIR/pbxs.json"
kubectl get secret -A -o json > "$DIR/secrets.json"
DUPLICATES=$(jq '
  def extra(f): [group_by(f)[] | length - 1] | add // 0;
  {
    companies_by_name: (.companies | extra(.name)),
    sites_by_name_in_company: (.sites | extra([.companyId, .name])),
    systems_by_name_in_site: ([.systems[] | . as $s | ((.siteId // []) | if type == "array" then . else [.] end
                               | if length == 0 then ["(no site)"] else . end)[] | {site: ., name: $s.name}]
                             | extra([.site, .name])),
    systems_by_pbxId: (.systems | extra(.pbxId)),
    gateways_by_name_on_system: (.mediaPillars | extra([.systemId, .name]))
  }' "$DIR/cloud-converged.json")
DUPLICATE_COUNT=$(jq '[.[]] | add' <<< "$DUPLICATES")
log "duplicate cloud objects: $DUPLICATE_COUNT $(jq -c . <<< "$DUPLICATES")"
[ "$DUPLICATE_COUNT" = 0 ] || {
  fail "$DUPLICATE_COUNT duplicate cloud objects"
  jq -r '.systems | group_by(.pbxId)[] | select(length > 1) | "  system pbxId \(.[0].pbxId): \(map("\(.name) \(.id) \(.status)") | join(", "))"' "$DIR/cloud-converged.json" | head -10
  jq -r '.companies | group_by(.name)[] | select(length > 1) | "  company \(.[0].name): \(map(.id) | join(", "))"' "$DIR/cloud-converged.json" | head -10
  jq -r '.mediaPillars | group_by([.systemId, .name])[] | select(length > 1) | "  gateway \(.[0].name) on \(.[0].systemId): \(map(.id) | join(", "))"' "$DIR/cloud-converged.json" | head -10
}
log "cloud objects: $(jq -c '{companies: (.companies | length - 1), sites: (.sites | length), systems: (.systems | length), gateways: (.mediaPillars | length)}' "$DIR/cloud-converged.json") for $COMPANIES companies, $PBXS PBXs, $GATEWAYS gateways declared"

# A code is lost when a Pbx's activation Secret does not name its cloud system (equipmentId = pbxId), or, while the
# system is not activated, does not hold the code it waits for (jid_pbxagent_password), or holds a code that is not
# the system's. An activated system's Secret without a code (a system adopted after its creation's answer was lost:
# the code is spent) is counted apart, not as lost. Names and reasons only: codes never go to the output.
jq -r --slurpfile cloud "$DIR/cloud-converged.json" --slurpfile secrets "$DIR/secrets.json" '
  ($cloud[0].systems | map({key: .id, value: .}) | from_entries) as $systems
  | ($secrets[0].items | map({key: "\(.metadata.namespace)/\(.metadata.name)", value: (.data // {} | map_values(@base64d))}) | from_entries) as $data
  | .items[] | .metadata.namespace as $ns | .metadata.name as $name
  | (.status.systemId // null) as $id | (.status.activationSecretName // null) as $secret
  | (if $id == null then "lost: no systemId in its status"
     elif $systems[$id] == null then "lost: its system \($id) is not in the cloud"
     elif $secret == null or $data["\($ns)/\($secret)"] == null then "lost: no activation Secret"
     else ($systems[$id]) as $s | $data["\($ns)/\($secret)"] as $d
       | if $d.equipmentId != $s.pbxId then "lost: the equipmentId of its Secret is not the pbxId of the system"
         elif $s.status != "activated" and $d.activationCode != $s.jid_pbxagent_password
         then "lost: the activationCode of its Secret is not the jid_pbxagent_password the system waits for"
         elif $d.activationCode != null and $d.activationCode != $s.activationCode
         then "lost: the activationCode of its Secret is not the system one"
         elif $d.activationCode == null then "spent: activated, its Secret holds no activationCode"
         else empty end
     end) as $reason
  | "\($reason) (\($ns)/\($name))"' "$DIR/pbxs.json" > "$DIR/activation-codes.txt"
LOST=$(grep -c '^lost: ' "$DIR/activation-codes.txt" || true)
SPENT=$(grep -c '^spent: ' "$DIR/activation-codes.txt" || true)
log "lost activation codes: $LOST (of $(jq '.items | length' "$DIR/pbxs.json") Pbx); activated PBXs whose Secret holds no code: $SPENT"
[ "$LOST" = 0 ] || { fail "$LOST lost activation codes"; grep '^lost: ' "$DIR/activation-codes.txt" | head -10 | sed 's/^/  /'; }
CONVERGE_REQUESTS=$(curl -sf "$CONTROL/requests")
CONVERGE_FAULTS=$(curl -sf "$CONTROL/faults/injected")
curl -sf -X DELETE "$CONTROL/requests" > /dev/null

# --- delete everything ---------------------------------------------------------------------------------------------
if [ -z "$FAULTS_OFF" ]; then
  log "deleting everything, the faults still on"
else
  set_faults "{\"target\":\"cloud\",\"errorRate\":$CLOUD_ERROR_RATE,\"errorAfterWriteRate\":$CLOUD_ERROR_AFTER_WRITE_RATE,\"dropConnectionRate\":$CLOUD_DROP_RATE,\"dropAfterWriteRate\":$CLOUD_DROP_AFTER_WRITE_RATE,\"rateLimitPerSecond\":$CLOUD_RATE_LIMIT,\"retryAfterSeconds\":1}"
  set_faults "{\"target\":\"o2g\",\"errorRate\":$O2G_ERROR_RATE,\"errorAfterWriteRate\":$O2G_ERROR_AFTER_WRITE_RATE,\"dropConnectionRate\":$O2G_DROP_RATE,\"dropAfterWriteRate\":$O2G_DROP_AFTER_WRITE_RATE}"
  log "deleting everything, the faults on again"
fi
DELETE_START=$SECONDS
kubectl get company -A -o json | jq -r '.items[] | "\(.metadata.namespace) \(.metadata.name)"' \
  | xargs -P 4 -n 2 sh -c 'kubectl -n "$0" patch company "$1" --type merge -p "{\"spec\":{\"deletionPolicy\":\"Delete\"}}" > /dev/null'
kubectl delete "$KINDS" --all -A --wait=false > /dev/null
for ((k = 1; k <= DELETE_KILLS; k++)); do
  sleep $(( KILL_MIN_S + RANDOM % (KILL_MAX_S - KILL_MIN_S + 1) ))
  left=$(remaining)
  kill_operator
  log "kill -9 #$((KILLS + k)) of the operator (run $RUNS) with $left objects not deleted yet"
  start_operator
done
wait_for_zero remaining "$FAULTY_WAIT_S"
left=$WAIT_LEFT
DELETED_IN=$((SECONDS - DELETE_START))
curl -sf "$CONTROL/state" > "$DIR/cloud-deleted.json"
ORPHANS=$(jq '{companies: (.bpCompanyId as $bp | [.companies[] | select(.id != $bp)] | length), sites: (.sites | length), systems: (.systems | length), gateways: (.mediaPillars | length)}' "$DIR/cloud-deleted.json")
ORPHAN_COUNT=$(jq '[.[]] | add' <<< "$ORPHANS")
FINALIZERS=$(kubectl get "$KINDS" -A -o json | jq '[.items[] | select((.metadata.finalizers // []) | length > 0)] | length')
SECRETS_LEFT=$(kubectl get secret -A -l app.kubernetes.io/managed-by=pbx-operator -o json | jq '.items | length')
log "deleted in ${DELETED_IN}s: $left objects left, $FINALIZERS with a finalizer; orphans in the cloud: $ORPHAN_COUNT $(jq -c . <<< "$ORPHANS"); activation Secrets left: $SECRETS_LEFT"
[ "$left" = 0 ] || fail "$left objects not deleted"
[ "$FINALIZERS" = 0 ] || fail "$FINALIZERS objects keep a finalizer"
[ "$ORPHAN_COUNT" = 0 ] || {
  fail "$ORPHAN_COUNT cloud objects left behind"
  jq -r '.systems[] | "  system \(.name) \(.id) \(.status) pbxId \(.pbxId)"' "$DIR/cloud-deleted.json" | head -10
  jq -r '.bpCompanyId as $bp | .companies[] | select(.id != $bp) | "  company \(.name) \(.id)"' "$DIR/cloud-deleted.json" | head -10
  jq -r '.mediaPillars[] | "  gateway \(.name) \(.id) on \(.systemId)"' "$DIR/cloud-deleted.json" | head -10
}
[ "$SECRETS_LEFT" = 0 ] || fail "$SECRETS_LEFT activation Secrets left"
DELETE_REQUESTS=$(curl -sf "$CONTROL/requests")
DELETE_FAULTS=$(curl -sf "$CONTROL/faults/injected")

# --- figures -------------------------------------------------------------------------------------------------------
requests() {
  jq -r '
    def sum(f): [.[] | select(f) | .count] | add // 0;
    "cloud \(sum(.route | startswith("/api/rainbow"))) (writes \(sum((.route | startswith("/api/rainbow")) and .method != "GET"))), O2G \(sum(.route | startswith("/api/rest"))) (writes \(sum((.route | startswith("/api/rest")) and .method != "GET")))"' <<< "$1"
}
faults() {
  jq -r 'to_entries | map("\(.key): " + (.value | to_entries | map("\(.key) \(.value)") | join(", "))) | join("; ")' <<< "$1"
}
echo
echo "soak: $PBXS PBXs ($OBJECTS objects), seed $SEED, kill -9 $KILLED times ($KILLS converging, $DELETE_KILLS deleting), $RUNS operator runs, $SELF_EXITS exits by itself"
echo "  converge: ${CONVERGED_IN}s; requests $(requests "$CONVERGE_REQUESTS")"
echo "            faults injected: $(faults "$CONVERGE_FAULTS")"
echo "  delete:   ${DELETED_IN}s; requests $(requests "$DELETE_REQUESTS")"
echo "            faults injected: $(faults "$DELETE_FAULTS")"
echo "  faults turned off to finish: ${FAULTS_OFF:-no}"
echo "  duplicates $DUPLICATE_COUNT, lost activation codes $LOST (activated with no code in the Secret: $SPENT), orphans $ORPHAN_COUNT, finalizers left $FINALIZERS, activation Secrets left $SECRETS_LEFT"
echo "  total ${SECONDS}s; logs and evidence in $DIR"
if [ "$FAILED" = 0 ]; then echo "soak: every check passed"; else echo "soak: a check FAILED (above)"; fi
exit "$FAILED"
