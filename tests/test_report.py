"""Reports: one self-contained HTML page (escaped, highlighted, charted) and an xlsx workbook."""

import re
from pathlib import Path

import pandas as pd
import pytest

from summarylab.model import CHECK_COLUMNS, COMPARISON_COLUMNS, FACT_COLUMNS
from summarylab.pipeline import read, read_text
from summarylab.report import SHEETS, highlight, render_html, write_report

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
SAMPLE = CORPORA / "000_85a1b6df8f5117e0.txt"
SYNTHETIC = CORPORA / "synthetic_上林县妇联2022年工作总结.txt"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def pair():
    """A plan document and a summary document; the summary carries a script tag in its text."""
    plan = read_text("上林县妇联2021年工作总结和2022年工作计划\n一、主要工作\n培训妇女400多人。\n"
                     "二、2022年工作计划\n（一）举办基层女干部培训班。\n")
    summary = read_text(f"上林县妇联2022年工作总结\n一、主要工作\n举办基层女干部培训班2期{SCRIPT}。\n")
    return plan, summary


@pytest.fixture
def tables(pair):
    """Report tables written out by hand, so the page is tested on known values."""
    plan, summary = pair
    sentence = f"举办基层女干部培训班2期{SCRIPT}。"
    check = pd.DataFrame([
        dict(item_id="2.1", item_title="举办基层女干部培训班", commitment="举办基层女干部培训班",
             verdict="delivered", score=0.91, evidence=sentence, evidence_section="1",
             evidence_start=23, evidence_end=23 + len(sentence), target=None, actual=None,
             reason=f"证据句提到培训班{SCRIPT}"),
        dict(item_id="2.2", item_title="资助女童", commitment="资助女童100名", verdict="not_found",
             score=0.1, evidence="", evidence_section="", evidence_start=None,
             evidence_end=None, target=100.0, actual=None, reason="总结中没有相应内容"),
    ], columns=CHECK_COLUMNS)
    fact = dict.fromkeys(FACT_COLUMNS)
    facts_a = pd.DataFrame([{**fact, "fact_id": 1, "indicator": "培训妇女人数", "surface": "400多人",
                             "base_value": 400.0, "base_unit": "人", "role": "actual",
                             "sentence": "培训妇女400多人。"}], columns=FACT_COLUMNS)
    facts_b = pd.DataFrame([{**fact, "fact_id": 1, "indicator": "培训班期数", "surface": "2期",
                             "base_value": 2.0, "base_unit": "期", "role": "actual",
                             "sentence": sentence}], columns=FACT_COLUMNS)
    comparison = pd.DataFrame([
        dict(indicator="培训妇女人数", unit="人", value_a=400.0, value_b=520.0, change=120.0,
             change_pct=30.0, evidence_a="培训妇女400多人。", evidence_b="培训妇女520人。"),
        dict(indicator=f"资助金额{SCRIPT}", unit="万元", value_a=5.0, value_b=4.0, change=-1.0,
             change_pct=-20.0, evidence_a="资助5万元。", evidence_b="资助4万元。"),
        dict(indicator="培训班期数", unit="期", value_a=None, value_b=2.0, change=None,
             change_pct=None, evidence_a="", evidence_b=sentence),
    ], columns=COMPARISON_COLUMNS)
    return dict(zip(SHEETS, [check, facts_a, facts_b, comparison]))


def test_highlight_marks_the_words_shared_with_the_commitment_and_escapes_the_rest():
    assert highlight("今年举办基层女干部培训班2期<b>", "举办基层女干部培训班") == (
        "今年<mark>举办基层女干部培训班</mark>2期&lt;b&gt;")
    # numbers match whole: the 0名 of 100名 is not in 30名
    assert highlight("资助困难女童30名", "资助女童100名") == "<mark>资助</mark>困难<mark>女童</mark>30名"
    assert highlight("新增就业1314万人", "新增就业1100万人以上") == "<mark>新增就业</mark>1314<mark>万人</mark>"
    assert highlight("", "任何承诺") == ""
    assert highlight("完全无关的句子", "举办培训班") == "完全无关的句子"


def test_a_script_in_the_documents_shows_as_text(pair, tables, tmp_path):
    page = render_html(tables, *pair)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # in the evidence sentence, the reason, the facts, the comparison table and the chart
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 5


def test_the_page_needs_no_network(pair, tables):
    page = render_html(tables, *pair)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert page.count("<style>") == 1 and page.count("<svg") == 1


def test_the_check_table_colours_verdicts_and_marks_evidence(pair, tables):
    page = render_html(tables, *pair)
    assert '<td class="v-delivered">已完成</td>' in page
    assert '<td class="v-not_found">未见成效</td>' in page
    assert "<mark>举办基层女干部培训班</mark>2期&lt;script&gt;" in page
    assert "共 2 项承诺" in page and "已完成 1" in page and "未见成效 1" in page
    assert "<th>承诺事项</th>" in page and "<th>结论</th>" in page


def test_the_chart_has_one_bar_per_indicator_with_both_values(pair, tables):
    page = render_html(tables, *pair)
    chart = page[page.index("<svg"):page.index("</svg>")]
    assert chart.count("<rect") == 2  # the third indicator is only in one report
    assert 'class="up"' in chart and 'class="down"' in chart
    assert "+30.0%  400→520人" in chart and "-20.0%  5→4万元" in chart


def test_an_outlier_does_not_flatten_the_other_bars(pair, tables):
    comparison = pd.DataFrame(
        [dict(indicator=f"指标{i}", unit="人", value_a=100.0, value_b=100.0 + 10 * i, change=10.0 * i,
              change_pct=10.0 * i, evidence_a="", evidence_b="") for i in range(1, 11)]
        + [dict(indicator="资助女童人数", unit="人", value_a=3.0, value_b=22.0, change=19.0,
                change_pct=633.3, evidence_a="", evidence_b="")], columns=COMPARISON_COLUMNS)
    page = render_html({**tables, "年度对比": comparison}, *pair)
    chart = page[page.index("<svg"):page.index("</svg>")]
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"', chart)]
    assert widths[0] == widths[1] == 206.0          # 633% and 100% both fill the half-width
    assert chart.count('class="up clipped"') == 1 and "+633.3%  3→22人" in chart
    assert widths[2] == pytest.approx(206.0 * 0.9, abs=0.1)  # 90% is drawn to scale
    assert "深色条超出比例尺已截断" in chart
    assert '<td class="num">633.3</td>' in page and '<td class="label">资助女童人数</td>' in page


def test_numbers_in_tables_are_rounded_for_reading_but_ids_stay_text(pair, tables):
    comparison = tables["年度对比"].assign(change_pct=[30.0, -14.7826087, None])
    page = render_html({**tables, "年度对比": comparison}, *pair)
    assert '<td class="num">-14.78</td>' in page and '<td class="num">30</td>' in page
    assert "<td>2.1</td>" in page  # the item_id "2.1" is not right-aligned as a number


def test_write_report_html_and_xlsx_from_precomputed_tables(pair, tables, tmp_path):
    from openpyxl import load_workbook

    html = write_report(*pair, tmp_path / "r.html", tables=tables)
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    xlsx = write_report(*pair, tmp_path / "r.xlsx", tables=tables)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["计划核对", "前一年事实", "后一年事实", "年度对比"]
    ws = wb["计划核对"]
    assert [c.value for c in ws[1]][:4] == ["计划条目", "计划条目标题", "承诺事项", "结论"]
    assert ws["D2"].value == "已完成" and ws["D2"].fill.start_color.rgb.endswith("C6EFCE")
    assert ws.freeze_panes == "A2"
    assert [c.value for c in wb["年度对比"][1]] == [
        "指标", "单位", "前一年数值", "后一年数值", "变化量", "变化率(%)", "前一年原文", "后一年原文"]
    assert wb["年度对比"]["A3"].value == f"资助金额{SCRIPT}"  # data stays data in xlsx
    with pytest.raises(ValueError, match="html or .xlsx"):
        write_report(*pair, tmp_path / "r.pdf", tables=tables)


def test_the_sample_pair_report_end_to_end(tmp_path):
    """The real 2021 report against the synthetic 2022 summary, through check, facts and compare."""
    from openpyxl import load_workbook

    html = write_report(SAMPLE, SYNTHETIC, tmp_path / "report.html")
    page = html.read_text(encoding="utf-8")
    assert "上林县妇联2022年工作计划落实情况" in page
    assert "<mark>" in page and '<td class="v-delivered">' in page
    assert "<script" not in page.lower()
    wb = load_workbook(write_report(read(SAMPLE), read(SYNTHETIC), tmp_path / "report.xlsx"))
    assert wb.sheetnames == list(SHEETS)
    assert wb["前一年事实"]["A1"].value == "文档编号"
    assert wb["计划核对"].max_row > 10
