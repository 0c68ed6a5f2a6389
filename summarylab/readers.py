"""Readers: a file on disk to decoded text, whatever its format or encoding.

Supported: .txt/.md in UTF-8 (with or without BOM), UTF-16 with BOM and
GB18030/GBK (Chinese official texts are very often GBK); .docx (paragraphs and
table cells in document order); .pdf with a text layer.  Every failure a user
can fix raises :class:`ReadError` with a one-line reason.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".md", ".text"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | {".docx", ".pdf"}
_SAVE_AS_DOCX = {".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot"}

# A decoded report must be mostly text; GB18030 decodes almost any byte soup,
# so a plausibility check is the only way to tell a wrong guess from a report.
_CJK = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CJK_RUNS = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_MIN_CJK_SHARE = 0.05


def printable(text: str) -> str:
    """``text`` with control characters written as escapes, for one-line messages.

    A file name may hold a line end or a terminal escape; printed raw it would
    break the one-line error (or drive the terminal).

    Example:
        >>> printable("报告\\n二.txt")
        '报告\\\\n二.txt'
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ReadError(ValueError):
    """A file that cannot be read as a report; ``str(err)`` is one line.

    Attributes:
        path: the offending path as the user gave it.
        reason: what is wrong, in words a user can act on.
    """

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = printable(reason)
        super().__init__(f"{printable(self.path)}: {self.reason}")


@dataclass(frozen=True)
class Limits:
    """What one file may cost before summarylab refuses it with a one-line reason.

    The size limits are checked while reading (:func:`read_file`); the wall
    time only where the work runs in a guarded worker process
    (:func:`summarylab.pipeline.analyse_guarded` and ``ingest``), since a
    parser stuck in a loop can only be stopped from outside.

    Attributes:
        timeout: Seconds of wall time to read and analyse one file.
        max_file_bytes: Size of the file on disk.
        max_decompressed_bytes: Bytes a .docx (its zip members) or a .pdf (its
            compressed streams) may inflate to.
        max_pages: Pages of a PDF.
        max_chars: Characters of the decoded text (about 10 times the longest
            政府工作报告).

    Example:
        >>> Limits(timeout=30).max_pages
        2000
    """

    timeout: float = 300.0
    max_file_bytes: int = 100 * 2**20
    max_decompressed_bytes: int = 256 * 2**20
    max_pages: int = 2000
    max_chars: int = 1_000_000


#: The limits used when none are given.
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class RawText:
    """Decoded text of one file, before normalisation."""

    text: str
    encoding: str
    source_format: str


def read_file(path: str | os.PathLike, limits: Limits | None = None) -> RawText:
    """Read a report file into text.

    Args:
        path: a .txt, .md, .docx or .pdf file.
        limits: size limits (default :data:`DEFAULT_LIMITS`); a file beyond
            one is refused with a :class:`ReadError` naming the limit.

    Returns:
        The decoded text with the detected encoding and source format.

    Raises:
        ReadError: missing path, directory, empty/binary/undecodable file,
            unsupported format, corrupt .docx/.pdf, PDF without text layer.

    Example:
        >>> read_file("corpora/000_85a1b6df8f5117e0.txt").text[:10]
        '上林县妇联2021年'
    """
    p = Path(path)
    if not p.exists():
        raise ReadError(path, "no such file")
    if p.is_dir():
        raise ReadError(path, "is a directory, not a file (ingest takes folders)")
    suffix = p.suffix.lower()
    if suffix in _SAVE_AS_DOCX:
        raise ReadError(path, f"{suffix} files are not supported: save it as .docx and try again")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(
            path, f"unsupported file type '{suffix or '(none)'}': use .txt, .md, .docx or .pdf"
        )
    limits = limits or DEFAULT_LIMITS
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            raise ReadError(path, f"file too large ({_mb(size)}; the limit is {_mb(limits.max_file_bytes)})")
        data = p.read_bytes()
    except OSError as err:
        raise ReadError(path, f"cannot read file ({err.strerror or err})") from None
    if not data.strip():
        raise ReadError(path, "file is empty")
    if suffix == ".docx":
        raw = RawText(_docx_text(path, data, limits), "docx", "docx")
    elif suffix == ".pdf":
        raw = RawText(_pdf_text(path, data, limits), "pdf", "pdf")
    else:
        text, encoding = decode_bytes(path, data)
        if suffix == ".md":
            text = _markdown_text(text)
        raw = RawText(text, encoding, "txt")
    if len(raw.text) > limits.max_chars:
        raise ReadError(path, f"text too long ({len(raw.text):,} characters; the limit is "
                              f"{limits.max_chars:,}): split the file")
    _check_plausible(path, raw.text)
    return raw


def _mb(n: int) -> str:
    return f"{n / 2**20:,.1f} MB"


def decode_bytes(path: str | os.PathLike, data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file, detecting its encoding.

    BOMs decide first; then strict UTF-8; then charset-normalizer, preferring
    the GB family (GB18030 is a superset of GBK and GB2312, so it is what we
    report and use for any of them).

    Example:
        >>> decode_bytes("x.txt", "妇联工作总结".encode("gbk"))
        ('妇联工作总结', 'gb18030')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16"), "utf-16"
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess
        raise ReadError(path, "binary file, not text (NUL bytes and no UTF-16 byte-order mark)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(path, "cannot detect the text encoding (not UTF-8, UTF-16 or GBK)")
    encoding = best.encoding.replace("_", "-")
    return str(best), encoding


def _utf16_without_bom(data: bytes):
    """(text, encoding) of UTF-16 saved without a byte-order mark, or None.

    In UTF-16 the ASCII characters (digits, line ends) put their zero byte
    on one side: odd offsets in little-endian, even in big-endian; CJK
    characters whose low byte is zero (一 is U+4E00, frequent in reports) put
    some on the other side, fewer by far.  Binary data has zeros on both
    sides alike.

    Example:
        >>> _utf16_without_bom("2021年工作总结\\n".encode("utf-16-le"))
        ('2021年工作总结\\n', 'utf-16-le')
    """
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if min(even, odd) > 0.5 * max(even, odd):
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, encoding) if _CJK.search(text) else None


def _strict(path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ReadError(path, f"invalid {encoding} text at byte {err.start}") from None


# Characters that are surely text: whitespace, CJK, ASCII, CJK and general
# punctuation, full-width forms.  Only what is left is looked up one by one,
# which keeps the check a few C-speed passes even on multi-megabyte files.
_SURELY_TEXT = re.compile(
    r"[\s\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef\x20-\x7e\u2000-\u206f\u00a0-\u00ff]+")
# \s\s*, not \s+: opening with a class, the pattern skips to the next space at C speed
_SPACE = re.compile(r"\s\s*")
_SAMPLE = 20_000


def _check_plausible(path, text: str) -> None:
    if len(text) > 3 * _SAMPLE:
        # A wrong decoding garbles the whole file, so its head, middle and tail
        # tell as much as all of it, at a fraction of the cost on big files.
        middle = len(text) // 2
        text = text[:_SAMPLE] + text[middle:middle + _SAMPLE] + text[-_SAMPLE:]
    # one substitution in C, not a list of every run of spaces summed in Python
    visible = len(_SPACE.sub("", text))
    if not visible:
        raise ReadError(path, "file has no text (blank)")
    rest = _SURELY_TEXT.sub("", text)
    junk = sum(
        1 for c in rest
        if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn")
    )
    # Latin-1 control characters (U+0080–U+009F, but U+0085, a line break \s takes) are
    # counted once more: they weigh double.  None is in the sure ranges, so all are in
    # ``rest``: counted there, without a second scan of the whole text.
    junk += sum(len(m) for m in _C1.findall(rest))
    if junk / visible > 0.02:
        raise ReadError(path, "does not decode to readable text (binary or corrupt file)")
    # Counted by runs: a Chinese text is long runs of ideographs, and one match per
    # run is several times faster than one per character.
    cjk = len(text) - len(_CJK_RUNS.sub("", text))
    if cjk / visible < _MIN_CJK_SHARE:
        raise ReadError(path, "no Chinese text found: summarylab reads Chinese reports")


_C1 = re.compile(r"[\x80-\x84\x86-\x9f]+")


def _check_zip(path, data: bytes, limits: Limits) -> None:
    """Refuse a zip whose members inflate beyond the limit, before any parser runs.

    The sizes a zip declares may lie, so the members are also inflated in
    chunks, counting, and abandoned as soon as the count passes the limit.
    """
    import io
    import zipfile

    budget = limits.max_decompressed_bytes
    refusal = f"decompresses to more than {_mb(budget)} (a zip bomb?)"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if len(members) > 10_000:
            raise ReadError(path, f"not a plausible .docx file ({len(members):,} zip members)")
        if sum(m.file_size for m in members) > budget:
            raise ReadError(path, refusal)
        total = 0
        for member in members:
            with archive.open(member) as fh:
                while chunk := fh.read(2**20):
                    total += len(chunk)
                    if total > budget:
                        raise ReadError(path, refusal)
    except ReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError,
            ValueError, RuntimeError) as err:
        raise ReadError(path, f"not a valid .docx file (corrupt or not a Word document: {err})") from None


def _docx_text(path, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    import io
    import zipfile

    _check_zip(path, data, limits)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise ReadError(path, f"not a valid .docx file (corrupt or not a Word document: {err})") from None
    except Exception as err:  # python-docx raises lxml and package errors of many kinds
        raise ReadError(path, f"not a valid .docx file ({type(err).__name__})") from None

    lines: list[str] = []
    headings: list[tuple[int, int]] = []   # (line index, Word heading level)
    numbering = _WordNumbering(document)
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            level = _heading_level(paragraph)
            text = paragraph.text
            if text.strip():
                text = numbering.label(paragraph) + text
                if level:
                    headings.append((len(lines), level))
            lines.append(text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen = []
                for cell in row.cells:  # merged cells repeat: keep each once
                    if cell._tc not in seen:
                        seen.append(cell._tc)
                        lines.append(cell.text)
    _number_headings(lines, headings)
    return "\n".join(lines)


class _WordNumbering:
    """The numbers Word shows before list paragraphs (一、 （一） 1. ①), which
    the text of the paragraph does not hold.

    Word keeps them in numbering.xml: a paragraph (or its style) names a list
    (numId) and a level (ilvl); the list's level gives the format (decimal,
    chineseCounting …), the pattern (``%1、``, ``（%1）``, ``%1.%2``) and the
    start.  Counting them in document order gives what the reader sees.
    """

    _FORMATS = {"decimal": str, "decimalZero": lambda n: f"{n:02d}",
                "decimalFullWidth": str, "decimalHalfWidth": str,
                "chineseCounting": "cn", "chineseCountingThousand": "cn",
                "ideographTraditional": "cn", "taiwaneseCounting": "cn",
                "japaneseCounting": "cn", "decimalEnclosedCircle": "circled",
                "decimalEnclosedCircleChinese": "circled"}

    def __init__(self, document):
        self._levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        abstract = {a.get(w + "abstractNumId"): a for a in root.iter(w + "abstractNum")}
        for num in root.iter(w + "num"):
            ref = num.find(w + "abstractNumId")
            definition = abstract.get(ref.get(w + "val")) if ref is not None else None
            if definition is None:
                continue
            for lvl in definition.iter(w + "lvl"):
                fmt, text, start = lvl.find(w + "numFmt"), lvl.find(w + "lvlText"), lvl.find(w + "start")
                self._levels[(num.get(w + "numId"), lvl.get(w + "ilvl"))] = (
                    fmt.get(w + "val") if fmt is not None else "decimal",
                    text.get(w + "val") if text is not None else "",
                    int(start.get(w + "val")) if start is not None else 1)
        self._w = w

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph, or ""."""
        if not self._levels:
            return ""
        w = self._w
        num_pr = None
        ppr = paragraph._p.pPr
        if ppr is not None:
            num_pr = ppr.find(w + "numPr")
        if num_pr is None:
            try:
                style_ppr = paragraph.style.element.find(w + "pPr")
            except (AttributeError, KeyError, ValueError):
                style_ppr = None
            num_pr = style_ppr.find(w + "numPr") if style_ppr is not None else None
        if num_pr is None:
            return ""
        num_id = num_pr.find(w + "numId")
        ilvl = num_pr.find(w + "ilvl")
        num = num_id.get(w + "val") if num_id is not None else None
        level = int(ilvl.get(w + "val")) if ilvl is not None else 0
        if num in (None, "0") or (num, str(level)) not in self._levels:
            return ""
        fmt, pattern, start = self._levels[(num, str(level))]
        counters = self._counters.setdefault(num, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if fmt in ("bullet", "none") or not pattern:
            return ""

        def shown(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            value = counters.get(k, self._levels.get((num, str(k)), ("", "", 1))[2])
            kind = self._FORMATS.get(self._levels.get((num, str(k)), (fmt,))[0], str)
            if kind == "cn":
                return _cn_number(value)
            if kind == "circled":
                return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[value - 1] if 0 < value <= 20 else str(value)
            return kind(value)

        return re.sub(r"%(\d)", shown, pattern)


_MD_HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t#]*$")
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+")
_MD_EMPHASIS = re.compile(r"\*\*|__")


def _markdown_text(text: str) -> str:
    """The text of a Markdown report as a reader sees it.

    ``## 一、主要工作`` and ``**（一）抓宣传**`` are headings whatever the marks
    around them, so the marks go; headings written without numbers
    (``## 2022年工作回顾``) are numbered by their level as Word headings are.

    Example:
        >>> _markdown_text("# 某县2022年工作总结\\n## 主要工作\\n- 办班。\\n## **存在问题**")
        '某县2022年工作总结\\n一、主要工作\\n办班。\\n二、存在问题'
    """
    lines = []
    headings: list[tuple[int, int]] = []
    for line in text.split("\n"):
        line = _MD_EMPHASIS.sub("", line)
        m = _MD_HEADING.match(line)
        if m:
            if m.group(2).strip():
                headings.append((len(lines), len(m.group(1))))
            line = m.group(2)
        else:
            line = _MD_BULLET.sub(r"\1", line)
        lines.append(line)
    _number_headings(lines, headings)
    return "\n".join(lines)


# Word's heading styles: "Heading 2" in English Word and python-docx, "标题 2" in Chinese Word.
_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
_RANK_MARKERS = ("{cn}、", "（{cn}）", "{n}.", "（{n}）")
_CN_NUMERALS = "一二三四五六七八九十"


def _heading_level(paragraph) -> int:
    """The Word heading level of a paragraph (1 for Heading 1), or 0; the Title style is 0."""
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):  # a style the package does not define
        return 0
    m = _HEADING_STYLE.match(name or "")
    return int(m.group(1)) if m else 0


def _cn_number(n: int) -> str:
    if n <= 10:
        return _CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (_CN_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (_CN_NUMERALS[ones - 1] if ones else "")


def _number_headings(lines: list[str], headings: list[tuple[int, int]]) -> None:
    """Write the conventional marker before headings that Word numbers by style.

    A report whose headings are Word heading styles carries its numbers (一、,
    （一）) in the list definition, or in no number at all, so the text has
    none and the structure step, which reads text, would see no heading.  When
    no styled heading carries a written marker, each gets the marker of its
    rank among the heading levels used (the highest level 一、, then （一）,
    1., （1）).  A first heading that names the report (总结, 计划, 报告) and is the
    only one of its level is the title, not a part.

    Example:
        >>> lines = ["某县民政局2022年工作总结", "工作开展情况", "救助3286人。", "存在的问题"]
        >>> _number_headings(lines, [(0, 1), (1, 2), (3, 2)]); lines
        ['某县民政局2022年工作总结', '一、工作开展情况', '救助3286人。', '二、存在的问题']
    """
    if not headings:
        return
    if any(_HEADING_START.match(lines[i].strip()) for i, _ in headings):
        return  # the author wrote the numbers: keep the text as written
    first_line, first_level = headings[0]
    if (not any(lines[i].strip() for i in range(first_line))
            and re.search(r"总结|计划|报告|要点|打算|思路", lines[first_line])
            and sum(1 for _, level in headings if level == first_level) == 1):
        headings = headings[1:]
    ranks = {level: rank for rank, level in enumerate(sorted({level for _, level in headings}))}
    counters = [0] * len(_RANK_MARKERS)
    for index, level in headings:
        rank = ranks[level]
        if rank >= len(_RANK_MARKERS):
            continue
        counters[rank] += 1
        for deeper in range(rank + 1, len(counters)):
            counters[deeper] = 0
        n = counters[rank]
        marker = _RANK_MARKERS[rank].format(cn=_cn_number(n), n=n)
        lines[index] = marker + lines[index].strip()


_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")


def _pdf_inflated_bytes(data: bytes, budget: int) -> int:
    """Bytes the zlib (FlateDecode) streams of a PDF inflate to, counted up to ``budget`` + 1.

    pdfminer inflates a stream whole, so a small stream that inflates to
    gigabytes must be caught before it runs: each stream is inflated here in
    bounded steps, and the count stops as soon as it passes the budget.
    Streams that are not zlib data are skipped.

    Example:
        >>> import zlib
        >>> _pdf_inflated_bytes(b"<<>>stream\\n" + zlib.compress(b"0" * 1000) + b"\\nendstream", 10**6)
        1000
    """
    import zlib

    total = 0
    for m in _PDF_STREAM.finditer(data):
        inflate = zlib.decompressobj()
        pos = m.end()
        try:
            while pos < len(data) and not inflate.eof and total <= budget:
                pending = data[pos:pos + 2**16]
                pos += 2**16
                while pending and total <= budget:
                    total += len(inflate.decompress(pending, budget - total + 1))
                    pending = inflate.unconsumed_tail
        except zlib.error:
            continue
        if total > budget:
            break
    return total


def _pdf_text(path, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    import io

    if _pdf_inflated_bytes(data, limits.max_decompressed_bytes) > limits.max_decompressed_bytes:
        raise ReadError(path, f"PDF streams decompress to more than {_mb(limits.max_decompressed_bytes)}"
                              " (a decompression bomb?)")
    try:
        import pdfplumber

        # Only the pages within the limit (and one more, to tell) become Page objects.
        pdf = pdfplumber.open(io.BytesIO(data), pages=range(1, limits.max_pages + 2))
    except Exception as err:  # pdfminer raises several unrelated types for bad files
        raise ReadError(path, f"not a valid PDF file ({type(err).__name__})") from None
    lines: list[tuple[str, bool]] = []
    try:
        with pdf:
            if len(pdf.pages) > limits.max_pages:
                raise ReadError(path, f"PDF has more than {limits.max_pages:,} pages (the limit): split it")
            for page in pdf.pages:
                lines.extend(_page_lines(page))
                # A dense page keeps megabytes of layout objects cached: drop them.
                page.close()
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(path, "cannot read the PDF (objects nested too deep or in a cycle)") from None
    except Exception as err:
        raise ReadError(path, f"cannot read the PDF ({type(err).__name__})") from None
    paragraphs: list[str] = []
    joining = False
    for text, runs_on in lines:
        # Line-breaking rules keep punctuation off a line start, so a wrapped
        # line may stop a few characters short of the margin; a heading
        # marker at the start of the next line still begins a new paragraph.
        if joining and paragraphs and not _HEADING_START.match(text.lstrip()):
            paragraphs[-1] += text.lstrip()
        else:
            paragraphs.append(text)
        joining = runs_on
    text = "\n".join(paragraphs)
    if not text.strip():
        raise ReadError(path, "PDF has no text layer (scanned?): run OCR first or supply the .docx/.txt")
    return text


def _page_lines(page) -> list[tuple[str, bool]]:
    """The text lines of one page, each with whether it runs to the right margin.

    PDF lines are wrapped at the page width; a line that runs to the margin
    continues in the next one (on this page or the next), so joining such
    lines restores the paragraphs of the .txt or .docx rendition.
    """
    lines = page.extract_text_lines(keep_blank_chars=True) or []
    if not lines:
        return []
    right = max(line["x1"] for line in lines)
    widths = sorted((line["x1"] - line["x0"]) / max(len(line["text"]), 1) for line in lines)
    char_width = widths[len(widths) // 2]
    return [(line["text"].rstrip(), right - line["x1"] < 3 * char_width) for line in lines]


_HEADING_START = re.compile(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)"
                            r"|第[一二三四五六七八九十]{1,3}部分|[①-⑳]")
