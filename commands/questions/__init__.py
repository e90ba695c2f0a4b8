"""Billing questions asked in Slack, one module per kind, read with the same rules as `/billing`."""
