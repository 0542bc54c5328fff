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


def cheap_norm(text: str) -> str:
    """What search.normalize gives for most texts, at a fraction of its cost: the lower case of ASCII text, and
    any other text as it is. The index stores the normalized text only of the fields where this is wrong."""
    return text.lower() if text.isascii() else text


def norms(texts: list[str], exceptions: dict[int, str]) -> list[str]:
    """The normalized texts of a brief's fields, from their texts and the stored exceptions."""
    if not exceptions:
        return [t.lower() if t.isascii() else t for t in texts]
    return [exceptions[i] if i in exceptions else cheap_norm(t) for i, t in enumerate(texts)]


def joined_norms(texts: list[str], exceptions: dict[int, str]) -> str:
    """The normalized texts of a brief's fields joined by FIELD_END (what the trigram index was given)."""
    from cybrief.search.normalize import FIELD_END

    return FIELD_END.join(norms(texts, exceptions))


def rows(job: tuple[str, str, bytes]) -> tuple:
    """Parse one brief file into what the index stores, its brief number left out (the writer gives it).

    Returns ("rows", (id, date, path, text for the trigram index, blob, fields, sectors, delegates, characters)),
    ("broken", problems as tuples) or ("too large", message): plain values, cheap to send back from a worker.
    The blob is stored.pack's; characters are the distinct non-ASCII ones of the normalized text (their
    pinyin readings are stored once per index).
    """
    from cybrief.brief.load import loads_brief
    from cybrief.files import decode_utf8

    shown, path, data = job
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
    from cybrief.brief.model import format_number
    from cybrief.index.stored import pack, references
    from cybrief.search.names import fold_name
    from cybrief.search.normalize import FIELD_END, normalize

    fids, texts, normalized, infos = [], [], [], {}
    for fid, info, text in fields:
        fids.append(fid)
        texts.append(text)
        normalized.append(normalize(text))
        infos.setdefault(fid >> RECORD_SHIFT, info.as_row())
    # Most normalized texts are the text itself (Chinese) or its lower case (ASCII): only the others are stored
    exceptions = {i: norm for i, (text, norm) in enumerate(zip(texts, normalized)) if norm != cheap_norm(text)}
    search = FIELD_END.join(normalized)
    by_id = {d.id: d for d in brief.delegates}
    records = (
        [(tuple(target_record(brief, t, by_id[t.delegate]).values()), format_number(t.value), english_figure(t))
         for t in brief.targets],
        [tuple(delegate_record(brief, d).values()) for d in brief.delegates],
    )
    refs = references(texts)
    blob = pack(fids, texts, records, (exceptions, list(infos.items())), to_plain(brief, refs), refs)
    sectors = [(s.slug, s.zh, s.en) for s in brief.sectors]
    delegates = [(d.id, d.name, d.name_en, "\x00".join(sorted({fold_name(d.id), fold_name(d.name), fold_name(d.name_en)})))
                 for d in brief.delegates]
    characters = "".join(sorted(ch for ch in set(search) if ch > "\x7f"))
    return brief.id, brief.date, brief.path, indexed_text(search), blob, len(fids), sectors, delegates, characters
