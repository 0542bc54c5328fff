"""A brief as the index keeps it: one compressed blob holding its field texts, records, search text and plain data.

The blob is one zlib stream of four parts, read only as far as a use needs:

    texts     the text of each searchable field (search/fields.py), in field order, as UTF-8 (a listing of every
              delegate as CSV copies the bytes: index/listed.py), and the field ids
    search    the normalized text of the few fields it is not cheap to make again from the text (rows.norms)
    records   the JSON records of its targets and delegates (brief/records.py), each target's exact value and
              its figure in English; and the facts of each record that a search hit shows (search.fields.RecordInfo)
    plain     the brief itself as plain data (library/cache.py's to_plain), to load it without its file

A search reads the first two parts; a listing of every target, three; loading the brief, all four. Text
is stored once: a string of the records or of the plain data that is also a field's text is kept as a
reference to that field (a `bytes` value, which neither ever holds). Together the four parts take
about half the bytes of the YAML file (docs/search.md gives the measured figures).
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from itertools import accumulate

PARTS = ("texts", "search", "records", "plain")
HEAD = 16  # bytes before the zlib stream: the size of each part (4 bytes, little-endian), read with no call to zlib
_FIELD_END = "\x03"  # search.normalize.FIELD_END: never in a normalized text, nor (but by a YAML escape) in a brief
# Measured on these blobs (60 KB before, benchmarks/_library.py): level 3 compresses in two thirds of the time of
# level 5 (0.65 ms against 0.95 ms a brief, in the worker processes) for 5% more bytes (19.0 KB against 18.1 KB;
# the whole index of 1,000 generated briefs 6% larger). Level 5 is kept: the 0.3 ms is about 2% of a build on two
# cores, the bytes are every user's disk for as long as the index lives. Level 6 (the default) saves 0.8% more
# for a third more time than 5, and level 1 gives 14% more bytes.
LEVEL = 5


class Damaged(ValueError):
    """A blob that is not what pack() makes (a damaged or foreign index): the index is then rebuilt."""


def references(texts: list[str]) -> dict[str, bytes]:
    """Each text's reference (its first position among the texts), as pack and brief.plain.to_plain put it."""
    refs: dict[str, bytes] = {}
    for index, text in enumerate(texts):
        refs.setdefault(text, index.to_bytes(4, "little"))
    return refs


def pack(fids: list[int], texts: list[str], records: tuple, exceptions: dict, infos: list, plain: tuple,
         refs: dict) -> bytes:
    """One brief's blob (see the module's docstring). `fids` are the field ids without the brief's number,
    `records` (target records, delegate records), `exceptions` {field position: normalized text}, `infos` the
    (record, RecordInfo.as_row()) pairs, `plain` is to_plain(brief, refs) with refs = references(texts)."""
    targets, delegates = records
    records = ([(tuple(_ref(v, refs) for v in record), value, figure) for record, value, figure in targets],
               [tuple(_ref(v, refs) for v in record) for record in delegates], infos)
    joined = _FIELD_END.join(texts)  # one string: read back several times faster than a list of them
    if joined.count(_FIELD_END) != len(texts) - 1:  # a text holding FIELD_END (a YAML escape): kept as a list
        joined = texts
    else:  # as UTF-8 (what marshal writes of a string too, so no larger), decoded on reading
        joined = joined.encode("utf-8", "surrogatepass")
    steps = array("q", [b - a for a, b in zip([0, *fids], fids)])  # the ids as steps: they compress
    parts = [marshal.dumps((steps.tobytes(), joined)), marshal.dumps(exceptions), marshal.dumps(records),
             marshal.dumps(plain)]
    return head([len(p) for p in parts]) + zlib.compress(b"".join(parts), LEVEL)


def head(sizes: list[int]) -> bytes:
    return b"".join(size.to_bytes(4, "little") for size in sizes)


def sizes_of(blob: bytes) -> list[int]:
    """The sizes of a blob's parts; Damaged if it is too short to say."""
    if len(blob) < HEAD:
        raise Damaged("a stored brief ends early")
    return [int.from_bytes(blob[at:at + 4], "little") for at in range(0, HEAD, 4)]


def _ref(value, refs: dict):
    if type(value) is str:
        return refs.get(value, value)
    if type(value) is list:
        return [refs.get(v, v) if type(v) is str else v for v in value]
    return value


class Unpacked:
    """The parts of one blob, decompressed as far as asked (see read). `joined` is the fields' texts joined by
    FIELD_END, `texts` the list of them (made on first use); `listed` the list when a text holds FIELD_END."""

    __slots__ = ("_steps", "_fids", "joined", "_texts", "listed", "exceptions", "records", "infos", "plain")

    def __init__(self):
        self._steps = self._fids = self.joined = self._texts = self.listed = self.exceptions = None
        self.records = self.infos = self.plain = None

    @property
    def fids(self) -> array:
        """The field ids, made from their steps on first use (a listing never needs them)."""
        if self._fids is None:
            self._fids = array("q", accumulate(array("q", self._steps)))
        return self._fids

    def fid(self, position: int) -> int:
        """One field's id: the sum of the steps up to it, unless every id was made already (a rare term's hits ask
        for the ids of a field or two of a brief)."""
        if self._fids is not None:
            return self._fids[position]
        if not 0 <= position < len(self._steps) // 8:
            raise IndexError("a field beyond a stored brief's fields")
        return sum(memoryview(self._steps).cast("q")[:position + 1])

    @property
    def texts(self) -> list[str]:
        if self._texts is None:
            self._texts = self.joined.split(_FIELD_END)
        return self._texts


def read(blob: bytes, upto: str, skip: tuple[str, ...] = ()) -> Unpacked:
    """The parts of a blob up to and including `upto` (one of PARTS), but those in `skip` (left None); Damaged if it is
    not a blob of pack()."""
    return unpack(*inflate(blob, upto), skip)


def inflate(blob: bytes, upto: str) -> tuple[list[int], bytes]:
    """The sizes of a blob's parts and its bytes decompressed up to the end of `upto`: the part of read() that zlib
    does without holding Python's lock (so another thread can run meanwhile)."""
    last = PARTS.index(upto)
    try:
        sizes = sizes_of(blob)
        wanted = sum(sizes[: last + 1])
        data = zlib.decompressobj().decompress(memoryview(blob)[HEAD:], wanted)
    except (zlib.error, ValueError, TypeError) as exc:
        if isinstance(exc, Damaged):
            raise
        raise Damaged(f"a stored brief cannot be read: {exc}") from None
    if len(data) != wanted:
        raise Damaged("a stored brief ends early")
    return sizes[: last + 1], data


def unpack(sizes: list[int], data: bytes, skip: tuple[str, ...] = ()) -> Unpacked:
    """The parts of inflate()'s bytes, as read() gives them."""
    try:
        out = Unpacked()
        start, view = 0, memoryview(data)  # parts read in place, not copied
        for index in range(len(sizes)):
            if PARTS[index] in skip:
                start += sizes[index]
                continue
            value = marshal.loads(view[start:start + sizes[index]])
            start += sizes[index]
            if index == 0:
                _texts(out, value)
            elif index == 1:
                if type(value) is not dict:
                    raise Damaged("a stored brief's normalized texts are not a mapping")
                out.exceptions = value
            elif index == 2:
                targets, delegates, out.infos = value
                out.records = (targets, delegates)
            else:
                out.plain = value
        return out
    except (zlib.error, ValueError, EOFError, TypeError) as exc:
        if isinstance(exc, Damaged):
            raise
        raise Damaged(f"a stored brief cannot be read: {exc}") from None


def _texts(out: Unpacked, value) -> None:
    steps, texts = value
    if type(steps) is not bytes or len(steps) % 8:
        raise Damaged("a stored brief's field ids are not steps")
    out._steps = steps
    if type(texts) is list:  # a text holds FIELD_END: see pack
        out._texts = out.listed = texts
        out.joined = _FIELD_END.join(texts)
        fields = len(texts)
    elif type(texts) is bytes:
        try:
            out.joined = texts.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise Damaged("a stored brief's texts are not UTF-8") from None
        fields = out.joined.count(_FIELD_END) + 1
    else:
        fields = -1
    if fields != len(steps) // 8 or not all(type(t) is str for t in (out.listed or ())):
        raise Damaged("a stored brief's fields do not match its texts")


def utf8_texts(sizes: list[int], data: bytes) -> bytes:
    """The texts of inflate()'s bytes as UTF-8, joined by FIELD_END, not decoded (what index/listed.py copies from);
    Damaged if they are not pack()'s."""
    try:
        _, texts = marshal.loads(memoryview(data)[:sizes[0]])
        if type(texts) is list:  # a text holds FIELD_END: see pack
            return _FIELD_END.join(texts).encode("utf-8", "surrogatepass")
    except (ValueError, EOFError, TypeError, UnicodeEncodeError) as exc:
        raise Damaged(f"a stored brief cannot be read: {exc}") from None
    if type(texts) is not bytes:
        raise Damaged("a stored brief's texts are not texts")
    return texts


def brief(unpacked: Unpacked, path: str):
    """The Brief stored in a blob read up to "plain"; Damaged if its plain data is not a brief's."""
    from cybrief.brief.model import Brief
    from cybrief.brief.plain import Malformed, from_plain

    try:
        loaded = from_plain(Brief, unpacked.plain, unpacked.texts)
    except (Malformed, TypeError) as exc:
        raise Damaged(f"a stored brief is not a brief ({exc})") from None
    loaded.path = path
    return loaded


_KEYS: list[bytes] = []  # the references of the first texts, made once


def lookup(texts: list[str]) -> dict:
    """reference -> text, to put the texts back into a stored record: map(table.get, values, values)."""
    while len(_KEYS) < len(texts):
        _KEYS.append(len(_KEYS).to_bytes(4, "little"))
    return dict(zip(_KEYS, texts))


CHUNK = 200  # blobs read from the index at a time
THREADS = 2  # decompressing them takes longer than the rest of a listing's reading: both cores do it meanwhile


def _inflate_chunk(chunk: list[tuple[int, bytes]], upto: str) -> list[tuple[int, tuple]]:
    return [(number, inflate(blob, upto)) for number, blob in chunk]


def inflated(chunks, upto: str, ahead: bool):
    """For each chunk of (number, blob), [(number, inflate(blob, upto))], in order; with `ahead`, made in other threads
    a few chunks before they are used (zlib lets Python's lock go while it works). The blobs are read from SQLite
    by the caller: a connection stays in its own thread."""
    return made_ahead(chunks, lambda chunk: _inflate_chunk(chunk, upto), ahead)


def made_ahead(chunks, work, ahead: bool):
    """work(chunk) for each chunk, in order; with `ahead`, each in a thread of its own begun THREADS chunks before it is
    used (a chunk is milliseconds of work: a thread costs far less to start than concurrent.futures and threading to
    import, which a search of many briefs would pay for)."""
    if not ahead:
        yield from (work(chunk) for chunk in chunks)
        return
    from collections import deque

    pending: deque = deque()
    for chunk in chunks:
        pending.append(_begun(work, chunk))
        if len(pending) > THREADS:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def _begun(work, chunk):
    """Start work(chunk) in a new thread; return a function that waits for its result (or raises its error)."""
    import _thread

    done, box = _thread.allocate_lock(), []
    done.acquire()

    def run():
        try:
            box.append((True, work(chunk)))
        except BaseException as exc:  # noqa: BLE001 - handed to the thread that waits for it
            box.append((False, exc))
        finally:
            done.release()

    _thread.start_new_thread(run, ())

    def result():
        with done:
            ok, value = box[0]
        if not ok:
            raise value
        return value

    return result
