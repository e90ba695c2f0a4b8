"""Slack over Socket Mode: slack_sdk's own client holds the WebSocket (and opens a new one when
Slack says `disconnect`); each envelope is held to the shapes of bot/slack/shape.py, handed to
the same Bolt app as HTTP requests, and acknowledged at once (listeners only ack; their work
runs after, in the door's threads)."""

import logging
import time

from slack_bolt import App
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk import WebClient
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.socket_mode.websocket_client import SocketModeClient

from bot.slack.shape import read_envelope

log = logging.getLogger("billbot.slack")


def socket_client(bolt: App, app_token: str, web_client: WebClient) -> SocketModeClient:
    """Connect with `.connect()`; `web_client` answers apps.connections.open (SLACK_API_URL)."""
    client = SocketModeClient(
        app_token=app_token, web_client=web_client, logger=log, auto_reconnect_enabled=True
    )

    def on_envelope(link: BaseSocketModeClient, request: SocketModeRequest) -> None:
        started = time.time()
        body = read_envelope(request.type, request.payload)
        if body is None or body.kind == "app_rate_limited":
            # Acknowledged, so Slack does not send it again; nothing else is done with it.
            if body is None:
                log.warning("a Socket Mode envelope of type %r Slack never sends", request.type)
            link.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
            return
        response = run_bolt_app(bolt, request)
        if response.status != 200:  # nothing listens to it: acknowledged all the same
            link.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
            return
        send_response(link, request, response, started)

    client.socket_mode_request_listeners.append(on_envelope)
    return client
