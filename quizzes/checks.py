"""Broken quizzes are system check errors, printed like every content error."""

from courses.checks import as_check_errors

from .registry import get_quiz_result


def check_quizzes(app_configs=None, **kwargs):
    return as_check_errors(get_quiz_result().errors)
