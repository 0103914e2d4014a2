"""Definitive failures end the DAG run at once, with the reason, and are not retried."""

from __future__ import annotations

import re
import uuid

import pytest

from conftest import CASSANDRA_HOST, CASSANDRA_PORT, answers, http_connection, require
from ingest_api_stub import IngestApiStub
from user_automation import SEED_PATTERN

KEY = "stub-key"
RUN_ERROR = "randomuser answered 503 after 5 attempts (page 3 of 4)"


def task_states(run) -> dict[str, tuple[str, int]]:
    return {ti.task_id: (ti.state, ti.try_number) for ti in run.get_task_instances()}


@pytest.fixture
def stub_conn(monkeypatch):
    def aim(stub: IngestApiStub) -> None:
        monkeypatch.setenv("AIRFLOW_CONN_INGEST_API", http_connection(stub.url, KEY))
        # the stub answers health on its API port: not at the real service's management port
        monkeypatch.delenv("AIRFLOW_CONN_INGEST_MANAGEMENT", raising=False)

    return aim


def test_failed_ingestion_fails_the_run_with_its_error(airflow_db, dag, stub_conn, capfd):
    with IngestApiStub(KEY, final={"status": "FAILED", "error": RUN_ERROR}) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 42, "seed": "stub-seed", "nationalities": ["US", "gb"]})

    assert stub.started[0]["body"] == {"count": 42, "seed": "stub-seed", "nationalities": ["us", "gb"]}
    assert run.state == "failed"
    states = task_states(run)
    assert states["wait_for_ingestion"] == ("failed", 1)  # not retried: a FAILED run is final
    assert states["sample_user_ids"][0] == "upstream_failed"
    assert states["verify_landing"][0] == "upstream_failed"
    out = capfd.readouterr()
    assert f"ingestion run {stub.started[0]['run']['id']} FAILED: {RUN_ERROR}" in out.out + out.err


def test_refused_start_fails_without_retry(airflow_db, dag, stub_conn, capfd):
    with IngestApiStub(KEY, final={}, start_status=400) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 5})

    assert run.state == "failed"
    assert task_states(run)["start_ingestion"] == ("failed", 1)
    out = capfd.readouterr()
    assert "POST /api/v1/ingestions was refused with 400" in out.out + out.err


def test_seed_defaults_to_one_per_dag_run(airflow_db, dag, stub_conn):
    with IngestApiStub(KEY, final={"status": "FAILED", "error": "stop here"}) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 3})

    seed = stub.started[0]["body"]["seed"]
    assert seed == "ua-" + re.sub(r"[^A-Za-z0-9._-]", "-", run.run_id)
    assert re.fullmatch(SEED_PATTERN, seed)


def test_users_missing_from_cassandra_fail_the_run(airflow_db, stub_conn, monkeypatch, capfd):
    """The landing check reads the real Cassandra: users it cannot find there fail the run."""
    require(f"Cassandra ({CASSANDRA_HOST}:{CASSANDRA_PORT})", answers(CASSANDRA_HOST, CASSANDRA_PORT),
            "start it with ./pipeline up")
    from test_dag_integrity import parse_dags

    monkeypatch.setenv("USER_AUTOMATION_LANDING_TIMEOUT_SECONDS", "3")
    dag = parse_dags().dags["user_automation"]
    never_stored = str(uuid.uuid4())
    succeeded = {"status": "SUCCEEDED", "fetched": 1, "stored": 1, "published": 1}
    with IngestApiStub(KEY, final=succeeded, user_ids=[never_stored]) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 1})

    assert run.state == "failed"
    assert task_states(run)["verify_landing"] == ("failed", 1)  # a sensor timeout is not retried
    out = capfd.readouterr()
    assert f"not yet in spark_streams.created_users: {never_stored}" in out.out + out.err


def test_health_is_asked_at_the_management_connection_when_there_is_one(airflow_db, dag, monkeypatch):
    with IngestApiStub(KEY, final={"status": "FAILED", "error": "stop here"}, separate_management=True) as stub:
        monkeypatch.setenv("AIRFLOW_CONN_INGEST_API", http_connection(stub.url, KEY))
        monkeypatch.setenv("AIRFLOW_CONN_INGEST_MANAGEMENT",
                           http_connection(f"http://127.0.0.1:{stub.management_port}"))
        run = dag.test(run_conf={"count": 3})

    # health UP on the management port (the API port has none), so the run went on to start an ingestion
    assert task_states(run)["wait_for_ingest_service"] == ("success", 1)
    assert len(stub.started) == 1
