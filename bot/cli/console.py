"""The console: type `/billing` lines as any person and read the replies, no Slack needed."""

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from bot.answer import Reply, answer
from bot.ask import answer_question
from bot.cli.console_people import CONSOLE_TEAM, console_user_id, known_person, people_line
from bot.terms import Terms
from commands.actor import Actor, identify
from storage.unit_of_work import UnitOfWork

KINDS = ("developer", "client", "operator")
BILLING = ("/billing", "billing")
MENTION = ("@billbot", "@bot")

GUIDE = """\
Type /billing lines as the current person, e.g. `/billing help` or `/billing companies`, or
ask in your own words as in a DM to the bot: `@billbot when is our next payment?`.
Console lines: `as @name [developer|client|operator]` switches person, `people` lists them,
`quit` (or Ctrl-D) leaves."""


def reply_text(reply: Reply) -> str:
    """A /billing reply as the console shows it: its file and its messages inline."""
    lines = [reply.text]
    if isinstance(reply.file_content, bytes):  # a PDF: named, not printed
        lines.append(f"--- {reply.file_name} ({len(reply.file_content):,} bytes, PDF) ---")
    elif reply.file_name:
        lines += [f"--- {reply.file_name} ---", reply.file_content or ""]
    for direct in reply.directs:
        to = (direct.user_id and "a Slack DM") or f"an e-mail to {direct.email}"
        lines.append(f"(sent as {to}: {direct.text})")
    return "\n".join(lines)


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
        known = known_person(self.uow, name)
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

    def people(self) -> str:
        return people_line(self.uow)

    def handle(self, line: str) -> str | None:
        """One console line in, the reply out (None: nothing to say)."""
        line = line.strip()
        words = line.split()
        if not words or line.startswith("#"):
            return None
        head, rest = words[0].lower(), line.split(maxsplit=1)[1] if len(words) > 1 else ""
        if head == "as":
            return self.act_as(words[1] if len(words) > 1 else "", *words[2:3])
        if head == "people":
            return self.people()
        if head in BILLING + MENTION:
            if self.actor is None:
                return "First say who you are: `as @name`."
            if head in BILLING:
                return self._billing(self.actor, rest)
            return self._ask(self.actor, rest)
        if head in ("help", "?"):
            return GUIDE
        return (
            f"Lines start with /billing or @billbot (or `as`, `people`, `help`, `quit`).\n{GUIDE}"
        )

    def _billing(self, actor: Actor, text: str) -> str:
        reply = answer(text, uow=self.uow, actor=actor, now=self.clock(), terms=self.terms)
        return reply_text(reply)

    def _ask(self, actor: Actor, text: str) -> str:
        """A line to @billbot, answered as in a DM to the bot."""
        said = answer_question(
            text,
            uow=self.uow,
            actor=actor,
            channel_id="DCONSOLE",
            direct=True,
            now=self.clock(),
            terms=self.terms,
        ).said
        buttons = "  ".join(f"[{label}]" for label, _, _ in said.buttons)
        return said.text + (f"\n{buttons}" if buttons else "")

    def prompt(self) -> str:
        return f"{self.actor.name if self.actor else '?'}> "
