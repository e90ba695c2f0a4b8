"""Delivery and scheduling: the outbox courier, its pacing, direct messages, the sweeps."""
