from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import GovDateField, in_our_words
from core.references import normalise_reference

from ..models.referrals import REFERENCE_PREFIX


class CheckRequestForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference number"),
        help_text=_("It starts with JM, like JM-7K3Q-9XRT"),
        max_length=30,
        error_messages={"required": _("Enter the reference number")},
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-10", "spellcheck": "false", "autocomplete": "off"}
        ),
    )
    date_of_birth = GovDateField(
        subject=_("the date of birth"),
        example="27 3 1990",
        label=_("Date of birth of the person who asked for a mentor"),
        help_text=_("For example, 27 3 1990"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        in_our_words(self)

    def clean_reference(self):
        reference = normalise_reference(self.cleaned_data["reference"], REFERENCE_PREFIX)
        if reference is None:
            raise forms.ValidationError(
                _("Enter the reference number in the correct format, like JM-7K3Q-9XRT")
            )
        return reference
