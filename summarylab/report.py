"""Reports an official can open: one self-contained HTML page, or an xlsx workbook.

A report answers "was last year's plan delivered?" for a pair of documents:
the plan document (year N, with its plan for N+1) and the summary document
(year N+1, which reviews N+1).  It holds four tables:

* 计划核对: :func:`summarylab.plancheck.check` (one row per commitment);
* 前一年事实 / 后一年事实: :func:`summarylab.extract.facts` of both documents;
* 年度对比: :func:`summarylab.comparison.compare` (indicators year over year).

The HTML page needs no network: CSS is inline, the chart is inline SVG, and
every piece of document text is HTML-escaped (a report that contains
``<script>`` shows it as text).  The xlsx workbook has one sheet per table,
Chinese headers, a frozen header row, sensible widths and verdict colours.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date
from html import escape as _html_escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from .export import VERDICT_FILLS, atomic_path, visible, write_sheets
from .model import CHINESE_HEADERS, CHINESE_LABELS, Document, chinese_value


def escape(text: str) -> str:
    """HTML-escaped document text, its control characters shown as symbols (ESC as ␛):
    HTML cannot carry most of them, and a copy from the page must not carry them either."""
    return _html_escape(visible(text))

if TYPE_CHECKING:
    import pandas as pd

#: Sheet (and HTML section) names, in report order.
SHEETS = ("计划核对", "前一年事实", "后一年事实", "年度对比")

#: Fact columns a person reads in a report (the full table is in jsonl/xlsx exports).
REPORT_FACT_COLUMNS = ["fact_id", "section_id", "indicator", "surface", "base_value",
                       "base_unit", "aspect", "approx", "role", "sentence"]
REPORT_CHECK_COLUMNS = ["item_id", "commitment", "verdict", "score", "evidence",
                        "target", "actual", "reason"]
#: Most bars in the year-over-year chart (the largest changes are kept).
MAX_CHART_BARS = 30

_PUNCT = re.compile(r"[\s\W_]", re.UNICODE)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|.", re.S)

DocLike = Union[Document, str, os.PathLike]


def report_tables(plan_doc: DocLike, summary_doc: DocLike) -> dict[str, "pd.DataFrame"]:
    """The four tables of a report, keyed by their sheet names.

    Args:
        plan_doc: The earlier document (holds the plan), or its path.
        summary_doc: The later document (reviews the plan year), or its path.

    Example:
        >>> t = report_tables("corpora/000_85a1b6df8f5117e0.txt",
        ...                   "corpora/synthetic_上林县妇联2022年工作总结.txt")  # doctest: +SKIP
        >>> list(t)  # doctest: +SKIP
        ['计划核对', '前一年事实', '后一年事实', '年度对比']
    """
    from .plancheck import check
    from .comparison import compare

    plan_doc, summary_doc = _as_doc(plan_doc), _as_doc(summary_doc)
    # Each document's facts are computed once and kept on it: the check, the tables
    # and the comparison share them.
    return {
        "计划核对": check(plan_doc, summary_doc),
        "前一年事实": plan_doc.facts,
        "后一年事实": summary_doc.facts,
        "年度对比": compare(plan_doc, summary_doc),
    }


def write_report(
    plan_doc: DocLike,
    summary_doc: DocLike,
    out_path: Union[str, os.PathLike],
    *,
    tables: Optional[dict[str, "pd.DataFrame"]] = None,
) -> Path:
    """Write the plan-check report of a pair of documents as .html or .xlsx.

    Args:
        plan_doc: The earlier document (its plan part is checked), or its path.
        summary_doc: The later document (the evidence), or its path.
        out_path: The report file; ``.html`` (or ``.htm``) or ``.xlsx``.
        tables: The tables of :func:`report_tables` when already computed
            (the demo writes both formats from one computation).

    Returns:
        The path written.

    Raises:
        ValueError: The suffix is neither .html nor .xlsx.
        summarylab.readers.ReadError: A path cannot be read as a report.

    Example:
        >>> import summarylab as sl
        >>> sl.write_report("corpora/000_85a1b6df8f5117e0.txt",
        ...                 "corpora/synthetic_上林县妇联2022年工作总结.txt",
        ...                 "report.html")  # doctest: +SKIP
        PosixPath('report.html')
    """
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".xlsx"):
        raise ValueError(f"{out}: a report is .html or .xlsx, not {suffix or 'without suffix'}")
    plan_doc, summary_doc = _as_doc(plan_doc), _as_doc(summary_doc)
    if tables is None:
        tables = report_tables(plan_doc, summary_doc)
    if suffix == ".xlsx":
        write_sheets({name: tables[name] for name in SHEETS}, out, chinese_labels=True)
    else:
        page = render_html(tables, plan_doc, summary_doc)
        with atomic_path(out) as tmp:  # a failed write leaves the old report as it was
            tmp.write_text(page, encoding="utf-8")
    return out


def render_html(tables: dict[str, "pd.DataFrame"], plan_doc: Document,
                summary_doc: Document) -> str:
    """The HTML page of a report (one self-contained document, no network).

    Args:
        tables: The four tables of :func:`report_tables`.
        plan_doc: The earlier document (for titles and years).
        summary_doc: The later document.

    Example:
        >>> page = render_html(report_tables(a, b), a, b)  # doctest: +SKIP
        >>> page.startswith("<!DOCTYPE html>")  # doctest: +SKIP
        True
    """
    check = tables["计划核对"]
    comparison = tables["年度对比"]
    ya, yb = plan_doc.meta.year, summary_doc.meta.year
    org = summary_doc.meta.org or plan_doc.meta.org or ""
    plan_year = plan_doc.meta.plan_year or yb
    heading = f"{org}{plan_year or ''}年工作计划落实情况" if org else "工作计划落实情况"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(heading)}</h1>",
        '<table class="meta"><tbody>',
        _meta_row("计划文件", plan_doc),
        _meta_row("总结文件", summary_doc),
        "</tbody></table>",
        _verdict_summary(check),
        f'<h2 id="check">计划核对 <small>{escape(_year(plan_year))}计划 → '
        f"{escape(_year(yb))}总结</small></h2>",
        _check_table(check),
        f'<h2 id="compare">年度对比 <small>{escape(_year(ya))} → {escape(_year(yb))}</small></h2>',
        _comparison_chart(comparison, ya, yb),
        _table(comparison, list(comparison.columns)),
        panel_section(plan_doc, summary_doc),
        f'<h2 id="facts-a">前一年事实 <small>{escape(plan_doc.meta.title or "")}</small></h2>',
        _table(tables["前一年事实"], _present(tables["前一年事实"], REPORT_FACT_COLUMNS)),
        f'<h2 id="facts-b">后一年事实 <small>{escape(summary_doc.meta.title or "")}</small></h2>',
        _table(tables["后一年事实"], _present(tables["后一年事实"], REPORT_FACT_COLUMNS)),
        f'<footer>summarylab 生成于 {date.today().isoformat()}。'
        "结论由程序依据后一年总结的原文判断，请以证据句为准核实。</footer>",
        "</body></html>",
    ]
    return "\n".join(parts)


def panel_section(plan_doc: Document, summary_doc: Document) -> str:
    """目标与完成: one inline SVG per indicator, the target band against the outcome, year by year.

    The panel (:func:`summarylab.series.panel`) of the two documents, drawn from the facts each
    document keeps.  A target is a band (its range, or half a
    point either side for 左右, or a line for an exact figure), drawn green when met and red when
    not; the outcome is a dot.  Rows without both a target and an outcome are not drawn.

    Example:
        >>> html = panel_section(a, b)  # doctest: +SKIP
        >>> html.startswith('<h2 id="panel">')  # doctest: +SKIP
        True
    """
    from .series import panel

    # the facts each document keeps (computed once, shared with the check and the tables)
    df = panel([plan_doc, summary_doc])
    df = df[df["target_base_value"].notna() & df["actual_base_value"].notna()]
    head = '<h2 id="panel">目标与完成 <small>计划目标与次年总结所报完成值</small></h2>'
    if df.empty:
        return head + '<p class="note">两份报告没有同时给出目标和完成值的指标。</p>'
    out = [head]
    for name, rows in df.groupby("indicator", sort=False):
        rows = rows.sort_values("year")
        vals = []
        for r in rows.itertuples():
            t_lo = float(r.target_base_value)
            t_hi = t_lo * (float(r.target_max) / float(r.target_value)) \
                if r.target_max is not None and r.target_max == r.target_max and r.target_value else t_lo
            if r.target_approx in ("about", "near"):
                t_lo, t_hi = t_lo - max(0.5, abs(t_lo) * 0.05), t_hi + max(0.5, abs(t_hi) * 0.05)
            vals.append((int(r.year), t_lo, t_hi, float(r.actual_base_value), r.met, r.base_unit or ""))
        lo = min(min(v[1], v[3]) for v in vals)
        hi = max(max(v[2], v[3]) for v in vals)
        span = (hi - lo) or abs(hi) or 1.0
        lo, hi = lo - span * 0.15, hi + span * 0.15
        w, h, left, col = 120 + 90 * len(vals), 150, 70, 90

        def y(v: float) -> float:
            return 20 + (hi - v) / (hi - lo) * (h - 50)

        svg = [f'<svg class="chart panel" role="img" xmlns="http://www.w3.org/2000/svg" '
               f'viewBox="0 0 {w} {h}" width="{w}" height="{h}"><title>{escape(str(name))}</title>',
               f'<text x="4" y="14">{escape(str(name))}（{escape(vals[0][5])}）</text>']
        for k, (year, t_lo, t_hi, actual, met, unit) in enumerate(vals):
            x = left + k * col
            fill = "#c8e6c9" if met == "yes" else "#ffcdd2" if met == "no" else "#e0e0e0"
            top, bottom = y(t_hi), y(t_lo)
            svg.append(f'<rect x="{x:.1f}" y="{top:.1f}" width="40" height="{max(bottom - top, 2):.1f}" '
                       f'fill="{fill}"><title>{escape(f"{year}年目标 {_fmt(t_lo)}–{_fmt(t_hi)}{unit}")}'
                       f'</title></rect>')
            svg.append(f'<circle cx="{x + 20:.1f}" cy="{y(actual):.1f}" r="5" fill="#1565c0">'
                       f'<title>{escape(f"{year}年完成 {_fmt(actual)}{unit}")}</title></circle>')
            svg.append(f'<text x="{x + 20:.1f}" y="{h - 8}" class="caption">{year}</text>')
        svg.append("</svg>")
        out.append("".join(svg))
    return "\n".join(out)


def highlight(evidence: str, commitment: str, *, min_chars: int = 2) -> str:
    """The evidence sentence as HTML, with the words it shares with the commitment in <mark>.

    A shared word is any run of at least ``min_chars`` characters (Chinese,
    letters or digits, no punctuation) that also occurs in the commitment;
    the longest run starting at each position wins.  Everything is escaped.

    Example:
        >>> highlight("继续实施<春蕾计划>资助女童", "实施春蕾计划")
        '继续<mark>实施</mark>&lt;<mark>春蕾计划</mark>&gt;资助女童'
    """
    if not evidence:
        return ""
    # Numbers are atomic: "30名" must not match the "0名" of "100名".
    c_tok, e_tok = _TOKEN.findall(commitment), _TOKEN.findall(evidence)
    pieces = {
        "".join(c_tok[i:j])
        for i in range(len(c_tok))
        for j in range(i + 1, len(c_tok) + 1)
    }
    pieces = {p for p in pieces if len(p) >= min_chars and not _PUNCT.search(p.replace(".", ""))}
    longest = max((len(p) for p in pieces), default=0)
    marked = [False] * len(evidence)
    i = pos = 0
    while i < len(e_tok):
        size = chars = 0
        for k in range(min(len(e_tok) - i, len(c_tok)), 0, -1):
            joined = "".join(e_tok[i:i + k])
            if len(joined) <= longest and joined in pieces:
                size, chars = k, len(joined)
                break
        if size:
            marked[pos:pos + chars] = [True] * chars
            i, pos = i + size, pos + chars
        else:
            pos += len(e_tok[i])
            i += 1
    out, start = [], 0
    for k in range(1, len(evidence) + 1):
        if k == len(evidence) or marked[k] != marked[start]:
            chunk = escape(evidence[start:k])
            out.append(f"<mark>{chunk}</mark>" if marked[start] else chunk)
            start = k
    return "".join(out)


# --- pieces of the page --------------------------------------------------------

def _as_doc(doc: DocLike) -> Document:
    if isinstance(doc, Document):
        return doc
    from .pipeline import read

    return read(doc)


def _year(year: Any) -> str:
    return f"{year}年" if year else ""


def _meta_row(label: str, doc: Document) -> str:
    m = doc.meta
    bits = [m.title or "", f"单位：{m.org}" if m.org else "", f"年度：{m.year}" if m.year else "",
            f"文档编号：{m.doc_id}"]
    return (f"<tr><th>{escape(label)}</th><td>"
            + escape("　".join(b for b in bits if b)) + "</td></tr>")


def _verdict_summary(check: "pd.DataFrame") -> str:
    if check.empty or "verdict" not in check.columns:
        return '<p class="note">计划部分没有可核对的承诺事项。</p>'
    counts = check["verdict"].value_counts()
    badges = [
        f'<span class="badge v-{escape(v)}">{escape(CHINESE_LABELS.get(v, v))} {int(counts[v])}</span>'
        for v in ("delivered", "partial", "not_found", "not_due") if v in counts
    ]
    return f'<p class="summary">共 {len(check)} 项承诺：{" ".join(badges)}</p>'


def _check_table(check: "pd.DataFrame") -> str:
    cols = _present(check, REPORT_CHECK_COLUMNS)
    head = "".join(f"<th>{escape(CHINESE_HEADERS.get(c, c))}</th>" for c in cols)
    body = []
    for row in check.to_dict("records"):
        verdict = str(row.get("verdict") or "")
        cells = []
        for c in cols:
            v = row.get(c)
            if c == "verdict":
                cells.append(f'<td class="v-{escape(verdict)}">'
                             f"{escape(CHINESE_LABELS.get(verdict, verdict))}</td>")
            elif c == "evidence":
                cells.append(f'<td class="text">{highlight(_text(v), _text(row.get("commitment")))}'
                             + _evidence_place(row) + "</td>")
            else:
                cells.append(_td(c, v))
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="data"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(body) + "</tbody></table>")


def _evidence_place(row: dict) -> str:
    section = _text(row.get("evidence_section"))
    return f'<span class="where">（第 {escape(section)} 节）</span>' if section else ""


def _table(df: "pd.DataFrame", cols: list[str]) -> str:
    if df.empty:
        return '<p class="note">（无）</p>'
    head = "".join(f"<th>{escape(CHINESE_HEADERS.get(c, c))}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(_td(c, row.get(c)) for c in cols) + "</tr>"
        for row in df.to_dict("records")
    )
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _td(column: str, value: Any) -> str:
    text = _text(value)
    number = None if isinstance(value, str) else _number(value)
    if number is not None and not number.is_integer():
        # 14.7826087 reads as noise in a report: two decimals (0.823 → 0.82).
        text = f"{number:.2f}".rstrip("0").rstrip(".")
    # The Chinese-headed exports show coded values in Chinese (model.VALUE_LABELS).
    text = chinese_value(column, text) if isinstance(value, str) else text
    css = "num" if number is not None else (  # "4.1" (a str) is an id, not a number
        "text" if column in ("sentence", "evidence", "evidence_a", "evidence_b", "reason")
        else "label" if column in ("indicator", "commitment") else "")
    return f'<td class="{css}">{escape(text)}</td>' if css else f"<td>{escape(text)}</td>"


def _text(value: Any) -> str:
    from .export import _cell_text

    return _cell_text(value)


def _number(value: Any) -> Optional[float]:
    if isinstance(value, bool) or value is None:
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) or math.isinf(x) else x


def _present(df: "pd.DataFrame", cols: list[str]) -> list[str]:
    return [c for c in cols if c in df.columns]


def _comparison_chart(comparison: "pd.DataFrame", year_a: Any, year_b: Any) -> str:
    """Inline SVG: one horizontal bar per indicator, the change in percent, from zero."""
    rows = []
    for r in comparison.to_dict("records"):
        pct = _number(r.get("change_pct"))
        if pct is None or _number(r.get("value_a")) is None or _number(r.get("value_b")) is None:
            continue
        rows.append((str(r.get("indicator") or ""), str(r.get("unit") or ""),
                     _number(r["value_a"]), _number(r["value_b"]), pct))
    if not rows:
        return '<p class="note">两份报告没有可对比的共同指标。</p>'
    rows.sort(key=lambda x: -abs(x[4]))
    dropped = len(rows) - MAX_CHART_BARS
    rows = rows[:MAX_CHART_BARS]
    label_w, bar_w, value_w, row_h = 230, 420, 230, 24
    width = label_w + bar_w + value_w
    height = row_h * len(rows) + 30
    # One outlier (+633% on a count of 3) must not flatten every other bar:
    # scale to the 90th percentile and clip the longer bars (their labels keep
    # the true value, and a clipped bar is drawn darker).
    sizes = sorted(abs(x[4]) for x in rows)
    scale = sizes[round(0.9 * (len(sizes) - 1))] or sizes[-1] or 1.0
    zero = label_w + bar_w / 2
    out = [f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
           f"<title>{escape(f'主要指标变化率（{_year(year_a)}→{_year(year_b)}）')}</title>",
           f'<line x1="{zero}" y1="0" x2="{zero}" y2="{height - 24}" class="axis"/>']
    for i, (label, unit, a, b, pct) in enumerate(rows):
        y = i * row_h + 4
        clipped = abs(pct) > scale
        length = min(abs(pct), scale) / scale * (bar_w / 2 - 4)
        x = zero if pct >= 0 else zero - length
        css = ("up" if pct >= 0 else "down") + (" clipped" if clipped else "")
        short = label if len(label) <= 14 else label[:13] + "…"
        out.append(
            f'<text x="{label_w - 6}" y="{y + 15}" class="label">{escape(short)}</text>'
            f'<rect x="{x:.1f}" y="{y + 3}" width="{max(length, 1):.1f}" height="{row_h - 8}" '
            f'class="{css}"><title>{escape(f"{label}：{_fmt(a)} → {_fmt(b)} {unit}（{pct:+.1f}%）")}'
            f"</title></rect>"
            f'<text x="{label_w + bar_w + 6}" y="{y + 15}" class="value">'
            f"{escape(f'{pct:+.1f}%  {_fmt(a)}→{_fmt(b)}{unit}')}</text>")
    note = "，深色条超出比例尺已截断" if sizes[-1] > scale else ""
    if dropped > 0:
        note += f"，另有 {dropped} 项未画出"
    out.append(f'<text x="{zero}" y="{height - 8}" class="caption">变化率（%），'
               f"按变化幅度排序{escape(note)}</text>")
    out.append("</svg>")
    return "".join(out)


def _fmt(x: float) -> str:
    from .export import _cell_text

    return _cell_text(x)


_CSS = """
body{font-family:"PingFang SC","Hiragino Sans GB","Heiti SC","Microsoft YaHei","微软雅黑","SimHei","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","WenQuanYi Zen Hei","Droid Sans Fallback",sans-serif;margin:2em auto;
max-width:1200px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;margin-bottom:.3em}h2{margin-top:2em;border-bottom:2px solid #ddd}
h2 small,.where{color:#777;font-weight:normal;font-size:.8em}
table{border-collapse:collapse;margin:.5em 0}
table.data{width:100%;font-size:.9em}
table.data th{background:#f3f3f3;position:sticky;top:0;text-align:left}
table.data th,table.data td{border:1px solid #ddd;padding:4px 6px;vertical-align:top}
table.meta th{text-align:left;padding-right:1em;color:#555}
td.num{text-align:right;white-space:nowrap}td.text{min-width:18em}
table.data th,td[class^="v-"]{white-space:nowrap}td.label{min-width:8em}
mark{background:#fff176;padding:0 1px}
.badge{display:inline-block;padding:2px 8px;border-radius:10px;margin-right:4px}
""" + "".join(
    f".v-{v}{{background:#{fill}}}" for v, fill in VERDICT_FILLS.items()
) + """
.v-not_due{color:#555}
svg.chart{max-width:100%;height:auto;font-size:12px}
svg .axis{stroke:#999}svg .up{fill:#4caf50}svg .down{fill:#e57373}
svg .up.clipped{fill:#2e7d32}svg .down.clipped{fill:#c62828}
svg .label{text-anchor:end}svg .caption{text-anchor:middle;fill:#777}
.note{color:#777}footer{margin-top:3em;color:#888;font-size:.85em}
"""
