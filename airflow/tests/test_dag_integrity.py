"""The DAG imports cleanly and has the shape the pipeline relies on."""

from __future__ import annotations

import re
from datetime import timedelta


def parse_dags():
    from airflow.models.dagbag import DagBag

    from conftest import REPO

    return DagBag(dag_folder=str(REPO / "airflow" / "dags"), include_examples=False)


def test_dag_folder_imports_without_errors():
    bag = parse_dags()

    assert bag.import_errors == {}
    assert "user_automation" in bag.dag_ids


def test_schedule_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("USER_AUTOMATION_SCHEDULE", "*/15 * * * *")
    assert parse_dags().dags["user_automation"].schedule == "*/15 * * * *"

    monkeypatch.setenv("USER_AUTOMATION_SCHEDULE", "none")
    assert parse_dags().dags["user_automation"].schedule is None


def test_tasks_run_in_order(dag):
    assert {t.task_id: sorted(t.downstream_task_ids) for t in dag.tasks} == {
        "wait_for_ingest_service": ["start_ingestion"],
        "start_ingestion": ["wait_for_ingestion", "wait_for_reconciliation"],
        "wait_for_ingestion": ["wait_for_reconciliation"],
        "wait_for_reconciliation": ["verify_landing"],
        "verify_landing": [],
    }


def test_params_have_defaults_and_bounds(dag):
    params = dag.params

    assert params["count"] == 100
    assert params["seed"] is None
    assert params["nationalities"] == []
    assert set(params.keys()) == {"count", "seed", "nationalities"}  # no sample: every user is checked
    assert params.get_param("count").schema["minimum"] == 1
    assert params.get_param("count").schema["maximum"] == 100000


def test_runs_hourly_without_catchup_or_overlap(dag):
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.schedule == "@hourly"


def test_the_doc_describes_every_task_and_no_other(dag):
    described = set(re.findall(r"^\| `(\w+)` \|", dag.doc_md, re.MULTILINE))
    assert described == set(dag.task_ids)
    assert "sample_size" not in dag.doc_md


def test_every_task_retries_with_exponential_backoff(dag):
    for t in dag.tasks:
        assert t.retries == 3, t.task_id
        assert t.retry_exponential_backoff, t.task_id
        assert t.max_retry_delay == timedelta(minutes=10), t.task_id


def test_sensors_have_timeouts(dag):
    # conftest's USER_AUTOMATION_*_TIMEOUT_SECONDS and USER_AUTOMATION_POKE_INTERVAL_SECONDS
    timeouts = {"wait_for_ingest_service": 300, "wait_for_ingestion": 600, "wait_for_reconciliation": 300}
    for task_id, timeout in timeouts.items():
        sensor = dag.get_task(task_id)
        assert sensor.timeout == timeout, task_id
        assert sensor.poke_interval == 1, task_id
        assert sensor.mode == "poke", task_id


def test_derived_seed_fits_the_api_for_any_run_id():
    from user_automation import SEED_PATTERN, run_seed

    scheduled = run_seed("scheduled__2026-11-25T14:00:00+00:00")
    custom = run_seed("a run id/with spaces " + "x" * 80)

    assert scheduled == "ua-scheduled__2026-11-25T14-00-00-00-00"
    assert re.fullmatch(SEED_PATTERN, scheduled) and re.fullmatch(SEED_PATTERN, custom)
    assert run_seed("a run id/with spaces " + "x" * 80) == custom  # a retry sends the same seed
