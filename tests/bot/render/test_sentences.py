"""The small words of replies: one line, 2 lines; a limited member, an operator."""

from bot.render.replies.sentences import a, count


def test_count_is_singular_only_for_one() -> None:
    assert [count(n, "line") for n in (0, 1, 2, 2500)] == [
        "0 lines", "1 line", "2 lines", "2,500 lines",
    ]  # fmt: skip
    assert count(1, "day") + " late" == "1 day late"


def test_the_article_follows_the_sound_of_the_word() -> None:
    assert [a(w) for w in ("operator", "limited", "unlimited", "developer", "admin")] == [
        "an operator", "a limited", "an unlimited", "a developer", "an admin",
    ]  # fmt: skip
