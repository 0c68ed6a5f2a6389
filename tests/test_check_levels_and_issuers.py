"""Two rule classes of the eighth round's dev pairs (synthetic 县档案馆, 县融媒体中心, 县行政审批服务局,
县民族宗教事务局 and 县疾病预防控制中心 pairs), written here with made-up sentences of the same shape:
a promise reached at a lower administrative level than promised is partial, and a document the review
names by another body as its issuer is that body's, not the office's promised one."""

import pytest

from summarylab.plancheck import lower_level
from .test_check import office_pair, verdict_of


def pair(plan_lines: str, review: str):
    return office_pair("疾病预防控制中心", 2025, "（一）重点工作\n" + plan_lines, "（一）业务工作\n" + review,
                       plan_part="工作打算", done="完成监测任务。")


@pytest.mark.parametrize("promise, review", [
    ("争创省级慢性病综合防控示范区", "经评审验收，我县被命名为市级慢性病综合防控示范区，全年开展健康讲座46场。"),
    ("推动中心技术平台与省级技术平台对接", "中心技术系统完成与市级融媒体云平台的对接，实现稿件共享。"),
])
def test_a_promise_reached_at_a_lower_level_is_partial(promise, review):
    row = verdict_of(pair(f"{promise}。\n", review), promise)
    assert row.verdict == "partial"
    assert "市级" in row.reason


def test_the_promised_level_or_a_higher_one_is_no_shortfall():
    assert lower_level("争创省级示范区", "我县通过省级示范区验收") is None
    assert lower_level("争创市级示范区", "我县被命名为省级示范区") is None
    assert lower_level("建成县级疾控监测平台", "监测平台建成投用") is None
    assert lower_level("争创国家级示范区", "被命名为省级示范区") == ("国家级", "省级")


def test_a_document_named_by_another_issuer_is_not_the_offices_own():
    # the promise is the office's own plan; the review only studies the city body's
    promise = "制定《某某县疾控中心突发事件应急预案》"
    row = verdict_of(pair(f"{promise}。\n", "认真学习贯彻市卫生健康委印发的《全市突发事件卫生应急预案》，组织演练2次。"),
                     promise)
    assert row.verdict == "not_found"


def test_a_frame_noun_is_not_the_promised_thing():
    # 底线 frames the promise; the review says the thing did not happen and never names the frame
    promise = "全力守住不发生重大传染病疫情的底线"
    row = verdict_of(pair(f"{promise}。\n", "全年未发生重大传染病疫情，报告发病率较上年下降。"), promise)
    assert row.verdict == "delivered"
