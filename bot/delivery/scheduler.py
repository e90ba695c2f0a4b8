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
from sqlalchemy import Engine
from sqlalchemy.exc import InterfaceError, OperationalError

from bot.delivery.leader import Leader
from bot.delivery.sweep import summary, sweep_once
from bot.terms import Terms
from payments.gateway import Gateway
from storage.unit_of_work import UnitOfWork

log = logging.getLogger("billbot.scheduler")
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


def start_scheduler(
    engine: Engine,
    gateway: Gateway,
    terms: Terms,
    clock: Callable[[], datetime],
    wake: Callable[[], None] | None,
    *,
    poll_seconds: float = 5.0,
) -> threading.Thread:
    """Wait to lead, then schedule the sweep; returns the waiting thread."""
    uow = UnitOfWork(engine)

    def sweep() -> None:
        try:
            report = sweep_once(uow, gateway, terms, clock(), wake)
            log.info("sweep: %s", summary(report))
        except Exception:  # the sweeps' one boundary: logged in full, the next sweep runs
            log.exception("sweep failed; the next one tries again")

    _context.sweep = sweep
    stop = threading.Event()

    def campaign() -> None:
        _wait_to_lead(Leader(engine), stop, poll_seconds)
        log.info("this replica schedules the sweeps")
        _schedule(engine)
        sweep()  # at start, too: a restart catches up at once

    thread = threading.Thread(target=campaign, name="billbot-scheduler", daemon=True)
    thread.start()
    return thread


def _wait_to_lead(leader: Leader, stop: threading.Event, poll_seconds: float) -> None:
    while not stop.is_set():
        try:
            if leader.try_lead():
                return
        except (OperationalError, InterfaceError):  # the database is out of reach: ask again
            log.exception("could not ask for the scheduler lock")
            leader.release()
        stop.wait(poll_seconds)


def _schedule(engine: Engine) -> None:
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=engine)},
        job_defaults={"coalesce": True, "misfire_grace_time": 300, "max_instances": 1},
        timezone="UTC",
    )
    scheduler.add_job(
        sweep_job, "interval", seconds=EVERY_SECONDS, id=JOB_ID, replace_existing=True
    )
    scheduler.start()
