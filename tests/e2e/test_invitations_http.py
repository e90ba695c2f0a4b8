"""Workflow 1 end to end: a client invited in Slack completes billing on the invite page, or
accepts with the button; e-mail invitations reach a local SMTP server."""

import email
import json
import mailbox
import re
import time
import urllib.request
from urllib.parse import urlencode

import pytest

from tests.e2e.slack import Billbot, get, serve_env


@pytest.fixture(scope="module")
def billbot(standin, smtp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("invites")
    server = Billbot(serve_env(folder, standin, SMTP_URL=f"smtp://127.0.0.1:{smtp[0]}"))
    yield server
    server.stop()


def blocks_of(message):
    blocks = message["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def dms_to(standin, user):
    return [c["args"] for c in standin.calls("chat.postMessage") if c["args"]["channel"] == user]


def dm_saying(standin, user, words, timeout=15.0):
    """The delivery loop sends right after the page answers: wait for it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(words in m["text"] for m in dms_to(standin, user)):
            return True
        time.sleep(0.05)
    return False


def post_form(url, fields):
    request = urllib.request.Request(
        url,
        data=urlencode(fields).encode(),
        method="POST",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def shop(billbot, standin):
    assert "Added plan" in billbot.reply(standin, "plan new Basic 49 USD", user="UOLIVIA")
    assert "Created company" in billbot.reply(standin, "company new Pixel")
    for app in ("shop", "blog", "wiki"):
        assert "Created" in billbot.reply(standin, f"app new {app} company:Pixel")
    return True


def test_invite_page_takes_the_client_through_billing(billbot, standin, shop):
    reply = billbot.reply(
        standin, 'invite-client <@UCARLA|carla> app:shop company:"Bakery Blum" plan:Basic'
    )
    link = re.search(r"(http://\S+/invites/[\w-]+)", reply).group(1)
    assert "Invitation #" in reply
    dm = standin.wait_for("chat.postMessage")[-1]["args"]
    assert dm["channel"] == "UCARLA" and link in dm["text"]
    assert [e["action_id"] for e in blocks_of(dm)[1]["elements"]] == [
        "invitation_accept",
        "invitation_decline",
    ]
    status, page = get(link)
    assert status == 200
    for fact in ("dan", "shop", "Basic", "49.00 USD a month", "Valid until", "Bakery Blum"):
        assert fact in page
    assert "<script" not in page and "http" not in page.split("<body>")[0].replace("http-equiv", "")
    status, done = post_form(
        link, {"billing_name": "Bakery Blum", "invoice_email": "ap@bakery.example"}
    )
    assert status == 200 and "All set" in done and "Bakery Blum is set up" in done
    assert dm_saying(standin, "UDAN", "accepted invitation")
    assert dm_saying(standin, "UCARLA", "Welcome")
    assert "Bakery Blum: owner, 1 app" in billbot.reply(standin, "companies", user="UCARLA")
    assert "Bakery Blum: admin" in billbot.reply(standin, "companies")
    status, again = post_form(link, {"billing_name": "X", "invoice_email": "x@y.example"})
    assert status == 409 and "already" in again
    status, tampered = get(link[:-2] + ("ab" if not link.endswith("ab") else "cd"))
    assert status == 404 and "not valid" in tampered


def test_accept_button_in_the_dm(billbot, standin, shop):
    reply = billbot.reply(standin, "invite-client <@UCLARA|clara> app:blog company:Clara")
    key = re.search(r"Invitation #(\d+)", reply).group(1)
    status, _, _ = billbot.interact(
        {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": "UCLARA"},
            "api_app_id": "A1",
            "trigger_id": "1.1",
            "response_url": f"{standin.url}/respond/dm",
            "container": {"type": "message"},
            "channel": {"id": "DCLARA"},
            "actions": [
                {
                    "action_id": "invitation_accept",
                    "block_id": "b",
                    "type": "button",
                    "value": key,
                    "action_ts": "1",
                }
            ],
        }
    )
    assert status == 200
    deadline = time.monotonic() + 15
    replaced = None
    while replaced is None and time.monotonic() < deadline:
        found = [c["args"] for c in standin.calls("respond") if c["path"] == "/respond/dm"]
        replaced = found[-1] if found else time.sleep(0.05)
    assert replaced is not None and replaced["replace_original"]
    assert "Clara is set up and owns blog" in replaced["text"]
    assert "Clara: owner, 1 app" in billbot.reply(standin, "companies", user="UCLARA")


def test_email_invitation_reaches_the_smtp_server(billbot, standin, smtp, shop):
    reply = billbot.reply(standin, "invite-client ap@corner.example app:wiki")
    link = re.search(r"(http://\S+/invites/[\w-]+)", reply).group(1)
    deadline = time.monotonic() + 15
    messages = []
    while time.monotonic() < deadline and not messages:
        messages = list(mailbox.Maildir(str(smtp[1]), create=False)) if smtp[1].exists() else []
        time.sleep(0.1)
    (message,) = messages
    parsed = email.message_from_bytes(message.as_bytes())
    assert parsed["To"] == "ap@corner.example"
    assert link in parsed.get_payload(decode=True).decode()


def test_invites_list_revoke_and_audit(billbot, standin, shop):
    billbot.reply(standin, "app new docs company:Pixel")
    reply = billbot.reply(standin, "invite <@UERIN|erin> company:Pixel role:billing")
    key = re.search(r"Invitation #(\d+)", reply).group(1)
    assert f"#{key} erin: billing of Pixel" in billbot.reply(standin, "invites")
    assert "withdrawn" in billbot.reply(standin, f"revoke-invite {key}")
    assert "No pending invitations." in billbot.reply(standin, "invites Pixel")
    log = billbot.reply(standin, "audit Pixel")
    assert "invitation.revoked" in log and "Audit log of Pixel, page 1" in log


def test_invite_client_without_arguments_asks_in_a_form(billbot, standin, shop):
    billbot.reply(standin, "app new forum company:Pixel")
    opened = len(standin.calls("views.open"))
    status, _, _ = billbot.command("invite-client", respond_to=f"{standin.url}/respond/x")
    assert status == 200
    view = standin.wait_for("views.open", opened + 1)[-1]["args"]["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["callback_id"] == "invite_client"

    def submit(apps):
        state = {
            "user": {"value": {"type": "users_select", "selected_user": "UFRED"}},
            "email": {"value": {"type": "plain_text_input", "value": None}},
            "apps": {"value": {"type": "plain_text_input", "value": apps}},
            "company": {"value": {"type": "plain_text_input", "value": "Fred & Co"}},
            "plan": {"value": {"type": "plain_text_input", "value": None}},
        }
        return billbot.interact(
            {
                "type": "view_submission",
                "team": {"id": "T1"},
                "user": {"id": "UDAN"},
                "api_app_id": "A1",
                "view": {
                    "id": "V2",
                    "type": "modal",
                    "callback_id": "invite_client",
                    "app_installed_team_id": "T1",
                    "state": {"values": state},
                },
            }
        )

    status, body, _ = submit("nonexistent")
    assert status == 200
    assert json.loads(body)["errors"]["apps"].startswith("I can't find an app called")
    status, body, _ = submit("forum")
    assert status == 200 and body == ""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not dms_to(standin, "UFRED"):
        time.sleep(0.05)
    assert "/invites/" in dms_to(standin, "UFRED")[-1]["text"]
    assert any("Link to forward" in m["text"] for m in dms_to(standin, "UDAN"))


def test_the_invite_page_in_a_real_browser(billbot, standin, shop, request):
    """Debian's Chromium, headless, phone-sized: the client reads the page and completes billing.
    The screenshot is kept in tests/artifacts/ for people to look at."""
    from pathlib import Path

    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    billbot.reply(standin, "app new gallery company:Pixel")
    reply = billbot.reply(
        standin, "invite-client <@UGINA|gina> app:gallery company:Gina plan:Basic"
    )
    link = re.search(r"(http://\S+/invites/[\w-]+)", reply).group(1)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=390,844",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(link)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Take over your apps"
        page = browser.find_element(By.TAG_NAME, "body").text
        assert "gallery" in page and "49.00 USD a month" in page and "dan" in page
        assert browser.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth"
        )
        artifacts = Path(__file__).resolve().parents[1] / "artifacts"
        artifacts.mkdir(exist_ok=True)
        browser.save_screenshot(str(artifacts / "invite-page.png"))
        email = browser.find_element(By.ID, "email")
        email.clear()
        email.send_keys("ap@gina.example")
        browser.find_element(By.TAG_NAME, "button").click()
        # the form posts; wait for the next page (the old page's h1 may go stale while we read it)
        WebDriverWait(browser, 15, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda b: b.find_element(By.TAG_NAME, "h1").text == "All set"
        )
        browser.save_screenshot(str(artifacts / "invite-page-done.png"))
    finally:
        browser.quit()
    assert "Gina: owner, 1 app" in billbot.reply(standin, "companies", user="UGINA")
