"""The stand-in's Block Kit check refuses what Slack refuses (and only that)."""

from tests.e2e.block_kit import problems


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def button(text: str = "Go", action_id: str = "go", value: str = "1") -> dict:
    return {
        "type": "button",
        "text": {"type": "plain_text", "text": text},
        "action_id": action_id,
        "value": value,
    }


def view(title: str = "Statement", blocks: list | None = None) -> dict:
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": title},
        "blocks": blocks or [section("hi")],
    }


def test_what_slack_takes_passes():
    assert problems("chat.postMessage", {"blocks": [section("x" * 3000)] * 50}) == []
    actions = {"type": "actions", "elements": [button("b" * 75, "a" * 255, "v" * 2000)]}
    assert problems("respond", {"blocks": [actions]}) == []
    assert problems("views.open", {"view": view("t" * 24, [section("x")] * 100)}) == []


def test_what_slack_refuses_is_named():
    too_long = [
        ("chat.postMessage", {"blocks": [section("x")] * 51}),
        ("chat.postMessage", {"blocks": [section("x" * 3001)]}),
        ("respond", {"blocks": [{"type": "actions", "elements": [button(text="b" * 76)]}]}),
        ("respond", {"blocks": [{"type": "actions", "elements": [button(value="v" * 2001)]}]}),
        ("respond", {"blocks": [{"type": "actions", "elements": [button(action_id="a" * 256)]}]}),
        ("chat.postEphemeral", {"blocks": [{**section("x"), "block_id": "b" * 256}]}),
        ("views.publish", {"view": view(blocks=[section("x")] * 101)}),
        ("views.update", {"view": view(title="t" * 25)}),
        ("views.open", {"view": view(blocks=[{"type": "sparkles"}])}),
    ]
    for method, args in too_long:
        assert problems(method, args), (method, args)


def test_billbots_own_block_builders_fold_long_text_and_slack_takes_it():
    from bot.render.blocks import reply_blocks
    from bot.render.message_blocks import message_blocks

    lines = [f"• app{n:04d}: Basic, Dec 1–31: 49.00 USD" for n in range(5000)]
    text = "\n".join(lines)
    buttons = (("View statement", "statement_view", "1:2026-12"),) * 30
    for blocks in (reply_blocks(text), message_blocks(text, buttons)):
        assert problems("chat.postMessage", {"blocks": blocks}) == []
        shown = sum(b["text"]["text"].count("app") for b in blocks if b["type"] == "section")
        more = [b for b in blocks if b["type"] == "context"]
        counted = int(more[0]["elements"][0]["text"].split("and ")[1].split(" ")[0])
        assert shown + counted == len(lines)
