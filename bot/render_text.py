"""Results as plain text (Slack mrkdwn-safe): what the console prints and Slack's fallback."""

from collections.abc import Callable
from functools import singledispatch
from typing import Any

from billing.money import Money
from bot import render_billing_changes, render_changes, render_invitations
from bot.render_billing_changes import describe_plan
from commands.app_views import AppView
from commands.audit_log import AuditPage
from commands.company_channel import ChannelLink
from commands.list_access import AccessView
from commands.list_apps import AppList
from commands.list_companies import CompanyList
from commands.list_invitations import InviteList
from commands.list_plans import PlanList
from commands.list_teams import TeamList
from commands.pay_link import PayLink
from commands.show_company import CompanyView
from commands.show_reminders import ReminderSettings
from commands.show_statement import StatementView
from commands.views import Done
from commands.who_am_i import WhoAmIView


@singledispatch
def render(result: object, audience: str) -> str:
    raise TypeError(f"no text rendering for {type(result).__name__}")


@render.register
def _summary(result: Done, audience: str) -> str:
    return result.summary


def _in_words(sentence: Callable[[Any], str]) -> Callable[[Any, str], str]:
    return lambda result, audience: sentence(result)


for _fact, _sentence in {
    **render_changes.WORDS,
    **render_invitations.WORDS,
    **render_billing_changes.WORDS,
}.items():
    render.register(_fact, _in_words(_sentence))


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@render.register
def _companies(result: CompanyList, audience: str) -> str:
    if not result.items:
        return "You have no companies yet. Developers start one with `/billing company new <name>`."
    title = "All companies in this workspace" if result.everyone else "Your companies"
    lines = [f"{title} ({result.total:,}):"]
    for item in result.items:
        role = item.role or "not a member"
        lines.append(f"• {item.name}: {role}, {_count(item.apps, 'app')}")
    if result.total > len(result.items):
        lines.append(
            f"…and {result.total - len(result.items):,} more: `/billing company <name>` shows one."
        )
    return "\n".join(lines)


def _app_line(app: AppView, audience: str, with_company: bool) -> str:
    parts = [f"plan {app.plan} since {app.plan_since}" if app.plan else "unbilled"]
    if audience != "client":
        parts.insert(0, app.environment)
        if app.domain:
            parts.append(f"{app.domain} since {app.domain_since}")
    if app.trial:
        parts.append("trial")
    if app.deleted_on:
        parts.append(f"deleted on {app.deleted_on}")
    where = f" ({app.company})" if with_company else ""
    return f"• {app.name}{where}: {', '.join(parts)}"


@render.register
def _company(result: CompanyView, audience: str) -> str:
    lines = [
        f"*{result.name}*",
        f"Invoice e-mail: {result.invoice_email or 'not set'}",
        f"Currency: {result.currency} · Time zone: {result.timezone}",
        f"Billing: {result.billing_mode} · Payment status: {result.payment_status}",
        f"Your role: {result.your_role or 'none (operator view)'}",
        f"Apps ({len(result.apps)}):" if result.apps else "No apps yet.",
    ]
    lines += [_app_line(app, audience, with_company=False) for app in result.apps]
    return "\n".join(lines)


@render.register
def _apps(result: AppList, audience: str) -> str:
    where = f" of {result.company}" if result.company else ""
    if not result.items:
        return f"No apps{where} yet."
    lines = [f"Apps{where} ({len(result.items)}):"]
    lines += [_app_line(a, audience, with_company=result.company is None) for a in result.items]
    return "\n".join(lines)


def _where(channel_id: str | None) -> str:
    if channel_id is None:
        return "by direct message to its owners, admins and billing people"
    return f"to <#{channel_id}>"


@render.register
def _channel_link(result: ChannelLink, audience: str) -> str:
    when = "now" if result.changed else "already"
    return f"Reminders and statements for {result.company} {when} go {_where(result.channel_id)}."


@render.register
def _reminders(result: ReminderSettings, audience: str) -> str:
    days = "1 day" if result.days == 1 else f"{result.days} days"
    how = (
        f"{days} before the charge day, at {result.time} {result.timezone}, "
        f"{_where(result.channel_id)}"
    )
    state = f"on, {how}" if result.on else f"off (when on: {how})"
    saved = "Saved. " if result.updated else ""
    return f"{saved}Reminders for {result.company}: {state}."


@render.register
def _pay_link(result: PayLink, audience: str) -> str:
    if result.kind == "portal":
        return (
            f"{result.company} pays with the {result.card}. To change the card or see past "
            "payments, open the Stripe portal (the link is yours alone and expires soon):\n"
            f"{result.url}"
        )
    # A bare URL: Slack links it, and nothing typed by anyone can turn into a link here.
    return (
        f"Add a card for {result.company} on Stripe's page; statements are charged to it on "
        f"the charge day (the link is yours alone and expires in 24 hours):\n{result.url}"
    )


@render.register
def _plans(result: PlanList, audience: str) -> str:
    if not result.items:
        return "The price list is empty. Operators add plans with `/billing plan new`."
    lines = [f"Plans ({len(result.items)}):"]
    lines += [f"• {plan.name}: {describe_plan(plan)}" for plan in result.items]
    return "\n".join(lines)


@render.register
def _teams(result: TeamList, audience: str) -> str:
    if not result.items:
        return "No teams yet. Start one with `/billing team new <name>`."
    lines = [f"Teams ({len(result.items)}):"]
    for team in result.items:
        members = ", ".join(f"{name} ({access})" for name, access in team.members) or "no members"
        lines.append(f"• {team.name}: {members}")
    return "\n".join(lines)


@render.register
def _access(result: AccessView, audience: str) -> str:
    lines = [f"Access to {result.company}:"]
    lines += [f"• {name}: {role} ({how})" for name, role, how in result.people]
    if result.teams:
        lines.append("Teams connected: " + ", ".join(f"{t} ({role})" for t, role in result.teams))
    return "\n".join(lines)


@render.register
def _whoami(result: WhoAmIView, audience: str) -> str:
    kind = "operator" if result.is_operator else result.account_type
    lines = [f"You are {result.name}, a {kind}."]
    if result.companies:
        lines.append("Your companies: " + ", ".join(f"{c} ({r})" for c, r in result.companies))
    else:
        lines.append("You have no role in any company yet.")
    return "\n".join(lines)


@render.register
def _statement(result: StatementView, audience: str) -> str:
    state = "estimate" if result.status == "draft" else result.status.replace("_", " ")
    lines = [f"*{result.company}: statement for {result.month}* ({state})"]
    if not result.lines:
        lines.append("Nothing billed this month.")
    for line in result.lines:
        lines.append(f"• {line.description}: {Money(line.amount_minor, result.currency)}")
    lines.append(f"*Total: {result.total}*")
    if result.charge_on and result.status in ("draft", "finalized"):
        lines.append(f"Charged on {result.charge_on}, due by {result.due_on}.")
    return "\n".join(lines)


@render.register
def _pending(result: InviteList, audience: str) -> str:
    if not result.lines:
        return "No pending invitations."
    lines = [f"Pending invitations ({len(result.lines)}):"]
    for line in result.lines:
        state = "expired" if line.expired else "expires"
        what = (
            f"{line.role} of {line.company}"
            if line.company
            else f"take over {', '.join(line.apps)}"
        )
        lines.append(
            f"• #{line.id} {line.invitee}: {what}; {state} {line.expires_at:%Y-%m-%d %H:%M} UTC"
        )
    return "\n".join(lines)


@render.register
def _audit(result: AuditPage, audience: str) -> str:
    lines = [f"Audit log of {result.company}, page {result.page} of {result.pages}:"]
    if not result.lines:
        lines.append("Nothing yet.")
    for line in result.lines:
        detail = ", ".join(f"{k} {v}" for k, v in line.detail.items() if v not in (None, ""))
        lines.append(
            f"• {line.at:%Y-%m-%d %H:%M} {line.who}: {line.action}"
            + (f" ({detail})" if detail else "")
        )
    if result.page < result.pages:
        lines.append(f'Older: `/billing audit "{result.company}" page:{result.page + 1}`')
    return "\n".join(lines)
