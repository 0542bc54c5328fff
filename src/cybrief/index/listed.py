"""What the index keeps for listings of every target or delegate: CSV lines, the facts orders read, line templates.

Beside each brief's blob (stored.py) the index keeps, each compressed on its own:

    targets_csv      the CSV line of each target (brief/csvrows.py), which a listing of every target as CSV copies,
                     then what sorting and grouping read of each (its unit, exact value, sector, kind, delegate,
                     date ...), then what only faceting reads (its metric, figure ...): every target ordered or
                     counted makes no record, and each listing decompresses no further than it reads
    delegates_csv    the CSV lines of the brief's delegates as a template: the lines with each field text of some
                     length left out, and where in the brief's stored texts (as UTF-8) each one is. A listing of
                     every delegate fills it from those bytes, so that the long summaries and key points are kept
                     once (their lines stored whole made the index a third larger) and are neither decoded nor
                     encoded again on their way out

A template is checked against the lines it stands for when it is made: one that would not give them byte for byte
stands for its lines as they are, and a brief whose lines are not all valid UTF-8 has none (its lines are then made
from its records, library/indexed.py).
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from itertools import accumulate
from operator import itemgetter

from cybrief.brief.csvrows import line
from cybrief.index.stored import LEVEL, Damaged, head, made_ahead

SHORTEST = 12  # characters from which a delegate's field text is left out of its template (shorter: kept in it)


# --- the CSV lines and facts of targets --------------------------------------------------------------------------

# A target's facts, a column each, in this order (library/stored_refs.FactRef holds them in it, after its position).
FACTS = ("delegate", "delegate_name", "delegate_name_en", "date", "sector", "unit", "value", "kind", "horizon",
         "region", "qualifier", "qualitative", "metric", "metric_en", "figure")
_VALUE = FACTS.index("value")
# The facts that are labels, few to a brief, kept as a table of the brief's labels and a number for each; the
# others are texts of their own (the value's, and those only counting reads: TEXTS), kept as they are
LABELS = tuple(i for i, name in enumerate(FACTS) if name not in ("value", "qualitative", "metric", "metric_en", "figure"))
TEXTS = tuple(FACTS.index(name) for name in ("qualitative", "metric", "metric_en", "figure"))


def pack_targets(lines: list[str], brief) -> bytes:
    """The CSV lines of a brief's targets (brief/csvrows.py) as UTF-8, then their facts, as the index keeps them: the
    size of the lines and that of the facts ordering reads (4 bytes each), then one zlib stream of the lines, those
    facts and the facts only counting reads (TEXTS). A listing of every target as CSV decompresses only its lines,
    one ordered or grouped the lines and the first facts; the texts that are in a line (a metric, a figure) take next
    to no bytes after it.

    The facts ordering reads are: where each line ends, the positions of the values that are not decimals, the
    brief's labels, an array of the number of each target's label among them for each column of LABELS in turn, and
    the values. `delegate` is the id of the target's delegate, `date` that of the delegate's event (else the
    brief's), `value` the exact value as text (brief.model.format_number): what library.briefs.TargetRef gives of a
    target loaded from its file. TEXTS follow, a column each."""
    from decimal import Decimal

    from cybrief.brief.model import format_number

    who = {}
    for d in brief.delegates:  # the last of an id, as the lookup that gives a target its delegate (Library.targets)
        event = brief.event(d.event)
        who[d.id] = (d.id, d.name, d.name_en, event.date if event else brief.date)
    rows = [who[t.delegate] + (t.sector, t.unit, format_number(t.value), t.kind, t.horizon, t.region, t.qualifier,
                               t.qualitative, t.metric, t.metric_en, t.figure) for t in brief.targets]
    columns = list(zip(*rows)) if rows else [() for _ in FACTS]
    labels: dict = {}
    numbers = [labels.setdefault(v, len(labels)) for i in LABELS for v in columns[i]]
    codes = array("H" if len(labels) < 1 << 16 else "q", numbers)
    encoded = [line.encode("utf-8", "surrogatepass") for line in lines]
    ends = array("q", accumulate(map(len, encoded)))
    fractions = [i for i, t in enumerate(brief.targets) if type(t.value) is not Decimal]
    keys = marshal.dumps((ends.tobytes(), fractions, list(labels), codes.typecode, codes.tobytes(), list(columns[_VALUE])))
    texts = marshal.dumps(tuple(list(columns[i]) for i in TEXTS))
    data = b"".join(encoded)
    return head([len(data), len(keys)]) + zlib.compress(data + keys + texts, LEVEL)


def _parts(blob: bytes, upto: int) -> tuple[bytes, memoryview | None, memoryview | None]:
    """(lines, the facts ordering reads, TEXTS) of a pack_targets blob as bytes, decompressed as far as asked (1, 2
    or 3 parts), those not asked None."""
    try:
        if len(blob) < 8:
            raise Damaged("stored CSV lines end early")
        size, keys = int.from_bytes(blob[:4], "little"), int.from_bytes(blob[4:8], "little")
        wanted = (size, size + keys, 0)[upto - 1]
        data = zlib.decompressobj().decompress(memoryview(blob)[8:], wanted)
    except (zlib.error, ValueError, TypeError) as exc:
        if isinstance(exc, Damaged):
            raise
        raise Damaged(f"stored CSV lines cannot be read: {exc}") from None
    if len(data) < size + (keys if upto > 1 else 0):
        raise Damaged("stored CSV lines or facts end early")
    view = memoryview(data)
    return (data[:size], view[size:size + keys] if upto > 1 else None, view[size + keys:] if upto > 2 else None)


def unpack_lines(blob: bytes) -> bytes:
    """pack_targets's lines, as UTF-8; Damaged if the blob is not what it makes."""
    return _parts(blob, 1)[0]


def unpack_targets(blob: bytes, texts: bool = True) -> tuple[list, tuple]:
    """pack_targets's FACTS columns, each value read (a Decimal or a Fraction, as brief.model.parse_number gives it),
    and the CSV line of each target as UTF-8; without `texts`, the columns of TEXTS are None. Damaged if the blob is
    not what it makes."""
    from decimal import Decimal

    from cybrief.brief.model import parse_number

    lines, facts, counted = _parts(blob, 3 if texts else 2)
    try:
        steps, fractions, labels, typecode, codes, texts_of_values = marshal.loads(facts)
        ends, codes = array("q", steps), array(typecode, codes)
        count = len(ends)
        if (type(labels) is not list or type(texts_of_values) is not list or len(texts_of_values) != count
                or len(codes) != count * len(LABELS) or (ends and (ends[-1] != len(lines) or min(ends) < 0))
                or not _all_of(labels, _LABEL_TYPES) or not _all_of(texts_of_values, _TEXT)):
            raise Damaged("stored facts of targets are not what the index writes")
        columns: list = [None] * len(FACTS)
        for k, i in enumerate(LABELS):
            taken = codes[k * count:(k + 1) * count]
            columns[i] = [labels[c] for c in taken] if count < 2 else list(itemgetter(*taken)(labels))
        if counted is not None:
            read = marshal.loads(counted)
            if (type(read) is not tuple or len(read) != len(TEXTS)
                    or any(type(c) is not list or len(c) != count or not _all_of(c, _LABEL_TYPES) for c in read)):
                raise Damaged("stored facts of targets are not what the index writes")
            for i, column in zip(TEXTS, read):
                columns[i] = column
        if fractions:  # read by parse_number, the others at once as decimals
            decimals = list(texts_of_values)
            for i in fractions:
                decimals[i] = "0"
            columns[_VALUE] = values = list(map(Decimal, decimals))
            for i in fractions:
                values[i] = parse_number(texts_of_values[i])
                if values[i] is None:
                    raise Damaged("a stored value of a target cannot be read")
        else:
            columns[_VALUE] = values = list(map(Decimal, texts_of_values))
        if not all(map(Decimal.is_finite, (v for v in values if type(v) is Decimal))):
            raise Damaged("a stored value of a target is not a number")
        starts = array("q", [0]) + ends[:-1]
        found = itemgetter(*map(slice, starts, ends))(lines) if count > 1 else [lines[:ends[0]]] if ends else ()
    except (ValueError, EOFError, TypeError, ArithmeticError, IndexError, AttributeError) as exc:
        if isinstance(exc, Damaged):
            raise
        raise Damaged(f"stored facts of targets cannot be read: {exc}") from None
    return columns, found


_TEXT = frozenset((str,))
_LABEL_TYPES = frozenset((str, type(None)))


def _all_of(values: list, types: frozenset) -> bool:
    """Whether every value is of one of the types (the texts and labels the index writes, checked at C speed)."""
    return set(map(type, values)) <= types


def lines_ahead(chunks, ahead: bool):
    """For each chunk of (number, pack_targets blob), [(number, lines as UTF-8)], as stored.inflated() makes its
    chunks."""
    return made_ahead(chunks, lambda chunk: [(number, unpack_lines(blob)) for number, blob in chunk], ahead)


# --- the CSV lines of delegates, as templates --------------------------------------------------------------------

def pack_template(delegates: list[tuple], texts: list[str]) -> bytes | None:
    """The template of the CSV lines of a brief's delegates (their records in DELEGATE_COLUMNS order), over its field
    texts as stored.pack keeps them; None if the lines are not all valid UTF-8 (see the module's docstring)."""
    first: dict[str, int] = {}
    for index, text in enumerate(texts):
        if len(text) >= SHORTEST:
            first.setdefault(text, index)
    encoded = [t.encode("utf-8", "surrogatepass") for t in texts]
    at = list(accumulate((len(e) + 1 for e in encoded), initial=0))  # where each text starts, FIELD_END between
    rows, made, starts, ends, doubled = [], [], [], [], []
    for values in delegates:
        refs: list[tuple[int, bool]] = []
        row = ",".join([_cell(value, first, refs) for value in values]) + "\r\n"
        expected = line(values)
        if row % tuple(texts[i].replace('"', '""') if double else texts[i] for i, double in refs) != expected:
            row, refs = expected.replace("%", "%%"), []  # not what the template stands for: the line as it is
        rows.append(row)
        made.append(expected)
        for i, double in refs:
            if double:
                doubled.append(len(starts))
            starts.append(at[i])
            ends.append(at[i] + len(encoded[i]))
    try:
        template = "".join(rows).encode("utf-8")
        "".join(made).encode("utf-8")  # a lone surrogate: the lines are made from the records, as text
    except UnicodeEncodeError:
        return None
    return zlib.compress(marshal.dumps((template, array("q", starts).tobytes(), array("q", ends).tobytes(), doubled)),
                         LEVEL)


def _cell(value, first: dict[str, int], refs: list) -> str:
    """One cell of a template: as line() writes it (with % doubled), each field text in it a %s noted in `refs`
    as (its position among the texts, whether its quotes are doubled)."""
    shown = line([value, ""])[:-3]  # the cell alone: line() writes each cell as if it were alone
    parts = [value] if type(value) is str else value if type(value) is list and all(type(v) is str for v in value) else ()
    if not any(p in first for p in parts):
        return shown.replace("%", "%%") if "%" in shown else shown
    quote = '"' if shown.startswith('"') else ""
    double = bool(quote) and any('"' in p for p in parts)  # a cell with a quote is quoted, its quotes doubled
    body = "; ".join(p.replace('"', '""') for p in parts) if double else "; ".join(parts)  # csvrows.cell joins lists so
    if not shown.endswith(body + quote) or len(shown) - len(body) - len(quote) > 2:
        return shown.replace("%", "%%")
    head = shown[:len(shown) - len(body) - len(quote)]  # the opening quote, and the mark of a formula ('), if any
    pieces = []
    for p in parts:
        if p in first:
            refs.append((first[p], double and '"' in p))
            pieces.append("%s")
        else:
            pieces.append((p.replace('"', '""') if double else p).replace("%", "%%"))
    return head.replace("%", "%%") + "; ".join(pieces) + quote


def fill(blob: bytes, texts: bytes) -> bytes:
    """The CSV lines of a brief's delegates, as UTF-8: pack_template's template filled from the brief's texts as
    UTF-8 (stored.utf8_texts); Damaged if the template is not what it makes, or not of these texts."""
    try:
        template, starts, ends, doubled = marshal.loads(zlib.decompress(blob))
        starts, ends = array("q", starts), array("q", ends)
        if len(starts) != len(ends) or (ends and max(ends) > len(texts)):
            raise Damaged("a stored template of CSV lines does not fit its texts")
        if not starts:
            return template % ()
        found = itemgetter(*map(slice, starts, ends))(texts)
        found = (found,) if len(starts) == 1 else found
        if doubled:
            found = list(found)
            for k in doubled:
                found[k] = found[k].replace(b'"', b'""')
            found = tuple(found)
        return template % found
    except (zlib.error, ValueError, EOFError, TypeError, IndexError) as exc:
        if isinstance(exc, Damaged):
            raise
        raise Damaged(f"a stored template of CSV lines cannot be read: {exc}") from None
