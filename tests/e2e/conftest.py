"""Each e2e module gets its own local Slack Web API stand-in process, and every message and
view a test made billbot send there is checked as real Slack checks Block Kit."""

import pytest

from tests.e2e.slack import StandIn


@pytest.fixture(scope="module")
def standin():
    server = StandIn()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def block_kit_as_slack_checks_it(request):
    """A test whose billbot sent Block Kit that Slack would refuse fails, whatever it asserts."""
    yield
    if "standin" in request.fixturenames:
        refused = request.getfixturevalue("standin").invalid()
        assert not refused, f"Slack would refuse this Block Kit: {refused[:5]}"
