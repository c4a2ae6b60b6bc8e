from django import forms

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
