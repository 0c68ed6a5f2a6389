"""The command line, invoked in-process: exit codes, exact output, one-line errors."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from summarylab.cli import app
from summarylab.model import SECTION_COLUMNS

from .conftest import ROOT, SAMPLE

runner = CliRunner()


def run(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def test_text_prints_the_normalised_text(sample_doc):
    result = run("text", SAMPLE)
    assert result.exit_code == 0
    assert result.stdout == sample_doc.text  # the sample ends with a line break already


def test_outline_jsonl_has_exactly_the_section_columns(sample_doc):
    result = run("outline", SAMPLE, "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(sample_doc.section_list)
    assert all(list(r) == SECTION_COLUMNS for r in rows)
    assert rows[1]["marker"] == "一、" and rows[1]["kind"] == "indicators"
    assert "\\u" not in result.stdout  # UTF-8, not ASCII-escaped


def test_outline_csv_starts_with_a_bom_for_excel():
    result = run("outline", SAMPLE, "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffdoc_id,section_id,parent_id,level,marker,title,kind,start,end")


def test_outline_to_xlsx_file_has_chinese_headers(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "outline.xlsx"
    result = run("outline", SAMPLE, "-o", out)
    assert result.exit_code == 0 and out.exists()
    headers = [c.value for c in next(load_workbook(out).active.iter_rows(max_row=1))]
    assert headers[:3] == ["文档编号", "章节编号", "上级章节"]


def test_outline_table_is_what_a_person_reads(tmp_path):
    doc = tmp_path / "r.txt"
    doc.write_text("某县团委2022年工作总结\n一、主要工作\n（一）抓学习。一是办班；二是宣讲。\n二、2023年工作计划\n",
                   encoding="utf-8")
    result = run("outline", doc, "--format", "table", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert any(re.search(r"│ 1\.1\s+│ （一）\s+│\s+抓学习\s+│ achievements", line) for line in lines)
    assert any(re.search(r"│ 2\s+│ 二、\s+│ 2023年工作计划\s+│ plan", line) for line in lines)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "file is empty"),
    ("scan.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"),
    ("broken.docx", b"PK\x03\x04xx", "not a valid .docx"),
    ("noise.txt", bytes(range(256)) * 8, "binary file"),
])
def test_bad_input_gives_one_line_and_exit_1(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("outline", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"summarylab: {path}: ") and reason in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_and_directory(tmp_path):
    for arg, reason in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "is a directory")):
        result = run("text", arg)
        assert result.exit_code == 1 and reason in result.stderr


def test_usage_errors_exit_2():
    assert run("outline").exit_code == 2
    assert run("outline", SAMPLE, "--format", "bogus").exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_console_script_and_module_entry_points_work():
    out = subprocess.run([sys.executable, "-m", "summarylab", "outline", str(SAMPLE), "-f", "jsonl"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.count("\n") == 65
    bad = subprocess.run([sys.executable, "-m", "summarylab", "text", "missing.txt"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and bad.stderr == "summarylab: missing.txt: no such file\n"


def test_readme_documents_every_command_and_option():
    import typer.main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        assert f"summarylab {name}" in readme, f"README does not show `summarylab {name}`"
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in readme, f"README does not mention {opt} of `summarylab {name}`"
    assert "make demo" in readme and "make test" in readme


# --- the commands over the library -----------------------------------------------

SYNTHETIC = ROOT / "corpora" / "synthetic_上林县妇联2022年工作总结.txt"


def jsonl(result):
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_facts_jsonl_rows_are_the_library_rows(sample_doc):
    import summarylab as sl
    from summarylab.model import FACT_COLUMNS

    rows = jsonl(run("facts", SAMPLE, "-f", "jsonl"))
    assert [list(r) for r in rows[:1]] == [FACT_COLUMNS]
    assert [r["surface"] for r in rows] == list(sl.facts(sample_doc)["surface"])
    near = next(r for r in rows if r["surface"] == "近4.5万元")
    assert (near["base_value"], near["approx"]) == (45000, "near")


def test_facts_of_several_files_and_explain():
    rows = jsonl(run("facts", SAMPLE, SYNTHETIC, "-f", "jsonl"))
    assert len({r["doc_id"] for r in rows}) == 2
    skipped = jsonl(run("facts", SAMPLE, "--explain", "-f", "jsonl"))
    assert {"start", "end", "surface", "reason"} <= set(skipped[0])
    assert any(r["surface"] == "十九大" or "十九" in r["surface"] for r in skipped)


def test_audit_plans_check_and_compare_write_their_contract_columns():
    from summarylab.model import CHECK_COLUMNS, COMPARISON_COLUMNS, PLAN_ITEM_COLUMNS

    assert all(r["ok"] for r in jsonl(run("audit", SAMPLE, "-f", "jsonl")))
    plans = jsonl(run("plans", SAMPLE, "-f", "jsonl"))
    assert list(plans[0]) == PLAN_ITEM_COLUMNS and [p["item_id"] for p in plans] == [
        "4.1", "4.2", "4.3", "4.4", "4.5"]
    checks = jsonl(run("check", SAMPLE, SYNTHETIC, "-f", "jsonl"))
    assert list(checks[0]) == CHECK_COLUMNS
    assert {c["verdict"] for c in checks} <= {"delivered", "partial", "not_found", "not_due"}
    assert list(jsonl(run("compare", SAMPLE, SYNTHETIC, "-f", "jsonl"))[0]) == COMPARISON_COLUMNS


def test_ingest_list_and_commands_on_a_stored_doc_id(tmp_path, sample_doc):
    store = tmp_path / "corpus.duckdb"
    first = run("ingest", SAMPLE, SYNTHETIC, "--store", store)
    assert first.exit_code == 0 and "2 new, 0 unchanged, 0 failed" in first.stdout
    again = run("ingest", SAMPLE, "--store", store)
    assert "0 new, 1 unchanged, 0 failed" in again.stdout
    listed = jsonl(run("list", "--store", store, "-f", "jsonl"))
    assert {d["org"] for d in listed} == {"上林县妇联"}
    by_id = run("text", sample_doc.doc_id[:8], "--store", store)
    assert by_id.exit_code == 0 and by_id.stdout == sample_doc.text


def test_ingest_reports_a_bad_file_and_goes_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run("ingest", SAMPLE, bad, "--store", tmp_path / "s.duckdb")
    assert result.exit_code == 0
    assert "1 new, 0 unchanged, 1 failed" in result.stdout
    assert f"summarylab: {bad}: file is empty" in result.stderr


def test_list_without_a_store_is_a_one_line_error(tmp_path):
    result = run("list", "--store", tmp_path / "none.duckdb")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1


def test_report_writes_html_and_xlsx(tmp_path):
    for name in ("r.html", "r.xlsx"):
        result = run("report", SAMPLE, SYNTHETIC, "-o", tmp_path / name)
        assert result.exit_code == 0 and (tmp_path / name).stat().st_size > 1000
    assert run("report", SAMPLE, SYNTHETIC, "-o", tmp_path / "r.pdf").exit_code == 2


def test_demo_runs_the_tour_and_writes_the_files(tmp_path):
    from openpyxl import load_workbook

    result = run("demo", "--out-dir", tmp_path / "demo")
    assert result.exit_code == 0, result.stderr
    assert "0 failed" in result.stdout and "commitments: delivered" in result.stdout
    for name in ("report.html", "report.xlsx", "facts.xlsx", "check.csv", "outline.csv",
                 "summarylab.duckdb"):
        assert (tmp_path / "demo" / name).stat().st_size > 0, name
    assert "计划核对" in load_workbook(tmp_path / "demo" / "report.xlsx").sheetnames
    assert load_workbook(tmp_path / "demo" / "facts.xlsx").sheetnames == ["数值事实"]


def test_the_demo_is_short_fits_80_columns_and_says_how_to_run_the_cli(tmp_path):
    from rich.console import Console

    from summarylab.demo import run_demo

    console = Console(width=80, record=True, color_system=None, file=open(os.devnull, "w"))
    run_demo(tmp_path / "demo", console=console)
    lines = console.export_text().splitlines()
    assert len(lines) < 60
    hint = lines[lines.index("Next, try the CLI on the store the demo built:") + 1:]
    # the step lines fit; the commands to copy are never cut
    assert all(len(line) <= 80 for line in lines[:len(lines) - len(hint)] if line.isascii())
    assert any("summarylab list --store" in line for line in hint)
    assert any(line.strip().startswith("summarylab serve --store") for line in hint), "how to start the page"
    if shutil.which("summarylab") is None:
        assert any("bin/activate" in line for line in hint)


# --- a newcomer's first commands -----------------------------------------------------

def test_version():
    import summarylab

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"summarylab {summarylab.__version__}\n"


def test_help_shows_what_arguments_take_not_python_types():
    for command in ("text", "facts", "check", "compare", "ingest", "list", "report", "serve"):
        text = run(command, "--help", env={"COLUMNS": "100"}).stdout
        assert not re.search(r"<(str|list\[str\]|path|int|float)>", text), command
    assert "FILE|DOC_ID" in run("facts", "--help").stdout
    assert "PLAN_FILE|DOC_ID" in run("check", "--help").stdout
    assert "-o, --output PATH" in run("outline", "--help", env={"COLUMNS": "100"}).stdout


def test_a_doc_id_prefix_of_four_or_more_characters_resolves(tmp_path, sample_doc):
    store = tmp_path / "s.duckdb"
    assert run("ingest", SAMPLE, SYNTHETIC, "--store", store).exit_code == 0
    for n in (4, 5, 6, 16):
        result = run("text", sample_doc.doc_id[:n], "--store", store)
        assert result.exit_code == 0 and result.stdout == sample_doc.text, n


def test_an_unknown_or_ambiguous_prefix_says_so(tmp_path, monkeypatch):
    from summarylab import store as store_module

    store = tmp_path / "s.duckdb"
    assert run("ingest", SAMPLE, SYNTHETIC, "--store", store).exit_code == 0
    with store_module.Store(store) as st:   # two doc_ids sharing their first 4 digits
        st.connection.execute("UPDATE documents SET doc_id = 'abcd' || substr(doc_id, 5)")
    ambiguous = run("text", "abcd", "--store", store)
    assert ambiguous.exit_code == 1 and ambiguous.stderr.count("\n") == 1
    assert "ambiguous doc_id prefix: 2 stored documents match" in ambiguous.stderr
    unknown = run("text", "ffff0000", "--store", store)
    assert unknown.exit_code == 1 and "nor a stored document" in unknown.stderr


def test_check_with_the_files_swapped_warns_that_the_summary_is_older():
    swapped = run("check", SYNTHETIC, SAMPLE, "-f", "jsonl")
    assert swapped.exit_code == 0
    assert "warning: the summary (2021) is older than the plan (2023)" in swapped.stderr
    assert "were PLAN_FILE and SUMMARY_FILE swapped?" in swapped.stderr
    assert run("check", SAMPLE, SYNTHETIC, "-f", "jsonl").stderr == ""


def test_ingest_of_a_missing_path_creates_no_store(tmp_path):
    store = tmp_path / "s.duckdb"
    result = run("ingest", tmp_path / "nonexistent", "--store", store)
    assert result.exit_code == 1
    assert result.stderr == f"summarylab: {tmp_path / 'nonexistent'}: no such file\n"
    assert not store.exists()


def test_an_output_suffix_we_cannot_write_is_a_usage_error(tmp_path):
    result = run("facts", SAMPLE, "-o", tmp_path / "x.txt")
    assert result.exit_code == 2
    assert "cannot tell the format from the suffix '.txt'" in result.output
    assert not (tmp_path / "x.txt").exists()


def test_piping_into_head_exits_quietly():
    command = (f"{shlex.quote(sys.executable)} -m summarylab facts {shlex.quote(str(SAMPLE))} "
               f"{shlex.quote(str(SAMPLE))} -f jsonl | head -1")
    for _ in range(3):   # the pipe closes at a different moment each time
        out = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                             text=True, cwd=ROOT)
        assert out.returncode == 0, out.stderr
        assert out.stderr == "" and out.stdout.count("\n") == 1


def test_check_learns_from_the_reviews_kept_in_the_store(tmp_path):
    """A reviewed verdict from the web page becomes a training row of the verdict model."""
    import summarylab as sl
    from summarylab.store import Store

    later_path = ROOT / "corpora" / "synthetic_上林县妇联2022年工作总结.txt"
    store_path = tmp_path / "reviews.duckdb"
    plan, later = sl.read(SAMPLE), sl.read(later_path)
    row = sl.check(plan, later).iloc[0]
    with Store(store_path) as store:
        store.add(sl.analyse(SAMPLE))
        store.add(sl.analyse(later_path))
        store.add_review(plan.doc_id, later.doc_id, row["item_id"], row["commitment"],
                         row["verdict"], "not_found", remark="复核：总结里没有", reviewer="李干事")
    result = run("check", SAMPLE, later_path, "--learn-from-reviews", "--store", store_path,
                 "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert "learned from 1 reviewed verdicts" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(rows) == len(sl.check(plan, later)) and "confidence" in rows[0]


def test_check_without_a_store_learns_from_no_review(tmp_path):
    result = run("check", SAMPLE, ROOT / "corpora" / "synthetic_上林县妇联2022年工作总结.txt",
                 "--learn-from-reviews", "--store", tmp_path / "none.duckdb", "--format", "jsonl")
    assert result.exit_code == 0 and "learned from 0 reviewed verdicts" in result.stderr
    assert not (tmp_path / "none.duckdb").exists()
