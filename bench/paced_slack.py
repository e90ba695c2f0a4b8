"""A local, paced stand-in for the Slack Web API, for delivery benchmarks.

Every /api/* call is answered after --delay-ms (Slack's own latency, roughly). chat.postMessage
answers like Slack, or with HTTP 429 and `Retry-After` when the same channel had a message
accepted less than 1 / --per-channel-rate seconds before (Slack's "about one message per second
per channel"). What was accepted is kept in memory and read back by the benchmark:

    GET  /_stats           {"accepted", "ratelimited", "duplicates", "first_accept", ...}
    GET  /_stats?detail=1  ... plus "messages": [{"channel", "text", "time", "ts"}, ...]
    POST /_reset           forget everything (counts, messages, per-channel clocks)

Binds 127.0.0.1 only and logs nothing per request; one line on start ("listening on URL", with
the real port when --port 0). aiohttp.web on the default asyncio loop: with no uvloop/httptools
installed it serves several times the requests/s of starlette on uvicorn (h11) per core.

    .venv/bin/python bench/paced_slack.py --port 8765 [--delay-ms 50] [--per-channel-rate 1.0]
    .venv/bin/python bench/paced_slack.py --self-check   # by hand: throughput and 429 figures

Self-contained on purpose (only aiohttp; slack_sdk for --self-check): bench/fanout.py starts it
as a subprocess.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import signal
import socket
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

BOT = {"team_id": "T0BENCH", "user_id": "U0BENCH", "bot_id": "B0BENCH"}


@dataclass
class Accepted:
    channel: str
    text: str
    time: float  # wall clock, seconds since the epoch: comparable with the benchmark's own clock
    ts: str


@dataclass
class State:
    delay: float
    min_gap: float  # seconds between two accepted messages in one channel; 0 = no limit
    requests: int = 0
    ratelimited: int = 0
    accepted: list[Accepted] = field(default_factory=list)
    per_text: Counter[tuple[str, str]] = field(default_factory=Counter)
    last_accept: dict[str, float] = field(default_factory=dict)  # channel -> monotonic time
    last_ts_us: int = 0

    def reset(self) -> None:
        self.requests = self.ratelimited = 0
        self.accepted.clear()
        self.per_text.clear()
        self.last_accept.clear()

    def next_ts(self, wall: float) -> str:
        """Slack-style '1732270000.000123', unique and strictly increasing across the run."""
        self.last_ts_us = max(int(wall * 1_000_000), self.last_ts_us + 1)
        seconds, micros = divmod(self.last_ts_us, 1_000_000)
        return f"{seconds}.{micros:06d}"


STATE: web.AppKey[State] = web.AppKey("state", State)


def _ok(payload: dict[str, Any]) -> web.Response:
    body = json.dumps({"ok": True, **payload}).encode()
    return web.Response(body=body, content_type="application/json")


def _error(error: str, status: int = 200, **headers: str) -> web.Response:
    body = json.dumps({"ok": False, "error": error}).encode()
    return web.Response(body=body, status=status, content_type="application/json", headers=headers)


async def _arguments(request: web.Request) -> dict[str, Any] | None:
    """Query string plus the body, JSON or form-encoded, as slack_sdk and others send them."""
    args: dict[str, Any] = dict(request.query)
    if request.method != "POST" or not request.can_read_body:
        return args
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        args.update(body)
    else:  # application/x-www-form-urlencoded or multipart/form-data
        args.update({key: value for key, value in (await request.post()).items()})
    return args


async def post_message(request: web.Request) -> web.Response:
    state = request.app[STATE]
    state.requests += 1
    args = await _arguments(request)
    await asyncio.sleep(state.delay)
    if args is None:
        return _error("invalid_json")
    channel, text, blocks = args.get("channel"), args.get("text"), args.get("blocks")
    if isinstance(blocks, str):  # form-encoded blocks arrive as a JSON string
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return _error("invalid_blocks_format")
    if not channel or not isinstance(channel, str):
        return _error("channel_not_found")
    if not text and not blocks:
        return _error("no_text")
    text = text if isinstance(text, str) else ""

    # Decide and record with no await in between: one event loop, so this is atomic.
    now = time.monotonic()
    last = state.last_accept.get(channel)
    if state.min_gap and last is not None and now - last < state.min_gap:
        state.ratelimited += 1
        retry_after = max(1, math.ceil(state.min_gap - (now - last)))
        return _error("ratelimited", status=429, **{"Retry-After": str(retry_after)})
    state.last_accept[channel] = now
    wall = time.time()
    ts = state.next_ts(wall)
    state.accepted.append(Accepted(channel, text, wall, ts))
    state.per_text[(channel, text)] += 1
    message: dict[str, Any] = {"type": "message", "user": BOT["user_id"], "text": text, "ts": ts}
    message.update(bot_id=BOT["bot_id"], team=BOT["team_id"])
    if blocks:
        message["blocks"] = blocks
    return _ok({"channel": channel, "ts": ts, "message": message})


async def auth_test(request: web.Request) -> web.Response:
    state = request.app[STATE]
    state.requests += 1
    await asyncio.sleep(state.delay)
    about = {"url": "https://bench.slack.com/", "team": "Bench", "user": "billbot"}
    return _ok({**about, **BOT})


async def any_method(request: web.Request) -> web.Response:
    state = request.app[STATE]
    state.requests += 1
    await asyncio.sleep(state.delay)
    return _ok({})


async def stats(request: web.Request) -> web.Response:
    state = request.app[STATE]
    accepted = state.accepted
    repeated = [(key, n) for key, n in state.per_text.items() if n > 1]
    body: dict[str, Any] = {
        "requests": state.requests,
        "accepted": len(accepted),
        "ratelimited": state.ratelimited,
        # Extra accepts of a (channel, text) already accepted, and how many pairs that hit.
        "duplicates": sum(n - 1 for _, n in repeated),
        "duplicate_pairs": len(repeated),
        "channels": len(state.last_accept),
        "first_accept": accepted[0].time if accepted else None,
        "last_accept": accepted[-1].time if accepted else None,
        "delay_ms": round(state.delay * 1000, 3),
        "per_channel_rate": 1 / state.min_gap if state.min_gap else 0,
    }
    if request.query.get("detail") in ("1", "true", "yes"):
        body["messages"] = [
            {"channel": a.channel, "text": a.text, "time": a.time, "ts": a.ts} for a in accepted
        ]
        body["duplicate_list"] = [{"channel": c, "text": t, "count": n} for (c, t), n in repeated]
    return web.json_response(body)


async def reset(request: web.Request) -> web.Response:
    request.app[STATE].reset()
    return _ok({})


def make_app(delay_ms: float, per_channel_rate: float) -> web.Application:
    app = web.Application()
    app[STATE] = State(
        delay=max(0.0, delay_ms) / 1000,
        min_gap=1 / per_channel_rate if per_channel_rate > 0 else 0.0,
    )
    app.router.add_post("/api/chat.postMessage", post_message)
    app.router.add_route("*", "/api/auth.test", auth_test)
    app.router.add_route("*", "/api/{method}", any_method)
    app.router.add_get("/_stats", stats)
    app.router.add_post("/_reset", reset)
    return app


async def serve(port: int, delay_ms: float, per_channel_rate: float) -> None:
    runner = web.AppRunner(make_app(delay_ms, per_channel_rate), access_log=None)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    site = web.SockSite(runner, sock, backlog=4096)
    await site.start()
    print(f"paced_slack listening on http://127.0.0.1:{sock.getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await runner.cleanup()


# --- by hand: python bench/paced_slack.py --self-check ------------------------------------------


async def _self_check(delay_ms: float, rate: float, messages: int, concurrency: int) -> None:
    import subprocess
    import urllib.request

    import aiohttp
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    args = ["--port", str(port), "--delay-ms", str(delay_ms), "--per-channel-rate", str(rate)]
    server = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        print(server.stdout.readline().strip())

        def get(path: str, method: str = "GET") -> dict[str, Any]:
            with urllib.request.urlopen(urllib.request.Request(base + path, method=method)) as r:
                return dict(json.loads(r.read()))

        def server_cpu() -> float:
            """The server's user+system CPU seconds (Linux /proc), to show it isn't the limit."""
            try:
                with open(f"/proc/{server.pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                return float("nan")
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

        async def fan_out(client: AsyncWebClient, label: str) -> None:
            get("/_reset", "POST")
            cpu_server, cpu_client = server_cpu(), time.process_time()
            queue = iter(range(messages))
            sent = failed = 0

            async def worker() -> None:
                nonlocal sent, failed
                for i in queue:
                    try:
                        await client.chat_postMessage(channel=f"C{i:06d}", text=f"statement {i}")
                        sent += 1
                    except SlackApiError:
                        failed += 1

            started = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(concurrency)))
            elapsed = time.perf_counter() - started
            cpu_server, cpu_client = server_cpu() - cpu_server, time.process_time() - cpu_client
            bound = concurrency / (delay_ms / 1000) if delay_ms else float("inf")
            s = get("/_stats")
            print(
                f"{label}: {sent} sent, {failed} failed in {elapsed:.2f}s = "
                f"{sent / elapsed:.0f} msg/s vs bound {concurrency}/{delay_ms / 1000:g}s = "
                f"{bound:.0f}/s ({sent / elapsed / bound:.0%}); server: accepted "
                f"{s['accepted']}, 429 {s['ratelimited']}, duplicates {s['duplicates']}\n"
                f"  CPU: server {cpu_server:.2f}s ({cpu_server / elapsed:.0%} of one core, "
                f"{cpu_server / messages * 1e6:.0f} us/msg), client {cpu_client:.2f}s "
                f"({cpu_client / elapsed:.0%} of one core, "
                f"{cpu_client / messages * 1e6:.0f} us/msg)"
            )

        # slack_sdk's default: a new aiohttp session (and TCP connection) for every call.
        await fan_out(AsyncWebClient(token="xoxb-bench", base_url=f"{base}/api/"), "default client")
        async with aiohttp.ClientSession() as session:
            shared = AsyncWebClient(token="xoxb-bench", base_url=f"{base}/api/", session=session)
            await fan_out(shared, "shared session")

            get("/_reset", "POST")
            started = time.perf_counter()

            async def one(i: int) -> str:
                try:
                    await shared.chat_postMessage(channel="C_ONE", text=f"quick {i}")
                    return f"{time.perf_counter() - started:.3f}s ok"
                except SlackApiError as e:
                    after = e.response.headers.get("Retry-After")
                    return (
                        f"{time.perf_counter() - started:.3f}s {e.response.status_code} "
                        f"{e.response['error']} Retry-After={after}"
                    )

            results = await asyncio.gather(*(one(i) for i in range(10)))
            print("10 at once to one channel:", "; ".join(results))
            sequential = [await one(i) for i in range(10, 20)]
            print("10 one after another to one channel:", "; ".join(sequential))
            retry_after = 1 / rate if rate > 0 else 0
            await asyncio.sleep(retry_after)
            print(f"after waiting {retry_after:g}s:", await one(20))
            s = get("/_stats?detail=1")
            print(
                f"stats: accepted {s['accepted']}, 429 {s['ratelimited']}, "
                f"duplicates {s['duplicates']}, span "
                f"{(s['last_accept'] or 0) - (s['first_accept'] or 0):.3f}s, "
                f"texts {[m['text'] for m in s['messages']]}"
            )
            await shared.chat_postMessage(channel="C_DUP", text="same")
            await asyncio.sleep(1 / rate if rate > 0 else 0)
            await shared.chat_postMessage(channel="C_DUP", text="same")
            s = get("/_stats?detail=1")
            print(f"duplicate check: duplicates {s['duplicates']}, list {s['duplicate_list']}")
            print("auth.test:", (await shared.auth_test()).data)
            print("conversations.list:", (await shared.conversations_list()).data)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, help="0 picks a free port (printed on start)")
    parser.add_argument("--delay-ms", type=float, default=50.0, help="added to every /api call")
    parser.add_argument(
        "--per-channel-rate",
        type=float,
        default=1.0,
        help="accepted messages per second per channel; 0 turns the 429s off",
    )
    parser.add_argument("--self-check", action="store_true", help="run the figures by hand")
    parser.add_argument("--messages", type=int, default=2000, help="for --self-check")
    parser.add_argument("--concurrency", type=int, default=32, help="for --self-check")
    args = parser.parse_args(argv)
    if args.self_check:
        check = _self_check(args.delay_ms, args.per_channel_rate, args.messages, args.concurrency)
        asyncio.run(check)
    elif args.port is None:
        parser.error("--port is required (or --self-check)")
    else:
        asyncio.run(serve(args.port, args.delay_ms, args.per_channel_rate))


if __name__ == "__main__":
    main()
