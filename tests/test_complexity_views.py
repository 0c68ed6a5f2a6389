"""No function of the views (panel, comparison, audit, report, export, CLI, demo, web, lexicon reader)
is more complex than a person can follow: cyclomatic complexity at most 30 (radon, as issue 12 asks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parent.parent / "summarylab"
VIEWS = ["series.py", "comparison.py", "auditing.py", "report.py", "export.py", "cli.py", "demo.py",
         "lexicon.py", *sorted(f"web/{p.name}" for p in (PACKAGE / "web").glob("*.py"))]
MOST = 30


def _functions(path: Path):
    for block in cc_visit(path.read_text(encoding="utf-8")):
        yield from getattr(block, "methods", ())  # a class: its methods
        if not hasattr(block, "methods"):
            yield block


@pytest.mark.parametrize("name", VIEWS)
def test_no_function_of_a_view_is_above_complexity_30(name):
    too_complex = {f"{f.fullname} (line {f.lineno})": f.complexity
                   for f in _functions(PACKAGE / name) if f.complexity > MOST}
    assert not too_complex, f"split these functions of {name}: {too_complex}"


def test_the_measure_sees_a_complex_function():
    # the test can fail: a function of 31 branches is flagged
    source = "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(31))
    [block] = cc_visit(source)
    assert block.complexity > MOST
