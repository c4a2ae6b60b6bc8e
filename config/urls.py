from django.conf import settings
from django.contrib import admin
from django.urls import include, path

# Django's admin (operators only) where PAUSE_ADMIN_URL says; nowhere when it is empty.
admin_urls = [path(settings.PAUSE_ADMIN_URL, admin.site.urls)] if settings.PAUSE_ADMIN_URL else []

urlpatterns = [
    path("", include("core.urls")),
    # The course's routes early: most requests are lessons, and Django tries each pattern in turn.
    # No route hides another (tests/integration/test_permissions.py). Quizzes before courses:
    # /modules/<module>/quiz/ must not be read as a lesson called "quiz".
    path("", include("quizzes.urls")),
    path("", include("prepost.urls")),
    path("", include("courses.urls")),
    path("", include("classrooms.urls")),
    path("", include("feedback.urls")),
    path("accounts/", include("accounts.urls")),
    *admin_urls,
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
