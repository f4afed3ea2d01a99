"""Welsh and English: which language a page is in, and the URLs of the same page in each.

The URL says the language: English pages have no prefix, Welsh ones start with /cy/. Only the
pages for the public and for people asking for a mentor have a Welsh address; staff pages stay
English and unprefixed. A route made with `translated_path` gets the prefix of the active
language, so resolving and `reverse()` follow the language the middleware takes from the path
(docs/decisions/0044-welsh-addresses.md).
"""

from django.conf import settings
from django.urls import path, translate_url
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_noop

WELSH = "cy"


def _language_prefix() -> str:
    language = translation.get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return ""
    return f"{language}/"


def _prefixed(route: str) -> str:
    return _language_prefix() + route


_prefixed_lazy = lazy(_prefixed, str)


def translated_path(route: str, view, **kwargs):
    """`path()` for a page that exists in every language: /cy/<route> in Welsh, /<route> in
    English."""
    return path(_prefixed_lazy(route), view, **kwargs)


def language_from_path(path_info: str) -> str:
    """The language a URL asks for: a known prefix other than English's, else English. An
    unknown code is not a language but a page that does not exist, so it is English too."""
    first = path_info.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE}
    return first if first in codes else settings.LANGUAGE_CODE


class LanguageFromURLMiddleware:
    """Activates the language the URL names, for the request only. The language cookie and the
    browser's Accept-Language are not read: the same URL is always the same page, which caches
    and a prison's list of approved pages both rely on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_from_path(request.path_info)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", html_lang(language))
        return response


def html_lang(language: str) -> str:
    """The code for `<html lang>` and hreflang: en-GB, cy."""
    base, _dash, region = language.partition("-")
    return f"{base}-{region.upper()}" if region else base


def alternates(request) -> list[dict]:
    """The same page in each language, or nothing when the page is English only."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return []
    here = request.get_full_path()
    urls = [(code, name, translate_url(here, code)) for code, name in settings.LANGUAGES]
    if len({url for _code, _name, url in urls}) < len(urls):
        return []
    current = translation.get_language()
    return [
        {
            "code": code,
            "lang": html_lang(code),
            "name": name,
            "url": url,
            "absolute_url": request.build_absolute_uri(url),
            "current": code == current,
        }
        for code, name, url in urls
    ]


def languages(request) -> dict:
    """Template context: the page's language and its other-language versions."""
    return {
        "HTML_LANG": html_lang(translation.get_language() or settings.LANGUAGE_CODE),
        "LANGUAGE_VERSIONS": alternates(request),
    }


# Words of other packages' templates and fields that our Welsh catalogue must also carry:
# crispy-forms-gds's date input and error summary, and the phase banner's tag.
THIRD_PARTY_WORDS = [
    gettext_noop("Day"),
    gettext_noop("Month"),
    gettext_noop("Year"),
    gettext_noop("There is a problem"),
    gettext_noop("Alpha"),
    gettext_noop("Beta"),
]
