#!/usr/bin/env bash
# Starts the whole system on the embedded default: PostgreSQL, Kafka, the token issuer, the four
# services and demo data. Data is kept in ./.transfertafel-data (or --data-dir / TRANSFERTAFEL_DATA_DIR);
# --fresh starts empty; --cluster runs every service as its own JVM on a 3-broker Kafka cluster.
# Ctrl-C stops everything it started: the services first, then Kafka, then PostgreSQL.
# ./run-local.sh --help lists the options.
set -euo pipefail
cd "$(dirname "$0")"

for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]]; then
    SKIP_BUILD=1
  fi
done

if [[ -z "${SKIP_BUILD:-}" ]]; then
  # Build what the launcher needs (no tests), showing one line per module as it goes: the first run
  # downloads dependencies and compiles everything, which takes minutes. The full log is kept.
  mkdir -p target
  log=target/run-local-build.log
  echo "Building the launcher and the four services (first run: a few minutes; full log in $log)..."
  started=$SECONDS
  if ! ./mvnw -B -ntp package -DskipTests -pl local-stack -am 2>&1 | tee "$log" \
      | grep --line-buffered -E '^\[INFO\] Building .*\[[0-9]+/[0-9]+\]$|^\[INFO\] BUILD|^\[ERROR\]' \
      | sed -u -e 's/^\[INFO\] Building /  building /' -e 's/^\[INFO\] //' -e 's/  */ /g'; then
    echo "The build failed; the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if grep -q '^\[INFO\] BUILD FAILURE' "$log"; then
    exit 1
  fi
  echo "Built in $((SECONDS - started)) s."
fi

heap=1536m
for arg in "$@"; do
  # in cluster mode the launcher holds only the token issuer and the mail sink; the services have their own JVMs
  if [[ "$arg" == "--cluster" ]]; then heap=256m; fi
done
exec java -Xms128m -Xmx$heap -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar "$@"
