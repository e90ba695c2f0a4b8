"""The `/billing` language: a line to one typed request (`parse`), and its help texts."""

from bot.grammar.errors import UsageError
from bot.grammar.help import help_text, usage_of
from bot.grammar.parse import parse
from bot.grammar.tokenizer import tokenize
from bot.grammar.tokens import Link, Token

__all__ = ["Link", "Token", "UsageError", "help_text", "parse", "tokenize", "usage_of"]
