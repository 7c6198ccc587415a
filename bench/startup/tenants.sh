#!/usr/bin/env bash
# Warm restart against the number of tenants: for each count, provisions that many tenants in a fresh
# data dir (one GET /v1/sandbox/tenant per new key: a ledger row and 1,000,000 USDC minted on Base),
# stops the sandbox cleanly, then restarts it [runs] times on that data dir and prints the time from
# launch to the first 200 from /health/ready, with the parts the sandbox reports as "Devchain ready in"
# (spawning Anvil and loading its state) and "Compared … balances of ledger and chain in" (the start-up
# reconciliation), and the chain state's size.
#   bench/startup/tenants.sh [runs] [count...]     (default: 3 runs, counts 0 and 10000)
# BENCH_PORT, BENCH_APP as for run.sh; BENCH_CLIENTS (default 8) parallel provisioning requests.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
shift || true
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(0 10000)
port="${BENCH_PORT:-18280}"
dll="${BENCH_APP:-src/FloSandbox/bin/Release/net10.0/FloSandbox.dll}"
clients="${BENCH_CLIENTS:-8}"

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [runs] [count...]" >&2; exit 2; }
for n in "${counts[@]}"; do [[ "$n" =~ ^[0-9]+$ ]] || { echo "usage: $0 [runs] [count...]" >&2; exit 2; }; done

root="$(mktemp -d "${TMPDIR:-/tmp}/flo-tenants.XXXXXX")"
pid=""
# shellcheck source=bench/startup/lib.sh
source bench/startup/lib.sh
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One curl process, $clients transfers at a time, a distinct key per request; prints how many got 200.
provision() {
  local n="$1" config="$root/provision.curl"
  (( n > 0 )) || { echo 0; return; }
  awk -v n="$n" -v port="$port" 'BEGIN {
    for (i = 1; i <= n; i++) {
      if (i > 1) print "next"
      printf "url = \"http://127.0.0.1:%s/v1/sandbox/tenant\"\n", port
      printf "header = \"Authorization: Bearer sk_test_bench_tenant_%06d\"\n", i
      print "output = \"/dev/null\""
      print "write-out = \"%{http_code}\\n\""
    } }' >"$config"
  curl --silent --show-error --no-progress-meter --parallel --parallel-max "$clients" -K "$config" | grep -c '^200$' || true
}

check_port_free
build_release

echo "FloSandbox warm restart against tenants: $(nproc) cores, $runs restarts per count, launch -> first 200 from /health/ready"
echo "app: $dll"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
printf '%-8s %-14s %-44s %-16s %-16s %s\n' "tenants" "provisioned" "warm restart: ready" "of it devchain" "of it compare" "chain state"
for n in "${counts[@]}"; do
  data_dir="$root/tenants$n"
  start_and_time "$data_dir"
  t0="$(now_us)"
  ok="$(provision "$n")"
  provision_s="$(( ($(now_us) - t0) / 1000000 ))"
  (( ok == n )) || { echo "only $ok of $n tenants provisioned; the log:" >&2; tail -n 50 "$data_dir.log" >&2; exit 1; }
  stop_sandbox
  ready=() chain=() compare=()
  for _ in $(seq 1 "$runs"); do
    start_and_time "$data_dir"
    ready+=("$ready_ms") chain+=("${chain_ms:-0}") compare+=("${compare_ms:-0}")
    stop_sandbox
  done
  size="$(du -sh "$data_dir/chains" | cut -f1)"
  printf '%-8s %-14s %-44s %-16s %-16s %s\n' "$n" "$ok in ${provision_s} s" "$(stats "${ready[@]}")" \
    "median $(median "${chain[@]}") ms" "median $(median "${compare[@]}") ms" "$size"
done

left="$(our_anvils)"
if [[ -n "$left" ]]; then
  echo "anvil left behind: $left" >&2; exit 1
fi
