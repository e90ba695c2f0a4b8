"""The subcommands (entry, spec and builder each) and how a line's first words pick one."""

from dataclasses import dataclass

from bot.grammar.builders import BUILDERS, Builder
from bot.grammar.entries import ENTRIES, Entry
from bot.grammar.errors import Bad, did_you_mean, show
from bot.grammar.help import group_usage
from bot.grammar.specs import Spec, spec_of
from bot.grammar.tokens import Token


@dataclass(frozen=True)
class Command:
    entry: Entry
    spec: Spec
    build: Builder


def _commands() -> dict[str, Command]:
    if {e.name for e in ENTRIES} != set(BUILDERS):
        raise RuntimeError("bot.grammar's ENTRIES and BUILDERS disagree")
    return {e.name: Command(e, spec_of(e.args), BUILDERS[e.name]) for e in ENTRIES}


COMMANDS = _commands()
FIRST_WORDS = {name.split()[0] for name in COMMANDS}


def select(tokens: list[Token]) -> tuple[Command, list[Token]]:
    """The subcommand the first one or two tokens name, and the tokens after it."""
    head = tokens[0]
    word = head.text.lower() if head.plain else ""
    if word not in FIRST_WORDS:
        hint = did_you_mean(head.typed.lower(), FIRST_WORDS)
        raise Bad(f"Unknown subcommand {show(head.typed)}.{hint}")
    if len(tokens) > 1 and tokens[1].plain:
        name = f"{word} {tokens[1].text.lower()}"
        if name in COMMANDS:
            return COMMANDS[name], tokens[2:]
    if word in COMMANDS:
        return COMMANDS[word], tokens[1:]
    verbs = [name for name in COMMANDS if name.startswith(word + " ")]
    usage = group_usage(word)
    if len(tokens) == 1:
        listed = ", ".join(name.split()[1] for name in verbs)
        raise Bad(f"What should I do with {word}? One of: {listed}.", usage)
    name = f"{word} {tokens[1].text}"
    raise Bad(f"Unknown subcommand {show(name)}.{did_you_mean(name.lower(), verbs)}", usage)
