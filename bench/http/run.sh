#!/usr/bin/env bash
# HTTP read benchmark: starts the sandbox in Release on a loopback port with the rate limit raised,
# warms it, and prints requests/s and p50/p99 latency for the token reads. Installs wrk if missing.
#   bench/http/run.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-15}"
connections="${2:-64}"
port="${BENCH_PORT:-18080}"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)..." >&2
  (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi

data_dir="$(mktemp -d)"
dotnet build src/FloSandbox -c Release -v quiet -nologo >/dev/null
FLO_DATA_DIR="$data_dir" RateLimit__RequestsPerSecond=100000000 Logging__LogLevel__Default=Warning \
  dotnet src/FloSandbox/bin/Release/net10.0/FloSandbox.dll --urls "http://127.0.0.1:$port" "${@:3}" >"$data_dir/sandbox.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data_dir"' EXIT

for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "sandbox did not become ready"; cat "$data_dir/sandbox.log"; exit 1; }

key="sk_test_bench$(date +%s)"
auth="Authorization: Bearer $key"
curl -fs -H "$auth" "http://127.0.0.1:$port/v1/sandbox/tenant" >/dev/null

run() {
  local path="$1"
  wrk -t2 -c"$connections" -d8s -H "$auth" "http://127.0.0.1:$port$path" >/dev/null   # warm-up: let tiered JIT settle
  local out
  out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "$auth" "http://127.0.0.1:$port$path")"
  local rps p50 p99 non2xx
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "GET $path" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "FloSandbox HTTP read benchmark: $(nproc) cores, ${connections} connections, ${duration}s per route (wrk and sandbox share the machine)"
run "/v1/tokens/AAPL"
run "/v1/tokens?limit=100"
