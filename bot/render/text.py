"""Results as plain text (Slack mrkdwn-safe): what the console prints and Slack's fallback."""

from collections.abc import Callable
from functools import singledispatch
from typing import Any

from bot.grammar.help import HelpText
from bot.render.replies import (
    billing,
    billing_changes,
    changes,
    channels,
    companies,
    invitations,
    people,
)


@singledispatch
def render(result: object, audience: str) -> str:
    raise TypeError(f"no text rendering for {type(result).__name__}")


@render.register
def _help(result: HelpText, audience: str) -> str:
    return result.text


def _in_words(sentence: Callable[[Any], str]) -> Callable[[Any, str], str]:
    return lambda result, audience: sentence(result)


for _fact, _sentence in {**changes.WORDS, **invitations.WORDS, **billing_changes.WORDS}.items():
    render.register(_fact, _in_words(_sentence))

for _fact, _text in {
    **companies.TEXTS,
    **channels.TEXTS,
    **billing.TEXTS,
    **people.TEXTS,
    **invitations.TEXTS,
}.items():
    render.register(_fact, _text)
