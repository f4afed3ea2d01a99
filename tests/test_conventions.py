"""One way to do each common thing, checked over the source so a second idiom cannot creep back.

- A view binds its form with `core.fields.posted(request)`, never `request.POST or None`: an
  empty POST (every box unticked) must still be a bound form that is checked.
- A template never compares a status to a string: the model or service says what a status
  means (`referral.is_declined`, `application.is_assessed_by(user)` passed in by the view,
  `service.is_published`), so the rule lives in one place and a renamed status cannot leave a
  page silently wrong.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("accounts", "accreditation", "core", "home", "matching", "mentees", "outcomes")
APPS += ("providers", "volunteers")

POST_OR_NONE = re.compile(r"request\.POST\s+or\s+None")
STATUS_COMPARED = re.compile(
    r"""status\s*(==|!=)\s*["']"""  # x.status == "draft"
    r"""|["']\s*(==|!=)\s*[\w.]*status\b"""  # "draft" == x.status
    r"""|\.status\s+(not\s+)?in\b"""  # x.status in "draft,sent" or in a list
)


def app_files(pattern: str):
    for app in APPS:
        yield from sorted((ROOT / app).rglob(pattern))


def offending_lines(paths, pattern: re.Pattern) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in paths
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_forms_are_bound_with_posted():
    assert offending_lines(app_files("*.py"), POST_OR_NONE) == []


def checked_templates():
    for path in sorted((ROOT / "templates").rglob("*")):
        if path.suffix in (".html", ".txt"):
            yield path


def test_templates_never_compare_a_status_to_a_string():
    assert offending_lines(checked_templates(), STATUS_COMPARED) == []


def test_the_template_check_finds_status_comparisons():
    for line in (
        '{% if referral.status == "declined" %}',
        "{% elif proposal.status != 'draft' %}",
        '{% if "draft" == application.status %}',
        '{% if match.status in "proposed,ongoing" %}',
        "{% if match.status not in live_statuses %}",
    ):
        assert STATUS_COMPARED.search(line), line
    for line in (
        "{% if referral.is_declined %}",
        "{% if value == status %} selected{% endif %}",
        "{{ referral.get_status_display }}",
    ):
        assert not STATUS_COMPARED.search(line), line


def test_the_post_check_finds_the_other_idiom():
    assert POST_OR_NONE.search("form = Form(request.POST or None, initial=x)")
    assert not POST_OR_NONE.search("form = Form(posted(request), initial=x)")
