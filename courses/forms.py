from django import forms

from .domain import CheckOption, Lesson, PracticeCheck
from .selectors import IMAGE_AGES


class HelpFinderForm(forms.Form):
    """Where the reader is and how old the person in the image was: nothing else is asked."""

    region = forms.ChoiceField(label="Where are you?")
    image_age = forms.ChoiceField(
        label="How old was the person in the image when it was taken?",
        choices=[*IMAGE_AGES.items(), ("unsure", "Not sure")],
        widget=forms.RadioSelect,
        initial="unsure",
        required=False,
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ChoiceField)
        region.choices = [("", "Choose a region"), *((r.id, r.name) for r in regions)]


class RegionForm(forms.Form):
    region = forms.ChoiceField(label="Your region")
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ChoiceField)
        region.choices = [(r.id, r.name) for r in regions]


class PracticeAnswerForm(forms.Form):
    """An answer to one of a lesson's practice checks: which check, and the option chosen (maybe none)."""

    check = forms.CharField(max_length=60)
    answer = forms.CharField(max_length=60, required=False)

    def __init__(self, *args, lesson: Lesson, **kwargs):
        super().__init__(*args, **kwargs)
        self.lesson = lesson

    def clean_check(self) -> PracticeCheck:
        check = self.lesson.check(self.cleaned_data["check"])
        if check is None:
            raise forms.ValidationError("This lesson has no such check.")
        return check

    def chosen(self) -> tuple[PracticeCheck, CheckOption | None]:
        """The check, and the option chosen (None when none was, or one it does not have)."""
        check = self.cleaned_data["check"]
        return check, check.option(self.cleaned_data.get("answer"))
