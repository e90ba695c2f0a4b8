"""Slack views built from facts: the Home tab, forms, the statement modal, text modals."""
