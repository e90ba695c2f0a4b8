"""Help texts and usage lines, made from the table of subcommands."""

from dataclasses import dataclass

from bot.grammar.entries import AUDIENCES, ENTRIES, GROUPS, OPERATOR, Entry
from bot.grammar.errors import did_you_mean


@dataclass(frozen=True)
class Help:
    """`/billing help [<topic>]`: the one request the door answers itself, from these texts."""

    topic: str | None = None


@dataclass(frozen=True)
class HelpText:
    """What help answers: the text, shown as it is."""

    text: str


# Shown under a help text when one of its usage lines contains the marker.
_NOTES = (
    ("", 'Names with spaces go in quotes: "Acme Corp" (curly quotes work too).'),
    ("@user", "People: mention them, like @alice."),
    ("YYYY-MM-DD", "Dates are written YYYY-MM-DD, like 2025-03-01."),
    ("env:", "env: is production or staging (prod and stage work too); production if left out."),
    ("<amount>", "Amounts are plain numbers in the currency, like 49 or 1,234.50."),
    ("#channel", "Channels: type # and pick one; left out, the channel you type the command in."),
    ("HH:MM", "Times are 24-hour, on the company's clock (its time zone), like 09:00."),
)

_BY_NAME = {entry.name: entry for entry in ENTRIES}


def _clean(text: str) -> str:
    words = text.strip().strip("\"'“”„‘’").lower().split()
    if words[:1] in (["/billing"], ["billing"]):
        words = words[1:]
    return " ".join(words)


def usage_of(subcommand: str) -> str:
    """`usage_of("app new")` -> its usage line; a group word ("app") gives all its lines.

    Raises KeyError for names that are not in the table.
    """
    name = _clean(subcommand)
    if name in _BY_NAME:
        return _BY_NAME[name].usage
    lines = group_usage(name)
    if not lines:
        raise KeyError(subcommand)
    return lines


def group_usage(word: str, audience: str = OPERATOR) -> str:
    """The usage lines of every subcommand starting with `word` that the audience may use
    ("" if none)."""
    return "\n".join(
        e.usage_for(audience)
        for e in ENTRIES
        if e.name.split()[0] == word and e.visible_to(audience)
    )


def help_text(topic: str | None, audience: str) -> str:
    """The overview (no topic) or the usage and examples for one topic, for one audience."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}")
    visible = [e for e in ENTRIES if e.visible_to(audience)]
    wanted = _clean(topic or "")
    if not wanted:
        return _overview(visible, audience)
    found = _find(wanted, visible)
    if not found:
        return _unknown(wanted, visible, audience)
    blocks = [
        f"`{e.usage_for(audience)}`\n{e.description}\nExample: `/billing {e.example}`"
        for e in found
    ]
    return "\n\n".join([*blocks, _notes(found, audience)])


def _find(topic: str, visible: list[Entry]) -> list[Entry]:
    if " " in topic:  # "app new": that subcommand only, if this audience may see it
        return [e for e in visible if e.name == topic]
    word = topic
    forms = {word, word + "s", word.removesuffix("s"), word.removesuffix("ies") + "y"}
    groups = {e.group for e in visible if e.group in forms or e.name.split()[0] in forms}
    return [e for e in visible if e.group in groups]


def _overview(visible: list[Entry], audience: str) -> str:
    lines = ["*Billing commands*"]
    for group, title in GROUPS.items():
        entries = [e for e in visible if e.group == group]
        if entries:
            lines.append(f"\n*{title}*")
            lines += [f"• `{e.usage_for(audience)}`: {e.description}" for e in entries]
    lines.append("\n" + _notes(visible, audience))
    lines.append("Type `/billing help <topic>` (like `/billing help companies`) for examples.")
    return "\n".join(lines)


def _notes(entries: list[Entry], audience: str) -> str:
    usages = " ".join(e.usage_for(audience) for e in entries)
    return "\n".join(note for marker, note in _NOTES if marker in usages)


def _unknown(topic: str, visible: list[Entry], audience: str) -> str:
    names = sorted(e.name for e in visible)
    words = sorted({e.name.split()[0] for e in visible} | {e.group for e in visible})
    hint = did_you_mean(topic, names, 0.8) or did_you_mean(topic.split()[0], words, 0.6)
    return f"I have no help on “{topic[:40]}”.{hint}\n\n" + _overview(visible, audience)
