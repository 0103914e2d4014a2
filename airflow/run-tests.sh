#!/usr/bin/env bash
# The Airflow DAG's tests (airflow/tests) in the project venv; ./pipeline test calls it after the
# Maven suite, with the stack up and PIPELINE_REQUIRE_SERVICES=1. Arguments go to pytest, e.g.
#   airflow/run-tests.sh -k integrity        the fast structure tests only
# Makes the venv (airflow/install-venv.sh) and installs Debian's chromium for the UI test if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PIPELINE_HOME:-$ROOT/.local}/venv/airflow"

"$ROOT/airflow/install-venv.sh" "$ROOT/airflow/requirements-test.txt"

if ! command -v chromium >/dev/null; then
  SUDO=""
  if [[ $(id -u) != 0 ]]; then
    # a CI runner's user has password-less sudo; a developer is asked to install it
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      SUDO="sudo"
    else
      echo "the Airflow UI test needs Debian's chromium: sudo apt-get install -y chromium" >&2
      exit 1
    fi
  fi
  echo "installing Debian's chromium for the Airflow UI test ..."
  $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

cd "$ROOT/airflow"
exec "$VENV/bin/python" -m pytest "$@"
