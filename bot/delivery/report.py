"""What one drain did: counts by outcome, and each sent message's delay."""

from dataclasses import dataclass, field


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    deferred: int = 0
    rate_limited: int = 0
    found_already_sent: int = 0
    expanded: int = 0
    delays: list[float] = field(default_factory=list)  # seconds from written to sent
