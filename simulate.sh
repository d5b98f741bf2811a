#!/usr/bin/env bash
# The region simulator (issue 14): a year of referrals and capacity through the transfer table's
# real eligibility policies and matching engine, under four policies on the same random streams.
#   ./simulate.sh --region demo --policy all --seed 7      # the demo region (Apeldoorn/Zutphen)
#   ./simulate.sh --national --seed 7                      # all 30 regions
#   ./simulate.sh --help                                   # every option and parameter
# Builds the simulator and what it needs with the Maven wrapper (package only, nothing installed
# into ~/.m2), then runs it on at most 2 cores. Progress goes to stderr; the table, the output files
# (CSV, HTML under target/simulation/) and one key=value line per policy go to stdout.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f simulator/target/classpath.txt ] || [ -n "${SIMULATOR_REBUILD:-}" ] \
    || [ -n "$(find simulator/src matching-engine/src transfer-table-service/src/main demo-data/src contracts/src \
                 -newer simulator/target/classpath.txt -type f 2>/dev/null | head -1)" ]; then
  echo "building the simulator ..." >&2
  ./mvnw -q -o -B -ntp -pl simulator -am package -DskipTests >&2 2>/dev/null \
    || ./mvnw -q -B -ntp -pl simulator -am package -DskipTests >&2
  touch simulator/target/classpath.txt # the plugin leaves an unchanged file alone; this marks the build
fi
CP="simulator/target/classes:$(cat simulator/target/classpath.txt)"
CPUS=(taskset -c 0,1)
command -v taskset >/dev/null 2>&1 || CPUS=()
exec "${CPUS[@]}" java -Xmx1g -XX:ActiveProcessorCount=2 -cp "$CP" nl.transfertafel.simulator.cli.SimulateCommand "$@"
