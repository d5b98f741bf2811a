#!/usr/bin/env bash
# Starts the whole system on the embedded default: PostgreSQL, Kafka, the token issuer, the four
# services and demo data. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp install -DskipTests -pl local-stack -am
exec java -Xms256m -Xmx1536m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar "$@"
