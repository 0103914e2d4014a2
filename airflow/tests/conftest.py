"""Test settings for the user_automation DAG, applied before Airflow is imported.

Airflow reads its configuration from the environment once, at import, so everything here is set
at module level: a metadata database of the tests' own (never the one of a running
`./pipeline up airflow`), the project's DAG folder, and the two connections the DAG uses, aimed
at the no-Docker stack unless INGEST_URL / INGEST_MANAGEMENT_URL / INGEST_API_KEY / CASSANDRA_HOST /
CASSANDRA_PORT say otherwise.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
AIRFLOW_HOME = REPO / ".local" / "data" / "airflow-test"

INGEST_URL = os.environ.get("INGEST_URL", "http://127.0.0.1:8088")
INGEST_API_KEY = os.environ.get("INGEST_API_KEY", "dev-ingest-key")
# the actuator, on a port of its own (18088) in the no-Docker stack as in compose
INGEST_MANAGEMENT_URL = os.environ.get("INGEST_MANAGEMENT_URL", "http://127.0.0.1:18088")
CASSANDRA_HOST = os.environ.get("CASSANDRA_HOST", "127.0.0.1")
CASSANDRA_PORT = int(os.environ.get("CASSANDRA_PORT", "9042"))


def http_connection(url: str, api_key: str | None = None) -> str:
    """An Airflow HTTP connection (JSON form) for the service at url, with the API key as its password."""
    scheme, rest = url.split("://", 1)
    host, port = rest.rstrip("/").split(":")
    connection = {"conn_type": "http", "host": host, "port": int(port), "schema": scheme}
    if api_key is not None:
        connection["password"] = api_key
    return json.dumps(connection)


os.environ.update(
    {
        "AIRFLOW_HOME": str(AIRFLOW_HOME),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "airflow" / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__LOGGING__LOGGING_LEVEL": "INFO",
        # quick polling keeps the tests short; the DAG's default is 5 s
        "USER_AUTOMATION_POKE_INTERVAL_SECONDS": "1",
        "USER_AUTOMATION_INGESTION_TIMEOUT_SECONDS": "600",
        "USER_AUTOMATION_LANDING_TIMEOUT_SECONDS": "300",
        "AIRFLOW_CONN_INGEST_API": http_connection(INGEST_URL, INGEST_API_KEY),
        "AIRFLOW_CONN_CASSANDRA_DEFAULT": json.dumps(
            {"conn_type": "cassandra", "host": CASSANDRA_HOST, "port": CASSANDRA_PORT}
        ),
    }
)
os.environ.pop("USER_AUTOMATION_SCHEDULE", None)
if INGEST_MANAGEMENT_URL != INGEST_URL:
    os.environ["AIRFLOW_CONN_INGEST_MANAGEMENT"] = http_connection(INGEST_MANAGEMENT_URL)


@pytest.fixture(scope="session")
def airflow_db() -> None:
    """The tests' metadata database, migrated once (dag.test() records its runs there), with the DAG
    as the folder holds it now. dag.test() serializes the DAG only when the database has no version
    of it yet, and the API that runs its tasks looks them up in the latest version: a database kept
    from a test run of an older DAG would not know a task added since ("Task ... not found")."""
    AIRFLOW_HOME.mkdir(parents=True, exist_ok=True)
    airflow = str(Path(sys.executable).with_name("airflow"))
    subprocess.run([airflow, "db", "migrate"], check=True, stdout=subprocess.DEVNULL)
    reserialized = subprocess.run([airflow, "dags", "reserialize"], capture_output=True, text=True)
    assert reserialized.returncode == 0, f"airflow dags reserialize failed:\n{reserialized.stderr[-3000:]}"


@pytest.fixture
def dag():
    """A freshly parsed DAG: dag.test() runs tasks in this process and leaves a run's conf in the
    DAG object's params, which would leak into the next test's run."""
    from airflow.models.dagbag import DagBag

    bag = DagBag(dag_folder=str(REPO / "airflow" / "dags"), include_examples=False)
    assert bag.import_errors == {}, f"the DAG folder does not import: {bag.import_errors}"
    return bag.dags["user_automation"]  # get_dag() would consult the metadata database


def xcom(run, task_id: str):
    """What a task of a dag.test() run returned, as XCom holds it (a JSON column)."""
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    with create_session() as session:
        row = session.query(XComModel).filter_by(
            dag_id=run.dag_id, run_id=run.run_id, task_id=task_id, key="return_value").one()
        return row.value


def ingest_is_up() -> bool:
    """The ingest service's health says UP (a listening but stuck service does not count)."""
    import requests

    try:
        return requests.get(f"{INGEST_MANAGEMENT_URL}/actuator/health", timeout=10).json().get("status") == "UP"
    except (requests.RequestException, ValueError):
        return False


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def require(what: str, ok: bool, how: str) -> None:
    """Skips when a service is missing, or fails when PIPELINE_REQUIRE_SERVICES=1 (./pipeline test)."""
    if ok:
        return
    message = f"{what} does not answer; {how}"
    if os.environ.get("PIPELINE_REQUIRE_SERVICES") == "1":
        pytest.fail(message + " (PIPELINE_REQUIRE_SERVICES=1: a missing service fails the suite)")
    pytest.skip(message)
