"""Readers and normalisation: every rendition of a report reads to the same document."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import summarylab as sl
from summarylab.normalize import normalize
from summarylab.readers import ReadError, read_file

from .conftest import SAMPLE


def outline_of(doc):
    return [(s.section_id, s.level, s.marker, s.title, s.kind) for s in doc.section_list]


# --- normalisation -----------------------------------------------------------

def test_full_width_ascii_becomes_half_width():
    assert normalize("投入３０万元，占ＡＢＣ１２．５％") == "投入30万元，占ABC12.5%"


def test_chinese_punctuation_stays_as_written():
    text = "一是，二是；三是：好！对吗？（注）“引号”、《书名》〔2021〕。"
    assert normalize(text) == text


def test_scraper_escapes_nbsp_and_ideographic_space_become_spaces():
    assert normalize("国务院总理<U+00A0>李克强\u00a0各位\u3000代表") == "国务院总理 李克强 各位 代表"


def test_line_ends_unified_and_trailing_spaces_stripped():
    assert normalize("第一行  \r\n第二行\r第三行\u3000\n") == "第一行\n第二行\n第三行\n"


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "\r" not in once


# --- text encodings -----------------------------------------------------------

@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"), ("gbk", b""), ("gb18030", b""),
])
def test_every_text_encoding_gives_the_same_normalised_text(tmp_path, sample_text, encoding, bom):
    # GBK has no EN SPACE (U+2002, once in the sample): a GBK rendition has a space there.
    text = sample_text.replace("\u2002", " ")
    utf8 = tmp_path / "reference.txt"
    utf8.write_text(text, encoding="utf-8")
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(bom + text.encode(encoding))
    doc = sl.read(path)
    assert doc.text == normalize(text)
    assert doc.doc_id == sl.read(utf8).doc_id


def test_gbk_is_detected_and_reported(tmp_path, sample_text):
    path = tmp_path / "gbk.txt"
    path.write_bytes(sample_text.replace("\u2002", " ").encode("gbk"))
    assert read_file(path).encoding == "gb18030"


def test_crlf_and_lone_cr_give_the_same_text(tmp_path, sample_text):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(sample_text.replace("\n", "\r\n").encode("utf-8"))
    cr = tmp_path / "cr.txt"
    cr.write_bytes(sample_text.replace("\n", "\r").encode("utf-16"))
    assert sl.read(crlf).text == sl.read(cr).text == normalize(sample_text)


def test_the_messy_national_reports_decode_from_gbk(gov2014):
    assert gov2014.meta.encoding == "gb18030"
    assert "<U+00A0>" not in gov2014.text and "\r" not in gov2014.text
    assert "国内生产总值达到56.9万亿元" in gov2014.text


# --- docx and pdf -------------------------------------------------------------

def make_docx(path: Path, text: str, *, table_rows=()) -> Path:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
        for r, row in enumerate(table_rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    document.save(path)
    return path


def make_pdf(path: Path, text: str) -> Path:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(escape(line), style) for line in text.split("\n") if line.strip()]
    )
    return path


def test_docx_gives_the_same_text_and_outline(tmp_path, sample_text, sample_doc):
    doc = sl.read(make_docx(tmp_path / "report.docx", sample_text.rstrip("\n")))
    assert doc.meta.source_format == "docx"
    assert doc.text.rstrip("\n") == sample_doc.text.rstrip("\n")
    assert outline_of(doc) == outline_of(sample_doc)


def test_docx_tables_are_read_in_document_order(tmp_path):
    path = make_docx(tmp_path / "t.docx", "某县民政局2023年工作总结\n一、主要指标完成情况",
                     table_rows=[("指标", "完成"), ("低保户", "1200户")])
    text = sl.read(path).text
    assert text.index("主要指标完成情况") < text.index("低保户") < text.index("1200户")


def test_pdf_with_wrapped_lines_gives_the_same_outline(tmp_path, sample_text, sample_doc):
    doc = sl.read(make_pdf(tmp_path / "report.pdf", sample_text))
    assert doc.meta.source_format == "pdf"
    assert doc.meta.org == "上林县妇联" and doc.meta.year == 2021
    assert outline_of(doc) == outline_of(sample_doc)


# --- bad input ----------------------------------------------------------------

@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\t\n", "file is empty"),
    ("binary.txt", bytes(range(256)) * 4, "binary file"),
    ("latin.txt", "Quarterly report: revenue grew 5%.".encode(), "no Chinese text"),
    ("old.doc", b"\xd0\xcf\x11\xe0 word 97", "save it as .docx"),
    ("report.wps", b"wps", "save it as .docx"),
    ("data.xyz", "报告".encode(), "unsupported file type"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a valid .docx"),
    ("broken.pdf", b"%PDF-1.4 garbage", "PDF"),
])
def test_bad_input_raises_one_line_read_error(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        sl.read(path)
    message = str(err.value)
    assert reason in message and str(path) in message and "\n" not in message


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        sl.read(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a directory"):
        sl.read(tmp_path)


def test_pdf_without_text_layer_is_reported_as_scanned(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)  # an "image" and no text
    c.save()
    with pytest.raises(ReadError, match="no text layer"):
        sl.read(path)


def test_docx_headings_in_word_heading_styles_become_numbered_headings(tmp_path):
    # Word numbers such headings from its list definition (or not at all): the text
    # layer has no 一、 or （一）, yet a reader of the document sees the parts.
    import docx

    document = docx.Document()
    document.add_heading("某某县民政局2022年工作总结和2023年工作计划", level=1)
    document.add_paragraph("2022年，县民政局兜牢民生底线。")
    document.add_heading("2022年工作开展情况", level=2)
    document.add_heading("兜牢基本民生保障底线", level=3)
    document.add_paragraph("全年保障城乡低保对象3286人。")
    document.add_heading("提升养老服务水平", level=3)
    document.add_heading("存在的问题", level=2)
    document.add_paragraph("基层力量薄弱。")
    document.add_heading("2023年工作计划", level=2)
    path = tmp_path / "styled.docx"
    document.save(path)
    doc = sl.read(path)
    assert doc.meta.title == "某某县民政局2022年工作总结和2023年工作计划"
    assert [(s.section_id, s.marker, s.title, s.kind) for s in doc.section_list if s.marker] == [
        ("1", "一、", "2022年工作开展情况", "achievements"),
        ("1.1", "（一）", "兜牢基本民生保障底线", "achievements"),
        ("1.2", "（二）", "提升养老服务水平", "achievements"),
        ("2", "二、", "存在的问题", "problems"),
        ("3", "三、", "2023年工作计划", "plan"),
    ]


def test_docx_headings_that_carry_their_numbers_are_kept_as_written(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某县妇联2022年工作总结")
    document.add_heading("一、主要工作", level=1)
    document.add_heading("（一）抓宣传", level=2)
    document.add_heading("二、存在问题", level=1)
    path = tmp_path / "numbered.docx"
    document.save(path)
    doc = sl.read(path)
    assert [s.marker for s in doc.section_list if s.marker] == ["一、", "（一）", "二、"]
    assert "一、一、" not in doc.text


ANNOTATED = sorted((Path(__file__).resolve().parent.parent / "corpora" / "annotations").glob("outline_*.json"))


@pytest.mark.parametrize("annotation", ANNOTATED, ids=lambda p: p.stem.removeprefix("outline_"))
def test_annotated_reports_give_the_same_outline_as_docx_and_pdf(tmp_path, annotation):
    import json

    source = SAMPLE.parent / json.loads(annotation.read_text(encoding="utf-8"))["file"]
    text = source.read_text(encoding="utf-8")
    reference = sl.read(source)
    as_docx = sl.read(make_docx(tmp_path / "r.docx", text.rstrip("\n")))
    assert outline_of(as_docx) == outline_of(reference)
    as_pdf = sl.read(make_pdf(tmp_path / "r.pdf", text))
    # The test font lacks a few glyphs (the middle dot of 希望工程·圆梦行动), so
    # titles may differ by them; the tree, kinds and metadata may not.
    tree = lambda doc: [(s.section_id, s.level, s.marker, s.kind) for s in doc.section_list]  # noqa: E731
    assert tree(as_pdf) == tree(reference)
    assert (as_pdf.meta.org, as_pdf.meta.year, as_pdf.meta.plan_year, as_pdf.meta.kind) == (
        reference.meta.org, reference.meta.year, reference.meta.plan_year, reference.meta.kind)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path, sample_text, encoding):
    path = tmp_path / f"nobom-{encoding}.txt"
    path.write_bytes(sample_text.encode(encoding))
    doc = sl.read(path)
    assert doc.text == normalize(sample_text) and doc.meta.encoding == encoding


def test_docx_list_numbers_that_word_shows_are_read_before_the_paragraph(tmp_path):
    # Word shows 一、 （一） 1. from numbering.xml; the paragraph text lacks them.
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">' + "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{pattern}"/></w:lvl>' for i, (fmt, pattern) in enumerate(levels))
        + "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text, level):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
        assert paragraph._p.pPr.find(qn("w:numPr")) is not None

    document.add_paragraph("某县妇联2022年工作总结")
    numbered("主要工作", 0)
    numbered("抓宣传", 1)
    numbered("办班12期。", 2)
    numbered("宣讲26场。", 2)
    numbered("抓维权", 1)
    numbered("存在问题", 0)
    path = tmp_path / "listed.docx"
    document.save(path)
    doc = sl.read(path)
    assert [(s.section_id, s.marker, s.title) for s in doc.section_list if s.marker] == [
        ("1", "一、", "主要工作"), ("1.1", "（一）", "抓宣传"), ("1.1.1", "1.", "办班12期"),
        ("1.1.2", "2.", "宣讲26场"), ("1.2", "（二）", "抓维权"), ("2", "二、", "存在问题")]


def test_markdown_marks_around_headings_do_not_hide_them(tmp_path, sample_text, sample_doc):
    import re

    lines = []
    for line in sample_text.split("\n"):
        if re.match(r"[一二三四五六七八九十]+、", line):
            line = "## " + line
        elif re.match(r"（[一二三四五六七八九十]+）", line):
            line = "### **" + line + "**"
        elif re.match(r"\d+\.", line):
            line = "- " + line
        lines.append(line)
    path = tmp_path / "report.md"
    path.write_text("# " + "\n".join(lines), encoding="utf-8")
    doc = sl.read(path)
    assert outline_of(doc) == outline_of(sample_doc)
    assert doc.meta.title == sample_doc.meta.title


# --- limits ---------------------------------------------------------------------

def test_every_limit_refuses_with_a_reason_that_names_it(tmp_path, sample_text):
    from summarylab.readers import Limits

    path = tmp_path / "r.txt"
    path.write_text(sample_text, encoding="utf-8")
    with pytest.raises(ReadError, match=r"file too large \(0.0 MB; the limit is 0.0 MB\)"):
        read_file(path, Limits(max_file_bytes=100))
    with pytest.raises(ReadError, match=r"text too long \(6,8\d\d characters; the limit is 1,000\)"):
        read_file(path, Limits(max_chars=1000))
    docx = make_docx(tmp_path / "r.docx", sample_text)
    with pytest.raises(ReadError, match="decompresses to more than"):
        read_file(docx, Limits(max_decompressed_bytes=10_000))
    assert read_file(docx).text  # the default limits take real reports


def test_a_zip_that_lies_about_its_sizes_is_still_caught(tmp_path):
    import zipfile

    from summarylab.readers import Limits

    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * 200_000)
    data = bytearray(path.read_bytes())
    # patch the declared uncompressed size (local header and central directory) to 10 bytes
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature)
        data[at + offset:at + offset + 4] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError) as err:
        read_file(path, Limits(max_decompressed_bytes=50_000))
    assert "\n" not in str(err.value)


def test_a_name_with_a_line_break_or_an_escape_is_escaped_in_the_message(tmp_path):
    path = tmp_path / "总结\n\x1b[31m.txt"
    path.write_bytes(b"")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert str(err.value) == f"{tmp_path}/总结\\n\\x1b[31m.txt: file is empty"


def test_normalisation_removes_zero_width_characters_anywhere():
    assert normalize("\ufeff一、主要\u200b工作\n\u2060二、计\u200c划\u200d") == "一、主要工作\n二、计划"
