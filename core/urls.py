from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),  # answered first by HealthCheckMiddleware
    # The same answer through the whole request path (every middleware, URL routing): for a check
    # that wants more than the process, and the bare view `make bench` sets every page beside.
    path("healthz/app", views.healthz, name="healthz-app"),
    path("privacy/", views.privacy, name="privacy"),
    path("schools/", views.schools, name="schools"),
    path("about/", views.about, name="about"),
]
