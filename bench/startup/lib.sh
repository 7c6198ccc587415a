# Shared by the start-up benchmarks (sourced, not run). Expects $root (a temp dir every data dir lives
# under), $port and $dll; keeps the running sandbox's pid in $pid.

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

# Anvils whose command line names our root: left only if a sandbox died without stopping them.
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

# Starts the sandbox on $1 (data dir) and sets ready_ms (launch -> first 200), chain_ms (the
# sandbox's own "Devchain ready in" figure, part of ready_ms) and compare_ms (its "Compared … balances
# of ledger and chain in" figure, also part of it). Leaves it running in $pid.
start_and_time() {
  local data_dir="$1" log="$1.log" t0 t code
  t0="$(now_us)"
  # ASP.NET's per-request logs would only slow down provisioning many tenants.
  FLO_DATA_DIR="$data_dir" dotnet "$dll" --urls "http://127.0.0.1:$port" --Logging:LogLevel:Microsoft.AspNetCore Warning >"$log" 2>&1 &
  pid=$!
  while :; do
    code="$(status_of)"
    t="$(now_us)"
    [[ "$code" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the sandbox exited before it was ready; its log:" >&2; cat "$log" >&2; exit 1
    fi
    if (( t - t0 > 120000000 )); then
      echo "not ready after 120 s (last status: ${code:-no answer}); its log:" >&2; cat "$log" >&2; exit 1
    fi
    sleep 0.01
  done
  ready_ms=$(( (t - t0) / 1000 ))
  chain_ms="$(sed -n 's/.*Devchain ready in \([0-9]*\) ms.*/\1/p' "$log" | head -n 1)"
  compare_ms="$(sed -n 's/.*balances of ledger and chain in \([0-9]*\) ms.*/\1/p' "$log" | head -n 1)"
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

median() {
  sort -n <<<"$(printf '%s\n' "$@")" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

check_port_free() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use; set BENCH_PORT" >&2; exit 1
  fi
}

build_release() {
  if [[ -z "${BENCH_APP:-}" ]]; then
    echo "building Release..." >&2
    dotnet build src/FloSandbox -c Release -v quiet -nologo >/dev/null
  fi
  [[ -f "$dll" ]] || { echo "no $dll" >&2; exit 1; }
}
