"""Each e2e module gets its own local Slack Web API stand-in process."""

import pytest

from tests.e2e.slack import StandIn


@pytest.fixture(scope="module")
def standin():
    server = StandIn()
    yield server
    server.stop()
