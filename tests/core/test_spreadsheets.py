import pytest

from core.spreadsheets import safe_cell


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(x)", "'=HYPERLINK(x)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Wirral Mentors", "Wirral Mentors"),
        (12, "12"),
        ("", ""),
    ],
)
def test_a_cell_that_would_run_as_a_formula_is_kept_as_text(value, cell):
    assert safe_cell(value) == cell
