"""Slack's published request-signing test vector verifies with the SDK Bolt uses."""

from slack_sdk.signature import SignatureVerifier

from tests.e2e.slack import signature

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TIMESTAMP = "1531420618"
BODY = (
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&"
    "channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&"
    "command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F"
    "T1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
    "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"


class FixedClock:
    def now(self) -> float:
        return float(TIMESTAMP) + 10


def test_published_vector_verifies():
    verifier = SignatureVerifier(SECRET, clock=FixedClock())
    headers = {"x-slack-request-timestamp": TIMESTAMP, "x-slack-signature": EXPECTED}
    assert verifier.is_valid_request(BODY, headers)
    assert signature(SECRET, TIMESTAMP, BODY) == EXPECTED  # the tests sign exactly like Slack


def test_tampered_or_stale_requests_do_not_verify():
    verifier = SignatureVerifier(SECRET, clock=FixedClock())
    headers = {"x-slack-request-timestamp": TIMESTAMP, "x-slack-signature": EXPECTED}
    assert not verifier.is_valid_request(BODY.replace("roadrunner", "coyote"), headers)

    class Later:
        def now(self) -> float:
            return float(TIMESTAMP) + 301

    assert not SignatureVerifier(SECRET, clock=Later()).is_valid_request(BODY, headers)
