"""Checking brief files: every problem in every file at once, duplicate ids across files, fields marked for review."""

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


class Report:
    """What validation found: the files checked, the errors, and the fields still marked for review."""

    __slots__ = ("files", "errors", "reviews", "strict")

    def __init__(self, files: list[str], errors: list[Problem], reviews: list[Problem], strict: bool):
        self.files, self.errors, self.reviews, self.strict = files, errors, reviews, strict

    @property
    def problems(self) -> list[Problem]:
        """What fails the check: the errors, and with strict the review markers too, in file order."""
        found = self.errors + (self.reviews if self.strict else [])
        return sorted(found, key=lambda p: (p.path, p.line or 0, p.column or 0))

    @property
    def ok(self) -> bool:
        return not self.problems

    def records(self) -> list[dict]:
        """One JSON record per problem: path, line, column, field, message and severity (error or review)."""
        reviews = {id(p) for p in self.reviews}
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


def validate(paths: list[Path], *, strict: bool = False) -> Report:
    """Check every file (folders are searched for *.yaml and *.yml); never stops at the first problem.

    A folder without brief files is a problem of its own (and counts as one path checked), so that
    checking the wrong folder never passes.
    """
    errors: list[Problem] = []
    files = expand(paths, errors)
    unreachable = [Path(p.path) for p in errors]  # counted as checked: each is a problem found
    reviews: list[Problem] = []
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
    checked = list(dict.fromkeys(display_path(f) for f in files + unreachable + empty))
    return Report(checked, errors, reviews, strict)


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
