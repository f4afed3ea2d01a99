"""The public directory's search form: a GET form, so every search is a shareable URL."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..choices import fixed_choices
from ..constants import DeliverySetting, GenderEligibility
from ..models import LocalAuthority, Prison, Region
from ..search import DirectoryFilters, read_search
from .widgets import LongSelect

MAX_SEARCH_LENGTH = 200
MAX_PAGE = 10_000


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for a mentoring service"),
        help_text=_("For example, housing, employment or the name of an organisation"),
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        error_messages={
            "max_length": _("Search for %(limit_value)s characters or fewer"),
        },
    )
    pathway = forms.ChoiceField(
        label=_("Help with"),
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of help from the list")},
    )
    area = forms.ChoiceField(
        label=_("Where you will live"),
        help_text=_("A region, or a council area"),
        required=False,
        widget=LongSelect,
        error_messages={"invalid_choice": _("Choose an area from the list")},
    )
    prison = forms.ChoiceField(
        label=_("Prison"),
        required=False,
        widget=LongSelect,
        error_messages={"invalid_choice": _("Choose a prison from the list")},
    )
    setting = forms.ChoiceField(
        label=_("Where the mentoring happens"),
        required=False,
        choices=[("", _("Anywhere")), *DeliverySetting.choices],
        error_messages={"invalid_choice": _("Choose where the mentoring happens from the list")},
    )
    gender = forms.ChoiceField(
        label=_("Services for"),
        required=False,
        choices=[
            ("", _("Anyone")),
            (GenderEligibility.WOMEN, _("Women")),
            (GenderEligibility.MEN, _("Men")),
        ],
        error_messages={"invalid_choice": _("Choose women, men or anyone")},
    )
    age = forms.IntegerField(
        label=_("Age"),
        required=False,
        min_value=10,
        max_value=110,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter age as a whole number, like 25"),
            "min_value": _("Enter an age of 10 or more"),
            "max_value": _("Enter an age of 110 or less"),
        },
    )
    lived_experience = forms.BooleanField(
        label=_("Mentors with lived experience of prison"), required=False
    )
    accepting = forms.BooleanField(label=_("Taking new people now"), required=False)
    welsh_speaking = forms.BooleanField(label=_("Mentors who speak Welsh"), required=False)
    approved_provider = forms.BooleanField(
        label=_("Approved Provider Standard holders only"), required=False
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Best match")), ("name", _("Name (A to Z)"))],
        error_messages={"invalid_choice": _("Sort by best match or name")},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": _("Page must be a whole number"),
            "min_value": _("Page must be 1 or more"),
            "max_value": format_lazy(_("Page must be {limit} or less"), limit=f"{MAX_PAGE:,}"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.corrected_text = ""
        self.place = None
        self.fields["pathway"].choices = fixed_choices("pathway", _("Any kind of help"))
        self.fields["area"].choices = fixed_choices("area", _("Anywhere in England and Wales"))
        self.fields["prison"].choices = fixed_choices("prison", _("Any prison"))

    def clean_area(self):
        """The chosen Region or LocalAuthority (None for anywhere)."""
        return area_from_choice(self.cleaned_data["area"], self.fields["area"])

    def clean_prison(self):
        return prison_from_choice(self.cleaned_data["prison"], self.fields["prison"])

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def filters(self) -> DirectoryFilters:
        data = self.cleaned_data
        area = data.get("area")
        # A town, council or postcode in the search box works as the area, unless one is chosen.
        read = read_search(data.get("q") or "", find_place=area is None)
        # Shown as "Showing results for …" so people see why their word is not in the results.
        self.corrected_text = read.text if read.corrected else ""
        self.place = read if read.local_authority else None
        return DirectoryFilters(
            text=read.text,
            text_is_corrected=True,
            pathway=data.get("pathway") or "",
            region=area if isinstance(area, Region) else None,
            local_authority=(area if isinstance(area, LocalAuthority) else read.local_authority),
            prison=data.get("prison"),
            setting=data.get("setting") or "",
            gender=data.get("gender") or "",
            age=data.get("age"),
            lived_experience=bool(data.get("lived_experience")),
            accepting=bool(data.get("accepting")),
            approved_provider_only=bool(data.get("approved_provider")),
            welsh_speaking=bool(data.get("welsh_speaking")),
            sort=data.get("sort") or "relevance",
        )

    def selected(self) -> list[tuple[str, str]]:
        """(label, query string without it) for each filter in use, to show and remove."""
        if not self.is_bound or self.errors:
            return []
        chosen = []
        for name in ("pathway", "area", "prison", "setting", "gender"):
            if self.cleaned_data.get(name):
                label = dict(_flatten(self.fields[name].choices))[self.data[name]]
                chosen.append((name, f"{self.fields[name].label}: {label}"))
        if self.cleaned_data.get("age") is not None:
            chosen.append(("age", _("Age: %(age)s") % {"age": self.cleaned_data["age"]}))
        for name in ("lived_experience", "accepting", "approved_provider", "welsh_speaking"):
            if self.cleaned_data.get(name):
                chosen.append((name, self.fields[name].label))
        return [(label, self._query_without(name)) for name, label in chosen]

    def _query_without(self, name: str) -> str:
        query = self.data.copy()
        for key in (name, "page"):
            query.pop(key, None)
        return query.urlencode()


def area_from_choice(value: str, field: forms.Field) -> Region | LocalAuthority | None:
    """The Region ("region-<id>") or LocalAuthority ("la-<GSS code>") an area choice names."""
    if value.startswith("region-"):
        found = Region.objects.filter(pk=value.removeprefix("region-")).first()
    elif value.startswith("la-"):
        found = LocalAuthority.objects.filter(gss_code=value.removeprefix("la-")).first()
    else:
        return None
    if found is None:  # Gone since the cached list was made.
        raise forms.ValidationError(field.error_messages["invalid_choice"])
    return found


def prison_from_choice(value: str, field: forms.Field) -> Prison | None:
    if not value:
        return None
    found = Prison.objects.filter(pk=value).first()
    if found is None:
        raise forms.ValidationError(field.error_messages["invalid_choice"])
    return found


def _flatten(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from label
        else:
            yield value, label
