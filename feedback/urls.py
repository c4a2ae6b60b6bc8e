from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("report/", views.report, name="report"),
    path("report/sent/", views.sent, name="sent"),
]
