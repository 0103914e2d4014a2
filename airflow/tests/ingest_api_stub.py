"""A tiny stand-in for the ingest service's HTTP API, for the DAG's failure paths.

It stands in for the service the DAG orchestrates (not for a data store), so that a test can make
the service answer what the real one answers only when something upstream breaks.
"""

from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class IngestApiStub:
    """Health UP; a started run is RUNNING for `running_polls` polls and then `final` (a run dict)."""

    def __init__(self, api_key: str, final: dict, running_polls: int = 1, start_status: int = 202,
                 user_ids: list[str] = (), separate_management: bool = False):
        """separate_management: health answers on a port of its own (management_port), as the real
        service's actuator does in compose, and no longer on the API port."""
        self.api_key = api_key
        self.user_ids = list(user_ids)
        self.final = final
        self.running_polls = running_polls
        self.start_status = start_status
        self.started: list[dict] = []
        self.polls = 0
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
                if "/users" in self.path and stub.started:
                    run_id = stub.started[-1]["run"]["id"]
                    return self._answer(200, {"runId": run_id, "limit": 100, "userIds": stub.user_ids})
                if self.path.startswith("/api/v1/ingestions/") and stub.started:
                    stub.polls += 1
                    run = stub.started[-1]["run"]
                    if stub.polls > stub.running_polls:
                        run = {**run, **stub.final}
                    return self._answer(200, run)
                self._answer(404, {"title": "Not Found", "detail": self.path})

            def do_POST(self):
                if not self._authorized():
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if stub.start_status != 202:
                    return self._answer(stub.start_status, {"title": "Bad Request", "detail": "count: too large"})
                run = {"id": str(uuid.uuid4()), "status": "RUNNING", "requested": body["count"], "fetched": 0,
                       "stored": 0, "duplicates": 0, "published": 0, "error": None}
                stub.started.append({"body": body, "run": run})
                self._answer(202, run)

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
