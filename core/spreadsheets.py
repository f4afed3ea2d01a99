"""Cells for CSV files people open in a spreadsheet."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Text a spreadsheet will not run as a formula: listings, names and reports are typed by
    providers, so a cell starting "=" is shown as text, not calculated."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
