"""The command line, invoked in-process: exit codes, exact output, one-line errors."""

from __future__ import annotations

import json
import re
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


def test_help_does_not_import_the_heavy_libraries():
    code = ("import sys; from summarylab.cli import app; "
            "from typer.testing import CliRunner; CliRunner().invoke(app, ['--help']); "
            "print(sorted(m for m in ('pandas', 'spacy', 'sklearn', 'jieba', 'duckdb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


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
