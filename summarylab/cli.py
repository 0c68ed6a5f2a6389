"""The command line: a thin skin over the library.

Each command calls one library function and formats its result with the
shared output options (``--format``, ``-o/--output``, ``--store``); no logic
lives only here.  Errors a user can fix end as one line on stderr
(``summarylab: PATH: reason``) with exit status 1; usage errors exit 2.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from .store import DEFAULT_STORE  # the store module imports duckdb only when a store opens

if TYPE_CHECKING:
    import pandas as pd

    from .model import Document

app = typer.Typer(
    name="summarylab",
    help="Turn Chinese work reports (工作总结, 工作计划, 政府工作报告) into data.\n\n"
         "FILE is a report (.txt, .md, .docx, .pdf) or the doc_id of a stored one: any unique "
         "prefix of 4 or more characters, as `summarylab list` shows.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# A doc_id, or a prefix of one long enough to be typed on purpose (4 hex digits).
_DOC_ID = re.compile(r"[0-9a-f]{4,16}")

# Typer prints an argument's Python type after its metavar (FILE|DOC_ID
# <list[str]>), which tells a user nothing the metavar does not; the metavars
# here say what each argument takes.
# An option without a metavar shows its type the same way (--port <int range>);
# its name in capitals (--port PORT), or its choices ([local|dask]), read better.
if hasattr(typer.core, "TyperArgument") and hasattr(typer.core.TyperArgument, "display_type_rich"):
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None
if hasattr(typer.core, "TyperOption") and hasattr(typer.core.TyperOption, "display_type"):
    _python_type = typer.core.TyperOption.display_type

    def _readable_type(self, ctx):
        shown = _python_type(self, ctx)
        if isinstance(shown, str) and shown.startswith("<") and shown.endswith(">"):
            inner = shown[1:-1]
            return f"[{inner}]" if "|" in inner else (self.name or "value").upper()
        return shown

    typer.core.TyperOption.display_type = _readable_type


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def command(*args, **kwargs):
    """Register a command whose user-fixable errors end as one line and exit 1.

    Wrapping each command (instead of the entry point) keeps the behaviour the
    same under click's CliRunner, which the tests use.
    """
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*a, **kw):
            try:
                return func(*a, **kw)
            except (typer.Exit, typer.Abort):
                raise
            except BrokenPipeError:  # `summarylab facts … | head` closed the pipe: not an error
                _silence_stdout()
                raise typer.Exit(0) from None
            except Exception as e:  # noqa: BLE001 - the one place that turns errors into messages
                if hasattr(e, "show") and hasattr(e, "exit_code"):  # click usage errors: exit 2
                    raise
                typer.echo(_error_line(e), err=True)
                raise typer.Exit(1) from None
        return app.command(*args, **kwargs)(wrapper)
    return decorate


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush into a
    closed pipe does not print "Broken pipe" after a quiet exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (CliRunner)
        pass


def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"summarylab {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """The options of summarylab itself (the help text is the app's)."""


# Shared options, defined once (sqlite-utils style).
FormatOpt = typer.Option(None, "--format", "-f", metavar="[table|jsonl|csv|xlsx|parquet]",
                         help="table (default on a terminal), jsonl, csv, xlsx or parquet.")
OutputOpt = typer.Option(None, "--output", "-o", metavar="PATH",
                         help="Write to this file (format from its suffix: .jsonl .csv .xlsx .parquet).")
FileArg = typer.Argument(..., metavar="FILE|DOC_ID", help="Report file, or the doc_id (or a prefix) of a stored one.")
PlanFileArg = typer.Argument(..., metavar="PLAN_FILE|DOC_ID", help="The report whose plan is checked.")
SummaryFileArg = typer.Argument(..., metavar="SUMMARY_FILE|DOC_ID", help="The next year's report.")
StoreOpt = typer.Option(None, "--store", envvar="SUMMARYLAB_STORE", metavar="PATH",
                        help=f"DuckDB store (default ./{DEFAULT_STORE} or $SUMMARYLAB_STORE).")


def _store_path(store: Optional[Path]) -> Path:
    return Path(store) if store else Path(DEFAULT_STORE)


def load_document(arg: str, store: Optional[Path] = None) -> "Document":
    """A document from a file path, or from the doc_id (or a unique prefix of 4
    or more characters) of a stored one, as :meth:`Store.resolve` finds it; an
    ambiguous prefix says which documents it matches."""
    from .pipeline import read
    from .readers import ReadError

    if os.path.exists(arg) or not _DOC_ID.fullmatch(arg):
        return read(arg)
    path = _store_path(store)
    if not path.exists():
        raise ReadError(arg, f"no such file, and no store at {path} to look the doc_id up in")
    from .store import Store

    with Store(path, read_only=True) as st:
        doc_id = st.resolve(arg)
        if doc_id is None:
            # resolve found none or several: name the several, as the message to act on
            matches = sorted(d for d in st.doc_ids() if d.startswith(arg))
            if not matches:
                raise ReadError(arg, f"no such file, nor a stored document whose doc_id starts so in {path}")
            shown = ", ".join(matches[:3]) + (", …" if len(matches) > 3 else "")
            raise ReadError(arg, f"ambiguous doc_id prefix: {len(matches)} stored documents match "
                                 f"({shown}); type more characters")
        return st.get(doc_id)


def warn_if_swapped(plan_doc: "Document", summary_doc: "Document") -> None:
    """Warn on stderr when the summary is older than the plan (the files swapped?).

    Such a check succeeds with every row not_due, which reads as an answer
    while it answers nothing.
    """
    plan_year, covered = plan_doc.meta.plan_year or plan_doc.meta.year, summary_doc.meta.year
    if plan_year is not None and covered is not None and covered < plan_year:
        typer.echo(f"summarylab: warning: the summary ({covered}) is older than the plan "
                   f"({plan_year}): every commitment is not yet due; were PLAN_FILE and "
                   "SUMMARY_FILE swapped?", err=True)


def stdout_is_terminal() -> bool:
    """Whether a person reads stdout (a rich table then) rather than a program (jsonl).

    One function, so that tests/test_readme.py can show the README's commands
    as a terminal shows them.
    """
    return sys.stdout.isatty()


def emit(df: "pd.DataFrame", fmt: Optional[Format], output: Optional[Path], *,
         title: Optional[str] = None, columns: Optional[list[str]] = None,
         view: Optional["pd.DataFrame"] = None) -> None:
    """Write a table as the user asked: a rich table, jsonl/csv to stdout, or a file."""
    from .export import render_table, write_table

    from .export import ExportError, format_for

    name = fmt.value if fmt else None
    if output is not None:
        if name == "table":
            raise typer.BadParameter("--format table cannot be written to a file", param_hint="--format")
        try:
            format_for(output, name)
        except ExportError as err:  # a suffix we cannot write is a usage error: exit 2
            raise typer.BadParameter(str(err), param_hint="-o/--output") from None
        write_table(df, output, fmt=name)
        typer.echo(f"wrote {len(df)} rows to {output}", err=True)
        return
    if name is None:
        name = "table" if stdout_is_terminal() else "jsonl"
    if name == "table":
        from rich.console import Console

        Console().print(render_table(df if view is None else view, title=title, columns=columns))
    elif name in ("jsonl", "csv"):
        write_table(df, fmt=name, stream=sys.stdout)
    else:
        raise typer.BadParameter(f"--format {name} needs -o/--output FILE", param_hint="--format")


@command()
def text(file: str = FileArg,
         store: Optional[Path] = StoreOpt) -> None:
    """Print the normalised text (the reference of every start/end offset)."""
    from .export import visible

    doc = load_document(file, store)
    # Control characters one for one as visible pictures: offsets hold, and an
    # OSC/CSI sequence in a document cannot reach the terminal.
    sys.stdout.write(visible(doc.text))
    if not doc.text.endswith("\n"):
        sys.stdout.write("\n")


@command()
def outline(file: str = FileArg,
            format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
            store: Optional[Path] = StoreOpt) -> None:
    """Heading tree with section kinds."""
    doc = load_document(file, store)
    m = doc.meta
    title = f"{m.title}  ·  {m.org or '?'}  ·  {m.year or '?'}→{m.plan_year or '-'}  ·  {m.kind}"
    view = doc.sections.copy()
    # On screen the tree reads best indented, with long first sentences cut.
    view["title"] = [("  " * (lvl - 1)) + (t if len(t) <= 36 else t[:35] + "…")
                     for lvl, t in zip(view["level"], view["title"])]
    emit(doc.sections, format, output, title=title, view=view,
         columns=["section_id", "marker", "title", "kind", "start", "end"])


@command()
def facts(files: List[str] = typer.Argument(..., metavar="FILE|DOC_ID", help="Report files or stored doc_ids (or prefixes)."),
          explain: bool = typer.Option(False, "--explain", help="List the skipped number-like candidates and why."),
          format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
          store: Optional[Path] = StoreOpt) -> None:
    """Numeric facts: value, unit, base value, approximation, role, indicator, span."""
    import pandas as pd

    from .extract import explain as explain_facts
    from .extract import facts as extract_facts

    frames = []
    for f in files:
        doc = load_document(f, store)
        frames.append(explain_facts(doc) if explain else extract_facts(doc))
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    columns = None if explain else ["fact_id", "surface", "base_value", "base_unit", "approx",
                                    "role", "indicator", "section_id"]
    emit(df, format, output, title="跳过的候选" if explain else "数值事实", columns=columns)


@command()
def audit(file: str = FileArg,
          format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
          store: Optional[Path] = StoreOpt) -> None:
    """The report checked against itself: do stated totals add up, were stated targets met."""
    from .auditing import audit as run_audit

    emit(run_audit(load_document(file, store)), format, output, title="自我核对")


@command()
def plans(file: str = FileArg,
          explain: bool = typer.Option(False, "--explain",
                                       help="List the clauses of the plan judged not a commitment and why."),
          format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
          store: Optional[Path] = StoreOpt) -> None:
    """Plan items and their commitments."""
    from .plans import explain_plan, plan_items

    doc = load_document(file, store)
    if explain:
        emit(explain_plan(doc), format, output, title="不算承诺的分句",
             columns=["item_id", "clause", "reason", "reason_text"])
        return
    emit(plan_items(doc), format, output, title="工作计划",
         columns=["item_id", "title", "commitments", "targets", "due_year"])


@command()
def check(plan_file: str = PlanFileArg,
          summary_file: str = SummaryFileArg,
          learn: bool = typer.Option(False, "--learn-from-reviews",
                                     help="Retrain the verdict model with the reviewed verdicts kept in the store "
                                          "(from the web page) added to the shipped annotations."),
          format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
          store: Optional[Path] = StoreOpt) -> None:
    """Plan items of PLAN_FILE checked against the review in SUMMARY_FILE (table: least confident first)."""
    from .plancheck import check as run_check

    plan_doc, summary_doc = load_document(plan_file, store), load_document(summary_file, store)
    warn_if_swapped(plan_doc, summary_doc)
    model = _model_from_reviews(store) if learn else None
    df = run_check(plan_doc, summary_doc, model=model)
    # On screen a person reviews the doubtful verdicts first; files keep the plan's order.
    view = df.sort_values("confidence", kind="stable")
    emit(df, format, output, title="计划落实核对", view=view,
         columns=["item_id", "commitment", "verdict", "confidence", "evidence", "target", "actual", "reason"])


def _model_from_reviews(store: Optional[Path]):
    """The verdict model retrained with the store's reviews; says on stderr how many it learned."""
    from .plancheck import learn_from_reviews
    from .store import Store

    path = _store_path(store)
    pairs = []
    if path.exists():
        with Store(path, read_only=True) as st:
            pairs = st.reviewed_pairs()
    model = learn_from_reviews(pairs)
    typer.echo(f"summarylab: the verdict model learned from {model.n_extra_} reviewed verdicts in {path}",
               err=True)
    return model


@command()
def compare(file_a: str = typer.Argument(..., metavar="FILE_A|DOC_ID", help="The earlier report."),
            file_b: str = typer.Argument(..., metavar="FILE_B|DOC_ID", help="The later report."),
            format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
            store: Optional[Path] = StoreOpt) -> None:
    """Indicators year over year."""
    from .comparison import compare as run_compare

    df = run_compare(load_document(file_a, store), load_document(file_b, store))
    emit(df, format, output, title="年度对比",
         columns=["indicator", "unit", "value_a", "value_b", "change", "change_pct"])


@command()
def panel(paths: Optional[List[str]] = typer.Argument(None, metavar="PATH...",
                                                      help="Report files, folders or stored doc_ids (none: every stored document)."),
          org: Optional[str] = typer.Option(None, "--org", help="Keep the offices whose name contains ORG."),
          indicator: Optional[str] = typer.Option(None, "--indicator", help="Keep the indicators named by WORD (GDP, CPI, 就业 …)."),
          format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
          store: Optional[Path] = StoreOpt) -> None:
    """Targets against outcomes across years: one row per office, year and indicator."""
    from .series import panel as run_panel

    df = run_panel(_panel_documents(paths or [], store), org=org, indicator=indicator)
    emit(df, format, output, title="目标与完成",
         # on screen the columns a person compares; files carry every Panel column
         columns=["org", "year", "indicator", "target_value", "target_approx", "actual_value",
                  "met", "change"])


def _panel_documents(paths: List[str], store: Optional[Path]) -> list:
    """The documents panel reads: files, the files of folders, doc_ids; every stored one if none."""
    docs = []
    if not paths:
        path = _store_path(store)
        if not path.exists():
            raise UserError(f"{path}: no store here yet (give report files, or run summarylab ingest PATH first)")
        from .store import Store

        with Store(path, read_only=True) as st:
            return st.all_documents()  # each with its stored facts: none is analysed again
    from .batch import expand_paths
    from .readers import ReadError

    for arg in paths:
        if os.path.isdir(arg):
            for f in expand_paths([arg]):  # the reports of a folder, as ingest finds them
                try:
                    docs.append(load_document(str(f), store))
                except ReadError as e:  # one bad file of a folder is reported, the rest is read
                    typer.echo(f"summarylab: {e}", err=True)
        else:
            docs.append(load_document(arg, store))
    return docs


@command()
def ingest(paths: List[Path] = typer.Argument(..., metavar="PATH", help="Files and folders (searched recursively)."),
           workers: int = typer.Option(1, "--workers", "-w", min=1, metavar="N", help="Worker processes."),
           engine: Engine = typer.Option(Engine.local, "--engine", metavar="[local|dask]",
                                         help="local processes or a dask cluster."),
           scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                                   help="Dask scheduler address (default: a local cluster)."),
           parquet_dir: Optional[Path] = typer.Option(None, "--parquet-dir", metavar="DIR",
                                                      help="Write partitioned Parquet here instead of the store."),
           timeout: float = typer.Option(300.0, "--timeout", min=1, metavar="SECONDS",
                                         help="Time limit per file; a file that takes longer is skipped."),
           store: Optional[Path] = StoreOpt) -> None:
    """Add reports to the store (one transaction per document; unchanged ones are skipped).

    Each file is read and analysed in a worker process under per-file limits
    (time, size, decompressed size, PDF pages, characters); a file beyond one
    is reported on stderr and skipped.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import ingest as run_ingest
    from .readers import Limits, printable

    err = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True,
                  disable=not err.is_terminal) as bar:  # no bar (nor its blank line) in a log
        task = bar.add_task("ingest", total=None)

        def progress(done: int, total: int, path: str = "", *_: object) -> None:
            bar.update(task, completed=done, total=total, description=f"ingest {Path(path).name}"[:60])

        result = run_ingest(paths, _store_path(store), workers=workers, engine=engine.value,
                            scheduler=scheduler, parquet_dir=parquet_dir, progress=progress,
                            limits=Limits(timeout=timeout))
    for path, message in result.failed:
        typer.echo(f"summarylab: {printable(path)}: {printable(message)}", err=True)
    where = parquet_dir if parquet_dir else _store_path(store)
    typer.echo(f"{result.new} new, {result.unchanged} unchanged, {len(result.failed)} failed → {where}")
    if result.failed and not result.new and not result.unchanged:
        raise typer.Exit(1)


@command("list")
def list_documents(format: Optional[Format] = FormatOpt, output: Optional[Path] = OutputOpt,
                   store: Optional[Path] = StoreOpt) -> None:
    """Stored documents."""
    from .store import Store

    path = _store_path(store)
    if not path.exists():
        raise UserError(f"{path}: no store here yet (run summarylab ingest PATH first)")
    with Store(path, read_only=True) as st:
        df = st.documents()
    emit(df, format, output, title=f"{path}",
         columns=["doc_id", "org", "year", "plan_year", "kind", "chars", "title"])


@command()
def report(plan_file: str = PlanFileArg,
           summary_file: str = SummaryFileArg,
           output: Path = typer.Option(..., "--output", "-o", metavar="OUT.html|OUT.xlsx",
                                       help="The report file: .html or .xlsx."),
           store: Optional[Path] = StoreOpt) -> None:
    """A report an official can open: the plan check, facts of both years, the comparison."""
    from .report import write_report

    if output.suffix.lower() not in (".html", ".htm", ".xlsx"):
        raise typer.BadParameter("the report is .html or .xlsx", param_hint="--output")
    write_report(load_document(plan_file, store), load_document(summary_file, store), output)
    typer.echo(f"wrote {output}")


@command()
def demo(out_dir: Path = typer.Option(Path("summarylab-demo"), "--out-dir", metavar="DIR",
                                      help="Where the demo writes its files."),
         store: Optional[Path] = StoreOpt) -> None:
    """The whole tour on the bundled corpus."""
    from .demo import run_demo

    run_demo(out_dir=out_dir, store=store)


@command()
def serve(store: Optional[Path] = StoreOpt,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (this machine only by default)."),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
          token: Optional[str] = typer.Option(None, "--token", envvar="SUMMARYLAB_TOKEN",
                                              help="Require this token (needed when --host is not 127.0.0.1).")) -> None:
    """The local web page: upload reports, review the plan check, download the tables."""
    from .web import is_loopback
    from .web import serve as run_server

    if not is_loopback(host) and not token:
        raise typer.BadParameter(f"{host} shares the page on the network: give --token TOKEN too",
                                 param_hint="--host")
    run_server(_store_path(store), host=host, port=port, token=token, echo=typer.echo)


def main(argv: Optional[list[str]] = None) -> None:
    """Console-script entry point."""
    try:
        app(args=argv, prog_name="summarylab")
    except BrokenPipeError:  # `summarylab facts … | head` closes the pipe early
        _silence_stdout()
        sys.exit(0)


def _error_line(e: Exception) -> str:
    from .readers import ReadError

    known: tuple[type, ...] = (ReadError, UserError)
    for modname, cls in (("store", "StoreError"), ("export", "ExportError")):
        try:
            known += (getattr(__import__(f"summarylab.{modname}", fromlist=[cls]), cls),)
        except (ImportError, AttributeError):
            pass
    from .readers import printable

    if isinstance(e, known):
        return f"summarylab: {printable(str(e))}"
    if isinstance(e, OSError):
        where = f"{printable(str(e.filename))}: " if getattr(e, "filename", None) else ""
        return f"summarylab: {where}{printable(str(e.strerror or e))}"
    if type(e).__module__.startswith("duckdb"):
        from .store import damaged_store_message

        damaged = damaged_store_message("the store", e)
        if damaged:
            return f"summarylab: {damaged}"
    if os.environ.get("SUMMARYLAB_DEBUG"):
        raise e
    return f"summarylab: internal error: {type(e).__name__}: {e} (set SUMMARYLAB_DEBUG=1 for a traceback)"
