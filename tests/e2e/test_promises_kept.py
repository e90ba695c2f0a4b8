"""Issue 18's promises, kept as a person sees them in the console (`billbot console`)."""

import os

import pytest

from tests.e2e.test_console import billbot


@pytest.fixture
def env(tmp_path):
    return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'billbot.db'}", "NO_COLOR": "1"}


def console(env, at, *lines):
    return billbot(env, "console", "--at", at, stdin="\n".join([*lines, "quit"]))


def test_a_future_plan_is_shown_as_the_change_to_come_not_as_the_current_plan(env):
    out = console(
        env,
        "2026-12-07T10:00:00+00:00",
        "as @olivia operator",
        "/billing plan new Pro 49 USD",
        "/billing plan new Business 99 USD",
        "as @dan",
        "/billing company new Acme",
        "/billing app new acme-web company:Acme plan:Pro",
        "/billing app domain acme-web acme.example since:2026-12-01",
        "/billing app plan acme-web Business since:2026-12-20",
        "@billbot what plan is acme-web on?",
        "/billing company Acme",
    )
    assert "• acme-web (production): Pro since 7 Dec 2026, Business from 20 Dec 2026" in out
    assert (
        "• acme-web: production, plan Pro since 2026-12-07, Business from 2026-12-20, "
        "acme.example since 2026-12-01" in out
    )
    assert "Business since 2" not in out


def test_a_paid_production_app_without_a_domain_says_it_is_not_billed_until_one_is_added(env):
    out = console(
        env,
        "2026-12-07T10:00:00+00:00",
        "as @olivia operator",
        "/billing plan new Pro 49 USD",
        "as @dan",
        "/billing company new Acme",
        "/billing app new shop company:Acme plan:Pro",
        "/billing app new stage company:Acme env:staging",
        "/billing company Acme",
        "/billing apps Acme",
        "/billing statement Acme",
        "/billing app domain shop shop.example",
        "/billing apps Acme",
    )
    missing = "• shop: production, plan Pro since 2026-12-07, not billed until a domain is added"
    assert out.count(missing) == 2  # company, then apps
    assert "shop: on a paid plan but not billed until a domain is added." in out
    assert "stage: staging, unbilled\n" in out  # no plan to bill: nothing to say
    assert "• shop: production, plan Pro since 2026-12-07, shop.example since 2026-12-07" in out
