"""The bad inputs of the reliability table, one Case each: the files to lay out and what cybrief must answer.

A case writes a library into a folder (`lib/` below the folder a test runs in) and states the exit code
and the exact error lines every command gives, or, for a brief that loads, a check of what each output
carries. tests/test_bad_inputs.py runs every case through every command in COMMANDS, in every one of its
OUTPUTS; to cover a new command, add its argv there (and its outputs, if it has no --format), and, if it
writes or reads something new, a case here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from conftest import FIXTURES, MINI

HOSTILE = FIXTURES / "hostile"
MINI_TEXT = MINI.read_text(encoding="utf-8")

# Every command that reads a library, with the arguments that make it print or write data. MARK is in
# every hostile text, so that search finds it (a case may look for something else); `search` shows whole
# texts, `snippets` the default cut around a match. `export` writes a file, named per output below.
COMMANDS = {
    "delegates": ["delegates"],
    "delegate": ["delegates", "zhang-san"],
    "targets": ["targets"],
    "search": ["search", "MARK", "--context", "1000"],
    "snippets": ["search", "MARK"],
    "briefs": ["briefs"],
    "chart": ["chart"],
    "report": ["report"],
    "export": ["export", "--to", "json", "-o", "export.out"],
    "validate": ["validate"],
    "index": ["index"],
}
FORMATS = ["json", "csv", "markdown", "table"]
# The outputs each command is checked in: --format values, and `terminal`, a table with Rich's colours as
# a terminal gets them. report prints Markdown only; export writes a SQLite, JSON or CSV export (a folder);
# validate and index print only messages, validate's problems also as JSON. report prints Markdown, or HTML.
OUTPUTS = {name: FORMATS + ["terminal"] for name in COMMANDS} | {
    "report": ["markdown", "html"], "export": ["sqlite", "json", "csv"], "validate": ["text", "json"], "index": ["messages"],
}
# What a command says on stderr when it succeeds (validate and index also on a brief that loads).
SUCCESS_MESSAGES = {
    "export": re.compile(r"cybrief: wrote export\.out\n"),
    "validate": re.compile(r"cybrief: 1 file checked, no problems\n"),
    "index": re.compile(r"cybrief: index of .*: 1 brief, \d+ fields, [\d.]+ MB in .*index-[0-9a-f]{8}\.sqlite\n"),
}


class Case:
    """One bad input: `build(lib)` fills the library folder; `errors` are the stderr lines after "cybrief: error: ".

    `files` is the number of brief files the library holds, for validate's summary line.
    """

    def __init__(
        self, name, row, build, *, errors=(), exit=2, check=None, library="lib", env=None, unprivileged=False, query="MARK",
        files=1,
    ):
        self.name, self.row, self.build, self.errors, self.exit = name, row, build, list(errors), exit
        self.check, self.library, self.env, self.unprivileged = check, library, env or {}, unprivileged
        self.query = query  # what `search` looks for in a brief that loads
        self.files = files

    def argv(self, command: str) -> list[str]:
        args = [self.query if arg == "MARK" else arg for arg in COMMANDS[command]]
        return args + ["--library", self.library]

    def stderr(self, command: str) -> str:
        """What `command` prints on stderr for this case: the error lines, and for validate a summary of the problems."""
        lines = list(self.errors)
        if command == "validate" and not all(line.startswith("library ") for line in lines):
            paths = {line.split(":")[0] for line in lines}
            problems = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
            lines.append(f"{problems} in {len(paths)} of {self.files} file{'s' if self.files != 1 else ''} checked")
        return "".join(f"cybrief: error: {line}\n" for line in lines)

    def __repr__(self):
        return f"Case({self.name})"


# --- building libraries ----------------------------------------------------------------------------------

def mini(*pairs: tuple[str, str]) -> str:
    """The mini brief with each `old` text (which must occur once) replaced by `new`."""
    text = MINI_TEXT
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def brief(content: str | bytes, name: str = "b.yaml"):
    def build(lib: Path) -> None:
        lib.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        (lib / name).write_bytes(data)

    return build


FIXTURES_USED: set[str] = set()


def fixture(name: str):
    FIXTURES_USED.add(name)

    def build(lib: Path) -> None:
        lib.mkdir(exist_ok=True)
        shutil.copy(HOSTILE / name, lib / name)

    return build


def quoted(text: str) -> str:
    """A YAML double-quoted scalar for any text (JSON's escapes are YAML's too, but for a character past U+FFFF,
    which YAML writes as \\UXXXXXXXX rather than as two surrogates)."""
    def astral(match: re.Match) -> str:
        high, low = int(match.group(1), 16), int(match.group(2), 16)
        return f"\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"

    return re.sub(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", astral, json.dumps(text, ensure_ascii=True))


def mini_bytes(old: str, new: bytes) -> bytes:
    """The mini brief as UTF-8 with the text `old` replaced by raw bytes."""
    raw = MINI_TEXT.encode("utf-8")
    assert raw.count(old.encode("utf-8")) == 1, old
    return raw.replace(old.encode("utf-8"), new)


def with_text(text: str) -> str:
    """The mini brief carrying `text` in the fields every command shows: title, summary, role, metric, region."""
    q = quoted(text)
    return mini(
        ("title: 测试简报\n", f"title: {q}\n"),
        ("    role: 电力公司董事长\n", f"    role: {q}\n"),
        ("    summary: 张三谈电网投资。\n", f"    summary: {q}\n"),
        ("    region: 重庆\n    metric: 电网投资\n", f"    region: {q}\n    metric: {q}\n"),
    )


# --- checking what reaches each output ---------------------------------------------------------------------

_SGR = re.compile(r"\x1b\[[0-9;]*m")
# What may never reach a terminal raw: C0 controls but tab and newline, DEL, C1, and bidi controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# What shows as nothing and must be marked wherever a person reads (JSON and CSV keep it, exact): zero-width
# characters, joiners, the BOM, tag characters, the line and paragraph separators.
RAW_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff\U000e0000-\U000e007f]")


def gfm_links(markdown: str) -> list[str]:
    """The links a GitHub reader makes of Markdown (cmark-gfm with its autolink extension)."""
    import cmarkgfm

    return re.findall(r"<a [^>]*>", cmarkgfm.github_flavored_markdown_to_html(markdown))


def json_strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in json_strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in json_strings(v)]
    return []


def csv_cells(output: str) -> list[str]:
    import csv
    import io

    return [cell for row in csv.reader(io.StringIO(output, newline="")) for cell in row]


# Raw HTML that cybrief's own templates write (the report's footer); any other HTML came from data.
TEMPLATE_HTML = {"report": ("<sub>", "</sub>")}


def markdown_texts(output: str, allowed_html: tuple[str, ...] = ()) -> list[str]:
    """The text of every table cell and list item as a GFM reader sees it (escapes undone, <br> a newline,
    <wbr> nothing).

    Raw HTML other than <br>, <wbr> and `allowed_html` fails the check.
    """
    from markdown_it import MarkdownIt

    texts = []
    for token in MarkdownIt("commonmark").enable("table").parse(output):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type == "html_inline" and child.content == "<br>":
                parts.append("\n")
            elif child.type == "html_inline" and child.content == "<wbr>":  # before an @: no address becomes a link
                pass
            elif child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append("\n")
            elif child.type == "html_inline" and child.content not in allowed_html:
                raise AssertionError(f"raw HTML reached the Markdown: {child.content!r}")
        texts.append("".join(parts))
    return texts


def markdown_table_widths(output: str) -> set[int]:
    """The number of cells in each row of every GFM table in the output, as a GFM reader counts them."""
    from markdown_it import MarkdownIt

    widths, cells = set(), None
    for token in MarkdownIt("commonmark").enable("table").parse(output):
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("td_open", "th_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.add(cells)
    return widths


def markdown_tables_are_whole(output: str) -> bool:
    """Whether every row of every GFM table has as many cells as the table's header, as a GFM reader counts them."""
    from markdown_it import MarkdownIt

    header = cells = None
    for token in MarkdownIt("commonmark").enable("table").parse(output):
        if token.type == "table_open":
            header = None
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("td_open", "th_open"):
            cells += 1
        elif token.type == "tr_close":
            header = cells if header is None else header
            if cells != header:
                return False
    return True


def html_texts(output: str) -> list[str]:
    """The text of every element of an HTML page as a browser's parser reads it (entities undone), and of every
    attribute; a tag that cybrief does not write (a script, an image, a link to javascript:) fails the check."""
    from html.parser import HTMLParser

    allowed = {"html", "head", "meta", "title", "style", "body", "main", "article", "section", "header", "footer", "h1",
               "h2", "h3", "p", "br", "dl", "dt", "dd", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "span",
               "a", "figure", "div", "svg", "defs", "pattern", "rect", "line", "lineargradient", "stop", "g", "text",
               "path"}
    texts: list[str] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            assert tag in allowed, f"an element cybrief does not write reached the page: <{tag}>"
            for name, value in attrs:
                assert not name.startswith("on"), f"an event handler reached the page: {name}"
                if name == "href":
                    assert value.startswith(("http://", "https://")), value
                texts.append(value or "")

        def handle_data(self, data):
            texts.append(data)

    Reader(convert_charrefs=True).feed(output)
    return texts


def terminal_text(output: str) -> str:
    """Terminal output with Rich's own colour codes taken out; whatever is left must be plain text."""
    return _SGR.sub("", output)


def shows(text: str, *, formula: bool = False):
    """A check that `text` comes out exact in JSON and CSV, read back the same from Markdown, and visible on a terminal.

    Search snippets (the `snippets` command) show the text cut around the match, as views.snippet cuts it.
    """
    from cybrief.safety import visible

    def check(command: str, fmt: str, output: str) -> None:
        shown = text
        if command == "snippets" and fmt in ("markdown", "table"):
            at = text.index("MARK")
            shown = text[max(0, at - 30): at + 4 + 30]
        if fmt in ("json", "sqlite"):  # a SQLite export is read back as JSON
            assert text in json_strings(json.loads(output)), (command, fmt, text)
        elif fmt == "csv":
            cells = csv_cells(output)
            expected = "'" + text if formula else text
            assert expected in cells or any(expected in c for c in cells), (command, text, cells)
        elif fmt == "html":  # text and attribute values as the browser reads them; markup in data is text
            texts = html_texts(output)
            assert not RAW_CONTROL.search(output)
            assert any(visible(shown) in t for t in texts), (command, visible(shown))
        elif fmt == "markdown":  # a GFM reader trims the whitespace around a cell
            texts = markdown_texts(output, TEMPLATE_HTML.get(command, ()))
            assert any(visible(shown).strip() in t for t in texts), (command, visible(shown), texts)
            assert not RAW_CONTROL.search(output) and not RAW_INVISIBLE.search(output)
            assert markdown_tables_are_whole(output), "every row of a table has the cells of its header"
            assert gfm_links(output) == [], "no link made of data"
        else:  # table: on a terminal when FORCE_COLOR is set, else plain
            plain = terminal_text(output)
            assert not RAW_CONTROL.search(plain) and not RAW_INVISIBLE.search(plain), (command, plain)
            for line in visible(shown).split("\n"):  # a cell's lines sit beside the other columns
                assert _unwrapped(line) in _unwrapped(plain), (command, line, plain)

    return check


def _unwrapped(text: str) -> str:
    return re.sub(r"\s+", "", text)


def all_of(*checks):
    def check(command: str, fmt: str, output: str) -> None:
        for one in checks:
            one(command, fmt, output)

    return check


def records(command: str, fmt: str, output: str, table: str) -> list[dict] | None:
    """The records of a table (targets, briefs ...) in an output that holds them as JSON, or None."""
    if command == "export" and fmt in ("json", "sqlite"):
        return json.loads(output)[table]
    if fmt == "json" and command == table:
        return json.loads(output)
    return None


def bare_scalars_kept(command: str, fmt: str, output: str) -> None:
    targets = records(command, fmt, output, "targets")
    if targets is None:
        return
    first, third = targets[0], targets[2]
    assert (first["region"], first["metric_en"], first["figure"], first["unit"], first["horizon"], first["note"],
            first["qualitative"]) == ("NO", "off", "10:30", "yes", "1.10", "2026-03-07", "on")
    assert (third["figure"], third["value"]) == ("1.10", 1.1)


# --- the cases ---------------------------------------------------------------------------------------------

TARGET_REQUIRED = ["id", "delegate", "sector", "region", "metric", "metric_en", "figure", "value", "unit", "qualifier",
                   "kind", "paragraph"]
HOSTILE_CONTROLS = "MARK \x1b]0;pwned\x07 \x1b[2J \x9b31m a\rb \u202eevil\u202c \x7f \x00 \x1b]8;;https://evil\x1b\\link"
HOSTILE_MARKUP = "MARK [bold red]x[/] [link=https://evil]y[/link] :smile: [/]"
HOSTILE_MARKDOWN = "MARK a|b\nc \\[x\\] <script>alert(1)</script> `code` *em* _u_ ~s~ &amp; [t](http://e) ![i](x) # h"


HOSTILE_LINKS = "MARK www.evil.example http://evil.example/x <https://e.example> a@b.example @someone"
HOSTILE_INVISIBLE = "MARK 张\u200b三 a\u2060b \ufeffc d\u2028e \U000e0041\U000e007f"


def _deep_block_mapping(lib: Path) -> None:
    lines = ["# Row 3: 1,100 levels of nested block mappings."] + [" " * (2 * i) + "k:" for i in range(1100)]
    brief("\n".join(lines) + " x\n")(lib)


def _many_unknown_fields(lib: Path) -> None:
    extra = "".join(f"extra{i}: x\n" for i in range(150))
    brief(mini(("language: zh\n", "language: zh\n" + extra)))(lib)


def _sparse(size: int):
    def build(lib: Path) -> None:
        lib.mkdir(exist_ok=True)
        with open(lib / "b.yaml", "wb") as handle:
            handle.truncate(size)

    return build


def _two_broken_files(lib: Path) -> None:
    brief(mini(("    value: 23.6\n", "    value: abc\n")), "a.yaml")(lib)
    brief(mini(("id: mini\n", "id: Mini\n")), "z.yaml")(lib)


def _directory_named_like_a_brief(lib: Path) -> None:
    (lib / "b.yaml").mkdir(parents=True)


def _fifo(lib: Path) -> None:
    lib.mkdir()
    os.mkfifo(lib / "b.yaml")


def _device_link(lib: Path) -> None:
    lib.mkdir()
    (lib / "b.yaml").symlink_to("/dev/zero")


def _dangling_link(lib: Path) -> None:
    lib.mkdir()
    (lib / "b.yaml").symlink_to(lib / "gone.yaml")


def _unreadable(lib: Path) -> None:
    brief(MINI_TEXT)(lib)
    (lib / "b.yaml").chmod(0)


def _control_in_file_name(lib: Path) -> None:
    brief(mini(("    value: 23.6\n", "    value: abc\n")), "b\x1b]0;pwned\x07.yaml")(lib)


def _not_utf8_name(lib: Path) -> None:
    lib.mkdir()
    (lib / os.fsdecode(b"b\xff.yaml")).write_bytes(MINI_TEXT.encode("utf-8"))


def _not_utf8_folder(lib: Path) -> None:
    brief(MINI_TEXT)(lib / os.fsdecode(b"d\xfe"))


def _unlistable_subfolder(lib: Path) -> None:
    brief(MINI_TEXT, "a.yaml")(lib)
    brief(mini(("id: mini\n", "id: other\n")))(lib / "sub")
    (lib / "sub").chmod(0)


def _subfolder_not_searchable(lib: Path) -> None:
    brief(MINI_TEXT)(lib / "sub")
    (lib / "sub").chmod(0o444)  # its names can be listed, its files not reached


def _library_not_searchable(lib: Path) -> None:
    brief(MINI_TEXT)(lib)
    lib.chmod(0o444)


DEEP = 1100


def remove_tree(root: Path) -> None:
    """Delete a folder and all it holds, however deep, without recursion (shutil.rmtree recurses)."""
    import os
    import stat

    if not root.exists():
        return
    stack = [(str(root), False)]
    while stack:
        path, emptied = stack.pop()
        if emptied:
            os.rmdir(path)
            continue
        os.chmod(path, stat.S_IRWXU)  # a case may have made it unreadable
        stack.append((path, True))
        with os.scandir(path) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, False))
                else:
                    os.unlink(entry.path)


def _deeply_nested(lib: Path) -> None:
    """A brief 1,100 folders down: a recursive walk of the folders would raise RecursionError."""
    folder = lib
    folder.mkdir()
    for _ in range(DEEP):  # one at a time: os.makedirs itself recurses
        folder = folder / "d"
        folder.mkdir()
    brief(with_text("MARK deep"))(folder)


CONTROL_NAME = "b\x1b]0;pwned\x07\u202eMARK.yaml"


def _valid_brief_with_control_in_name(lib: Path) -> None:
    brief(with_text("MARK"), CONTROL_NAME)(lib)


def _file_name_shown_safely(command: str, fmt: str, output: str) -> None:
    from cybrief.safety import visible

    briefs = records(command, fmt, output, "briefs")
    if briefs is not None:
        assert briefs[0]["path"].endswith("/" + CONTROL_NAME)
    if command == "export" and fmt == "csv":
        assert any(cell.endswith("/" + CONTROL_NAME) for cell in csv_cells(output))
    if command != "briefs" or fmt == "json":
        return
    if fmt == "csv":
        assert csv_cells(output)[-1].endswith("/" + CONTROL_NAME)
    elif fmt == "markdown":
        assert any(t.endswith("/" + visible(CONTROL_NAME)) for t in markdown_texts(output))
    else:
        assert not RAW_CONTROL.search(terminal_text(output)) and "/" + visible(CONTROL_NAME) in terminal_text(output)


def _dumped(lib: Path) -> None:
    from cybrief.brief.dump import dump_brief
    from cybrief.brief.load import loads_brief

    tricky = loads_brief(MINI_TEXT)
    tricky.source.reporter = "NO"
    tricky.events[0].title = "10:30"
    tricky.targets[0].region = "2026-03-07"
    tricky.targets[0].metric_en = "- not a list: #nor a comment"
    tricky.targets[0].note = "1.10"
    brief(dump_brief(tricky))(lib)


def _dumped_check(command: str, fmt: str, output: str) -> None:
    targets = records(command, fmt, output, "targets")
    if targets is not None:
        first = targets[0]
        assert (first["region"], first["metric_en"], first["note"]) == ("2026-03-07", "- not a list: #nor a comment", "1.10")


CASES = [
    # 1: tags
    Case("python-apply-tag", 1, fixture("python_apply.yaml"), errors=[
        "lib/python_apply.yaml:14:12: YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed in a brief"]),
    Case("python-tag-on-mapping", 1, fixture("tag_on_mapping.yaml"), errors=[
        "lib/tag_on_mapping.yaml:6:9: YAML tags (tag:yaml.org,2002:python/object:os.system) are not allowed in a brief"]),
    Case("local-tag", 1, fixture("local_tag.yaml"), errors=[
        "lib/local_tag.yaml:4:11: YAML tags (!evil) are not allowed in a brief"]),
    # 2: aliases
    Case("alias-bomb", 2, fixture("alias_bomb.yaml"), errors=[
        "lib/alias_bomb.yaml:4:12: YAML aliases (*a1) are not allowed in a brief"]),
    Case("merge-key", 2, fixture("merge_key.yaml"), errors=[
        "lib/merge_key.yaml:16:9: YAML aliases (*base) are not allowed in a brief"]),
    # 3: nesting (libyaml stops flow nesting at 1,000 levels itself, while scanning ahead)
    Case("deep-flow", 3, fixture("deep_flow.yaml"), errors=[
        "lib/deep_flow.yaml:2:1004: invalid YAML: exceeded maximum nesting depth (increasing flow level at line 2, column 1004)"]),
    Case("deep-flow-100", 3, brief("id: " + "[" * 100 + "]" * 100 + "\n"), errors=[
        "lib/b.yaml:1:68: nesting deeper than 64 levels"]),
    Case("deep-block-sequence", 3, fixture("deep_block_seq.yaml"), errors=[
        "lib/deep_block_seq.yaml:3:129: nesting deeper than 64 levels"]),
    Case("deep-block-mapping", 3, _deep_block_mapping, errors=[
        "lib/b.yaml:66:129: nesting deeper than 64 levels"]),
    # 4: duplicate keys
    Case("duplicate-top-key", 4, fixture("duplicate_title.yaml"), errors=[
        "lib/duplicate_title.yaml:6:1: title: duplicate key (first at line 3)"]),
    Case("duplicate-flow-key", 4, fixture("duplicate_flow_key.yaml"), errors=[
        "lib/duplicate_flow_key.yaml:17:26: sectors[1].slug: duplicate key (first at line 17)"]),
    # 5: YAML 1.1 scalars stay text
    Case("bare-scalars", 5, fixture("bare_scalars.yaml"), exit=0, check=bare_scalars_kept, query="10:30"),
    # 6: encodings and bytes
    Case("utf16-bom", 6, brief(MINI_TEXT.encode("utf-16")), errors=[
        "lib/b.yaml:1:1: not UTF-8: invalid byte 0xff at offset 0 (looks like UTF-16; save the file as UTF-8)"]),
    Case("utf32-bom", 6, brief(MINI_TEXT.encode("utf-32")), errors=[
        "lib/b.yaml:1:1: not UTF-8: invalid byte 0xff at offset 0 (looks like UTF-32; save the file as UTF-8)"]),
    Case("utf16le-ascii", 6, brief("id: mini\ntitle: x\n".encode("utf-16-le")), errors=[
        "lib/b.yaml:1:2: control character U+0000 (NUL) at offset 1 is not allowed in a brief (looks like UTF-16; save the file as UTF-8)"]),
    Case("cp1252", 6, brief(mini_bytes("测试日报", "Caf\xe9 Daily".encode("cp1252"))), errors=[
        "lib/b.yaml:7:14: not UTF-8: invalid byte 0xe9 at offset 152 (looks like a legacy 8-bit encoding such as cp1252; save the file as UTF-8)"]),
    Case("gbk", 6, brief(MINI_TEXT.encode("gb18030")), errors=[
        "lib/b.yaml:3:8: not UTF-8: invalid byte 0xb2 at offset 84 (looks like GBK/GB18030; convert it with: iconv -f GB18030 -t UTF-8)"]),
    Case("truncated-utf8", 6, brief(MINI_TEXT.encode("utf-8") + "表".encode("utf-8")[:2]), errors=[
        "lib/b.yaml:80:1: not UTF-8: invalid byte 0xe8 at offset 1804 (the file ends inside a character: was it cut short?)"]),
    Case("utf8-bom", 6, brief(b"\xef\xbb\xbf" + with_text("测试 MARK").encode("utf-8")), exit=0, check=shows("测试 MARK")),
    Case("bom-then-nul", 6, brief(b"\xef\xbb\xbfid: \x00\n"), errors=[
        "lib/b.yaml:1:5: control character U+0000 (NUL) at offset 7 is not allowed in a brief (is it a binary file?)"]),
    Case("nul-byte", 6, brief(mini_bytes("测试日报", "测试\x00日报".encode())), errors=[
        "lib/b.yaml:7:13: control character U+0000 (NUL) at offset 155 is not allowed in a brief (is it a binary file?)"]),
    Case("esc-byte", 6, brief(mini_bytes("测试日报", b"\x1b]0;pwned\x07")), errors=[
        "lib/b.yaml:7:11: control character U+001B (ESC) at offset 149 is not allowed in a brief;"
        " remove it, or write it as an escape such as \\x1b inside double quotes"]),
    Case("c1-byte", 6, brief(mini_bytes("测试日报", "测试\x9b日报".encode())), errors=[
        "lib/b.yaml:7:13: control character U+009B (CSI) at offset 155 is not allowed in a brief;"
        " remove it, or write it as an escape such as \\x1b inside double quotes"]),
    # 7: schema errors, every one at once
    Case("every-problem", 7, fixture("every_problem.yaml"), errors=[
        "lib/every_problem.yaml:12:11: events[0].date: expected a date as YYYY-MM-DD, got '2026-3-7'",
        "lib/every_problem.yaml:13:11: events[0].kind: expected one of press_conference, open_delegation_meeting,"
        " delegates_corridor, members_corridor, ministers_corridor, news_conference, plenary, group_deliberation, interview, other;"
        " got 'press conference'; did you mean 'press_conference'?",
        "lib/every_problem.yaml:23:5: delegates[0].age: unknown field (expected one of: event, id, name, name_en,"
        " organization, organization_en, paragraphs, points, review, role, role_en, sectors, summary, summary_en,"
        " terms)",
        "lib/every_problem.yaml:32:5: delegates[1].name_en: missing required field",
        "lib/every_problem.yaml:37:19: delegates[1].sectors[1]: unknown sector 'robots' (known: ai, energy)",
        "lib/every_problem.yaml:54:9: targets[1].id: duplicate id 't1' (first at line 41)",
        "lib/every_problem.yaml:55:15: targets[1].delegate: unknown delegate 'wang-wu' (known: li-si, zhang-san)",
        "lib/every_problem.yaml:74:12: targets[2].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'abc'",
        "lib/every_problem.yaml:79:16: targets[2].paragraph: expected a whole number, got a list",
    ]),
    Case("big-numbers", 7, fixture("big_numbers.yaml"), errors=[
        "lib/big_numbers.yaml:48:12: targets[0].value: number out of range (magnitude from 1e-30 to below 1e31), got '1e999999'",
        "lib/big_numbers.yaml:53:16: targets[0].paragraph: expected a whole number from 1, got '99999999999999999999'",
        "lib/big_numbers.yaml:61:12: targets[1].value: expected a number (e.g. 4000000, 23.6 or 1/9), got '1/0'",
        "lib/big_numbers.yaml:66:16: targets[1].paragraph: expected a whole number from 1, got '١٢'",
        "lib/big_numbers.yaml:74:12: targets[2].value: expected a number of at most 40 characters, got '" + "9" * 41 + "'",
    ]),
    Case("many-problems", 7, _many_unknown_fields, errors=[
        f"lib/b.yaml:{6 + i}:1: extra{i}: unknown field (expected one of: delegates, events, id, language, review,"
        " sectors, source, targets, title, title_en)" for i in range(100)
    ] + ["lib/b.yaml:105:1: stopped after 100 problems in this file; fix these first"]),
    Case("many-empty-targets", 7, brief(mini(("  - id: t1\n", "  - {}\n" * 20 + "  - id: t1\n"))), errors=[
        f"lib/b.yaml:{41 + i // 12}:5: targets[{i // 12}].{field}: missing required field"
        for i, field in enumerate(TARGET_REQUIRED * 9)
    ][:100] + ["lib/b.yaml:49:5: stopped after 100 problems in this file; fix these first"]),
    Case("two-broken-files", 7, _two_broken_files, files=2, errors=[
        "lib/a.yaml:74:12: targets[2].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'abc'",
        "lib/z.yaml:2:5: id: expected an id (lower-case letters, digits, '.', '_', '-'), got 'Mini'",
    ]),
    Case("id-with-newline", 7, brief(mini(("id: mini\n", 'id: "mini\\n"\n'))), errors=[
        "lib/b.yaml:2:5: id: expected an id (lower-case letters, digits, '.', '_', '-'), got 'mini\\n'"]),
    Case("not-a-mapping", 7, fixture("not_a_mapping.yaml"), errors=[
        "lib/not_a_mapping.yaml:2:1: a brief is a YAML mapping (id:, title:, events: ...)"]),
    Case("two-documents", 7, fixture("two_documents.yaml"), errors=[
        "lib/two_documents.yaml:80:1: a brief holds one YAML document; found a second one"]),
    Case("empty-file", 7, brief(""), errors=["lib/b.yaml:1:1: a brief is a YAML mapping (id:, title:, events: ...)"]),
    # 8: Rich markup stays text
    Case("rich-markup", 8, brief(with_text(HOSTILE_MARKUP)), exit=0, check=shows(HOSTILE_MARKUP)),
    # 9: terminal controls, in data, in a key that an error quotes, and in a file name
    Case("terminal-controls", 9, brief(with_text(HOSTILE_CONTROLS)), exit=0, check=shows(HOSTILE_CONTROLS)),
    Case("controls-in-error", 9, brief(mini(("  reporter: 李明\n", f"  {quoted(chr(27) + ']0;pwned' + chr(7))}: 李明\n"))), errors=[
        "lib/b.yaml:8:3: source.\\x1b]0;pwned\\x07: unknown field (expected one of: outlet, outlet_en, published, reporter, reporter_en, review, url)"]),
    Case("controls-in-file-name", 9, _control_in_file_name, errors=[
        "lib/b\\x1b]0;pwned\\x07.yaml:74:12: targets[2].value: expected a number (e.g. 4000000, 23.6 or 1/9), got 'abc'"]),
    Case("controls-in-a-loaded-file-name", 9, _valid_brief_with_control_in_name, exit=0, check=_file_name_shown_safely),
    Case("newline-in-error", 9, brief(mini(("  reporter: 李明\n", '  "a\\nb\\u2028c": 李明\n'))), errors=[
        "lib/b.yaml:8:3: source.a\\x0ab\\u2028c: unknown field (expected one of: outlet, outlet_en, published, reporter, reporter_en, review, url)"]),
    # 10: Markdown
    Case("markdown-specials", 10, brief(with_text(HOSTILE_MARKDOWN)), exit=0, check=shows(HOSTILE_MARKDOWN)),
    Case("markdown-autolinks", 10, brief(with_text(HOSTILE_LINKS)), exit=0, check=shows(HOSTILE_LINKS)),
    # 9: what shows as nothing is shown marked (and a name is found by what shows: tests/test_properties.py)
    Case("invisible-characters", 9, brief(with_text(HOSTILE_INVISIBLE)), exit=0, check=shows(HOSTILE_INVISIBLE)),
    # 11: CSV formulas (the region and metric start with =; numbers stay numbers)
    Case("csv-formula", 11, brief(with_text("=HYPERLINK(\"http://evil\",\"MARK\")")), exit=0,
         check=shows("=HYPERLINK(\"http://evil\",\"MARK\")", formula=True)),
    Case("csv-formula-tab", 11, brief(with_text("\t@SUM(1) MARK")), exit=0, check=shows("\t@SUM(1) MARK", formula=True)),
    Case("csv-formula-minus", 11, brief(with_text("-2+3 MARK")), exit=0, check=shows("-2+3 MARK", formula=True)),
    Case("csv-formula-after-space", 11, brief(with_text(" =1+2 MARK")), exit=0, check=shows(" =1+2 MARK", formula=True)),
    Case("csv-formula-after-newline", 11, brief(with_text("\n@SUM(1) MARK")), exit=0, check=shows("\n@SUM(1) MARK", formula=True)),
    Case("csv-formula-after-nbsp", 11, brief(with_text("\u00a0+1 MARK")), exit=0, check=shows("\u00a0+1 MARK", formula=True)),
    Case("csv-formula-full-width", 11, brief(with_text("\u3000＝HYPERLINK(1) MARK")), exit=0,
         check=shows("\u3000＝HYPERLINK(1) MARK", formula=True)),
    # 13: file-system oddities
    Case("50-megabytes", 13, _sparse(50 * 1024 * 1024), errors=[
        "lib/b.yaml: file is 52428800 bytes, over the 5242880-byte limit (set CYBRIEF_MAX_BYTES to raise it)"]),
    Case("size-cap-from-environment", 13, brief(MINI_TEXT), env={"CYBRIEF_MAX_BYTES": "1000"}, errors=[
        "lib/b.yaml: file is 1804 bytes, over the 1000-byte limit (set CYBRIEF_MAX_BYTES to raise it)"]),
    Case("directory-named-like-a-brief", 13, _directory_named_like_a_brief, errors=[
        "library lib: no brief files (*.yaml, *.yml) in it"]),
    Case("missing-library", 13, lambda lib: None, library="missing", errors=["library missing: no such folder"]),
    Case("library-is-a-device", 13, lambda lib: None, library="/dev/zero", errors=["library /dev/zero: not a folder"]),
    Case("fifo", 13, _fifo, errors=["library lib: no brief files (*.yaml, *.yml) in it"]),
    Case("link-to-a-device", 13, _device_link, errors=["library lib: no brief files (*.yaml, *.yml) in it"]),
    Case("dangling-link", 13, _dangling_link, errors=["library lib: no brief files (*.yaml, *.yml) in it"]),
    Case("unreadable", 13, _unreadable, unprivileged=True, errors=["lib/b.yaml: permission denied"]),
    Case("file-name-not-utf8", 13, _not_utf8_name, errors=["lib/b\\xff.yaml: the path is not UTF-8 text; rename it"]),
    Case("folder-name-not-utf8", 13, _not_utf8_folder, errors=["lib/d\\xfe/b.yaml: the path is not UTF-8 text; rename it"]),
    Case("unlistable-subfolder", 13, _unlistable_subfolder, unprivileged=True, files=2, errors=[
        "lib/sub: cannot list the folder (permission denied), so its briefs cannot be read"]),
    Case("subfolder-not-searchable", 13, _subfolder_not_searchable, unprivileged=True, errors=["lib/sub/b.yaml: permission denied"]),
    Case("library-not-searchable", 13, _library_not_searchable, unprivileged=True, errors=["lib/b.yaml: permission denied"]),
    Case("nested-1100-folders-deep", 13, _deeply_nested, exit=0, check=shows("MARK deep")),
    # 14: a brief written by cybrief reads back the same
    Case("dumped-brief", 14, _dumped, exit=0, check=_dumped_check, query="nor a comment"),
]
