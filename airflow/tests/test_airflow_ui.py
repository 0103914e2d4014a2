"""A person's view: headless Chromium signs into the Airflow UI and finds the DAG and its own run.

Starts Airflow with `./pipeline up airflow` when nothing answers on its port. The test always
triggers a run of its own through the REST API and looks for that run id, never for "the latest
run", which the scheduler's hourly run could be. When the ingest service and Cassandra answer, it
waits for its run to succeed first and the page must show it succeeded. Otherwise the run cannot
succeed: the page must show it queued (behind the hourly run: max_active_runs=1) or running, and
the test marks it failed afterwards rather than leave it retrying for half an hour. The screenshot
lands in .local/airflow-ui.png.

The browser is CHROME_BINARY, else the first of google-chrome, google-chrome-stable, chromium and
chromium-browser on the PATH that is not a snap (Ubuntu's chromium packages install the snap, which
cannot see this test's profile directory); airflow/run-tests.sh installs Debian's chromium when
none is there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest
import requests

from conftest import CASSANDRA_HOST, CASSANDRA_PORT, REPO, answers, ingest_is_up

AIRFLOW_URL = os.environ.get("AIRFLOW_URL", "http://127.0.0.1:8080")
USER = os.environ.get("PIPELINE_AIRFLOW_USER", "admin")
PASSWORD = os.environ.get("PIPELINE_AIRFLOW_PASSWORD", "admin")
SCREENSHOT = REPO / ".local" / "airflow-ui.png"
CHROMIUM_FLAGS = [
    # Playwright adds --headless itself (headless=True, the default)
    "--no-sandbox",  # root on the CI machine
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TERMINAL = {"success", "failed"}
BROWSERS = ("google-chrome", "google-chrome-stable", "chromium", "chromium-browser")


def healthy() -> bool:
    try:
        return requests.get(f"{AIRFLOW_URL}/api/v2/monitor/health", timeout=5).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture(scope="module")
def api() -> requests.Session:
    """An authenticated session on Airflow's REST API, starting Airflow first if need be."""
    if not healthy():
        started = subprocess.run([str(REPO / "pipeline"), "up", "airflow"], cwd=REPO, timeout=1800,
                                 capture_output=True, text=True)
        assert started.returncode == 0, f"./pipeline up airflow failed:\n{started.stdout}\n{started.stderr}"
    token = requests.post(f"{AIRFLOW_URL}/auth/token", json={"username": USER, "password": PASSWORD}, timeout=30)
    assert token.status_code in (200, 201), f"signing in as {USER} answered {token.status_code}: {token.text}"
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    return session


def await_parsed(api: requests.Session) -> dict:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        dag = api.get(f"{AIRFLOW_URL}/api/v2/dags/user_automation", timeout=30)
        if dag.status_code == 200:
            return dag.json()
        time.sleep(2)
    pytest.fail("Airflow has not parsed DAG user_automation after 180 s; see ./pipeline logs airflow")


def trigger(api: requests.Session) -> str:
    """Starts a run of 20 users and answers its id."""
    created = api.post(f"{AIRFLOW_URL}/api/v2/dags/user_automation/dagRuns",
                       json={"logical_date": None, "conf": {"count": 20}}, timeout=30)
    assert created.status_code == 200, f"triggering user_automation answered {created.status_code}: {created.text}"
    return created.json()["dag_run_id"]


def await_finished(api: requests.Session, run_id: str) -> dict:
    """Waits for run_id to end (after a run already going, which max_active_runs=1 puts first)."""
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        run = api.get(f"{AIRFLOW_URL}/api/v2/dags/user_automation/dagRuns/{run_id}", timeout=30).json()
        if run["state"] in TERMINAL:
            return run
        time.sleep(3)
    pytest.fail(f"DAG run {run_id} did not finish within 15 min; see ./pipeline logs airflow")


def browser() -> str:
    configured = os.environ.get("CHROME_BINARY")
    if configured:
        path = shutil.which(configured)
        if path is None:
            pytest.fail(f"CHROME_BINARY={configured} is no executable")
        return path
    for name in BROWSERS:
        path = shutil.which(name)
        if path and not os.path.realpath(path).startswith("/snap/"):
            return path
    pytest.fail("no Chrome or Chromium outside a snap: on Debian apt-get install chromium (airflow/run-tests.sh "
                "does it), on Ubuntu install Google Chrome (chromium there is a snap), or set CHROME_BINARY")


def test_ui_shows_the_dag_and_its_own_run(api):
    from playwright.sync_api import expect, sync_playwright

    dag = await_parsed(api)
    pipeline_up = ingest_is_up() and answers(CASSANDRA_HOST, CASSANDRA_PORT)
    if pipeline_up and dag["is_paused"]:
        api.patch(f"{AIRFLOW_URL}/api/v2/dags/user_automation", json={"is_paused": False}, timeout=30)
    run_id = trigger(api)
    try:
        if pipeline_up:
            run = await_finished(api, run_id)
            assert run["state"] == "success", f"DAG run {run_id} ended {run['state']}"
            shown = re.compile("success", re.IGNORECASE)
        else:
            # it waits behind another run (queued) or pokes the ingest service's health (running, 5 min)
            shown = re.compile("queued|running", re.IGNORECASE)

        with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=browser(), args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(f"{AIRFLOW_URL}/", wait_until="networkidle")
            page.fill("input[name=username]", USER)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            expect(page.get_by_role("link", name="Dags").first).to_be_visible(timeout=30_000)

            page.goto(f"{AIRFLOW_URL}/dags/user_automation/runs", wait_until="networkidle")
            expect(page.get_by_text("user_automation").first).to_be_visible(timeout=30_000)
            row = page.get_by_role("row").filter(has_text=run_id)
            expect(row).to_be_visible(timeout=30_000)
            expect(row).to_contain_text(shown)
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            context.close()
    finally:
        if not pipeline_up:
            api.patch(f"{AIRFLOW_URL}/api/v2/dags/user_automation/dagRuns/{run_id}", json={"state": "failed"},
                      timeout=30)
