"""The demo: the whole tour on the bundled corpus (what `make demo` runs).

It ingests corpora/ into a store, shows the outline, facts, plan check and
year-over-year comparison of the sample pair, and writes the files an official
would open into the output folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SAMPLE = CORPORA / "000_85a1b6df8f5117e0.txt"
SYNTHETIC_2022 = CORPORA / "synthetic_上林县妇联2022年工作总结.txt"
GOV_2014 = CORPORA / "gov_work_report_2014.txt"


def _outline_view(doc, max_level: int = 4):
    view = doc.sections[doc.sections["level"] <= max_level].copy()
    view["title"] = [("  " * (lvl - 1)) + (t if len(t) <= 30 else t[:29] + "…")
                     for lvl, t in zip(view["level"], view["title"])]
    return view


def run_demo(out_dir: Path = Path("summarylab-demo"), store: Optional[Path] = None,
             console=None) -> dict[str, Path]:
    """Run the tour and return the files it wrote.

    Args:
        out_dir: folder for the reports and exports (created if missing).
        store: the DuckDB store to ingest into (default: out_dir/summarylab.duckdb).
        console: a rich Console (default: a new one on stdout).

    Returns:
        Name → path of every file written.

    Example:
        >>> files = run_demo(Path("/tmp/demo"))  # doctest: +SKIP
        >>> sorted(files)  # doctest: +SKIP
        ['check.csv', 'facts.xlsx', 'report.html', 'report.xlsx', 'store']
    """
    from rich.console import Console
    from rich.rule import Rule

    from .audit import audit
    from .batch import ingest
    from .export import render_table, write_table
    from .pipeline import read
    from .report import report_tables, write_report

    console = console or Console()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    store = Path(store) if store else out_dir / "summarylab.duckdb"

    console.print(Rule("summarylab demo: 上林县妇联 2021 → 2022, and the 2013/2014 national reports"))
    result = ingest([CORPORA], store)
    console.print(f"ingested corpora/ into {store}: {result.new} new, {result.unchanged} unchanged, "
                  f"{len(result.failed)} failed")
    for path, message in result.failed:
        console.print(f"  failed: {path}: {message}")

    plan_doc, summary_doc, gov = read(SAMPLE), read(SYNTHETIC_2022), read(GOV_2014)
    for doc, depth in ((plan_doc, 4), (gov, 2)):
        m = doc.meta
        console.print(render_table(
            _outline_view(doc, depth),
            title=f"提纲 outline: {m.title} ({m.org}, {m.year}→{m.plan_year}, {m.kind})",
            columns=["section_id", "marker", "title", "kind"]))

    # The report's tables are what the demo shows: computed once, shown, then written.
    tables = report_tables(plan_doc, summary_doc)
    fact_table, checked, comparison = tables["前一年事实"], tables["计划核对"], tables["年度对比"]
    console.print(render_table(
        fact_table, title=f"数值事实 facts: {plan_doc.meta.title} ({len(fact_table)})",
        columns=["fact_id", "surface", "base_value", "base_unit", "approx", "role", "indicator"]))
    console.print(render_table(audit(plan_doc), title="自我核对 audit: totals and targets"))

    console.print(render_table(
        checked, title=f"计划核对 plan check: {plan_doc.meta.plan_year} plan against {summary_doc.meta.title}",
        columns=["item_id", "commitment", "verdict", "score", "evidence"]))
    counts = checked["verdict"].value_counts().to_dict()
    console.print("verdicts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))

    console.print(render_table(
        comparison, title="年度对比 year over year",
        columns=["indicator", "unit", "value_a", "value_b", "change", "change_pct"]))

    files = {
        "report.html": out_dir / "report.html",
        "report.xlsx": out_dir / "report.xlsx",
        "facts.xlsx": out_dir / "facts.xlsx",
        "check.csv": out_dir / "check.csv",
    }
    write_report(plan_doc, summary_doc, files["report.html"], tables=tables)
    write_report(plan_doc, summary_doc, files["report.xlsx"], tables=tables)
    write_table(fact_table, files["facts.xlsx"])
    write_table(checked, files["check.csv"])
    files["store"] = store
    console.print(Rule("files written"))
    for name, path in files.items():
        console.print(f"  {name:12} {path.resolve()}")
    console.print("open report.html in a browser, report.xlsx in Excel or WPS; "
                  f"query the store with: summarylab list --store {store}")
    return files
