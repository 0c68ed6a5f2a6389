"""Regenerate the command examples of README.md from what the commands print now.

Usage (from the repository root, with the project's Python):

    python scripts/update_readme.py           # rewrite README.md in place
    python scripts/update_readme.py --check   # exit 1 and show the blocks that drifted

tests/test_readme.py runs the same examples and fails when one drifts, so run
this after changing what a command prints, read the diff, and commit it.

## What an example is

A fenced code block whose first line starts with ``$ summarylab``.  Every line
starting with ``$ `` is a command; the lines after it, up to the next command,
are what it prints.  Commands run in the order of the README, in-process
(click's CliRunner), as on a 100-column terminal without colour, in a scratch
folder that holds ``corpora/`` and the store ``make demo`` builds
(``summarylab-demo/summarylab.duckdb``, the top-level reports of corpora/).
``# comments`` after a command are ignored, ``corpora/*.txt`` is expanded as a
shell would, and ``| head -N`` keeps the first N lines.

## The elision convention

Long outputs are shortened in the README with ``…``:

* a line that holds nothing but ``…`` (alone, or as the only content of the
  cells of a table row: ``│ …   │      │``) stands for zero or more lines;
* a line that ends with ``…`` stands for a line that starts with the text
  before the ``…`` (a long JSON line, cut).

Everything else must match exactly (trailing spaces aside).  When this script
rewrites a block that no longer matches, it keeps the block's shape: as many
lines before the first elision row and after the last one as the README had
(all of the output when it has no elision), an elision row in between when
lines were left out, and cut lines cut at the same width.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = 100
ELLIPSIS = "…"
_FENCE = re.compile(r"^```[\w-]*\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
_BOX = re.compile(r"[│┃|\s]")


@dataclass
class Example:
    """One command of a README block and the output the README shows for it."""

    command: str
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    """A fenced block of examples: where it sits in the README, and its commands."""

    start: int
    end: int
    examples: list[Example]


def parse(readme: str) -> list[Block]:
    """The example blocks of a README text (see the module docstring).

    Example:
        >>> [b.examples[0].command for b in parse("```\\n$ summarylab list\\nx\\n```\\n")]
        ['summarylab list']
    """
    blocks = []
    for m in _FENCE.finditer(readme):
        body = m.group(1)
        if not body.startswith("$ summarylab"):
            continue
        examples: list[Example] = []
        for line in body.rstrip("\n").split("\n"):
            if line.startswith("$ "):
                examples.append(Example(line[2:]))
            else:
                examples[-1].expected.append(line)
        blocks.append(Block(m.start(1), m.end(1), examples))
    return blocks


def is_elision(line: str) -> bool:
    """A line that stands for zero or more lines: only ``…`` (in table cells or alone).

    Example:
        >>> is_elision("│ …          │        │      │"), is_elision("│ 1  │ 一、 │")
        (True, False)
    """
    rest = _BOX.sub("", line)
    return bool(rest) and set(rest) == {ELLIPSIS}


def _line_matches(expected: str, actual: str) -> bool:
    expected, actual = expected.rstrip(), actual.rstrip()
    if expected.endswith(ELLIPSIS) and not is_elision(expected):
        return actual.startswith(expected[:-1]) and len(actual) >= len(expected)
    return expected == actual


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` output lines are what the README's ``expected`` lines show.

    Example:
        >>> matches(["a", "│ … │", "z"], ["a", "b", "c", "z"]), matches(["a", "…"], ["b"])
        (True, False)
    """
    expected = [e for e in expected]
    memo: dict[tuple[int, int], bool] = {}

    def go(i: int, j: int) -> bool:
        key = (i, j)
        if key in memo:
            return memo[key]
        if i == len(expected):
            ok = j == len(actual)
        elif is_elision(expected[i]):
            ok = any(go(i + 1, k) for k in range(j, len(actual) + 1))
        else:
            ok = j < len(actual) and _line_matches(expected[i], actual[j]) and go(i + 1, j + 1)
        memo[key] = ok
        return ok

    return go(0, 0)


# --- running the commands ---------------------------------------------------------

@contextlib.contextmanager
def session() -> Iterator[Path]:
    """A scratch folder as a newcomer's checkout looks after ``make demo``.

    It holds ``corpora`` (a link to the repository's) and the store the demo
    builds, ``summarylab-demo/summarylab.duckdb`` (the top-level reports of
    corpora/); the commands run with it as the current folder.
    """
    from summarylab.batch import ingest
    from summarylab.demo import demo_corpus

    old = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="summarylab-readme-") as tmp:
        where = Path(tmp)
        (where / "corpora").symlink_to(ROOT / "corpora", target_is_directory=True)
        (where / "summarylab-demo").mkdir()
        ingest(demo_corpus(), where / "summarylab-demo" / "summarylab.duckdb")
        os.chdir(where)
        try:
            yield where
        finally:
            os.chdir(old)


def run(command: str) -> list[str]:
    """The lines ``command`` prints (stdout, then stderr), run in-process as on a terminal."""
    from typer.testing import CliRunner

    import summarylab.cli as cli

    words = shlex.split(command, comments=True)
    head: Optional[int] = None
    if "|" in words:
        cut = words.index("|")
        pipe, words = words[cut + 1:], words[:cut]
        if pipe[:1] != ["head"]:
            raise ValueError(f"README examples pipe only into head: {command}")
        number = [w for w in pipe[1:] if w.lstrip("-").isdigit()]
        head = abs(int(number[0])) if number else 10
    if words[:1] != ["summarylab"]:
        raise ValueError(f"not a summarylab command: {command}")
    args: list[str] = []
    for word in words[1:]:
        args.extend(sorted(glob.glob(word)) if any(c in word for c in "*?[") else [word])
    terminal = cli.stdout_is_terminal
    cli.stdout_is_terminal = lambda: head is None   # a pipe is no terminal
    try:
        result = CliRunner().invoke(cli.app, args, env={"COLUMNS": str(WIDTH), "NO_COLOR": "1",
                                                        "SUMMARYLAB_STORE": None})
    finally:
        cli.stdout_is_terminal = terminal
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    if head is not None:
        lines = lines[:head]
    return lines + [line.rstrip() for line in result.stderr.splitlines()]


# --- rewriting --------------------------------------------------------------------

_BORDER = str.maketrans({"└": "│", "┴": "│", "┘": "│", "┡": "│", "╇": "│", "┩": "│",
                         "─": " ", "━": " "})


def _elision_row(lines: list[str]) -> str:
    """The elision row of the table in ``lines`` (``…`` in its first cell), or ``…``."""
    border = next((line for line in reversed(lines) if line.startswith(("└", "┡"))), None)
    if border is None:
        return ELLIPSIS
    blank = border.translate(_BORDER)
    return blank[:2] + ELLIPSIS + blank[3:]


def _continues_row(line: str) -> bool:
    """A table line that continues the row above (its first cell is empty)."""
    return line.startswith("│") and line[1:].split("│", 1)[0].strip() == ""


def reshape(expected: list[str], actual: list[str]) -> list[str]:
    """``actual`` shortened the way the README shortened ``expected``.

    Example:
        >>> reshape(["h", "…", "z"], ["h", "a", "b", "y", "z"])
        ['h', '…', 'z']
    """
    elided = [i for i, line in enumerate(expected) if is_elision(line)]
    cut = {i: len(line.rstrip()) - 1 for i, line in enumerate(expected)
           if line.rstrip().endswith(ELLIPSIS) and not is_elision(line)}
    if elided:
        head, tail = elided[0], len(expected) - elided[-1] - 1
        while head < len(actual) - tail and _continues_row(actual[head]):
            head += 1   # never cut a table row between its lines
        if head + tail < len(actual):
            lines = actual[:head] + [_elision_row(actual)] + (actual[len(actual) - tail:] if tail else [])
        else:
            lines = list(actual)
    else:
        lines = list(actual)
    for i, width in cut.items():
        if i < len(lines) and len(lines[i]) > width:
            lines[i] = lines[i][:width] + ELLIPSIS
    return lines


def update(readme: str) -> tuple[str, list[str]]:
    """The README with every drifted example regenerated, and the commands that drifted."""
    blocks = parse(readme)
    drifted: list[str] = []
    pieces, last = [], 0
    with session():
        for block in blocks:
            body = []
            for example in block.examples:
                actual = run(example.command)
                shown = example.expected
                if not matches(shown, actual):
                    drifted.append(example.command)
                    shown = reshape(shown, actual)
                body.append("$ " + example.command)
                body.extend(shown)
            pieces.append(readme[last:block.start])
            pieces.append("\n".join(body) + "\n")
            last = block.end
    pieces.append(readme[last:])
    return "".join(pieces), drifted


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report drifted examples")
    parser.add_argument("--readme", type=Path, default=README)
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))   # the checkout's package, whatever is installed
    readme = options.readme.read_text(encoding="utf-8")
    new, drifted = update(readme)
    for command in drifted:
        print(f"drifted: $ {command}")
    if options.check:
        return 1 if drifted else 0
    if new != readme:
        options.readme.write_text(new, encoding="utf-8")
        print(f"rewrote {len(drifted)} example(s) in {options.readme}")
    else:
        print("every README example matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
