"""From the text of a `/billing` line to one typed request, or one UsageError; pure, no I/O."""

import unicodedata

from billing.errors import Invalid
from bot.grammar.arguments import collect
from bot.grammar.entries import OPERATOR
from bot.grammar.errors import Bad, UsageError
from bot.grammar.help import Help, group_usage
from bot.grammar.subcommands import COMMANDS, FIRST_WORDS, GENERAL_USAGE, select
from bot.grammar.tokenizer import tokenize
from bot.grammar.tokens import unescape

MAX_LINE = 1000


def parse(text: str, audience: str = OPERATOR) -> object:
    """Tokenize, pick the subcommand, sort its arguments by its spec, build its request.

    Whatever is wrong on the way becomes a UsageError (and nothing else), here only; the
    usage and suggestions it shows are the audience's.
    """
    line = text.strip()
    if not line:
        return Help()
    words = line.split(maxsplit=2)
    usage = _line_usage(words, audience)
    try:
        _check_line(line)
        if words[0].lower() == "help":
            topic = " ".join(unescape(line[len(words[0]) :]).split()).strip("\"'“”„‘’ ")
            return Help(topic or None)
        command, rest = select(tokenize(line), audience)
        usage = command.entry.usage_for(audience)
        return command.build(collect(command.entry.name, command.spec, rest))
    except Bad as error:
        raise UsageError(error.reason, usage if error.usage is None else error.usage) from None
    except Invalid as error:  # from the rules in billing/ that value readers apply
        raise UsageError(error.message, usage) from None


def _check_line(line: str) -> None:
    if len(line) > MAX_LINE:
        raise Bad(f"That line is too long ({len(line)} characters; at most {MAX_LINE}).")
    for ch in line:
        if ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            raise Bad(f"The line contains an invisible control character (U+{ord(ch):04X}).")


def _line_usage(words: list[str], audience: str) -> str:
    """Best guess at the usage to show when the line can't even be split into tokens."""
    first = words[0].lower()
    two = " ".join(w.lower() for w in words[:2])
    if two in COMMANDS:
        return COMMANDS[two].entry.usage_for(audience)
    if first in FIRST_WORDS:
        return group_usage(first, audience) or GENERAL_USAGE
    return GENERAL_USAGE
