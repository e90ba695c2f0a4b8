"""A Stripe API base that answers every request with one chosen status and Stripe's error
body, for what localstripe cannot do (a 500, a 429); it records each request it saw.

    with StatusStandIn(500) as api: ...; api.status = 404; api.requests"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ERRORS = {
    404: ("invalid_request_error", "resource_missing", "No such customer"),
    429: ("invalid_request_error", "rate_limit", "Too many requests"),
    500: ("api_error", None, "An unknown error occurred"),
}


class StatusStandIn:
    def __init__(self, status: int) -> None:
        self.status = status
        self.requests: list[tuple[str, str]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                stand_in.requests.append((self.command, self.path))
                kind, code, message = ERRORS.get(stand_in.status, ERRORS[500])
                body = json.dumps({"error": {"type": kind, "code": code, "message": message}})
                self.send_response(stand_in.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.send_header("request-id", "req_standin")
                self.end_headers()
                self.wfile.write(body.encode())

            do_GET = do_POST = do_DELETE = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "StatusStandIn":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
