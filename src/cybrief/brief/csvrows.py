"""CSV lines of records: cells a spreadsheet opens safely, quoted as the csv module quotes them.

Here rather than in render/csv.py so that the index can write the lines of every listing when it reads a brief
(index/rows.py), and a long listing as CSV is then copied rather than made (library/indexed.py).
"""

from __future__ import annotations

import re

# A text cell starting with one of these is run as a formula by spreadsheets (CWE-1236), also after
# whitespace that a spreadsheet trims on import (spaces, line ends, NBSP, the ideographic space), and in
# its full-width forms (＝ ＋ － ＠), which some spreadsheets read as the ASCII ones.
_FORMULA = re.compile(r"[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r]")
_FORMULA_FIRST = "=+-@\uff1d\uff0b\uff0d\uff20\u00a0\u3000"  # a cell starting otherwise, and not with whitespace, is safe


def cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        try:  # most lists (key points, sectors) hold texts only: joined at once
            value = "; ".join(value)
        except TypeError:
            value = "; ".join("-".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in value)
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def cells(values) -> list:
    """[cell(v) for v in values], without a call for the values cell() leaves as they are (most of them):
    a large table is written several times faster. tests/test_streaming.py keeps the two equal.

    A text is left as it is when its first character, compared without taking it out, lies in a range that holds
    neither whitespace nor a character of _FORMULA_FIRST (Latin letters, CJK, most of the rest); other texts
    (one starting with a digit, say) go through cell(), which decides them one by one."""
    return [v if type(v) is str and ("A" <= v < "\x80" or "\u3001" <= v < "\uff0b" or v >= "\uff21") or type(v) is int
            else cell(v) for v in values]


def _field(value) -> str:
    """One cell as the csv module writes it (QUOTE_MINIMAL, doubled quotes): quoted when it holds a comma, a quote or
    a line end."""
    text = value if type(value) is str else str(value)
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def line(values) -> str:
    """The CSV line of a row: what csv.writer(lineterminator="\r\n").writerow(cells(values)) writes, made with
    string methods that scan a long text in C at once, where the writer looks at it character by character (every
    delegate of a large library as CSV: three times faster). tests/test_streaming.py keeps the two equal."""
    made = cells(values)
    text = ",".join(map(str, made))
    if text.count(",") == len(made) - 1 and '"' not in text and "\n" not in text and "\r" not in text:
        if text or len(made) != 1:  # no cell to quote: the row as it is
            return text + "\r\n"
        return '""\r\n'  # one empty cell, quoted as the writer does, so that it is not read back as no field
    return ",".join([v if type(v) is str and not ('"' in v or "," in v or "\n" in v or "\r" in v) else _field(v)
                     for v in made]) + "\r\n"
