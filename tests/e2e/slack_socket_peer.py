"""Slack's side of Socket Mode, on a loopback port: an aiohttp WebSocket server that says
`hello` to each connection, sends the envelopes a test gives it, records what the app sends
back (acks), and can tell the app to `disconnect`. Runs its own event loop in a thread."""

import asyncio
import json
import queue
import threading
import time
import uuid

from aiohttp import WSMsgType, web

from tests.e2e.slack import free_port


class SlackPeer:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}/link"
        self.connections: list[web.WebSocketResponse] = []
        self.received: queue.Queue[tuple[float, dict]] = queue.Queue()
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "SlackPeer":
        self.thread.start()
        assert self.ready.wait(10), "the Socket Mode peer did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_get("/link", self._link)
        self.runner = web.AppRunner(app)
        self.loop.run_until_complete(self.runner.setup())
        self.loop.run_until_complete(web.TCPSite(self.runner, "127.0.0.1", self.port).start())
        self.ready.set()
        self.loop.run_forever()

    async def _stop(self) -> None:
        for connection in self.connections:
            await connection.close()
        await self.runner.cleanup()

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        self.connections.append(socket)
        await socket.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "applink-local", "approximate_connection_time": 18060},
                "connection_info": {"app_id": "A1"},
            }
        )
        async for message in socket:
            if message.type == WSMsgType.TEXT:
                self.received.put((time.monotonic(), json.loads(message.data)))
        return socket

    def wait_connections(self, count: int, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while (
            len([c for c in self.connections if not c.closed]) < 1 or len(self.connections) < count
        ):
            assert time.monotonic() < deadline, f"{len(self.connections)} connection(s)"
            time.sleep(0.05)

    def send(self, message: dict) -> float:
        """To the newest connection; when it was sent (time.monotonic)."""
        socket = self.connections[-1]
        sent = time.monotonic()
        asyncio.run_coroutine_threadsafe(socket.send_json(message), self.loop).result(10)
        return sent

    def envelope(self, kind: str, payload: dict, **more: object) -> tuple[dict, float]:
        """An envelope of `kind` around `payload`, and the app's ack with the seconds it took."""
        envelope_id = str(uuid.uuid4())
        sent = self.send(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": kind != "events_api",
                **more,
            }
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                at, message = self.received.get(timeout=0.2)
            except queue.Empty:
                continue
            if message.get("envelope_id") == envelope_id:
                return message, at - sent
        raise AssertionError(f"no ack for the {kind} envelope {envelope_id}")
