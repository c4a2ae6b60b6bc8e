"""Read ``content/`` into the course: :func:`load_course` (in ``course``), one module per kind of file."""

from .course import LoadResult, load_course
from .modules import SLUG, TEACHER_NOTES

__all__ = ["SLUG", "TEACHER_NOTES", "LoadResult", "load_course"]
