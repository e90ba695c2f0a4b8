"""One local Stripe (localstripe + front) per test session; `stripe` gives it freshly reset."""

from collections.abc import Iterator

import pytest

from tests.stripe.standin import StripeStandIn


@pytest.fixture(scope="session")
def stripe_standin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StripeStandIn]:
    standin = StripeStandIn(log_dir=tmp_path_factory.mktemp("stripe"))  # front.log etc.
    standin.start()
    try:
        yield standin
    finally:
        standin.stop()


@pytest.fixture
def stripe(stripe_standin: StripeStandIn) -> StripeStandIn:
    """The session's stand-in, emptied: no objects, sessions, webhooks or kill rule."""
    stripe_standin.reset()
    return stripe_standin
