from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("classrooms.urls")),
    path("accounts/", include("accounts.urls")),
    path("admin/", admin.site.urls),
    # Before courses: /modules/<module>/quiz/ must not be read as a lesson called "quiz".
    path("", include("quizzes.urls")),
    path("", include("courses.urls")),
]

handler500 = "courses.views.server_error"
