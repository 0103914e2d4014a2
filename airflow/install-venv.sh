#!/usr/bin/env bash
# Creates or updates the project's Airflow venv (default .local/venv/airflow) from a pinned
# requirements file (default airflow/requirements-lock.txt). Does nothing when the venv already
# holds exactly that file's packages. Used by `./pipeline up airflow` and airflow/run-tests.sh.
#
#   airflow/install-venv.sh [requirements-file]
#
# PIPELINE_HOME moves .local; PIPELINE_PYTHON names the interpreter (default: the first of python3.11,
# python3.12, python3.13, python3 on the PATH). It must be Python 3.11-3.13: the pinned providers need
# 3.11 or later, and Airflow 3.1 supports up to 3.13.
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

# Python 3.11-3.13: the pinned providers (requirements.txt) need 3.11 or later, Airflow 3.1 stops at 3.13
supported() {
  "$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null
}
version_of() {
  "$1" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo "unknown"
}

PYTHON="${PIPELINE_PYTHON:-$(command -v python3.11 || command -v python3.12 || command -v python3.13 \
  || command -v python3 || true)}"
if [[ -z "$PYTHON" ]]; then
  echo "airflow venv: no python3 found; the Airflow venv needs Python 3.11-3.13 (3.11 preferred):" \
    "install python3.11 or set PIPELINE_PYTHON to one" >&2
  exit 1
fi
if ! command -v "$PYTHON" >/dev/null; then
  echo "airflow venv: $PYTHON (PIPELINE_PYTHON) is no interpreter on this machine; set it to a Python 3.11-3.13" >&2
  exit 1
fi
if ! supported "$PYTHON"; then
  echo "airflow venv: $PYTHON is Python $(version_of "$PYTHON"); the pinned Airflow providers need Python" \
    "3.11 or later (Airflow 3.1 supports up to 3.13): install python3.11 or set PIPELINE_PYTHON to one" >&2
  exit 1
fi
if [[ -x "$VENV/bin/python" ]] && ! supported "$VENV/bin/python"; then
  echo "airflow venv: $VENV was made with Python $(version_of "$VENV/bin/python"), which the pinned" \
    "providers do not support: remove it (rm -rf $VENV) and run again" >&2
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
