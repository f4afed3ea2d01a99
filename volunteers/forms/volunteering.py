"""Forms of the volunteer application (one per page) and of the roles org admins publish."""

from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet

from core.availability import AVAILABILITY_CHOICES, Day, PartOfDay
from core.fields import GovDateField, yes_no, yes_no_field
from core.once import SubmitOnceForm
from providers.constants import Language
from providers.forms.listings import grouped_options
from providers.models import LocalAuthority, TaxonomyTerm
from providers.postcodes import normalise_postcode

from ..constants import CriminalRecordPolicy, DBSLevel, Gender, LivedExperience
from ..models import TrainingModule, VolunteerApplication, VolunteerRole
from ..volunteer_age import date_of_birth_problem

MAX_LONG_ANSWER = 3000


def _as_it_stands(form: forms.BaseForm) -> dict:
    """Each answer on a page that can be read on its own, nothing asked for: what "Save and come
    back later" keeps of a half-filled page. An answer that cannot be read (an impossible date,
    a postcode that is not one) is left out, so what was saved before stays."""
    for field in form.fields.values():
        field.required = False
    form.full_clean()
    kept = {}
    for name, value in form.cleaned_data.items():
        if name in form.errors:
            continue
        if getattr(form.fields[name], "coerce", None) is yes_no and value == "":
            value = None  # A yes or no question not answered yet.
        elif isinstance(value, QuerySet):
            value = list(value)
        kept[name] = value
    return kept


class StepForm(forms.ModelForm):
    """One page of the application. `answers()` gives what the service saves when the page is
    complete; `draft_answers()` what it keeps of the page as it stands."""

    def answers(self) -> dict:
        return dict(self.cleaned_data)

    def draft_answers(self) -> dict:
        return _as_it_stands(self)


class AboutYouForm(StepForm):
    date_of_birth = GovDateField(
        label="Date of birth", help_text="For example, 27 3 1985", subject="your date of birth"
    )

    class Meta:
        model = VolunteerApplication
        fields = ["full_name", "date_of_birth", "gender", "gender_description", "phone", "postcode"]
        labels = {
            "full_name": "Full name",
            "gender": "What is your gender?",
            "gender_description": "If you describe yourself another way, how? (optional)",
            "phone": "Telephone number",
            "postcode": "Postcode",
        }
        help_texts = {
            "gender": "Some people ask for a mentor of the same gender, so we ask to help match "
            "you",
            "phone": "We will call you to arrange an interview",
        }
        widgets = {
            "gender": forms.RadioSelect,
            "full_name": forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "postcode": forms.TextInput(
                attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"}
            ),
        }
        error_messages = {
            "full_name": {"required": "Enter your full name"},
            "gender": {"required": "Select your gender, or that you would rather not say"},
            "phone": {"required": "Enter a telephone number we can call you on"},
            "postcode": {"required": "Enter your postcode"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("full_name", "gender", "phone", "postcode"):
            self.fields[name].required = True
        self.fields["gender"].choices = Gender.choices

    def clean_date_of_birth(self):
        date_of_birth = self.cleaned_data["date_of_birth"]
        if date_of_birth is None:  # Only when saved for later: otherwise it is asked for.
            return date_of_birth
        problem = date_of_birth_problem(date_of_birth)
        if problem:
            raise forms.ValidationError(problem)
        return date_of_birth

    def clean_postcode(self):
        if not self.cleaned_data["postcode"]:
            return ""
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError("Enter a real postcode, like L2 2HB")
        return postcode

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return phone
        digits = [c for c in phone if c.isdigit()]
        if len(digits) < 10 or any(c not in "0123456789 +()-" for c in phone):
            raise forms.ValidationError("Enter a telephone number, like 0151 496 0000")
        return phone


class LivedExperienceForm(StepForm):
    lived_experience = forms.MultipleChoiceField(
        label="Do you have lived experience of any of these?",
        help_text="Select all that apply, or none. This is optional.",
        choices=LivedExperience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = VolunteerApplication
        fields = ["lived_experience", "lived_experience_details"]
        labels = {"lived_experience_details": "Anything you would like to tell us (optional)"}
        help_texts = {
            "lived_experience_details": "You do not need to give details. Your coordinator "
            "will not ask you to share more than you want to."
        }
        widgets = {"lived_experience_details": forms.Textarea(attrs={"rows": 4})}


class AvailabilityForm(StepForm):
    availability = forms.MultipleChoiceField(
        label="When are you usually free to meet someone?",
        help_text="Select all the times that usually suit you",
        choices=AVAILABILITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one time you are usually free",
            "invalid_choice": "Select times from the table",
        },
    )

    class Meta:
        model = VolunteerApplication
        fields = ["availability"]

    def rows(self):
        """[(day label, [(part label, option), ...]), ...] for the table of checkboxes."""
        options = {option.data["value"]: option for option in self["availability"]}
        return [
            (day.label, [(part.label, options[f"{day.value}_{part.value}"]) for part in PartOfDay])
            for day in Day
        ]

    @property
    def parts(self):
        return [part.label for part in PartOfDay]


class AreasForm(StepForm):
    can_visit_prisons = yes_no_field(
        "Could you visit someone in prison?",
        "Select yes if you could visit someone in prison",
        help_text="Many mentors first meet their mentee in prison before release. We arrange "
        "the visits.",
    )

    class Meta:
        model = VolunteerApplication
        fields = ["local_authorities", "can_visit_prisons"]
        labels = {"local_authorities": "Which council areas can you get to?"}
        help_texts = {"local_authorities": "Open a region to choose its council areas"}
        widgets = {"local_authorities": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["local_authorities"]
        field.queryset = LocalAuthority.objects.select_related("region").order_by(
            "region__name", "name"
        )
        field.required = True
        field.error_messages.update(
            required="Select at least one council area you can get to",
            invalid_choice="Select council areas from the list",
            invalid_pk_value="Select council areas from the list",
        )

    def council_groups(self):
        return grouped_options(self["local_authorities"], lambda council: council.region.name)

    def answers(self) -> dict:
        data = dict(self.cleaned_data)
        data["local_authorities"] = list(data["local_authorities"])
        return data


class LanguagesForm(StepForm):
    languages = forms.MultipleChoiceField(
        label="Which languages can you mentor in?",
        help_text="Select all that apply",
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one language you can mentor in",
            "invalid_choice": "Select languages from the list",
        },
    )

    class Meta:
        model = VolunteerApplication
        fields = ["languages", "other_languages"]
        labels = {"other_languages": "Other languages (optional)"}
        help_texts = {"other_languages": "For example, Tigrinya, Kurdish"}


class SkillsForm(StepForm):
    class Meta:
        model = VolunteerApplication
        fields = ["pathways", "experience"]
        labels = {
            "pathways": "Which kinds of help could you give?",
            "experience": "Tell us about your experience in these (optional)",
        }
        help_texts = {
            "pathways": "Select all that apply. Experience from your own life counts as much as "
            "work or volunteering.",
            "experience": "For example, you have worked in a hostel, or found work yourself "
            "after prison",
        }
        widgets = {
            "pathways": forms.CheckboxSelectMultiple,
            "experience": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["pathways"]
        field.queryset = TaxonomyTerm.objects.pathways()
        field.required = True
        field.error_messages.update(
            required="Select at least one kind of help you could give",
            invalid_choice="Select the kinds of help from the list",
            invalid_pk_value="Select the kinds of help from the list",
        )

    def clean_experience(self):
        return _not_too_long(self.cleaned_data["experience"])

    def answers(self) -> dict:
        return {**self.cleaned_data, "pathways": list(self.cleaned_data["pathways"])}


class MotivationForm(StepForm):
    class Meta:
        model = VolunteerApplication
        fields = ["motivation"]
        labels = {"motivation": "Why do you want to be a mentor?"}
        help_texts = {"motivation": "A few sentences is enough"}
        widgets = {"motivation": forms.Textarea(attrs={"rows": 6})}
        error_messages = {"motivation": {"required": "Tell us why you want to be a mentor"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motivation"].required = True

    def clean_motivation(self):
        return _not_too_long(self.cleaned_data["motivation"])


def _not_too_long(text: str) -> str:
    if len(text) > MAX_LONG_ANSWER:
        raise forms.ValidationError(f"Answer must be {MAX_LONG_ANSWER} characters or fewer")
    return text


REFEREE_FIELDS = ("name", "relationship", "email", "phone")
ORDINALS = {1: "first", 2: "second"}


class RefereesForm(forms.Form):
    """Two referees, asked on one page."""

    def __init__(self, *args, instance: VolunteerApplication, **kwargs):
        super().__init__(*args, **kwargs)
        self.applicant_email = instance.applicant.email.lower()
        for position, ordinal in ORDINALS.items():
            self.fields[f"referee_{position}_name"] = forms.CharField(
                label="Full name",
                max_length=150,
                error_messages={"required": f"Enter the {ordinal} referee's full name"},
            )
            self.fields[f"referee_{position}_relationship"] = forms.CharField(
                label="How do they know you?",
                help_text="For example, my manager at work for 3 years",
                max_length=200,
                error_messages={"required": f"Enter how the {ordinal} referee knows you"},
            )
            self.fields[f"referee_{position}_email"] = forms.EmailField(
                label="Email address",
                required=False,
                error_messages={
                    "invalid": f"Enter the {ordinal} referee's email address in the correct "
                    "format, like name@example.org"
                },
            )
            self.fields[f"referee_{position}_phone"] = forms.CharField(
                label="Telephone number", required=False, max_length=30
            )
        if not self.is_bound:
            for reference in instance.references.all():
                for name in REFEREE_FIELDS:
                    self.initial[f"referee_{reference.position}_{name}"] = getattr(reference, name)

    def referees(self):
        """[(legend, [bound fields]), ...] for the page."""
        return [
            (f"{ordinal.capitalize()} referee", [self[f"referee_{p}_{n}"] for n in REFEREE_FIELDS])
            for p, ordinal in ORDINALS.items()
        ]

    def clean(self):
        cleaned = super().clean()
        emails = {}
        for position, ordinal in ORDINALS.items():
            email = (cleaned.get(f"referee_{position}_email") or "").lower()
            phone = cleaned.get(f"referee_{position}_phone") or ""
            if not self.has_error(f"referee_{position}_email") and not (email or phone):
                self.add_error(
                    f"referee_{position}_email",
                    f"Enter an email address or telephone number for the {ordinal} referee",
                )
            if email and email == self.applicant_email:
                self.add_error(
                    f"referee_{position}_email",
                    f"The {ordinal} referee must be someone other than you",
                )
            if email:
                emails[position] = email
        if len(emails) == 2 and emails[1] == emails[2]:
            self.add_error("referee_2_email", "Give two different referees")
        return cleaned

    def draft_answers(self) -> dict:
        kept = _as_it_stands(self)
        referees = []
        for position in ORDINALS:
            details = {
                name: kept.get(f"referee_{position}_{name}") or "" for name in REFEREE_FIELDS
            }
            referees.append(details if any(details.values()) else None)
        return {"referees": referees}

    def answers(self) -> dict:
        return {
            "referees": [
                {name: self.cleaned_data[f"referee_{p}_{name}"] for name in REFEREE_FIELDS}
                for p in ORDINALS
            ]
        }


class CriminalRecordForm(forms.Form):
    has_record = yes_no_field(
        "Do you have any convictions, cautions, reprimands or final warnings that are not "
        "‘protected’?",
        "Select yes if you have a conviction or caution that is not protected",
        help_text="Protected means filtered: old or minor ones that do not show on a DBS "
        "certificate and you never need to tell anyone about.",
    )
    details = forms.CharField(
        label="If yes, tell us what you are comfortable telling us now (optional)",
        help_text="For example, what it was for and when. We will talk it through with you in "
        "private.",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=MAX_LONG_ANSWER,
        error_messages={
            "max_length": f"Answer must be {MAX_LONG_ANSWER} characters or fewer",
        },
    )

    def __init__(self, *args, instance: VolunteerApplication, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            disclosure = getattr(instance, "disclosure", None)
            if disclosure is not None:
                self.initial = {"has_record": disclosure.has_record, "details": disclosure.details}

    def draft_answers(self) -> dict:
        kept = _as_it_stands(self)
        return {"has_record": kept.get("has_record"), "details": kept.get("details") or ""}

    def answers(self) -> dict:
        has_record = self.cleaned_data["has_record"]
        return {
            "has_record": has_record,
            "details": self.cleaned_data["details"] if has_record else "",
        }


class DBSConsentForm(forms.Form):
    dbs_consent = forms.BooleanField(
        label="I agree to a DBS check for this role",
        error_messages={"required": "Confirm that you agree to a DBS check"},
    )

    def __init__(self, *args, instance: VolunteerApplication, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial = {"dbs_consent": instance.dbs_consent}

    def draft_answers(self) -> dict:
        return {"dbs_consent": bool(_as_it_stands(self).get("dbs_consent"))}

    def answers(self) -> dict:
        return {"dbs_consent": self.cleaned_data["dbs_consent"]}


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    optional: bool = False


STEPS = [
    Step("about-you", "About you", AboutYouForm),
    Step("lived-experience", "Lived experience", LivedExperienceForm, optional=True),
    Step("availability", "When you are free", AvailabilityForm),
    Step("areas", "Where you can get to", AreasForm),
    Step("languages", "Languages", LanguagesForm),
    Step("skills", "Skills and experience", SkillsForm),
    Step("motivation", "Why you want to mentor", MotivationForm),
    Step("referees", "Referees", RefereesForm),
    Step("criminal-record", "Criminal record", CriminalRecordForm),
    Step("dbs-consent", "DBS check", DBSConsentForm),
]
STEPS_BY_SLUG = {step.slug: step for step in STEPS}
STEP_TITLES = {step.slug: step.title for step in STEPS}
# The task list's sections.
SECTIONS = [
    ("About you", ["about-you", "lived-experience"]),
    ("When and where", ["availability", "areas", "languages"]),
    ("Your experience", ["skills", "motivation"]),
    ("Checks", ["referees", "criminal-record", "dbs-consent"]),
]


def next_step(slug: str) -> str | None:
    slugs = [step.slug for step in STEPS]
    index = slugs.index(slug)
    return slugs[index + 1] if index + 1 < len(slugs) else None


def step_form(step: Step, application: VolunteerApplication, data=None):
    return step.form_class(data, instance=application)


# --- Org admins: roles and training modules ---------------------------------------------------


class VolunteerRoleForm(SubmitOnceForm, forms.ModelForm):
    class Meta:
        model = VolunteerRole
        fields = [
            "title",
            "summary",
            "description",
            "time_commitment",
            "training_given",
            "expenses",
            "where",
            "criminal_record_policy",
            "criminal_record_notes",
            "dbs_level",
        ]
        labels = {
            "title": "Role title",
            "summary": "Summary",
            "description": "What does a mentor do?",
            "time_commitment": "How much time do you ask for?",
            "training_given": "What training do you give?",
            "expenses": "What expenses do you pay?",
            "where": "Where would volunteers meet people? (optional)",
            "criminal_record_policy": "What does a criminal record mean for this role?",
            "criminal_record_notes": "Anything more about criminal records (optional)",
            "dbs_level": "Which DBS check does the role need?",
        }
        help_texts = {
            "title": "For example, Through-the-gate mentor",
            "summary": "One or two sentences shown in the list of roles, up to 300 characters",
            "time_commitment": "For example, 2 to 3 hours a week for at least a year",
            "expenses": "For example, travel and lunch on the days you meet your mentee",
            "where": "For example, HMP Liverpool and community venues in Liverpool and Sefton",
            "criminal_record_notes": "For example, which convictions you cannot accept and why",
            "dbs_level": "Most mentoring of adults leaving prison needs an enhanced check",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "training_given": forms.Textarea(attrs={"rows": 4}),
            "criminal_record_notes": forms.Textarea(attrs={"rows": 3}),
            "criminal_record_policy": forms.RadioSelect,
            "dbs_level": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": "Enter the role title"},
            "summary": {
                "required": "Enter a summary",
                "max_length": "Summary must be 300 characters or fewer",
            },
            "description": {"required": "Describe what a mentor does"},
            "time_commitment": {"required": "Enter how much time you ask for"},
            "training_given": {"required": "Describe the training you give"},
            "expenses": {"required": "Enter the expenses you pay, or say that you pay none"},
            "criminal_record_policy": {
                "required": "Select what a criminal record means for this role"
            },
            "dbs_level": {"required": "Select the DBS check the role needs"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criminal_record_policy"].choices = CriminalRecordPolicy.choices
        self.fields["dbs_level"].choices = DBSLevel.choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(
            "criminal_record_policy"
        ) == CriminalRecordPolicy.SOME_EXCLUDED and not cleaned.get("criminal_record_notes"):
            self.add_error(
                "criminal_record_notes",
                "Say which convictions mean you cannot offer this role, so people know before "
                "they apply",
            )
        return cleaned


class TrainingModuleForm(SubmitOnceForm, forms.ModelForm):
    required = yes_no_field(
        "Must every mentor complete it?",
        "Select yes if every mentor must complete this module",
        help_text="Mentors cannot be approved or matched until they have done required modules",
    )
    is_active = yes_no_field(
        "Is the module still in use?",
        "Select yes if the module is still in use",
        help_text="Modules no longer in use are not required and cannot be recorded",
    )

    class Meta:
        model = TrainingModule
        fields = ["name", "description", "required", "valid_for_months", "is_active"]
        labels = {
            "name": "Module name",
            "description": "What it covers (optional)",
            "valid_for_months": "How many months is it valid for? (optional)",
        }
        help_texts = {
            "name": "For example, Safeguarding adults",
            "valid_for_months": "Leave blank if it never needs refreshing",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "valid_for_months": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
        }
        error_messages = {
            "name": {"required": "Enter the module name"},
            "valid_for_months": {
                "invalid": "Enter the number of months as a whole number, like 12",
                "max_value": "Enter a number of months between 1 and 120",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            del self.fields["is_active"]

    def clean_valid_for_months(self):
        months = self.cleaned_data["valid_for_months"]
        if months is not None and not 1 <= months <= 120:
            raise forms.ValidationError("Enter a number of months between 1 and 120")
        return months
