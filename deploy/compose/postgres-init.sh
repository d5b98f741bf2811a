#!/usr/bin/env bash
# First start of the PostgreSQL container only (docker-entrypoint-initdb.d): one role and one database per
# service, each role owning its own database and nothing else; Keycloak gets its own as well.
set -euo pipefail

create() { # role database password
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$1" -v db="$2" -v password="$3" <<'SQL'
create role :"role" login password :'password';
create database :"db" owner :"role";
revoke all on database :"db" from public;
SQL
}

create intake intake "$INTAKE_DB_PASSWORD"
create capacity capacity "$CAPACITY_DB_PASSWORD"
create transfer_table transfer_table "$TRANSFER_TABLE_DB_PASSWORD"
create notification notification "$NOTIFICATION_DB_PASSWORD"
create keycloak keycloak "$KEYCLOAK_DB_PASSWORD"
