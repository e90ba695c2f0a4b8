"""The Starlette app of `billbot serve`: Slack, OAuth, health, metrics and the pages, guarded."""

from slack_bolt import App
from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route

from bot.web.guard import Guard
from bot.web.health import health_routes
from bot.web.metrics import Metrics
from bot.web.slack_routes import slack_routes


def create_web_app(
    bolt: App | None,
    engine: Engine,
    metrics: Metrics,
    extra: list[Route] | None = None,
    *,
    signing_secret: str = "",
) -> Starlette:
    """Every Slack request's signature is checked here first, on the raw bytes."""
    routes = [
        *slack_routes(bolt, signing_secret),
        *health_routes(engine, metrics),
        *(extra or []),
    ]
    return Starlette(routes=routes, middleware=[Middleware(Guard, metrics=metrics)])
