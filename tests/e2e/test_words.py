"""Replies that read right, through the console: articles, plurals, who is an operator,
suggestions only of what the person may use, and an audit log in names and words."""

from tests.e2e.test_console import billbot, env  # noqa: F401  (fixture)

AT = "2026-10-05T09:00:00+00:00"


def test_words_read_right(env):  # noqa: F811
    out = billbot(
        env,
        "console",
        "--at",
        AT,
        stdin="\n".join(
            [
                "as @olivia operator",
                "/billing whoami",
                "/billing plan new Metered 10 USD metric:requests unit:0.01 included:100",
                "/billing mark-payd Acme 2026-09",
                "as @dan",
                "/billing team new Devs",
                "/billing team add Devs @olivia access:limited",
                "/billing company new Acme",
                "/billing app new shop company:Acme plan:Metered trial",
                "/billing app domain shop shop.example since:2026-10-01",
                "/billing statement Acme csv",
                "/billing audit Acme",
                "as @carla client",
                "/billing mark-payd Acme 2026-09",
                "/billing team",
                "people",
            ]
        ),
    )
    assert "You are olivia, an operator." in out
    assert "+ 0.01 USD each for requests over 100 a day" in out
    assert "olivia is now a limited member of Devs." in out
    assert "The 2026-10 statement of Acme as CSV: 0 lines, total 0.00 USD." in out
    assert "People: olivia (operator), dan (developer), carla (client)" in out
    # the operator is pointed at mark-paid; a client is not pointed at what they may not use
    operator, client = out.split("as @carla client")
    assert "Unknown subcommand “mark-payd”. Did you mean “mark-paid”?" in operator
    assert "Unknown subcommand “mark-payd”.\nUsage: /billing help [<topic>]" in client
    assert "Unknown subcommand “team”.\nUsage: /billing help [<topic>]" in client
    assert "/billing team add <team>" not in client and "/billing companies\n" not in out
    # the audit log: names and words, not row ids and Python values
    assert "company.created (name Acme, currency USD, timezone UTC, owner dan)" in out
    assert "plan Metered, trial yes)" in out
    assert "owner_id" not in out and "True" not in out


def test_one_line_is_one_line(env):  # noqa: F811
    out = billbot(
        env,
        "console",
        "--at",
        AT,
        stdin="\n".join(
            [
                "as @olivia operator",
                "/billing plan new Basic 31 USD",
                "as @dan",
                "/billing company new Acme",
                "/billing app new shop company:Acme plan:Basic",
                "/billing app domain shop shop.example since:2026-10-01",
                "/billing statement Acme csv",
            ]
        ),
    )
    assert "The 2026-10 statement of Acme as CSV: 1 line, total 27.00 USD." in out
