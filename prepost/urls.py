from django.urls import path

from . import views

app_name = "prepost"

urlpatterns = [
    path("modules/<slug:module_id>/check/<slug:phase>/", views.check_take, name="take"),
    path("modules/<slug:module_id>/check/<slug:phase>/not-now/", views.check_not_now, name="not-now"),
]
