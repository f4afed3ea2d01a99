"""Walking the "Ask for a mentor" journey through HTTP, page by page, as a browser without
JavaScript would."""

from django.urls import reverse


def step_url(slug: str) -> str:
    return reverse("mentees:ask_step", args=[slug])


def custody_answers(*, prison, local_authority, release, worker=False) -> list[tuple[str, dict]]:
    """(page, what is posted) for someone in prison, in the order the pages come."""
    pages = [("who", {"completed_by": "worker" if worker else "self"})]
    if worker:
        pages.append(
            (
                "your-details",
                {
                    "worker_name": "Pat Officer",
                    "worker_role": "prison",
                    "worker_organisation": "HMP Testbury",
                    "worker_email": "pat.officer@justice.example",
                    "worker_phone": "",
                },
            )
        )
    pages += [
        ("name", {"full_name": "  Sam   Example "}),
        (
            "date-of-birth",
            {"date_of_birth_0": "27", "date_of_birth_1": "3", "date_of_birth_2": "1990"},
        ),
        ("where-now", {"situation": "in_custody"}),
        ("prison", {"prison": str(prison.pk)}),
        ("prison-number", {"prison_number": "a1234 bc"}),
        (
            "release-date",
            {
                "expected_release_date_0": str(release.day),
                "expected_release_date_1": str(release.month),
                "expected_release_date_2": str(release.year),
            },
        ),
        ("area", {"local_authority": f"la-{local_authority.gss_code}"}),
        (
            "help",
            {"needs": ["accommodation", "education-training-employment"], "needs_details": ""},
        ),
        ("mentor", {"mentor_gender": "none", "lived_experience": "preferred", "language": "en"}),
    ]
    return pages


def about_you(situation: str = "in_custody", name: str = "Sam") -> list[tuple[str, dict]]:
    """The first pages for someone filling it in themselves, up to where they are now."""
    return [
        ("who", {"completed_by": "self"}),
        ("name", {"full_name": name}),
        (
            "date-of-birth",
            {"date_of_birth_0": "1", "date_of_birth_1": "1", "date_of_birth_2": "1980"},
        ),
        ("where-now", {"situation": situation}),
    ]


def finishing_pages(service=None) -> list[tuple[str, dict]]:
    pages = []
    if service is not None:
        pages.append(("choose-a-service", {"service": str(service.pk)}))
    pages += [
        ("contact", {"contact_methods": ["omu", "email"], "email": "sam@example.com"}),
        ("consent", {"consent": "on"}),
    ]
    return pages


def walk(client, pages, *, begin_with=None):
    """Begin (for a service, if given), then post each page; returns the last response."""
    url = reverse("mentees:ask_begin")
    if begin_with is not None:
        url += f"?service={begin_with.pk}"
    response = client.get(url)
    assert response.status_code == 302, response
    for slug, data in pages:
        response = client.post(step_url(slug), data)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    return response
