from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import services


@receiver(user_logged_in)
def keep_visitor_attempts(sender, request, user, **kwargs):
    services.quiz_attempts_claim(user=user, session=request.session)
