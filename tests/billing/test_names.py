"""billing.names: the one e-mail rule every door uses."""

import pytest

from billing.errors import Invalid
from billing.names import check_email, is_email


@pytest.mark.parametrize(
    ("raw", "email"),
    [
        ("ap@acme.com", "ap@acme.com"),
        ("  Billing@Acme.COM ", "billing@acme.com"),
        ("o'brien+bills@mail.example.co.uk", "o'brien+bills@mail.example.co.uk"),
    ],
)
def test_addresses_are_trimmed_and_lower_cased(raw, email):
    assert check_email(raw) == email


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not-an-email",
        "a@b",
        "a@b.c",
        "a..b@example.com",
        "a b@example.com",
        "a@-example.com",
        "a@example.123",
        "<a@example.com>",
        "x" * 65 + "@example.com",
        "a@" + "b" * 250 + ".com",
    ],
)
def test_anything_else_is_refused(raw):
    assert not is_email(raw.strip().lower())
    with pytest.raises(Invalid, match="is not an e-mail address"):
        check_email(raw)
