#!/usr/bin/env bash
# Creates or updates the project's Airflow venv (default .local/venv/airflow) from a pinned
# requirements file (default airflow/requirements-lock.txt). Does nothing when the venv already
# holds exactly that file's packages. Used by `./pipeline up airflow` and airflow/run-tests.sh.
#
#   airflow/install-venv.sh [requirements-file]
#
# PIPELINE_HOME moves .local; PIPELINE_PYTHON names the interpreter (default python3.11, else python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUIREMENTS="$(realpath "${1:-$ROOT/airflow/requirements-lock.txt}")"
VENV="${PIPELINE_HOME:-$ROOT/.local}/venv/airflow"
MARKER="$VENV/.installed-$(basename "$REQUIREMENTS")"

# the requirements file and the lock it may include (-r) decide what the venv must hold
wanted="$(cat "$REQUIREMENTS" "$ROOT/airflow/requirements-lock.txt" | sha256sum | cut -d' ' -f1)"
if [[ -x "$VENV/bin/airflow" && -f "$MARKER" && "$(cat "$MARKER")" == "$wanted" ]]; then
  exit 0
fi

PYTHON="${PIPELINE_PYTHON:-$(command -v python3.11 || command -v python3 || true)}"
if [[ -z "$PYTHON" ]]; then
  echo "no python3 found: Airflow 3.1 needs Python 3.9-3.13 (3.11 preferred); set PIPELINE_PYTHON" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(not (3, 9) <= sys.version_info[:2] <= (3, 13))'; then
  echo "$PYTHON is Python $("$PYTHON" -c 'import platform; print(platform.python_version())'); Airflow 3.1 needs 3.9-3.13: set PIPELINE_PYTHON" >&2
  exit 1
fi

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "airflow venv: creating $VENV with $("$PYTHON" --version)"
  "$PYTHON" -m venv "$VENV"
fi
echo "airflow venv: installing $(basename "$REQUIREMENTS") (the first time takes a few minutes) ..."
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -q pip==25.3
set +e
"$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -r "$REQUIREMENTS" 2>&1 \
  | tee "$VENV/pip-install.log" | grep --line-buffered -E '^(Collecting|Successfully installed|ERROR)' | sed -u 's/^/  /'
status=${PIPESTATUS[0]}
set -e
if [[ $status != 0 ]]; then
  echo "airflow venv: pip install -r $REQUIREMENTS failed (exit $status); the whole output is in $VENV/pip-install.log" >&2
  exit 1
fi
"$VENV/bin/python" -m pip check >/dev/null || { "$VENV/bin/python" -m pip check >&2; exit 1; }
echo "$wanted" > "$MARKER"
echo "airflow venv: ready ($("$VENV/bin/airflow" version 2>/dev/null | tail -1))"
