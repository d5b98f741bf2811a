#!/usr/bin/env bash
# Regenerates docs/api: the event catalogue from the contracts (a contracts test fails when it is
# stale) and the OpenAPI document of each service, as the running services serve it.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -ntp -pl contracts -am compile dependency:build-classpath -Dmdep.outputFile=target/contracts.classpath
java -cp "contracts/target/classes:$(cat contracts/target/contracts.classpath)" \
  nl.transfertafel.contracts.catalogue.EventCatalogueDocument docs/api/events.md
java -cp "contracts/target/classes:$(cat contracts/target/contracts.classpath)" \
  nl.transfertafel.contracts.catalogue.AsyncApiDocument contracts/src/main/resources/asyncapi/transfertafel.asyncapi.json docs/api/asyncapi.json
if [ "${1:-}" != "--events-only" ]; then
  ./mvnw -B -q -ntp -pl local-stack -am package -DskipTests
  java -cp local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar \
    -Dloader.main=nl.transfertafel.localstack.ApiDocuments org.springframework.boot.loader.launch.PropertiesLauncher docs/api
fi
