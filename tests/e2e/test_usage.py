"""Usage from outside Slack and corrections of usage typed wrongly, end to end."""

from tests.e2e.test_console import billbot, env  # noqa: F401  (fixture)

OCT1 = "2026-10-01T09:00:00+00:00"
OCT20 = "2026-10-20T12:00:00+00:00"
NOV1 = "2026-11-01T09:00:00+00:00"

SETUP = [
    "as @olivia operator",
    "/billing plan new Api 0 USD metric:requests unit:0.01 included:0",
    "as @dan",
    "/billing company new Acme",
    "/billing app new api company:Acme plan:Api",
    "/billing app domain api api.acme.example since:2026-10-01",
]


def test_a_correction_is_a_negative_line_audited_and_never_below_zero(env):  # noqa: F811
    billbot(env, "console", "--at", OCT1, stdin="\n".join(SETUP))
    out = billbot(
        env,
        "console",
        "--at",
        OCT20,
        stdin="\n".join(
            [
                "as @dan",
                "/billing usage api requests 1200 on:2026-10-14",
                "/billing usage api requests -500 on:2026-10-14",
                "/billing usage api requests −701 on:2026-10-14",
                "/billing usage api requests -1 on:2026-10-15",
                "/billing audit Acme",
            ]
        ),
    )
    assert "Corrected api's requests on 2026-10-14 by -500: 700 for that day now." in out
    assert "api has 700 requests on 2026-10-14: a correction can take off at most that many." in out
    assert "api has 0 requests on 2026-10-15" in out
    assert "usage.corrected (app api, metric requests, quantity -500, day 2026-10-14)" in out
    assert "Finalized 1 statement for 2026-10 (7.00 USD)." in billbot(
        env, "close-month", "2026-10", "--at", NOV1
    )
