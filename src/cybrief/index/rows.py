"""A brief file parsed into the rows the index stores: plain values, cheap to send back from a worker process."""

from __future__ import annotations

from cybrief.errors import BriefError
from cybrief.search.fields import RECORD_SHIFT, TooLarge, brief_fields


def indexed_text(norm: str) -> str:
    """What the trigram index stores for a field: its normalized text and two end marks.

    The end marks give every character, even the last, a trigram that starts with it, so a term of one
    or two characters is found by listing the trigrams that start with it (see query.py).
    """
    from cybrief.search.normalize import FIELD_END

    return norm + FIELD_END + FIELD_END


def rows(job: tuple[str, str, bytes]) -> tuple:
    """Parse one brief file into the rows the index stores, its brief number left at 0 (the writer adds it).

    Returns ("rows", (id, date, path, fields, records, sectors, delegates)), ("broken", problems as tuples) or
    ("too large", message): plain values, cheap to send back from a worker process.
    """
    from cybrief.files import decode_utf8
    from cybrief.search.names import fold_name
    from cybrief.brief.load import loads_brief
    from cybrief.search.normalize import normalize

    shown, path, data = job
    try:
        brief = loads_brief(decode_utf8(data, shown), shown, path)
        fields, records = [], {}
        for fid, info, text in brief_fields(brief, 0):
            fields.append((fid, text, indexed_text(normalize(text))))
            records.setdefault(fid >> RECORD_SHIFT, info.as_row())
    except BriefError as exc:
        return "broken", [(p.path, p.line, p.column, p.field, p.message) for p in exc.problems]
    except TooLarge as exc:
        return "too large", str(exc)
    sectors = [(seq, s.slug, s.zh, s.en) for seq, s in enumerate(brief.sectors)]
    delegates = [(d.id, d.name, d.name_en, "\x00".join({fold_name(d.id), fold_name(d.name), fold_name(d.name_en)}))
                 for d in brief.delegates]
    return "rows", (brief.id, brief.date, brief.path, fields, list(records.items()), sectors, delegates)
