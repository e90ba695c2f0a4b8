"""The one place where a use case's refusal (a `DomainError`) becomes what Slack shows."""

from collections.abc import Callable
from typing import TypeVar

from billing.errors import DomainError

Shown = TypeVar("Shown")


def outcome(work: Callable[[], Shown], refused: Callable[[str], Shown]) -> Shown:
    """What `work` gives to show, or, when the use case refuses, `refused(its message)`:
    the message where the answer would have been (a reply, a modal, a form's error)."""
    try:
        return work()
    except DomainError as error:
        return refused(error.message)
