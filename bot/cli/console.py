"""The console: type `/billing` lines as any person and read the replies, no Slack needed."""

import hashlib
from collections.abc import Callable
from datetime import datetime
from typing import TextIO

from sqlalchemy import Engine
from sqlmodel import select

from bot.answer import answer
from bot.ask import answer_question
from bot.terms import Terms
from commands.actor import Actor, identify
from storage import lookups
from storage.tables import Person
from storage.unit_of_work import UnitOfWork

CONSOLE_TEAM = "T0CONSOLE"
KINDS = ("developer", "client", "operator")

GUIDE = """\
Type /billing lines as the current person, e.g. `/billing help` or `/billing companies`, or
ask in your own words as in a DM to the bot: `@billbot when is our next payment?`.
Console lines: `as @name [developer|client|operator]` switches person, `people` lists them,
`quit` (or Ctrl-D) leaves."""


def console_user_id(name: str) -> str:
    """A stable Slack-like id for a console person."""
    return "U" + hashlib.sha256(name.casefold().encode()).hexdigest()[:10].upper()


class Console:
    def __init__(
        self,
        engine: Engine,
        *,
        clock: Callable[[], datetime],
        operators: frozenset[str],
        terms: Terms = Terms(),
    ) -> None:
        self.terms = terms
        self.uow = UnitOfWork(engine)
        self.clock = clock
        self.operators = operators
        self.actor: Actor | None = None

    def act_as(self, name: str, kind: str | None = None) -> str:
        name = name.lstrip("@").strip()
        if not name:
            return "Say who: `as @name [developer|client|operator]`."
        if kind is not None and kind not in KINDS:
            return f"“{kind}” is not a kind of person (use developer, client or operator)."
        known = self._known(name)
        user_id = known.slack_user_id if known and known.slack_user_id else console_user_id(name)
        account = "client" if kind == "client" else "developer"
        if kind is None and known is not None:
            account = known.account_type
        operators = self.operators | ({user_id} if kind == "operator" else set())
        self.actor = identify(
            self.uow,
            team_id=CONSOLE_TEAM,
            user_id=user_id,
            name=known.name if known else name,
            account_type=account,
            now=self.clock(),
            operators=frozenset(operators),
        )
        return f"You are now {self.actor.name} ({self.actor.audience})."

    def _known(self, name: str) -> Person | None:
        with self.uow:
            workspace = lookups.workspace_by_team(self.uow.session, CONSOLE_TEAM)
            if workspace is None or workspace.id is None:
                return None
            people = lookups.people_by_name(self.uow.session, workspace.id, name)
            return people[0] if len(people) == 1 else None

    def people(self) -> str:
        with self.uow:
            workspace = lookups.workspace_by_team(self.uow.session, CONSOLE_TEAM)
            rows = self.uow.session.exec(
                select(Person).where(Person.workspace_id == (workspace.id if workspace else -1))
            ).all()
        if not rows:
            return "Nobody yet: `as @name` creates a person."
        return "People: " + ", ".join(f"{p.name} ({p.account_type})" for p in rows)

    def handle(self, line: str) -> str | None:
        """One console line in, the reply out (None: nothing to say)."""
        line = line.strip()
        words = line.split()
        if not words or line.startswith("#"):
            return None
        head = words[0].lower()
        if head == "as":
            return self.act_as(words[1] if len(words) > 1 else "", *words[2:3])
        if head == "people":
            return self.people()
        if head in ("/billing", "billing"):
            if self.actor is None:
                return "First say who you are: `as @name`."
            text = line.split(maxsplit=1)[1] if len(words) > 1 else ""
            reply = answer(text, uow=self.uow, actor=self.actor, now=self.clock(), terms=self.terms)
            lines = [reply.text]
            if reply.file_name:
                lines += [f"--- {reply.file_name} ---", reply.file_content or ""]
            for direct in reply.directs:
                to = (direct.user_id and "a Slack DM") or f"an e-mail to {direct.email}"
                lines.append(f"(sent as {to}: {direct.text})")
            return "\n".join(lines)
        if head in ("@billbot", "@bot"):
            if self.actor is None:
                return "First say who you are: `as @name`."
            said = answer_question(
                line.split(maxsplit=1)[1] if len(words) > 1 else "",
                uow=self.uow,
                actor=self.actor,
                channel_id="DCONSOLE",
                direct=True,
                now=self.clock(),
                terms=self.terms,
            ).said
            buttons = "  ".join(f"[{label}]" for label, _, _ in said.buttons)
            return said.text + (f"\n{buttons}" if buttons else "")
        if head in ("help", "?"):
            return GUIDE
        return (
            f"Lines start with /billing or @billbot (or `as`, `people`, `help`, `quit`).\n{GUIDE}"
        )

    def prompt(self) -> str:
        return f"{self.actor.name if self.actor else '?'}> "


def run_console(console: Console, stdin: TextIO, stdout: TextIO, *, echo: bool) -> None:
    """Read lines until EOF or `quit`; with `echo` the typed line is printed (piped input)."""
    stdout.write(GUIDE + "\n")
    while True:
        stdout.write(console.prompt())
        stdout.flush()
        line = stdin.readline()
        if not line:
            stdout.write("\n")
            return
        if echo:
            stdout.write(line if line.endswith("\n") else line + "\n")
        if line.strip().lower() in ("quit", "exit"):
            return
        reply = console.handle(line)
        if reply:
            stdout.write(reply + "\n")
