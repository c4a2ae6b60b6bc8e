from django import forms
from django.utils.http import url_has_allowed_host_and_scheme

from .models import ProblemReport

PAGE_MAX = 300


def site_path(value: str | None) -> str:
    """A path on this site (Django's own check: no host, no scheme, no "/\\other.example"), else ""."""
    value = (value or "").strip()
    on_site = value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts=None)
    return value if on_site and len(value) <= PAGE_MAX else ""


class ProblemReportForm(forms.Form):
    page = forms.CharField(max_length=PAGE_MAX, widget=forms.HiddenInput)
    what = forms.CharField(
        label="What is wrong?",
        max_length=ProblemReport.WHAT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For example: a phone number that no longer works, a law that has changed, a broken link, "
        "or words that are hard to understand.",
    )
    contact = forms.EmailField(
        label="How can we reach you? (optional)",
        required=False,
        help_text="An email address, only if you want a reply. Leave it empty to stay anonymous.",
    )

    def clean_page(self) -> str:
        page = site_path(self.cleaned_data["page"])
        if not page:
            raise forms.ValidationError("That is not a page of this site.")
        return page
