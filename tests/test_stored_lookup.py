"""A brief's stored text looked up without making all of it: fields of a Chinese term, and single field ids."""

from __future__ import annotations

import pytest

from conftest import mixed_library, run
from cybrief.index.query import IndexSource, _fields
from cybrief.index.store import open_index
from cybrief.index.stored import read
from cybrief.search.normalize import normalize


@pytest.fixture
def stored_briefs(tmp_path):
    folder = mixed_library(tmp_path)
    hant = folder / "sub" / "hant.yaml"  # a full-width and a compatibility form: normalized otherwise than by lower case
    hant.write_text(hant.read_text(encoding="utf-8").replace("電網", "電網，ＡＩ\uf902", 1), encoding="utf-8")
    assert run("index", library=folder).exit_code == 0
    source = IndexSource(open_index(folder, snapshot=False))
    numbers = [row[0] for row in source.db.execute("SELECT no FROM briefs ORDER BY no")]
    yield list(source._stored(numbers))
    source.close()


@pytest.mark.parametrize("term", ["电网", "電網", "网", "特高压", "车", "\uf902", "車", "人工智能", "不存在"])
def test_fields_of_a_chinese_term_are_those_of_the_normalized_text(stored_briefs, term):
    needle = normalize(term)
    assert any(brief.exceptions for brief in stored_briefs)
    for brief in stored_briefs:
        expected = _fields(brief.search, str.find, needle)  # the whole normalized text, as any other term is looked up
        fresh = type(brief)(brief.number, brief.unpacked, brief.blob)
        assert fresh.fields_holding(needle) == expected


def test_a_field_id_alone_is_the_one_of_every_id(stored_briefs):
    for brief in stored_briefs:
        count = len(brief.unpacked.texts)
        ids = read(brief.blob, "texts").fids
        single = [read(brief.blob, "texts").fid(p) for p in (0, count // 2, count - 1)]
        assert single == [ids[0], ids[count // 2], ids[count - 1]]
        with pytest.raises(IndexError):
            read(brief.blob, "texts").fid(count)
