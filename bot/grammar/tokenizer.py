"""Split a `/billing` line into tokens: quotes group words, `<...>` escapes, `key:` options."""

import re

from bot.grammar.errors import Bad, show
from bot.grammar.tokens import Token, escape_ref, unescape

KEY = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):")
_SCHEMES = {"http", "https", "mailto"}  # `https://x.y` is a value, not an option
_DOUBLE = '"“”„'  # any of them closes any of them
_SINGLE_OPEN, _SINGLE_CLOSE = "'‘", "'’‘"  # closes only before a space or the end


def tokenize(line: str) -> list[Token]:
    """Split at whitespace; quotes group words; `<...>` is a Slack escape; `key:` an option."""
    tokens: list[Token] = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i].isspace():
            i += 1
        if i >= n:
            return tokens
        key = None
        match = KEY.match(line, i)
        if match and match[1].lower() not in _SCHEMES:
            key, i = match[1].lower(), match.end()
        token, i = _read_value(line, i, key)
        tokens.append(token)


def _read_value(line: str, i: int, key: str | None) -> tuple[Token, int]:
    n = len(line)
    if i < n and (line[i] in _DOUBLE or line[i] in _SINGLE_OPEN):
        end = _closing_quote(line, i)
        _space_after(line, end + 1)
        text = " ".join(line[i + 1 : end].split())
        return Token(unescape(text), key, quoted=True), end + 1
    if i < n and line[i] == "<" and (end := line.find(">", i)) != -1:
        _space_after(line, end + 1)
        body = line[i + 1 : end]
        return Token(body, key, escape=True, ref=escape_ref(body)), end + 1
    start = i
    while i < n and not line[i].isspace():
        i += 1
    return Token(unescape(line[start:i]), key), i


def _closing_quote(line: str, start: int) -> int:
    if line[start] in _DOUBLE:
        found = [j for j in range(start + 1, len(line)) if line[j] in _DOUBLE][:1]
    else:
        found = [
            j
            for j in range(start + 1, len(line))
            if line[j] in _SINGLE_CLOSE and (j + 1 == len(line) or line[j + 1].isspace())
        ][:1]
    if not found:
        raise Bad(f"Unclosed quote in {show(line[start:])}: add the closing quote.")
    return found[0]


def _space_after(line: str, i: int) -> None:
    if i < len(line) and not line[i].isspace():
        raise Bad(f"Put a space before {show(line[i:].split()[0])}.")
