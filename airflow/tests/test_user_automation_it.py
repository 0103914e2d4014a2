"""The DAG for real: dag.test() against the running ingest service, stream job and Cassandra.

Needs `./pipeline up ingest-service stream-job` (./pipeline test starts them). Without them the
test is skipped, or fails when PIPELINE_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import os
import uuid

import pytest
import requests

from conftest import (CASSANDRA_HOST, CASSANDRA_PORT, INGEST_API_KEY, INGEST_MANAGEMENT_URL, INGEST_URL, answers,
                      ingest_is_up, require, xcom)

STREAM_JOB_UI = os.environ.get("STREAM_JOB_UI", "127.0.0.1:4040")
COUNT = 200


@pytest.fixture(scope="module")
def pipeline():
    require(f"the ingest service ({INGEST_MANAGEMENT_URL}/actuator/health UP)", ingest_is_up(),
            "start it with ./pipeline up ingest-service")
    require(f"Cassandra ({CASSANDRA_HOST}:{CASSANDRA_PORT})", answers(CASSANDRA_HOST, CASSANDRA_PORT),
            "start it with ./pipeline up")
    host, port = STREAM_JOB_UI.split(":")
    require(f"the stream job (Spark UI {STREAM_JOB_UI})", answers(host, int(port)),
            "start it with ./pipeline up stream-job")


@pytest.fixture(scope="module")
def cassandra():
    from cassandra.cluster import Cluster

    cluster = Cluster([CASSANDRA_HOST], port=CASSANDRA_PORT)
    yield cluster.connect("spark_streams")
    cluster.shutdown()


def api(path: str, **params) -> dict:
    response = requests.get(f"{INGEST_URL}/api/v1/{path}", params=params,
                            headers={"X-API-Key": INGEST_API_KEY}, timeout=30)
    response.raise_for_status()
    return response.json()


def test_a_run_lands_every_user_in_cassandra(pipeline, airflow_db, dag, cassandra):
    seed = f"airflow-it-{uuid.uuid4().hex[:12]}"  # fresh users, not ones an earlier run stored

    run = dag.test(run_conf={"count": COUNT, "seed": seed, "nationalities": ["us", "gb"]})

    states = {ti.task_id: ti.state for ti in run.get_task_instances()}
    assert run.state == "success", f"DAG run ended {run.state}: {states}"
    assert set(states.values()) == {"success"}

    ingestion_id = xcom(run, "start_ingestion")
    assert isinstance(ingestion_id, str)  # XCom carries the id as a JSON string
    ingestion = api(f"ingestions/{ingestion_id}")
    assert ingestion["status"] == "SUCCEEDED"
    assert ingestion["seed"] == seed
    assert ingestion["stored"] + ingestion["rejected"] == COUNT

    # the run reconciles end to end, and nothing of this clean run was parked or dead-lettered
    rec = ingestion["reconciliation"]
    assert rec["caughtUp"] is True and rec["pending"] == [] and rec["ledgerError"] is None, rec
    assert ingestion["fetched"] == ingestion["rejected"] + ingestion["stored"] + ingestion["duplicates"]
    assert ingestion["stored"] == ingestion["published"] + ingestion["parked"]
    assert ingestion["published"] == rec["landed"] + rec["deadLettered"]
    assert sum(rec["rejectedByReason"].values()) == ingestion["rejected"]
    assert (ingestion["parked"], rec["deadLettered"], rec["landed"]) == (0, 0, ingestion["stored"])
    assert xcom(run, "wait_for_reconciliation")["reconciliation"]["caughtUp"] is True

    # the DAG checked every user of the run, not a sample: all of them landed
    assert xcom(run, "verify_landing") == {"users": ingestion["stored"], "landed": ingestion["stored"],
                                           "deadLettered": 0, "parked": 0}

    # and so they did: each has a 'landed' outcome in the run's ledger and its row in created_users
    # with this run's id (nothing pending: the service lists no user without an outcome)
    ids = [uuid.UUID(i) for i in api(f"ingestions/{ingestion_id}/users", limit=COUNT)["userIds"]]
    assert len(ids) == ingestion["stored"]
    assert api(f"ingestions/{ingestion_id}/pending", limit=COUNT)["userIds"] == []
    packs = cassandra.execute("SELECT outcome, user_ids FROM run_outcomes WHERE ingestion_run_id = %s",
                              [uuid.UUID(ingestion_id)])
    outcomes = {user_id: p.outcome for p in packs for user_id in p.user_ids}
    assert outcomes == {i: "landed" for i in ids}
    select = cassandra.prepare("SELECT id, ingestion_run_id FROM created_users WHERE id IN ?")
    rows = {r.id: r.ingestion_run_id for r in cassandra.execute(select, [ids])}
    assert sorted(rows) == sorted(ids), f"{len(set(ids) - set(rows))} of the run's users are not in Cassandra"
    assert set(rows.values()) == {uuid.UUID(ingestion_id)}
