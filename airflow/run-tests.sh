#!/usr/bin/env bash
# The Airflow DAG's tests (airflow/tests) in the project venv; ./pipeline test calls it after the
# Maven suite, with the stack up and PIPELINE_REQUIRE_SERVICES=1. Arguments go to pytest, e.g.
#   airflow/run-tests.sh -k integrity        the fast structure tests only
# Makes the venv (airflow/install-venv.sh). The UI test drives a Chrome or Chromium already on the
# machine (CHROME_BINARY, else google-chrome, google-chrome-stable, chromium or chromium-browser on
# the PATH, not a snap); when there is none, Debian's chromium is installed (root or password-less
# sudo). On Ubuntu, chromium is a snap transitional package: install Google Chrome instead.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PIPELINE_HOME:-$ROOT/.local}/venv/airflow"

"$ROOT/airflow/install-venv.sh" "$ROOT/airflow/requirements-test.txt"

# the same search as tests/test_airflow_ui.py's browser()
has_browser() {
  if [[ -n "${CHROME_BINARY:-}" ]]; then
    command -v "$CHROME_BINARY" >/dev/null
    return
  fi
  local name path
  for name in google-chrome google-chrome-stable chromium chromium-browser; do
    path="$(command -v "$name" || true)"
    if [[ -n "$path" && "$(readlink -f "$path")" != /snap/* ]]; then
      return 0
    fi
  done
  return 1
}

if ! has_browser; then
  distro="$(. /etc/os-release 2>/dev/null && echo "${ID:-} ${ID_LIKE:-}")"
  case " $distro " in
    *" ubuntu "*)
      echo "the Airflow UI test needs Chrome or Chromium: Ubuntu's chromium package is a snap transitional" \
        "package, which the test cannot drive; install Google Chrome (google-chrome-stable) or set" \
        "CHROME_BINARY to a Chrome/Chromium binary" >&2
      exit 1 ;;
    *" debian "*)
      SUDO=""
      if [[ $(id -u) != 0 ]]; then
        # a CI runner's user has password-less sudo; a developer is asked to install it
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
          SUDO="sudo"
        else
          echo "the Airflow UI test needs Chromium: sudo apt-get install -y chromium (or set CHROME_BINARY)" >&2
          exit 1
        fi
      fi
      echo "installing Debian's chromium for the Airflow UI test ..."
      $SUDO apt-get update -qq && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ;;
    *)
      echo "the Airflow UI test needs Chrome or Chromium: install one (Debian: chromium; Ubuntu: Google" \
        "Chrome) or set CHROME_BINARY" >&2
      exit 1 ;;
  esac
fi

cd "$ROOT/airflow"
exec "$VENV/bin/python" -m pytest "$@"
