"""Each named rule of the fact extractor, on a report sentence where it decides.

extract.py builds an indicator label and a role from ordered tables of named rules
(GAP_RULES and PHRASE_RULES walk left from the number; LABEL_RULES with COUNTED_RULES,
PHRASE_LABEL_RULES, PHRASE_ADJUST_STAGES and ELLIPTIC_RULES build the label; ROLE_RULES
give the role; ACTIVITY_RULES add the programme).  Every fact row names the rules that
answered for it (``_rules``), so each rule is specified here by one sentence, the
quantity it decides and the row that comes out.

The sentences are from corpora/: the national 政府工作报告 (corpora/national),
the 上林县妇联 2021 report (000_85a1b6df8f5117e0.txt), and, where those have no case of
the rule, the synthetic county reports (marked ``synthetic`` below); a few are trimmed to
their clause.  Each is wrapped in a minimal report (a title and a heading).
"""

from __future__ import annotations

import pytest

import summarylab as sl
from summarylab import extract
from summarylab.extract import analyse_facts


def report(body: str, plan: bool = False) -> "sl.Document":
    text = "某县人民政府2021年工作总结和2022年工作计划\n一、2021年主要工作\n"
    text += ("二、2022年工作计划\n" + body + "\n") if plan else (body + "\n")
    return sl.read_text(text)


#: (rule, sentence, quantity, indicator, role[, in the plan part])
CASES = [
    ('gap:share_head', '全县养老机构护理型床位占比达到48%。',
     '48%', '床位占比', 'actual'),
    ('gap:change_verb', '贫困人口减少800万人。',
     '800万人', '贫困人口减少', 'actual'),
    ('gap:link', '剧场达到2，112个。',
     '2，112个', '剧场数', 'actual'),
    ('gap:period', '居民储蓄存款余额五年增长1倍多，股票、债券等其他金融资产迅速增加。',
     '1倍多', '居民储蓄存款余额增长', 'actual'),
    ('gap:share_verb', '实际利用外资超过1600亿美元，其中外商直接投资占70%，投资结构有所改善。',
     '70%', '外商直接投资占比', 'actual'),
    ('gap:new', '居民储蓄存款新增6300多亿元。',
     '6300多亿元', '居民储蓄存款新增', 'actual'),
    ('gap:parallel_rate', '城乡低保标准分别提高到每人每月790元和545元。',
     '545元', '城乡低保标准金额', 'actual'),
    ('gap:particle', '企业退休人员基本养老金今年再提高10%。',
     '10%', '企业退休人员基本养老金提高', 'actual'),
    ('gap:basis', '国内市场繁荣，社会消费品零售总额扣除价格因素增长百分之十一点六。',
     '百分之十一点六', '社会消费品零售总额增长', 'actual'),
    ('gap:listed', '制定了《企业国有资产监督管理暂行条例》等28部行政法规。',
     '28部', '行政法规数', 'actual'),
    ('phrase:quantity', '五年全国新增城镇就业5100万人。',
     '5100万人', '全国新增城镇就业人数', 'actual'),
    ('phrase:head_measure', '新建乡镇敬老院2所、村级互助养老服务点15个，新增养老床位240张。',
     '15个', '村级互助养老服务点数', 'actual'),
    ('phrase:bracket', '化肥（折纯）产量1855万吨，比上年增长百分之六点六。',
     '1855万吨', '化肥折纯产量', 'actual'),
    ('phrase:comparative', '城镇登记失业率低于全省平均水平0.5个百分点。',
     '0.5个百分点', '城镇登记失业率低于全省平均水平', 'actual'),
    ('phrase:manner', '一是通过政府购买服务方式服务“儿童之家”16所，投入经费4.8万元。',
     '16所', '政府购买服务儿童之家数', 'actual'),
    ('phrase:noun', '新建机场31个；',
     '31个', '新建机场数', 'actual'),
    ('phrase:share', '全县养老机构护理型床位占比达到48%。',
     '48%', '床位占比', 'actual'),
    ('phrase:above_scale', '规模以上工业企业利润增长12.2%。',
     '12.2%', '规模以上工业企业利润增长', 'actual'),
    ('phrase:verb_between_nouns', '减轻企业负担2000亿元。',
     '2000亿元', '企业负担金额', 'actual'),
    ('phrase:adverb', '城镇新增就业859万人，下岗失业人员再就业440万人。',
     '440万人', '失业人员再就业人数', 'actual'),
    ('phrase:modifier_de', '参加新型农村合作医疗的人口8.14亿，参合率91.5%。',
     '8.14亿', '新型农村合作医疗人口', 'actual'),
    ('phrase:short_rate_verb', '调处矛盾纠纷312起，调处成功率97.4%。',
     '97.4%', '调处成功率', 'actual'),
    ('phrase:negation', '非化石能源发电量比重达到22.3%。',
     '22.3%', '非化石能源发电量比重', 'actual'),
    ('phrase:subset', '村委会主任中女性比例达到24.3%。',
     '24.3%', '村委会主任女性比例', 'actual'),
    ('phrase:inner_adverb', '实际利用外商直接投资603亿美元；',
     '603亿美元', '利用外商直接投资', 'actual'),
    ('phrase:conjunction', '新建、改扩建机场50个。',
     '50个', '新建、改扩建机场数', 'actual'),
    ('phrase:adjective', '一般公共预算收入增长5%；',
     '5%', '一般公共预算收入增长', 'actual'),
    ('counted_noun', '28个省份开展大病医疗保险试点。',
     '28个', '省份数', 'actual'),
    ('person_noun', '截至目前，已完成第一期培训，200余名妇女儿童参加培训。',
     '200余名', '第一期参加培训妇女儿童人数', 'actual'),
    ('relative_verb', '国家按合理工期组织建设的一百二十三个大中型项目，工程的进展比较顺利。',
     '一百二十三个', '建设大中型项目数', 'actual'),
    ('giving_verb', '县妇联牵线得到天源公司等爱心企业资助3.5万元，资助15名困难女童。',
     '15名', '资助困难女童人数', 'actual'),
    ('listed', '今年春节期间，开展慰问“三八”红旗手、困难妇女、困境儿童等共68人，累计发放慰问金和慰问品共3万元。',
     '68人', '慰问人数', 'actual'),
    ('phrase_before', '新建机场31个；',
     '31个', '新建机场数', 'actual'),
    ('comparative_gap', '农村居民人均可支配收入同比增长7.8%，增速高于城镇居民1.6个百分点。',
     '1.6个百分点', '增速高于城镇居民', 'actual'),
    ('count_after_count', '共115支参赛队1000多人参加。',
     '1000多人', '参加人数', 'actual'),
    ('verb_object', '发布信息1260条。',
     '1260条', '发布信息条数', 'actual'),
    ('reach_verb', '家庭医生签约服务覆盖人口28.6万人。',
     '28.6万人', '家庭医生签约服务覆盖人口', 'actual'),
    ('predicate_object', '联合县农商银行发放“青创贷”贷款1860万元，扶持青年创业项目57个，带动就业900余人。',
     '900余人', '带动就业人数', 'actual'),
    ('money_after_count', '落实“我为群众办实事”“春蕾计划一起捐”助学行动，捐助3名困难女童4800元；',
     '4800元', '捐助困难女童金额', 'actual'),
    ('level_qualifier', '组建自治区“环保妈妈”巾帼志愿队伍1支，市级3支。',
     '3支', '市级自治区环保妈妈巾帼志愿队伍数', 'actual'),
    ('generic_money', '为118名困难学生送上文具、体育用品等总价值近4.5万元的慰问品。',
     '近4.5万元', '困难学生慰问品总价值', 'actual'),
    ('generic_topic', '糖六百万吨。',
     '六百万吨', '糖产量', 'actual'),
    ('target_completion', '最突出的如沈阳染料厂一九五三年竟完成了利润计划的百分之五百以上。',
     '百分之五百以上', '利润计划完成率', 'actual'),
    ('share_prefix', '全社会研发支出占国内生产总值比重超过2%。',
     '超过2%', '占国内生产总值比重', 'actual'),
    ('share_owner', '其中国外借款收入三十一亿元，只占国家预算收入的百分之二点三。',
     '百分之二点三', '国外借款收入占国家预算收入比例', 'actual'),
    ('percent_verb_phrase', '妇联主席100%进“两委”班子。',
     '100%', '妇联主席进两委班子比例', 'actual'),
    ('purpose', '国家财政安排32.5亿元帮助解决北方农村中小学取暖问题。',
     '32.5亿元', '北方农村中小学取暖资金', 'actual'),
    ('noun_after', '县妇联从本级妇女儿童事业发展专项资金中安排2.5万元经费，培育上林县“乡村振兴巾帼示范基地”5个。',
     '2.5万元', '乡村振兴巾帼示范基地经费', 'actual'),
    ('elliptic', '原煤产量增长百分之二十，达到11亿吨；',
     '11亿吨', '原煤产量', 'actual'),
    ('share_clause', '其中，保障性住房、农村民生工程、社会事业投资占44%，自主创新、结构调整、节能减排和生态建设占16%，重大基础设施建设占23%，灾后恢复重建占14%。',
     '14%', '灾后恢复重建占比', 'actual'),
    ('change_continues', '国内生产总值达到56.9万亿元，比上年增长7.7%。',
     '7.7%', '国内生产总值增长', 'actual'),
    ('count_verb_phrase', '在城镇中，今年1至9月安排了四百七十七万人就业。',
     '四百七十七万人', '就业人数', 'actual'),
    ('money_subject', '中央财政扶持中小企业发展专项资金安排106亿元。',
     '106亿元', '中小企业发展专项资金', 'actual'),
    ('subject_continues', '原煤产量增长百分之二十，达到11亿吨；',
     '11亿吨', '原煤产量', 'actual'),
    ('clause_verb', '三项增减相抵，净增二十四亿元。',
     '二十四亿元', '净增金额', 'actual'),
    ('owner_value', '农村贫困人口由4960万人减少到2820万人。',
     '2820万人', '农村贫困人口', 'actual'),
    ('parallel_value', '城乡低保标准分别提高到每人每月790元和545元。',
     '545元', '城乡低保标准金额', 'actual'),
    ('nearest_noun', '积累率由1978年的36.5%，降为33.6%。',
     '33.6%', '积累率', 'actual'),
    ('distribute', '二氧化硫、化学需氧量排放量分别下降3.5%、2.9%。',
     '2.9%', '化学需氧量排放量下降', 'actual'),
    ('target_of_actual', '村委会主任中女性比例达到24.3%（目标10%）。',
     '10%', '村委会主任女性比例', 'target'),
    ('recipient', '全年为1296名困难残疾人发放生活补贴126.4万元。',
     '126.4万元', '困难残疾人生活补贴', 'actual'),
    ('role:bracket', '村委会主任中女性比例达到24.3%（目标10%）。',
     '10%', '村委会主任女性比例', 'target'),
    ('role:share_of_target', '完成一般公共预算收入1.36亿元，完成全年任务的52.3%；',
     '52.3%', '任务完成率', 'actual'),
    ('role:clause_cue', '今年要再取消和下放行政审批事项200项以上。',
     '200项以上', '行政审批事项数', 'target'),
    ('role:outcome_clause', '举办社会单位消防安全责任人培训班，原计划4期，因培训场地改造，仅举办2期。',
     '2期', '举办期数', 'actual'),
    ('role:sentence_cue', '今年国民经济宏观调控的主要目标是：经济增长速度8%，商品零售价格涨幅控制在3%以内。',
     '3%以内', '商品零售价格涨幅', 'target'),
    ('role:target_after', '国内生产总值比上年增长7.8%，虽然略低于8%的预定目标。',
     '低于8%', '国内生产总值增长', 'target'),
    ('role:plan_section', '发展新团员300名；',
     '300名', '发展新团员人数', 'expected', True),
    ('role:expected_cue', '全国公路的通车里程今年将达十四万多公里。',
     '十四万多公里', '通车里程', 'expected'),
    ('activity:organisation', '广泛吸引女企业家、女致富带头人等优秀女性加入女企业家协会，协会会员由原来的58人增加到现在的85人。',
     '85人', '女企业家协会会员人数', 'actual'),
    ('activity:manner', '一是通过政府购买服务方式服务“儿童之家”16所，投入经费4.8万元。',
     '16所', '政府购买服务儿童之家数', 'actual'),
    ('activity:session', '截至目前，已完成第一期培训，200余名妇女儿童参加培训。',
     '200余名', '第一期参加培训妇女儿童人数', 'actual'),
    ('activity:quoted_money', '中央财政“三农”投入累计近3万亿元，年均增幅超过23%。',
     '近3万亿元', '三农投入金额', 'actual'),
    ('activity:quoted_place', '截止目前，活动覆盖10个乡镇，共在“儿童之家”开展禁毒宣传活动30多场次。',
     '30多场次', '儿童之家禁毒宣传活动场次', 'actual'),
    ('activity:activity', '五年间，在重大国际比赛中共获得485个世界冠军，创造世界纪录193次。',
     '485个', '重大国际比赛世界冠军数', 'actual'),
]

#: Cases taken from the synthetic county reports of corpora/ (no real report in corpora/ has one).
SYNTHETIC = {"gap:share_head", "phrase:share", "gap:parallel_rate", "parallel_value", "phrase:head_measure",
             "phrase:short_rate_verb", "phrase:adjective", "role:share_of_target", "predicate_object",
             "role:plan_section", "recipient", "role:outcome_clause"}


def _case_id(case) -> str:
    return case[0] + (" (synthetic)" if case[0] in SYNTHETIC else "")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_decides_its_sentence(case):
    rule, sentence, surface, indicator, role = case[:5]
    plan = len(case) > 5 and case[5]
    rows = [r for r in analyse_facts(report(sentence, plan)).rows if r["surface"] == surface]
    assert rows, f"no fact {surface} in {sentence}"
    row = rows[-1]
    assert rule in row["_rules"], row["_rules"]
    assert (row["indicator"], row["role"]) == (indicator, role)


def _named_rules():
    tables = {"gap:": extract.GAP_RULES, "phrase:": extract.PHRASE_RULES, "": extract.LABEL_RULES
              + extract.COUNTED_RULES + extract.PHRASE_LABEL_RULES + extract.ELLIPTIC_RULES
              + tuple(r for stage in extract.PHRASE_ADJUST_STAGES for r in stage),
              "role:": extract.ROLE_RULES, "activity:": extract.ACTIVITY_RULES}
    return [(prefix + r.name, r) for prefix, rules in tables.items() for r in rules]


def test_every_rule_has_a_case_and_a_docstring_naming_its_class():
    covered = {c[0] for c in CASES}
    missing = [name for name, _ in _named_rules() if name not in covered]
    assert missing == []
    undocumented = [name for name, r in _named_rules() if not (r.apply.__doc__ or "").split(":")[0].strip()]
    assert undocumented == []


def test_rule_names_are_unique_within_their_table():
    names = [name for name, _ in _named_rules()]
    assert len(names) == len(set(names))
