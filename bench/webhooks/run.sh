#!/usr/bin/env bash
# Webhook delivery benchmark (see Program.cs): throughput and latency from an outbox event to the
# signed delivery arriving at a local receiver, and from a mint's response to its signed mint.settled.
#   bench/webhooks/run.sh [--events 5000] [--rate 500] [--tenants 4] [--mints 300] [--in-memory]
# Isolation: latency of a healthy tenant while another has N hanging subscriptions (see HangingBench.cs):
#   bench/webhooks/run.sh --hanging 40 [--rate 20] [--seconds 30] [--per-tenant N]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project bench/webhooks -v quiet -- "$@"
