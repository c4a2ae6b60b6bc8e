from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("privacy/", views.privacy, name="privacy"),
    path("schools/", views.schools, name="schools"),
]
