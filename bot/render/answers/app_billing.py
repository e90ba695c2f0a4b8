"""Which apps are billed and why one is not, and what an app costs a month; clients are not
shown the apps' environments."""

from bot.render.answers.said import Said
from commands.questions.answers import AppBilling, AppCosts, BilledApps

WHY_NOT = {
    "no_domain": "no custom domain yet (a production app is billed from the day it gets one)",
    "trial": "it is on trial, and trial days are never billed",
    "no_plan": "it has no plan yet",
    "free_plan": "its plan is not billed",
    "staging": "a staging app is billed only on a staging plan",
}


def billed_apps(result: BilledApps, audience: str) -> Said:
    if result.asked:
        (app,) = result.apps
        head = f"*Billing of {app.name} ({result.company})*: "
        if app.unbilled is None:
            return Said(head + f"billed, on {app.plan} ({_price(app)}).")
        return Said(head + f"not billed: {WHY_NOT[app.unbilled]}.")
    head = f"*Billed apps at {result.company}*"
    if not result.apps:
        return Said(head + ": it has no apps yet.")
    lines = [head]
    for app in result.apps:
        where = _where(app, audience)
        if app.unbilled is None:
            lines.append(f"• {app.name}{where}: billed, {app.plan} ({_price(app)})")
        else:
            lines.append(f"• {app.name}{where}: not billed, {WHY_NOT[app.unbilled]}")
    return Said("\n".join(lines))


def app_costs(result: AppCosts, audience: str) -> Said:
    if result.asked:
        (app,) = result.apps
        head = f"*Monthly cost of {app.name} ({result.company})*: "
        return Said(head + _cost(app) + ".")
    head = f"*Monthly cost at {result.company}*"
    if not result.apps:
        return Said(head + ": it has no apps yet.")
    lines = [head]
    lines += [f"• {app.name}{_where(app, audience)}: {_cost(app)}" for app in result.apps]
    return Said("\n".join(lines))


def _where(app: AppBilling, audience: str) -> str:
    return f" ({app.environment})" if audience != "client" else ""


def _price(app: AppBilling) -> str:
    usage = ", plus usage above its allowance" if app.metered else ""
    return f"{app.monthly} a month{usage}"


def _cost(app: AppBilling) -> str:
    if app.plan is None or app.monthly is None:
        return "nothing: it has no plan yet"
    if app.unbilled is None:
        return f"*{_price(app)}* on {app.plan}"
    return f"nothing yet: {app.plan} is {_price(app)}, but {WHY_NOT[app.unbilled]}"
