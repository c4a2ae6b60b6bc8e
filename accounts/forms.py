from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    """One sign-in form for every role: a student's generated username, or a grown-up's email."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username or email"
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
