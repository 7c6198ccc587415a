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

# SIGTERM one process by id and wait for it (up to 30 s, then SIGKILL).
stop_pid() {
  local p="$1"
  kill -0 "$p" 2>/dev/null || { wait "$p" 2>/dev/null || true; return 0; }
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$p" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$p" 2>/dev/null; then
    echo "process $p ignored SIGTERM for 30 s; sending SIGKILL" >&2
    kill -KILL "$p" 2>/dev/null || true
  fi
  wait "$p" 2>/dev/null || true
}

# Anvils whose command line names our root: left only if a sandbox died without stopping them (a
# SIGTERM that lands after the chains spawned but before the host started does that, e.g. Ctrl-C here).
our_anvils() { pgrep -f -- "--state $root/" || true; }

# Gives processes that were just told to stop up to 5 s to be gone; prints those still alive.
still_alive_after_grace() {
  local alive=""
  for _ in $(seq 1 50); do
    alive=""
    for p in "$@"; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
    [[ -z "$alive" ]] && break
    sleep 0.1
  done
  echo "$alive"
}

cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  [[ -n "$pid" ]] && stop_pid "$pid"
  local stray
  stray="$(still_alive_after_grace $(our_anvils))"
  if [[ -n "${stray// /}" ]]; then
    echo "stopping anvil left behind: $(tr '\n' ' ' <<<"$stray")" >&2
    for p in $stray; do kill -TERM "$p" 2>/dev/null || true; done
    sleep 1
    for p in $stray; do kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null; done
    status=1
  fi
  rm -rf "$root"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One HTTP GET through bash's /dev/tcp, so polling every 10 ms forks no curl. Prints the status code,
# or nothing while the port is closed.
status_of() {
  local line=""
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
  printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
  read -r -t 5 -u 3 line || true
  exec 3<&- 3>&-
  line="${line%$'\r'}"
  if [[ "$line" =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]]; then echo "${BASH_REMATCH[1]}"; fi
}

now_us() { local t="$EPOCHREALTIME"; echo "${t/./}"; }

# Starts the sandbox on $1 (data dir) and sets ready_ms (launch -> first 200) and chain_ms (the
# sandbox's own "Devchain ready in" figure, part of ready_ms). Leaves it running in $pid.
start_and_time() {
  local data_dir="$1" log="$1.log" t0 t code
  t0="$(now_us)"
  FLO_DATA_DIR="$data_dir" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  pid=$!
  while :; do
    code="$(status_of)"
    t="$(now_us)"
    [[ "$code" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the sandbox exited before it was ready; its log:" >&2; cat "$log" >&2; exit 1
    fi
    if (( t - t0 > 60000000 )); then
      echo "not ready after 60 s (last status: ${code:-no answer}); its log:" >&2; cat "$log" >&2; exit 1
    fi
    sleep 0.01
  done
  ready_ms=$(( (t - t0) / 1000 ))
  chain_ms="$(sed -n 's/.*Devchain ready in \([0-9]*\) ms.*/\1/p' "$log" | head -n 1)"
  # The ready answer must be the real thing: a token read through the whole pipeline.
  curl -fsS -o /dev/null -H "Authorization: Bearer sk_test_startup_bench_1" "http://127.0.0.1:$port/v1/tokens/AAPL"
}

stop_sandbox() {
  # Record the anvil children first: after a dirty exit they would be re-parented and hard to see.
  local children
  children="$(pgrep -P "$pid" -x anvil || true)"
  stop_pid "$pid"
  pid=""
  local alive
  alive="$(still_alive_after_grace $children)"
  if [[ -n "${alive// /}" ]]; then echo "anvil$alive outlived its sandbox by 5 s" >&2; exit 1; fi
}

stats() { # min median max of the arguments
  sort -n <<<"$(printf '%s\n' "$@")" | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "min %5d ms   median %5d ms   max %5d ms", v[1], m, v[NR] }'
}

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is already in use; set BENCH_PORT" >&2; exit 1
fi

if [[ -z "${BENCH_APP:-}" ]]; then
  echo "building Release..." >&2
  dotnet build src/FloSandbox -c Release -v quiet -nologo >/dev/null
fi
[[ -f "$dll" ]] || { echo "no $dll" >&2; exit 1; }

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
median_cold="$(sort -n <<<"$(printf '%s\n' "${cold[@]}")" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')"
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
