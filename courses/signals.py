from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.autoreload import autoreload_started

from . import services


@receiver(autoreload_started)
def watch_content(sender, **kwargs):
    """In development, editing a content file restarts the server, which reloads the course."""
    sender.watch_dir(settings.PAUSE_CONTENT_DIR, "**/*.yaml")
    sender.watch_dir(settings.PAUSE_CONTENT_DIR, "**/*.md")


@receiver(user_logged_in)
def keep_visitor_progress(sender, request, user, **kwargs):
    """Lessons a visitor finished before signing in count for their account."""
    services.lesson_progress_merge_session(user=user, session=request.session)
