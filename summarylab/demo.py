"""The demo: the whole tour on the bundled corpus (what `make demo` runs).

It ingests the reports of corpora/ into a store, then reads the sample pair
(上林县妇联 2021 with its 2022 plan, and the 2022 report that answers it):
outline, facts, self-audit, plan check and year-over-year comparison.  Each
step prints a few lines, a summary and the first rows, and says where its
full table was written; the files an official opens go to the output folder.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .model import Document

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
SAMPLE = CORPORA / "000_85a1b6df8f5117e0.txt"
SYNTHETIC_2022 = CORPORA / "synthetic_上林县妇联2022年工作总结.txt"
GOV_2014 = CORPORA / "national/2014.txt"

#: Rows of each table the demo prints; the files hold all of them.
SHOWN_ROWS = 3
#: Widest line the demo prints, in terminal cells (fits an 80-column terminal).
WIDTH = 78


#: The two consecutive national reports the tour shows beside the county reports.
NATIONAL_PAIR = (CORPORA / "national/2013.txt", GOV_2014)


def demo_corpus() -> list[Path]:
    """The reports the demo ingests: the files at the top of corpora/ and one national pair.

    Example:
        >>> any(p.name == "000_85a1b6df8f5117e0.txt" for p in demo_corpus())
        True
    """
    return sorted(p for p in CORPORA.glob("*.txt") if p.is_file()) + list(NATIONAL_PAIR)


def _fit(text: str, width: int = WIDTH) -> str:
    """``text`` cut to ``width`` terminal cells (CJK count two), with … when cut."""
    out, cells = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if cells + w > width - 1:
            return "".join(out) + "…"
        out.append(ch)
        cells += w
    return "".join(out)


def _stored(store: Path, path: Path, doc_ids: dict[Path, str]) -> "Document":
    """The document of ``path`` with its stored analysis, or read afresh when the ingest failed it.

    ``doc_ids`` maps each file the ingest stored (or found stored) to its doc_id
    (:func:`_ingested_ids`), so a stored report is not read again to learn it.
    """
    from .pipeline import read
    from .store import Store

    doc_id = doc_ids.get(path.absolute())
    if doc_id is None:
        return read(path)
    with Store(store, read_only=True) as st:
        return st.get(doc_id)


def _ingested_ids(corpus: list[Path], result) -> dict[Path, str]:
    """File → doc_id of every file of ``corpus`` the ingest stored or found stored.

    ``result.doc_ids`` follows the ingested files in input order, the failed ones left out.
    """
    from .batch import expand_paths

    failed = {Path(p) for p, _ in result.failed}
    ok = [p for p in expand_paths(corpus) if p not in failed]
    return dict(zip(ok, result.doc_ids))


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
        ['check.csv', 'facts.xlsx', 'outline.csv', 'report.html', 'report.xlsx', 'store']
    """
    from rich.console import Console

    from .auditing import audit
    from .batch import ingest
    from .export import visible, write_table
    from .report import report_tables, write_report

    console = console or Console(highlight=False)

    def say(text: str = "", fit: bool = True) -> None:
        text = visible(text)
        console.print(_fit(text) if fit else text, markup=False, highlight=False, soft_wrap=not fit)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    store = Path(store) if store else out_dir / "summarylab.duckdb"
    files = {name: out_dir / name for name in
             ("report.html", "report.xlsx", "facts.xlsx", "check.csv", "outline.csv")}

    say("summarylab demo: 上林县妇联 2021 → 2022, on the bundled corpus")
    corpus = demo_corpus()
    result = ingest(corpus, store)
    say(f"1. ingest: {len(corpus)} reports of corpora/ → {store}")
    say(f"   {result.summary()}")
    for path, message in result.failed:
        say(f"   failed: {Path(path).name}: {message}")

    # the two reports as the store keeps them, with the facts and plan the ingest found:
    # nothing is analysed a second time
    doc_ids = _ingested_ids(corpus, result)
    plan_doc, summary_doc = (_stored(store, p, doc_ids) for p in (SAMPLE, SYNTHETIC_2022))
    m = plan_doc.meta
    sections = plan_doc.sections
    tops = sections[sections["level"] == 1]
    say(f"2. outline: {m.title}")
    say(f"   {m.org}, {m.year} → {m.plan_year}, {m.kind}: {len(tops)} parts, {len(sections)} sections")
    for row in tops.head(SHOWN_ROWS + 1).itertuples():
        say(f"   {row.section_id:>3} {row.marker}{row.title}  ({row.kind})")
    write_table(sections, files["outline.csv"])
    say(f"   full tree → {files['outline.csv']}")

    tables = report_tables(plan_doc, summary_doc)
    fact_table, checked, comparison = tables["前一年事实"], tables["计划核对"], tables["年度对比"]
    roles = fact_table["role"].value_counts()
    say(f"3. facts: {len(fact_table)} numeric facts, " + ", ".join(f"{k} {n}" for k, n in roles.items()))
    for row in fact_table.head(SHOWN_ROWS).itertuples():
        say(f"   {row.surface} · {row.indicator} · {row.role}, {row.approx}")
    write_table(fact_table, files["facts.xlsx"])
    say(f"   all facts → {files['facts.xlsx']}")

    audited = audit(plan_doc)
    agree = int(audited["ok"].sum()) if len(audited) else 0
    say(f"4. audit: {len(audited)} totals and targets checked in the report itself, {agree} agree")
    for row in audited.head(SHOWN_ROWS).itertuples():
        say(f"   {'✓' if row.ok else '✗'} {row.claim}: {row.computed}")

    counts = checked["verdict"].value_counts()
    say(f"5. plan check: the {m.plan_year} plan against {summary_doc.meta.title}")
    say(f"   {len(checked)} commitments: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    for row in checked.head(SHOWN_ROWS).itertuples():
        say(f"   {row.item_id} {row.commitment} → {row.verdict}")
    write_table(checked, files["check.csv"])
    say(f"   every commitment with its evidence → {files['check.csv']}")

    both = comparison.dropna(subset=["value_a", "value_b"])
    say(f"6. compare: {len(both)} indicators in both years, {len(comparison) - len(both)} in one only")
    for row in both.head(SHOWN_ROWS).itertuples():
        say(f"   {row.indicator}: {row.value_a:g} → {row.value_b:g} {row.unit}")

    write_report(plan_doc, summary_doc, files["report.html"], tables=tables)
    write_report(plan_doc, summary_doc, files["report.xlsx"], tables=tables)
    say("7. report of the pair, every table in full:")
    say(f"   {files['report.html']}  (open it in a browser)")
    say(f"   {files['report.xlsx']}  (Excel, WPS)")
    files["store"] = store

    say()
    for line in next_steps(store):
        say(line, fit=False)  # commands to copy: never cut
    return files


def next_steps(store: Path) -> list[str]:
    """The closing hint: how to run ``summarylab`` from here, with the venv or without.

    After ``make demo`` the command lives in ``.venv/bin``, which is not on
    the PATH until the venv is activated; the hint says so when it is the case.

    Example:
        >>> next_steps(Path("summarylab-demo/summarylab.duckdb"))[0].startswith("Next")
        True
    """
    bin_dir = Path(sys.executable).parent
    on_path = shutil.which("summarylab")
    lines = ["Next, try the CLI on the store the demo built:"]
    if on_path is None or Path(on_path).parent.resolve() != bin_dir.resolve():
        try:
            shown = bin_dir.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            shown = bin_dir
        if (bin_dir / "activate").exists():
            lines.append(f"  source {shown}/activate    # or run {shown}/summarylab")
        else:
            lines.append(f"  (summarylab is {shown}/summarylab: put {shown} on your PATH)")
    lines += [f"  summarylab list --store {store}",
              f"  summarylab outline {SAMPLE.relative_to(CORPORA.parent)}",
              "The web page (upload reports, review the plan check, download the tables):",
              f"  summarylab serve --store {store}    # then open http://127.0.0.1:8000/"]
    return lines
