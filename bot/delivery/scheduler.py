"""The sweeps on a clock: APScheduler (jobs kept in billbot's own database, misfires coalesced)
runs `run_due` every minute and then wakes delivery. With several replicas on PostgreSQL only
the holder of an advisory lock schedules; the others wait to take over if it dies. Even if two
ran, the outbox's unique keys keep every notice single."""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy import Connection, Engine, text

from bot.delivery.courier import Courier
from bot.terms import Terms
from commands.run_due import DueReport, run_due
from payments.gateway import Gateway
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.scheduler")
LEADER_LOCK = 0x6B696C6C  # the advisory lock key every replica competes for
EVERY_SECONDS = 60
JOB_ID = "billbot-sweep"


@dataclass
class _Context:
    """What the persisted job needs; APScheduler stores only the job's function reference."""

    sweep: Callable[[], None] | None = None


_context = _Context()


def sweep_job() -> None:
    """The job APScheduler keeps in its table (a module-level function, so it can be stored)."""
    if _context.sweep is not None:
        _context.sweep()


def sweep_once(
    uow: UnitOfWork, gateway: Gateway, terms: Terms, now: datetime, courier: Courier | None
) -> DueReport:
    report = run_due(uow, gateway, now=now, calendar=terms.calendar)
    if courier is not None:
        courier.wake()
    return report


class Leader:
    """Holds the PostgreSQL advisory lock on its own connection while it lives; SQLite has
    one process, which always leads."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._connection: Connection | None = None

    def try_lead(self) -> bool:
        if self.engine.dialect.name != "postgresql":
            return True
        if self._connection is None:
            self._connection = self.engine.connect()
        got = self._connection.execute(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": LEADER_LOCK}
        ).scalar()
        self._connection.commit()
        return bool(got)

    def release(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def start_scheduler(
    engine: Engine,
    gateway: Gateway,
    terms: Terms,
    clock: Callable[[], datetime],
    courier: Courier | None,
    *,
    poll_seconds: float = 5.0,
) -> threading.Thread:
    """Wait to lead, then schedule the sweep; returns the waiting thread."""
    uow = UnitOfWork(engine)

    def sweep() -> None:
        try:
            report = sweep_once(uow, gateway, terms, clock(), courier)
            log.info("sweep: %s", summary(report))
        except Exception:
            log.exception("sweep failed; the next one tries again")

    _context.sweep = sweep
    leader = Leader(engine)
    stop = threading.Event()

    def campaign() -> None:
        while not stop.is_set():
            try:
                if leader.try_lead():
                    break
            except Exception:
                log.exception("could not ask for the scheduler lock")
                leader.release()
            stop.wait(poll_seconds)
        log.info("this replica schedules the sweeps")
        scheduler = BackgroundScheduler(
            jobstores={"default": SQLAlchemyJobStore(engine=engine)},
            job_defaults={"coalesce": True, "misfire_grace_time": 300, "max_instances": 1},
            timezone="UTC",
        )
        scheduler.add_job(
            sweep_job, "interval", seconds=EVERY_SECONDS, id=JOB_ID, replace_existing=True
        )
        scheduler.start()
        sweep()  # at start, too: a restart catches up at once

    thread = threading.Thread(target=campaign, name="billbot-scheduler", daemon=True)
    thread.start()
    return thread


def summary(report: DueReport) -> str:
    closed = sum(r.finalized for r in report.closed)
    notices = ", ".join(f"{k} {v}" for k, v in sorted(report.notices.written.items())) or "none"
    charges = report.charges
    return (
        f"{closed} statements finalized; charges paid {charges.paid}, failed {charges.failed}; "
        f"notices {notices}; past due {report.notices.past_due}; "
        f"invitations expired {report.expired_invitations}"
    )
