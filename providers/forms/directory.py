"""The public directory's search form: a GET form, so every search is a shareable URL."""

from django import forms

from ..choices import fixed_choices
from ..constants import DeliverySetting, GenderEligibility
from ..models import LocalAuthority, Prison, Region
from ..search import DirectoryFilters, read_search
from .widgets import LongSelect

MAX_SEARCH_LENGTH = 200
MAX_PAGE = 10_000


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label="Search for a mentoring service",
        help_text="For example, housing, employment or the name of an organisation",
        required=False,
        max_length=MAX_SEARCH_LENGTH,
        error_messages={
            "max_length": f"Search for {MAX_SEARCH_LENGTH} characters or fewer",
        },
    )
    pathway = forms.ChoiceField(
        label="Help with",
        required=False,
        error_messages={"invalid_choice": "Choose a kind of help from the list"},
    )
    area = forms.ChoiceField(
        label="Where you will live",
        help_text="A region, or a council area",
        required=False,
        widget=LongSelect,
        error_messages={"invalid_choice": "Choose an area from the list"},
    )
    prison = forms.ChoiceField(
        label="Prison",
        required=False,
        widget=LongSelect,
        error_messages={"invalid_choice": "Choose a prison from the list"},
    )
    setting = forms.ChoiceField(
        label="Where the mentoring happens",
        required=False,
        choices=[("", "Anywhere"), *DeliverySetting.choices],
        error_messages={"invalid_choice": "Choose where the mentoring happens from the list"},
    )
    gender = forms.ChoiceField(
        label="Services for",
        required=False,
        choices=[
            ("", "Anyone"),
            (GenderEligibility.WOMEN, "Women"),
            (GenderEligibility.MEN, "Men"),
        ],
        error_messages={"invalid_choice": "Choose women, men or anyone"},
    )
    age = forms.IntegerField(
        label="Age",
        required=False,
        min_value=10,
        max_value=110,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Enter age as a whole number, like 25",
            "min_value": "Enter an age of 10 or more",
            "max_value": "Enter an age of 110 or less",
        },
    )
    lived_experience = forms.BooleanField(
        label="Mentors with lived experience of prison", required=False
    )
    accepting = forms.BooleanField(label="Taking new people now", required=False)
    approved_provider = forms.BooleanField(
        label="Approved Provider Standard holders only", required=False
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("relevance", "Best match"), ("name", "Name (A to Z)")],
        error_messages={"invalid_choice": "Sort by best match or name"},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        widget=forms.HiddenInput,
        error_messages={
            "invalid": "Page must be a whole number",
            "min_value": "Page must be 1 or more",
            "max_value": f"Page must be {MAX_PAGE:,} or less",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.corrected_text = ""
        self.place = None
        self.fields["pathway"].choices = fixed_choices("pathway", "Any kind of help")
        self.fields["area"].choices = fixed_choices("area", "Anywhere in England and Wales")
        self.fields["prison"].choices = fixed_choices("prison", "Any prison")

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
            chosen.append(("age", f"Age: {self.cleaned_data['age']}"))
        for name in ("lived_experience", "accepting", "approved_provider"):
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
