"""Late dates as a person types them in the console: late usage, a plan change reaching two
final months, the refund carried as a credit into the month after."""

from tests.e2e.test_console import billbot, env  # noqa: F401  (fixture)


def console(env, at, *lines):  # noqa: F811
    return billbot(env, "console", "--at", at, stdin="\n".join(lines))


def test_late_usage_and_a_refund_across_two_final_months(env):  # noqa: F811
    console(
        env,
        "2026-10-01T08:00:00+00:00",
        "as @olivia operator",
        "/billing plan new Basic 49 USD",
        "/billing plan new Free 0 USD",
        "/billing plan new Metered 10 USD metric:requests unit:0.02 included:100",
        "as @dan",
        "/billing company new Acme",
        "/billing app new shop company:Acme plan:Basic",
        "/billing app domain shop shop.example since:2026-10-01",
        "/billing app new api company:Acme plan:Metered",
        "/billing app domain api api.example since:2026-10-01",
    )
    billbot(env, "close-month", "2026-10", "--at", "2026-11-01T09:00:00+00:00")
    billbot(env, "close-month", "2026-11", "--at", "2026-12-01T09:00:00+00:00")
    out = console(
        env,
        "2026-12-08T10:00:00+00:00",
        "as @dan",
        "/billing usage api requests 350 on:2026-11-05",
        "/billing app plan shop Free since:2026-10-16",
        "/billing usage shop requests 5 on:2026-11-05",
        "/billing statement Acme",
        "/billing statement Acme 2026-11",
    )
    assert (
        "Recorded 350 requests for api on 2026-11-05. The November 2026 statement is final, so "
        "a correction of 5.00 USD goes on the December 2026 statement." in out
    )
    assert (
        "shop is on plan Free from 2026-10-16. The statements for October 2026 and November "
        "2026 are final, so corrections go on the December 2026 statement: -23.71 USD (a "
        "credit) for October 2026, -49.00 USD (a credit) for November 2026." in out
    )  # Oct 17-31: 15/31 x 49.00 (on the change day the dearer plan counts)
    assert (
        "Recorded 5 requests for shop on 2026-11-05. The November 2026 statement is final and "
        "already bills this: no correction is needed." in out
    )
    for line in (
        "• Correction for 2026-10: shop on Free from Oct 16, 15 days fewer: -23.71 USD",
        "• Correction for 2026-11: api, 350 requests on Nov 5: 5.00 USD",
        "• Correction for 2026-11: shop on Free from Oct 16, 30 days fewer: -49.00 USD",
        "• api: Metered, Dec 1–31 (31 of 31 days): 10.00 USD",
        "*Total: -57.71 USD*",
        "*Total: 59.00 USD*",  # November, final, as it was
    ):
        assert line in out, line

    closed = billbot(env, "close-month", "2026-12", "--at", "2027-01-01T09:00:00+00:00")
    assert "Finalized 1 statement for 2026-12 (-57.71 USD)." in closed
    january = console(env, "2027-01-02T10:00:00+00:00", "as @dan", "/billing statement Acme")
    assert "• Balance carried from 2026-12: -57.71 USD" in january
    assert "Correction" not in january


def test_the_reply_says_from_which_day_the_statement_bills(env):  # noqa: F811
    out = console(
        env,
        "2026-12-07T10:00:00+00:00",
        "as @olivia operator",
        "/billing plan new Basic 49 USD",
        "as @dan",
        "/billing company new Acme",
        "/billing app new shop company:Acme plan:Basic",
        "/billing app plan shop Basic since:2026-12-01",
        "/billing app domain shop shop.example",
        "/billing app plan shop Basic since:2026-12-01",
        "/billing app domain shop shop.example since:2026-12-01",
        "/billing statement Acme",
        "/billing app new try company:Acme plan:Basic trial",
        "/billing app domain try try.example since:2026-12-01",
    )
    for line in (
        "shop is on plan Basic from 2026-12-01. It is not billed until a domain is added.",
        "shop now answers at shop.example (since 2026-12-07).\n",
        "shop is on plan Basic from 2026-12-01. The December 2026 statement bills it from Dec 7, "
        "the day its domain was added.",
        "shop now answers at shop.example (since 2026-12-01).\n",
        "• shop: Basic, Dec 1–31 (31 of 31 days): 49.00 USD",  # recorded on Dec 7, billed from 1
        "try now answers at try.example (since 2026-12-01). It is in trial: trial days are never "
        "billed.",
    ):
        assert line in out, line
