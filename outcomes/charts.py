"""Bar charts drawn on the server as SVG: no JavaScript, the same in a PDF's data and on the
page, each with a title and description for screen readers and the data table beside it as the
accessible alternative. Presentation attributes only (no style attributes: the CSP forbids
inline styles)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 470
LABEL_WIDTH = 170
TEXT_WIDTH = 80
PLOT_LEFT = LABEL_WIDTH + 10
PLOT_WIDTH = WIDTH - PLOT_LEFT - TEXT_WIDTH
LINE_HEIGHT = 18
BAR_HEIGHT = 24
ROW_GAP = 14
TOP = 34
FONT = 'font-family="Arial, Helvetica, sans-serif"'
BLUE = "#1d70b8"
BLACK = "#0b0c0c"
GREY = "#b1b4b6"
RED = "#d4351c"
# The widest a character of the label fonts is on average, as a share of the font size: Arial
# on screen is about 0.5, DejaVu Sans in the PDFs about 0.6, so labels are measured at 0.62.
CHAR_WIDTH = 0.62
LABEL_SIZE = 16
TICK_SIZE = 14
CHARS_PER_LINE = int(LABEL_WIDTH / (LABEL_SIZE * CHAR_WIDTH))


def text_width(text: str, size: int = LABEL_SIZE) -> float:
    """A generous estimate of how wide `text` is drawn, in the chart's units."""
    return len(text) * size * CHAR_WIDTH


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[str]:
    """The label in lines of at most `width` characters, breaking between words, or after a
    hyphen or slash in a word too long for a line; every character is kept."""
    pieces = []
    for word in text.split():
        while len(word) > width:
            cut = max(word.rfind("-", 0, width), word.rfind("/", 0, width))
            cut = cut + 1 if cut > 0 else width
            pieces.append(word[:cut])
            word = word[cut:]
        pieces.append(word)
    out, line = [], ""
    for piece in pieces:
        candidate = f"{line} {piece}".strip() if not line.endswith(("-", "/")) else line + piece
        if len(candidate) <= width or not line:
            line = candidate
        else:
            out.append(line)
            line = piece
    out.append(line)
    return out


def _scale(chart: dict) -> float:
    if chart["unit"] == "percent":
        return 1.0
    values = [bar["value"] for bar in chart["bars"] if bar["value"] is not None]
    return max(values + [1])


def _value_text(text: str, text_x: float, middle: float, bar_end: float) -> str:
    """The figure beside its bar; where it would run off the right edge, inside the bar's end
    in white, or else moved in from the edge."""
    width = text_width(text)
    attributes = f'x="{text_x:.1f}"'
    fill = BLACK
    if text_x + width > WIDTH - 2:
        if bar_end - PLOT_LEFT > width + 12:
            attributes = f'x="{bar_end - 6:.1f}" text-anchor="end"'
            fill = "#ffffff"
        else:
            attributes = f'x="{WIDTH - 2:.1f}" text-anchor="end"'
    return (
        f'<text {FONT} font-size="{LABEL_SIZE}" fill="{fill}" {attributes} '
        f'y="{middle + 5:.1f}">{escape(text)}</text>'
    )


def svg(chart: dict, chart_id: str) -> str:
    """The chart as an SVG element, safe to put in a page."""
    scale = _scale(chart)

    def x(value: float) -> float:
        return round(PLOT_LEFT + PLOT_WIDTH * min(max(value, 0), scale) / scale, 1)

    parts, y = [], TOP
    for bar in chart["bars"]:
        label_lines = wrap(bar["label"])
        row_height = max(BAR_HEIGHT, LINE_HEIGHT * len(label_lines))
        middle = y + row_height / 2
        first_line = middle - (len(label_lines) - 1) * LINE_HEIGHT / 2 + 5
        spans = "".join(
            f'<tspan x="{LABEL_WIDTH}" y="{first_line + i * LINE_HEIGHT:.1f}">'
            f"{escape(line)}</tspan>"
            for i, line in enumerate(label_lines)
        )
        parts.append(
            f'<text {FONT} font-size="{LABEL_SIZE}" fill="{BLACK}" text-anchor="end">{spans}</text>'
        )
        value = bar["value"]
        text_x = PLOT_LEFT + 4
        if value is not None:
            end = x(value)
            parts.append(
                f'<rect x="{PLOT_LEFT}" y="{middle - BAR_HEIGHT / 2:.1f}" '
                f'width="{max(end - PLOT_LEFT, 1):.1f}" height="{BAR_HEIGHT}" fill="{BLUE}"/>'
            )
            text_x = end + 6
            if bar.get("low") is not None and bar.get("high") is not None:
                low, high = x(bar["low"]), x(bar["high"])
                parts.append(
                    f'<path d="M{low} {middle:.1f}H{high}M{low} {middle - 7:.1f}V{middle + 7:.1f}'
                    f'M{high} {middle - 7:.1f}V{middle + 7:.1f}" stroke="{BLACK}" '
                    'stroke-width="2" fill="none"/>'
                )
                text_x = max(text_x, high + 6)
        parts.append(_value_text(bar["text"], text_x, middle, end if value is not None else 0))
        y += row_height + ROW_GAP
    bottom = y
    axis = [f'<path d="M{PLOT_LEFT} {TOP - 6}V{bottom - ROW_GAP + 6}" stroke="{GREY}"/>']
    if chart["unit"] == "percent":
        for tick in (0, 0.25, 0.5, 0.75, 1):
            axis.append(
                f'<text {FONT} font-size="{TICK_SIZE}" fill="{BLACK}" x="{x(tick)}" '
                f'y="{bottom + 8}" '
                f'text-anchor="middle">{int(tick * 100)}%</text>'
            )
    reference = chart.get("reference")
    if reference:
        ref_x = x(reference["value"])
        axis.append(
            f'<path d="M{ref_x} {TOP - 10}V{bottom - ROW_GAP + 6}" stroke="{RED}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        # Centred above its line, but moved in from either edge so that all of it shows.
        half = text_width(reference["label"], TICK_SIZE) / 2
        label_x = min(max(ref_x, half + 2), WIDTH - half - 2)
        axis.append(
            f'<text {FONT} font-size="{TICK_SIZE}" fill="{BLACK}" x="{label_x:.1f}" '
            f'y="{TOP - 16}" text-anchor="middle">{escape(reference["label"])}</text>'
        )
    height = bottom + 16
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    return mark_safe(  # noqa: S308 (every text in it is escaped above)
        f'<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(chart["title"])}</title>'
        f'<desc id="{desc_id}">{escape(chart["description"])}</desc>'
        + "".join(axis)
        + "".join(parts)
        + "</svg>"
    )
