"""Reading pages in tests."""

from bs4 import BeautifulSoup


def error_summary(body: str) -> list[tuple[str, str]]:
    """(message, link target) of each error in the GOV.UK error summary. Fails if a link
    points at no element of the page, as keyboard and screen-reader users follow them."""
    soup = BeautifulSoup(body, "html.parser")
    errors = []
    for link in soup.select(".govuk-error-summary__list a"):
        target = link["href"].removeprefix("#")
        assert target and soup.find(id=target), f"error link {link['href']} points nowhere"
        errors.append((link.get_text(strip=True), target))
    return errors
