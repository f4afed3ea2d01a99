"""The server-drawn charts: every label is printed in full and stays inside the chart, in the
browsers' Arial and in the PDFs' wider DejaVu Sans."""

import re

from hypothesis import given
from hypothesis import strategies as st

from outcomes.charts import CHARS_PER_LINE, LABEL_WIDTH, WIDTH, svg, text_width, wrap

LONG = "Entered education, training, employment or volunteering"


def chart(bars, *, unit="count", reference=None) -> dict:
    return {
        "title": "A chart",
        "description": "What it shows",
        "unit": unit,
        "bars": bars,
        "reference": reference,
    }


def texts(markup: str) -> list[tuple[str, str]]:
    """(attributes, text) of each <text> or <tspan> holding text."""
    return re.findall(r"<(?:text|tspan)([^>]*)>([^<]+)</", markup)


def test_a_long_label_is_wrapped_whole_not_cut_short():
    lines = wrap(LONG)
    assert " ".join(lines) == LONG
    assert all(len(line) <= CHARS_PER_LINE for line in lines)
    markup = svg(chart([{"label": LONG, "value": 3, "text": "3"}]), "x")
    assert "…" not in markup
    assert "volunteering" in markup


def test_a_word_longer_than_a_line_breaks_after_its_hyphen():
    assert wrap("Accessed substance-misuse-and-alcohol services") == [
        "Accessed",
        "substance-misuse-",
        "and-alcohol",
        "services",
    ]


@given(st.text(alphabet="abcdefghij -", min_size=1, max_size=120).filter(str.strip))
def test_wrapping_keeps_every_letter_and_fits_each_line(label):
    lines = wrap(label)
    assert "".join(lines).replace(" ", "") == label.replace(" ", "")
    assert all(text_width(line) <= LABEL_WIDTH + 1 for line in lines)


def test_figures_and_the_reference_label_stay_inside_the_chart():
    markup = svg(
        chart(
            [
                {
                    "label": "Full",
                    "value": 1.0,
                    "text": "228 of 228 (100%)",
                    "low": 0.98,
                    "high": 1,
                },
                {"label": "Short", "value": 0.02, "text": "Not shown (fewer than 5)"},
            ],
            unit="percent",
            reference={"value": 0.97, "label": "National rate 97%"},
        ),
        "x",
    )
    for attributes, text in texts(markup):
        x = float(re.search(r'\bx="([\d.]+)"', attributes)[1]) if ' x="' in attributes else None
        if x is None:
            continue
        width = text_width(text, 14 if 'font-size="14"' in attributes else 16)
        if 'text-anchor="end"' in attributes:
            left, right = x - width, x
        elif 'text-anchor="middle"' in attributes:
            left, right = x - width / 2, x + width / 2
        else:
            left, right = x, x + width
        assert left >= 0 and right <= WIDTH, (text, left, right)
