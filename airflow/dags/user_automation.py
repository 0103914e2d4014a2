"""Airflow DAG ``user_automation``: runs one ingestion through the pipeline and proves it landed.

The DAG orchestrates; it moves no user data itself. The ingest service fetches the users and
commits them with their outbox rows; the stream job carries them into Cassandra. The DAG asks
the service to start a run, waits for it, and then checks a sample of the run's users in
Cassandra, so a green run means the users are queryable, not just that a request was accepted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from datetime import timedelta

import pendulum
import requests
from airflow.exceptions import AirflowFailException, AirflowNotFoundException
from airflow.providers.apache.cassandra.hooks.cassandra import CassandraHook
from airflow.providers.http.hooks.http import HttpHook
from airflow.sdk import DAG, Param, PokeReturnValue, task

INGEST_CONN_ID = "ingest_api"
MANAGEMENT_CONN_ID = "ingest_management"  # optional: the actuator, when not on the API port
CASSANDRA_CONN_ID = "cassandra_default"
USERS_TABLE = "spark_streams.created_users"
RUNS_ENDPOINT = "api/v1/ingestions"
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

Runs one ingestion through the real-time user pipeline and proves that it landed in Cassandra.

| task | what it does | fails when |
|---|---|---|
| `wait_for_ingest_service` | waits for `GET /actuator/health` of the ingest service (at `{MANAGEMENT_CONN_ID}` when that connection is defined) to say `UP` | the service stays down for 5 min (then retried) |
| `start_ingestion` | `POST /{RUNS_ENDPOINT}` with `count`, `seed`, `nationalities`; pushes the run id (a string) | the API refuses the request (`400`/`401`: no retry), or answers 5xx (retried) |
| `wait_for_ingestion` | polls `GET /{RUNS_ENDPOINT}/<id>` until the run is `SUCCEEDED` | the run is `FAILED` (fails at once with the run's error text, no retry) or still runs after {INGESTION_TIMEOUT_S} s |
| `sample_user_ids` | `GET /{RUNS_ENDPOINT}/<id>/users?limit=<sample_size>` | the API answers an error |
| `verify_landing` | waits until every sampled id is a row of `{USERS_TABLE}` | some are still missing after {LANDING_TIMEOUT_S} s (the log names them) |

**Params** (Trigger DAG w/ config): `count` (1..100000 users), `seed` (empty: one seed per DAG run,
derived from the run id, so a retried start re-fetches the same users and the pipeline collapses
them by id), `nationalities` (two-letter codes, empty for all), `sample_size` (ids checked in
Cassandra).

**Connections**: `{INGEST_CONN_ID}` (HTTP: host, port; the API key in the password field, sent as
`X-API-Key`), `{MANAGEMENT_CONN_ID}` (optional, HTTP: host and port of the service's actuator when it
listens apart from the API, as in compose) and `{CASSANDRA_CONN_ID}` (Cassandra contact point and
port).

**Environment** of the scheduler and DAG processor: `USER_AUTOMATION_SCHEDULE` (cron or preset,
now `{SCHEDULE}`; `none` for manual runs only), `USER_AUTOMATION_INGESTION_TIMEOUT_SECONDS`
(now {INGESTION_TIMEOUT_S}), `USER_AUTOMATION_LANDING_TIMEOUT_SECONDS` (now {LANDING_TIMEOUT_S}),
`USER_AUTOMATION_POKE_INTERVAL_SECONDS` (now {POKE_INTERVAL_S}).

Runs do not catch up and never overlap; a task that fails for a passing reason is retried with
exponential backoff, a definitive failure (a refused request, a `FAILED` run) is not.
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


with DAG(
    dag_id="user_automation",
    description="Ingest users through the pipeline and verify they reached Cassandra",
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
        "sample_size": Param(
            20, type="integer", minimum=1, maximum=1000, description="user ids checked in Cassandra"
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
    def sample_user_ids(ingestion_id: str, params=None) -> list[str]:
        """A sample of the run's user ids, as strings."""
        response = _call("GET", f"{RUNS_ENDPOINT}/{ingestion_id}/users", data={"limit": params["sample_size"]})
        ids = [str(i) for i in response.json()["userIds"]]
        print(f"ingestion run {ingestion_id}: sampled {len(ids)} user ids")
        return ids

    @task.sensor(poke_interval=POKE_INTERVAL_S, timeout=LANDING_TIMEOUT_S, mode="poke")
    def verify_landing(user_ids: list[str], run: dict) -> PokeReturnValue:
        """Done when every sampled user is a row in Cassandra."""
        if not user_ids:
            if run.get("stored", 0) > 0:
                raise AirflowFailException(
                    f"ingestion run {run['id']} stored {run['stored']} users but its users endpoint lists"
                    " none (did a later run re-ingest all of them?)"
                )
            print(f"ingestion run {run['id']} stored no users; nothing to verify")
            return PokeReturnValue(is_done=True, xcom_value={"checked": 0})
        found = _ids_in_cassandra(user_ids)
        missing = sorted(set(user_ids) - found)
        print(f"ingestion run {run['id']}: {len(found)} of {len(user_ids)} sampled users in {USERS_TABLE}")
        if missing:
            print(f"not yet in {USERS_TABLE}: {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}")
        return PokeReturnValue(is_done=not missing, xcom_value={"checked": len(user_ids)})

    ingestion_id = start_ingestion()
    finished_run = wait_for_ingestion(ingestion_id)
    sampled = sample_user_ids(ingestion_id)
    wait_for_ingest_service() >> ingestion_id
    finished_run >> sampled
    verify_landing(sampled, finished_run)


def _ids_in_cassandra(user_ids: list[str]) -> set[str]:
    hook = CassandraHook(cassandra_conn_id=CASSANDRA_CONN_ID)
    try:
        session = hook.get_conn()
        select = session.prepare(f"SELECT id FROM {USERS_TABLE} WHERE id IN ?")
        return {str(row.id) for row in session.execute(select, [[uuid.UUID(i) for i in user_ids]])}
    finally:
        hook.shutdown_cluster()
