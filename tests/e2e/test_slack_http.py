"""A real `billbot serve` driven by Slack-signed requests, answering through a local Web API."""

import json
import time

import pytest

from tests.e2e.slack import Billbot, get, post, serve_env


@pytest.fixture(scope="module")
def billbot(standin, tmp_path_factory):
    server = Billbot(serve_env(tmp_path_factory.mktemp("serve"), standin))
    yield server
    server.stop()


def test_url_verification_is_signed(billbot):
    challenge = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "t"})
    status, body, _ = post(f"{billbot.url}/slack/events", challenge, "application/json")
    assert status == 200 and "abc123" in body
    status, _, _ = post(
        f"{billbot.url}/slack/events", challenge, "application/json", secret="wrong"
    )
    assert status == 401


def test_commands_reply_ephemerally_with_blocks(billbot, standin):
    assert "Created company Acme &amp; Sons" in billbot.reply(standin, 'company new "Acme & Sons"')
    listing = billbot.reply(standin, "companies")
    assert "Acme &amp; Sons: owner, 0 apps" in listing
    assert standin.calls("users.info"), "names and account types come from users.info"


def test_bad_and_stale_signatures_change_nothing(billbot, standin):
    for kwargs in ({"secret": "not-the-secret"}, {"timestamp": int(time.time()) - 301}):
        body = "team_id=T1&user_id=UDAN&command=%2Fbilling&text=company+new+Forged"
        status, _, _ = post(
            f"{billbot.url}/slack/events", body, "application/x-www-form-urlencoded", **kwargs
        )
        assert status == 401
    status, _, _ = post(
        f"{billbot.url}/slack/events",
        "text=x",
        "application/x-www-form-urlencoded",
        headers={"x-slack-signature": ""},
    )
    assert status == 401
    assert "Forged" not in billbot.reply(standin, "companies")


def test_guests_and_other_teams_get_client_help(billbot, standin):
    for user in ("UEXTCARLA", "UGUESTGINA"):
        text = billbot.reply(standin, "help", user=user)
        assert "/billing companies" in text
        assert "app new" not in text and "plan new" not in text and "team" not in text
    assert "app new" in billbot.reply(standin, "help", user="UDAN")
    assert "plan new" in billbot.reply(standin, "help", user="UOLIVIA")


def test_home_button_opens_a_form_that_creates_a_company(billbot, standin):
    status, _, _ = billbot.interact(
        {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": "UDAN"},
            "api_app_id": "A1",
            "trigger_id": "9.9.9",
            "container": {"type": "view"},
            "actions": [
                {
                    "action_id": "new_company",
                    "block_id": "b",
                    "type": "button",
                    "value": "x",
                    "action_ts": "1",
                }
            ],
        }
    )
    assert status == 200
    opened = standin.wait_for("views.open")[-1]["args"]
    assert opened["trigger_id"] == "9.9.9"
    view = json.loads(opened["view"]) if isinstance(opened["view"], str) else opened["view"]
    assert view["callback_id"] == "new_company"

    def submit(name):
        return billbot.interact(
            {
                "type": "view_submission",
                "team": {"id": "T1"},
                "user": {"id": "UDAN"},
                "api_app_id": "A1",
                "view": {
                    "id": "V1",
                    "type": "modal",
                    "callback_id": "new_company",
                    "app_installed_team_id": "T1",
                    "state": {
                        "values": {
                            "name": {"value": {"type": "plain_text_input", "value": name}},
                            "email": {"value": {"type": "plain_text_input", "value": None}},
                        }
                    },
                },
            }
        )

    status, body, _ = submit("Bakery Blum")
    assert status == 200 and body == ""
    standin.wait_for("views.publish")
    status, body, _ = submit("bakery blum")
    assert json.loads(body) == {
        "response_action": "errors",
        "errors": {"name": "A company called “bakery blum” already exists."},
    }
    assert "Bakery Blum: owner" in billbot.reply(standin, "companies")


def test_a_retried_event_is_answered_once(billbot, standin):
    event = {
        "type": "app_mention",
        "user": "UDAN",
        "text": "<@UBOT> hi",
        "ts": "111.222",
        "channel": "C1",
        "event_ts": "111.222",
    }
    before = len(standin.calls("chat.postMessage"))
    assert billbot.event(event, "Ev0001")[0] == 200
    assert (
        billbot.event(
            event, "Ev0001", **{"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        )[0]
        == 200
    )
    posted = standin.wait_for("chat.postMessage", before + 1)
    time.sleep(0.5)
    assert len(standin.calls("chat.postMessage")) == before + 1
    assert posted[-1]["args"]["thread_ts"] == "111.222"


def test_direct_messages_get_the_greeting_and_home_shows_companies(billbot, standin):
    before = len(standin.calls("chat.postMessage"))
    billbot.event(
        {
            "type": "message",
            "channel_type": "im",
            "user": "UDAN",
            "text": "hello",
            "ts": "5.6",
            "channel": "D1",
        },
        "Ev0002",
    )
    assert "/billing help" in standin.wait_for("chat.postMessage", before + 1)[-1]["args"]["text"]
    publishes = len(standin.calls("views.publish"))
    billbot.event(
        {"type": "app_home_opened", "user": "UDAN", "channel": "D1", "tab": "home"}, "Ev0003"
    )
    view = standin.wait_for("views.publish", publishes + 1)[-1]["args"]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["type"] == "home" and "Acme &amp; Sons" in json.dumps(view)


def test_health_metrics_and_oversized_bodies(billbot):
    assert get(f"{billbot.url}/healthz") == (200, "ok")
    big = "x" * (300 * 1024)
    status, _, _ = post(f"{billbot.url}/slack/events", big, "application/json")
    assert status == 413
    status, page = get(f"{billbot.url}/metrics")
    assert status == 200
    assert 'billbot_http_requests_total{path="/slack/events",status="200"}' in page
    assert "billbot_outbox_pending" in page


def test_a_closed_month_reads_in_slack_and_its_csv_is_uploaded(billbot, standin, tmp_path):
    import os
    import subprocess

    from tests.e2e.slack import BILLBOT

    for line, user in (
        ("plan new Basic 30 USD", "UOLIVIA"),
        ("company new Shop", "UDAN"),
        ("app new web company:Shop plan:Basic", "UDAN"),
        ("app domain web web.shop.example", "UDAN"),
    ):
        assert "Usage" not in billbot.reply(standin, line, user=user)
    env = {**os.environ, "DATABASE_URL": billbot.database_url}  # closed by the CLI, as cron would
    month = time.strftime("%Y-%m")
    year, number = map(int, month.split("-"))
    after = f"{year + number // 12}-{number % 12 + 1:02d}-01T10:00:00+00:00"
    closed = subprocess.run(
        [str(BILLBOT), "close-month", month, "--at", after],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Finalized 1 statement" in closed.stdout
    text = billbot.reply(standin, f"statement Shop {month}")
    assert f"*Shop: statement {year + number // 12}-000001 for {month}* (finalized)" in text
    assert "web: Basic" in text and "Total:" in text
    uploads = len(standin.calls("files.completeUploadExternal"))
    text = billbot.reply(standin, f"statement Shop {month} csv")
    assert "as CSV" in text
    complete = standin.wait_for("files.completeUploadExternal", uploads + 1)[-1]["args"]
    assert complete["channel_id"] == "C1"
    body = standin.calls("upload")[-1]["args"]["body"]
    assert body.startswith("company,month,number,kind,app,description")


def test_home_opens_are_drawn_once_per_burst_and_an_unchanged_view_is_not_published(
    billbot, standin
):
    """Slack sends the view on show with app_home_opened; billbot stamps the views it publishes
    (private_metadata), draws a person's tab at most once every 2 s, and publishes only a view
    that differs from the one on show."""

    def dan_views() -> list[dict]:
        calls = [c for c in standin.calls("views.publish") if c["args"].get("user_id") == "UDAN"]
        views = [c["args"]["view"] for c in calls]
        return [json.loads(v) if isinstance(v, str) else v for v in views]

    def wait_dan(count: int) -> list[dict]:
        deadline = time.monotonic() + 15
        while len(dan_views()) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return dan_views()

    def open_home(event_id: str, shown: str | None = None) -> None:
        event: dict = {"type": "app_home_opened", "user": "UDAN", "tab": "home"}
        if shown:
            event["view"] = {"id": "VHOME", "type": "home", "private_metadata": shown}
        assert billbot.event(event, event_id)[0] == 200

    before = len(dan_views())
    open_home("EvBurst1")
    first = wait_dan(before + 1)[-1]
    digest = first["private_metadata"]
    open_home("EvBurst2", shown=digest)  # twice more at once: one drawing, 2 s after the first,
    open_home("EvBurst3", shown=digest)  # which finds nothing changed and publishes nothing
    time.sleep(3)
    assert len(dan_views()) == before + 1
    assert "Home burst" in billbot.reply(standin, 'company new "Home burst"')
    open_home("EvBurst4", shown=digest)
    latest = wait_dan(before + 2)[-1]
    assert "Home burst" in json.dumps(latest) and latest["private_metadata"] != digest
    assert len(dan_views()) == before + 2


def test_the_word_payload_is_just_a_word(billbot, standin):
    """Bolt's own parser takes any form containing "payload" for a click; billbot's does not."""
    assert "/billing companies" in billbot.reply(standin, "help payload")
    assert "Created company Payload Ltd" in billbot.reply(standin, 'company new "Payload Ltd"')
    assert "Payload Ltd: owner, 0 apps" in billbot.reply(standin, "companies")


def test_slacks_notice_of_held_back_events_is_acknowledged(billbot):
    notice = {
        "token": "Jhj5dZrVaK7ZwHHjRyZWjbDl",
        "type": "app_rate_limited",
        "team_id": "T123456",
        "minute_rate_limited": 1518467820,
        "api_app_id": "A123456",
    }
    status, _, _ = post(f"{billbot.url}/slack/events", json.dumps(notice), "application/json")
    assert status == 200


def test_a_click_without_a_trigger_id_is_answered(billbot, standin):
    """A button in a workflow function's message: Slack sends no trigger_id with the click."""
    before = len(standin.calls("respond"))
    status, _, _ = billbot.interact(
        {
            "type": "block_actions",
            "team": {"id": "T1", "domain": "agency"},
            "enterprise": None,
            "is_enterprise_install": False,
            "user": {"id": "UDAN", "username": "dan", "team_id": "T1"},
            "api_app_id": "A1",
            "container": {"type": "message", "message_ts": "1.2", "channel_id": "C1"},
            "channel": {"id": "C1", "name": "billing"},
            "response_url": f"{standin.url}/respond/no-trigger",
            "actions": [
                {
                    "action_id": "invitation_decline",
                    "block_id": "b",
                    "type": "button",
                    "value": "999999",
                    "action_ts": "1733650000.000100",
                }
            ],
        }
    )
    assert status == 200
    reply = standin.wait_for("respond", before + 1)[-1]["args"]
    assert reply["blocks"][0]["text"]["text"] == "There is no invitation #999999 for you."
