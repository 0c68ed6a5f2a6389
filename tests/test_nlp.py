"""Specifications of summarylab.nlp: sentences, words, the user dictionary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarylab import nlp
from summarylab.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
CORPUS_FILES = ["000_85a1b6df8f5117e0.txt", "national/2013.txt", "national/2014.txt"]


def corpus_text(name: str) -> str:
    """A shipped corpus text, decoded as published (UTF-8 sample, GBK national reports)."""
    data = (CORPORA / name).read_bytes()
    try:
        return normalize(data.decode("utf-8"))
    except UnicodeDecodeError:
        return normalize(data.decode("gb18030"))


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in nlp.split_sentences(text)]


# --- sentences -----------------------------------------------------------------


def test_sentences_end_after_full_stop_semicolon_and_exclamation_with_exact_offsets():
    # the sample report (。 and ；) and the 2014 report (！)
    text = ("一是实施“春蕾计划”行动，资助金额共3.98万元。落实“我为群众办实事”“春蕾计划一起捐”助学行动，"
            "捐助3名困难女童4800元；县妇联牵线得到天源公司等爱心企业资助3.5万元，资助15名困难女童。")
    assert nlp.split_sentences(text) == [(0, 25), (25, 64), (64, 98)]
    assert sentences(text)[1] == "落实“我为群众办实事”“春蕾计划一起捐”助学行动，捐助3名困难女童4800元；"
    text = "我国的对外影响力进一步提升。各位代表！过去一年的成就来之不易。"
    assert sentences(text) == ["我国的对外影响力进一步提升。", "各位代表！", "过去一年的成就来之不易。"]


def test_a_line_end_ends_a_sentence_even_without_punctuation():
    text = corpus_text(CORPUS_FILES[0])
    start = text.index("四、2022年工作计划")
    first, second = nlp.split_sentences(text, start)[:2]
    assert text[first[0]:first[1]] == "四、2022年工作计划"
    assert text[second[0]:second[1]].startswith("下一步，我会将继续在县委、县政府的正确领导下")
    assert second[0] == first[1] + 1 and text[first[1]] == "\n"


def test_a_quotation_with_full_stops_inside_stays_one_sentence():
    # 1955 report, quoting Stalin: two 。 inside the quotation marks
    text = ("正如斯大林所说的：“问题不仅在于这种帮助是极度便宜的，技术上是头等的。"
            "问题首先在于这种合作的基础，是互相帮助和求得共同经济高涨的真诚愿望。”\n\n"
            "  我国的第一个五年计划的期间是从一九五三年到一九五七年。")
    assert sentences(text) == [
        "正如斯大林所说的：“问题不仅在于这种帮助是极度便宜的，技术上是头等的。"
        "问题首先在于这种合作的基础，是互相帮助和求得共同经济高涨的真诚愿望。”",
        "我国的第一个五年计划的期间是从一九五三年到一九五七年。",
    ]


def test_a_closing_quote_after_the_full_stop_stays_with_its_sentence():
    text = "他说：“好！很好。”然后离开；"
    assert sentences(text) == ["他说：“好！很好。”", "然后离开；"]


def test_brackets_stay_whole_even_with_a_semicolon_inside():
    # the sample's bracketed document number, with a note added inside the brackets
    text = "严格落实县禁毒办实施方案（上禁毒办发〔2021〕28号；见附件）文件要求。开展评选活动。"
    assert sentences(text) == ["严格落实县禁毒办实施方案（上禁毒办发〔2021〕28号；见附件）文件要求。", "开展评选活动。"]


def test_a_run_of_enders_and_surrounding_spaces_stay_outside_the_next_sentence():
    text = "  真的吗？！  是的。 "
    assert sentences(text) == ["真的吗？！", "是的。"]
    assert nlp.split_sentences(text) == [(2, 7), (9, 12)]


def test_splitting_a_slice_gives_offsets_into_the_whole_text():
    text = corpus_text(CORPUS_FILES[0])
    start = text.index("（三）农村")
    end = text.index("\n", start)
    spans = nlp.split_sentences(text, start, end)
    assert spans[0][0] == start and spans[-1][1] == end
    assert text[spans[0][0]:spans[0][1]] == "（三）农村“留守孩子”受教育问题依然突出。"


@given(st.text(alphabet=st.sampled_from(list("妇联儿童之家。！？；!?;“”‘’（）()〔〕【】《》 \n\t，1a")), max_size=80))
def test_sentence_spans_are_ordered_disjoint_stripped_and_never_cross_a_line(text):
    spans = nlp.split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert "\n" not in piece
        assert piece == piece.strip()
        previous_end = end
    # nothing but whitespace is left outside the sentences
    covered = set().union(*(range(a, b) for a, b in spans)) if spans else set()
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


# --- the user dictionary -------------------------------------------------------


def test_the_user_dictionary_file_says_what_it_holds_and_every_entry_has_freq_and_tag():
    lines = nlp.USERDICT.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    entries = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    assert len(entries) >= 300
    assert all(len(e) == 3 and e[1].isdigit() and e[2].isalpha() for e in entries)
    assert len({e[0] for e in entries}) == len(entries)


def test_parse_userdict_skips_comments_and_rejects_entries_jieba_would_misread():
    assert nlp.parse_userdict("# 妇联词汇\n\n儿童之家 2000 n\n两癌 2000\n") == (
        nlp.UserWord("儿童之家", 2000, "n"), nlp.UserWord("两癌", 2000, "x"))
    with pytest.raises(ValueError, match="line 1"):
        nlp.parse_userdict("儿童之家 n\n")
    with pytest.raises(ValueError, match="twice"):
        nlp.parse_userdict("两癌 2000 j\n两癌 3000 j\n")


@pytest.mark.parametrize("sentence, term", [
    ("在16个“儿童之家”开展了党史学习、毒品预防教育", "儿童之家"),
    ("一是实施“春蕾计划”行动，资助金额共3.98万元。", "春蕾计划"),
    ("继续做好女性“两癌”保险项目。", "两癌"),
    ("大部分“妇女之家”设施缺乏", "妇女之家"),
    ("组建自治区“环保妈妈”巾帼志愿队伍1支", "环保妈妈"),
    ("深入贯彻落实习近平总书记关于家风家教的重要论述精神", "家风家教"),
    ("国内生产总值达到56.9万亿元，比上年增长7.7%", "国内生产总值"),
    ("居民消费价格涨幅控制在3.5%左右", "居民消费价格涨幅"),
    ("城镇新增就业1310万人", "城镇新增就业"),
    ("增加值占国内生产总值比重提高2.7个百分点", "个百分点"),
])
def test_domain_words_stay_whole(sentence, term):
    assert term in nlp.lcut(sentence)


def test_every_user_dictionary_word_is_cut_whole_on_its_own():
    # (a word of frequency 0 is taken out of jieba's dictionary, as jieba's del_word does: 带团建, which would eat
    # the 团建 of 党建带团建)
    assert [w.word for w in nlp.user_words() if w.freq and nlp.lcut(w.word) != [w.word]] == []


def test_a_word_of_frequency_0_is_taken_out_by_both_engines():
    assert nlp.lcut("党建带团建") == ["党建", "带", "团建"]
    assert [w.word for w in nlp.user_words() if not w.freq] == ["带团建"]


def test_a_county_name_before_fulian_is_not_eaten_by_a_domain_word():
    assert nlp.lcut("上林县妇联2021年工作总结")[:2] == ["上林县", "妇联"]


# --- words ---------------------------------------------------------------------


def test_tokenize_gives_offsets_into_the_text_and_covers_it():
    text = "投入经费4.8万元，在各“儿童之家”开展了党史学习\n"
    tokens = nlp.tokenize(text)
    assert all(text[a:b] == w for w, a, b in tokens)
    assert "".join(w for w, _, _ in tokens) == text
    assert ("4.8", 4, 7) in tokens and ("儿童之家", 13, 17) in tokens


def test_pos_tag_gives_the_words_of_lcut_with_jieba_flags_and_user_dictionary_tags():
    text = "继续实施“春蕾计划”和“两癌”救助项目，资助金额共3.98万元。"
    tagged = nlp.pos_tag(text)
    assert [w for w, _ in tagged] == nlp.lcut(text)
    tags = dict(tagged)
    assert tags["两癌"] == "j" and tags["3.98"] == "m" and tags["实施"] == "v"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_rjieba_cuts_the_corpus_exactly_as_jieba_does(name):
    text = corpus_text(name)
    assert nlp.tokenize(text, engine="rjieba") == nlp.tokenize(text, engine="jieba")


@pytest.mark.parametrize("text", [
    "对2006-2020年的科技发展作出规划",  # jieba's HMM cuts 2006 / - / 2020; jieba-rs did not
    "中国政府门户网站 www.gov.cn 【E-mail推荐】",
    "C++和C#",  # dictionary words: whole in both
    "增长1.5-2.5%，比上年提高0.5个百分点",
])
def test_rjieba_agrees_with_jieba_on_ascii_runs(text):
    assert nlp.tokenize(text, engine="rjieba") == nlp.tokenize(text, engine="jieba")
    assert nlp.lcut(text, engine="rjieba") == [w for w, _, _ in nlp.tokenize(text, engine="jieba")]
    assert nlp.pos_tag(text, engine="rjieba") == nlp.pos_tag(text, engine="jieba")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("妇联儿童之家两癌春蕾计划国内生产总值增长个百分点的了县乡村"
                                              "0123456789.%-+#_&abcE ，。“”\n")), max_size=40))
def test_the_engines_agree_on_any_mix_of_words_digits_and_punctuation(text):
    tokens = nlp.tokenize(text, engine="rjieba")
    assert tokens == nlp.tokenize(text, engine="jieba")
    assert "".join(w for w, _, _ in tokens) == text
    # lcut gives the words alone (made without offsets when no ASCII run needs recutting)
    words = [w for w, _, _ in tokens]
    assert nlp.lcut(text, engine="rjieba") == words == nlp.lcut(text, engine="jieba")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.%-+#_&aZ年 ")), max_size=12))
@example("0.0Z")
@example("1.2.3%")
def test_the_engines_agree_on_runs_of_digits_letters_and_joiners(text):
    # where jieba-rs and jieba's HMM part ways: 4.5%, 1.5-2, a.b, 1.2.3, 5%a, .5
    assert nlp.tokenize(text, engine="rjieba") == nlp.tokenize(text, engine="jieba")


def test_the_engine_is_rjieba_when_it_is_installed():
    pytest.importorskip("rjieba")
    assert nlp.engine_name() == "rjieba"


def test_importing_nlp_loads_no_segmentation_engine():
    code = "import sys, summarylab.nlp; print(sorted(m for m in ('jieba', 'rjieba') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"




# --- Document.tokens: one tagging per sentence, any span read from it --------------------

_TOKENS_TEXT = ("上林县妇联2021年工作总结\n一、主要工作\n"
                "全年举办“巾帼家政”培训班9期，培训妇女400多人。创建儿童之家15个；"
                "走访慰问困难妇女儿童320户，发放慰问金12.5万元。\n"
                "二、2022年工作计划\n继续实施“春蕾计划”，资助困难女童10名。")


def test_document_tokens_of_a_span_are_the_words_of_the_whole_tagging_inside_it():
    from hypothesis import given, settings, strategies as st

    import summarylab as sl
    from summarylab.model import Token

    doc = sl.read_text(_TOKENS_TEXT)
    whole = doc.tokens(0, len(doc.text))
    assert all(type(t) is Token for t in whole)
    assert [t.word for t in doc.tokens(doc.text.index("培训妇女"), doc.text.index("400"))] == ["培训", "妇女"]

    @settings(max_examples=300, deadline=None)
    @given(st.integers(0, len(doc.text)), st.integers(0, len(doc.text)))
    def span_is_a_filter_of_the_whole(a, b):
        # a word cut by either end of the span is left out, as documented
        assert doc.tokens(a, b) == [t for t in whole if t.start >= a and t.end <= b]

    span_is_a_filter_of_the_whole()


def test_one_copy_of_jiebas_dictionary_tags_serves_the_plans_and_the_check():
    from summarylab import plans

    tags = nlp.word_tags()
    assert (tags["残疾人"], tags["不断"], tags["排查"]) == ("n", "d", "vn")
    assert nlp.word_tags() is tags  # read once per process
    # plans' topic words read it; no module keeps a second table of it
    assert plans.is_topic_word("残疾人") and not plans.is_topic_word("不断扩大")
    assert not [name for name in vars(plans) if "dictionary_tags" in name or name == "_word_tags"]


def test_an_engine_with_other_user_words_does_not_share_the_shipped_engines_dictionary():
    # The first rjieba engine of a process takes over the dictionary rjieba built on import;
    # an engine with other words must build its own, and neither may see the other's words.
    pytest.importorskip("rjieba")
    text = "建设儿童之家15所"
    shipped = nlp.tokenize(text, engine="rjieba")
    plain = nlp._engine("rjieba", ()).tokenize(text)
    assert ("儿童之家", 2, 6) in shipped
    assert ("儿童之家", 2, 6) not in plain
    assert plain == nlp._engine("jieba", ()).tokenize(text)
    assert nlp.tokenize(text, engine="rjieba") == shipped


@pytest.mark.parametrize("chunk", [64, 1 << 18])
def test_word_tags_are_the_tags_of_jiebas_dictionary_read_line_by_line(chunk, monkeypatch):
    # word_tags cuts the dictionary in pieces (speed); whatever the piece, it holds what
    # reading jieba's dict.txt line by line gives, the last line of a word winning.
    from importlib.util import find_spec
    from pathlib import Path

    monkeypatch.setattr(nlp, "_TAG_CHUNK", chunk)
    expected = {}
    dict_txt = Path(find_spec("jieba").origin).parent / "dict.txt"
    for line in dict_txt.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            expected[parts[0]] = parts[2]
    got = nlp.word_tags.__wrapped__()
    assert got == expected and list(got) == list(expected)


@given(st.text(alphabet="ab1.%-+#&_ 2025年增长x", max_size=30))
def test_a_text_without_a_joining_character_holds_no_ascii_run_to_recut(text):
    # The recut of ASCII runs (2006-2020, www.gov.cn) is skipped for a text without any of
    # + # & _ . % -: every pattern of such a run holds one of them.
    if nlp._JOINERS.search(text) is None:
        assert nlp._JOINED_ASCII.search(text) is None
    assert nlp._has_joined_ascii(text) == (nlp._JOINED_ASCII.search(text) is not None)
