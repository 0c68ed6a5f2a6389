"""Write summarylab tables to files and terminals: jsonl, csv, xlsx, parquet, rich.

Every CLI command ends in :func:`write_table` (files and pipes) or
:func:`render_table` (the rich table a person reads on a terminal), so all
commands format their output the same way.  The formats follow DESIGN.md:

* ``jsonl``: one JSON object per row with exactly the DataFrame's columns,
  UTF-8 (Chinese is not ``\\u``-escaped), NaN as ``null``, lists as lists.
* ``csv``: UTF-8 with a byte-order mark, so that Excel shows Chinese; list
  cells are JSON arrays so that they survive a round trip.
* ``xlsx``: Chinese column headers (:data:`summarylab.model.CHINESE_HEADERS`),
  a frozen header row and column widths that count CJK characters double.
* ``parquet``: pyarrow, list columns kept as Parquet lists.

pandas, openpyxl, pyarrow and rich are imported inside the functions: the CLI
imports this module at start-up and ``summarylab --help`` must stay fast.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, TextIO, Union

from .model import CHINESE_HEADERS, CHINESE_LABELS

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
# openpyxl refuses the C0 control characters other than tab, LF and CR.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


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
    sheet: str = "Sheet1",
) -> None:
    """Write one table to a file or a text stream.

    Args:
        df: The table; its columns (in order) are the columns written.
        path: The output file.  Its suffix gives the format when ``fmt`` is None.
        fmt: ``jsonl``, ``csv``, ``xlsx`` or ``parquet``.
        stream: A text stream (e.g. ``sys.stdout``) to write to instead of a
            file; only for ``jsonl`` and ``csv``.
        sheet: The sheet name of an xlsx file (e.g. ``数值事实``).

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
        write_sheets({sheet: df}, path)
    elif fmt == "parquet":
        _write_parquet(df, path)
    else:
        # newline="" so that csv's own \r\n line ends are not doubled on Windows.
        with open(path, "w", encoding="utf-8", newline="") as fh:
            (_write_jsonl if fmt == "jsonl" else _write_csv)(df, fh)


def write_sheets(
    sheets: Mapping[str, "pd.DataFrame"],
    path: Union[str, Path],
    *,
    chinese_labels: bool = False,
) -> None:
    """Write several tables into one xlsx workbook, one sheet each.

    Each sheet has Chinese column headers, a frozen header row, an autofilter
    and column widths that count CJK characters as two cells.  A ``verdict``
    column is filled with the verdict colours (:data:`VERDICT_FILLS`).

    Args:
        sheets: Sheet name -> table, in the order the sheets should appear.
            Excel limits sheet names to 31 characters.
        path: The .xlsx file to write.
        chinese_labels: Also show verdicts, roles and section kinds in Chinese
            (已完成, 目标, 主要工作 …): for reports a person reads, not for data
            another program reads back.

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
        wb.create_sheet("Sheet1")
    wb.save(Path(path))


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
        fh.write(json.dumps(record, ensure_ascii=False, allow_nan=False))
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
    return value


def _xlsx_value(value: Any, column: str, chinese_labels: bool) -> Any:
    value = _plain(value)
    if isinstance(value, list):
        value = "；".join("" if v is None else str(v) for v in value)
    if isinstance(value, str):
        if chinese_labels and column in ("verdict", "role", "kind", "section_kind"):
            value = CHINESE_LABELS.get(value, value)
        value = _ILLEGAL_XLSX.sub("", value)
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
    return str(value)


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
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet1"
