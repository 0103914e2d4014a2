"""A tiny stand-in for the ingest service's HTTP API, for the DAG's failure paths.

It stands in for the service the DAG orchestrates (not for a data store), so that a test can make
the service answer what the real one answers only when something upstream breaks. It serves what
the DAG calls: health, `POST /api/v1/ingestions`, the run view with its `reconciliation`, and the
run's `/users`, `/pending` and `/parked` lists (each honouring `limit`, in the order given).
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def reconciliation(run: dict, *, landed: int | None = None, dead_lettered: int = 0,
                   pending: list[str] | None = None, rejected_by_reason: dict | None = None,
                   ledger_error: str | None = None) -> dict:
    """A run view's `reconciliation` for the run's counters, as the service computes it: `pending`
    lists the identities that do not hold (unless given), and the run has caught up when none is
    pending. `landed` defaults to every published event that was not dead-lettered; with a
    `ledger_error`, landed and deadLettered are unknown (null) and `unknown` is pending."""
    stored, published, parked = run.get("stored", 0), run.get("published", 0), run.get("parked", 0)
    if ledger_error is not None:
        landed, dead_lettered = None, None
    elif landed is None:
        landed = published - dead_lettered
    if pending is None:
        pending = []
        if run.get("status") == "RUNNING":
            pending.append("ingesting")
        if stored != published + parked:
            pending.append("publishing")
        if ledger_error is not None:
            pending.append("unknown")
        elif published != landed + dead_lettered:
            pending.append("landing")
    return {
        "rejectedByReason": dict(rejected_by_reason or {}),
        "stored": stored,
        "published": published,
        "parked": parked,
        "landed": landed,
        "deadLettered": dead_lettered,
        "pending": list(pending),
        "ledgerError": ledger_error,
        "caughtUp": not pending,
    }


class IngestApiStub:
    """Health UP; a started run is RUNNING for `running_polls` polls and then `final` (a run dict).

    The final run view's `reconciliation` is `final`'s own, else the caught-up one for the final
    counters. `later` changes the view at the polls after the first final one (which
    wait_for_ingestion takes): one entry a poll, merged into the final view, the last one repeating;
    an entry may change the `reconciliation` or the `status`. `user_ids` are the run's users
    (`/users`), `pending_ids` the ones neither landed nor dead-lettered (`/pending`, which answers
    `pending_status` instead when that is not 200, as the real one answers 503 while the ledger
    cannot be read), `parked_ids` the ones whose events Kafka refused (`/parked`).
    """

    def __init__(self, api_key: str, final: dict, running_polls: int = 1, start_status: int = 202,
                 user_ids: list[str] = (), separate_management: bool = False,
                 later: list[dict] = (), pending_ids: list[str] = (), pending_status: int = 200,
                 parked_ids: list[str] = ()):
        """separate_management: health answers on a port of its own (management_port), as the real
        service's actuator does in compose, and no longer on the API port."""
        self.api_key = api_key
        self.user_ids = list(user_ids)
        self.pending_ids = list(pending_ids)
        self.parked_ids = list(parked_ids)
        self.pending_status = pending_status
        self.later = list(later)
        self.final = final
        self.running_polls = running_polls
        self.start_status = start_status
        self.started: list[dict] = []
        self.polls = 0
        self.requests: list[str] = []  # path and query of each GET under /api/v1, in order
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._management = (ThreadingHTTPServer(("127.0.0.1", 0), self._health_handler())
                            if separate_management else None)
        self._servers = [server for server in (self._server, self._management) if server]
        self._threads = [threading.Thread(target=server.serve_forever, daemon=True) for server in self._servers]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def management_port(self) -> int | None:
        return self._management.server_address[1] if self._management else None

    def __enter__(self) -> "IngestApiStub":
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()

    def run_view(self) -> dict:
        """The started run as the next poll sees it (counts the poll)."""
        self.polls += 1
        run = self.started[-1]["run"]
        if self.polls <= self.running_polls:
            return {**run, "reconciliation": reconciliation(run)}
        view = {**run, **self.final}
        view["reconciliation"] = self.final.get("reconciliation") or reconciliation(view)
        after_first_final = self.polls - self.running_polls - 1
        if self.later and after_first_final > 0:
            view.update(self.later[min(after_first_final, len(self.later)) - 1])
        return view

    def _health_handler(self):
        class Health(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = (200, {"status": "UP"}) if self.path == "/actuator/health" else (404, {})
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        return Health

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path == "/actuator/health" and not stub._management:
                    return self._answer(200, {"status": "UP"})
                if not self._authorized():
                    return
                stub.requests.append(self.path)
                url = urlsplit(self.path)
                match = re.fullmatch(r"/api/v1/ingestions/([^/]+)(?:/(users|pending|parked))?", url.path)
                if not match or not stub.started or match[1] != stub.started[-1]["run"]["id"]:
                    return self._answer(404, {"title": "Not Found", "detail": self.path})
                run_id, listing = match[1], match[2]
                if listing is None:
                    return self._answer(200, stub.run_view())
                limit = int(parse_qs(url.query).get("limit", ["100"])[0])
                if not 1 <= limit <= 100_000:
                    return self._answer(400, {"title": "Bad Request", "detail": f"limit: {limit}"})
                if listing == "pending" and stub.pending_status != 200:
                    return self._answer(stub.pending_status, {
                        "title": "Service Unavailable",
                        "detail": "the landing ledger (Cassandra) is unavailable; try again shortly"})
                ids = {"users": stub.user_ids, "pending": stub.pending_ids, "parked": stub.parked_ids}[listing]
                self._answer(200, {"runId": run_id, "limit": limit, "userIds": ids[:limit]})

            def do_POST(self):
                if not self._authorized():
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if stub.start_status != 202:
                    return self._answer(stub.start_status, {"title": "Bad Request", "detail": "count: too large"})
                run = {"id": str(uuid.uuid4()), "status": "RUNNING", "requested": body["count"], "fetched": 0,
                       "stored": 0, "duplicates": 0, "rejected": 0, "published": 0, "parked": 0, "error": None}
                stub.started.append({"body": body, "run": run})
                self._answer(202, {**run, "reconciliation": None})  # as the real POST: no reconciliation

            def _authorized(self) -> bool:
                if self.headers.get("X-API-Key") == stub.api_key:
                    return True
                self._answer(401, {"title": "Unauthorized"})
                return False

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        return Handler
