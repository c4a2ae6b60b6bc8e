from django.contrib.auth import views as auth_views
from django.urls import path

from . import account_views, views
from .forms import LoginForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="accounts/login.html", authentication_form=LoginForm),
        name="login",
    ),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("signup/teacher/", views.signup_staff, name="signup-staff"),
    path("signup/parent/", views.signup_parent, name="signup-parent"),
    path("signup/check-email/", views.check_email, name="signup-check-email"),
    path("signup/send-again/", views.resend, name="signup-resend"),
    path("confirm/<str:token>/", views.verify_email, name="verify-email"),
    path("settings/", account_views.account_settings, name="account-settings"),
    path("settings/password/", account_views.PasswordChangeView.as_view(), name="account-password"),
    path("settings/email/<str:token>/", account_views.email_change_confirm, name="email-change-confirm"),
    path("password/reset/", account_views.PasswordResetView.as_view(), name="password-reset"),
    path("password/reset/sent/", account_views.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password/reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("password/reset/done/", account_views.PasswordResetCompleteView.as_view(), name="password-reset-complete"),
]
