"""The Python API of DESIGN.md: names, return types, laziness."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import summarylab as sl

from .conftest import ROOT, SAMPLE


def test_api_functions_stay_functions_after_their_modules_are_imported():
    import summarylab.auditing  # noqa: F401
    import summarylab.plancheck  # noqa: F401
    import summarylab.comparison  # noqa: F401
    import summarylab.extract  # noqa: F401

    for name in ("facts", "check", "compare", "audit", "plan_items", "read", "parse_number"):
        assert callable(getattr(sl, name)) and not isinstance(getattr(sl, name), type(sys)), name


def test_every_table_function_returns_a_dataframe(sample_doc):
    later = sl.read(ROOT / "corpora" / "synthetic_上林县妇联2022年工作总结.txt")
    for table in (sample_doc.sections, sl.facts(sample_doc), sl.plan_items(sample_doc),
                  sl.check(sample_doc, later), sl.compare(sample_doc, later), sl.audit(sample_doc)):
        assert isinstance(table, pd.DataFrame) and len(table) > 0


def test_the_examples_of_the_design_contract():
    assert sl.parse_number("四千零四万") == 40040000.0
    q = sl.parse_quantity("近4.5万元")
    assert (q.value, q.unit, q.base_value, q.base_unit, q.kind, q.approx) == (
        4.5, "万元", 45000.0, "元", "money", "near")
    doc = sl.read(SAMPLE)
    assert (doc.meta.org, doc.meta.year, doc.meta.plan_year) == ("上林县妇联", 2021, 2022)


@pytest.mark.parametrize("code", [
    "import summarylab",
    "from summarylab.cli import app; from typer.testing import CliRunner; CliRunner().invoke(app, ['--help'])",
], ids=["import", "cli --help"])
def test_start_up_does_not_import_the_heavy_libraries(code):
    heavy = ("pandas", "spacy", "sklearn", "jieba", "rjieba", "duckdb", "dask")
    probe = f"import sys; {code}; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
