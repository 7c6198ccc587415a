#!/usr/bin/env bash
# Start-up benchmark: builds Release once, then starts the sandbox N times and measures the wall time
# from process launch to the first 200 from /health/ready (polled every 10 ms), for a cold start (fresh
# data dir: new ledger, chains deployed from scratch) and a warm restart (same data dir, ledger and
# chain state present). Prints min/median/max of each. Every process it starts is stopped with SIGTERM
# and waited for, also on failure or Ctrl-C, and it checks that no anvil of its own is left behind.
#   bench/startup/run.sh [runs]            (default 5; BENCH_PORT picks the port, default 18280)
# BENCH_APP=/path/FloSandbox.dll measures that build instead (a `dotnet publish` output, say), without
# building; the environment passes through, so set Devchain__AnvilPath when it has no devchain/ nearby.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
port="${BENCH_PORT:-18280}"
dll="${BENCH_APP:-src/FloSandbox/bin/Release/net10.0/FloSandbox.dll}"
target_ms=2000

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [runs]" >&2; exit 2; }

# Every data dir lives under one root; anvil is started with --state <data dir>/chains/<chain>.json,
# so `pgrep -f <root>` finds exactly the anvils this script caused, and nothing of anyone else's.
root="$(mktemp -d "${TMPDIR:-/tmp}/flo-startup.XXXXXX")"
pid=""

# shellcheck source=bench/startup/lib.sh
source bench/startup/lib.sh
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

check_port_free
build_release

echo "FloSandbox start-up benchmark: $(nproc) cores, $runs runs, launch -> first 200 from /health/ready (polled every 10 ms)"
echo "app: $dll"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
printf '%-6s %-30s %s\n' "run" "cold: ready (of it devchain)" "warm: ready (of it devchain)"
cold=() warm=()
for i in $(seq 1 "$runs"); do
  data_dir="$root/run$i"
  start_and_time "$data_dir"
  cold+=("$ready_ms"); cold_line="$(printf '%5d ms (%5s ms)' "$ready_ms" "$chain_ms")"
  stop_sandbox
  for chain in base arbitrum ethereum; do
    [[ -s "$data_dir/chains/$chain.json" ]] || { echo "no chain state $data_dir/chains/$chain.json after a clean stop" >&2; exit 1; }
  done
  start_and_time "$data_dir"
  warm+=("$ready_ms"); warm_line="$(printf '%5d ms (%5s ms)' "$ready_ms" "$chain_ms")"
  stop_sandbox
  printf '%-6s %-30s %s\n' "$i" "$cold_line" "$warm_line"
done

echo
echo "cold start (fresh data dir)     $(stats "${cold[@]}")"
echo "warm restart (state present)    $(stats "${warm[@]}")"
median_cold="$(median "${cold[@]}")"
if (( median_cold < target_ms )); then
  echo "target: cold start under $target_ms ms: met (median $median_cold ms)"
else
  echo "target: cold start under $target_ms ms: missed (median $median_cold ms)"
fi

left="$(our_anvils)"
if [[ -n "$left" ]]; then  # after every stop_sandbox passed, any left here is a bug
  echo "anvil left behind: $left" >&2; exit 1
fi
echo "no anvil left behind (pgrep -f '--state $root/' finds none)"
