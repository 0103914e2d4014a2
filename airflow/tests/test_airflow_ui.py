"""A person's view: headless Chromium signs into the Airflow UI and finds the DAG and its last run.

Starts Airflow with `./pipeline up airflow` when nothing answers on its port. When the ingest
service and Cassandra answer, it first triggers a run and waits for it to succeed, so the page shows
a finished run; otherwise it checks whatever run is the latest. The screenshot lands in
.local/airflow-ui.png.
"""

from __future__ import annotations

import os
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


def latest_run(api: requests.Session) -> dict | None:
    runs = api.get(f"{AIRFLOW_URL}/api/v2/dags/user_automation/dagRuns",
                   params={"order_by": "-run_after", "limit": 1}, timeout=30).json()["dag_runs"]
    return runs[0] if runs else None


def trigger_and_await(api: requests.Session) -> dict:
    """A run of 20 users; waits for it (and for a run already going, which max_active_runs=1 puts first)."""
    created = api.post(f"{AIRFLOW_URL}/api/v2/dags/user_automation/dagRuns",
                       json={"logical_date": None, "conf": {"count": 20, "sample_size": 5}}, timeout=30)
    assert created.status_code == 200, f"triggering user_automation answered {created.status_code}: {created.text}"
    run_id = created.json()["dag_run_id"]
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        run = api.get(f"{AIRFLOW_URL}/api/v2/dags/user_automation/dagRuns/{run_id}", timeout=30).json()
        if run["state"] in TERMINAL:
            return run
        time.sleep(3)
    pytest.fail(f"DAG run {run_id} did not finish within 15 min; see ./pipeline logs airflow")


def chromium() -> str:
    path = shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is not installed: run airflow/run-tests.sh (it installs it) "
                    "or apt-get install -y chromium")
    return path


def test_ui_shows_the_dag_and_its_last_run(api):
    from playwright.sync_api import expect, sync_playwright

    dag = await_parsed(api)
    if ingest_is_up() and answers(CASSANDRA_HOST, CASSANDRA_PORT):
        if dag["is_paused"]:
            api.patch(f"{AIRFLOW_URL}/api/v2/dags/user_automation", json={"is_paused": False}, timeout=30)
        run = trigger_and_await(api)
        assert run["state"] == "success", f"DAG run {run['dag_run_id']} ended {run['state']}"
    run = latest_run(api)
    assert run is not None, "user_automation has no run to show"

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        browser = p.chromium.launch_persistent_context(
            profile, executable_path=chromium(), args=CHROMIUM_FLAGS, viewport={"width": 1400, "height": 900})
        page = browser.new_page()
        page.goto(f"{AIRFLOW_URL}/", wait_until="networkidle")
        page.fill("input[name=username]", USER)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        expect(page.get_by_role("link", name="Dags").first).to_be_visible(timeout=30_000)

        page.goto(f"{AIRFLOW_URL}/dags/user_automation/runs", wait_until="networkidle")
        expect(page.get_by_text("user_automation").first).to_be_visible(timeout=30_000)
        row = page.get_by_role("row").filter(has_text=run["dag_run_id"])
        expect(row).to_be_visible(timeout=30_000)
        expect(row).to_contain_text(run["state"], ignore_case=True)
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        browser.close()
