"""The DAG's paths against a stub of the ingest API: definitive failures end the DAG run at once,
with the reason, and are not retried; a run that reconciles passes only when every user of it is
landed or dead-lettered.

Cassandra is the store behind the DAG, not a service it orchestrates: here the DAG's one Cassandra
access (``read_landing``) is replaced by a fake answering ledger rows, except in the last test,
which runs the real reads against the stack's Cassandra (skipped when it does not answer).
test_user_automation_it.py runs the whole DAG for real.
"""

from __future__ import annotations

import re
import uuid

import pytest

from conftest import CASSANDRA_HOST, CASSANDRA_PORT, answers, http_connection, require, xcom
from ingest_api_stub import IngestApiStub, reconciliation
from user_automation import SEED_PATTERN

KEY = "stub-key"
RUN_ERROR = "randomuser answered 503 after 5 attempts (page 3 of 4)"


def task_states(run) -> dict[str, tuple[str, int]]:
    return {ti.task_id: (ti.state, ti.try_number) for ti in run.get_task_instances()}


def ids(n: int) -> list[str]:
    return sorted(str(uuid.uuid4()) for _ in range(n))  # the API lists a run's users in id order


def succeeded(stored: int, *, fetched: int | None = None, rejected: int = 0, duplicates: int = 0,
              parked: int = 0, **reconciled) -> dict:
    """A SUCCEEDED run's counters, with the reconciliation the service would show (caught up unless
    `reconciled` holds it back, see ingest_api_stub.reconciliation)."""
    run = {"status": "SUCCEEDED", "fetched": stored + rejected + duplicates if fetched is None else fetched,
           "rejected": rejected, "stored": stored, "duplicates": duplicates,
           "published": stored - parked, "parked": parked}
    return {**run, "reconciliation": reconciliation(run, **reconciled)}


@pytest.fixture
def stub_conn(monkeypatch):
    def aim(stub: IngestApiStub) -> None:
        monkeypatch.setenv("AIRFLOW_CONN_INGEST_API", http_connection(stub.url, KEY))
        # the stub answers health on its API port: not at the real service's management port
        monkeypatch.delenv("AIRFLOW_CONN_INGEST_MANAGEMENT", raising=False)

    return aim


@pytest.fixture
def fake_cassandra(monkeypatch):
    """Replaces the DAG's Cassandra access (``read_landing`` of the parsed DAG file) with a fake.

    ``install(dag, landed=[...], dead_lettered={id: reason}, users_table=None)``: the run's ledger
    rows; ``users_table`` holds the ids with a row in created_users (default: every landed one).
    Answers the calls the DAG made, as (ingestion id, user ids).
    """
    def install(dag, landed=(), dead_lettered=None, users_table=None) -> list[tuple[str, list[str]]]:
        module = dag.get_task("verify_landing").python_callable.__globals__  # the DagBag's module
        row = module["LedgerRow"]
        ledger = ([row("landed", i, None) for i in landed]
                  + [row("dead_lettered", i, reason) for i, reason in (dead_lettered or {}).items()])
        in_table = set(landed if users_table is None else users_table)
        calls = []

        def read_landing(ingestion_id: str, user_ids: list[str]):
            calls.append((ingestion_id, list(user_ids)))
            return ledger, {i for i in user_ids if i in in_table and i in landed}

        monkeypatch.setitem(module, "read_landing", read_landing)
        return calls

    return install


def parsed_with(monkeypatch, **env):
    """The DAG parsed under these settings (they are read when the file is parsed)."""
    from test_dag_integrity import parse_dags

    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return parse_dags().dags["user_automation"]


def test_failed_ingestion_fails_the_run_with_its_error(airflow_db, dag, stub_conn, capfd):
    with IngestApiStub(KEY, final={"status": "FAILED", "error": RUN_ERROR}) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 42, "seed": "stub-seed", "nationalities": ["US", "gb"]})

    assert stub.started[0]["body"] == {"count": 42, "seed": "stub-seed", "nationalities": ["us", "gb"]}
    assert run.state == "failed"
    states = task_states(run)
    assert states["wait_for_ingestion"] == ("failed", 1)  # not retried: a FAILED run is final
    assert states["wait_for_reconciliation"][0] == "upstream_failed"
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


def test_a_reconciled_run_passes_when_every_user_is_landed_or_dead_lettered(
        airflow_db, dag, stub_conn, fake_cassandra, capfd):
    users = ids(5)
    dead = {users[2]: "invalid_email: not an address"}
    landed = [i for i in users if i not in dead]
    final = succeeded(5, rejected=1, duplicates=1, landed=2, dead_lettered=0,  # the stream job is behind
                      rejected_by_reason={"invalid_email": 1})
    caught_up = succeeded(5, rejected=1, duplicates=1, dead_lettered=1, rejected_by_reason={"invalid_email": 1})
    calls = fake_cassandra(dag, landed=landed, dead_lettered=dead)
    with IngestApiStub(KEY, final=final, later=[{"reconciliation": final["reconciliation"]},
                                                {"reconciliation": caught_up["reconciliation"]}],
                       user_ids=users) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 7})

    assert run.state == "success", task_states(run)
    assert {state for state, _ in task_states(run).values()} == {"success"}
    ingestion_id = stub.started[0]["run"]["id"]
    # every user of the run, asked for in one call (limit = stored), checked in one read of the ledger
    assert f"/api/v1/ingestions/{ingestion_id}/users?limit=5" in stub.requests
    assert calls == [(ingestion_id, users)]
    assert xcom(run, "start_ingestion") == ingestion_id
    assert xcom(run, "wait_for_reconciliation")["reconciliation"]["caughtUp"] is True
    assert xcom(run, "verify_landing") == {"users": 5, "landed": 4, "deadLettered": 1, "parked": 0}
    out = capfd.readouterr()
    log = out.out + out.err
    # the identities at each poke: behind first, then caught up
    assert (f"ingestion run {ingestion_id} SUCCEEDED: fetched 7 = rejected 1 + stored 5 + duplicates 1;"
            " stored 5 = published 5 + parked 0; published 5 != landed 2 + deadLettered 0;"
            " rejected by reason: invalid_email 1; pending: landing") in log
    assert ("published 5 = landed 4 + deadLettered 1; rejected by reason: invalid_email 1;"
            " pending: nothing") in log
    assert f"{users[2]} (invalid_email: not an address)" in log  # dead-lettered users, with their reason


def test_users_neither_landed_nor_dead_lettered_fail_the_run(airflow_db, dag, stub_conn, fake_cassandra, capfd):
    """Counts that add up are not enough: each user of the run needs an outcome of its own."""
    users = ids(26)
    strangers = ids(20)  # ledger rows of users that are not the run's: the counts hold, the users do not
    landed, dead, in_table_missing = users[:3], {users[3]: "schema: unknown writer id"}, users[1]
    final = succeeded(26, parked=1)  # published 25 = landed 24 + deadLettered 1: caught up
    parked = users[25]  # the parked user has an outcome: it is not among the failures
    calls = fake_cassandra(dag, landed=landed + strangers, dead_lettered=dead,
                           users_table=[i for i in landed + strangers if i != in_table_missing])
    with IngestApiStub(KEY, final=final, user_ids=users, parked_ids=[parked]) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 25})

    assert run.state == "failed"
    states = task_states(run)
    assert states["wait_for_reconciliation"] == ("success", 1)
    assert states["verify_landing"] == ("failed", 1)  # not retried: the run had caught up
    assert len(calls) == 1
    neither = users[4:25]
    out = capfd.readouterr()
    log = out.out + out.err
    assert (f"21 users neither landed, dead-lettered nor parked: {', '.join(neither[:20])} ... (21 in all)"
            in log)
    assert neither[20] not in log.split("nor parked: ", 1)[1].split("\n", 1)[0]
    assert parked not in log.split("nor parked: ", 1)[1].split("\n", 1)[0]
    assert f"parked (Kafka refused their events for good; reasons in the service's outbox_parked): {parked}" in log
    assert f"1 user landed by the ledger but without a row in spark_streams.created_users: {in_table_missing}" in log


def test_a_run_that_stored_no_users_has_nothing_to_verify(airflow_db, dag, stub_conn, fake_cassandra):
    calls = fake_cassandra(dag)
    with IngestApiStub(KEY, final=succeeded(0, rejected=3)) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 3})

    assert run.state == "success", task_states(run)
    assert calls == []
    assert not any("/users" in path for path in stub.requests)
    assert xcom(run, "verify_landing") == {"users": 0, "landed": 0, "deadLettered": 0, "parked": 0}


def test_reconciliation_fails_at_once_when_the_run_failed(airflow_db, dag, stub_conn, fake_cassandra, capfd):
    calls = fake_cassandra(dag)
    with IngestApiStub(KEY, final=succeeded(3, landed=0), later=[{"status": "FAILED", "error": RUN_ERROR}],
                       user_ids=ids(3)) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 3})

    assert run.state == "failed"
    states = task_states(run)
    assert states["wait_for_ingestion"] == ("success", 1)
    assert states["wait_for_reconciliation"] == ("failed", 1)  # definitive: no retry
    assert states["verify_landing"][0] == "upstream_failed"
    assert calls == []
    out = capfd.readouterr()
    assert f"ingestion run {stub.started[0]['run']['id']} FAILED: {RUN_ERROR}" in out.out + out.err


@pytest.mark.parametrize("ledger", ["behind", "unreadable"])
def test_reconciliation_times_out_naming_what_is_pending(airflow_db, monkeypatch, stub_conn, fake_cassandra,
                                                         capfd, ledger):
    dag = parsed_with(monkeypatch, USER_AUTOMATION_LANDING_TIMEOUT_SECONDS="3")
    users = ids(4)
    calls = fake_cassandra(dag)
    if ledger == "behind":  # the stream job has landed 1 of 4
        final, stub_args = succeeded(4, landed=1), {"pending_ids": users[1:]}
    else:  # the service cannot read Cassandra: the landing side is unknown, /pending answers 503
        final, stub_args = succeeded(4, ledger_error="the landing ledger in Cassandra cannot be read: timeout"), \
            {"pending_status": 503}
    with IngestApiStub(KEY, final=final, user_ids=users, **stub_args) as stub:
        stub_conn(stub)
        run = dag.test(run_conf={"count": 4})

    assert run.state == "failed"
    states = task_states(run)
    assert states["wait_for_reconciliation"] == ("failed", 1)  # a sensor timeout is not retried
    assert states["verify_landing"][0] == "upstream_failed"
    assert calls == []
    ingestion_id = stub.started[0]["run"]["id"]
    out = capfd.readouterr()
    log = out.out + out.err
    assert f"ingestion run {ingestion_id} has not caught up after 3 s; pending:" in log
    if ledger == "behind":
        assert "pending: landing (published events neither landed in Cassandra nor dead-lettered yet)" in log
        assert "published 4 != landed 1 + deadLettered 0" in log
        assert f"3 users of the run neither landed nor dead-lettered: {', '.join(users[1:])}" in log  # /pending
        assert f"/api/v1/ingestions/{ingestion_id}/pending?limit=4" in stub.requests
    else:
        assert "pending: unknown (the service cannot read the stream job's ledger in Cassandra)" in log
        assert "published 4 ? landed ? + deadLettered ?" in log
        assert f"the users pending cannot be listed (GET /api/v1/ingestions/{ingestion_id}/pending: 503" in log


def test_health_is_asked_at_the_management_connection_when_there_is_one(airflow_db, dag, monkeypatch):
    with IngestApiStub(KEY, final={"status": "FAILED", "error": "stop here"}, separate_management=True) as stub:
        monkeypatch.setenv("AIRFLOW_CONN_INGEST_API", http_connection(stub.url, KEY))
        monkeypatch.setenv("AIRFLOW_CONN_INGEST_MANAGEMENT",
                           http_connection(f"http://127.0.0.1:{stub.management_port}"))
        run = dag.test(run_conf={"count": 3})

    # health UP on the management port (the API port has none), so the run went on to start an ingestion
    assert task_states(run)["wait_for_ingest_service"] == ("success", 1)
    assert len(stub.started) == 1


def test_the_landing_reads_unpack_the_ledger_of_the_real_cassandra():
    """read_landing's CQL (the ledger partition, the users table, LOCAL_QUORUM) against the stack's
    Cassandra and its schema: a run nobody made has no ledger rows; a run's packs come back as one
    row per event, each dead letter with its reason."""
    require(f"Cassandra ({CASSANDRA_HOST}:{CASSANDRA_PORT})", answers(CASSANDRA_HOST, CASSANDRA_PORT),
            "start it with ./pipeline up")
    from cassandra.cluster import Cluster
    from user_automation import LedgerRow, read_landing

    assert read_landing(str(uuid.uuid4()), [str(uuid.uuid4())]) == ([], set())

    run = uuid.uuid4()
    ann, bob, poisoned = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    cluster = Cluster([CASSANDRA_HOST], port=CASSANDRA_PORT)
    session = cluster.connect("spark_streams")
    insert = session.prepare("INSERT INTO run_outcomes (ingestion_run_id, outcome, pack, user_ids, versions, reasons,"
                             " recorded_at) VALUES (?, ?, ?, ?, ?, ?, toTimestamp(now()))")
    try:
        session.execute(insert, [run, "landed", uuid.uuid4(), [ann, bob], [1, 2], None])
        session.execute(insert, [run, "dead_lettered", uuid.uuid4(), [poisoned], [3], ["invalid field email"]])
        ledger, present = read_landing(str(run), [str(ann), str(bob), str(poisoned)])
        assert sorted(ledger) == sorted([LedgerRow("landed", str(ann), None), LedgerRow("landed", str(bob), None),
                                         LedgerRow("dead_lettered", str(poisoned), "invalid field email")])
        assert present == set()  # neither landed user has a row in created_users
    finally:
        session.execute("DELETE FROM run_outcomes WHERE ingestion_run_id = %s", [run])
        cluster.shutdown()
