"""Prometheus figures: requests, latency, errors, and how many notices wait in the outbox."""

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.exc import DBAPIError
from sqlmodel import func, select

from storage.tables import Outbox
from storage.unit_of_work import UnitOfWork


class OutboxDepth(Collector):
    """Read at scrape time, so every replica reports the same truth."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            with self.uow.read():
                pending = self.uow.session.exec(
                    select(func.count()).where(Outbox.status == "pending")
                ).one()
        except DBAPIError:  # the database is out of reach: /healthz says so; no figure here
            return
        gauge = GaugeMetricFamily("billbot_outbox_pending", "Notifications waiting to be sent")
        gauge.add_metric([], pending)
        yield gauge


class Metrics:
    def __init__(self, uow: UnitOfWork) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "billbot_http_requests", "HTTP requests", ["path", "status"], registry=self.registry
        )
        self.latency = Histogram(
            "billbot_http_seconds", "Time to answer", ["path"], registry=self.registry
        )
        self.errors = Counter(
            "billbot_http_errors",
            "Answers with status 500 or more",
            ["path"],
            registry=self.registry,
        )
        self.registry.register(OutboxDepth(uow))

    def observe(self, path: str, status: int, seconds: float) -> None:
        self.requests.labels(path, str(status)).inc()
        self.latency.labels(path).observe(seconds)
        if status >= 500:
            self.errors.labels(path).inc()
