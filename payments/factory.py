"""The gateway the settings ask for: Stripe when STRIPE_API_KEY is set, by hand otherwise."""

from payments.gateway import Gateway
from payments.manual import ManualGateway


def gateway_for(
    api_key: str | None, *, api_base: str | None = None, webhook_secret: str | None = None
) -> Gateway:
    if not api_key:
        return ManualGateway()
    from payments.stripe_gateway import StripeGateway  # stripe's SDK is ~30 MB: only if used

    # A stand-in's errors are its bugs, not network trouble worth retrying.
    retries = 0 if api_base else 2
    return StripeGateway(
        api_key, api_base=api_base, webhook_secret=webhook_secret or "", retries=retries
    )
