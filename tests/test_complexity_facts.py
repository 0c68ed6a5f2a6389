"""The fact extractor stays readable: no function of extract.py or numbers.py above
cyclomatic complexity 30 (radon), the bar of issue 12.

A rule that needs more branches belongs in a rule table (extract.LABEL_RULES and the
tables beside it) or in a lexicon of models/, not in a longer if/elif chain.
"""

from pathlib import Path

import pytest

cc_visit = pytest.importorskip("radon.complexity").cc_visit

PACKAGE = Path(__file__).resolve().parent.parent / "summarylab"
MAX_COMPLEXITY = 30


def _blocks(module: str):
    for block in cc_visit((PACKAGE / module).read_text(encoding="utf-8")):
        yield block
        yield from getattr(block, "methods", ())  # a class: its methods count one by one


@pytest.mark.parametrize("module", ["extract.py", "numbers.py"])
def test_no_function_above_the_complexity_bar(module):
    too_complex = sorted((b.complexity, b.name) for b in _blocks(module) if b.complexity > MAX_COMPLEXITY)
    assert too_complex == [], f"{module}: split these into named rules or steps: {too_complex}"


def test_the_bar_can_fail():
    # the measure itself works: a chain of 31 branches is above the bar
    src = "def f(x):\n" + "".join(f"    if x == {k}:\n        return {k}\n" for k in range(31)) + "    return -1\n"
    assert max(b.complexity for b in cc_visit(src)) > MAX_COMPLEXITY
