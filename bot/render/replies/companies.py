"""Companies and their apps, listed and shown."""

from collections.abc import Callable
from typing import Any

from bot.render.replies.sentences import count
from commands.app_views import NO_DOMAIN_YET, AppView
from commands.list_apps import AppList
from commands.list_companies import CompanyList
from commands.show_company import CompanyView


def _companies(result: CompanyList, audience: str) -> str:
    if not result.items:
        return "You have no companies yet. Developers start one with `/billing company new <name>`."
    title = "All companies in this workspace" if result.everyone else "Your companies"
    lines = [f"{title} ({result.total:,}):"]
    for item in result.items:
        role = item.role or "not a member"
        lines.append(f"• {item.name}: {role}, {count(item.apps, 'app')}")
    if result.total > len(result.items):
        lines.append(
            f"…and {result.total - len(result.items):,} more: `/billing company <name>` shows one."
        )
    return "\n".join(lines)


def _app_line(app: AppView, audience: str, with_company: bool) -> str:
    parts = [f"plan {app.plan} since {app.plan_since}" if app.plan else "unbilled"]
    if app.next_plan:
        parts.append(f"{app.next_plan} from {app.next_plan_since}")
    if app.awaits_domain:
        parts.append(NO_DOMAIN_YET)
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


def _invoice_email(result: CompanyView) -> str:
    if result.invoice_email:
        return (
            f"Invoice e-mail: {result.invoice_email} (statements are e-mailed there with their PDF)"
        )
    return (
        "Invoice e-mail: not set, so statements are not e-mailed to anyone (set one with "
        f'`/billing company set "{result.name}" email:<address>`)'
    )


def _company(result: CompanyView, audience: str) -> str:
    lines = [
        f"*{result.name}*",
        _invoice_email(result),
        f"Currency: {result.currency} · Time zone: {result.timezone}",
        f"Billing: {result.billing_mode} · Payment status: {result.payment_status}",
        f"Your role: {result.your_role or 'none (operator view)'}",
        f"Apps ({len(result.apps)}):" if result.apps else "No apps yet.",
    ]
    lines += [_app_line(app, audience, with_company=False) for app in result.apps]
    return "\n".join(lines)


def _apps(result: AppList, audience: str) -> str:
    where = f" of {result.company}" if result.company else ""
    if not result.items:
        return f"No apps{where} yet."
    lines = [f"Apps{where} ({len(result.items)}):"]
    lines += [_app_line(a, audience, with_company=result.company is None) for a in result.items]
    return "\n".join(lines)


TEXTS: dict[type, Callable[[Any, str], str]] = {
    CompanyList: _companies,
    CompanyView: _company,
    AppList: _apps,
}
