"""Sending a create-form twice, as a double click or the back button does (core/once.py)."""

import re


def form_key(response) -> str:
    """The hidden key the page drew its form with."""
    found = re.search(r'name="submission_key" value="([0-9a-f-]{36})"', response.text)
    assert found, "the form has no submission key"
    return found.group(1)


def post_twice(client, url: str, data: dict):
    """Show the form, then send it twice with its key; both answers."""
    sent = {**data, "submission_key": form_key(client.get(url))}
    return client.post(url, sent), client.post(url, sent)


def assert_same_confirmation(first, second):
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
