"""Exports that a spreadsheet opens must not run what content wrote (formula injection).

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is taken by
Excel and LibreOffice for a formula: a byline ``=HYPERLINK("http://…", "Bấm")`` set through the API
would run on the desk of whoever opens the royalty report. Every XLSX and CSV export writes text
through ``inert_text`` (CSV) or ``xlsx_text`` (tests/test_exports_inert.py checks each export).
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_text(text: str) -> str:
    """A CSV field as a spreadsheet must not run it: ``=1+1`` → ``'=1+1`` (the usual guard; the
    apostrophe shows, which is the point: the reader sees the text was not a formula)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def xlsx_text(cell, value) -> None:
    """Write ``value`` into an openpyxl ``cell``; a text is a text cell, never a formula, and one
    that looks like a formula keeps a quote prefix (Excel and LibreOffice keep it text when the
    cell is edited)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl takes a text beginning with "=" for a formula
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
