"""The one table of `/billing` subcommands: words, usage, description, example, audience."""

from dataclasses import dataclass

CLIENT, DEVELOPER, OPERATOR = "client", "developer", "operator"
AUDIENCES = (CLIENT, DEVELOPER, OPERATOR)  # each one sees what the ones before it see

GROUPS = {
    "start": "Getting started",
    "companies": "Companies",
    "apps": "Apps",
    "plans": "Plans",
    "teams": "Teams",
    "access": "Access",
    "billing": "Statements and usage",
    "notifications": "Channels and reminders",
    "collaboration": "Invitations, leaving and transfers",
}


@dataclass(frozen=True)
class Entry:
    """One subcommand. `args` is both what users read and what the grammar parses:
    `<x>` a required positional, `[<x>]` an optional one, `key:<x>` a required option,
    `[key:<x>]` an optional one (several in one bracket go together: all or none), a bare
    `[word]` or `[a|b]` a flag. A positional like `<@user|team:<team>>` may also be given as
    `team:<name>`.
    """

    name: str  # the subcommand words, lower case: "app new"
    args: str  # after the words: "<app> company:<company> [trial]"
    description: str  # one line
    example: str  # after "/billing "
    audience: str  # the least privileged audience that sees it
    group: str  # a key of GROUPS
    client_args: str | None = None  # what clients read instead of `args`, if different

    @property
    def usage(self) -> str:
        return f"/billing {self.name} {self.args}".rstrip()

    def usage_for(self, audience: str) -> str:
        if audience == CLIENT and self.client_args is not None:
            return f"/billing {self.name} {self.client_args}".rstrip()
        return self.usage

    def visible_to(self, audience: str) -> bool:
        return AUDIENCES.index(audience) >= AUDIENCES.index(self.audience)


_SUBJECT = "<@user|team:<team>>"
_ROLE = "role:<owner|admin|billing|viewer>"

# fmt: off
ENTRIES: tuple[Entry, ...] = (
    Entry("help", "[<topic>]", "Show this overview, or usage and examples for one topic.", "help companies", CLIENT, "start"),  # noqa: E501
    Entry("whoami", "", "Show who you are to the bot and your roles.", "whoami", CLIENT, "start"),
    Entry("companies", "", "List the companies you can see.", "companies", CLIENT, "companies"),
    Entry("company", "<company>", "Show a company: invoice e-mail, currency, time zone, apps.", 'company "Acme Corp"', CLIENT, "companies"),  # noqa: E501
    Entry("company new", "<name> [email:<invoice e-mail>] [currency:<ISO>] [tz:<IANA zone>] [owner:<@user>]", "Set up a new company; you, or owner:, become its owner.", 'company new "Acme Corp" email:billing@acme.com currency:EUR tz:Europe/Berlin', DEVELOPER, "companies"),  # noqa: E501
    Entry("company set", "<company> [name:<new name>] [email:<e-mail>] [currency:<ISO>] [tz:<IANA zone>]", "Change a company's name, invoice e-mail, currency or time zone.", 'company set "Acme Corp" email:ap@acme.com tz:Europe/Vienna', CLIENT, "companies"),  # noqa: E501
    Entry("apps", "[<company>]", "List the apps of all your companies, or of one.", 'apps "Acme Corp"', CLIENT, "apps"),  # noqa: E501
    Entry("app new", "<app> company:<company> [env:production|staging] [plan:<plan>] [trial]", "Create an app for a company, optionally on a plan or as a trial.", 'app new shop company:"Acme Corp" plan:basic', DEVELOPER, "apps"),  # noqa: E501
    Entry("app domain", "<app> <domain> [since:YYYY-MM-DD]", "Record an app's custom domain and since when it is live.", "app domain shop shop.acme.com since:2025-03-01", DEVELOPER, "apps"),  # noqa: E501
    Entry("app plan", "<app> <plan> [since:YYYY-MM-DD]", "Put an app on a plan, from today or from a given day.", "app plan shop pro since:2025-04-01", DEVELOPER, "apps"),  # noqa: E501
    Entry("app delete", "<app> [on:YYYY-MM-DD]", "Delete an app, today or on a given day; billing ends then.", "app delete shop on:2025-05-31", DEVELOPER, "apps"),  # noqa: E501
    Entry("plans", "", "List the plans of the price list.", "plans", CLIENT, "plans"),
    Entry("plan new", "<name> <amount> <currency> [env:production|staging] [metric:<name> unit:<amount> included:<qty>]", "Add a plan: a monthly fee, plus overage per unit above an included quantity.", 'plan new "Pro" 49.00 USD metric:requests unit:0.01 included:10000', OPERATOR, "plans"),  # noqa: E501
    Entry("plan price", "<plan> <amount> <currency> [unit:<amount>] [included:<qty>] [from:YYYY-MM-DD]", "Change a plan's prices from a day on (today or later; default the 1st of next month). Statements already made never change.", "plan price Pro 59.00 USD from:2027-01-01", OPERATOR, "plans"),  # noqa: E501
    Entry("api-key new", "<label>", "Make a key for sending usage to POST /api/usage; it is shown once.", "api-key new meter", OPERATOR, "billing"),  # noqa: E501
    Entry("api-key revoke", "<label>", "Revoke an API key: requests with it are refused from now on.", "api-key revoke meter", OPERATOR, "billing"),  # noqa: E501
    Entry("plan retire", "<plan>", "Retire a plan: apps on it keep it, no app can be put on it from now on.", "plan retire Legacy", OPERATOR, "plans"),  # noqa: E501
    Entry("teams", "", "List the teams and their members.", "teams", DEVELOPER, "teams"),
    Entry("team new", "<name>", "Create a team.", 'team new "Web devs"', DEVELOPER, "teams"),
    Entry("team add", "<team> <@user> [access:unlimited|limited]", "Add someone to a team; limited members get no company access through it.", 'team add "Web devs" @alice access:limited', DEVELOPER, "teams"),  # noqa: E501
    Entry("team remove", "<team> <@user>", "Remove someone from a team.", 'team remove "Web devs" @alice', DEVELOPER, "teams"),  # noqa: E501
    Entry("grant", f"{_SUBJECT} company:<company> {_ROLE}", "Give someone a role in a company.", 'grant @bob company:"Acme Corp" role:billing', CLIENT, "access", f"<@user> company:<company> {_ROLE}"),  # noqa: E501
    Entry("revoke", f"{_SUBJECT} company:<company>", "Take someone's access to a company away.", 'revoke @bob company:"Acme Corp"', CLIENT, "access", "<@user> company:<company>"),  # noqa: E501
    Entry("statement", "<company> [<YYYY-MM>] [csv|pdf]", "Show a month's statement (this month: the live estimate); csv gives a file, pdf its document, to you alone.", 'statement "Acme Corp" 2025-10', CLIENT, "billing"),  # noqa: E501
    Entry("usage", "<app> <metric> <qty> [on:YYYY-MM-DD]", "Record an app's usage of a metered plan's metric for a day; a negative quantity corrects what was recorded.", "usage shop requests 12500 on:2025-10-14", DEVELOPER, "billing"),  # noqa: E501
    Entry("pay", "<company>", "Add or update the card statements are charged to (a private link).", 'pay "Acme Corp"', CLIENT, "billing"),  # noqa: E501
    Entry("mark-paid", "<company> <YYYY-MM>", "Record that a hand-billed statement was paid.", 'mark-paid "Acme Corp" 2025-10', OPERATOR, "billing"),  # noqa: E501
    Entry("channel link", "<company> [#channel]", "Send a company's reminders and statements to a channel (this one if none is named).", 'channel link "Acme Corp" #billing', CLIENT, "notifications"),  # noqa: E501
    Entry("channel unlink", "<company>", "Send a company's reminders and statements by direct message again.", 'channel unlink "Acme Corp"', CLIENT, "notifications"),  # noqa: E501
    Entry("reminders", "<company> [days:<n>] [time:HH:MM] [on|off]", "Show a company's reminder settings, or change them: days before the charge day, time, on or off.", 'reminders "Acme Corp" days:5 time:08:30 on', CLIENT, "notifications"),  # noqa: E501
    Entry("invite-client", "<email|@user> app:<app>[,<app>] [company:<name>] [plan:<plan>]", "Ask a client to take over apps in a company of their own; you become its admin.", "invite-client carla@bakery.example app:shop,blog company:\"Bakery Blum\" plan:basic", DEVELOPER, "collaboration"),  # noqa: E501
    Entry("invite", "<email|@user> company:<company> role:<admin|billing|viewer|owner>", "Invite someone into a company with a role.", 'invite @bob company:"Acme Corp" role:billing', CLIENT, "collaboration"),  # noqa: E501
    Entry("accept", "<token> [email:<invoice e-mail>]", "Accept an invitation (the token is the last part of its link).", "accept 3Yq0cK9x…", CLIENT, "collaboration"),  # noqa: E501
    Entry("invites", "[<company>]", "List pending invitations you sent or manage.", 'invites "Acme Corp"', CLIENT, "collaboration"),  # noqa: E501
    Entry("revoke-invite", "<id>", "Withdraw a pending invitation; its link stops working.", "revoke-invite 12", CLIENT, "collaboration"),  # noqa: E501
    Entry("resend-invite", "<id>", "Send an invitation again with a fresh link and expiry.", "resend-invite 12", CLIENT, "collaboration"),  # noqa: E501
    Entry("leave", "<company>", "Leave a company (owners hand over ownership first).", 'leave "Acme Corp"', CLIENT, "collaboration"),  # noqa: E501
    Entry("dismiss", "<@user> company:<company>", "Remove someone's access to a company; everyone concerned is told.", 'dismiss @dan company:"Acme Corp"', CLIENT, "collaboration"),  # noqa: E501
    Entry("handover", "<company> to:<@user>", "Make a member the owner; you become admin.", 'handover "Acme Corp" to:@carla', CLIENT, "collaboration"),  # noqa: E501
    Entry("transfer", "<app> to:<company>", "Move an app to another company (an owner of the target approves).", 'transfer shop to:"Bakery Blum"', DEVELOPER, "collaboration"),  # noqa: E501
    Entry("audit", "<company> [page:<n>]", "Who did what and when in a company, newest first.", 'audit "Acme Corp" page:2', CLIENT, "access"),  # noqa: E501
    Entry("access", "<company>", "Show who has access to a company, and with which role.", 'access "Acme Corp"', CLIENT, "access"),  # noqa: E501
)
# fmt: on
