#!/usr/bin/env bash
# The consume-path harness (platform/src/test/java/.../bench/ConsumePathBench.java): events/s of the
# idempotent consumer, one transaction per event against one per batch, on the embedded PostgreSQL.
#   platform/bench-consume.sh [events] [batch]      (defaults 3000 100)
set -euo pipefail
cd "$(dirname "$0")/.."
# compiles the platform and what it needs in this work tree (nothing installed), and writes each
# module's test classpath (the reactor's modules as their target/classes) to target/bench-classpath.txt
./mvnw -B -ntp -q -pl platform -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="platform/target/test-classes:platform/target/classes:$(cat platform/target/bench-classpath.txt)"
exec java -Xmx512m -cp "$CP" nl.transfertafel.platform.bench.ConsumePathBench "$@"
