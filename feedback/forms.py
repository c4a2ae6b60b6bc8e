from django import forms

from .models import ProblemReport


class ProblemReportForm(forms.Form):
    page = forms.CharField(max_length=300, widget=forms.HiddenInput)
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
        page = self.cleaned_data["page"]
        if not page.startswith("/") or page.startswith("//"):
            raise forms.ValidationError("That is not a page of this site.")
        return page
