"""The tokens after a subcommand, sorted by its spec into positionals, options and flags."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bot.grammar.errors import Bad
from bot.grammar.specs import Spec
from bot.grammar.tokens import Token

T = TypeVar("T")


@dataclass
class Args:
    positional: list[Token] = field(default_factory=list)
    options: dict[str, Token] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def req(self, index: int) -> Token:
        return self.positional[index]

    def pos(self, index: int, read: Callable[[Token], T]) -> T | None:
        """The optional positional at `index`, read, or None if it was left out."""
        return read(self.positional[index]) if index < len(self.positional) else None

    def opt(self, key: str, read: Callable[[Token], T]) -> T | None:
        """The option `key:`, read, or None if it was left out."""
        tok = self.options.get(key)
        return None if tok is None else read(tok)


def collect(name: str, spec: Spec, tokens: list[Token]) -> Args:
    """Sort the tokens after subcommand `name`; Bad if they don't fit its spec."""
    args = Args()
    needed = sum(slot.required for slot in spec.slots)
    slot_keys = {key for slot in spec.slots for key in slot.keys}
    for tok in tokens:
        if tok.key is not None and not tok.text and not tok.escape:
            raise Bad(f"{tok.key}: needs a value after the colon.")
        if tok.key is not None and tok.key not in slot_keys:
            if tok.key not in spec.options:
                raise Bad(
                    f"Unknown option “{tok.key}:” for {name} (put a name that has a colon in"
                    " quotes)."
                )
            if tok.key in args.options:
                raise Bad(f"The option {tok.key}: is given twice.")
            args.options[tok.key] = tok
        elif tok.plain and tok.text.lower() in spec.flags and len(args.positional) >= needed:
            if tok.text.lower() in args.flags:
                raise Bad(f"{tok.shown} is given twice.")
            args.flags.add(tok.text.lower())
        else:
            args.positional.append(tok)
    _check_counts(name, spec, args)
    return args


def _check_counts(name: str, spec: Spec, args: Args) -> None:
    if len(args.positional) > len(spec.slots):
        extra = args.positional[len(spec.slots)].shown
        if not spec.slots:
            raise Bad(f"Unexpected {extra}: {name} takes no arguments.")
        raise Bad(f'Unexpected {extra} (put a name with spaces in quotes, like "Acme Corp").')
    for slot in spec.slots[len(args.positional) :]:
        if slot.required:
            raise Bad(f"Missing {slot.label}.")
    for option in spec.options.values():
        if option.required and option.key not in args.options:
            raise Bad(f"Missing {option.label}.")
    for keys in spec.together:
        missing = [k for k in keys if k not in args.options]
        if missing and len(missing) < len(keys):
            listed = ", ".join(f"{k}:" for k in keys)
            raise Bad(f"{listed} go together: give all of them or none (missing {missing[0]}:).")
