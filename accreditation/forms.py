"""Forms for organisations, assessors, commissioners and the public."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core import uploads
from core.fields import GovDateField
from core.references import normalise_reference
from providers.models import Region, TaxonomyTerm

from .constants import (
    EVIDENCE_MAX_BYTES,
    VERIFICATION_PREFIX,
    Decision,
    ReviewOutcome,
    SelfAssessment,
)
from .models import Area

NARRATIVE_MAX = 10_000
EVIDENCE_KINDS = (uploads.PDF, uploads.DOCX, uploads.XLSX, uploads.PNG, uploads.JPEG)
SHORT_TEXT_MAX = 5_000


def _textarea(rows: int = 6):
    return forms.Textarea(attrs={"rows": rows})


class SelfAssessmentForm(forms.Form):
    self_assessment = forms.ChoiceField(
        label="Does your organisation meet this requirement?",
        choices=SelfAssessment.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the requirement is met, partly met or not yet met"
        },
    )
    narrative = forms.CharField(
        label="How you meet it",
        help_text="What you do, who does it and how you know it works. Refer to the evidence you "
        "add below.",
        max_length=NARRATIVE_MAX,
        widget=_textarea(8),
        error_messages={
            "required": "Describe how your organisation meets the requirement",
            "max_length": f"Write {NARRATIVE_MAX:,} characters or fewer",
        },
    )
    action_plan = forms.CharField(
        label="Action plan",
        help_text="Needed if it is partly met or not yet met: what you will do to meet it, who "
        "will do it and by when",
        required=False,
        max_length=SHORT_TEXT_MAX,
        widget=_textarea(5),
        error_messages={"max_length": f"Write {SHORT_TEXT_MAX:,} characters or fewer"},
    )

    def clean(self):
        cleaned = super().clean()
        rating = cleaned.get("self_assessment")
        if rating and rating != SelfAssessment.MET and not cleaned.get("action_plan", "").strip():
            self.add_error(
                "action_plan", "Write an action plan for what is not yet met, and by when"
            )
        return cleaned


class EvidenceUploadForm(forms.Form):
    title = forms.CharField(
        label="What is the document?",
        help_text="For example, ‘Safeguarding policy, March 2026’",
        max_length=150,
        error_messages={"required": "Enter what the document is"},
    )
    upload = forms.FileField(
        label="Choose the file",
        help_text="A PDF, Word document (DOCX), Excel spreadsheet (XLSX), PNG or JPEG, 10 MB or "
        "smaller",
        error_messages={
            "required": "Choose a file to upload",
            "empty": "The file is empty",
            "invalid": "Choose a file to upload",
        },
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        self.kind = uploads.check_upload(
            upload, allowed=EVIDENCE_KINDS, max_bytes=EVIDENCE_MAX_BYTES
        )
        return upload


class ChangesForm(forms.Form):
    changes_since_award = forms.CharField(
        label="What has changed since your award?",
        help_text="Changes to your aims, staff, funding, the people you work with, your policies "
        "or how you recruit, train, supervise and match mentors. If nothing has changed in an "
        "area, say so.",
        max_length=NARRATIVE_MAX,
        widget=_textarea(10),
        error_messages={
            "required": "Describe what has changed since your award",
            "max_length": f"Write {NARRATIVE_MAX:,} characters or fewer",
        },
    )


class SupportRequestForm(forms.Form):
    areas = forms.ModelMultipleChoiceField(
        label="Which parts of the standard would you like help with? (optional)",
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select parts of the standard from the list"},
    )
    message = forms.CharField(
        label="What would you like help with?",
        help_text="An assessor will reply to you here",
        max_length=SHORT_TEXT_MAX,
        widget=_textarea(6),
        error_messages={
            "required": "Say what you would like help with",
            "max_length": f"Write {SHORT_TEXT_MAX:,} characters or fewer",
        },
    )

    def __init__(self, *args, standard=None, **kwargs):
        super().__init__(*args, **kwargs)
        if standard is not None:
            self.fields["areas"].queryset = standard.areas.all()
        self.fields["areas"].label_from_instance = lambda area: area.title


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Your review",
        choices=[
            (ReviewOutcome.ACCEPTED, "Accept: the evidence shows the requirement is met"),
            (ReviewOutcome.MORE_NEEDED, "Ask for more"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to accept the requirement or ask for more"},
    )
    comment = forms.CharField(
        label="Comment",
        help_text="The organisation sees this. If you ask for more, say what would show the "
        "requirement is met.",
        required=False,
        max_length=SHORT_TEXT_MAX,
        widget=_textarea(5),
        error_messages={"max_length": f"Write {SHORT_TEXT_MAX:,} characters or fewer"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == ReviewOutcome.MORE_NEEDED and not cleaned.get("comment"):
            self.add_error("comment", "Say what more the organisation needs to show")
        return cleaned


class VisitForm(forms.Form):
    visited_on = GovDateField(
        label="Date of the visit",
        help_text="For example, 27 3 2026",
        subject="the date of the visit",
    )
    interviewed = forms.CharField(
        label="Who was interviewed",
        help_text="Their roles, for example ‘the coordinator, two volunteer mentors and a mentee’",
        max_length=1000,
        widget=_textarea(3),
        error_messages={
            "required": "Enter who was interviewed",
            "max_length": "Write 1,000 characters or fewer",
        },
    )
    notes = forms.CharField(
        label="Notes (optional)",
        required=False,
        max_length=NARRATIVE_MAX,
        widget=_textarea(5),
        error_messages={"max_length": f"Write {NARRATIVE_MAX:,} characters or fewer"},
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to award the standard"},
    )
    feedback = forms.CharField(
        label="Feedback for the organisation",
        help_text="Needed if the standard is not met yet, unless you give feedback on "
        "requirements below",
        required=False,
        max_length=NARRATIVE_MAX,
        widget=_textarea(5),
        error_messages={"max_length": f"Write {NARRATIVE_MAX:,} characters or fewer"},
    )

    def __init__(self, *args, responses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = list(responses)
        for response in self.responses:
            requirement = response.requirement
            self.fields[f"feedback_{requirement.code}"] = forms.CharField(
                label=f"{requirement.number} {requirement.title}",
                help_text="Accepted" if response.review_outcome == ReviewOutcome.ACCEPTED else "",
                required=False,
                max_length=SHORT_TEXT_MAX,
                widget=_textarea(3),
                error_messages={"max_length": f"Write {SHORT_TEXT_MAX:,} characters or fewer"},
            )

    def requirement_fields(self):
        return [self[f"feedback_{response.requirement.code}"] for response in self.responses]

    def requirement_feedback(self) -> dict[str, str]:
        return {
            response.requirement.code: self.cleaned_data[f"feedback_{response.requirement.code}"]
            for response in self.responses
        }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Why is the award being withdrawn?",
        help_text="The organisation sees this. The public register and the certificate check say "
        "only that the award was withdrawn.",
        max_length=SHORT_TEXT_MAX,
        widget=_textarea(5),
        error_messages={
            "required": "Give the reason for withdrawing the award",
            "max_length": f"Write {SHORT_TEXT_MAX:,} characters or fewer",
        },
    )


class SupportReplyForm(forms.Form):
    reply = forms.CharField(
        label="Your reply",
        max_length=SHORT_TEXT_MAX,
        widget=_textarea(6),
        error_messages={
            "required": "Write your reply",
            "max_length": f"Write {SHORT_TEXT_MAX:,} characters or fewer",
        },
    )


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("It is on the certificate, for example APS-7K3Q-9XRT"),
        max_length=30,
        error_messages={"required": _("Enter the verification code")},
    )

    def clean_code(self):
        code = normalise_reference(self.cleaned_data["code"], VERIFICATION_PREFIX)
        if code is None:
            raise forms.ValidationError(
                _("Enter the verification code as it is on the certificate, like APS-7K3Q-9XRT")
            )
        return code


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class RegisterFilterForm(forms.Form):
    region = RegionChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        required=False,
        empty_label=_("All of England and Wales"),
        to_field_name="pk",
        error_messages={"invalid_choice": _("Choose a region from the list")},
    )


class CommissionerFilterForm(RegisterFilterForm):
    pathway = forms.ModelChoiceField(
        label="Help with",
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        empty_label="Any kind of help",
        to_field_name="code",
        error_messages={"invalid_choice": "Choose a kind of help from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pathway"].queryset = TaxonomyTerm.objects.pathways().order_by("position")
        self.fields["pathway"].label_from_instance = lambda term: term.name
