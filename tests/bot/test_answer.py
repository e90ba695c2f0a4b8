"""Any line a person types gets a reply through the real use cases, never an exception."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import answer
from bot.cli.console import Console
from bot.cli.console_loop import run_console
from commands.create_company import create_company
from tests.conftest import NOW, person

WORDS = [
    "company",
    "new",
    "set",
    "apps",
    "app",
    "plan",
    "grant",
    "revoke",
    "access",
    "team",
    "add",
    "remove",
    "teams",
    "plans",
    "whoami",
    "help",
    "Acme",
    "“Acme",
    "role:owner",
    "company:Acme",
    "@dan",
    "<@U1|x>",
    "since:2026-02-30",
    "49.999",
    "USD",
    "env:staging",
    "'; DROP TABLE company;--",
    "日本",
    "\u200b",
    "trial",
    "domain",
    "delete",
]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    line=st.one_of(
        st.text(max_size=200), st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
    )
)
def test_any_line_gets_a_reply(uow, line):
    dan = person(uow, "dan")
    reply = answer(line, uow=uow, actor=dan, now=NOW).text
    assert isinstance(reply, str) and reply.strip()
    assert "Traceback" not in reply


def test_replies_name_the_usage_after_a_domain_error(uow):
    dan = person(uow, "dan")
    create_company(uow, actor=dan, name="Acme", now=NOW)
    reply = answer('company new "acme"', uow=uow, actor=dan, now=NOW).text
    assert reply.splitlines() == [
        "A company called “acme” already exists.",
        "Usage: /billing company new <name> [email:<invoice e-mail>] [currency:<ISO>] "
        "[tz:<IANA zone>] [owner:<@user>]",
    ]


def test_refusals_do_not_teach_usage(uow):
    carla = person(uow, "carla", kind="client")
    assert answer("company new Mine", uow=uow, actor=carla, now=NOW).text == (
        "Only developers and operators set up companies."
    )


def test_console_switches_people_and_keeps_state(engine, uow):
    import io

    console = Console(engine, clock=lambda: NOW, operators=frozenset())
    out = io.StringIO()
    lines = "/billing whoami\nas @dan\n/billing company new Acme\nas @erin\n/billing companies\n"
    run_console(console, io.StringIO(lines + "as @dan\n/billing companies\n"), out, echo=True)
    text = out.getvalue()
    assert "First say who you are: `as @name`." in text
    assert "erin> /billing companies\nYou have no companies yet." in text
    assert "• Acme: owner, 0 apps" in text
