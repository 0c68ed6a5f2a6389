"""The local web page, through Starlette's test client: what a person clicking it gets.

The two documents uploaded are the bundled 上林县妇联 2021 report (with its 2022
plan) and the synthetic 2022 report that reviews that plan.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

from starlette.testclient import TestClient  # noqa: E402

from summarylab.plancheck import check  # noqa: E402
from summarylab.pipeline import read  # noqa: E402
from summarylab.store import Store  # noqa: E402
from summarylab.web import create_app  # noqa: E402

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
PLAN = CORPORA / "000_85a1b6df8f5117e0.txt"
LATER = CORPORA / "synthetic_上林县妇联2022年工作总结.txt"


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def upload(client: TestClient, *files: tuple[str, bytes]):
    token = csrf_of(client.get("/").text)
    return client.post("/upload", data={"csrf": token},
                       files=[("files", (name, data, "application/octet-stream"))
                              for name, data in files])


def results_of(page: str) -> dict[str, str]:
    """File name -> the one line the page says about it."""
    return {name: re.sub(r"\s+", " ", message).strip()
            for name, message in re.findall(
                r'<li class="(?:ok|bad)"><strong>(.*?)</strong>：(.*?)(?:<a |</li>)', page, re.S)}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server over a fresh store holding the plan and the later report."""
    path = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    client = TestClient(create_app(path))
    page = upload(client, (PLAN.name, PLAN.read_bytes()), (LATER.name, LATER.read_bytes())).text
    assert results_of(page) == {PLAN.name: "已入库", LATER.name: "已入库"}
    return client, path


def check_url(client: TestClient) -> str:
    page = client.get("/check").text
    links = re.findall(r'class="pair" href="([^"]+)"', page)
    assert len(links) == 1, "the page suggests the one pair: same org, the plan's year"
    return links[0].replace("&amp;", "&")


def test_every_page_carries_a_strict_content_security_policy(served):
    client, _ = served
    for url in ("/", "/check", "/panel", "/static/app.css"):
        response = client.get(url)
        assert response.status_code == 200
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_document_list_shows_org_year_kind_and_length(served):
    client, _ = served
    page = client.get("/").text
    assert "<th>单位</th><th>年度</th>" in page and "<th class=\"num\">字数</th>" in page
    assert page.count("上林县妇联") >= 2
    assert "总结和计划" in page  # the 2021 report's kind, in Chinese
    assert "http://" not in page.replace("http://www.w3.org", "")  # nothing from the network


def test_a_bad_file_gets_its_reason_and_the_good_ones_still_go_in(tmp_path):
    client = TestClient(create_app(tmp_path / "s.duckdb"))
    page = upload(client,
                  ("旧格式.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100),
                  ("空白.txt", b"   \n"),
                  ("图片.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
                  ("假的.pdf", "这不是PDF".encode()),
                  (PLAN.name, PLAN.read_bytes())).text
    results = results_of(page)
    assert results[PLAN.name] == "已入库"
    assert "另存为 .docx" in results["旧格式.doc"]
    # the content checks are the readers' (the same as `summarylab ingest`), with their reasons
    assert results["空白.txt"] == "无法读取：file is empty"
    assert "binary" in results["图片.txt"]
    assert "not a valid PDF" in results["假的.pdf"]
    assert "Traceback" not in page
    with Store(tmp_path / "s.duckdb") as store:
        assert len(store) == 1


def test_a_file_of_a_type_we_do_not_read_is_refused_before_it_is_copied(tmp_path, monkeypatch):
    from summarylab.web import routes

    copied = []
    copy = routes._copy_capped
    monkeypatch.setattr(routes, "_copy_capped", lambda src, target, limit: copied.append(target.name)
                        or copy(src, target, limit))
    client = TestClient(create_app(tmp_path / "s.duckdb"))
    results = results_of(upload(client, ("旧格式.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100),
                                ("程序.exe", b"MZ" + b"\x00" * 100),
                                (PLAN.name, PLAN.read_bytes())).text)
    assert "另存为 .docx" in results["旧格式.doc"] and "不支持" in results["程序.exe"]
    assert results[PLAN.name] == "已入库"
    assert len(copied) == 1 and copied[0].endswith(".txt")  # only the report was copied


def test_a_reader_failure_is_shown_as_its_one_line_reason(tmp_path):
    client = TestClient(create_app(tmp_path / "s.duckdb"))
    page = upload(client, ("乱码.txt", bytes(range(128, 256)) * 40)).text
    [(name, message)] = results_of(page).items()
    assert name == "乱码.txt" and message and "\n" not in message
    assert "Traceback" not in page


def test_uploading_the_same_text_twice_says_it_is_already_stored(served):
    client, _ = served
    page = upload(client, ("again.txt", PLAN.read_bytes())).text
    assert results_of(page) == {"again.txt": "已在库中（内容相同）"}


def test_a_file_name_is_never_used_as_a_path(tmp_path):
    client = TestClient(create_app(tmp_path / "s.duckdb"))
    page = upload(client, ("../../../../tmp/evil<script>.txt", PLAN.read_bytes())).text
    assert "<script>.txt" not in page and "evil&lt;script&gt;.txt" in page
    with Store(tmp_path / "s.duckdb") as store:
        [path] = store.documents()["path"]
    assert "/../" not in path and "evil_script.txt" in path
    assert not Path("/tmp/evil<script>.txt").exists()


def test_a_post_without_the_sessions_csrf_token_is_refused(served):
    client, path = served
    with Store(path) as store:
        before = len(store), store.review_count()
    response = client.post("/upload", data={"csrf": "forged"},
                           files=[("files", ("x.txt", b"\xe6\x9f\x90" * 50, "text/plain"))])
    assert response.status_code == 403 and "请求被拒绝" in response.text
    stranger = TestClient(client.app)  # another browser: no session cookie
    response = stranger.post("/review", data={"csrf": csrf_of(client.get("/").text),
                                              "verdict": "delivered"})
    assert response.status_code == 403
    token = csrf_of(client.get("/").text)
    cross = client.post("/review", data={"csrf": token, "verdict": "delivered"},
                        headers={"origin": "http://evil.example"})
    assert cross.status_code == 403
    with Store(path) as store:
        assert (len(store), store.review_count()) == before


def test_the_page_holds_uploads_to_the_readers_limits(tmp_path):
    from summarylab.readers import DEFAULT_LIMITS
    from summarylab.web.app import MAX_REQUEST_BYTES

    assert create_app(tmp_path / "s.duckdb").app.state.limits == DEFAULT_LIMITS
    assert MAX_REQUEST_BYTES > DEFAULT_LIMITS.max_file_bytes  # one file at the limit fits in a request


def test_an_upload_past_the_size_cap_is_refused_and_the_server_stays_up(tmp_path):
    from summarylab.readers import Limits

    path = tmp_path / "s.duckdb"
    client = TestClient(create_app(path, limits=Limits(max_file_bytes=2 * 1024 * 1024)))
    token = csrf_of(client.get("/").text)
    big = b"\xe5\xa6\x87" * (3 * 1024 * 1024 // 3 + 10)  # 3 MB of 妇
    response = client.post("/upload", data={"csrf": token},
                           files=[("files", ("大文件.txt", big, "text/plain")),
                                  ("files", (PLAN.name, PLAN.read_bytes(), "text/plain"))])
    results = results_of(response.text)
    assert "超过 2 MB" in results["大文件.txt"] and results[PLAN.name] == "已入库"
    # A whole request past the cap is refused before it is read (by its length) ...
    small = TestClient(create_app(path, max_request_bytes=64 * 1024))
    token = csrf_of(small.get("/").text)
    response = small.post("/upload", data={"csrf": token},
                          files=[("files", ("大.txt", b"x" * 200_000, "text/plain"))])
    assert response.status_code == 413 and "文件太大" in response.text
    # ... and, streamed without a length, as soon as it passes the cap.
    body = (b"--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token.encode()
            + b"\r\n--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n")

    def stream():
        yield body
        for _ in range(40):
            yield b"y" * 8192

    response = small.post("/upload", content=stream(),
                          headers={"content-type": "multipart/form-data; boundary=B"})
    assert response.status_code == 413
    assert small.get("/").status_code == 200
    with Store(path) as store:
        assert len(store) == 1


def test_a_zip_bomb_docx_is_refused_before_reading(tmp_path):
    from summarylab.readers import Limits

    # the readers' limit, made small so that the test need not inflate 256 MB
    client = TestClient(create_app(tmp_path / "s.duckdb", limits=Limits(max_decompressed_bytes=8 * 2**20)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"0" * (12 * 1024 * 1024))
    page = upload(client, ("炸弹.docx", buf.getvalue())).text
    assert "decompresses to more than 8.0 MB (a zip bomb?)" in results_of(page)["炸弹.docx"]
    assert client.get("/").status_code == 200


def test_a_token_server_answers_only_with_the_token(tmp_path):
    app = create_app(tmp_path / "s.duckdb", token="s3cret-口令".encode().hex())
    client = TestClient(app)
    refused = client.get("/")
    assert refused.status_code == 401 and "需要口令" in refused.text
    assert client.get("/static/app.css").status_code == 401
    token = "s3cret-口令".encode().hex()
    entered = client.get(f"/?token={token}", follow_redirects=False)
    assert entered.status_code == 303 and "token" not in entered.headers["location"]
    assert client.get("/").status_code == 200  # the cookie now carries it
    assert TestClient(app).get("/?token=wrong").status_code == 401


def test_the_check_page_suggests_the_pair_and_puts_doubtful_verdicts_first(served):
    client, _ = served
    page = client.get(check_url(client)).text
    assert "已有 0 条人工复核" in page or re.search(r"已有 \d+ 条人工复核", page)
    assert page.count('class="review-form"') == len(check(read(PLAN), read(LATER)))
    # coloured verdicts and marked evidence
    assert 'class="verdict v-delivered machine"' in page and "<mark>" in page
    # the checker's confidence, lowest first: the doubtful verdicts are reviewed first
    confidence = [float(c) for c in re.findall(r"置信度 ([\d.]+)", page)]
    assert len(confidence) == page.count('class="review-form"')
    assert confidence == sorted(confidence)


def test_choosing_only_the_plan_suggests_the_later_report(served):
    client, _ = served
    plan_id = re.search(r"plan=([0-9a-f]+)", check_url(client)).group(1)
    page = client.get(f"/check?plan={plan_id}").text
    assert page.count('class="review-form"') == len(check(read(PLAN), read(LATER)))


def test_a_review_is_saved_with_who_and_when_and_shown_beside_the_machines(served):
    client, path = served
    url = check_url(client)
    page = client.get(url).text
    form = re.search(r'<form method="post" action="/review" class="review-form">(.*?)</form>',
                     page, re.S).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    import html

    fields = {k: html.unescape(v) for k, v in fields.items()}
    changed = "not_found" if fields["machine_verdict"] != "not_found" else "partial"
    response = client.post("/review", data={**fields, "verdict": changed,
                                            "remark": "总结中未见<具体>数字", "reviewer": "李干事",
                                            "machine_verdict": "forged"},
                           follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert f"人工：{ {'not_found': '未见成效', 'partial': '部分完成'}[changed] }" in page
    assert "李干事" in page and "总结中未见&lt;具体&gt;数字" in page
    assert 'value="李干事"' in page  # the name is remembered for the next review
    assert page.count("人工：") == 1 and 'value="nan"' not in page  # the other rows: no review
    with Store(path) as store:
        reviews = store.reviews()
    row = reviews[reviews.commitment == fields["commitment"]].iloc[0]
    assert (row.machine_verdict, row.verdict, row.reviewer) == (
        fields["machine_verdict"], changed, "李干事")
    assert row.reviewed_at is not None
    # the review survives a restart: a new app over the same store shows it
    fresh = TestClient(create_app(path))
    assert "李干事" in fresh.get(url).text


def test_an_unknown_verdict_or_a_commitment_the_check_lacks_is_not_saved(served):
    client, path = served
    plan_id, summary_id = re.search(r"plan=(\w+)&summary=(\w+)", check_url(client)).groups()
    with Store(path) as store:
        before = store.review_count()
    token = csrf_of(client.get("/").text)
    response = client.post("/review", data={"csrf": token, "verdict": "<b>done</b>"})
    assert response.status_code == 400
    response = client.post("/review", data={
        "csrf": token, "plan": plan_id, "summary": summary_id, "item_id": "4.2",
        "commitment": "计划里没有的承诺", "machine_verdict": "delivered", "verdict": "partial"})
    assert response.status_code == 400 and "没有这项承诺" in response.text
    with Store(path) as store:
        assert store.review_count() == before


def test_downloads_open_in_excel_with_chinese_headers_and_named_sheets(served):
    from openpyxl import load_workbook

    client, _ = served
    url = check_url(client)
    query = url.split("?", 1)[1]
    doc_id = re.search(r"plan=([0-9a-f]+)", url).group(1)
    for table, sheet, headers in (
            ("check", "计划核对", {"承诺事项", "结论", "人工复核结论", "复核人"}),
            ("documents", "文档列表", {"单位", "年度", "类型", "字数"}),
            ("reviews", "人工复核", {"机器结论", "复核备注"}),
            ("facts", "数值事实", {"指标", "原文"}),
            ("sections", "章节结构", {"章节编号"}),
            ("audit", "自我核对", {"核对项"})):
        q = query if table == "check" else f"doc={doc_id}"
        response = client.get(f"/download/{table}.xlsx?{q}")
        assert response.status_code == 200, table
        assert "attachment" in response.headers["content-disposition"]
        wb = load_workbook(io.BytesIO(response.content))
        assert wb.sheetnames == [sheet]
        first = {c.value for c in wb[sheet][1]}
        assert headers <= first, (table, first)
        csv = client.get(f"/download/{table}.csv?{q}")
        assert csv.status_code == 200 and csv.content.startswith("\ufeff".encode())


def test_the_check_download_holds_the_reviewed_verdict(served):
    from openpyxl import load_workbook

    client, path = served
    url = check_url(client)
    with Store(path) as store:
        reviewed = store.reviews()
    if reviewed.empty:  # this test may run alone: review one row first
        test_a_review_is_saved_with_who_and_when_and_shown_beside_the_machines(served)
        with Store(path) as store:
            reviewed = store.reviews()
    wb = load_workbook(io.BytesIO(client.get(f"/download/check.xlsx?{url.split('?', 1)[1]}").content))
    ws = wb["计划核对"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, [c.value for c in r])) for r in ws.iter_rows(min_row=2)]
    marked = [r for r in rows if r["人工复核结论"]]
    assert len(marked) == len(reviewed)
    assert {r["复核人"] for r in marked} == set(reviewed.reviewer)


def test_the_document_page_shows_tree_facts_filters_and_audit(served):
    client, _ = served
    doc_id = re.search(r"plan=([0-9a-f]+)", check_url(client)).group(1)
    page = client.get(f"/doc/{doc_id}").text
    assert "标题结构" in page and "数值事实" in page and "自我核对" in page
    assert 'data-filter-column="2"' in page and 'data-filter-column="8"' in page
    assert "工作计划" in page and "主要工作" in page
    assert client.get("/doc/ffffffffffff").status_code == 404


def test_document_text_is_escaped(tmp_path):
    client = TestClient(create_app(tmp_path / "s.duckdb"))
    text = ("某县妇联2023年工作总结\n一、主要工作\n"
            "举办<script>alert(1)</script>培训班3期，培训妇女400多人。\n").encode()
    upload(client, ("注入.txt", text))
    with Store(tmp_path / "s.duckdb") as store:
        [doc_id] = store.doc_ids()
    page = client.get(f"/doc/{doc_id}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page


def test_the_panel_page_draws_the_series_of_an_indicator(served, monkeypatch):
    import pandas as pd
    from openpyxl import load_workbook

    import summarylab.series

    client, _ = served
    rows = [dict(org="上林县妇联", year=y, indicator="儿童之家数量", target_value=t,
                 target_max=None, target_unit="个", target_approx="at_least",
                 target_base_value=t, target_text=f"新建儿童之家不少于{t:g}个", target_doc="a",
                 actual_value=a, actual_unit="个", actual_base_value=a,
                 actual_text=f"建成儿童之家{a:g}个", actual_doc="b", base_unit="个",
                 met="yes" if a >= t else "no", change=None)
            for y, t, a in ((2021, 10.0, 12.0), (2022, 15.0, 13.0))]
    monkeypatch.setattr(summarylab.series, "panel", lambda docs, facts=None: pd.DataFrame(rows))
    page = client.get("/panel?org=上林县妇联&indicator=儿童之家数量").text
    assert "<svg" in page and page.count("<circle") == 4
    assert "达标" in page and "未达标" in page and "新建儿童之家不少于15个" in page
    wb = load_workbook(io.BytesIO(client.get(
        "/download/panel.xlsx?org=上林县妇联&indicator=儿童之家数量").content))
    assert {"目标值", "实际值", "是否达标"} <= {c.value for c in wb["指标面板"][1]}


def test_serve_refuses_a_network_address_without_a_token():
    from typer.testing import CliRunner

    from summarylab.cli import app

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token" in result.output


def test_a_store_held_by_another_program_gives_a_one_line_page_not_a_crash(tmp_path, monkeypatch):
    from summarylab.store import StoreLockedError
    from summarylab.web.app import StoreAccess

    client = TestClient(create_app(tmp_path / "s.duckdb"))

    def busy(self):
        raise StoreLockedError(f"{self.path}: the store is in use by process 4242; wait for it "
                               "to finish or use another --store")

    monkeypatch.setattr(StoreAccess, "open", busy)
    response = client.get("/")
    assert response.status_code == 503
    assert "process 4242" in response.text and "Traceback" not in response.text


def test_too_many_files_at_once_get_a_plain_refusal(tmp_path):
    from summarylab.web.app import MAX_FILES

    client = TestClient(create_app(tmp_path / "s.duckdb"))
    response = upload(client, *[(f"{i}.txt", "某县妇联".encode()) for i in range(MAX_FILES + 1)])
    assert response.status_code == 400 and "一次最多上传" in response.text
    assert client.get("/").status_code == 200


def test_retraining_with_the_reviews_says_how_many_the_model_learned_from(served):
    client, _ = served
    url = check_url(client)
    page = client.get(url).text
    form = re.search(r'<form method="post" action="/review".*?</form>', page, re.S).group(0)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
    fields["verdict"] = "not_found"
    client.post("/review", data=fields, follow_redirects=False)
    page = client.get(url).text
    assert 'id="retrain-button"' in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    back = url.split("?", 1)[1]
    done = client.post("/retrain", data={"csrf": csrf, "back": back}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/check?{back}"
    assert re.search(r'学习了 <span id="learned-count">[1-9]\d*</span> 条人工复核', client.get(url).text)


def test_retraining_without_the_forms_token_is_refused(served):
    client, _ = served
    assert client.post("/retrain", data={"csrf": "forged"}, follow_redirects=False).status_code == 403
