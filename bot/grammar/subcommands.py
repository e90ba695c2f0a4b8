"""The subcommands (entry, spec and builder each) and how a line's first words pick one."""

from dataclasses import dataclass

from bot.grammar.builders import BUILDERS, Builder
from bot.grammar.entries import ENTRIES, OPERATOR, Entry
from bot.grammar.errors import Bad, did_you_mean, show
from bot.grammar.help import group_usage
from bot.grammar.specs import Spec, spec_of
from bot.grammar.tokens import Token

GENERAL_USAGE = "/billing help [<topic>]   (lists what you can do)"


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


def select(tokens: list[Token], audience: str = OPERATOR) -> tuple[Command, list[Token]]:
    """The subcommand the first one or two tokens name, and the tokens after it; the names
    suggested for a mistyped one are those the audience may use."""
    head = tokens[0]
    word = head.text.lower() if head.plain else ""
    if word not in FIRST_WORDS:
        mine = {e.name.split()[0] for e in ENTRIES if e.visible_to(audience)}
        hint = did_you_mean(head.typed.lower(), mine)
        raise Bad(f"Unknown subcommand {show(head.typed)}.{hint}", usage=GENERAL_USAGE)
    if len(tokens) > 1 and tokens[1].plain:
        name = f"{word} {tokens[1].text.lower()}"
        if name in COMMANDS:
            return COMMANDS[name], tokens[2:]
    if word in COMMANDS:
        return COMMANDS[word], tokens[1:]
    verbs = [
        name
        for name, command in COMMANDS.items()
        if name.startswith(word + " ") and command.entry.visible_to(audience)
    ]
    usage = group_usage(word, audience)
    if not verbs:
        typed = " ".join(token.typed for token in tokens[:2])
        raise Bad(f"Unknown subcommand {show(typed)}.", usage=GENERAL_USAGE)
    if len(tokens) == 1:
        listed = ", ".join(name.split()[1] for name in verbs)
        raise Bad(f"What should I do with {word}? One of: {listed}.", usage)
    name = f"{word} {tokens[1].text}"
    raise Bad(f"Unknown subcommand {show(name)}.{did_you_mean(name.lower(), verbs)}", usage)
