"""One e-mail rule: `/billing ... email:` and the invite form (check_email) take the same
addresses."""

import pytest

from billing.errors import Invalid
from billing.names import check_email
from bot.grammar import UsageError, parse

ADDRESSES = [
    "a@b.co",
    "Billing@Acme.com",
    "a+tag@x.io",
    "o'neil@x.ie",
    "a@xn--mller-kva.de",
    "x" * 64 + "@x.com",
    "x" * 65 + "@x.com",
    "a@" + "b" * 250 + ".com",
    "jörg@müller.de",
    "a..b@x.com",
    ".a@x.com",
    "a@b.c",
    "a@1.2.3.44",
    "a@[1.2.3.4]",
    "a@-x.com",
    "a@x_y.com",
    "a@b.com.",
    "a;b@x.com",
    "\u212a@x.com",  # KELVIN SIGN: lower-cases to an ASCII k, still not an address
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_the_grammar_and_the_form_agree(address: str) -> None:
    try:
        form: str | None = check_email(address)
    except Invalid:
        form = None
    try:
        request = parse(f"company new Acme email:{address}")
        command: str | None = getattr(request, "email", None)
    except UsageError:
        command = None
    assert command == form
