"""Fixtures for hostile input: the Slack Web API stand-in, captured logs, and the real ASGI app
in-process on the test database (SQLite and PostgreSQL, from tests/conftest.py), seeded with
two workspaces."""

import logging
import re
import sys
from collections.abc import Iterator

import pytest

from bot.answer import answer
from storage.unit_of_work import UnitOfWork
from tests.conftest import NOW, person
from tests.e2e.slack import StandIn
from tests.hostile.inprocess import Captured, InProcess, build

# What every seeded database holds (T1 is the agency, T2 another workspace), and a word of
# each reply that says it worked.
SEED = [
    ("olivia", "T1", True, "plan new Basic 49 USD", "Added"),
    (
        "olivia",
        "T1",
        True,
        "plan new Metered 10 USD metric:requests unit:0.01 included:100",
        "Added",
    ),
    ("dan", "T1", False, "company new Acme email:ap@acme.example", "Created"),
    ("dan", "T1", False, "app new shop company:Acme plan:Basic", "Created"),
    ("dan", "T1", False, "app new api company:Acme plan:Metered", "Created"),
    ("dan", "T1", False, "grant <@UCARLA|carla> company:Acme role:billing", "now has"),
    ("dan", "T1", False, "company new Pixel", "Created"),
    ("olivia", "T1", True, "company new Oliv", "Created"),
    ("olivia", "T1", True, "company new Otto", "Created"),
    ("olivia", "T1", True, "grant <@UDAN|dan> company:Otto role:viewer", "now has"),
    ("dan", "T1", False, "transfer api to:Otto", "Asked the owners"),
    ("dan", "T1", False, "invite <@UCARLA|carla> company:Pixel role:viewer", "Invitation #"),
    ("dan", "T1", False, "invite-client ap@corner.example app:shop", "Invitation #"),
    ("tom", "T2", False, "company new Tango", "Created"),
    ("tom", "T2", False, "app new tango-site company:Tango", "Created"),
]


def seed(uow: UnitOfWork) -> dict[str, str]:
    """Seeds SEED; returns the invitation links the replies gave (by invitation id)."""
    links = {}
    for name, team, operator, line, done in SEED:
        actor = person(uow, name, team=team, operator=operator)
        reply = answer(line, uow=uow, actor=actor, now=NOW).text
        assert done in reply, (line, reply)
        found = re.search(r"Invitation #(\d+) .* Link to forward: (\S+)", reply)
        if found:
            links[found[1]] = found[2]
    return links


@pytest.fixture(scope="module")
def standin() -> Iterator[StandIn]:
    server = StandIn()
    yield server
    server.stop()


@pytest.fixture
def captured() -> Iterator[Captured]:
    """Every log record of the process at INFO and above (as `billbot serve` logs), kept."""
    handler = Captured()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)


@pytest.fixture
def served(uow: UnitOfWork, standin: StandIn, captured: Captured) -> Iterator[InProcess]:
    """The real Starlette + Bolt app on a fresh, seeded database, its clock at the seed's NOW
    (signatures still use the real time); Slack is the stand-in,
    Stripe is configured (signed webhooks) but unreachable."""
    links = seed(uow)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # as bot/web/serve.py sets it
    app = build(uow.engine, slack_api_url=f"{standin.url}/api/", clock=lambda: NOW)
    app.links = links
    try:
        yield app
    finally:
        app.close()
        sys.setswitchinterval(interval)
