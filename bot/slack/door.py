"""What every listener needs: the database, the clock, the terms, who is asking, the worker
and the Home tabs being drawn."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.actors import Actors
from bot.slack.home_tabs import HomeTabs
from bot.slack.sender import Sender
from bot.slack.worker import Worker
from bot.terms import Terms
from commands.actor import Actor
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Door:
    uow: UnitOfWork
    clock: Callable[[], datetime]
    terms: Terms
    worker: Worker
    actors: Actors
    sender: Sender
    homes: HomeTabs

    def clicker(self, client: WebClient, context: BoltContext, body: dict) -> Actor:
        """Who clicked a button or sent a form."""
        return self.actors.actor(client, context.team_id or "", body["user"]["id"])


def event_team(context: BoltContext, event: dict) -> str | None:
    """The workspace an event happened in: Bolt's answer, or for an org-wide install (whose
    envelope names only the organization) the event's own team or view."""
    view = event["view"] if isinstance(event.get("view"), dict) else {}
    found = context.team_id or event.get("team") or event.get("user_team") or view.get("team_id")
    return found if isinstance(found, str) and found.startswith("T") else None
