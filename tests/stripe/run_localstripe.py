"""Run localstripe's aiohttp server on 127.0.0.1, in memory only. Tests only, own process.

Usage: python run_localstripe.py PORT  (0 picks a free port; prints "PORT <n>" once listening)

localstripe is GPL: it runs only inside this process, never imported by billbot code.
Changes made here, in this process only:
- no pickle: its store is not read from, nor written to, /tmp/localstripe.pickle;
- binds 127.0.0.1 instead of every interface;
- DELETE /_config/data also forgets the registered webhooks and drops deliveries still
  waiting for their ~1 s delay, so events of one test never reach the next test's receiver.
"""

import contextvars
import logging
import os
import socket
import sys

from aiohttp import web
from localstripe import resources, server, webhooks

_generation = [0]
_scheduled_in = contextvars.ContextVar("scheduled_in", default=-1)


def _no_pickle() -> None:
    resources.Store.dump_to_disk = lambda self: None
    resources.Store.try_load_from_disk = lambda self: None


class _CurrentWebhooks(dict):
    """Registered webhooks; a delivery scheduled before the last reset sees none."""

    def values(self):
        if _scheduled_in.get() != _generation[0]:
            return []
        return super().values()


def _forgetting_resets() -> None:
    webhooks._webhooks = _CurrentWebhooks()
    schedule = webhooks.schedule_webhook

    def schedule_in_generation(event: object) -> None:
        token = _scheduled_in.set(_generation[0])  # the delivery task copies this context
        try:
            schedule(event)
        finally:
            _scheduled_in.reset(token)

    resources.schedule_webhook = schedule_in_generation

    @web.middleware
    async def reset_webhooks(request: web.Request, handler):
        if request.method == "DELETE" and request.path == "/_config/data":
            _generation[0] += 1
            webhooks._webhooks.clear()
        return await handler(request)

    server.app.middlewares.append(reset_webhooks)


def main() -> None:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    _no_pickle()
    _forgetting_resets()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(128)  # connections queue here until the loop accepts them
    logger = logging.getLogger("aiohttp.access")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(logging.StreamHandler(sys.stderr))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    os.dup2(2, 1)  # anything printed later goes to stderr, not to the pipe nobody reads
    web.run_app(server.app, sock=sock, access_log=logger, print=None)


if __name__ == "__main__":
    main()
