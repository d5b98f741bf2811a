#!/usr/bin/env bash
# Builds the matching engine, the transfer table's domain and the bench module with the Maven
# wrapper (package only, nothing installed into ~/.m2), then runs the engine-vs-OR-Tools harness and
# the read-model measurement with a 512 MiB heap on 2 cores. Extra arguments go to the harness:
#   bench/matcher.sh [warmups] [runs] [seed]     (defaults 3 9 20240601)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -Pbench -pl bench -am package -DskipTests 2>/dev/null || ./mvnw -q -Pbench -pl bench -am package -DskipTests
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
CPUS=(taskset -c 0,1)
command -v taskset >/dev/null 2>&1 || CPUS=()
exec "${CPUS[@]}" java -Xmx512m -XX:ActiveProcessorCount=2 -cp "$CP" nl.transfertafel.bench.MatcherBench "$@"
