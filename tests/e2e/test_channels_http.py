"""`/billing channel link` through a Slack-signed request: the channel typed in is linked."""

import pytest

from tests.e2e.slack import Billbot, serve_env


@pytest.fixture(scope="module")
def billbot(standin, tmp_path_factory):
    server = Billbot(serve_env(tmp_path_factory.mktemp("serve"), standin))
    yield server
    server.stop()


def test_link_the_channel_typed_in_and_set_reminders(billbot, standin):
    billbot.reply(standin, 'company new "Pixel Works" tz:Europe/Vienna', user="UPIA", name="pia")
    in_dm = billbot.reply(standin, 'channel link "Pixel Works"', user="UPIA", channel_id="D1")
    assert in_dm.startswith("A direct message can't be linked")
    linked = billbot.reply(standin, 'channel link "Pixel Works"', user="UPIA")
    assert linked == "Reminders and statements for Pixel Works now go to <#C1>."
    assert billbot.reply(standin, 'reminders "Pixel Works" days:2', user="UPIA") == (
        "Saved. Reminders for Pixel Works: on, 2 days before the charge day, at 09:00 "
        "Europe/Vienna, to <#C1>."
    )
