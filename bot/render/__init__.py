"""Rendering facts for Slack: Block Kit, fallback text and charts."""
