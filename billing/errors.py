"""Domain errors: every refusal carries a stable code and a sentence a user can act on."""


class DomainError(Exception):
    """A use case refused; `code` is stable, `message` is shown to the user."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotFound(DomainError):
    """Unknown name, and also a name the actor may not see (same answer on purpose)."""

    code = "not_found"


class NotAllowed(DomainError):
    code = "not_allowed"


class Invalid(DomainError):
    code = "invalid"


class AlreadyExists(DomainError):
    code = "already_exists"


class LastOwner(DomainError):
    code = "last_owner"


class OwnRole(DomainError):
    code = "own_role"
