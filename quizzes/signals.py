from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from . import services


@receiver(user_logged_in)
def keep_visitor_attempts(sender: Any, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any) -> None:
    services.quiz_attempts_claim(user=user, session=request.session)
