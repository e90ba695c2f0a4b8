"""(1a) Hostile `/billing` lines: the grammar answers every line with a request or a
`UsageError` (10,000 derandomized cases), and the whole answer path, on a real database, answers
every line with a plain reply (2,000 cases per database), never an exception or its name."""

import time

from hypothesis import given
from hypothesis import strategies as st

from bot.answer import answer
from bot.grammar import UsageError, parse
from bot.registry import SUBCOMMANDS
from tests.conftest import NOW, person
from tests.hostile.conftest import seed
from tests.hostile.inprocess import leaks
from tests.hostile.strategies import LINES, fuzz

CASES = 10_000
ANSWER_CASES = 2_000
REQUEST_TYPES = tuple(entry.request for entry in SUBCOMMANDS)


def new_leaks(text: str, typed: str) -> list[str]:
    """Exception names in a reply that the person did not type themselves."""
    return [word for word in leaks(text) if word not in typed]


def test_the_grammar_answers_every_line_with_a_request_or_a_usage_error():
    seen = {"cases": 0, "requests": 0, "usage errors": 0}
    started = time.perf_counter()

    @fuzz(CASES)
    @given(line=LINES)
    def check(line: str) -> None:
        seen["cases"] += 1
        try:
            request = parse(line)
        except UsageError as error:
            seen["usage errors"] += 1
            message = str(error)
            assert "\nUsage: /billing" in message, message
            assert len(error.reason) < 400 and "\n" not in error.reason, error.reason
            assert not new_leaks(message, line), message
            return
        seen["requests"] += 1
        assert isinstance(request, REQUEST_TYPES), request

    check()
    print(f"grammar: {seen} in {time.perf_counter() - started:.1f} s")
    assert seen["cases"] >= CASES
    assert seen["requests"] > CASES // 20 and seen["usage errors"] > CASES // 5, seen


def test_every_line_gets_a_plain_reply_through_the_real_use_cases(uow):
    seed(uow)
    people = {
        "dan": person(uow, "dan"),
        "carla": person(uow, "carla", kind="client"),
        "olivia": person(uow, "olivia", operator=True),
        "tom": person(uow, "tom", team="T2"),
    }
    seen = {"cases": 0}
    started = time.perf_counter()

    @fuzz(ANSWER_CASES)
    @given(line=LINES, who=st.sampled_from(sorted(people)), in_channel=st.booleans())
    def check(line: str, who: str, in_channel: bool) -> None:
        seen["cases"] += 1
        reply = answer(
            line,
            uow=uow,
            actor=people[who],
            now=NOW,
            channel_id="C1" if in_channel else None,
        )
        assert isinstance(reply.text, str) and reply.text.strip(), (line, reply)
        assert not new_leaks(reply.text, line), (line, reply.text)
        if reply.file_content is not None:
            assert not new_leaks(reply.file_content, line), (line, reply.file_content)

    check()
    print(f"answer(): {seen} on {uow.engine.dialect.name} in {time.perf_counter() - started:.1f} s")
    assert seen["cases"] >= ANSWER_CASES
