"""The pages: 文档, 一份文档, 计划核对, 指标面板, and the downloads.

Each handler reads the store and calls the library (``ingest``, ``check``,
``audit``, ``panel``); what a page shows is shaped in :mod:`.tables`.
Heavy work (ingest, a check) runs in a worker thread so the server keeps
answering.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote, unquote, urlencode

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .app import REVIEWER_COOKIE, SESSION_COOKIE, MAX_FILES, message_response, too_large
from .tables import (
    SHEET_NAMES, VERDICTS, csv_bytes, doubtful_first, label, safe_name, screen_upload,
    suggested_pairs, with_reviews, xlsx_bytes,
)

__all__ = ["label", "number_text"]

#: The document columns the list shows (单位, 年度, 类型, 字数 and what tells documents apart).
DOCUMENT_LIST_COLUMNS = ["org", "year", "plan_year", "kind", "chars", "title"]
#: Fact columns the document page shows.
FACT_VIEW_COLUMNS = ["fact_id", "section_id", "section_kind", "indicator", "surface",
                     "base_value", "base_unit", "approx", "role", "sentence"]
#: Check columns of the check download (the Check columns, then the review).
REVIEW_EXPORT_COLUMNS = ["reviewed_verdict", "remark", "reviewer", "reviewed_at"]
#: Longest remark and reviewer name kept.
MAX_REMARK = 2000
MAX_REVIEWER = 40


def number_text(value: Any) -> str:
    """A number as a person reads it: no ``.0`` on whole numbers, empty when missing.

    Example:
        >>> number_text(400.0), number_text(0.8215), number_text(float("nan"))
        ('400', '0.82', '')
    """
    if value is None:
        return ""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(x):
        return ""
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}" if abs(x) >= 10000 else str(int(x))
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def plain_text(value: Any) -> str:
    """Text of a table cell, empty when missing (a pandas NaN is no text to show).

    Example:
        >>> plain_text(float("nan")), plain_text(None), plain_text("增长7.8%")
        ('', '', '增长7.8%')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


# --- page plumbing -------------------------------------------------------------------

def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    """A page, with the session cookie and the CSRF token its forms carry."""
    state = request.app.state
    sid, new = state.csrf.session(request)
    reviewer = unquote(request.cookies.get(REVIEWER_COOKIE, ""))[:MAX_REVIEWER]
    context.setdefault("reviewer", reviewer)
    response = state.templates.TemplateResponse(
        request, template, {"csrf": state.csrf.token(sid), **context}, status_code=status)
    if new:
        response.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="strict")
    return response


def refused(request: Request) -> Response:
    return message_response(403, "请求被拒绝",
                            "表单已过期或来自其他网站。请刷新页面后重试。")


def not_found(what: str) -> Response:
    return message_response(404, "找不到", what)


async def body_too_large(request: Request, exc: Exception) -> Response:
    return too_large(request.app.state.max_request_bytes)


async def store_unavailable(request: Request, exc: Exception) -> Response:
    # e.g. `summarylab ingest` holds the store for a while: say so, in one line.
    return message_response(503, "库暂时不可用", f"{exc}。请稍后刷新页面。")


def _documents(store) -> list[dict]:
    return store.documents().to_dict("records")


def _doc_label(d: dict) -> str:
    year = "" if d.get("year") is None or _nan(d.get("year")) else f"{int(d['year'])}年"
    return f"{d.get('org') or '未知单位'} {year} {label(d.get('kind'), 'kind')} · {d.get('title') or ''}"


def _when(value: Any) -> str:
    """A review time as the page shows it (UTC, to the minute), empty when missing."""
    import pandas as pd

    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")


def _nan(x: Any) -> bool:
    return isinstance(x, float) and math.isnan(x)


# --- 文档 ------------------------------------------------------------------------------

def documents_page(request: Request) -> Response:
    with request.app.state.access.open() as store:
        docs = _documents(store)
    return render(request, "documents.html", nav="docs", docs=docs, results=None)


async def upload(request: Request) -> Response:
    from starlette.exceptions import HTTPException

    state = request.app.state
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=20)
    except HTTPException as err:  # too many files, a malformed form
        return message_response(400, "无法上传",
                                f"上传的内容无法读取（{err.detail}）。一次最多上传 {MAX_FILES} 个文件。")
    try:
        if not state.csrf.valid(request, form.get("csrf")):
            return refused(request)
        files = [f for f in form.getlist("files") if hasattr(f, "filename") and f.filename]
        if not files:
            with state.access.open() as store:
                docs = _documents(store)
            return render(request, "documents.html", status=400, nav="docs", docs=docs,
                          results=[], error="请选择至少一个文件。")
        return await run_in_threadpool(_ingest_uploads, request, files)
    finally:
        await form.close()


def _ingest_uploads(request: Request, files: list) -> Response:
    from ..batch import ingest

    state = request.app.state
    results: list[dict] = []
    tmp = Path(tempfile.mkdtemp(prefix="summarylab-upload-"))
    try:
        saved: dict[str, str] = {}  # temp path -> the name the user gave
        for i, upload in enumerate(files, start=1):
            name = (upload.filename or "")[-200:]
            # A type we do not read is refused by its name, before a byte of it is copied.
            reason = screen_upload(name)
            if reason:
                results.append(dict(name=name, ok=False, message=reason))
                continue
            # The user's file name never becomes a path: only a sanitised name in our folder.
            target = tmp / safe_name(name, i)
            size = _copy_capped(upload.file, target, state.limits.max_file_bytes)
            if size is None:
                limit = state.limits.max_file_bytes // (1024 * 1024)
                results.append(dict(name=name, ok=False,
                                    message=f"文件超过 {limit} MB 上限，未接收"))
                target.unlink(missing_ok=True)
                continue
            saved[str(target.absolute())] = name
        if saved:
            with state.access.open() as store:
                known = store.doc_ids()
                # The same library call as `summarylab ingest`: same reading, same limits.
                outcome = ingest(list(saved), store, limits=state.limits)
            failed = dict(outcome.failed)
            ids = iter(outcome.doc_ids)
            for path, name in saved.items():
                if path in failed:
                    # the reader's own one-line reason (the content checks are the readers')
                    results.append(dict(name=name, ok=False, message=f"无法读取：{failed[path]}"))
                else:
                    doc_id = next(ids)
                    results.append(dict(name=name, ok=True, doc_id=doc_id,
                                        message="已在库中（内容相同）" if doc_id in known
                                        else "已入库"))
        with state.access.open() as store:
            docs = _documents(store)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    order = {n: i for i, n in enumerate(f.filename for f in files)}
    results.sort(key=lambda r: order.get(r["name"], 0))
    return render(request, "documents.html", nav="docs", docs=docs, results=results)


def _copy_capped(src, target: Path, limit: int) -> Optional[int]:
    """Copy an upload to ``target``; None (and nothing kept) when it passes ``limit`` bytes."""
    src.seek(0)
    size = 0
    with open(target, "wb") as out:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                return size
            size += len(chunk)
            if size > limit:
                return None
            out.write(chunk)


# --- 一份文档 --------------------------------------------------------------------------

def document_page(request: Request) -> Response:
    from ..auditing import audit

    ref = request.path_params["doc_id"]
    with request.app.state.access.open() as store:
        doc_id = store.resolve(ref)
        if doc_id is None:
            return not_found("库中没有这份文档。")
        doc = store.get(doc_id)  # with its stored facts: the audit and the table share them
    audit_rows = audit(doc)
    meta = doc.meta.to_dict()
    facts_view = doc.facts[FACT_VIEW_COLUMNS].to_dict("records")
    return render(
        request, "document.html", nav="docs", meta=meta,
        sections=doc.sections.to_dict("records"),
        facts=facts_view,
        section_kinds=sorted({f["section_kind"] for f in facts_view if f["section_kind"]}),
        roles=sorted({f["role"] for f in facts_view if f["role"]}),
        audit=audit_rows.to_dict("records"),
    )


# --- 计划核对 --------------------------------------------------------------------------

def _check_table(request: Request, store, plan_id: str, summary_id: str):
    """The check of a pair (computed once while the server runs) with its reviews."""
    from ..plancheck import check

    access = request.app.state.access
    model = request.app.state.model  # None: the model fitted on the shipped annotations
    plan_doc, summary_doc = store.get(plan_id), store.get(summary_id)
    table = access.remembered(("check", plan_id, summary_id, model),
                              lambda: check(plan_doc, summary_doc, model=model))
    return with_reviews(table, store.reviews(plan_id, summary_id))


def check_page(request: Request) -> Response:
    from ..report import highlight

    plan_ref = request.query_params.get("plan", "")
    summary_ref = request.query_params.get("summary", "")
    with request.app.state.access.open() as store:
        docs = _documents(store)
        by_id = {d["doc_id"]: d for d in docs}
        pairs = [(by_id[p], by_id[s]) for p, s in suggested_pairs(store.documents())]
        plan_id = store.resolve(plan_ref) if plan_ref else None
        summary_id = store.resolve(summary_ref) if summary_ref else None
        if plan_id and not summary_id and not summary_ref:
            # The page suggests the later report: same organisation, the plan's year.
            summary_id = next((s["doc_id"] for p, s in pairs if p["doc_id"] == plan_id), None)
        review_count = store.review_count()
        rows = None
        if plan_id and summary_id:
            table = doubtful_first(_check_table(request, store, plan_id, summary_id))
            rows = table.to_dict("records")
            for r in rows:
                r["evidence_html"] = Markup(highlight(r.get("evidence") or "",
                                                      r.get("commitment") or ""))
                r["reviewed_text"] = _when(r.get("reviewed_at"))
    counts: dict[str, int] = {}
    reviewed = 0
    for r in rows or []:
        shown = r.get("reviewed_verdict") or r["verdict"]
        counts[shown] = counts.get(shown, 0) + 1
        reviewed += bool(r.get("reviewed_verdict"))
    query = urlencode({"plan": plan_id or "", "summary": summary_id or ""})
    return render(
        request, "check.html", nav="check", docs=docs, pairs=pairs,
        plan=by_id.get(plan_id), summary=by_id.get(summary_id), rows=rows,
        verdicts=VERDICTS, review_count=review_count, counts=counts, reviewed=reviewed,
        learned=getattr(request.app.state.model, "n_extra_", 0),
        query=query, doc_label=_doc_label,
        has_confidence=bool(rows) and "confidence" in rows[0],
        missing=(plan_ref and not plan_id) or (summary_ref and not summary_id),
    )


async def save_review(request: Request) -> Response:
    state = request.app.state
    form = await request.form(max_files=0, max_fields=20)
    if not state.csrf.valid(request, form.get("csrf")):
        return refused(request)
    fields = {k: str(form.get(k) or "") for k in
              ("plan", "summary", "item_id", "commitment", "machine_verdict", "verdict",
               "remark", "reviewer", "row")}
    if fields["verdict"] not in VERDICTS:
        return message_response(400, "无法保存", "结论只能是：已完成、部分完成、未见成效、未到期。")
    # The name typed on the page; without script, the one remembered in the cookie.
    reviewer = " ".join((fields["reviewer"] or unquote(request.cookies.get(REVIEWER_COOKIE, "")))
                        .split())[:MAX_REVIEWER]

    def save() -> Optional[str]:
        with state.access.open() as store:
            plan_id, summary_id = store.resolve(fields["plan"]), store.resolve(fields["summary"])
            if not plan_id or not summary_id:
                return None
            # A review is of a row the check shows, and the machine's verdict is the
            # check's own (not what the form claims).
            table = _check_table(request, store, plan_id, summary_id)
            row = table[(table["item_id"].astype(str) == fields["item_id"])
                        & (table["commitment"] == fields["commitment"])]
            if row.empty:
                return ""
            store.add_review(plan_id, summary_id, fields["item_id"], fields["commitment"],
                             row["verdict"].iloc[0], fields["verdict"],
                             remark=fields["remark"].strip()[:MAX_REMARK], reviewer=reviewer)
            return urlencode({"plan": plan_id, "summary": summary_id})

    query = await run_in_threadpool(save)
    if query is None:
        return not_found("库中没有这对文档。")
    if not query:
        return message_response(400, "无法保存", "这一对文档的核对中没有这项承诺。请刷新页面后重试。")
    anchor = f"#row-{fields['row']}" if fields["row"].isdigit() else ""
    response = RedirectResponse(f"/check?{query}{anchor}", status_code=303)
    if reviewer:
        response.set_cookie(REVIEWER_COOKIE, quote(reviewer), max_age=365 * 24 * 3600,
                            httponly=True, samesite="strict")
    return response


async def retrain(request: Request) -> Response:
    """Refit the verdict model with every review in the store (「用人工复核重新训练」).

    The model lives on the app for as long as the server runs, and the checks
    shown from then on use it; the page says how many reviews it learned from.
    """
    from ..plancheck import learn_from_reviews

    state = request.app.state
    form = await request.form(max_files=0, max_fields=5)
    if not state.csrf.valid(request, form.get("csrf")):
        return refused(request)

    def refit():
        with state.access.open() as store:
            pairs = store.reviewed_pairs()
        return learn_from_reviews(pairs)

    state.model = await run_in_threadpool(refit)
    back = str(form.get("back") or "")
    back = back if back.startswith("plan=") else ""
    return RedirectResponse(f"/check?{back}" if back else "/check", status_code=303)


# --- 指标面板 --------------------------------------------------------------------------

def _panel_table(request: Request, store):
    from ..series import panel

    ids = tuple(sorted(store.doc_ids()))

    def compute():
        # the stored documents carry their stored facts: none is analysed again for the panel
        return panel(store.all_documents())

    # the function is part of the key: a panel made by another implementation (a test's
    # stand-in) is never served from another one's result
    return request.app.state.access.remembered(("panel", panel) + ids, compute)


def panel_page(request: Request) -> Response:
    org = request.query_params.get("org", "")
    indicator = request.query_params.get("indicator", "")
    with request.app.state.access.open() as store:
        table = _panel_table(request, store)
    orgs = sorted({o for o in table["org"].dropna()})
    view = table[table["org"] == org] if org else table
    indicators = sorted({i for i in view["indicator"].dropna()})
    if indicator:
        view = view[view["indicator"] == indicator]
    rows = view.sort_values(["org", "indicator", "year"], kind="stable").to_dict("records")
    chart = _chart(rows) if indicator else None
    return render(request, "panel.html", nav="panel", orgs=orgs,
                  indicators=indicators, org=org, indicator=indicator, rows=rows, chart=chart,
                  query=urlencode({"org": org, "indicator": indicator}))


def _chart(rows: list[dict]) -> Optional[dict]:
    """Coordinates of the target and outcome lines of one indicator across years (inline SVG)."""
    points = []
    for r in rows:
        year = r.get("year")
        if year is None or _nan(year):
            continue
        t, a = _num(r.get("target_base_value")), _num(r.get("actual_base_value"))
        if t is None and a is None:
            continue
        points.append((int(year), t, a))
    if not points:
        return None
    years = sorted({p[0] for p in points})
    values = [v for p in points for v in p[1:] if v is not None]
    top = max(values) * 1.1 or 1.0
    width, height, left, bottom = 640, 260, 70, 30

    def x(year: int) -> float:
        return left + (width - left - 20) * (years.index(year) + 0.5) / len(years)

    def y(v: float) -> float:
        return 10 + (height - bottom - 10) * (1 - v / top)

    def series(i: int) -> list[dict]:
        return [dict(x=round(x(p[0]), 1), y=round(y(p[i]), 1), v=number_text(p[i]))
                for p in points if p[i] is not None]

    return dict(width=width, height=height, left=left, base=height - bottom,
                years=[dict(x=round(x(yr), 1), label=str(yr)) for yr in years],
                target=series(1), actual=series(2), top=number_text(top),
                unit=next((r.get("base_unit") for r in rows if r.get("base_unit")), ""))


def _num(v: Any) -> Optional[float]:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


# --- downloads ---------------------------------------------------------------------

def download(request: Request) -> Response:
    from ..auditing import audit

    name, fmt = request.path_params["table"], request.path_params["fmt"]
    if name not in SHEET_NAMES or fmt not in ("xlsx", "csv"):
        return not_found("没有这个下载。")
    q = request.query_params

    def table():
        with request.app.state.access.open() as store:
            if name == "documents":
                return store.documents(), "文档列表"
            if name == "reviews":
                return store.reviews(), "全部人工复核"
            if name == "panel":
                df = _panel_table(request, store)
                if q.get("org"):
                    df = df[df["org"] == q["org"]]
                if q.get("indicator"):
                    df = df[df["indicator"] == q["indicator"]]
                return df, "指标面板"
            if name == "check":
                plan_id, summary_id = store.resolve(q.get("plan", "")), store.resolve(q.get("summary", ""))
                if not plan_id or not summary_id:
                    return None, ""
                df = _check_table(request, store, plan_id, summary_id)
                return df, f"{plan_id[:6]}_{summary_id[:6]}"
            doc_id = store.resolve(q.get("doc", ""))
            if doc_id is None:
                return None, ""
            if name == "sections":
                return store.sections(doc_id), doc_id[:8]
            if name == "facts":
                return store.facts(doc_id=doc_id), doc_id[:8]
            return audit(store.get(doc_id)), doc_id[:8]

    df, suffix = table()
    if df is None:
        return not_found("找不到要下载的表。")
    filename = f"{SHEET_NAMES[name]}_{suffix}.{fmt}" if suffix else f"{SHEET_NAMES[name]}.{fmt}"
    if fmt == "xlsx":
        body = xlsx_bytes(df, SHEET_NAMES[name])
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body = csv_bytes(df)
        media = "text/csv; charset=utf-8"
    ascii_name = f"{name}.{fmt}"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(body, media_type=media, headers={"content-disposition": disposition})
