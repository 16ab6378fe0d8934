"""Spreadsheet cells that stay text: the one formula guard for every CSV and XLSX we write.

A cell beginning with =, +, -, @, a tab or a carriage return would be read as a formula by
spreadsheet programs (CSV injection), so it gets a leading apostrophe, the convention
spreadsheets themselves use for "this is text". It lives in people, the app every other app may
import, so the HR exports (reports) and the audit trail share it.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value: str) -> str:
    """The text, unable to start a formula in a spreadsheet."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
