"""Signed, expiring links that prove a grown-up reads an address: confirming it, or moving to a new one.

No table: the link carries the account's id and the address it was sent to, signed with the
secret key (django.core.signing, with a timestamp). A link stops working when it expires, when
anything in it is changed, or when the account's address is no longer the one it was sent for.
Password-reset links are Django's own (PasswordResetTokenGenerator).
"""

from __future__ import annotations

import datetime

from django.core import signing

from .errors import Refused
from .models import User

VERIFY_SALT = "accounts.verify-email"
CHANGE_SALT = "accounts.change-email"
VERIFY_MAX_AGE = datetime.timedelta(days=3)
CHANGE_MAX_AGE = datetime.timedelta(days=1)

EXPIRED = Refused("This link has expired. Sign in and ask for a new one.")
NOT_RIGHT = Refused("This link is not right: it may have been copied only in part. Use the newest email we sent.")


def _load(token: str, *, salt: str, max_age: datetime.timedelta) -> dict[str, object]:
    """The signed contents, with a whole-number ``u`` (the account's id); Refused for anything else."""
    try:
        data = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise EXPIRED from None
    except signing.BadSignature:
        raise NOT_RIGHT from None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise NOT_RIGHT
    return data


def _user_id(data: dict[str, object]) -> int:
    user_id = data["u"]
    assert isinstance(user_id, int)  # checked by _load
    return user_id


def verify_token(user: User) -> str:
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_SALT)


def user_for_verify_token(token: str) -> User:
    """The account a confirmation link is for; Refused when it expired, was altered or is out of date."""
    data = _load(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    user = User.objects.filter(pk=_user_id(data), email=str(data.get("e"))).first()
    if user is None:
        raise NOT_RIGHT
    return user


def change_token(user: User, new_email: str) -> str:
    return signing.dumps({"u": user.pk, "from": user.email, "to": new_email}, salt=CHANGE_SALT)


def change_for_token(token: str) -> tuple[User, str]:
    """The account and its new address from a change-of-address link."""
    data = _load(token, salt=CHANGE_SALT, max_age=CHANGE_MAX_AGE)
    user = User.objects.filter(pk=_user_id(data), email=str(data.get("from"))).first()
    new_email = data.get("to")
    if user is None or not isinstance(new_email, str):
        raise NOT_RIGHT
    return user, new_email
