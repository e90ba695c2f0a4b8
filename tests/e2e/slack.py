"""Driving a real `billbot serve` the way Slack does: signed requests, a local Web API."""

import hashlib
import hmac
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BILLBOT = Path(sys.executable).with_name("billbot")
STANDIN = Path(__file__).with_name("slack_standin.py")
_TRIGGERS = itertools.count()


def signature(secret: str, timestamp: str, body: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    """Until something accepts connections on 127.0.0.1:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def post(
    url: str,
    body: str,
    content_type: str,
    *,
    secret: str = SECRET,
    timestamp: int | None = None,
    headers: dict | None = None,
) -> tuple[int, str, float]:
    stamp = str(timestamp if timestamp is not None else int(time.time()))
    request = urllib.request.Request(
        url,
        data=body.encode(),
        method="POST",
        headers={
            "content-type": content_type,
            "x-slack-request-timestamp": stamp,
            "x-slack-signature": signature(secret, stamp, body),
            **(headers or {}),
        },
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), time.perf_counter() - started


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def delete(url: str) -> int:
    request = urllib.request.Request(url, method="DELETE")
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(response.status)


def serve_env(folder: Path, standin: "StandIn", **extra: str) -> dict[str, str]:
    """What `billbot serve` gets in these tests: a fresh SQLite file, the stand-in Web API."""
    return {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{folder / 'billbot.db'}",
        "SLACK_BOT_TOKEN": "xoxb-local-1",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{standin.url}/api/",
        "BILLBOT_OPERATORS": "UOLIVIA",
        "NO_PROXY": "127.0.0.1,localhost",
        "BILLBOT_LOG": str(folder / "serve.log"),
        **extra,
    }


class StandIn:
    """The Slack Web API stand-in, in its own process on a free loopback port."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(STANDIN)], stdout=subprocess.PIPE, text=True
        )
        line = self.process.stdout.readline() if self.process.stdout else ""
        self.url = f"http://127.0.0.1:{int(line.split()[1])}"

    def calls(self, method: str | None = None) -> list[dict]:
        calls = json.loads(get(f"{self.url}/_calls")[1])
        return [c for c in calls if method is None or c["method"] == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls(method)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"expected {count} {method} call(s), saw {self.calls(method)}")

    def invalid(self) -> list[dict]:
        """Block Kit sent since the last look that real Slack would have refused."""
        return json.loads(get(f"{self.url}/_invalid")[1])

    def stop(self) -> None:
        os.kill(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=10)


class Billbot:
    """`billbot serve` as a subprocess; stopped by its pid."""

    def __init__(self, env: dict[str, str], *args: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = env["DATABASE_URL"]
        self.env, self.args = env, args
        self._start(env, args, "w")

    def restart(self) -> None:
        """Stopped and started again, on the same database and port."""
        self.stop()
        self._start(self.env, self.args, "a")

    def _start(self, env: dict[str, str], args: tuple[str, ...], mode: str) -> None:
        self.log = open(env["BILLBOT_LOG"], mode)  # noqa: SIM115  (closed in stop)
        self.process = subprocess.Popen(
            [str(BILLBOT), "serve", *args],
            env={"PUBLIC_URL": self.url, **env, "PORT": str(self.port)},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if get(f"{self.url}/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        tail = Path(env["BILLBOT_LOG"]).read_text()[-2000:]
        raise AssertionError(f"billbot serve did not answer /healthz:\n{tail}")

    def command(
        self,
        text: str,
        *,
        user: str = "UDAN",
        team: str = "T1",
        name: str = "dan",
        respond_to: str = "",
        **overrides: object,
    ) -> tuple[int, str, float]:
        fields = {
            "token": "legacy",
            "team_id": team,
            "team_domain": "agency",
            "channel_id": "C1",
            "channel_name": "billing",
            "user_id": user,
            "user_name": name,
            "command": "/billing",
            "text": text,
            "api_app_id": "A1",
            "response_url": respond_to,
            "trigger_id": f"{time.time_ns()}.{next(_TRIGGERS)}.3",  # one of a kind, as Slack's
            **overrides,
        }
        return post(
            f"{self.url}/slack/events", urlencode(fields), "application/x-www-form-urlencoded"
        )

    def reply(self, standin: "StandIn", text: str, **kw: object) -> str:
        """Run a command as Slack would; the ephemeral reply posted to its response_url."""
        before = len(standin.calls("respond"))
        status, body, seconds = self.command(text, respond_to=f"{standin.url}/respond/x", **kw)
        assert status == 200 and seconds < 3, (status, body, seconds)
        call = standin.wait_for("respond", before + 1)[before]
        assert call["args"]["response_type"] == "ephemeral"
        return "\n".join(b["text"]["text"] for b in call["args"]["blocks"] if "text" in b)

    def interact(self, payload: dict) -> tuple[int, str, float]:
        return post(
            f"{self.url}/slack/events",
            urlencode({"payload": json.dumps(payload)}),
            "application/x-www-form-urlencoded",
        )

    def event(self, event: dict, event_id: str, **headers: str) -> tuple[int, str, float]:
        envelope = {
            "type": "event_callback",
            "team_id": "T1",
            "api_app_id": "A1",
            "event": event,
            "event_id": event_id,
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
        return post(
            f"{self.url}/slack/events", json.dumps(envelope), "application/json", headers=headers
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        self.log.close()
