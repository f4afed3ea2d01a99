"""A question-page journey whose answers live in the session until the end.

What each page sent is kept as it was typed (the raw form data), and every page's form is
validated again, in order, whenever the journey is read. So:
- nothing is stored in the database until the last page;
- a later answer can never rest on an earlier one that has since changed or gone stale (a
  release date that has passed, a prison now closed): the journey goes back to that page;
- a page reached out of order (say, check your answers, by typing its address) sends the person
  to the first question they have not answered, and loses nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.utils.datastructures import MultiValueDict

# Bounds on what one page may keep in the session, whatever is posted.
MOST_KEYS_PER_PAGE = 30
MOST_CHARACTERS_PER_VALUE = 5000


@dataclass(frozen=True)
class Step:
    slug: str
    form_class: type[forms.Form]
    title: str
    worker_title: str = ""  # the title when a worker fills the journey in for someone
    applies: Callable[[dict], bool] = field(default=lambda answers: True)


@dataclass
class Progress:
    """Where a journey stands: the answers of every page so far, and the page to go to next
    (None when every page that applies is answered and valid)."""

    answers: dict
    next_step: Step | None
    applicable: list[Step]

    @property
    def complete(self) -> bool:
        return self.next_step is None


class Journey:
    def __init__(self, steps: list[Step], session_key: str):
        self.steps = steps
        self.session_key = session_key
        self._by_slug = {step.slug: step for step in steps}

    def step(self, slug: str) -> Step | None:
        return self._by_slug.get(slug)

    # The session's copy: {"key": ..., "pages": {slug: {name: [values]}}, ...extra}.
    def state(self, session) -> dict | None:
        return session.get(self.session_key)

    def begin(self, session, **extra) -> dict:
        state = {"pages": {}, **extra}
        session[self.session_key] = state
        return state

    def end(self, session) -> None:
        session.pop(self.session_key, None)

    def save_page(self, session, step: Step, data) -> None:
        state = session[self.session_key]
        kept = {}
        for name in list(data.keys())[:MOST_KEYS_PER_PAGE]:
            if name == "csrfmiddlewaretoken":
                continue
            kept[name] = [value[:MOST_CHARACTERS_PER_VALUE] for value in data.getlist(name)]
        state["pages"][step.slug] = kept
        session.modified = True

    def saved_data(self, state: dict, step: Step) -> MultiValueDict | None:
        page = state["pages"].get(step.slug)
        return None if page is None else MultiValueDict(page)

    def form(self, step: Step, answers: dict, data=None) -> forms.Form:
        return step.form_class(data=data, answers=answers)

    def progress(self, state: dict, *, extra_answers: dict | None = None) -> Progress:
        """Validate every page that applies, in order, stopping at the first gap or error."""
        answers = dict(extra_answers or {})
        applicable = []
        for step in self.steps:
            if not step.applies(answers):
                continue
            applicable.append(step)
            data = self.saved_data(state, step)
            form = None if data is None else self.form(step, answers, data)
            if form is None or not form.is_valid():
                return Progress(answers, step, applicable)  # unanswered, or no longer valid
            answers.update(form.cleaned_data)
        return Progress(answers, None, applicable)

    def answers_before(self, state: dict, target: Step, *, extra_answers=None) -> dict | None:
        """The answers of the pages before `target`, or None if one of them is not done."""
        answers = dict(extra_answers or {})
        for step in self.steps:
            if step is target:
                return answers
            if not step.applies(answers):
                continue
            data = self.saved_data(state, step)
            if data is None:
                return None
            form = self.form(step, answers, data)
            if not form.is_valid():
                return None
            answers.update(form.cleaned_data)
        return None

    def previous_step(self, answers: dict, target: Step) -> Step | None:
        previous = None
        for step in self.steps:
            if step is target:
                return previous
            if step.applies(answers):
                previous = step
        return previous

    def next_step(self, answers: dict, after: Step) -> Step | None:
        seen = False
        for step in self.steps:
            if seen and step.applies(answers):
                return step
            seen = seen or step is after
        return None
