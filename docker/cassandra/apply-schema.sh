#!/usr/bin/env bash
# Applies a CQL file (cassandra/schema.cql) to CASSANDRA_HOST with cqlsh. Every statement there is
# IF NOT EXISTS, so this runs on every `docker compose up` and changes nothing the second time.
#
# PIPELINE_CASSANDRA_REPLICATION, when set, replaces the keyspace's replication map, as
# `./pipeline up` does, e.g. "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}". Like the
# file's IF NOT EXISTS, it shapes a keyspace being created; an existing one needs ALTER KEYSPACE
# (docs/docker-compose.md, "Scaling").
#
# Usage (the cassandra-init service in docker-compose.yml): apply-schema.sh /schema/schema.cql
set -euo pipefail

schema="${1:?usage: apply-schema.sh SCHEMA.cql}"
host="${CASSANDRA_HOST:-cassandra}"

if [[ -n "${PIPELINE_CASSANDRA_REPLICATION:-}" ]]; then
  rewritten="$(mktemp)"
  sed -E "s/replication[[:space:]]*=[[:space:]]*\{[^}]*\}/replication = ${PIPELINE_CASSANDRA_REPLICATION}/" \
    "$schema" > "$rewritten"
  schema="$rewritten"
fi

cqlsh "$host" 9042 --file "$schema"
echo "applied $1 to $host (replication: ${PIPELINE_CASSANDRA_REPLICATION:-as in the file})"
