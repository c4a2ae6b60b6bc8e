from django.conf import settings

from courses.signals import watch_content


class RecordingReloader:
    def __init__(self):
        self.watched = []

    def watch_dir(self, path, glob):
        self.watched.append((path, glob))


def test_the_dev_server_watches_content_files():
    reloader = RecordingReloader()
    watch_content(sender=reloader)
    assert (settings.PAUSE_CONTENT_DIR, "**/*.yaml") in reloader.watched
    assert (settings.PAUSE_CONTENT_DIR, "**/*.md") in reloader.watched
