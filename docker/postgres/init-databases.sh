#!/usr/bin/env bash
# Runs once, on the first start of postgres with an empty data volume (the image runs every file
# in /docker-entrypoint-initdb.d then): the ingest service's database and Airflow's metadata
# database, each owned by a login role of its own, with the passwords from .env.
#
# The image may source this file rather than execute it, so it sets no shell options of its own.
: "${INGEST_DB_PASSWORD:?set INGEST_DB_PASSWORD in .env (see .env.example)}"
: "${AIRFLOW_DB_PASSWORD:?set AIRFLOW_DB_PASSWORD in .env (see .env.example)}"

psql --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set ingest_password="$INGEST_DB_PASSWORD" \
  --set airflow_password="$AIRFLOW_DB_PASSWORD" <<'SQL'
CREATE ROLE ingest LOGIN PASSWORD :'ingest_password';
CREATE DATABASE ingest OWNER ingest;
CREATE ROLE airflow LOGIN PASSWORD :'airflow_password';
CREATE DATABASE airflow OWNER airflow;
SQL
