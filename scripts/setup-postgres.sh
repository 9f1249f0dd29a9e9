#!/usr/bin/env bash
# Starts the local PostgreSQL if it is down and creates GovHall's role and databases (idempotent):
#   govhall / govhall        owner of govhall (for running the app), govhall_test (for the tests) and
#                            govhall_nodes (for the tests that start several GovHall nodes on one database)
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "starting PostgreSQL $version"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start || $SUDO pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432
psql_admin() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX "$@"
  else sudo -u postgres psql -v ON_ERROR_STOP=1 -qtAX "$@"; fi
}
if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'govhall'")" != "1" ]; then
  psql_admin -c "CREATE ROLE govhall LOGIN PASSWORD 'govhall'"
fi
for db in govhall govhall_test govhall_nodes; do
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE $db OWNER govhall ENCODING 'UTF8' TEMPLATE template0"
  fi
done
PGPASSWORD=govhall psql -h 127.0.0.1 -U govhall -d govhall_test -qtAc "SELECT 'postgres ready for govhall'"
