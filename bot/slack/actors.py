"""Who is asking: Slack's word about them (`People`), and billbot's record of them, cached."""

import time
from collections.abc import Callable
from datetime import datetime

from slack_sdk import WebClient

from bot.slack.people import TTL_SECONDS, People
from commands.actor import Actor, identify
from storage.unit_of_work import UnitOfWork

MAX_ACTORS = 10_000  # people remembered at once (forgotten all together past it)


class Actors:
    """Each actor is remembered as long as Slack's answer about them, so a busy person's every
    click is not a write to the database."""

    def __init__(
        self, uow: UnitOfWork, clock: Callable[[], datetime], operators: frozenset[str]
    ) -> None:
        self.uow = uow
        self.clock = clock
        self.operators = operators
        self.people = People()
        self._actors: dict[tuple, tuple[float, Actor]] = {}

    def actor(self, client: WebClient, team_id: str, user_id: str, fallback: str = "") -> Actor:
        person = self.people.lookup(client, team_id, user_id, fallback)
        key = (team_id, user_id, person.name, person.account_type, person.email)
        known = self._actors.get(key)
        if known is not None and known[0] > time.monotonic():
            return known[1]
        if len(self._actors) > MAX_ACTORS:
            self._actors.clear()
        actor = identify(
            self.uow,
            team_id=team_id,
            user_id=user_id,
            name=person.name,
            account_type=person.account_type,
            email=person.email,
            now=self.clock(),
            operators=self.operators,
        )
        self._actors[key] = (time.monotonic() + TTL_SECONDS, actor)
        return actor
