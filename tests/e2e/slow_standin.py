"""A slow Slack Web API stand-in for delivery fault tests. Run as its own process.

chat.postMessage takes the message at once (Slack has it from then on) and answers only after
--delay-ms, so a sender killed in between never learns its message went out. It keeps what it
took, with its metadata, for conversations.history (and conversations.open gives a user's DM
channel, as slack_standin.py does), takes chart uploads (files.getUploadURLExternal, the upload
itself, files.completeUploadExternal) and answers {"ok": true} to anything else. With
--dead-upload-url the upload URLs it hands out lead nowhere (a network fault mid-upload).

    GET  /_stats   {"accepted", "duplicates" (extra accepts of one metadata key), "messages":
                   [{"channel", "key", "ts", "time", "token", "text"}], "uploads": [...],
                   "calls": {method: count}}
    POST /_reset   forget everything

Usage: python slow_standin.py [--delay-ms 100] [--dead-upload-url]
(prints "PORT <n>" once listening on 127.0.0.1)
"""

import argparse
import asyncio
import itertools
import json
import socket
import time
from collections import Counter
from typing import Any

from aiohttp import web

MESSAGES: list[dict[str, Any]] = []
UPLOADS: list[dict[str, Any]] = []
CALLS: Counter[str] = Counter()
DELAY = web.AppKey("delay", float)
DEAD_UPLOADS = web.AppKey("dead_uploads", bool)
_ts = itertools.count()
_files = itertools.count(1)


def _ok(**payload: Any) -> web.Response:
    return web.json_response({"ok": True, **payload})


async def _arguments(request: web.Request) -> dict[str, Any]:
    args: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            args.update(await request.json())
        else:
            args.update(dict(await request.post()))
    return args


def _true(value: Any) -> bool:
    return value is True or str(value).lower() in ("1", "true")


def _dm(channel: str) -> str:
    return "D" + channel if channel.startswith(("U", "W")) else channel


async def api(request: web.Request) -> web.Response:
    method = request.match_info["method"]
    CALLS[method] += 1
    args = await _arguments(request)
    if method == "chat.postMessage":
        meta = args.get("metadata") or {}
        meta = json.loads(meta) if isinstance(meta, str) else meta
        channel = _dm(str(args.get("channel", "")))
        wall = time.time()
        message = {
            "channel": channel,
            "key": (meta.get("event_payload") or {}).get("key"),
            "ts": f"{int(wall)}.{next(_ts):06d}",
            "time": wall,
            "token": (request.headers.get("authorization") or "").removeprefix("Bearer "),
            "text": args.get("text"),
            "metadata": meta,
        }
        MESSAGES.append(message)  # taken: from here on Slack has it, answered or not
        await asyncio.sleep(request.app[DELAY])
        return _ok(channel=channel, ts=message["ts"])
    if method == "conversations.open":
        return _ok(channel={"id": _dm(str(args.get("users", "")))})
    if method == "conversations.history":
        oldest = float(args.get("oldest") or 0)
        limit = int(args.get("limit") or 100)
        found = [
            m
            for m in reversed(MESSAGES)
            if m["channel"] == args.get("channel") and float(m["ts"]) > oldest
        ]
        with_meta = _true(args.get("include_all_metadata"))
        messages = [
            {
                "type": "message",
                "ts": m["ts"],
                "text": m["text"],
                **({"metadata": m["metadata"]} if with_meta and m["metadata"] else {}),
            }
            for m in found[:limit]
        ]
        return _ok(messages=messages, has_more=len(found) > limit)
    if method == "conversations.replies":  # a thread: its parent, then the files shared in it
        ts, channel = args.get("ts"), args.get("channel")
        shared = [
            {"type": "message", "ts": u["ts"], "thread_ts": ts, "files": u["files"]}
            for u in UPLOADS
            if u["thread_ts"] == ts and u["channel"] == channel
        ]
        return _ok(messages=[{"type": "message", "ts": ts, "thread_ts": ts}, *shared])
    if method == "files.getUploadURLExternal":
        file_id = f"F{next(_files)}"
        host = "127.0.0.1:9" if request.app[DEAD_UPLOADS] else request.host  # 9: nobody there
        upload_url = f"http://{host}/upload/{file_id}"
        return _ok(file_id=file_id, upload_url=upload_url)
    if method == "files.completeUploadExternal":
        files = args.get("files") or "[]"
        files = json.loads(files) if isinstance(files, str) else files
        UPLOADS.append(  # shared as a reply in the thread: a message with a ts of its own
            {
                "channel": args.get("channel_id"),
                "thread_ts": args.get("thread_ts"),
                "ts": f"{int(time.time())}.{next(_ts):06d}",
                "files": files,
            }
        )
        return _ok(files=[{"id": f.get("id"), "title": f.get("title")} for f in files])
    if method == "auth.test":
        return _ok(team_id="T1", team="Agency", user_id="UBOT", bot_id="BBOT")
    return _ok()


async def upload(request: web.Request) -> web.Response:
    await request.read()
    return web.Response(text="OK")


async def stats(request: web.Request) -> web.Response:
    counts = Counter(m["key"] for m in MESSAGES)
    return web.json_response(
        {
            "accepted": len(MESSAGES),
            "duplicates": sum(n - 1 for n in counts.values() if n > 1),
            "messages": [{k: v for k, v in m.items() if k != "metadata"} for m in MESSAGES],
            "uploads": UPLOADS,
            "calls": dict(CALLS),
        }
    )


async def reset(request: web.Request) -> web.Response:
    MESSAGES.clear()
    UPLOADS.clear()
    CALLS.clear()
    return _ok()


async def serve(delay: float, dead_uploads: bool) -> None:
    app = web.Application()
    app[DELAY] = delay
    app[DEAD_UPLOADS] = dead_uploads
    app.router.add_route("*", "/api/{method}", api)
    app.router.add_post("/upload/{file}", upload)
    app.router.add_get("/_stats", stats)
    app.router.add_post("/_reset", reset)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock, backlog=1024).start()
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay-ms", type=float, default=100.0)
    parser.add_argument(
        "--dead-upload-url", action="store_true", help="hand out upload URLs nobody listens on"
    )
    args = parser.parse_args()
    asyncio.run(serve(args.delay_ms / 1000, args.dead_upload_url))


if __name__ == "__main__":
    main()
