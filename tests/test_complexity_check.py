"""The plan check's modules stay readable: no function above cyclomatic complexity 30 (issue 12).

radon measures the complexity of every function and method of the plan-check modules; a
function that grows past the bar must be split into named steps, as commitment_features
(42) and decide (36) were.
"""
from pathlib import Path

import pytest

radon_complexity = pytest.importorskip("radon.complexity")

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["summarylab/plancheck.py", "summarylab/verdict.py", "summarylab/check_pairs.py", "summarylab/listed.py",
           "scripts/train_check.py", "scripts/eval_check.py"]
BAR = 30


def blocks(path):
    return radon_complexity.cc_visit((ROOT / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", MODULES)
def test_no_function_of_the_plan_check_above_the_complexity_bar(path):
    too_complex = {b.fullname: b.complexity for b in blocks(path) if b.complexity > BAR}
    assert too_complex == {}


def test_the_measure_sees_a_complex_function():
    # The bar would be meaningless if radon scored everything 1: a function of
    # 31 branches must be reported above it.
    source = "def f(x):\n" + "".join(f"    if x == {k}:\n        return {k}\n" for k in range(31))
    assert max(b.complexity for b in radon_complexity.cc_visit(source)) > BAR


def test_the_old_giants_are_split():
    names = {b.fullname: b.complexity for b in blocks("summarylab/plancheck.py")}
    assert names["commitment_features"] <= 10
    assert names["decide"] <= 15
