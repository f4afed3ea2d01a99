"""The form an org admin fills in to list a service. Choices that map onto several boolean model
fields (settings, mentor types, referral routes) are asked as one question each."""

from django import forms

from core.once import SubmitOnceForm

from ..constants import (
    DeliverySetting,
    ExcludedOffence,
    Language,
    MentorType,
    ReferralRoute,
)
from ..models import LocalAuthority, Location, Prison, Region, Service, TaxonomyTerm

# Question name -> {choice value: model field}
GROUPED_BOOLEANS = {
    "settings": {choice.value: choice.value for choice in DeliverySetting},
    "mentor_types": {
        MentorType.VOLUNTEER: "volunteer_mentors",
        MentorType.LIVED_EXPERIENCE: "lived_experience_mentors",
        MentorType.PAID: "paid_mentors",
    },
    "referral_routes": {
        ReferralRoute.SELF: "self_referral",
        ReferralRoute.PROBATION: "probation_referral",
        ReferralRoute.PRISON_STAFF: "prison_staff_referral",
    },
}

YES_NO = [(True, "Yes"), (False, "No")]


def _yes_no(value) -> bool:
    return value in (True, "True", "true", "on", "1")


class ServiceForm(SubmitOnceForm, forms.ModelForm):
    settings = forms.MultipleChoiceField(
        label="Where does the mentoring happen?",
        help_text="Select all that apply",
        choices=DeliverySetting.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select where the mentoring happens"},
    )
    mentor_types = forms.MultipleChoiceField(
        label="Who are the mentors?",
        help_text="Select all that apply",
        choices=MentorType.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select who the mentors are"},
    )
    referral_routes = forms.MultipleChoiceField(
        label="How can people be referred?",
        help_text="Select all that apply",
        choices=ReferralRoute.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select how people can be referred"},
    )
    accepting_referrals = forms.TypedChoiceField(
        label="Are you taking new people now?",
        choices=YES_NO,
        coerce=_yes_no,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you are taking new people now"},
    )
    is_free = forms.TypedChoiceField(
        label="Is the service free to the person mentored?",
        choices=YES_NO,
        coerce=_yes_no,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if the service is free"},
    )
    excluded_offences = forms.MultipleChoiceField(
        label="Offences you cannot take",
        help_text="Leave blank if you can work with anyone",
        choices=ExcludedOffence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    # Location.services is the relation; from the service's side it is declared here.
    locations = forms.ModelMultipleChoiceField(
        label="Places you meet people (optional)",
        help_text="Add places on the ‘Places’ page",
        queryset=Location.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    url = forms.URLField(
        label="Website (optional)",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a website address, like https://example.org"},
    )
    languages = forms.MultipleChoiceField(
        label="Languages mentoring is offered in",
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Service
        fields = [
            "name",
            "summary",
            "description",
            "pathways",
            "gender",
            "minimum_age",
            "maximum_age",
            "eligibility",
            "excluded_offences",
            "national",
            "regions",
            "local_authorities",
            "prisons",
            "languages",
            "is_free",
            "cost_description",
            "how_to_refer",
            "accepting_referrals",
            "typical_wait_weeks",
            "email",
            "phone",
            "url",
            "name_cy",
            "summary_cy",
            "description_cy",
            "how_to_refer_cy",
        ]
        labels = {
            "name": "Service name",
            "summary": "Summary",
            "description": "Description",
            "pathways": "What does the service help with?",
            "gender": "Who can use the service?",
            "minimum_age": "Youngest age (optional)",
            "maximum_age": "Oldest age (optional)",
            "eligibility": "Who it is for (optional)",
            "national": "The service covers all of England and Wales",
            "regions": "Whole regions covered",
            "local_authorities": "Council areas covered",
            "prisons": "Prisons you work in",
            "cost_description": "What does it cost? (optional)",
            "how_to_refer": "How to ask for a mentor (optional)",
            "typical_wait_weeks": "Typical wait, in weeks (optional)",
            "email": "Email address (optional)",
            "phone": "Telephone (optional)",
            "url": "Website (optional)",
            # In Welsh, as the person filling them in writes Welsh (their hints say it in English).
            "name_cy": "Enw'r gwasanaeth (optional)",
            "summary_cy": "Crynodeb (optional)",
            "description_cy": "Disgrifiad (optional)",
            "how_to_refer_cy": "Sut i ofyn am fentor (optional)",
        }
        help_texts = {
            "summary": "One or two sentences shown in search results, up to 300 characters",
            "description": "What happens, how often mentors meet people and for how long",
            "eligibility": "For example, men returning to Merseyside",
            "how_to_refer": "For example, what to write on a prison application",
            "name_cy": "The service name in Welsh. Leave blank if it is the same in Welsh",
            "summary_cy": "The summary in Welsh, up to 300 characters",
            "description_cy": "The description in Welsh",
            "how_to_refer_cy": "How to ask for a mentor, in Welsh",
        }
        widgets = {
            "pathways": forms.CheckboxSelectMultiple,
            "gender": forms.RadioSelect,
            "regions": forms.CheckboxSelectMultiple,
            "local_authorities": forms.CheckboxSelectMultiple,
            "prisons": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 6}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "how_to_refer": forms.Textarea(attrs={"rows": 3}),
            "description_cy": forms.Textarea(attrs={"rows": 6, "lang": "cy"}),
            "how_to_refer_cy": forms.Textarea(attrs={"rows": 3, "lang": "cy"}),
            "name_cy": forms.TextInput(attrs={"lang": "cy"}),
            "summary_cy": forms.TextInput(attrs={"lang": "cy"}),
            "minimum_age": forms.TextInput(attrs={"inputmode": "numeric"}),
            "maximum_age": forms.TextInput(attrs={"inputmode": "numeric"}),
            "typical_wait_weeks": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "name": {"required": "Enter the service name"},
            "summary": {
                "required": "Enter a summary",
                "max_length": "Summary must be 300 characters or fewer",
            },
            "description": {"required": "Enter a description"},
            "name_cy": {"max_length": "The Welsh name must be 200 characters or fewer"},
            "summary_cy": {"max_length": "The Welsh summary must be 300 characters or fewer"},
            "pathways": {"invalid_choice": "Select the kinds of help from the list"},
            "minimum_age": {"invalid": "Enter the youngest age as a whole number, like 18"},
            "maximum_age": {"invalid": "Enter the oldest age as a whole number, like 25"},
            "typical_wait_weeks": {"invalid": "Enter the wait as a whole number of weeks"},
            "email": {"invalid": "Enter an email address in the correct format"},
            "url": {"invalid": "Enter a website address starting with https://"},
        }

    def __init__(self, *args, organisation, draft=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locations"].queryset = Location.objects.filter(organisation=organisation)
        self.fields["pathways"].queryset = TaxonomyTerm.objects.pathways()
        self.fields["pathways"].required = True
        self.fields["pathways"].error_messages["required"] = "Select at least one kind of help"
        self.fields["regions"].queryset = Region.objects.order_by("name")
        self.fields["local_authorities"].queryset = LocalAuthority.objects.select_related(
            "region"
        ).order_by("region__name", "name")
        self.fields["prisons"].queryset = Prison.objects.filter(is_open=True)
        if self.instance.pk:
            self.initial["locations"] = [location.pk for location in self.instance.locations.all()]
            for name, mapping in GROUPED_BOOLEANS.items():
                self.initial[name] = [
                    value for value, field in mapping.items() if getattr(self.instance, field)
                ]
        if draft:
            # Changes to a published service waiting to be published: the form continues them.
            for name in [*self.Meta.fields, "locations"]:
                if name in draft:
                    self.initial[name] = draft[name]
            for name, mapping in GROUPED_BOOLEANS.items():
                self.initial[name] = [
                    value
                    for value, field in mapping.items()
                    if draft.get(field, getattr(self.instance, field))
                ]

    def clean(self):
        cleaned = super().clean()
        for name, group_of in LONG_LISTS.items():
            # "Select all in <region>" boxes work without JavaScript: every choice in the
            # groups ticked joins the choices ticked one by one.
            groups = (
                set(self.data.getlist(f"all_{name}")) if hasattr(self.data, "getlist") else set()
            )
            if groups and name in cleaned:
                queryset = self.fields[name].queryset
                chosen = {obj.pk for obj in cleaned[name]} | {
                    obj.pk for obj in queryset if group_of(obj) in groups
                }
                cleaned[name] = queryset.filter(pk__in=chosen)
        covers = (
            cleaned.get("national")
            or cleaned.get("regions")
            or cleaned.get("local_authorities")
            or cleaned.get("prisons")
        )
        if not covers and not self.has_error("regions"):
            self.add_error(
                "regions",
                "Select the regions, council areas or prisons the service covers, or that it "
                "covers all of England and Wales",
            )
        return cleaned

    def service_fields(self) -> dict:
        """Keyword arguments for services.service_create / service_update."""
        data = {name: self.cleaned_data[name] for name in [*self.Meta.fields, "locations"]}
        for name, mapping in GROUPED_BOOLEANS.items():
            chosen = set(self.cleaned_data[name])
            data.update({field: value in chosen for value, field in mapping.items()})
        for name in ("pathways", "regions", "local_authorities", "prisons", "locations"):
            data[name] = list(data[name])
        return data


# The long lists of the listing form, and how each is grouped (by region).
LONG_LISTS = {
    "local_authorities": lambda council: council.region.name,
    "prisons": lambda prison: prison.probation_region or "Other",
}


def grouped_options(bound_field, group_of) -> list[tuple[str, list, bool]]:
    """Checkbox options of a bound field grouped for <details> sections, e.g. councils by
    region: [(group label, [subwidget, ...], whether any is ticked), ...]."""
    groups: dict[str, list] = {}
    objects = {str(obj.pk): obj for obj in bound_field.field.queryset}
    for option in bound_field:
        label = group_of(objects[str(option.data["value"])]) or "Other"
        groups.setdefault(label, []).append(option)
    return [
        (label, options, sum(1 for option in options if option.data["selected"]))
        for label, options in sorted(groups.items())
    ]
