"""The price list over time, through the console and the CLI: unit prices below a cent, a price
change from a date (statements already made never change), a retired plan."""

from tests.e2e.test_console import billbot, env  # noqa: F401  (fixture)

OCT1 = "2026-10-01T09:00:00+00:00"
OCT20 = "2026-10-20T12:00:00+00:00"
NOV1 = "2026-11-01T09:00:00+00:00"
DEC1 = "2026-12-01T09:00:00+00:00"


def console(env, at, *lines):  # noqa: F811
    return billbot(env, "console", "--at", at, stdin="\n".join(lines))


def test_sub_cent_prices_versions_and_retiring(env):  # noqa: F811
    out = console(
        env,
        OCT1,
        "as @olivia operator",
        "/billing plan new Api 0 USD metric:requests unit:0.0004 included:0",
        "/billing plan new Pro 49 USD",
        "/billing plan new Tiny 1 USD metric:requests unit:0.000000001 included:0",
        "as @dan",
        "/billing company new Acme",
        "/billing app new api company:Acme plan:Api",
        "/billing app domain api api.acme.example since:2026-10-01",
        "/billing app new shop company:Acme plan:Pro",
        "/billing app domain shop shop.acme.example since:2026-10-01",
    )
    assert "Added plan Api: 0.0004 USD each for requests, production." in out
    assert "has too many decimals for a unit price (at most 8)" in out

    out = console(
        env,
        OCT20,
        "as @dan",
        "/billing usage api requests 12345 on:2026-10-14",
        "as @olivia operator",
        "/billing plan price Pro 59 USD from:2026-10-15",
        "/billing plan price Pro 59 EUR",
        "/billing plan price Pro 59 USD",
        "/billing plan retire Pro",
        "/billing plans",
        "as @dan",
        "/billing app new blog company:Acme plan:Pro",
        "/billing app plan api Pro",
        "/billing apps",
    )
    assert "2026-10-15 has passed: a new price starts today or later" in out
    assert "Plan Pro is priced in USD, not EUR." in out
    assert (
        "Plan Pro costs 59.00 USD a month from 2026-11-01 (until then 49.00 USD a month). "
        "Statements already made don't change." in out
    )
    assert "Retired plan Pro: no app can be put on it from now on. The 1 app on it keeps it." in out
    assert (
        "• Pro: 49.00 USD a month, production; from 2026-11-01: 59.00 USD a month "
        "(retired: apps on it keep it, no new ones)" in out
    )
    assert out.count("Plan Pro is retired: apps already on it keep it") == 2
    assert "blog" not in out.split("/billing apps")[-1]

    assert "(53.94 USD)" in billbot(env, "close-month", "2026-10", "--at", NOV1)
    assert "(59.00 USD)" in billbot(env, "close-month", "2026-11", "--at", DEC1)
    out = console(env, DEC1, "as @dan", "/billing statement Acme 2026-10")
    assert "• api: 12,345 requests, Oct 1–31" not in out  # one overage line per segment
    assert "• api: 12,345 requests: 4.94 USD" in out  # 12,345 x 0.0004, rounded once
    assert "• shop: Pro, Oct 1–31 (31 of 31 days): 49.00 USD" in out
    assert "*Total: 53.94 USD*" in out
