"""Numbers and quantities: what a reader of a work report counts as a figure, and what not.

The sentences are real: the 上林县妇联 2021 report (corpora/000_85a1b6df8f5117e0.txt)
and the national 政府工作报告 of 2013 and 2014 (corpora/national/201*.txt).
"""

from __future__ import annotations

import re
from pathlib import Path

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarylab.lexicon import MODELS
from summarylab.normalize import normalize
from summarylab.numbers import (
    Quantity,
    QuantityMatch,
    Rejected,
    parse_number,
    parse_quantity,
    scan_candidates,
    scan_quantities,
)

ROOT = Path(__file__).resolve().parent.parent


def surfaces(text: str) -> list[str]:
    return [m.surface for m in scan_quantities(text)]


def rejected(text: str) -> dict[str, str]:
    return {c.surface: c.reason for c in scan_candidates(text) if isinstance(c, Rejected)}


def only(text: str) -> QuantityMatch:
    found = list(scan_quantities(text))
    assert len(found) == 1, [m.surface for m in found]
    return found[0]


# --- parse_number: one numeral, every way reports write it -------------------------

@pytest.mark.parametrize("numeral, value", [
    ("450", 450), ("24.3", 24.3), ("0.63", 0.63),
    ("1,314", 1314), ("1，314", 1314), ("12,345,678.5", 12345678.5),
    ("１２３", 123), ("３．５万", 35000),
    ("六", 6), ("十", 10), ("十五", 15), ("两百", 200), ("一千三百万", 13_000_000),
    ("四千零四万", 40_040_000), ("一万零五", 10_005), ("二〇二二", 2022), ("零点五", 0.5),
    ("3.5万", 35_000), ("1.2亿", 120_000_000), ("4千", 4000), ("13万2", 132_000),
    ("3万4000", 34_000), ("5亿1万4千6百", 500_014_600), ("一百五", 150),
    ("三萬", 30_000), ("五億", 500_000_000), ("負三", -3), ("负五", -5), ("-2.5", -2.5),
    ("壹拾贰", 12), ("叁佰", 300), ("伍仟", 5000), ("两个", 2), ("三個", 3),
    ("三分之一", 1 / 3), ("百分之二十", 20), ("百分之百", 100),
])
def test_parse_number_reads_every_written_form(numeral, value):
    assert parse_number(numeral) == pytest.approx(value)


def test_parse_number_gives_the_lower_bound_of_a_colloquial_range():
    assert (parse_number("五六百"), parse_number("两三"), parse_number("十五六")) == (500, 2, 15)


@pytest.mark.parametrize("text", ["", "  ", "一些", "进一步", "abc", "万元", "第一", "1.2.3", "--5", "1,31"])
def test_parse_number_says_none_when_there_is_no_numeral(text):
    assert parse_number(text) is None


# --- parse_quantity: one expression, the Fact fields ---------------------------------

@pytest.mark.parametrize("text, value, unit, base_value, base_unit, kind, approx", [
    ("近4.5万元", 4.5, "万元", 45_000, "元", "money", "near"),
    ("1000多人", 1000, "人", 1000, "人", "count", "more_than"),
    ("300余人", 300, "人", 300, "人", "count", "more_than"),
    ("六位", 6, "位", 6, "人", "count", "exact"),
    ("15名", 15, "名", 15, "人", "count", "exact"),
    ("1100万人以上", 1100, "万人", 11_000_000, "人", "count", "more_than"),
    ("3%左右", 3, "%", 3, "%", "percent", "about"),
    ("超过1.2万亿斤", 1.2, "万亿斤", 1.2e12, "斤", "measure", "more_than"),
    ("不少于10人", 10, "人", 10, "人", "count", "at_least"),
    ("不超过5%", 5, "%", 5, "%", "percent", "at_most"),
    # a negated comparative is a bound the other way: 不高于 is no 高于 (more_than)
    ("不高于4.6%", 4.6, "%", 4.6, "%", "percent", "at_most"),
    ("高于4.6%", 4.6, "%", 4.6, "%", "percent", "more_than"),
    ("不多于3个", 3, "个", 3, "个", "count", "at_most"),
    ("4.6%以内", 4.6, "%", 4.6, "%", "percent", "at_most"),
    ("约8000万人次", 8000, "万人次", 80_000_000, "人次", "count", "about"),
    ("百分之二十", 20, "%", 20, "%", "percent", "exact"),
    ("2.5亿美元", 2.5, "亿美元", 250_000_000, "美元", "money", "exact"),
    ("2个百分点", 2, "个百分点", 2, "个百分点", "percent_point", "exact"),
    ("2倍", 2, "倍", 2, "倍", "ratio", "exact"),
    ("三成", 3, "成", 30, "%", "percent", "exact"),
    ("一千三百万人", 1300, "万人", 13_000_000, "人", "count", "exact"),
    ("200多万元", 200, "万元", 2_000_000, "元", "money", "more_than"),
    ("1万多元", 1, "万元", 10_000, "元", "money", "more_than"),
    ("5万千瓦", 5, "万千瓦", 50_000, "千瓦", "measure", "exact"),
    ("6个月", 6, "个月", 6, "月", "other", "exact"),
])
def test_parse_quantity_gives_the_fact_fields(text, value, unit, base_value, base_unit, kind, approx):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.base_unit, q.kind, q.approx, q.aspect) == (
        pytest.approx(value), unit, base_unit, kind, approx, "level")
    assert q.base_value == pytest.approx(base_value)


@pytest.mark.parametrize("text, low, high, unit", [
    ("3至5人", 3, 5, "人"), ("3-5人", 3, 5, "人"), ("3到5年", 3, 5, "年"),
    ("6.5%-7%", 6.5, 7, "%"), ("6.5%—7%", 6.5, 7, "%"), ("6.5%～7%", 6.5, 7, "%"),
    ("3万-5万元", 3, 5, "万元"), ("两三个", 2, 3, "个"), ("五六百人", 500, 600, "人"),
    ("三四十个", 30, 40, "个"), ("十五六个", 15, 16, "个"),
])
def test_a_range_is_one_quantity_with_its_upper_bound(text, low, high, unit):
    m = only(text)
    assert (m.surface, m.quantity.value, m.quantity.value_max, m.quantity.unit) == (text, low, high, unit)


@pytest.mark.parametrize("text", ["2021年", "3月5日", "第一期", "十九大", "一批", "XX万元", "进一步", "abc"])
def test_parse_quantity_says_none_for_what_is_not_a_quantity(text):
    assert parse_quantity(text) is None


# --- the sample report, sentence by sentence -----------------------------------------

def test_training_sessions_and_trainees():
    text = "四是通过现场教学和基地参观学习相结合，全年开展农村妇女“领头雁”专题培训4期，培训人数450人。"
    found = list(scan_quantities(text))
    assert [(m.surface, m.quantity.unit, m.quantity.kind) for m in found] == [
        ("4期", "期", "count"), ("450人", "人", "count")]
    assert all(text[m.start:m.end] == m.surface for m in found)


def test_gifts_worth_nearly_45000_yuan():
    text = "为118名困难学生和明澄校区送上文具、体育用品等总价值近4.5万元的慰问品。"
    students, gifts = scan_quantities(text)
    assert (students.surface, students.quantity.base_unit, students.quantity.base_value) == ("118名", "人", 118)
    assert (gifts.surface, gifts.quantity.value, gifts.quantity.base_value, gifts.quantity.approx) == (
        "近4.5万元", 4.5, 45_000, "near")


def test_teams_and_more_than_a_thousand_athletes():
    text = "来自全县共115支参赛队1000多人参加了拔河、跳绳、板鞋和抛绣球项目"
    teams, people = scan_quantities(text)
    assert (teams.surface, people.surface, people.quantity.approx) == ("115支", "1000多人", "more_than")


def test_grown_from_19_to_33_members_are_two_levels():
    text = "将县级执委从原来的19名扩大到33名，在行业、年龄、文化程度等方面优化人员结构"
    assert [(m.surface, m.quantity.aspect) for m in scan_quantities(text)] == [
        ("19名", "level"), ("33名", "level")]


def test_the_named_requirement_two_100_percent():
    text = ("全县134个村（社区）全面实现了两个100%（村、居委行政班子100%有女性，妇联主席100%进"
            "“两委”班子）和1个10%（村委会主任中女性比例达到10%）")
    assert surfaces(text) == ["134个", "100%", "100%", "100%", "10%", "10%"]
    assert rejected(text) == {"两个": "name or slogan", "“两委”": "name or slogan", "1个": "name or slogan"}


def test_share_of_women_with_its_target():
    text = "村委会主任中女性比例达到24.3%（目标10%）；社区居委会主任中女性比例达到在47.4%（目标45%）。"
    assert surfaces(text) == ["24.3%", "10%", "47.4%", "45%"]


def test_the_opening_sentence_holds_no_quantity():
    text = ("今年以来，上林县妇联围绕全面贯彻落实党的十九大和十九届二中、三中、四中、五中、六中全会精神，"
            "深入贯彻落实习近平总书记“七一”重要讲话精神和对广西工作的系列重要指示精神，以及妇女工作的"
            "重要论述特别是“11·2”重要讲话精神，紧盯县第十五次党代会确定的各项目标任务")
    assert surfaces(text) == []
    reasons = rejected(text)
    assert reasons["十九大"] == reasons["十九届"] == reasons["“七一”"] == reasons["11·2"] == "name or slogan"
    assert reasons["六中全会"] == "name or slogan" and reasons["第十五次"] == "ordinal"


def test_a_document_number_and_a_year_are_not_figures():
    text = ("严格落实县禁毒办《关于创建上林县2021年度“无毒”系列示范单位（点）的实施方案》"
            "(上禁毒办发〔2021〕28号)文件要求")
    assert surfaces(text) == []
    assert rejected(text) == {"2021年度": "date", "〔2021〕28号": "document number"}


def test_dates_are_not_figures():
    assert surfaces("一是于3月5日举行优秀巾帼宣讲报告会，组织各族各界妇女代表300余人观看") == ["300余人"]
    assert rejected("并于2月份圆满完成村级妇联换届工作目标")["2月份"] == "date"
    text = "已完成第一期培训，200余名妇女儿童参加培训，第二期培训于11月22日全面开课"
    assert surfaces(text) == ["200余名"]
    assert rejected(text) == {"第一期": "ordinal", "第二期": "ordinal", "11月22日": "date"}


def test_a_generation_and_a_figure_of_speech_are_not_figures():
    text = "全县11个乡镇选出执委171名。11个乡镇妇联主席中90后6名，是一股年轻的妇联组织力量。"
    assert surfaces(text) == ["11个", "171名", "11个", "6名"]
    assert rejected(text) == {"90后": "name or slogan", "一股": "figurative"}


@pytest.mark.parametrize("text", [
    "县妇联始终把维护妇女儿童合法权益作为全县妇女工作的一项重要工作来抓，突出“五抓”",
    "引领广大妇女不断增强“四个意识”、坚定“四个自信”、做到“两个维护”",
    "激励全县妇女为上林十四五高质量发展贡献巾帼力量",
    "对标“十四五”规划，深化巾帼系列活动",
    "一年来，县妇联各方面工作取得了一定的成绩，但还存在一些不足",
    "评选表彰了“三八”红旗集体，推选覃小慧同志获得广西三八红旗手称号",
    "在推进乡村振兴“三清三拆”工作中主动发挥带头作用",
    "联合妇幼保健院开展女性“两癌”免费筛查活动",
    "在全县范围内，推选、树立一批在疫情防控、脱贫攻坚等方面涌现出的优秀妇女典型",
    "深入明亮镇明澄社区开展“民法典进万家‘典’亮幸福生活”公益宣讲活动",
    "乡镇妇女代表大会、村妇女大会或妇女代表大会每五年举行一次",
    "在他们的心里种下了一颗“红色种子”",
    "2.创新活动形式，强化妇女儿童政治引领。一是“三八”节期间举办了妇女运动会",
])
def test_names_slogans_and_figures_of_speech_hold_no_quantity(text):
    assert surfaces(text) == []


def test_two_sessions_written_in_chinese_is_a_count():
    m = only("县妇联在自身人员有限的情况下依托活动中心组织开展了两期公益培训班")
    assert (m.surface, m.quantity.value, m.quantity.unit) == ("两期", 2, "期")


def test_a_place_name_is_not_a_figure():
    text = "深入明亮镇、三里镇等开展家政培训“大篷车”进村（社区）活动6场次，培训人员600多人"
    assert surfaces(text) == ["6场次", "600多人"]
    assert rejected(text)["三里镇"] == "place or organisation name"


def test_redacted_amounts_are_rejected():
    assert surfaces("投入资金XX万元，惠及X人") == []
    assert set(rejected("投入资金XX万元，惠及X人").values()) == {"redacted"}


def test_every_quantity_of_the_sample_is_read(sample_text):
    found = list(scan_quantities(sample_text))
    # Read by hand: every figure of the report, in order, and nothing else.
    assert [m.surface for m in found] == [
        "15所", "30万元", "115支", "1000多人", "8场", "3场次", "300余人", "六位", "5个", "15名",
        "10名", "19名", "33名", "134个", "100%", "100%", "100%", "10%", "10%", "24.3%", "10%",
        "47.4%", "45%", "11个", "171名", "11个", "6名", "11宗", "15个", "16个", "10个",
        "30多场次", "16个", "58人", "85人", "4期", "450人", "2.5万元", "5个", "6场次", "600多人",
        "9期", "400多人", "1支", "3支", "11个", "16所", "4.8万元", "48场次", "200余名", "200余名",
        "3.98万元", "3名", "4800元", "3.5万元", "15名", "68人", "3万元", "20名", "0.63万元",
        "118名", "近4.5万元", "19900多名", "106名", "0.53万元", "30名", "27万元", "两期"]
    money = [m.quantity.base_value for m in found if m.quantity.kind == "money"]
    assert money == [300_000, 25_000, 48_000, 39_800, 4800, 35_000, 30_000, 6300, 45_000, 5300, 270_000]
    assert all(sample_text[m.start:m.end] == m.surface for m in found)


# --- the national reports: changes, bounds, scales -----------------------------------

def test_new_urban_jobs_in_base_units():
    m = only("城镇新增就业1310万人，创历史新高。")
    assert (m.quantity.value, m.quantity.unit, m.quantity.base_value, m.quantity.aspect) == (
        1310, "万人", 13_100_000, "level")


def test_a_price_target_kept_at_about_three_and_a_half_percent():
    m = only("居民消费价格涨幅控制在3.5%左右")
    assert m.surface == "3.5%左右"
    # 控制在 sets a ceiling; 涨幅 says the figure is a rate of increase.
    assert (m.quantity.approx, m.quantity.aspect) == ("at_most", "increase")


def test_growth_rates_are_increases_and_the_second_shares_the_verb():
    text = "城镇居民人均可支配收入和农村居民人均纯收入年均分别增长8.8%、9.9%；化学需氧量、二氧化硫排放总量分别下降15.7%和17.5%"
    assert [(m.surface, m.quantity.aspect) for m in scan_quantities(text)] == [
        ("8.8%", "increase"), ("9.9%", "increase"), ("15.7%", "decrease"), ("17.5%", "decrease")]


def test_changes_and_levels():
    level, change = scan_quantities("国内生产总值达到56.9万亿元，比上年增长7.7%")
    assert (level.quantity.aspect, change.quantity.aspect) == ("level", "increase")
    assert only("进出口总额突破4万亿美元").quantity.approx == "more_than"
    assert only("单位国内生产总值能耗下降17.2%").quantity.aspect == "decrease"
    assert only("出口增长了2倍").quantity.aspect == "increase"
    assert only("城镇化率提高到52.6%").quantity.aspect == "level"
    assert only("不良贷款率下降到0.95%").quantity.aspect == "level"
    assert only("一年期存款利率降为2.25%").quantity.aspect == "level"
    assert only("全年粮食产量增幅为2.1%").quantity.aspect == "increase"
    assert only("城镇新增就业1310万人").quantity.aspect == "level"
    q = only("占国内生产总值比重提高2.7个百分点").quantity
    assert (q.kind, q.aspect) == ("percent_point", "increase")
    q = only("国际市场份额比2007年提高2个多百分点").quantity
    assert (q.value, q.unit, q.approx, q.aspect) == (2, "个百分点", "more_than", "increase")


def test_a_grain_harvest_of_more_than_a_trillion_jin():
    m = only("粮食产量超过1.2万亿斤，实现“十连增”。")
    assert (m.surface, m.quantity.base_value, m.quantity.approx) == ("超过1.2万亿斤", 1.2e12, "more_than")


def test_the_2014_targets():
    text = ("国内生产总值增长7.5%左右，居民消费价格涨幅控制在3.5%左右，城镇新增就业1000万人以上，"
            "城镇登记失业率控制在4.6%以内")
    assert [(m.surface, m.quantity.approx) for m in scan_quantities(text)] == [
        ("7.5%左右", "about"), ("3.5%左右", "at_most"), ("1000万人以上", "more_than"), ("4.6%以内", "at_most")]


def test_a_scale_word_without_a_measure_word():
    m = only("实行免费义务教育，惠及1.6亿学生。")
    assert (m.surface, m.quantity.base_value, m.quantity.base_unit) == ("1.6亿", 160_000_000, "")


def test_dates_ordinals_and_codes_of_the_national_report():
    text = "——2013年3月5日在第十二届全国人民代表大会第一次会议上，增加细颗粒物PM2.5等监测指标"
    assert surfaces(text) == []
    assert set(rejected(text).values()) == {"date", "ordinal", "code or model name"}
    assert surfaces("新增万吨级港口泊位602个；一批跨江跨海大桥") == ["602个"]
    assert surfaces("过去五年，我们圆满完成“十一五”规划") == []


def test_old_reports_write_large_amounts_in_chinese_numerals():
    # 1958 and 1986 reports: 万 closes a numeral that already holds 亿.
    q = only("工业总产值计划达到一百零三亿七千万元。").quantity
    assert (q.value, q.unit, q.base_value) == (10_370_000_000, "元", 10_370_000_000)
    q = only("城镇住宅竣工面积达六亿三千多万平方米").quantity
    assert (q.base_value, q.base_unit, q.approx) == (630_000_000, "平方米", "more_than")
    q = only("一九八一年就可以节省出七十亿到一百亿元的资金").quantity
    assert (q.value, q.value_max, q.unit) == (70, 100, "亿元")
    q = only("卫生支出3，690多万元").quantity
    assert (q.value, q.base_value) == (3690, 36_900_000)


def test_a_bare_hundred_or_thousand_is_an_amount_only_when_approximate_or_compound():
    assert [(m.surface, m.quantity.base_value) for m in scan_quantities("近百个国家；百万人；稳定在万亿斤以上")] == [
        ("近百个", 100), ("百万人", 1_000_000), ("万亿斤以上", 1e12)]
    assert surfaces("新增万吨级港口泊位，造福亿万人民，千家万户，信心百倍，上万人，数百人") == []


def test_spaced_out_digits_of_a_scraped_report():
    text = "本届政府从1 9 9 3 年3 月开始，占全国人口6 5 %的地区"
    assert [(m.surface, m.quantity.value) for m in scan_quantities(text)] == [("6 5 %", 65)]


def test_phone_numbers_times_and_ranks_are_not_figures():
    assert set(rejected("拨打妇女维权公益服务热线12338，或0771-5212345").values()) == {"phone number or id"}
    assert rejected("上午9点30分开始") == {"9点30分": "time"}
    assert rejected("综合考评排名全市前10名") == {"前10名": "ordinal"}


def test_a_fraction():
    q = only("专项转移支付项目要减少三分之一").quantity
    assert (q.value, q.kind, q.aspect) == (pytest.approx(1 / 3), "ratio", "decrease")


def test_the_national_report_scans_cleanly():
    raw = (ROOT / "corpora" / "national/2013.txt").read_bytes().decode("gb18030")
    text = normalize(raw)
    found = list(scan_candidates(text))
    assert all(text[c.start:c.end] == c.surface for c in found)
    assert [c.start for c in found] == sorted(c.start for c in found)
    quantities = [c for c in found if isinstance(c, QuantityMatch)]
    assert len(quantities) > 400
    assert not any(c.reason == "unparsable number" for c in found if isinstance(c, Rejected))


# --- offsets and the scan window -----------------------------------------------------

def test_offsets_are_absolute_and_the_window_is_respected():
    text = "资助3名困难女童4800元；资助15名困难女童3.5万元"
    second = text.index("；") + 1
    found = list(scan_quantities(text, second))
    assert [m.surface for m in found] == ["15名", "3.5万元"]
    assert found[0].start == text.index("15名")
    assert [m.surface for m in scan_quantities(text, 0, second)] == ["3名", "4800元"]


def test_a_change_verb_before_the_window_still_counts():
    text = "比上年增长7.7%"
    m = only_in(text, text.index("7"))
    assert m.quantity.aspect == "increase"


def only_in(text, start):
    found = list(scan_quantities(text, start))
    assert len(found) == 1
    return found[0]


# --- the lexicons --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["units.tsv", "approx.tsv", "not_facts.tsv"])
def test_each_lexicon_says_what_it_holds_and_where_it_came_from(name):
    head = (MODELS / name).read_text(encoding="utf-8").splitlines()[0:4]
    assert all(line.startswith("#") for line in head)
    assert "Source" in "\n".join(head) or "source" in (MODELS / name).read_text(encoding="utf-8")[:800]


def _not_fact_examples():
    rows = []
    for line in (MODELS / "not_facts.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("pattern\t"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2].strip():
            for example in cols[2].split(";"):
                example = example.split("(")[0].strip()
                if example:
                    rows.append((example, cols[1]))
    return rows


@pytest.mark.parametrize("example, reason", _not_fact_examples())
def test_every_example_of_not_facts_is_rejected_for_its_reason(example, reason):
    assert reason in {c.reason for c in scan_candidates(example) if isinstance(c, Rejected)}


# --- properties ----------------------------------------------------------------------

_REPORTISH = st.text(
    alphabet=st.sampled_from(list("0123456789.,，%％-—～至到第每年月日号份万亿千百十零〇一二两三四五六七八九"
                                  "元人名位个期场次项所吨亩斤倍成多余近约超过以上以下左右不少于控制在增长下降提高到"
                                  "“”（）〔〕、。；：XxG的和是大届中全会后")),
    max_size=40)


@settings(max_examples=400, deadline=None)
@given(_REPORTISH)
def test_every_span_is_its_surface(text):
    for c in scan_candidates(text):
        assert text[c.start:c.end] == c.surface
        assert 0 <= c.start < c.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.integers(0, 70), st.integers(0, 70))
def test_random_text_never_raises(text, start, end):
    list(scan_candidates(text, start, end))
    parse_number(text)
    parse_quantity(text)


@settings(max_examples=300, deadline=None)
@given(_REPORTISH)
def test_scan_quantities_never_yields_a_rejected_span(text):
    quantities = [(m.start, m.end) for m in scan_quantities(text)]
    rejects = [(c.start, c.end) for c in scan_candidates(text) if isinstance(c, Rejected)]
    for qs, qe in quantities:
        assert not any(rs < qe and re_ > qs for rs, re_ in rejects)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_cn2an_integers_parse_back(n):
    assert parse_number(cn2an.an2cn(n)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=1, max_value=9999))
def test_cn2an_decimals_parse_back(whole, frac):
    n = float(f"{whole}.{frac}")
    assert parse_number(cn2an.an2cn(n)) == pytest.approx(n)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", "，"]))
def test_thousands_separators_round_trip(n, sep):
    assert parse_number(f"{n:,}".replace(",", sep)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**6))
def test_full_width_digits_parse(n):
    assert parse_number(str(n).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})) == n


def test_records_are_frozen():
    q = parse_quantity("4期")
    with pytest.raises(Exception):
        q.value = 5  # type: ignore[misc]
    assert isinstance(q, Quantity)


@pytest.mark.parametrize("text, value, unit, base_value, kind, approx", [
    ("12.5/10万", 12.5, "/10万", 12.5, "ratio", "exact"),  # 孕产妇死亡率 per 100,000
    ("15/10万以下", 15, "/10万", 15, "ratio", "at_most"),
    ("12.3万剂次", 12.3, "万剂次", 123000, "count", "exact"),  # 疫苗接种剂次
    ("超过18万小时", 18, "万小时", 180000, "other", "more_than"),  # 志愿服务时长
])
def test_county_units(text, value, unit, base_value, kind, approx):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.base_value, q.kind, q.approx) == (value, unit, base_value, kind, approx)


# --- issue 9: numeral forms of unseen reports ----------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("-22.2", -22.2), ("负0.2", -0.2),                      # signs
    ("三分之一", 1 / 3), ("五分之四", 0.8), ("3/5", 0.6),     # fractions
    ("十多万", 100000), ("500余万", 5000000), ("二十几万", 200000),  # approximate bases: the lower bound
    ("四万万", 400000000), ("两个亿", 200000000), ("三个多亿", 300000000),
    ("三百万", 3000000), ("八百亿", 80000000000),
])
def test_parse_number_reads_the_forms_reports_use(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value, unit, value_max, base_value, approx", [
    ("增长-3.5%", -3.5, "%", None, -3.5, "exact"),            # 2022年全县GDP增长-3.5%
    ("负0.2千米", -0.2, "千米", None, -0.2, "exact"),
    ("十多万", 10, "万", None, 100000, "more_than"),          # the lower bound, approx more_than
    ("500余万", 500, "万", None, 5000000, "more_than"),
    ("二十几万元", 20, "万元", None, 200000, "more_than"),
    ("三成半", 3.5, "成", None, 35, "exact"),                 # 三成半 = 35%
    ("从8500到3万", 0.85, "万", 3, 8500, "exact"),             # the first end written in full
    ("八百到九百亿", 800, "亿", 900, 8e10, "exact"),           # the scale of the second end applies to both
    ("八百到九百亿元", 800, "亿元", 900, 8e10, "exact"),
    ("惠及三百万农民", 300, "万", None, 3e6, "exact"),         # a bare scale, no measure word
    ("两个亿", 2, "亿", None, 2e8, "exact"),
    ("增长一倍多", 1, "倍", None, 1, "more_than"),
])
def test_parse_quantity_reads_the_forms_reports_use(text, value, unit, value_max, base_value, approx):
    q = parse_quantity(text)
    assert (q.value, q.unit, q.approx) == (pytest.approx(value), unit, approx)
    assert q.base_value == pytest.approx(base_value)
    assert q.value_max == (None if value_max is None else pytest.approx(value_max))


@pytest.mark.parametrize("text, surface, reason", [
    ("县妇联十三届四次执委会议审议通过", "十三届四次", "ordinal"),
    ("在县委十届十次全会上", "十届十次", "ordinal"),
    ("七届全国人大五次会议批准", "七届全国人大五次", "ordinal"),
    ("二一三年工作回顾", "二一三年", "date"),                  # 二〇一三 with its 〇 lost
    ("一九八○年的六百七十五所", "一九八○年", "date"),
    ("相关文章-10篇(第20/30页)", "10篇(第20/30页)", "page navigation"),
    ("县妇联连续5年获评先进", "5年", "duration or record"),
    ("增速创十年最高", "十年", "duration or record"),
    ("每名领导联系1-2所学校", "每名领导联系1-2所", "per-unit norm"),
    ("扎实推进十件民生实事", "十件", "programme name"),
    ("详见https://example.gov.cn/list?q=30%25%2020%", "https://example.gov.cn/list?q=30%25%2020%", "web address"),
    ("见?q=30%25%2020%", "?q=30%25%2020%", "web address"),
])
def test_non_facts_of_unseen_reports_are_rejected_with_their_reason(text, surface, reason):
    assert rejected(text).get(surface) == reason
    assert not any(m.start < text.find(surface) + len(surface) and text.find(surface) < m.end
                   for m in scan_quantities(text))


def test_reasons_are_a_closed_set():
    from summarylab.numbers import Reason

    for c in scan_candidates("2021年3月5日召开十三届四次执委会议，第三次会议，每人每月60元，“三八”节，一批，XX万元，12338，ab12"):
        if isinstance(c, Rejected):
            assert isinstance(c.reason, Reason)
    # every reason of the lexicon is a code of the set (loading would fail otherwise)
    codes = {r.value for r in Reason}
    for line in (MODELS / "not_facts.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "pattern\t")):
            assert line.split("\t")[1] in codes, line


def test_a_dash_after_a_digit_is_a_range_not_a_sign():
    assert parse_quantity("3-5人").value_max == 5 and parse_quantity("3-5人").value == 3
    assert surfaces("比上年下降0.8%，增长-3.5%") == ["0.8%", "-3.5%"]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["多", "余", "几"]), st.sampled_from(["万", "亿"]))
def test_an_approximate_base_gives_its_lower_bound(n, word, scale):
    # 500余万 reads 5000000 however the base is written; parse_quantity adds more_than
    factor = 10**4 if scale == "万" else 10**8
    assert parse_number(f"{n}{word}{scale}") == n * factor
    q = parse_quantity(f"{n}{word}{scale}")
    assert q.base_value == n * factor and q.approx == "more_than"


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value="0.1", max_value="999.9", places=1))
def test_a_sign_negates_the_value_and_the_base(d):
    q = parse_quantity(f"增长-{d}%")
    assert q.value == -float(d) and q.base_value == -float(d) and q.aspect == "increase"


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_slash_fractions(a, b):
    assert parse_number(f"{a}/{b}") == pytest.approx(a / b)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=1, max_value=9))
def test_a_range_shares_the_scale_of_its_second_end(lo, extra):
    hi = lo + extra
    q = parse_quantity(f"{cn2an.an2cn(lo * 100)}到{cn2an.an2cn(hi * 100)}亿")
    assert (q.value, q.value_max, q.base_value) == (lo * 100, hi * 100, lo * 100 * 10**8)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789.,， 1a年中５", max_size=16), st.integers(0, 16))
def test_the_bare_number_scan_opening_with_its_digit_reads_what_the_lookbehind_form_reads(text, start):
    # grammar.bare is (?<![\d.])_ARABIC written to open with the first digit (a speed-up):
    # the same numbers, wherever the scan starts.
    from summarylab.numbers import _ARABIC, _grammar

    reference = re.compile(rf"(?<![\d.]){_ARABIC}")
    start = min(start, len(text))
    assert [m.span() for m in _grammar().bare.finditer(text, start)] == \
        [m.span() for m in reference.finditer(text, start)]


def test_the_blocker_names_the_reason_of_the_alternative_that_matched():
    # Each alternative of the blocker carries its name in an empty group after it.
    from summarylab.numbers import Reason, _blocks, _grammar

    text = "根据国发〔2021〕3号文件，2021年3月5日第三届会议上，每10万人拥有5G基站"
    reasons = {text[s:e]: r for s, e, r in _blocks(text, 0, len(text), _grammar())}
    assert reasons["〔2021〕3号"] == Reason.DOC_NUMBER
    assert reasons["2021年3月5日"] == Reason.DATE
    assert reasons["第三届"] == Reason.ORDINAL
    assert reasons["5G"] == Reason.CODE


def test_a_share_per_ten_thousand_is_read_as_per_cent_like_per_mille():
    # 失联党员占全县党员总数的万分之2.4: a rate of losses, 0.024%, comparable with a 0.5‰ ceiling
    q = parse_quantity("万分之2.4")
    assert (q.unit, q.base_unit, q.kind) == ("‱", "%", "percent")
    assert q.base_value == pytest.approx(0.024)
    assert parse_quantity("千分之三").base_value == pytest.approx(0.3)
    assert parse_quantity("十万分之一").kind == "ratio"  # a fraction, not a share word


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999))
def test_per_cent_per_mille_and_per_ten_thousand_scale_by_ten(n):
    words = cn2an.an2cn(n)
    pct, mille, myriad = (parse_quantity(w + words).base_value for w in ("百分之", "千分之", "万分之"))
    assert pct == pytest.approx(n) and mille == pytest.approx(n / 10) and myriad == pytest.approx(n / 100)
