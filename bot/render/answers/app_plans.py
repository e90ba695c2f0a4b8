"""The plan of each app asked about; clients are not shown the apps' environments."""

from bot.render.answers.said import Said
from bot.render.notice_words import day
from commands.app_views import NO_DOMAIN_YET, AppView
from commands.questions.answers import AppPlans


def app_plans(result: AppPlans, audience: str) -> Said:
    if not result.apps:
        return Said(f"*Plans at {result.company}*: it has no apps yet.")
    head = (
        f"*Plan of {result.asked} ({result.company})*"
        if result.asked
        else f"*Plans at {result.company}*"
    )
    return Said("\n".join([head, *(_plan_line(a, audience) for a in result.apps)]))


def _plan_line(app: AppView, audience: str) -> str:
    where = f" ({app.environment})" if audience != "client" else ""
    since = f" since {day(app.plan_since)}" if app.plan_since else ""
    words = [f"{app.plan}{since}" if app.plan else "no plan yet"]
    if app.next_plan and app.next_plan_since:
        words.append(f"{app.next_plan} from {day(app.next_plan_since)}")
    if app.trial:
        words.append("on trial")
    if app.awaits_domain:
        words.append(NO_DOMAIN_YET)
    return f"• {app.name}{where}: {', '.join(words)}"
