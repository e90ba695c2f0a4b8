"""What real Slack refuses of the Block Kit billbot sends (`invalid_blocks`), checked the way
the stand-in sees it: each block and element through slack_sdk's own models
(`Block.parse(...).validate_json()`, `View(...).validate_json()`), plus the published limits
those models leave to Slack. `problems(method, args)` lists what Slack would refuse."""

import json
from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block, BlockElement
from slack_sdk.models.views import View

MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "chat.update", "respond"}
VIEW_METHODS = {"views.open", "views.update", "views.publish", "views.push"}
MAX_MESSAGE_BLOCKS, MAX_VIEW_BLOCKS = 50, 100
SECTION_TEXT, BUTTON_TEXT, ID_CHARS, BUTTON_VALUE, VIEW_TITLE = 3000, 75, 255, 2000, 24


def _loaded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def problems(method: str, args: dict) -> list[str]:
    if method in MESSAGE_METHODS:
        blocks = _loaded(args.get("blocks"))
        if blocks is None:
            return []
        found = [f"{len(blocks)} blocks in a message"] if len(blocks) > MAX_MESSAGE_BLOCKS else []
        return found + [p for block in blocks for p in _block(block)]
    if method in VIEW_METHODS:
        return _view(_loaded(args.get("view")) or {})
    return []


def _view(view: dict) -> list[str]:
    found = []
    try:
        View(**view).validate_json()
    except (SlackObjectFormationError, TypeError) as error:
        found.append(f"view: {error}")
    blocks = view.get("blocks") or []
    if len(blocks) > MAX_VIEW_BLOCKS:
        found.append(f"{len(blocks)} blocks in a view")
    title = (view.get("title") or {}).get("text", "")
    if len(title) > VIEW_TITLE:
        found.append(f"view title of {len(title)} characters: {title!r}")
    return found + [p for block in blocks for p in _block(block)]


def _block(block: dict) -> list[str]:
    found = []
    try:
        parsed = Block.parse(block)
        if parsed is None or type(parsed) is Block:
            found.append(f"not a block Slack knows: {block.get('type')!r}")
        else:
            parsed.validate_json()
    except (SlackObjectFormationError, TypeError) as error:
        found.append(f"{block.get('type')} block: {error}")
    if len(block.get("block_id") or "") > ID_CHARS:
        found.append(f"block_id of {len(block['block_id'])} characters")
    if block.get("type") == "section":
        text = (block.get("text") or {}).get("text", "")
        if len(text) > SECTION_TEXT:
            found.append(f"section of {len(text)} characters")
    elements = list(block.get("elements") or []) if block.get("type") == "actions" else []
    if isinstance(block.get("accessory"), dict):
        elements.append(block["accessory"])
    return found + [p for element in elements for p in _element(element)]


def _element(element: dict) -> list[str]:
    found = []
    try:
        parsed = BlockElement.parse(element)
        if parsed is None:
            found.append(f"not an element Slack knows: {element.get('type')!r}")
        else:
            parsed.validate_json()
    except (SlackObjectFormationError, TypeError) as error:
        found.append(f"{element.get('type')}: {error}")
    if len(element.get("action_id") or "") > ID_CHARS:
        found.append(f"action_id of {len(element['action_id'])} characters")
    if element.get("type") == "button":
        text = (element.get("text") or {}).get("text", "")
        if len(text) > BUTTON_TEXT:
            found.append(f"button text of {len(text)} characters: {text[:30]!r}…")
        if len(element.get("value") or "") > BUTTON_VALUE:
            found.append(f"button value of {len(element['value'])} characters")
    return found
