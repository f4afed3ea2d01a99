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


def error_beside(body: str, field: str) -> str:
    """The error message shown beside a form field (crispy-forms-gds wraps each field in
    div_id_<name>), or "" if it has none."""
    soup = BeautifulSoup(body, "html.parser")
    group = soup.find(id=f"div_id_{field}")
    assert group is not None, f"no field {field} on the page"
    message = group.select_one(".govuk-error-message")
    if message is None:
        return ""
    hidden = message.select_one(".govuk-visually-hidden")  # "Error:" for screen readers
    if hidden is not None:
        hidden.extract()
    return message.get_text(" ", strip=True)
