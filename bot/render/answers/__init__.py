"""Answers to questions asked in Slack, as text and buttons, one module per kind of fact."""
