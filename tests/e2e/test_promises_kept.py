"""Issue 18's promises, kept as a person sees them in the console (`billbot console`)."""

import os
import re

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


def token_in(out):
    return re.search(r"/invites/([\w-]+)", out).group(1)


def test_an_invitations_plan_is_what_the_new_company_pays_from_its_first_day(env):
    at = "2026-12-07T10:00:00+00:00"
    out = console(
        env,
        at,
        "as @olivia operator",
        "/billing plan new Pro 49 USD",
        "/billing plan new Business 99 USD",
        "as @carla client",
        "as @dan",
        "/billing company new Agency",
        "/billing app new acme-web company:Agency plan:Business",
        "/billing app domain acme-web acme.example",
        "/billing app plan acme-web Business since:2026-12-20",  # dated later, set before
        '/billing invite-client @carla app:acme-web plan:Pro company:"Bakery Blum"',
    )
    assert "acme-web on plan Pro in a company of their own" in out
    out = console(
        env,
        at,
        "as @carla",
        f"/billing accept {token_in(out)}",
        '/billing statement "Bakery Blum"',
        "@billbot what plan is acme-web on?",
        "as @dan",
        "/billing statement Agency",
    )
    # Pro from 8 Dec (the day after the move) to the month's end: 24/31 x 49.00 = 37.94
    assert "• acme-web: Pro, Dec 8–31 (24 of 31 days): 37.94 USD" in out
    assert "Business, Dec" not in out.split("dan> ")[0]
    # today the old company still pays; the promised plan starts tomorrow, and nothing after it
    assert "• acme-web: Business since 7 Dec 2026, Pro from 8 Dec 2026\n" in out
    assert "• acme-web: Business, Dec 7 (1 of 31 days): 3.19 USD" in out  # the old company


def test_transfer_answers_an_unknown_and_a_forbidden_company_alike_and_asks_once(env):
    out = console(
        env,
        "2026-12-07T10:00:00+00:00",
        "as @dan",
        "as @carla",
        "/billing company new Blum",
        "/billing grant @dan company:Blum role:viewer",
        "/billing revoke @dan company:Blum",  # removed: Blum is as unknown as Nowhere
        "as @erin",
        "/billing company new Gamma",
        "/billing grant @dan company:Gamma role:viewer",
        "as @dan",
        "/billing company new Agency",
        "/billing app new shop company:Agency",
        "/billing transfer shop to:Blum",
        "/billing transfer shop to:Nowhere",
        "/billing transfer shop to:Gamma",
        "/billing transfer shop to:Gamma",
    )
    assert "dan no longer has viewer access to Blum." in out
    assert "I can't find a company called “Blum” that you have access to." in out
    assert "I can't find a company called “Nowhere” that you have access to." in out
    assert out.count("Asked the owners of Gamma to accept shop (request #1).") == 1
    assert (
        "You already asked the owners of Gamma to accept shop on 2026-12-07 (request #1); "
        "it is still waiting for their answer." in out
    )


def test_a_co_owner_can_leave_and_only_the_last_owner_must_hand_over_first(env):
    out = console(
        env,
        "2026-12-07T10:00:00+00:00",
        "as @carla",
        "as @dan",
        "/billing company new Acme",
        "/billing grant @carla company:Acme role:owner",
        "/billing leave Acme",
        "as @carla",
        "/billing leave Acme",
        "/billing access Acme",
    )
    assert "You left Acme. Its owners are told." in out
    assert "You are the last owner of Acme: hand ownership over first (`/billing handover`)." in out


def test_accepting_an_invitation_whose_apps_were_all_deleted_creates_nothing(env):
    at = "2026-12-07T10:00:00+00:00"
    out = console(
        env,
        at,
        "as @carla client",
        "as @dan",
        "/billing company new Agency",
        "/billing app new shop company:Agency",
        "/billing invite-client @carla app:shop company:Blum",
        "/billing app delete shop",
    )
    out = console(env, at, "as @carla", f"/billing accept {token_in(out)}", "/billing companies")
    assert (
        "This invitation no longer has anything to take over: its apps were deleted. "
        "Nothing was set up." in out
    )
    assert "You have no companies yet." in out
