#!/usr/bin/env bash
# The load and fault harness (issue 10): starts the cluster mode of the embedded stack (separate JVMs,
# 3 Kafka brokers, durable PostgreSQL) on a fresh data folder, drives a national load through the
# public APIs while it kills and pauses processes, checks every invariant on the databases and topics,
# and prints the figures last as key=value lines (HTML report under target/cluster-run/report/).
#
#   bench/cluster.sh                    full run (about 20 minutes): steady, steady with every fault, ramp
#   bench/cluster.sh --short            short run (under 4 minutes): a burst, one kill -9, one broker stop
#   bench/cluster.sh --attach FILE      against a stack that is already running, described by FILE
#                                       (a cluster.json; faults that need a pid are skipped, with the reason)
#   bench/cluster.sh --cpu-per-referral 10,30 [--cpu-seconds 60] [--jfr DIR] [--instances intake-service=1,...]
#                                       CPU ms per referral per process (JVMs, brokers, PostgreSQL's backends)
#                                       at each rate, idle cost first; TRANSFERTAFEL_PG_STAT_STATEMENTS=true adds
#                                       statements per referral (docs/bench/cpu-per-referral-2026-12-06/)
# Other options: --out DIR, --warmup-seconds N (60: the steady load before phase 1, not measured),
# --steady-seconds N, --ramp 20,40,80,..., --step-seconds N, --extra-gps-per-region N, --ceiling-seconds N. Exit code 0 only when every invariant holds.
# Builds with the Maven wrapper (package only, nothing installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
attach=false
for arg in "$@"; do [[ "$arg" == "--attach" ]] && attach=true; done
if $attach; then
  modules=cluster-harness
else
  modules=local-stack,cluster-harness
fi
echo "building $modules ..." >&2
./mvnw -B -ntp -q -pl "$modules" -am package -DskipTests
CP="cluster-harness/target/classes:$(cat cluster-harness/target/classpath.txt)"
mkdir -p target/cluster-run
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xmx512m -cp "$CP" nl.transfertafel.harness.ClusterHarness \
  --jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar \
  --data-dir target/cluster-run/data --out target/cluster-run "$@"
