"""What a provider wrote about a service, in the page's language: the Welsh they gave when the
page is Welsh, else their English, marked as English so a note can say so and screen readers
read it with English sounds (docs/decisions/0052-welsh-service-text.md)."""

from dataclasses import dataclass

from django.utils import translation

WELSH = "cy"
ENGLISH_LANG = "en-GB"
# The texts a provider may also give in Welsh; each has a `<field>_cy` twin on Service.
WELSH_FIELDS = ("name", "summary", "description", "how_to_refer")


@dataclass(frozen=True)
class Written:
    text: str
    lang: str = ""  # set when the text is not in the page's language

    def __str__(self) -> str:
        return self.text


class ServiceText:
    """`service.text.summary` and so on: each a Written in the active language."""

    def __init__(self, service):
        self._service = service
        self._welsh = translation.get_language() == WELSH

    def _written(self, field: str) -> Written:
        english = getattr(self._service, field)
        if not self._welsh:
            return Written(english)
        welsh = getattr(self._service, f"{field}_cy")
        if welsh:
            return Written(welsh)
        return Written(english, ENGLISH_LANG if english else "")

    @property
    def name(self) -> Written:
        # A name without a Welsh version is a name, not English prose: no language, no note.
        welsh = self._welsh and self._service.name_cy
        return Written(welsh or self._service.name)

    @property
    def summary(self) -> Written:
        return self._written("summary")

    @property
    def description(self) -> Written:
        return self._written("description")

    @property
    def how_to_refer(self) -> Written:
        return self._written("how_to_refer")

    @property
    def english_only(self) -> bool:
        """On a Welsh page, whether any of the service's own words are shown in English."""
        return any(self._written(field).lang for field in ("summary", "description"))
