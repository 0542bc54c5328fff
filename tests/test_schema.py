"""JSON Schema tests: generated from the model, committed unchanged, and agreeing with the loader on real files."""

from __future__ import annotations

import json
import re

import pytest
import jsonschema
import yaml

from conftest import BUNDLED, FIXTURES, MINI, ROOT, run
from cybrief.brief.schema import brief_schema, schema_text



SCHEMA_FILE = ROOT / "schema" / "brief.schema.json"
HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML read as YAML 1.2 (core schema), as the YAML language server reads a brief: no timestamps, and
    only true/false are booleans. PyYAML's own YAML 1.1 rules would make `2026-03-07` a date object."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(path):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    return sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))


def _field_path(error) -> str:
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def test_committed_schema_is_the_generated_one():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run: cybrief schema > schema/brief.schema.json"


def test_schema_command_prints_it():
    result = run("schema", library=None)
    assert result.exit_code == 0 and result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(brief_schema())
    assert brief_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_bundled_and_fixture_briefs_validate_against_the_schema():
    briefs = sorted(BUNDLED.glob("*.yaml")) + [MINI] + sorted((FIXTURES / "articles").glob("*.yaml"))
    assert len(briefs) >= 6
    for path in briefs:
        assert [e.message for e in _errors(path)] == [], path.name


def test_every_bundled_brief_names_the_schema_for_editors():
    for path in BUNDLED.glob("*.yaml"):
        match = HEADER.match(path.read_text(encoding="utf-8"))
        assert match, f"{path.name} does not begin with the yaml-language-server line"
        assert (path.parent / match.group(1)).resolve() == SCHEMA_FILE


@pytest.mark.parametrize(
    "name, field",
    [
        ("bad_choice.yaml", "targets[0].qualifier"),
        ("bad_date.yaml", "events[0].date"),  # 2026-02-30: the pattern fits, the "date" format does not
        ("list_expected.yaml", "delegates[0].sectors"),
        ("missing_field.yaml", "targets[2]"),
        ("wrong_type.yaml", "targets[2].value"),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects_at_the_same_field(name, field):
    assert [_field_path(e) for e in _errors(FIXTURES / "broken" / name)] == [field]


def test_text_the_loader_keeps_as_text_passes_after_a_yaml_12_load(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace("  reporter: 李明\n", "  reporter: NO\n")
    text = text.replace('    horizon: "2025"\n', "    horizon: 2025\n").replace("    title: 专题记者会\n", "    title: 10:30\n")
    text = text.replace("    paragraph: 5\n", '    paragraph: "5"\n').replace("    reporter: NO\n", "    reporter: NO\n    url:\n")
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert _errors(path) == []


def test_review_lists_name_only_fields_of_their_record():
    target = brief_schema()["$defs"]["Target"]["properties"]["review"]
    assert "metric" in target["items"]["enum"] and "review" not in target["items"]["enum"]


def test_a_draft_validates_against_the_schema(tmp_path):
    from cybrief.draft import draft_article

    path = tmp_path / "draft.yaml"
    path.write_text(draft_article((FIXTURES / "articles" / "mountain.txt").read_text(encoding="utf-8")).yaml, encoding="utf-8")
    assert [e.message for e in _errors(path)] == []
