"""Seed through /billing lines, close the month with the CLI, read the statement and its CSV."""

from tests.e2e.test_console import billbot, env  # noqa: F401  (fixture)

OCT = "2026-10-01T09:00:00+00:00"
NOV = "2026-11-01T09:00:00+00:00"


def test_month_close_end_to_end(env):  # noqa: F811
    billbot(
        env,
        "console",
        "--at",
        OCT,
        stdin="\n".join(
            [
                "as @olivia operator",
                "/billing plan new Basic 49 USD",
                "/billing plan new Metered 10 USD metric:requests unit:0.02 included:100",
                "as @dan",
                "/billing company new Acme email:ap@acme.example",
                "/billing app new shop company:Acme plan:Basic",
                "/billing app domain shop shop.acme.example since:2026-10-11",
                "/billing app new api company:Acme plan:Metered",
                "/billing app domain api api.acme.example since:2026-10-01",
            ]
        ),
    )
    billbot(
        env,
        "console",
        "--at",
        "2026-10-20T12:00:00+00:00",
        stdin="\n".join(
            [
                "as @dan",
                "/billing usage api requests 350 on:2026-10-14",
                "/billing statement Acme",
            ]
        ),
    )
    dry = billbot(env, "close-month", "2026-10", "--dry-run", "--at", NOV)
    assert "Would finalize 1 statement for 2026-10 (48.19 USD)." in dry
    first = billbot(env, "close-month", "2026-10", "--at", NOV)
    assert "Finalized 1 statement for 2026-10 (48.19 USD)." in first
    again = billbot(env, "close-month", "2026-10", "--at", NOV)
    assert "Finalized 0 statements" in again and "Already closed: 1" in again
    out = billbot(
        env,
        "console",
        "--at",
        NOV,
        stdin="\n".join(
            [
                "as @dan",
                "/billing statement Acme 2026-10",
                "/billing statement Acme 2026-10 csv",
                "/billing statement Acme 2026-13",
            ]
        ),
    )
    assert "*Acme: statement 2026-000001 for 2026-10* (finalized)" in out
    assert "• api: Metered, Oct 1–31 (31 of 31 days): 10.00 USD" in out
    assert "• shop: Basic, Oct 11–31 (21 of 31 days): 33.19 USD" in out
    assert "*Total: 48.19 USD*" in out
    assert "Charged on 2026-11-01, due by 2026-11-15." in out
    assert (
        "company,month,number,kind,app,description,first_day,last_day,days,quantity,amount,currency"
        in out
    )
    assert "Acme,2026-10,2026-000001,total,,,,,,,48.19,USD" in out
    assert "“2026-13” is not a month (use YYYY-MM)." in out
