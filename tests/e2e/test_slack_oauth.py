"""Multi-workspace mode: install through OAuth into two workspaces that never meet."""

import re
import urllib.request

import pytest

from tests.e2e.slack import SECRET, Billbot, get


@pytest.fixture(scope="module")
def billbot(standin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("oauth")
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{folder / 'billbot.db'}",
        "SLACK_CLIENT_ID": "111.222",
        "SLACK_CLIENT_SECRET": "local-client-secret",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": f"{standin.url}/api/",
        "PUBLIC_URL": "http://127.0.0.1",
        "NO_PROXY": "127.0.0.1,localhost",
        "BILLBOT_LOG": str(folder / "serve.log"),
    }
    server = Billbot(env)
    yield server
    server.stop()


def install(billbot, team):
    status, page = get(f"{billbot.url}/slack/install")
    assert status == 200
    state = re.search(r"state=([\w-]+)", page).group(1)
    request = urllib.request.Request(
        f"{billbot.url}/slack/oauth_redirect?code=code-{team}&state={state}",
        headers={"cookie": f"slack-app-oauth-state={state}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert "billbot is installed" in response.read().decode()


def test_install_makes_the_installer_an_operator_and_workspaces_stay_apart(billbot, standin):
    install(billbot, "T2")
    install(billbot, "T3")
    assert standin.calls("oauth.v2.access")
    assert "Added plan Basic" in billbot.reply(
        standin, "plan new Basic 49 USD", team="T2", user="UINSTALLT2"
    )
    for team in ("T2", "T3"):
        assert "Created company Acme" in billbot.reply(
            standin, "company new Acme", team=team, user=f"UINSTALL{team}"
        )
        assert "Created production app shop" in billbot.reply(
            standin,
            f"app new shop company:Acme{' plan:Basic' if team == 'T2' else ''}",
            team=team,
            user=f"UINSTALL{team}",
        )
    t3 = billbot.reply(standin, "apps", team="T3", user="UINSTALLT3")
    assert "shop (Acme): production, unbilled" in t3
    assert "Basic" not in billbot.reply(standin, "plans", team="T3", user="UINSTALLT3")
    t2 = billbot.reply(standin, "apps", team="T2", user="UINSTALLT2")
    assert "shop (Acme): production, plan Basic" in t2
    stranger = billbot.reply(standin, "company Acme", team="T3", user="UDAVE")
    assert "I can't find a company called “Acme”" in stranger


def test_the_install_page_points_at_slack_with_our_scopes(billbot):
    status, page = get(f"{billbot.url}/slack/install")
    assert status == 200 and "slack.com/oauth/v2/authorize" in page
    assert "commands" in page and "client_id=111.222" in page
