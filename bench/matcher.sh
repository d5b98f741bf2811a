#!/usr/bin/env bash
# Builds the matching engine and the bench module with the Maven wrapper, then runs the
# engine-vs-OR-Tools harness with a 512 MiB heap on 2 cores. Extra arguments go to the harness:
#   bench/matcher.sh [warmups] [runs] [seed]     (defaults 3 7 20240601)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -N install
./mvnw -q -pl matching-engine,bench install -DskipTests
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
CPUS=(taskset -c 0,1)
command -v taskset >/dev/null 2>&1 || CPUS=()
exec "${CPUS[@]}" java -Xmx512m -XX:ActiveProcessorCount=2 -cp "$CP" nl.transfertafel.bench.MatcherBench "$@"
