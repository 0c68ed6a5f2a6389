"""Specifications of the self-audit: stated totals against their parts, actuals against targets."""

from __future__ import annotations

from pathlib import Path

import summarylab as sl
from summarylab.auditing import AUDIT_COLUMNS, audit

ROOT = Path(__file__).resolve().parent.parent


def report(body: str) -> "sl.Document":
    return sl.read_text(f"某县妇联2021年工作总结\n一、2021年主要工作\n{body}\n")


def test_the_sample_report_checks_its_total_and_its_two_targets():
    doc = sl.read(ROOT / "corpora" / "000_85a1b6df8f5117e0.txt")
    df = audit(doc)
    assert list(df.columns) == AUDIT_COLUMNS
    assert df[["check", "surface", "ok"]].values.tolist() == [
        ["target_met", "24.3%", True],
        ["target_met", "47.4%", True],
        ["parts_sum", "3.98万元", True],
    ]
    total = df[df["check"] == "parts_sum"].iloc[0]
    assert total["computed"] == "4800元 + 3.5万元 = 3.98万元"
    assert "春蕾计划资助金额" in total["claim"]
    for r in df.itertuples():
        assert doc.text[r.start:r.end] == r.surface


def test_parts_that_do_not_add_up_are_flagged():
    doc = report("一是实施“春蕾计划”行动，资助金额共3.98万元。捐助3名困难女童4800元；企业资助3万元，资助15名困难女童。")
    df = audit(doc)
    assert df[["check", "ok"]].values.tolist() == [["parts_sum", False]]
    assert df.iloc[0]["computed"] == "4800元 + 3万元 = 3.48万元 ≠ 3.98万元"


def test_a_total_with_one_part_or_a_bigger_part_is_not_checked():
    doc = report("为20名贫困母亲送上慰问金及慰问品共计0.63万元；为118名困难学生送上总价值近4.5万元的慰问品。")
    assert audit(doc).empty


def test_parts_after_qizhong_are_checked_only_when_they_can_be():
    exact = sl.read_text("今年拟安排财政赤字13500亿元，比上年增加1500亿元，其中中央财政赤字9500亿元，由中央代地方发债4000亿元。")
    assert audit(exact)[["check", "ok"]].values.tolist() == [["parts_sum", True]]
    partial = sl.read_text("新增公路60.9万公里，其中高速公路4.2万公里，高速公路总里程达9.56万公里。")
    assert audit(partial).empty  # a smaller sum after 其中 proves nothing


def test_a_missed_target_is_not_ok():
    doc = report("村委会主任中女性比例达到8%（目标10%）。")
    df = audit(doc)
    assert df[["check", "ok", "computed"]].values.tolist() == [["target_met", False, "8% < 10%"]]


def test_a_ceiling_is_met_from_below():
    doc = report("城镇登记失业率为4.1%（目标4.6%以内）。")
    df = audit(doc)
    assert df[["check", "ok"]].values.tolist() == [["target_met", True]]
    assert "上限" in df.iloc[0]["computed"]


def test_a_text_without_totals_or_targets_gives_an_empty_table_with_the_columns():
    df = audit(report("举办培训班9期，培训妇女400多人。"))
    assert df.empty and list(df.columns) == AUDIT_COLUMNS


def test_a_table_row_checks_its_target_and_its_completion_rate():
    doc = sl.read_text(
        "某某县民政局2022年工作总结\n一、主要指标完成情况\n"
        "全年主要民生指标完成情况如下（指标名称：年度目标／完成数／完成率）：\n"
        "城乡低保对象：3200人／3286人／102.7%\n"
        "临时救助：1500人次／1632人次／118.8%\n")
    df = audit(doc)
    assert df[["check", "ok"]].values.tolist() == [
        ["target_met", True], ["rate_matches", True], ["target_met", True], ["rate_matches", False]]
    assert df.iloc[1]["computed"] == "3286人 ÷ 3200人 = 102.69%"
