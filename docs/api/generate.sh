#!/usr/bin/env bash
# Regenerates docs/api/events.md from the contracts (the contracts test fails when it is stale).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -ntp -pl contracts -am compile dependency:build-classpath -Dmdep.outputFile=target/contracts.classpath
java -cp "contracts/target/classes:$(cat contracts/target/contracts.classpath)" \
  nl.transfertafel.contracts.catalogue.EventCatalogueDocument docs/api/events.md
