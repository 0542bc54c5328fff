"""A brief file parsed into what the index stores: plain values, cheap to send back from a worker process."""

from __future__ import annotations

from cybrief.errors import BriefError
from cybrief.search.fields import RECORD_SHIFT, TooLarge, brief_fields


def indexed_text(search: str) -> str:
    """What the trigram index is given for a brief: the normalized text of its fields (joined by FIELD_END) and
    two end marks.

    A FIELD_END after every field gives each character, even a field's last, a trigram that starts with it,
    so a term of one or two characters is found by listing the trigrams that start with it (see query.py).
    """
    from cybrief.search.normalize import FIELD_END

    return search + FIELD_END + FIELD_END


def lowered(joined: str, listed: list[str] | None = None) -> list[str]:
    """The fields' texts, joined by FIELD_END, in lower case and apart again: what search.normalize gives for most
    texts (Chinese as it is, English in lower case), at a fraction of its cost, in two calls for all the fields.
    The index stores the normalized text only of the fields where this is not it (rows._stored). `listed`:
    the texts, when one of them holds FIELD_END (stored.pack then keeps them as a list)."""
    from cybrief.search.normalize import FIELD_END

    return joined.lower().split(FIELD_END) if listed is None else [t.lower() for t in listed]


def norms(joined: str, exceptions: dict[int, str], listed: list[str] | None = None) -> list[str]:
    """The normalized texts of a brief's fields, from their texts joined by FIELD_END and the stored exceptions."""
    parts = lowered(joined, listed)
    for position, norm in exceptions.items():
        parts[position] = norm
    return parts


def joined_norms(joined: str, exceptions: dict[int, str], listed: list[str] | None = None) -> str:
    """The normalized texts of a brief's fields joined by FIELD_END (what the trigram index was given)."""
    from cybrief.search.normalize import FIELD_END

    return FIELD_END.join(norms(joined, exceptions, listed)) if exceptions else joined.lower()


def rows(job: tuple[str, str, bytes]) -> tuple:
    """Parse one brief file into what the index stores, its brief number left out (the writer gives it).

    Returns ("rows", (id, date, path, text for the trigram index, blob, fields, sectors, delegates, characters, draft,
    CSV lines and facts of the targets, template of the delegates' CSV lines)),
    ("broken", problems as tuples) or ("too large", message): plain values, cheap to send back from a worker.
    The blob is stored.pack's, the last two listed.py's; characters are the distinct non-ASCII ones of the normalized text (their
    pinyin readings are stored once per index).
    """
    from cybrief.brief.load import loads_brief
    from cybrief.figures.quantity import remembered
    from cybrief.files import decode_utf8

    shown, path, data = job
    with remembered():  # each figure is read by the loader's check, then again for the records
        try:
            brief = loads_brief(decode_utf8(data, shown), shown, path)
            fields = list(brief_fields(brief, 0))
        except BriefError as exc:
            return "broken", [(p.path, p.line, p.column, p.field, p.message) for p in exc.problems]
        except TooLarge as exc:
            return "too large", str(exc)
        return "rows", _stored(brief, fields)


def _stored(brief, fields: list) -> tuple:
    from cybrief.brief.plain import to_plain
    from cybrief.brief.records import delegate_record, english_figure, target_record
    from cybrief.brief.review import is_draft
    from cybrief.brief.model import format_number
    from cybrief.brief.csvrows import line
    from cybrief.index.listed import pack_targets, pack_template
    from cybrief.index.stored import pack, references
    from cybrief.search.names import fold_name
    from cybrief.search.normalize import FIELD_END, normalize

    fids, texts, normalized, infos = [], [], [], {}
    for fid, info, text in fields:
        fids.append(fid)
        texts.append(text)
        normalized.append(normalize(text))
        if fid >> RECORD_SHIFT not in infos:  # a record's info once, not once per field
            infos[fid >> RECORD_SHIFT] = info.as_row()
    # Most normalized texts are the text in lower case (English), or as it is (Chinese): only the others are kept
    joined = FIELD_END.join(texts)
    listed = texts if joined.count(FIELD_END) != len(texts) - 1 else None  # as stored.pack keeps them
    exceptions = {i: norm for i, (cheap, norm) in enumerate(zip(lowered(joined, listed), normalized)) if norm != cheap}
    search = FIELD_END.join(normalized)
    by_id = {d.id: d for d in brief.delegates}
    records = (
        [(tuple(target_record(brief, t, by_id[t.delegate]).values()), format_number(t.value), english_figure(t))
         for t in brief.targets],
        [tuple(delegate_record(brief, d).values()) for d in brief.delegates],
    )
    refs = references(texts)
    blob = pack(fids, texts, records, exceptions, list(infos.items()), to_plain(brief, refs), refs)
    sectors = [(s.slug, s.zh, s.en) for s in brief.sectors]
    delegates = [(d.id, d.name, d.name_en, "\x00".join(sorted({fold_name(d.id), fold_name(d.name), fold_name(d.name_en)})))
                 for d in brief.delegates]
    characters = "".join(sorted(ch for ch in set(search) if ch > "\x7f"))
    draft = int(is_draft(brief))
    lines = pack_targets([line(record) for record, _, _ in records[0]], brief)
    return (brief.id, brief.date, brief.path, indexed_text(search), blob, len(fids), sectors, delegates, characters,
            draft, lines, pack_template(records[1], texts))
