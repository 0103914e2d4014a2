#!/usr/bin/env bash
# Writes a random value for every secret docker-compose.yml requires into .env, making .env from
# .env.example first when there is none. Secrets that already have a value are kept: PostgreSQL
# fixes its passwords when its volume is created, so a new password would lock the services out.
#
#   docker/generate-secrets.sh [env-file]          (default: .env beside docker-compose.yml)
#
# Values are 43 characters of A-Z a-z 0-9 - _ (32 random bytes, URL-safe base64): safe in the
# database URLs and JSON they end up in. AIRFLOW_FERNET_KEY is a Fernet key (32 random bytes,
# URL-safe base64 with padding). Needs only bash, head, base64 and tr; prints names, never values.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_FILE="${1:-$ROOT/.env}"

# every ${NAME:?...} of docker-compose.yml (deploy-checks holds this list to the file)
SECRETS=(
  INGEST_API_KEY
  POSTGRES_PASSWORD
  INGEST_DB_PASSWORD
  AIRFLOW_DB_PASSWORD
  AIRFLOW_ADMIN_PASSWORD
  AIRFLOW_JWT_SECRET
  AIRFLOW_API_SECRET_KEY
  AIRFLOW_FERNET_KEY
)

random_token() {
  head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

fernet_key() {
  head -c 32 /dev/urandom | base64 | tr -d '\n' | tr '+/' '-_'
}

# the value NAME has in the file: the last NAME= line, quotes removed; empty when there is none
current_value() {
  local value
  value="$(grep -E "^[[:space:]]*(export[[:space:]]+)?$1=" "$ENV_FILE" | tail -n 1 | cut -d= -f2- || true)"
  value="${value%\"}"; value="${value#\"}"; value="${value%\'}"; value="${value#\'}"
  printf '%s' "$value"
}

if [[ ! -f "$ENV_FILE" ]]; then
  cp "$ROOT/.env.example" "$ENV_FILE"
  echo "generate-secrets: made $ENV_FILE from .env.example"
fi
chmod 600 "$ENV_FILE"

generated=()
kept=()
for name in "${SECRETS[@]}"; do
  if [[ -n "$(current_value "$name")" ]]; then
    kept+=("$name")
    continue
  fi
  if [[ "$name" == AIRFLOW_FERNET_KEY ]]; then value="$(fernet_key)"; else value="$(random_token)"; fi
  if grep -qE "^[[:space:]]*(export[[:space:]]+)?$name=" "$ENV_FILE"; then
    # replace the (empty) line in place, keeping the file's order and comments
    tmp="$(mktemp "$ENV_FILE.XXXXXX")"
    awk -v name="$name" -v value="$value" '
      $0 ~ "^[[:space:]]*(export[[:space:]]+)?" name "=" { print name "=" value; next } { print }
    ' "$ENV_FILE" > "$tmp"
    chmod 600 "$tmp"
    mv "$tmp" "$ENV_FILE"
  else
    printf '%s=%s\n' "$name" "$value" >> "$ENV_FILE"
  fi
  generated+=("$name")
done

echo "generate-secrets: $ENV_FILE"
echo "  generated: ${generated[*]:-none}"
echo "  kept (already set): ${kept[*]:-none}"
echo "  Airflow's login: $(current_value AIRFLOW_ADMIN_USER) / the AIRFLOW_ADMIN_PASSWORD in $ENV_FILE"
