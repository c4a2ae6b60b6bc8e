"""What a signed-in reader has finished.

A visitor's progress lives in their session; a signed-in reader's in
``LessonProgress``. Lessons are referred to by their stable ids (the module's
and the lesson's slugs) and the content hash of the version read, never by a
database key: the course is files, not rows.
"""

from django.conf import settings
from django.db import models


class LessonProgress(models.Model):
    """One row: this reader marked this lesson done. Rows only ever get added, so progress moves forward."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    module_id = models.SlugField(max_length=60)
    lesson_id = models.SlugField(max_length=60)
    content_hash = models.CharField(max_length=16, help_text="Hash of the lesson file when it was marked done.")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "module_id", "lesson_id"], name="courses_progress_once_per_lesson"),
        ]
        indexes = [models.Index(fields=["user", "module_id"], name="courses_progress_user_module")]
        verbose_name_plural = "lesson progress"

    def __str__(self):
        return f"{self.user} done {self.module_id}/{self.lesson_id}"
