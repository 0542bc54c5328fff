"""Export tests: the SQLite database's keys, numbers and full-text index, CSV and JSON tables, safe overwriting."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest

from conftest import BUNDLED, MINI, run


def _export(tmp_path, to, name, *extra, library=BUNDLED):
    path = tmp_path / "out" / name
    result = run("export", "--to", to, "-o", str(path), *extra, library=library)
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture
def database(tmp_path):
    db = sqlite3.connect(_export(tmp_path, "sqlite", "briefs.db"))
    db.row_factory = sqlite3.Row
    yield db
    db.close()


def test_sqlite_has_every_table_with_keys_and_no_broken_reference(database):
    names = {r[0] for r in database.execute("select name from sqlite_master where type = 'table'")}
    assert {"briefs", "events", "sectors", "delegates", "targets", "targets_fts", "delegates_fts"} <= names
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {(r["table"], r["from"], r["to"]) for r in database.execute("PRAGMA foreign_key_list(targets)")}
    assert keys == {("briefs", "brief", "id"), ("delegates", "brief", "brief"), ("delegates", "delegate", "id"),
                    ("sectors", "brief", "brief"), ("sectors", "sector", "slug")}
    primary = [r["name"] for r in sorted(database.execute("PRAGMA table_info(targets)"), key=lambda r: r["pk"]) if r["pk"]]
    assert primary == ["brief", "id"]
    counts = {t: database.execute(f"select count(*) from {t}").fetchone()[0] for t in ("briefs", "events", "sectors", "delegates", "targets")}
    assert counts == {"briefs": 1, "events": 2, "sectors": 10, "delegates": 6, "targets": 25}


def test_sqlite_targets_table_matches_targets_json(database):
    expected = json.loads(run("targets", "--format", "json").stdout)
    rows = [dict(r) for r in database.execute("select * from targets order by rowid")]
    assert rows == expected
    types = dict(database.execute("select id, typeof(value) from targets").fetchall())
    assert types["wang-zhijie-08"] == "integer" and types["wang-zhijie-07"] == "real" and types["wang-zhijie-04"] == "real"


def test_sqlite_delegates_table_matches_delegates_json(database):
    expected = json.loads(run("delegates", "--format", "json").stdout)
    rows = [dict(r) for r in database.execute("select * from delegates order by rowid")]
    for row in rows:
        for column in ("sectors", "points", "points_en", "terms", "points_basis", "points_basis_note"):
            row[column] = json.loads(row[column])
    assert rows == expected


def test_full_text_index_finds_chinese_substrings(database):
    metrics = [r[0] for r in database.execute("select metric from targets_fts where targets_fts match '人工智能'")]
    assert metrics == ["人工智能产业规模同比增长", "共同布局的人工智能高能级创新平台"]
    speakers = {r[0] for r in database.execute(
        "select d.name from delegates_fts join delegates d on d.rowid = delegates_fts.rowid where delegates_fts match '人工智能'")}
    assert speakers == {"王志杰", "夏泳", "杜卫东", "刘勇"}
    # the layout Datasette and sqlite-utils recognise as the full-text index of a table
    sql = database.execute("select sql from sqlite_master where name = 'targets_fts'").fetchone()[0]
    assert "USING FTS5" in sql and "content=[targets]" in sql and "trigram" in sql


def test_export_of_one_brief(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    shutil.copy(MINI, library / "mini.yaml")
    shutil.copy(BUNDLED / "chongqing-2026-03-chengyu.yaml", library / "cq.yaml")
    both = sqlite3.connect(_export(tmp_path, "sqlite", "all.db", library=library))
    one = sqlite3.connect(_export(tmp_path, "sqlite", "mini.db", "--brief", "mini", library=library))
    assert both.execute("select count(*) from targets").fetchone()[0] == 28
    assert one.execute("select distinct brief from targets").fetchall() == [("mini",)]
    assert both.execute("PRAGMA foreign_key_check").fetchall() == []


def test_csv_export_is_a_folder_of_rfc4180_tables_safe_for_spreadsheets(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    text = MINI.read_text(encoding="utf-8").replace("metric: 电网投资", "metric: =HYPERLINK(\"http://x\")")
    (library / "mini.yaml").write_text(text, encoding="utf-8")
    folder = _export(tmp_path, "csv", "tables", library=library)
    assert sorted(p.name for p in folder.iterdir()) == ["briefs.csv", "delegates.csv", "events.csv", "sectors.csv", "targets.csv"]
    raw = (folder / "targets.csv").read_bytes().decode("utf-8")
    assert raw.count("\r\n") == 4
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert rows[0]["metric"] == "'=HYPERLINK(\"http://x\")"
    assert [r["value"] for r in rows] == ["100000000000", "0.5", "23.6"]


def test_json_export_holds_every_table(tmp_path):
    data = json.loads(_export(tmp_path, "json", "briefs.json").read_text(encoding="utf-8"))
    assert list(data) == ["briefs", "events", "sectors", "delegates", "targets"]
    assert data["targets"] == json.loads(run("targets", "--format", "json").stdout)
    assert data["delegates"] == json.loads(run("delegates", "--format", "json").stdout)
    assert data["briefs"] == json.loads(run("briefs", "--format", "json").stdout)


def test_no_table_carries_review_markers(tmp_path):
    library = tmp_path / "lib"
    library.mkdir()
    text = MINI.read_text(encoding="utf-8").replace("    title: 专题记者会\n", "    title: 专题记者会\n    review: [title]\n")
    (library / "mini.yaml").write_text(text, encoding="utf-8")
    data = json.loads(_export(tmp_path, "json", "x.json", library=library).read_text(encoding="utf-8"))
    assert data["events"][0]["title"] == "专题记者会"
    assert not [table for table, rows in data.items() for row in rows if "review" in row]


def test_every_table_has_its_columns_also_when_empty(tmp_path):
    from cybrief.render import views

    library = tmp_path / "lib"
    library.mkdir()
    text = MINI.read_text(encoding="utf-8")
    (library / "mini.yaml").write_text(text[: text.index("targets:")], encoding="utf-8")  # a brief without figures
    folder = _export(tmp_path, "csv", "tables", library=library)
    header = (folder / "targets.csv").read_text(encoding="utf-8").splitlines()
    assert header == [",".join(views.TARGET_COLUMNS)]
    events = (folder / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert events.split(",") == ["brief", "id", "date", "time", "kind", "title", "title_en", "theme", "place", "paragraph",
                                 "terms"]
    db = sqlite3.connect(_export(tmp_path, "sqlite", "x.db", library=library))
    assert [r[1] for r in db.execute("PRAGMA table_info(targets)")] == list(views.TARGET_COLUMNS)


@pytest.mark.parametrize("to, name", [("sqlite", "x.db"), ("json", "x.json"), ("csv", "x")])
def test_existing_output_is_replaced_only_with_force_and_nothing_is_left_behind(tmp_path, to, name):
    path = _export(tmp_path, to, name)
    stamp = path.stat().st_mtime_ns
    again = run("export", "--to", to, "-o", str(path))
    assert again.exit_code == 2 and again.stderr == f"cybrief: error: {path}: already exists; use --force to replace it\n"
    assert path.stat().st_mtime_ns == stamp
    _export(tmp_path, to, name, "--force")
    assert [p.name for p in path.parent.iterdir()] == [name]  # no temporary file or folder left
    if to == "sqlite":
        assert sqlite3.connect(path).execute("select count(*) from targets").fetchone()[0] == 25


def test_force_never_replaces_a_folder_cybrief_did_not_write(tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "thesis.docx").write_text("precious")
    for to, why in (("csv", "is a folder that cybrief did not write; it is not replaced"), ("sqlite", "is a directory")):
        result = run("export", "--to", to, "-o", str(folder), "--force")
        assert (result.exit_code, result.stderr) == (2, f"cybrief: error: {folder}: {why}\n")
    assert (folder / "thesis.docx").read_text() == "precious"


def test_unknown_export_format_is_a_usage_error(tmp_path):
    result = run("export", "--to", "xlsx", "-o", str(tmp_path / "x"))
    assert result.exit_code == 2 and result.stderr == ("cybrief: error: invalid value for '--to' / '-t': 'xlsx' is not "
                                                       "one of 'sqlite', 'json', 'csv' (see cybrief export -h)\n")
