"""Writes for accounts: sign-up for grown-ups, schools and their staff codes, and old failed sign-ins.

Students' accounts are made by classrooms (a class code or a teacher's roster), which calls in here
for nothing but credentials. Every text a person typed is checked against the model with
``full_clean()``, so SQLite refuses an over-long name just as PostgreSQL would.

Two ways to make a grown-up's account:

- ``staff_signup_request`` / ``parent_signup_request``, the sign-up pages: the account waits for
  its email to be confirmed (``email_confirm``, from the emailed link), and a teacher's school is
  created or joined only then. An address that already has an account gets no new one and no
  error: the page answers the same for every address (security review F12).
- ``staff_signup`` / ``parent_signup``: an account whose address is taken as confirmed, for the
  operator's scripts, the demo and tests, never for a page.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from . import credentials
from .errors import Refused
from .models import EMAIL_MAX, School, StaffMembership, User

logger = logging.getLogger(__name__)


class WrongStaffCode(Refused):
    """No school has this staff code: counted by the sign-up page's limit (accounts.throttle)."""


def normalise_email(email: str) -> str:
    email = User.objects.normalize_email(email.strip()).lower()
    if len(email) > EMAIL_MAX:
        raise ValidationError({"email": f"Use an email address of up to {EMAIL_MAX} characters."}, code="max_length")
    return email


def _adult_create(*, email: str, name: str, password: str, role: str, **pending: object) -> User:
    email = normalise_email(email)
    taken = Refused("An account with that email already exists. Sign in instead.")
    if User.objects.filter(username__iexact=email).exists():
        raise taken
    user = User(username=email, email=email, first_name=name.strip(), role=role, **pending)
    user.set_password(password)
    # The username is the email (already checked above); Django's username characters would refuse o'brien@….
    user.full_clean(exclude=["username"], validate_unique=False)
    try:
        with transaction.atomic():  # two sign-ups with one email at the same moment: one wins
            user.save()
    except IntegrityError:
        raise taken from None
    return user


def school_create(*, name: str) -> School:
    def create(code: str) -> School:
        school = School(name=name.strip(), staff_code=code)
        school.full_clean(validate_unique=False)  # a clashing code is an IntegrityError: with_unique draws again
        school.save()
        return school

    return credentials.with_unique(credentials.readable_code, create)


def school_for_code(staff_code: str) -> School:
    school = School.objects.filter(staff_code=credentials.normalise_code(staff_code)).first()
    if school is None:
        logger.warning("staff sign-up refused: unknown school code")
        raise WrongStaffCode("That school code is not right. Ask your school admin for it.")
    return school


@transaction.atomic
def staff_signup(*, email: str, name: str, password: str, school_name: str = "", staff_code: str = "") -> User:
    """A confirmed teacher who creates a school (becoming its school admin) or joins one by its code.

    For the operator, the demo and tests: the sign-up page uses ``staff_signup_request``.
    """
    if staff_code:
        school = school_for_code(staff_code)
        role = User.Role.TEACHER
    else:
        school = school_create(name=school_name)
        role = User.Role.SCHOOL_ADMIN
    user = _adult_create(email=email, name=name, password=password, role=role, email_verified_at=timezone.now())
    StaffMembership.objects.create(user=user, school=school)
    return user


@transaction.atomic
def parent_signup(*, email: str, name: str, password: str) -> User:
    """A confirmed parent, for the operator, the demo and tests (the page uses ``parent_signup_request``)."""
    return _adult_create(
        email=email, name=name, password=password, role=User.Role.PARENT, email_verified_at=timezone.now()
    )


@dataclass(frozen=True)
class SignupOutcome:
    user: User
    created: bool  # False: the address already had an account, and nothing was made or changed


def _adult_request(*, email: str, name: str, password: str, role: str, **pending: object) -> SignupOutcome:
    email = normalise_email(email)
    existing = User.objects.filter(username__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                return SignupOutcome(
                    _adult_create(email=email, name=name, password=password, role=role, **pending), created=True
                )
        except Refused:  # the same address signed up at the same moment
            existing = User.objects.get(username__iexact=email)
    make_password(password)  # the hashing a new account costs, so the answer takes as long
    return SignupOutcome(existing, created=False)


def staff_signup_request(
    *, email: str, name: str, password: str, school_name: str = "", staff_code: str = ""
) -> SignupOutcome:
    """A teacher signs up: the school is only remembered, and created or joined when the email is confirmed.

    A wrong staff code is refused whatever the address, so the refusal says nothing about accounts.
    """
    if staff_code:
        school = school_for_code(staff_code)
        return _adult_request(email=email, name=name, password=password, role=User.Role.TEACHER, pending_school=school)
    return _adult_request(
        email=email,
        name=name,
        password=password,
        role=User.Role.SCHOOL_ADMIN,
        pending_school_name=school_name.strip(),
    )


def parent_signup_request(*, email: str, name: str, password: str) -> SignupOutcome:
    return _adult_request(email=email, name=name, password=password, role=User.Role.PARENT)


def _carry_out_school_choice(user: User) -> None:
    """A teacher's school choice from sign-up, now that their address is confirmed."""
    if not user.is_staff_member or StaffMembership.objects.filter(user=user).exists():
        return
    if user.role == User.Role.SCHOOL_ADMIN and user.pending_school_name:
        school = school_create(name=user.pending_school_name)
    elif user.role == User.Role.TEACHER and user.pending_school is not None:
        school = user.pending_school
    else:
        logger.warning("email confirmation refused: user %s has no school to join", user.pk)
        raise Refused("The school you chose is no longer on Pause. Ask your school admin, or sign up again.")
    StaffMembership.objects.create(user=user, school=school)


def _mark_verified(user: User) -> None:
    _carry_out_school_choice(user)
    user.email_verified_at = timezone.now()
    user.pending_school_name = ""
    user.pending_school = None


@transaction.atomic
def email_confirm(*, user: User) -> User:
    """The emailed link was followed: the address is proven, and a teacher's school is created or joined."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email_verified:
        return user
    _mark_verified(user)
    user.save(update_fields=["email_verified_at", "pending_school_name", "pending_school"])
    return user


@transaction.atomic
def name_change(*, user: User, name: str) -> User:
    user.first_name = name.strip()
    user.full_clean(exclude=["username", "password"], validate_unique=False)
    user.save(update_fields=["first_name"])
    return user


def email_change_check(*, user: User, new_email: str) -> str:
    """The new address, normalised, before a link is sent to it.

    Whether another account has it is checked only when the link is followed: the page never tells.
    """
    new_email = normalise_email(new_email)
    if new_email == user.email:
        raise Refused("That is already your email address.")
    return new_email


@transaction.atomic
def email_change(*, user: User, new_email: str) -> User:
    """The link sent to the new address was followed: sign in with it from now on (it is proven)."""
    new_email = normalise_email(new_email)
    user = User.objects.select_for_update().get(pk=user.pk)
    if User.objects.filter(username__iexact=new_email).exclude(pk=user.pk).exists():
        raise Refused("Another account has that email address now, so it can't be yours on Pause.")
    user.username = user.email = new_email
    if not user.email_verified:
        _mark_verified(user)
    else:
        user.email_verified_at = timezone.now()
    try:
        with transaction.atomic():
            user.save(update_fields=["username", "email", "email_verified_at", "pending_school_name", "pending_school"])
    except IntegrityError:
        raise Refused("Another account has that email address now, so it can't be yours on Pause.") from None
    return user


@transaction.atomic
def school_rotate_staff_code(*, school: School) -> School:
    def rotate(code: str) -> School:
        School.objects.filter(pk=school.pk).update(staff_code=code)
        school.staff_code = code
        return school

    return credentials.with_unique(credentials.readable_code, rotate)


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Everything about this person goes: progress, quiz attempts, before-and-after checks, enrolments, family
    links and codes."""
    user.delete()


# --- a school admin's staff ---------------------------------------------------------------------


def _active_admins(school: School) -> models.QuerySet[User]:
    return User.objects.filter(staff_membership__school=school, role=User.Role.SCHOOL_ADMIN, is_active=True)


def ensure_not_last_admin(*, member: User) -> None:
    """Refuse whatever would leave a school with no active admin: nobody could then run it (F5)."""
    school = member.staff_membership.school
    if member.is_school_admin and member.is_active and not _active_admins(school).exclude(pk=member.pk).exists():
        raise Refused(
            f"{member.first_name} is this school’s only active admin. Make another teacher an admin first, "
            "so someone can still look after the school."
        )


@transaction.atomic
def staff_set_admin(*, member: User, admin: bool) -> User:
    """Make a teacher a school admin, or an admin a teacher again (not the last active admin)."""
    member = User.objects.select_for_update().get(pk=member.pk)  # two admins at once: one waits
    if not admin:
        ensure_not_last_admin(member=member)
    member.role = User.Role.SCHOOL_ADMIN if admin else User.Role.TEACHER
    member.full_clean(exclude=["username", "password"], validate_unique=False)
    member.save(update_fields=["role"])
    logger.info("staff %s role set to %s", member.pk, member.role)
    return member


@transaction.atomic
def staff_set_active(*, member: User, active: bool) -> User:
    """Deactivate a member of staff (they can no longer sign in, and any session of theirs ends; their
    classes stay, for an admin to hand on), or let them back in."""
    member = User.objects.select_for_update().get(pk=member.pk)
    if not active:
        ensure_not_last_admin(member=member)
    member.is_active = active
    member.full_clean(exclude=["username", "password"], validate_unique=False)
    member.save(update_fields=["is_active"])
    logger.info("staff %s %s", member.pk, "reactivated" if active else "deactivated")
    return member


def logins_unlock(*, usernames: list[str]) -> int:
    """Forget these usernames' failed sign-ins, so a lockout ends now: a new passphrase really unlocks.

    One read finds the few that have any; django-axes' own reset clears each of those (a class's
    reissue usually writes nothing here, so it adds no wait for the SQLite write lock)."""
    failed = AccessAttempt.objects.filter(username__in=usernames).values_list("username", flat=True).distinct()
    return sum(axes_reset(username=username) for username in set(failed))


def failed_logins_purge(*, now: datetime.datetime | None = None) -> int:
    """Forget failed sign-ins once their lockout has long passed: a day after the cool-off."""
    cutoff = (now or timezone.now()) - settings.AXES_COOLOFF_TIME - datetime.timedelta(days=1)
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()
    return deleted
