#!/usr/bin/env bash
# Fuzzes a running ingest service with Schemathesis against the committed OpenAPI document
# (docs/openapi.json): every operation, valid and invalid data (examples, coverage and fuzzing
# phases), and the stateful phase, which follows the document's links from POST to the run's GETs.
# Fails on any 5xx, any answer that breaks the document (status, content type, headers, schema),
# an invalid request accepted or a valid one refused, or an operation that works without the key.
#
#   ingest-service/fuzz/fuzz-api.sh [base-url]        default http://127.0.0.1:8088
#
# Environment: INGEST_API_KEY (default: ingest.api-key of dev-defaults.properties),
# FUZZ_MAX_EXAMPLES (test cases per operation and phase, default 25), FUZZ_SEED (default 1: the
# same cases every time), FUZZ_RATE_LIMIT (default 10/s: the service executes 2 runs at once and
# queues 8, and a faster stream of accepted runs fills the queue, which it answers with 503 as
# designed), FUZZ_SCHEMA (default docs/openapi.json; the served document is at
# <base-url>/v3/api-docs), PIPELINE_PYTHON (the interpreter of the venv, as for Airflow's:
# default the first of python3.11, python3.12, python3.13, python3 on the PATH; the lock file was
# made with 3.11).
#
# Schemathesis is installed on first use from PyPI, pinned by requirements-lock.txt beside this
# script, into .local/venv/schemathesis. Reports (JUnit XML, and a pytest file that replays the
# failures) go to .local/fuzz/. Valid runs are real ingestions: hooks.py keeps each at 100 or fewer
# users, so a whole fuzz run stays a few minutes and a few thousand users.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
LOCAL="${PIPELINE_HOME:-$ROOT/.local}"
VENV="$LOCAL/venv/schemathesis"
URL="${1:-http://127.0.0.1:8088}"
KEY="${INGEST_API_KEY:-$(sed -n 's/^ingest\.api-key=//p' "$ROOT/dev-defaults.properties")}"
SCHEMA="${FUZZ_SCHEMA:-$ROOT/docs/openapi.json}"
REPORTS="$LOCAL/fuzz"

# the venv, (re)made when the lock file changed since it was installed
if [[ ! -x "$VENV/bin/st" ]] || ! cmp -s "$HERE/requirements-lock.txt" "$VENV/requirements-lock.txt"; then
  echo "fuzz-api: installing Schemathesis into $VENV ..." >&2
  rm -rf "$VENV"
  PYTHON="${PIPELINE_PYTHON:-$(command -v python3.11 || command -v python3.12 \
    || command -v python3.13 || command -v python3)}"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements-lock.txt"
  cp "$HERE/requirements-lock.txt" "$VENV/requirements-lock.txt"
fi

if ! curl --silent --fail --output /dev/null --max-time 10 "$URL/v3/api-docs"; then
  echo "fuzz-api: no ingest service answers at $URL (./pipeline up ingest-service)" >&2
  exit 1
fi

mkdir -p "$REPORTS"
# Schemathesis keeps its cache (.schemathesis/) in the working directory: run in .local, out of
# the source tree, with hooks.py imported from here
cd "$REPORTS"
echo "fuzz-api: $SCHEMA against $URL" >&2
PYTHONPATH="$HERE${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=hooks exec "$VENV/bin/st" --no-color run "$SCHEMA" \
  --url "$URL" \
  --header "X-API-Key: $KEY" \
  --checks all \
  --mode all \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "${FUZZ_MAX_EXAMPLES:-25}" \
  --seed "${FUZZ_SEED:-1}" \
  --workers 1 \
  --rate-limit "${FUZZ_RATE_LIMIT:-10/s}" \
  --request-timeout 30 \
  --generation-database none \
  --report junit,pytest \
  --report-dir "$REPORTS"
