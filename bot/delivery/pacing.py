"""Slack's pace per channel: about one message a second, and a 429's wait for that channel."""

PER_CHANNEL = 1.05  # seconds between two messages to one channel: Slack allows about 1/s,
# and exactly 1.0 drew 429s from timing jitter on 37% of calls (bench/fanout.py one-channel)
HOLD = 2.0  # a channel busy for longer than this hands its row back to the outbox


class Pacer:
    """When each channel may get its next message (monotonic seconds)."""

    def __init__(self, interval: float = PER_CHANNEL) -> None:
        self.interval = interval
        self.free_at: dict[str, float] = {}

    def reserve(self, channel: str, now: float, hold: float = HOLD) -> float:
        """Seconds to wait before sending to `channel`. The slot is taken only when the wait is
        at most `hold`: a row handed back to the outbox must not push the channel further out."""
        at = max(now, self.free_at.get(channel, 0.0))
        if at - now <= hold:
            self.free_at[channel] = at + self.interval
        return at - now

    def hold(self, channel: str, until: float) -> None:
        self.free_at[channel] = max(self.free_at.get(channel, 0.0), until)
