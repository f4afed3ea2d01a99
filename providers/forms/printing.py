"""Choosing what the printable directory is for: one prison or one area, and a format."""

from django import forms

from ..choices import directory_choices
from .directory import area_from_choice, prison_from_choice
from .widgets import LongSelect

LANGUAGES = [
    ("en-gb", "English"),
    ("cy", "Welsh (Cymraeg)"),
    ("bilingual", "Welsh and English: the Welsh list, then the English one"),
]
FORMATS = [
    ("pdf", "PDF, to print on paper"),
    ("html", "Web page, to save and load on to a screened content system"),
]


class PrintDirectoryForm(forms.Form):
    prison = forms.ChoiceField(
        label="A prison",
        required=False,
        widget=LongSelect,
        error_messages={"invalid_choice": "Choose a prison from the list"},
    )
    area = forms.ChoiceField(
        label="Or an area where people will live",
        help_text="A council area, or a whole region",
        required=False,
        widget=LongSelect,
        error_messages={"invalid_choice": "Choose an area from the list"},
    )
    format = forms.ChoiceField(
        label="Format",
        choices=FORMATS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose PDF or web page",
            "invalid_choice": "Choose PDF or web page",
        },
    )

    language = forms.ChoiceField(
        label="Language",
        help_text=(
            "For a prison or area in Wales. What services wrote about themselves is printed as "
            "they wrote it, in Welsh where they gave it in Welsh."
        ),
        choices=LANGUAGES,
        required=False,  # English, as links from the directory search leave it out
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose English, Welsh, or Welsh and English"},
    )

    # Set by the "Open in this browser" button; the "Download" button leaves it out.
    show = forms.BooleanField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = directory_choices()
        self.fields["prison"].choices = [("", "Choose a prison"), *choices["prison"]]
        self.fields["area"].choices = [("", "Choose an area"), *choices["area"]]

    def clean_language(self):
        return self.cleaned_data["language"] or LANGUAGES[0][0]

    def clean_prison(self):
        return prison_from_choice(self.cleaned_data["prison"], self.fields["prison"])

    def clean_area(self):
        return area_from_choice(self.cleaned_data["area"], self.fields["area"])

    def clean(self):
        data = super().clean()
        prison, area = data.get("prison"), data.get("area")
        if "prison" in self.errors or "area" in self.errors:
            return data
        if prison is None and area is None:
            self.add_error("prison", "Choose a prison or an area")
        elif prison is not None and area is not None:
            self.add_error("area", "Choose a prison or an area, not both")
        return data

    @property
    def place(self):
        """The chosen Prison, LocalAuthority or Region (once the form is valid)."""
        return self.cleaned_data["prison"] or self.cleaned_data["area"]
