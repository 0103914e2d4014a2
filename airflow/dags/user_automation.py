"""Airflow DAG ``user_automation``: runs one ingestion through the pipeline and proves it landed.

The DAG orchestrates; it moves no user data itself. The ingest service fetches the users and
commits them with their outbox rows; the stream job carries them into Cassandra. The DAG asks
the service to start a run, waits for it, waits until the run reconciles end to end (every
record it fetched is accounted for, down to the stream job's ledger in Cassandra), and then checks
every user of the run against that ledger and the users table, so a green run means each of the
run's users is queryable (or dead-lettered with its reason), not just that a request was accepted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from collections import Counter
from datetime import timedelta
from typing import NamedTuple

import pendulum
import requests
from airflow.exceptions import AirflowFailException, AirflowNotFoundException, AirflowSensorTimeout
from airflow.providers.apache.cassandra.hooks.cassandra import CassandraHook
from airflow.providers.http.hooks.http import HttpHook
from airflow.sdk import DAG, BaseSensorOperator, Param, PokeReturnValue, task

INGEST_CONN_ID = "ingest_api"
MANAGEMENT_CONN_ID = "ingest_management"  # optional: the actuator, when not on the API port
CASSANDRA_CONN_ID = "cassandra_default"
USERS_TABLE = "spark_streams.created_users"
LEDGER_TABLE = "spark_streams.run_outcomes"  # the stream job's outcomes of a run, in packs of users
RUNS_ENDPOINT = "api/v1/ingestions"
MAX_LIMIT = 100_000  # the most ids /users and /pending answer at once (and the most users a run has)
NAMED = 20  # ids a failure or a report names; the count says how many there are
IN_CHUNK = 100  # ids per `WHERE id IN ?` read of the users table
SEED_PATTERN = "^[A-Za-z0-9._-]{1,64}$"  # what the ingest API accepts

# Settings from the environment, read when the DAG is parsed. Environment variables rather than
# Airflow Variables: the DAG processor parses this file every 30 s, and a Variable lookup at the top
# level costs a metadata-database round trip each time (and logs an error while it is unset).
SCHEDULE = os.environ.get("USER_AUTOMATION_SCHEDULE", "@hourly")
INGESTION_TIMEOUT_S = int(os.environ.get("USER_AUTOMATION_INGESTION_TIMEOUT_SECONDS", "3600"))
LANDING_TIMEOUT_S = int(os.environ.get("USER_AUTOMATION_LANDING_TIMEOUT_SECONDS", "600"))
POKE_INTERVAL_S = int(os.environ.get("USER_AUTOMATION_POKE_INTERVAL_SECONDS", "5"))

DOC_MD = f"""
### user_automation

Runs one ingestion through the real-time user pipeline and proves that every user of it landed in
Cassandra (or was dead-lettered, with its reason).

| task | what it does | fails when |
|---|---|---|
| `wait_for_ingest_service` | waits for `GET /actuator/health` of the ingest service (at `{MANAGEMENT_CONN_ID}` when that connection is defined) to say `UP` | the service stays down for 5 min (no retry: Airflow never retries a sensor that timed out) |
| `start_ingestion` | `POST /{RUNS_ENDPOINT}` with `count`, `seed`, `nationalities`; pushes the run id (a string) | the API refuses the request (`400`/`401`: no retry), or answers 5xx (retried) |
| `wait_for_ingestion` | polls `GET /{RUNS_ENDPOINT}/<id>` until the run is `SUCCEEDED` | the run is `FAILED` (fails at once with the run's error text, no retry) or still runs after {INGESTION_TIMEOUT_S} s |
| `wait_for_reconciliation` | polls `GET /{RUNS_ENDPOINT}/<id>` until its `reconciliation` has caught up: `fetched = rejected + stored + duplicates`, `stored = published + parked`, `published = landed + deadLettered` (`landed`, `deadLettered`: the stream job's ledger `{LEDGER_TABLE}`); logs the counts, the rejections by reason and the pending identities at each poke; pushes the run | the run is `FAILED` (no retry), or has not caught up after {LANDING_TIMEOUT_S} s (no retry: the failure names the pending identities and the first {NAMED} of the users `GET .../<id>/pending` lists, with their count) |
| `verify_landing` | checks every user of the run (`GET .../<id>/users?limit=<stored>`), not a sample: one read of the run's partition of `{LEDGER_TABLE}`, then `{USERS_TABLE}` for the landed ones ({IN_CHUNK} ids a read); logs the dead-lettered users with their reasons; pushes the counts | a user is neither landed nor dead-lettered, or landed without a row in `{USERS_TABLE}` (no retry: names the first {NAMED} and the count); the API or Cassandra do not answer (retried) |

**Params** (Trigger DAG w/ config): `count` (1..100000 users), `seed` (empty: one seed per DAG run,
derived from the run id, so a retried start re-fetches the same users and the pipeline collapses
them by id), `nationalities` (two-letter codes, empty for all).

**Connections**: `{INGEST_CONN_ID}` (HTTP: host, port; the API key in the password field, sent as
`X-API-Key`), `{MANAGEMENT_CONN_ID}` (optional, HTTP: host and port of the service's actuator when it
listens apart from the API, as in compose) and `{CASSANDRA_CONN_ID}` (Cassandra contact point and
port; read at `LOCAL_QUORUM`).

**Environment** of the scheduler and DAG processor: `USER_AUTOMATION_SCHEDULE` (cron or preset,
now `{SCHEDULE}`; `none` for manual runs only), `USER_AUTOMATION_INGESTION_TIMEOUT_SECONDS`
(now {INGESTION_TIMEOUT_S}), `USER_AUTOMATION_LANDING_TIMEOUT_SECONDS` (now {LANDING_TIMEOUT_S}),
`USER_AUTOMATION_POKE_INTERVAL_SECONDS` (now {POKE_INTERVAL_S}).

Runs do not catch up and never overlap; a task that fails for a passing reason (a 5xx answer, a
service or Cassandra that does not answer) is retried with exponential backoff, a definitive failure
(a refused request, a `FAILED` run, a user that did not land, a sensor that timed out) is not.
"""


def run_seed(run_id: str) -> str:
    """The seed of a DAG run that names none: stable across retries, in the API's alphabet."""
    seed = "ua-" + re.sub(r"[^A-Za-z0-9._-]", "-", run_id)
    return seed if len(seed) <= 64 else "ua-" + hashlib.sha256(run_id.encode()).hexdigest()[:32]


def _api_headers() -> dict[str, str]:
    key = HttpHook.get_connection(INGEST_CONN_ID).password
    if not key:
        raise AirflowFailException(
            f"connection '{INGEST_CONN_ID}' has no password: put the ingest service's API key there"
        )
    return {"X-API-Key": key, "Accept": "application/json"}


def _call(method: str, endpoint: str, **kwargs):
    """One API call; a refusal (4xx) is definitive, anything else the caller may retry.

    For GET, ``data`` holds the query parameters (HttpHook's convention); for POST, ``json`` the body.
    """
    hook = HttpHook(method=method, http_conn_id=INGEST_CONN_ID)
    response = hook.run(
        endpoint, headers=_api_headers(), extra_options={"check_response": False, "timeout": 30}, **kwargs
    )
    if 400 <= response.status_code < 500:
        raise AirflowFailException(
            f"{method} /{endpoint} was refused with {response.status_code}: {response.text[:500]}"
        )
    response.raise_for_status()
    return response


def _health_url() -> str:
    """The ingest service's actuator health endpoint.

    Where connection ``ingest_management`` points when it is defined (compose and the no-Docker stack
    run the actuator on a port of its own, 18088, apart from the API port), else on the API
    connection's host and port (a service started with its actuator on the API port).
    """
    try:
        conn = HttpHook.get_connection(MANAGEMENT_CONN_ID)
    except AirflowNotFoundException:
        conn = HttpHook.get_connection(INGEST_CONN_ID)
    return f"{conn.schema or 'http'}://{conn.host}{f':{conn.port}' if conn.port else ''}/actuator/health"


def _users(n: int) -> str:
    return f"{n} user{'' if n == 1 else 's'}"


def _named(items: list[str], sep: str = ", ") -> str:
    """The first NAMED items, and the count when there are more."""
    return sep.join(items[:NAMED]) + (f" ... ({len(items)} in all)" if len(items) > NAMED else "")


def _run_ids(ingestion_id: str, what: str, limit: int) -> list[str]:
    """GET /{id}/users or /{id}/pending: user ids as strings, at most limit (1..MAX_LIMIT)."""
    limit = max(1, min(limit, MAX_LIMIT))
    response = _call("GET", f"{RUNS_ENDPOINT}/{ingestion_id}/{what}", data={"limit": limit})
    return [str(i) for i in response.json()["userIds"]]


def reconciliation_line(run: dict) -> str:
    """One log line: the run's three identities (= when one holds, != when not, ? when the ledger is
    unknown), its rejections by reason, and what is still pending."""
    rec = run.get("reconciliation") or {}
    stored = rec.get("stored", run.get("stored"))
    published = rec.get("published", run.get("published"))
    parked = rec.get("parked", run.get("parked"))
    landed, dead = rec.get("landed"), rec.get("deadLettered")

    def ident(name, total, **terms):
        values = list(terms.values())
        known = total is not None and None not in values
        sign = "?" if not known else ("=" if total == sum(values) else "!=")
        shown = " + ".join(f"{n} {'?' if v is None else v}" for n, v in terms.items())
        return f"{name} {'?' if total is None else total} {sign} {shown}"

    by_reason = rec.get("rejectedByReason") or {}
    line = "; ".join(
        [
            ident("fetched", run.get("fetched"), rejected=run.get("rejected"), stored=stored,
                  duplicates=run.get("duplicates")),
            ident("stored", stored, published=published, parked=parked),
            ident("published", published, landed=landed, deadLettered=dead),
            "rejected by reason: "
            + (", ".join(f"{reason} {n}" for reason, n in sorted(by_reason.items())) or "none"),
            "pending: " + (", ".join(rec.get("pending") or []) or "nothing"),
        ]
    )
    if rec.get("ledgerError"):
        line += f" ({rec['ledgerError']})"
    return f"ingestion run {run.get('id')} {run.get('status')}: {line}"


# what each pending identity of a run's reconciliation means
PENDING_MEANING = {
    "ingesting": "the run still runs",
    "publishing": "stored events neither published to Kafka nor parked yet",
    "landing": "published events neither landed in Cassandra nor dead-lettered yet",
    "unknown": "the service cannot read the stream job's ledger in Cassandra",
}


class RunReconciliationSensor(BaseSensorOperator):
    """Waits until an ingestion run has caught up end to end (``reconciliation.caughtUp``), logging
    its counts and pending identities at each poke, and pushes the run view (a JSON dict).

    A ``FAILED`` run fails the task for good. On timeout the failure names the identities still
    pending and the users the service lists as neither landed nor dead-lettered (``/pending``).
    """

    template_fields = ("ingestion_id",)

    def __init__(self, *, ingestion_id, **kwargs):
        super().__init__(**kwargs)
        self.ingestion_id = ingestion_id
        self._last_run: dict | None = None

    def poke(self, context) -> PokeReturnValue:
        run = _call("GET", f"{RUNS_ENDPOINT}/{self.ingestion_id}").json()
        self._last_run = run
        print(reconciliation_line(run))
        if run["status"] == "FAILED":
            raise AirflowFailException(f"ingestion run {self.ingestion_id} FAILED: {run.get('error')}")
        if run.get("reconciliation") is None:
            raise AirflowFailException(
                f"the run view of ingestion run {self.ingestion_id} has no reconciliation: is the ingest"
                " service older than this DAG?"
            )
        return PokeReturnValue(is_done=bool(run["reconciliation"].get("caughtUp")), xcom_value=run)

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowSensorTimeout as timeout:
            raise AirflowSensorTimeout(self._not_caught_up()) from timeout

    def _not_caught_up(self) -> str:
        run = self._last_run or {}
        pending = (run.get("reconciliation") or {}).get("pending") or []
        identities = ", ".join(f"{p} ({PENDING_MEANING.get(p, 'an identity this DAG does not know')})"
                               for p in pending) or "none named"
        try:
            ids = _run_ids(self.ingestion_id, "pending", run.get("stored") or 1)
            users = (f"{_users(len(ids))} of the run neither landed nor dead-lettered: {_named(ids)}"
                     if ids else "the service lists no user of the run as neither landed nor dead-lettered")
        except Exception as e:  # the ledger or the service may be what is down; the timeout still says what it knows
            users = f"the users pending cannot be listed (GET /{RUNS_ENDPOINT}/{self.ingestion_id}/pending: {e})"
        return (
            f"ingestion run {self.ingestion_id} has not caught up after {self.timeout:g} s; pending: {identities}."
            f" Last seen: {reconciliation_line(run) if run else 'no answer'}. {users}"
        )


# the outcomes the stream job records in the ledger
LANDED = "landed"
DEAD_LETTERED = "dead_lettered"


class LedgerRow(NamedTuple):
    outcome: str  # LANDED or DEAD_LETTERED
    user_id: str
    reason: str | None  # why it was dead-lettered


def read_landing(ingestion_id: str, user_ids: list[str]) -> tuple[list[LedgerRow], set[str]]:
    """The Cassandra side of ``verify_landing``, in one session at ``LOCAL_QUORUM`` (as the ingest
    service reads the ledger): the run's ledger events, unpacked from its packs (one partition read),
    and which of ``user_ids`` that the ledger says landed have a row in the users table
    (``WHERE id IN ?``, IN_CHUNK ids a read, a few reads at a time).

    The only place the DAG reads Cassandra: its unit tests replace this function with a fake that
    answers ledger rows; the integration test runs it against the real Cassandra.
    """
    from cassandra import ConsistencyLevel
    from cassandra.concurrent import execute_concurrent_with_args

    hook = CassandraHook(cassandra_conn_id=CASSANDRA_CONN_ID)
    try:
        session = hook.get_conn()
        ledger_select = session.prepare(
            f"SELECT outcome, user_ids, reasons FROM {LEDGER_TABLE} WHERE ingestion_run_id = ?"
        )
        ledger_select.consistency_level = ConsistencyLevel.LOCAL_QUORUM
        ledger = [
            # a pack holds many events; a landed pack has no reasons
            LedgerRow(pack.outcome, str(user_id), pack.reasons[i] if pack.reasons else None)
            for pack in session.execute(ledger_select, [uuid.UUID(ingestion_id)])
            for i, user_id in enumerate(pack.user_ids)
        ]
        landed = sorted({row.user_id for row in ledger if row.outcome == LANDED} & set(user_ids))
        users_select = session.prepare(f"SELECT id FROM {USERS_TABLE} WHERE id IN ?")
        users_select.consistency_level = ConsistencyLevel.LOCAL_QUORUM
        chunks = [([uuid.UUID(i) for i in landed[n:n + IN_CHUNK]],) for n in range(0, len(landed), IN_CHUNK)]
        present: set[str] = set()
        for _, rows in execute_concurrent_with_args(session, users_select, chunks, concurrency=8):
            present.update(str(row.id) for row in rows)
        return ledger, present
    finally:
        hook.shutdown_cluster()


with DAG(
    dag_id="user_automation",
    description="Ingest users through the pipeline and verify every one of them reached Cassandra",
    doc_md=DOC_MD,
    schedule=None if SCHEDULE.lower() == "none" else SCHEDULE,
    start_date=pendulum.datetime(2025, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(seconds=INGESTION_TIMEOUT_S + LANDING_TIMEOUT_S + 1800),
    tags=["pipeline", "ingest", "cassandra"],
    params={
        "count": Param(100, type="integer", minimum=1, maximum=100000, description="users to ingest"),
        "seed": Param(
            None,
            type=["null", "string"],
            pattern=SEED_PATTERN,
            description="randomuser seed (1-64 of A-Z a-z 0-9 . _ -); empty: derived from the DAG run id",
        ),
        "nationalities": Param(
            [],
            type="array",
            items={"type": "string", "pattern": "^[A-Za-z]{2}$"},
            description="two-letter nationality codes, e.g. us, gb; empty for all",
        ),
    },
    default_args={
        "retries": 3,
        "retry_delay": timedelta(seconds=20),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=10),
    },
) as dag:
    @task.sensor(poke_interval=POKE_INTERVAL_S, timeout=300, mode="poke")
    def wait_for_ingest_service() -> bool:
        """Done when the service's health says UP; a service that does not answer yet is not up yet."""
        url = _health_url()
        try:
            response = requests.get(url, timeout=10)
            up = response.ok and response.json().get("status") == "UP"
        except (requests.RequestException, ValueError) as e:
            print(f"{url} does not answer yet: {e}")
            return False
        print(f"{url}: {response.status_code}{'' if up else ' ' + response.text[:200]}")
        return up

    @task
    def start_ingestion(params=None, run_id=None) -> str:
        """Starts a run and answers its id as a string (XCom must be JSON)."""
        body = {
            "count": params["count"],
            "seed": params["seed"] or run_seed(run_id),
            "nationalities": [n.lower() for n in params["nationalities"]],
        }
        run = _call("POST", RUNS_ENDPOINT, json=body).json()
        print(f"ingestion run {run['id']} started: {json.dumps(body)}")
        return str(run["id"])

    @task.sensor(poke_interval=POKE_INTERVAL_S, timeout=INGESTION_TIMEOUT_S, mode="poke")
    def wait_for_ingestion(ingestion_id: str) -> PokeReturnValue:
        """Done when the run SUCCEEDED; a FAILED run fails the task for good, with its error."""
        run = _call("GET", f"{RUNS_ENDPOINT}/{ingestion_id}").json()
        print(
            f"ingestion run {ingestion_id}: {run['status']} requested={run.get('requested')} "
            f"fetched={run.get('fetched')} stored={run.get('stored')} "
            f"duplicates={run.get('duplicates')} published={run.get('published')}"
        )
        if run["status"] == "FAILED":
            raise AirflowFailException(f"ingestion run {ingestion_id} FAILED: {run.get('error')}")
        return PokeReturnValue(is_done=run["status"] == "SUCCEEDED", xcom_value=run)

    @task
    def verify_landing(run: dict) -> dict:
        """Every user of the caught-up run is landed (with a row in the users table) or dead-lettered;
        fails naming the ones that are neither. Answers the counts."""
        ingestion_id = str(run["id"])
        stored = run["stored"]
        if stored == 0:
            print(f"ingestion run {ingestion_id} stored no users; nothing to verify")
            return {"users": 0, "landed": 0, "deadLettered": 0, "parked": 0}
        user_ids = _run_ids(ingestion_id, "users", stored)
        if not user_ids:
            raise AirflowFailException(
                f"ingestion run {ingestion_id} stored {stored} users but its users endpoint lists none"
                " (did a later run re-ingest all of them?)"
            )
        if len(user_ids) < stored:
            print(f"{stored - len(user_ids)} of the run's {stored} users were ingested again by a later run"
                  f" and belong to it now; checking the {len(user_ids)} that are still this run's")

        ledger, present = read_landing(ingestion_id, user_ids)
        landed = {row.user_id for row in ledger if row.outcome == LANDED}
        reasons = {row.user_id: row.reason for row in ledger if row.outcome == DEAD_LETTERED}
        parked = set(_run_ids(ingestion_id, "parked", run["parked"])) if run.get("parked") else set()
        landed_ids = [i for i in user_ids if i in landed]
        dead_ids = [i for i in user_ids if i not in landed and i in reasons]
        parked_ids = [i for i in user_ids if i not in landed and i not in reasons and i in parked]
        neither = [i for i in user_ids if i not in landed and i not in reasons and i not in parked]
        absent = [i for i in landed_ids if i not in present]
        print(
            f"ingestion run {ingestion_id}: {_users(len(user_ids))} checked against {LEDGER_TABLE}: "
            f"{len(landed_ids)} landed ({len(landed_ids) - len(absent)} of them rows of {USERS_TABLE}), "
            f"{len(dead_ids)} dead-lettered, {len(parked_ids)} parked, {len(neither)} none of these"
        )
        if parked_ids:
            print(f"parked (Kafka refused their events for good; reasons in the service's outbox_parked): "
                  f"{_named(parked_ids)}")
        if dead_ids:
            by_reason = Counter(reasons[i] or "no reason recorded" for i in dead_ids)
            print(f"dead-lettered by reason: {', '.join(f'{r}: {n}' for r, n in by_reason.most_common())}")
            print("dead-lettered: "
                  + _named([f"{i} ({reasons[i] or 'no reason recorded'})" for i in dead_ids], sep="; "))

        problems = []
        if neither:
            problems.append(f"{_users(len(neither))} neither landed, dead-lettered nor parked: {_named(neither)}")
        if absent:
            problems.append(f"{_users(len(absent))} landed by the ledger but without a row in {USERS_TABLE}:"
                            f" {_named(absent)}")
        if problems:
            # the run has caught up (wait_for_reconciliation): what has no outcome now will not get one
            raise AirflowFailException(f"ingestion run {ingestion_id}: " + "; ".join(problems))
        return {"users": len(user_ids), "landed": len(landed_ids), "deadLettered": len(dead_ids),
                "parked": len(parked_ids)}

    ingestion_id = start_ingestion()
    finished_run = wait_for_ingestion(ingestion_id)
    reconciled = RunReconciliationSensor(
        task_id="wait_for_reconciliation",
        ingestion_id=ingestion_id,
        poke_interval=POKE_INTERVAL_S,
        timeout=LANDING_TIMEOUT_S,
        mode="poke",
    )
    wait_for_ingest_service() >> ingestion_id
    finished_run >> reconciled
    verify_landing(reconciled.output)
