"""The Slack door: the Bolt app, its after-ack worker, actors, and one listener per surface."""
