"""A local Slack Web API: answers like Slack, records every call. Run as its own process.

POST /api/<method> answers as Slack would; POST /respond/<id> takes response_url posts;
GET /_calls lists what was received; DELETE /_calls forgets it; every message and view is
checked as Slack would (tests/e2e/block_kit.py): one Slack would refuse is answered as Slack
answers it (invalid_blocks, invalid_arguments) and kept for GET /_invalid;
POST /_ratelimit/<method>/<n>
makes the next n calls of a method answer 429 with Retry-After: 1; POST /_socket with
{"url": ...} sets the WebSocket URL apps.connections.open answers (Socket Mode).
Usage: python slack_standin.py  (prints "PORT <n>" once listening on 127.0.0.1)
"""

import itertools
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from block_kit import problems

CALLS: list[dict] = []
INVALID: list[dict] = []  # Block Kit Slack would refuse; GET /_invalid lists and forgets it
POSTED: dict[str, list[dict]] = {}  # channel -> messages, for conversations.history
LIMITED: dict[str, int] = {}
LOCK = threading.Lock()
HOME_TEAM = "T1"
VIEW_IDS = itertools.count(1)
SOCKET = {"url": ""}  # what apps.connections.open answers


def user_info(args: dict, token: str) -> dict:
    """Ids tell the kind: UEXT... another team (Slack Connect), UGUEST... a guest."""
    user = args.get("user", "")
    home = (
        token.split("-")[1]
        if token.count("-") >= 2 and token.split("-")[1].startswith("T")
        else HOME_TEAM
    )
    team = "T_OTHER" if user.startswith("UEXT") else home
    name = user.lower().removeprefix("u")
    return {
        "ok": True,
        "user": {
            "id": user,
            "team_id": team,
            "name": name,
            "is_restricted": user.startswith("UGUEST"),
            "profile": {
                "display_name": name,
                "real_name": name.title(),
                "email": f"{name}@example.com",
            },
        },
    }


def answer(method: str, args: dict, token: str) -> dict:
    if method == "auth.test":
        team = token.split("-")[1] if token.count("-") >= 2 else HOME_TEAM
        return {
            "ok": True,
            "team_id": team if team.startswith("T") else HOME_TEAM,
            "team": "Agency",
            "user_id": "UBOT",
            "bot_id": "BBOT",
            "url": "https://agency.slack.com/",
        }
    if method == "users.info":
        return user_info(args, token)
    if method == "apps.connections.open":  # Socket Mode: the app-level token asks where to go
        if not token.startswith("xapp-") or not SOCKET["url"]:
            return {"ok": False, "error": "invalid_auth"}
        return {"ok": True, "url": SOCKET["url"]}
    if method == "chat.postMessage":
        channel = str(args.get("channel", ""))
        if channel.startswith("CGONE"):  # a channel that was deleted
            return {"ok": False, "error": "channel_not_found"}
        channel = "D" + channel if channel.startswith("U") else channel  # a DM's own channel
        message = {"ts": f"{time.time():.6f}", "text": args.get("text")}
        if args.get("metadata"):
            meta = args["metadata"]
            message["metadata"] = json.loads(meta) if isinstance(meta, str) else meta
        POSTED.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": message["ts"]}
    if method in ("views.open", "views.update", "views.publish"):  # Slack answers the view
        view_id = args.get("view_id") or f"V{next(VIEW_IDS)}"
        return {"ok": True, "view": {"id": view_id, "hash": "h"}}
    if method == "conversations.open":
        return {"ok": True, "channel": {"id": "D" + str(args.get("users", ""))}}
    if method == "conversations.history":
        found = list(reversed(POSTED.get(str(args.get("channel")), [])))
        return {"ok": True, "messages": found, "has_more": False}
    if method == "oauth.v2.access":  # code "code-T2" installs into team T2, by UINSTALLT2
        team = args.get("code", "code-T2").removeprefix("code-")
        return {
            "ok": True,
            "app_id": "A1",
            "access_token": f"xoxb-{team}-token",
            "token_type": "bot",
            "scope": "commands,chat:write",
            "bot_user_id": "UBOT",
            "team": {"id": team, "name": f"Team {team}"},
            "enterprise": None,
            "authed_user": {"id": f"UINSTALL{team}"},
            "is_enterprise_install": False,
        }
    return {"ok": True}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, payload: object, headers: dict | None = None) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _upload_url(self) -> None:
        host = self.headers.get("host")
        self._send(200, {"ok": True, "file_id": "F1", "upload_url": f"http://{host}/upload/F1"})

    def do_GET(self) -> None:
        if self.path == "/_invalid":
            with LOCK:
                found = list(INVALID)
                INVALID.clear()
            self._send(200, found)
            return
        if self.path.startswith("/api/"):  # slack-sdk reads some methods with GET
            method, _, query = self.path.removeprefix("/api/").partition("?")
            args = dict(parse_qsl(query))
            token = (self.headers.get("authorization") or "").removeprefix("Bearer ")
            with LOCK:
                CALLS.append({"path": self.path, "method": method, "args": args, "at": time.time()})
            if method == "files.getUploadURLExternal":
                self._upload_url()
            else:
                self._send(200, answer(method, args, token))
            return
        with LOCK:
            self._send(200, CALLS)

    def do_DELETE(self) -> None:
        with LOCK:
            CALLS.clear()
            POSTED.clear()
        self._send(200, {"ok": True})

    def do_POST(self) -> None:
        data = self.rfile.read(int(self.headers.get("content-length") or 0))
        raw = data.decode("utf-8", "replace")
        kind = self.headers.get("content-type", "")
        route, _, query = self.path.partition("?")  # the async client posts some args in the URL
        path = route.strip("/").split("/")
        if path[0] == "upload":  # the file's bytes, posted to the URL getUploadURLExternal gave
            args: dict = {
                "body": raw,
                "size": len(data),
                "png": b"\x89PNG" in data,
                "pdf": data.startswith(b"%PDF-"),
                "hex": data.hex() if data.startswith(b"%PDF-") else None,
            }
        else:
            args = json.loads(raw or "{}") if "json" in kind else dict(parse_qsl(raw))
            args = {**dict(parse_qsl(query)), **args}
        if path[0] == "_socket":
            SOCKET["url"] = args["url"]
            self._send(200, {"ok": True})
            return
        if path[0] == "_ratelimit":
            LIMITED[path[1]] = int(path[2])
            self._send(200, {"ok": True})
            return
        method = path[1] if path[0] == "api" and len(path) > 1 else path[0]
        with LOCK:
            CALLS.append(
                {
                    "path": self.path,
                    "method": method,
                    "args": args,
                    "auth": self.headers.get("authorization"),
                    "at": time.time(),
                }
            )
            limited = LIMITED.get(method, 0)
            if limited:
                LIMITED[method] = limited - 1
        refused = [] if limited else problems(method, args)
        if refused:
            with LOCK:
                INVALID.append({"method": method, "problems": refused})
        if limited:
            self._send(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"})
        elif refused and method.startswith("views."):
            messages = [f"[ERROR] {p}" for p in refused]
            self._send(
                200,
                {
                    "ok": False,
                    "error": "invalid_arguments",
                    "response_metadata": {"messages": messages},
                },
            )
        elif refused:
            status = 400 if method == "respond" else 200
            self._send(status, {"ok": False, "error": "invalid_blocks", "errors": refused})
        elif method == "files.getUploadURLExternal":
            self._upload_url()
        elif method == "files.completeUploadExternal":
            self._send(200, {"ok": True, "files": [{"id": "F1", "title": args.get("files")}]})
        elif path[0] in ("respond", "upload"):
            self._send(200, {"ok": True})
        else:
            token = (self.headers.get("authorization") or "").removeprefix("Bearer ")
            self._send(200, answer(method, args, token or args.get("token", "")))


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"PORT {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
