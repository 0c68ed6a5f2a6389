"""No function of the document readers is too tangled to read: cyclomatic complexity ≤ 30.

A function above the bar (build_sections once reached 72, with seven mutable
dicts) hides rules that cannot be named or tested apart; the bar is issue 12's.
Measured with radon over the modules that read a document: readers, normalize,
structure and plans.
"""

from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")

PACKAGE = Path(__file__).resolve().parent.parent / "summarylab"
MODULES = ["readers.py", "normalize.py", "structure.py", "plans.py"]
BAR = 30


@pytest.mark.parametrize("module", MODULES)
def test_no_function_above_the_complexity_bar(module):
    blocks = radon_complexity.cc_visit((PACKAGE / module).read_text(encoding="utf-8"))
    functions = [b for b in blocks if b.letter in ("F", "M")]
    assert functions, f"radon found no function in {module}"
    tangled = [f"{b.fullname} ({b.complexity})" for b in functions if b.complexity > BAR]
    assert not tangled, f"{module}: above {BAR}: {', '.join(tangled)}"


def test_the_measure_sees_a_tangled_function():
    # The bar can fail: 31 independent branches are complexity 32.
    source = "def f(x):\n" + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(31))
    (block,) = radon_complexity.cc_visit(source)
    assert block.complexity == 32 > BAR
