"""The options of `cybrief search` as a parser sees them, declared once: the Typer command and the quick path read them.

The Typer command (reading.py, and the shared options of options.py) takes each option's flags, choices,
minimum and repeatability from here; the quick path (quick.py) parses a plain search with the same table, so
that the two cannot drift apart (tests/test_quick.py also compares this table with the command Typer builds).
No Typer here: the quick path imports this module before Typer is ever loaded.
"""

from __future__ import annotations

# Choices of the options that take one, as the enums of options.py hold them (matched case-insensitively).
KINDS = ("achieved", "goal", "plan")  # brief.model.TARGET_KINDS, which the quick path must not import
LANGS = ("zh", "en", "both")
SCOPES = ("delegates", "targets", "events")  # search.query.SCOPES
FORMATS = ("auto", "table", "markdown", "json", "csv", "plain")  # render.Format


class Option:
    """One option: the search command's parameter it fills, its flags, and what value it takes.

    value: None for a flag alone; "text" or "int" for a value; a tuple for one of those choices. A flag
    with an `off` flag (--pinyin/--no-pinyin) is True, False, or None when neither is given.
    """

    __slots__ = ("param", "flags", "value", "repeatable", "minimum", "off", "quick")

    def __init__(self, param: str, flags: tuple[str, ...], value=None, *, repeatable: bool = False,
                 minimum: int | None = None, off: tuple[str, ...] = (), quick: bool = True):
        self.param, self.flags, self.value, self.repeatable = param, flags, value, repeatable
        self.minimum, self.off, self.quick = minimum, off, quick


ANY = Option("any_term", ("--any",))
EXCLUDE = Option("exclude", ("--exclude", "-x"), "text", repeatable=True)
REGEX = Option("regex", ("--regex", "-E"))
PINYIN = Option("pinyin", ("--pinyin",), off=("--no-pinyin",))
SCOPE = Option("scope", ("--in",), SCOPES, repeatable=True)
CASE_SENSITIVE = Option("case_sensitive", ("--case-sensitive", "-s"))  # -s, -i and -w as in ripgrep
IGNORE_CASE = Option("ignore_case", ("--ignore-case", "-i"))
WORD = Option("word", ("--word", "-w"))
SECTOR = Option("sector", ("--sector",), "text")  # no -s here: in search it is --case-sensitive (options.py keeps it elsewhere)
DELEGATE = Option("delegate", ("--delegate", "-d"), "text")
KIND = Option("kind", ("--kind", "-k"), KINDS)
CONTEXT = Option("context", ("--context", "-C"), "int", minimum=0)
COUNT = Option("count", ("--count", "-c"))
LIMIT = Option("limit", ("--limit", "-n"), "int", minimum=1)
NO_CACHE = Option("no_cache", ("--no-cache",), quick=False)  # reads the files: the Typer command does that
FORMAT = Option("fmt", ("--format", "-f"), FORMATS)
LANG = Option("lang", ("--lang", "-l"), LANGS)
BRIEF = Option("brief", ("--brief", "-b"), "text")
LIBRARY = Option("library", ("--library",), "text")
STRICT = Option("strict", ("--strict",))  # an index is current only without broken files: nothing to stop at
BOM = Option("bom", ("--bom",), quick=False)  # CSV for Excel: the Typer command writes it

SEARCH = (ANY, EXCLUDE, REGEX, CASE_SENSITIVE, IGNORE_CASE, WORD, PINYIN, SCOPE, SECTOR, DELEGATE, KIND, CONTEXT, COUNT,
          LIMIT, NO_CACHE, FORMAT, LANG, BRIEF, LIBRARY, STRICT, BOM)

# Options of the commands that read a library which may also be written before the command (`cybrief --library
# DIR delegates`): cli/argv.py moves them after it. NO_DRAFTS is not an option of search; NO_PAGER is an option
# of cybrief itself, taken out wherever it is written.
GLOBAL = (LIBRARY, LANG, FORMAT, BRIEF, STRICT)
NO_DRAFTS = "--no-drafts"
NO_PAGER = "--no-pager"
