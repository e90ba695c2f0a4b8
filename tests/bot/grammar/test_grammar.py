"""bot.grammar: `/billing` lines to typed requests, or a UsageError with reason and usage."""

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from billing.refs import ChannelRef, PersonRef, TeamRef
from bot.grammar import Link, UsageError, help_text, parse, tokenize, usage_of
from bot.grammar.help import Help
from commands.add_team_member import AddTeamMember
from commands.create_app import NewApp
from commands.create_company import NewCompany
from commands.create_plan import NewPlan
from commands.create_team import NewTeam
from commands.delete_app import DeleteApp
from commands.grant_access import Grant
from commands.list_access import ShowAccess
from commands.list_apps import ListApps
from commands.list_companies import ListCompanies
from commands.list_plans import ListPlans
from commands.list_teams import ListTeams
from commands.remove_team_member import RemoveTeamMember
from commands.reprice_plan import RepricePlan
from commands.retire_plan import RetirePlan
from commands.revoke_access import Revoke
from commands.set_app_domain import SetAppDomain
from commands.set_app_plan import SetAppPlan
from commands.show_company import ShowCompany
from commands.update_company import SetCompany
from commands.who_am_i import WhoAmI

ALICE = PersonRef(user_id="U123ABC", name="alice")

VALID: list[tuple[str, object]] = [
    # help, whoami, lists
    ("", Help()),
    ("   \t ", Help()),
    ("help", Help()),
    ("HELP", Help()),
    ("help app", Help("app")),
    ("help  grant ", Help("grant")),
    ('help "app new"', Help("app new")),
    ("whoami", WhoAmI()),
    ("  WhoAmI  ", WhoAmI()),
    ("companies", ListCompanies()),
    ("plans", ListPlans()),
    ("teams", ListTeams()),
    ("apps", ListApps()),
    ("apps Acme", ListApps("Acme")),
    ("apps “Acme Corp”", ListApps("Acme Corp")),
    # companies
    ("company Acme", ShowCompany("Acme")),
    ('company "Acme Corp"', ShowCompany("Acme Corp")),
    ("Company ‘Acme Corp’", ShowCompany("Acme Corp")),
    ("company 'Acme Corp'", ShowCompany("Acme Corp")),
    ("company „Müller GmbH“", ShowCompany("Müller GmbH")),
    ("company ”Svensk AB”", ShowCompany("Svensk AB")),
    ('company "new"', ShowCompany("new")),
    ("company “set”", ShowCompany("set")),
    ("company O'Brien", ShowCompany("O'Brien")),
    ("company 'Bob's Shop'", ShowCompany("Bob's Shop")),
    ('company "  Acme   Corp "', ShowCompany("Acme Corp")),
    ("company\u00a0Acme", ShowCompany("Acme")),
    ("company R&amp;D", ShowCompany("R&D")),
    ('company "Robert\'); DROP TABLE x;--"', ShowCompany("Robert'); DROP TABLE x;--")),
    ("company new “Café Ünïcode 日本”", NewCompany("Café Ünïcode 日本")),
    ("company new Acme", NewCompany("Acme")),
    ("Company NEW Acme", NewCompany("Acme")),
    ("company new new", NewCompany("new")),
    (
        'company new "Acme Corp" email:Billing@Acme.com currency:eur tz:Europe/Berlin '
        "owner:<@U123ABC|alice>",
        NewCompany("Acme Corp", "billing@acme.com", "EUR", "Europe/Berlin", ALICE),
    ),
    (
        "company new Acme owner:@bob tz:utc currency:JPY email:<mailto:a@b.co|a@b.co>",
        NewCompany("Acme", "a@b.co", "JPY", "UTC", PersonRef(name="bob")),
    ),
    ("company new Acme owner:<@U999>", NewCompany("Acme", owner=PersonRef(user_id="U999"))),
    ("company new Acme\ttz:america/new_york", NewCompany("Acme", timezone="America/New_York")),
    ("company set Acme name:“Café Ü”", SetCompany("Acme", name="Café Ü")),
    (
        'company set Acme name:"Acme Corp" email:ap@acme.com',
        SetCompany("Acme", "Acme Corp", "ap@acme.com"),
    ),
    ("company set 'Acme Corp' currency:usd", SetCompany("Acme Corp", currency="USD")),
    ("company SET Acme tz:Asia/Tokyo", SetCompany("Acme", timezone="Asia/Tokyo")),
    ("company set Acme NAME:'Bob's Shop'", SetCompany("Acme", name="Bob's Shop")),
    # apps
    ("app new shop company:Acme", NewApp("shop", "Acme")),
    (
        'app new shop company:"Acme Corp" env:staging plan:basic trial',
        NewApp("shop", "Acme Corp", "staging", "basic", True),
    ),
    ("app new shop trial plan:Pro company:Acme", NewApp("shop", "Acme", plan="Pro", trial=True)),
    ("APP NEW Shop company:Acme TRIAL env:PROD", NewApp("Shop", "Acme", trial=True)),
    ("app new shop env:stage company:Acme", NewApp("shop", "Acme", "staging")),
    ("app new trial company:Acme", NewApp("trial", "Acme")),
    ("app new company:Acme shop", NewApp("shop", "Acme")),
    ("app new 日本 company:‘Café Ü’", NewApp("日本", "Café Ü")),
    ("app domain shop shop.example.com", SetAppDomain("shop", "shop.example.com")),
    ("app domain shop Shop.Example.COM.", SetAppDomain("shop", "shop.example.com")),
    (
        "app domain shop <http://shop.example.com|shop.example.com> since:2025-03-01",
        SetAppDomain("shop", "shop.example.com", date(2025, 3, 1)),
    ),
    ("app domain shop <https://www.acme.co.uk>", SetAppDomain("shop", "www.acme.co.uk")),
    ("app domain shop https://my-shop.example.com/", SetAppDomain("shop", "my-shop.example.com")),
    ("app domain shop bücher.de", SetAppDomain("shop", "xn--bcher-kva.de")),
    ("app plan shop pro", SetAppPlan("shop", "pro")),
    (
        "app plan shop “Pro Max” since:2024-02-29",
        SetAppPlan("shop", "Pro Max", date(2024, 2, 29)),
    ),
    ("app delete shop", DeleteApp("shop")),
    ("app delete shop on:2025-12-31", DeleteApp("shop", date(2025, 12, 31))),
    # plans
    ("plan new Basic 49 USD", NewPlan("Basic", 4900, "USD")),
    ("plan new Basic 49.00 usd env:staging", NewPlan("Basic", 4900, "USD", "staging")),
    ("plan new “Pro Plan” 1,234.50 EUR", NewPlan("Pro Plan", 123450, "EUR")),
    ("plan new Yen 500 jpy", NewPlan("Yen", 500, "JPY")),
    ("plan new Kw 1.5 KWD", NewPlan("Kw", 1500, "KWD")),
    ("plan new Free 0 USD", NewPlan("Free", 0, "USD")),
    (
        "plan new Metered 10 USD metric:Requests unit:0.01 included:10000",
        NewPlan("Metered", 1000, "USD", "production", "requests", 1_000_000, 10000),
    ),
    (
        "plan new Api 0 USD metric:requests unit:0.0004 included:0",
        NewPlan("Api", 0, "USD", "production", "requests", 40_000, 0),
    ),
    ("plan retire Legacy", RetirePlan("Legacy")),
    ("plan price Pro 59 USD", RepricePlan("Pro", 5900, "USD")),
    (
        "plan price Api 0 usd unit:0.00035 from:2027-01-01",
        RepricePlan("Api", 0, "USD", 35_000, None, date(2027, 1, 1)),
    ),
    (
        "Plan New M 10 usd included:0 unit:2 metric:gb_hours env:prod",
        NewPlan("M", 1000, "USD", "production", "gb_hours", 200_000_000, 0),
    ),
    # teams
    ("team new Devs", NewTeam("Devs")),
    ("team new “Web devs”", NewTeam("Web devs")),
    ("team add Devs <@U123ABC|alice>", AddTeamMember("Devs", ALICE)),
    (
        "team add Devs @alice access:limited",
        AddTeamMember("Devs", PersonRef(name="alice"), "limited"),
    ),
    ("TEAM ADD Devs @alice ACCESS:Unlimited", AddTeamMember("Devs", PersonRef(name="alice"))),
    (
        "team remove 'Web devs' <@U123ABC>",
        RemoveTeamMember("Web devs", PersonRef(user_id="U123ABC")),
    ),
    # access
    ("grant <@U123ABC|alice> company:Acme role:billing", Grant(ALICE, "Acme", "billing")),
    (
        "grant role:ADMIN company:'Acme Corp' @bob",
        Grant(PersonRef(name="bob"), "Acme Corp", "admin"),
    ),
    ("grant team:Devs company:Acme role:viewer", Grant(TeamRef("Devs"), "Acme", "viewer")),
    (
        "grant company:Acme team:“Web devs” role:owner",
        Grant(TeamRef("Web devs"), "Acme", "owner"),
    ),
    ("revoke <@U123ABC|alice> company:Acme", Revoke(ALICE, "Acme")),
    ("revoke TEAM:Devs Company:Acme", Revoke(TeamRef("Devs"), "Acme")),
    ("access Acme", ShowAccess("Acme")),
    ("access “Café Ünïcode 日本”", ShowAccess("Café Ünïcode 日本")),
    ("access\n'Acme Corp'\r\n", ShowAccess("Acme Corp")),
]

BAD: list[tuple[str, str]] = [
    ("foo", "Unknown subcommand “foo”."),
    ("compnay Acme", "Did you mean “company”?"),
    ("app neww shop", "Did you mean “app new”?"),
    ("app", "What should I do with app?"),
    ("team frob", "Unknown subcommand “team frob”"),
    ("company:Acme", "Unknown subcommand"),
    ('"company" Acme', "Unknown subcommand"),
    ("company", "Missing <company>."),
    ("company new", "Missing <name>."),
    ("company Acme Corp", "Unexpected “Corp”"),
    ("whoami now", "whoami takes no arguments"),
    ('company "Acme Corp', "Unclosed quote"),
    ("company ‘Acme Corp", "Unclosed quote"),
    ('company new Acme email:"a@b.co', "Unclosed quote"),
    ('company "Acme"Corp', "Put a space before “Corp”"),
    ('company ""', "can't be empty"),
    ("company new " + "x" * 81, "too long (81 characters; at most 80)"),
    ("company " + "a" * 1001, "That line is too long (1009 characters; at most 1000)."),
    ("company Ac\x00me", "control character (U+0000)"),
    ("company Ac\u202eme", "control character (U+202E)"),
    ("company Ac\u200bme", "control character"),
    ("company set Acme", "Nothing to change"),
    ("company set Acme colour:red", "Unknown option “colour:”"),
    ("company Acme:Prod", "Unknown option “acme:”"),
    ("company new Acme email:", "email: needs a value"),
    ('company new Acme email:""', "email: needs a value"),
    ("company new Acme tz:UTC tz:UTC", "tz: is given twice"),
    ("company new Acme email:not-an-email", "is not an e-mail address"),
    ("company new Acme email:<mailto:a@b|a@b>", "is not an e-mail address"),
    ("company new Acme email:<http://x.com>", "is not an e-mail address"),
    ("company new Acme currency:XYZ", "is not a currency code"),
    ("company new Acme tz:Mars/Olympus", "is not a time zone"),
    ("company new Acme owner:alice", "is not a Slack user"),
    ("company new Acme owner:a@b.co", "is not a Slack user"),
    ("company new Acme owner:<#C123|general>", "is not a Slack user"),
    ("company new <@U123ABC|alice>", "is a Slack mention or link, not a company"),
    ("app new shop", "Missing company:<company>."),
    ("app new company:Acme", "Missing <app>."),
    ("app new shop company:Acme env:dev", "is not a environment"),
    ("app new shop company:Acme trial trial", "given twice"),
    ("app new shop company:Acme plan:", "plan: needs a value"),
    ("app domain shop", "Missing <domain>."),
    ("app domain shop localhost", "is not a domain name"),
    ("app domain shop shop_1.example.com", "is not a domain name"),
    ("app domain shop -shop.example.com", "is not a domain name"),
    ("app domain shop 10.0.0.1", "is not a domain name"),
    ("app domain shop https://shop.example.com/path", "give just the domain"),
    (
        "app domain shop shop.example.com since:2025-02-30",
        "“2025-02-30” is not a date (use YYYY-MM-DD)",
    ),
    ("app plan shop pro since:25-01-01", "is not a date"),
    ("app plan shop pro since:yesterday", "is not a date"),
    ("app delete shop on:2025-13-01", "is not a date"),
    ("app delete shop at:2025-01-01", "Unknown option “at:”"),
    ("plan new Basic 49", "Missing <currency>."),
    ("plan new Basic abc USD", "is not an amount"),
    ("plan new Basic 49.999 USD", "too many decimals"),
    ("plan new Basic -5 USD", "can't be negative"),
    ("plan new Basic 5 ZZZ", "is not a currency code"),
    ("plan new M 1 USD metric:req unit:1", "go together"),
    ("plan new M 1 USD metric:req unit:0.000000001 included:1", "too many decimals"),
    ("plan price Pro 59 USD from:tomorrow", "tomorrow"),
    ("plan new M 1 USD included:5", "go together"),
    ("plan new M 1 USD metric:req unit:1 included:-1", "is not a whole number"),
    ("plan new M 1 USD metric:req unit:1 included:1.5", "is not a whole number"),
    ("plan new M 1 USD metric:'no spaces' unit:1 included:1", "is not a metric name"),
    ("plan list", "Unknown subcommand “plan list”"),
    ("team add Devs", "Missing <@user>."),
    ("team add Devs @alice access:full", "is not a team access"),
    ("team add Devs team:Ops", "Unknown option “team:”"),
    ("team remove Devs alice", "is not a Slack user"),
    ("grant @bob company:Acme", "Missing role:"),
    ("grant @bob company:Acme role:god", "“god” is not a role"),
    ("grant company:Acme role:admin", "Missing <@user|team:<team>>."),
    ("grant @bob team:Devs company:Acme role:admin", "Unexpected"),
    ("grant team: company:Acme role:admin", "team: needs a value"),
    ("revoke @bob", "Missing company:<company>."),
    ("revoke a@b.co company:Acme", "is not a Slack user"),
    ("access", "Missing <company>."),
    ("access Acme extra", "Unexpected “extra”"),
]


@pytest.mark.parametrize(("line", "expected"), VALID)
def test_valid_lines(line: str, expected: object) -> None:
    assert parse(line) == expected


@pytest.mark.parametrize(("line", "phrase"), BAD)
def test_bad_lines(line: str, phrase: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse(line)
    error = caught.value
    assert phrase in error.reason
    assert "\n" not in error.reason
    assert error.usage.startswith("/billing ")
    assert str(error) == f"{error.reason}\nUsage: {error.usage}"


def test_tables_are_big_enough() -> None:
    assert len(VALID) >= 60
    assert len(BAD) >= 40


def test_usage_belongs_to_the_subcommand() -> None:
    with pytest.raises(UsageError) as caught:
        parse("app new shop")
    assert caught.value.usage == usage_of("app new")
    with pytest.raises(UsageError) as caught:
        parse("app frob")
    assert caught.value.usage.splitlines() == [
        usage_of("app new"),
        usage_of("app domain"),
        usage_of("app plan"),
        usage_of("app delete"),
    ]
    with pytest.raises(UsageError) as caught:
        parse("frobnicate")
    assert "/billing help" in caught.value.usage


def test_usage_of() -> None:
    assert usage_of("app new") == (
        "/billing app new <app> company:<company> [env:production|staging] [plan:<plan>] [trial]"
    )
    assert usage_of("App  New") == usage_of("app new")
    assert usage_of("company") == "/billing company <company>"
    assert usage_of("whoami") == "/billing whoami"
    with pytest.raises(KeyError):
        usage_of("frobnicate")


def test_usage_error_shape() -> None:
    error = UsageError("Missing <app>.", "/billing app delete <app>")
    assert (error.reason, error.usage) == ("Missing <app>.", "/billing app delete <app>")
    assert str(error) == "Missing <app>.\nUsage: /billing app delete <app>"


def test_tokenizer_recognises_slack_escapes() -> None:
    tokens = tokenize("<#C123|general> <@U1AB|bob> <mailto:a@b.co|a@b.co> <http://x.io> <!here>")
    assert [t.ref for t in tokens] == [
        ChannelRef(channel_id="C123", name="general"),
        PersonRef(user_id="U1AB", name="bob"),
        Link("mailto:a@b.co", "a@b.co"),
        Link("http://x.io"),
        None,
    ]
    assert all(t.escape for t in tokens)


def test_tokenizer_options_and_quotes() -> None:
    (tok,) = tokenize('Company:"Acme Corp"')
    assert (tok.key, tok.text, tok.quoted) == ("company", "Acme Corp", True)
    (url,) = tokenize("https://shop.example.com")
    assert url.key is None


# ---------------------------------------------------------------- properties

WORDS = [
    "help",
    "whoami",
    "companies",
    "company",
    "new",
    "set",
    "apps",
    "app",
    "domain",
    "plan",
    "delete",
    "plans",
    "teams",
    "team",
    "add",
    "remove",
    "grant",
    "revoke",
    "access",
    "trial",
    "Acme",
    "日本",
    "O'Brien",
    "shop.example.com",
    "49.00",
    "USD",
    "jpy",
    "2025-02-30",
    "2025-03-01",
    "@alice",
    "a@b.co",
    "-1",
    "0",
    "10000",
]
KEYS = [
    "company",
    "env",
    "plan",
    "since",
    "on",
    "email",
    "currency",
    "tz",
    "owner",
    "name",
    "metric",
    "unit",
    "included",
    "access",
    "role",
    "team",
    "colour",
]
ESCAPES = [
    "<@U123ABC|alice>",
    "<@U123ABC>",
    "<#C123|general>",
    "<mailto:a@b.co|a@b.co>",
    "<http://shop.example.com|shop.example.com>",
    "<!here>",
    "<>",
    "<",
    ">",
    "<@",
    "&lt;",
]
QUOTES = ['"', "“", "”", "„", "‘", "’", "'"]

values = st.one_of(
    st.sampled_from(WORDS + ESCAPES),
    st.text(max_size=12),
    st.builds(
        lambda q, t, c: q + t + c,
        st.sampled_from(QUOTES),
        st.text(max_size=10),
        st.sampled_from([*QUOTES, ""]),
    ),
)
tokens = st.one_of(
    values,
    st.builds(lambda k, v: f"{k}:{v}", st.sampled_from(KEYS), values),
    st.sampled_from(QUOTES),
)
lines = st.builds(
    lambda words, seps: "".join(w + s for w, s in zip(words, seps, strict=False)),
    st.lists(tokens, max_size=8),
    st.lists(st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", ""]), min_size=8, max_size=8),
)


def _parses_or_usage_error(line: str) -> None:
    try:
        result = parse(line)
    except UsageError as error:
        assert error.reason and "\n" not in error.reason
        assert error.usage.startswith("/billing ")
    else:
        assert isinstance(result, object)


@settings(max_examples=500)
@given(st.text())
def test_any_text_parses_or_raises_usage_error(line: str) -> None:
    _parses_or_usage_error(line)


@settings(max_examples=1000)
@given(lines)
def test_token_soup_parses_or_raises_usage_error(line: str) -> None:
    _parses_or_usage_error(line)


@settings(max_examples=300)
@given(
    st.sampled_from(["company", "app new", "app domain x", "plan new", "grant", "team add Devs"]),
    lines,
)
def test_known_subcommand_with_soup(head: str, rest: str) -> None:
    _parses_or_usage_error(f"{head} {rest}")


names = st.text(
    st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co"), blacklist_characters='"“”„&'),
    max_size=60,
).filter(lambda s: s.strip() != "")


@given(names)
def test_quoted_names_round_trip(name: str) -> None:
    request = parse(f'company "{name}"')
    assert request == ShowCompany(unicodedata.normalize("NFC", " ".join(name.split())))


# ---------------------------------------------------------------- help


def test_client_help_hides_developer_and_operator_subcommands() -> None:
    text = help_text(None, "client")
    for hidden in ("app new", "plan new", "team", "company new", "env:"):
        assert hidden not in text.lower()
    assert "/billing companies" in text
    assert "/billing grant" in text


def test_developer_help_hides_operator_subcommands() -> None:
    text = help_text(None, "developer")
    assert "app new" in text
    assert "team add" in text
    assert "plan new" not in text


def test_operator_help_shows_everything() -> None:
    text = help_text(None, "operator")
    for name in ("plan new", "app new", "team add", "company new", "grant", "access"):
        assert f"/billing {name}" in text


def test_help_topic_gives_usage_and_example() -> None:
    text = help_text("app", "developer")
    assert usage_of("app new") in text
    assert "Example: `/billing app domain" in text
    assert help_text("app new", "developer").startswith(f"`{usage_of('app new')}`")
    assert "Example: `/billing grant" in help_text("Grant", "client")


def test_hidden_topic_answers_as_unknown() -> None:
    assert help_text("plan new", "developer").startswith("I have no help on “plan new”.")
    assert help_text("team", "client").startswith("I have no help on “team”.")
    assert help_text("app new", "client").startswith("I have no help on “app new”.")
    assert "team" not in help_text("team", "client").lower().replace("“team”", "")
    assert "plan new" in help_text("plan new", "operator")


def test_help_for_clients_shows_user_only_grant() -> None:
    assert "<@user> company:<company> role:" in help_text("access", "client")
    assert "team:<team>" in help_text("access", "developer")


def test_help_rejects_unknown_audience() -> None:
    with pytest.raises(ValueError):
        help_text(None, "boss")
