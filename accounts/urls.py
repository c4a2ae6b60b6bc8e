from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm
from .views import LogoutView

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("logout/", LogoutView.as_view(), name="logout"),
]
