"""The README's examples print what the README shows, and the repository stands alone.

Every ``$ summarylab …`` block of README.md runs here, in order, in a scratch
folder where the store of ``make demo`` has been built from corpora/, on a
100-column terminal without colour, and must print what the README shows; a
row of ``…`` stands for rows left out and a line ending in ``…`` is cut (the
convention is spelled out in scripts/update_readme.py, which regenerates the
examples: run it after changing what a command prints).
"""

from __future__ import annotations

import importlib.util
import re
import sys

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("update_readme", ROOT / "scripts" / "update_readme.py")
update_readme = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("update_readme", update_readme)   # dataclasses look their module up
_spec.loader.exec_module(update_readme)

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = [e for block in update_readme.parse(README) for e in block.examples]


def test_the_readme_has_examples_of_the_main_commands():
    commands = {e.command.split()[1] for e in EXAMPLES}
    assert {"text", "outline", "facts", "audit", "plans", "check", "compare", "ingest", "list"} <= commands


@pytest.fixture(scope="module")
def outputs():
    """What every README command prints, run in README order in one session."""
    with update_readme.session():
        return [update_readme.run(e.command) for e in EXAMPLES]


@pytest.mark.parametrize("index", range(len(EXAMPLES)), ids=[e.command[11:50] for e in EXAMPLES])
def test_each_readme_example_prints_what_the_readme_shows(outputs, index):
    example = EXAMPLES[index]
    assert update_readme.matches(example.expected, outputs[index]), (
        f"README drifted for `$ {example.command}`; run scripts/update_readme.py and read the diff.\n"
        + "\n".join(outputs[index][:40]))


def test_the_elision_convention():
    matches = update_readme.matches
    table = ["┃ a ┃", "│ 1 │", "│ 2 │", "│ 3 │", "└───┘"]
    assert matches(["┃ a ┃", "│ 1 │", "│ … │", "└───┘"], table)
    assert matches(["┃ a ┃", "│ … │", "│ 3 │", "└───┘"], table)
    assert not matches(["┃ a ┃", "│ 1 │", "└───┘"], table)            # no elision: exact
    assert not matches(["┃ a ┃", "│ 9 │", "│ … │", "└───┘"], table)
    assert matches(['{"doc_id": "6f39…'], ['{"doc_id": "6f39b2bbe5f5c2f0"}'])
    assert not matches(['{"doc_id": "7…'], ['{"doc_id": "6f39b2bbe5f5c2f0"}'])


def test_update_keeps_the_readme_shape_when_output_changes():
    shown = ["┃ a ┃", "│ 1 │", "│ … │", "└───┘"]
    new = ["┃ a ┃", "│ 7 │", "│   │", "│ 8 │", "│ 9 │", "└───┘"]
    # the kept row is kept whole (with its continuation line), the rest elided
    assert update_readme.reshape(shown, new) == ["┃ a ┃", "│ 7 │", "│   │", "│ … │", "└───┘"]
    assert update_readme.reshape(['{"a": 1…'], ['{"b": 22222}']) == ['{"b": 2…']


def test_the_repository_stands_alone():
    """No test, README, lexicon, annotation or packaged code points at the folder beside the clone
    that only the developers had (a user's clone has none): every file they need ships here."""
    outside = "shared"  # the folder's name; the pattern is built so this test names no path itself
    pointing = re.compile(rf"\.\./(\.\./)?{outside}/|parent\.parent\.parent\s*/\s*\"{outside}\"|/work/{outside}")
    files = [ROOT / "README.md", ROOT / "corpora" / "README.md", ROOT / "Makefile",
             *sorted((ROOT / "tests").glob("*.py")), *sorted((ROOT / "summarylab").glob("*.py")),
             *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "models").glob("*.tsv")),
             *sorted((ROOT / "corpora" / "annotations").glob("*.md")),
             *sorted((ROOT / "corpora" / "annotations").glob("*.jsonl")),
             *sorted((ROOT / "benchmarks").glob("*.py")), *sorted((ROOT / "scripts").glob("*.py"))]
    offenders = [str(p.relative_to(ROOT)) for p in files
                 if p.exists() and p != ROOT / "tests" / "test_readme.py"
                 and pointing.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_national_reports_ship_with_the_repository():
    assert len(list((ROOT / "corpora" / "national").glob("*.txt"))) == 46
