"""The web door: Starlette server, invite page, Stripe webhook, health and metrics."""
