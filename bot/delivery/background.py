"""The server's delivery: the courier drains continuously in a thread, woken early by wake()."""

import asyncio
import logging
import threading

from sqlalchemy.exc import InterfaceError, OperationalError

from bot.delivery.courier import Courier

log = logging.getLogger("billbot.drain")


class DeliveryLoop:
    def __init__(self, courier: Courier) -> None:
        self.courier = courier
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.Event] | None = None

    def start(self) -> threading.Thread:
        """Deliver in a background thread; returns once the loop can be woken (or after 5 s)."""
        ready = threading.Event()
        thread = threading.Thread(
            target=lambda: asyncio.run(self._forever(ready)), name="billbot-delivery", daemon=True
        )
        thread.start()
        ready.wait(5)
        return thread

    def wake(self) -> None:
        if self._wake is not None:
            loop, event = self._wake
            loop.call_soon_threadsafe(event.set)

    async def _forever(self, ready: threading.Event) -> None:
        event = asyncio.Event()
        self._wake = (asyncio.get_running_loop(), event)
        ready.set()
        while True:
            try:
                await self.courier.drain(until_idle=False, wake=event)
            except (OperationalError, InterfaceError) as error:  # the database is out of
                # reach: nothing was claimed or recorded; wait and go on
                log.warning("delivery waits for the database: %s", type(error.orig).__name__)
                await asyncio.sleep(5)
            except Exception:  # the loop's one boundary: a bug is logged in full, delivery goes on
                log.exception("delivery loop failed")
                await asyncio.sleep(5)
