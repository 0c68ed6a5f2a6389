"""What the pages show, as tables: the check with its reviews, pair suggestions, exports.

Plain functions over DataFrames, free of the web framework, so that they are
tested (and reused) on their own.
"""

from __future__ import annotations

import io
import math
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ..model import CHINESE_HEADERS, chinese_value
from ..readers import _SAVE_AS_DOCX as SAVE_AS_DOCX
from ..readers import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    import pandas as pd

#: Chinese headers of the columns the shared table (model.CHINESE_HEADERS) does not name:
#: the review columns, the checker's confidence and the Panel columns.
EXTRA_HEADERS = {
    "confidence": "置信度",
    "reviewed_verdict": "人工复核结论", "machine_verdict": "机器结论", "remark": "复核备注",
    "reviewer": "复核人", "reviewed_at": "复核时间 (UTC)",
    "plan_doc_id": "计划文档编号", "summary_doc_id": "总结文档编号",
    "target_value": "目标值", "target_max": "目标上限", "target_unit": "目标单位",
    "target_approx": "目标约数", "target_base_value": "目标基本单位数值",
    "target_text": "目标原文", "target_doc": "目标文档",
    "actual_value": "实际值", "actual_unit": "实际单位", "actual_base_value": "实际基本单位数值",
    "actual_text": "实际原文", "actual_doc": "实际文档", "met": "是否达标",
}
#: The verdicts a person may give, in the order the page offers them.
VERDICTS = ("delivered", "partial", "not_found", "not_due")
#: Sheet names of the downloads.
SHEET_NAMES = {
    "documents": "文档列表", "sections": "章节结构", "facts": "数值事实", "audit": "自我核对",
    "check": "计划核对", "reviews": "人工复核", "panel": "指标面板",
}
#: The upload types: the suffixes the readers read.
ALLOWED_SUFFIXES = tuple(sorted(SUPPORTED_SUFFIXES))


def label(value: Any, column: str = "verdict") -> str:
    """The Chinese name of a coded value of ``column`` (model.VALUE_LABELS, the exports' names),
    the value itself when it has none.

    Example:
        >>> label("not_found"), label("summary+plan", "kind"), label("上林县妇联", "org")
        ('未见成效', '工作总结和计划', '上林县妇联')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(chinese_value(column, value))


def header(column: str) -> str:
    """The Chinese header of a column.

    Example:
        >>> header("verdict"), header("reviewed_verdict")
        ('结论', '人工复核结论')
    """
    return CHINESE_HEADERS.get(column, EXTRA_HEADERS.get(column, column))


# --- the check and its reviews --------------------------------------------------

def with_reviews(check: "pd.DataFrame", reviews: "pd.DataFrame") -> "pd.DataFrame":
    """The check table with each row's review beside the machine's verdict.

    Adds ``reviewed_verdict``, ``remark``, ``reviewer`` and ``reviewed_at``
    (empty where nobody reviewed the row).  A review belongs to a row by its
    plan item and commitment.

    Example:
        >>> import pandas as pd
        >>> c = pd.DataFrame({"item_id": ["4.2"], "commitment": ["资助女童30名"],
        ...                   "verdict": ["partial"]})
        >>> r = pd.DataFrame({"item_id": ["4.2"], "commitment": ["资助女童30名"],
        ...                   "verdict": ["delivered"], "remark": ["资助32名"],
        ...                   "reviewer": ["李"], "reviewed_at": [None]})
        >>> with_reviews(c, r)[["verdict", "reviewed_verdict"]].values.tolist()
        [['partial', 'delivered']]
    """
    import pandas as pd

    out = check.copy()
    by_key = {(str(r["item_id"]), r["commitment"]): r for r in reviews.to_dict("records")}
    keys = list(zip(out["item_id"].astype(str), out["commitment"]))
    for column, source in (("reviewed_verdict", "verdict"), ("remark", "remark"),
                           ("reviewer", "reviewer"), ("reviewed_at", "reviewed_at")):
        # object dtype: an unreviewed row stays None (a string column would make it NaN,
        # which reads as a verdict "nan").
        values = [by_key[k][source] if k in by_key else None for k in keys]
        out[column] = pd.Series(values, index=out.index, dtype=object)
    return out


def doubtful_first(check: "pd.DataFrame") -> "pd.DataFrame":
    """The check rows, the ones most worth a person's look first.

    The least confident rows (the checker's ``confidence``: the probability
    that its verdict is right) come first; rows not yet due are not judged and
    come last.  Equal rows keep the plan's order.

    Example:
        >>> import pandas as pd
        >>> c = pd.DataFrame({"item_id": ["1", "2", "3"], "verdict": ["delivered"] * 3,
        ...                   "confidence": [0.95, 0.41, 0.7]})
        >>> doubtful_first(c)["item_id"].tolist()
        ['2', '3', '1']
    """
    import pandas as pd

    key = pd.to_numeric(check["confidence"], errors="coerce").fillna(1.0)
    key = key.where(check["verdict"] != "not_due", float("inf"))
    order = sorted(range(len(check)), key=lambda i: (key.iloc[i], i))
    return check.iloc[order].reset_index(drop=True)


def suggested_pairs(documents: "pd.DataFrame") -> list[tuple[str, str]]:
    """Plan and later-report pairs worth checking: same organisation, the plan's year reviewed.

    A document with a plan for year Y (its ``plan_year``, else its year + 1)
    pairs with every document of the same organisation whose ``year`` is Y.

    Example:
        >>> import pandas as pd
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "org": ["妇联", "妇联", "团委"],
        ...                      "year": [2021, 2022, 2022], "plan_year": [2022, None, 2023]})
        >>> suggested_pairs(docs)
        [('a', 'b')]
    """
    rows = documents.to_dict("records")
    pairs = []
    for plan in rows:
        year = _int(plan.get("plan_year"))
        if year is None:
            year = _int(plan.get("year"))
            year = None if year is None else year + 1
        if year is None or not plan.get("org"):
            continue
        for later in rows:
            if (later["doc_id"] != plan["doc_id"] and later.get("org") == plan["org"]
                    and _int(later.get("year")) == year):
                pairs.append((plan["doc_id"], later["doc_id"]))
    return pairs


def _int(value: Any) -> Optional[int]:
    try:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


# --- uploads ---------------------------------------------------------------------

def safe_name(filename: str, index: int) -> str:
    """A file name made from an uploaded one that is safe to create in a temp folder.

    Only the last component is kept, and of it only letters (Chinese too),
    digits, ``-`` and ``_``; the suffix must be an allowed one.

    Example:
        >>> safe_name("../../etc/上林县妇联 2022年工作总结.TXT", 3)
        '03_上林县妇联_2022年工作总结.txt'
        >>> safe_name("C:\\\\temp\\\\..\\\\a.docx", 1)
        '01_a.docx'
    """
    last = re.split(r"[/\\]", filename or "")[-1]
    suffix = Path(last).suffix.lower()
    stem = re.sub(r"[^\w-]+", "_", Path(last).stem).strip("._")[:60] or "upload"
    return f"{index:02d}_{stem}{suffix if suffix in ALLOWED_SUFFIXES else '.bin'}"


def screen_upload(filename: str) -> Optional[str]:
    """Why an upload is refused before it is copied for reading, or None when it may go in.

    Only the type, by the suffix the user gave (the same suffixes as the readers'); what the
    content must look like (a real PDF or .docx, no zip bomb, text and not binary) and what it
    may cost are the readers' checks under :class:`summarylab.readers.Limits`, made when the
    upload is ingested like any file.

    Example:
        >>> screen_upload("报告.doc")
        '不支持 .doc 文件，请在 Word 中另存为 .docx 后再上传'
        >>> screen_upload("报告.pdf") is None
        True
    """
    suffix = Path(re.split(r"[/\\]", filename or "")[-1]).suffix.lower()
    if suffix in SAVE_AS_DOCX:
        return f"不支持 {suffix} 文件，请在 Word 中另存为 .docx 后再上传"
    if suffix not in ALLOWED_SUFFIXES:
        return f"不支持的文件类型“{suffix or '无后缀'}”：请上传 .txt、.md、.docx 或 .pdf"
    return None


# --- downloads --------------------------------------------------------------------

def for_export(df: "pd.DataFrame") -> "pd.DataFrame":
    """The table with Chinese names for the columns the shared export does not name.

    The shared export (:func:`summarylab.export.write_sheets`) names the
    contract columns itself and colours the ``verdict`` column, so those keep
    their English names here; the review verdicts and ``met`` are shown in
    Chinese like the verdicts.
    """
    df = df.copy()
    # columns renamed below are labelled here, by the code table they hold (model.VALUE_LABELS)
    for column, codes in (("reviewed_verdict", "verdict"), ("machine_verdict", "verdict"), ("met", "met")):
        if column in df.columns:
            df[column] = [label(v, codes) or None for v in df[column]]
    rename = {c: EXTRA_HEADERS[c] for c in df.columns
              if c not in CHINESE_HEADERS and c in EXTRA_HEADERS}
    return df.rename(columns=rename)


def xlsx_bytes(df: "pd.DataFrame", sheet: str) -> bytes:
    """One table as an xlsx workbook (Chinese headers, a named sheet, verdict colours)."""
    from ..export import write_sheets

    with tempfile.TemporaryDirectory(prefix="summarylab-export-") as tmp:
        out = Path(tmp) / "table.xlsx"
        write_sheets({sheet: for_export(df)}, out, chinese_labels=True)
        return out.read_bytes()


def csv_bytes(df: "pd.DataFrame") -> bytes:
    """One table as CSV (UTF-8 with BOM, English column names, as ``--format csv``)."""
    from ..export import write_table

    out = io.StringIO()
    write_table(df, fmt="csv", stream=out)
    return out.getvalue().encode("utf-8")
