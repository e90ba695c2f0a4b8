"""Work after acks makes way for the requests being answered on the event loop."""

import threading
import time

from bot.slack.answering import Answering


def test_work_waits_while_a_request_is_being_answered_and_starts_when_it_is_done():
    answering, order = Answering(), []
    answering.begin()
    worker = threading.Thread(
        target=lambda: (answering.make_way(time.monotonic()), order.append("work"))
    )
    worker.start()
    time.sleep(0.2)
    order.append("answered")
    answering.end()
    worker.join()
    assert order == ["answered", "work"]
