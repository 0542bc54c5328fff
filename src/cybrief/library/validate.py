"""Checking brief files: every problem at once, duplicate ids, review markers, bases (--strict), the source (--source).

Beyond what loading checks: brief ids unique across the files; with --strict, fields still marked for review and
targets or key points without a basis; with --source, each term and figure against the report itself.
"""

from __future__ import annotations

from pathlib import Path

from cybrief.brief import yamlnodes
from cybrief.brief.load import build_brief
from cybrief.brief.model import Brief, Record
from cybrief.brief.yamlnodes import Node
from cybrief.errors import BriefError, Problem, display_path
from cybrief.files import decode_utf8, read_bytes
from cybrief.library import brief_files

REVIEW_MESSAGE = "marked for review: check it, then delete {name!r} from {where}"
BASIS_MESSAGE = ("no basis: say `stated` (the report names the speaker here) or `inferred` (with basis_note); "
                 "--strict requires it on every target and key point")
NOTE_MESSAGE = "inferred without basis_note: say why the speaker is inferred"


class Report:
    """What validation found: the files checked, the errors, the fields still marked for review, and the targets
    and key points without a basis (`unattributed`)."""

    __slots__ = ("files", "errors", "reviews", "strict", "unattributed")

    def __init__(self, files: list[str], errors: list[Problem], reviews: list[Problem], strict: bool,
                 unattributed: list[Problem] | None = None):
        self.files, self.errors, self.reviews, self.strict = files, errors, reviews, strict
        self.unattributed = unattributed or []

    @property
    def problems(self) -> list[Problem]:
        """What fails the check: the errors, and with strict the review markers and missing bases too, in file order."""
        found = self.errors + (self.reviews + self.unattributed if self.strict else [])
        return sorted(found, key=lambda p: (p.path, p.line or 0, p.column or 0))

    @property
    def ok(self) -> bool:
        return not self.problems

    def records(self) -> list[dict]:
        """One JSON record per problem: path, line, column, field, message and severity (error, or review for
        what only --strict fails on)."""
        reviews = {id(p) for p in self.reviews + self.unattributed}
        return [dict(p.as_dict(), severity="review" if id(p) in reviews else "error") for p in self.problems]

    def summary(self) -> str:
        files = len(self.files)
        checked = f"{files} file{'s' if files != 1 else ''} checked"
        problems = self.problems
        if problems:
            where = len({p.path for p in problems})
            text = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {where} of {checked}"
        else:
            text = f"{checked}, no problems"
        if self.reviews and not self.strict:
            text += f"; {len(self.reviews)} field{'s' if len(self.reviews) != 1 else ''} marked for review (--strict lists them)"
        return text


def expand(paths: list[Path], problems: list[Problem] | None = None) -> list[Path]:
    """Files as given, folders as the brief files below them; a missing path stays, to be reported. What
    keeps a folder's briefs from being found (a subfolder that cannot be listed) goes to `problems`."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += brief_files(path, problems)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def validate(paths: list[Path], *, strict: bool = False, source: tuple[str, str] | None = None) -> Report:
    """Check every file (folders are searched for *.yaml and *.yml); never stops at the first problem.

    A folder without brief files is a problem of its own (and counts as one path checked), so that
    checking the wrong folder never passes. `source` is (text, name shown) of the report the briefs digest:
    every term and every figure must then occur in it, as written.
    """
    errors: list[Problem] = []
    files = expand(paths, errors)
    unreachable = [Path(p.path) for p in errors]  # counted as checked: each is a problem found
    reviews: list[Problem] = []
    unattributed: list[Problem] = []
    empty = [path for path in paths if path.is_dir() and not brief_files(path, []) and not unreachable]
    errors += [Problem(display_path(path), None, None, "", "no brief files (*.yaml, *.yml) in it") for path in empty]
    ids: dict[str, tuple[str, Node]] = {}
    for file in files:
        shown = display_path(file)
        try:
            text = decode_utf8(read_bytes(file, shown), shown)
            root = yamlnodes.parse(text, shown)
            build_brief(root, shown, str(file))
        except BriefError as exc:
            errors += exc.problems
            continue
        id_node = root.value["id"][1]
        first = ids.get(id_node.value)
        if first is not None:
            message = f"duplicate brief id {id_node.value!r} (also in {first[0]}:{first[1].line})"
            errors.append(Problem(shown, id_node.line, id_node.column, "id", message))
        else:
            ids[id_node.value] = (shown, id_node)
        reviews += _reviews(Brief, root, "", shown)
        unattributed += _bases(root, shown)
        if source is not None:
            errors += _against_source(root, shown, *source)
    checked = list(dict.fromkeys(display_path(f) for f in files + unreachable + empty))
    return Report(checked, errors, reviews, strict, unattributed)


def _reviews(cls: type[Record], node: Node, where: str, shown: str) -> list[Problem]:
    """Each name in a `review` list, located at the field it names (or at the list entry if the field is absent)."""
    found: list[Problem] = []
    for spec in cls.FIELDS:
        entry = node.value.get(spec.name)
        if entry is None:
            continue
        sub = f"{where}.{spec.name}" if where else spec.name
        if spec.kind == "object":
            found += _reviews(spec.item, entry[1], sub, shown)
        elif spec.kind == "list" and not isinstance(spec.item, str):
            for index, child in enumerate(entry[1].value):
                found += _reviews(spec.item, child, f"{sub}[{index}]", shown)
    review = node.value.get("review")
    if review is not None and review[1].kind == "seq":
        listed = f"{where}.review" if where else "review"
        for item in review[1].value:
            field = node.value.get(item.value)
            at = field[1] if field is not None else item
            name = f"{where}.{item.value}" if where else item.value
            message = REVIEW_MESSAGE.format(name=item.value, where=listed)
            found.append(Problem(shown, at.line, at.column, name, message))
    return found


def _items(node: Node, name: str) -> list[Node]:
    """The items of the list `name` of a mapping node (none when it is absent or not a list)."""
    entry = node.value.get(name) if node.kind == "map" else None
    return entry[1].value if entry is not None and entry[1].kind == "seq" else []


def _bases(root: Node, shown: str) -> list[Problem]:
    """Each target and key point without a basis, and each inferred one without its reason."""
    found: list[Problem] = []
    records = [(f"targets[{i}]", t) for i, t in enumerate(_items(root, "targets"))]
    records += [(f"delegates[{i}].points[{j}]", p) for i, d in enumerate(_items(root, "delegates"))
                for j, p in enumerate(_items(d, "points"))]
    for where, node in records:
        if node.kind != "map":
            continue
        basis = node.value.get("basis")
        if basis is None or basis[1].is_null:
            found.append(Problem(shown, node.line, node.column, f"{where}.basis", BASIS_MESSAGE))
        elif basis[1].value == "inferred" and node.value.get("basis_note") is None:
            found.append(Problem(shown, basis[1].line, basis[1].column, f"{where}.basis_note", NOTE_MESSAGE))
    return found


def _against_source(root: Node, shown: str, text: str, source_shown: str) -> list[Problem]:
    """Each term and figure that does not occur in the source as written (line breaks inside it aside: a page's
    layout may split a phrase)."""
    import re

    joined = re.sub(r"[ \t\u3000]*\r?\n\s*", "", text)
    checked = [(f"events[{i}].terms[{j}]", term) for i, e in enumerate(_items(root, "events"))
               for j, term in enumerate(_items(e, "terms"))]
    checked += [(f"delegates[{i}].terms[{j}]", term) for i, d in enumerate(_items(root, "delegates"))
                for j, term in enumerate(_items(d, "terms"))]
    checked += [(f"targets[{i}].figure", t.value["figure"][1]) for i, t in enumerate(_items(root, "targets"))
                if t.kind == "map" and "figure" in t.value]
    found = []
    for where, node in checked:
        if node.kind == "scalar" and node.value not in text and node.value not in joined:
            found.append(Problem(shown, node.line, node.column, where, f"{node.value!r} does not occur in the source {source_shown}"))
    return found
