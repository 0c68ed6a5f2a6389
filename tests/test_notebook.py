"""The quickstart notebook is stored clean and runs top to bottom, so it never rots."""

from pathlib import Path

import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "quickstart.ipynb"


def test_the_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "the notebook has no code"
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def test_the_notebook_tours_the_api():
    source = "\n".join(c.source for c in nbformat.read(NOTEBOOK, as_version=4).cells)
    for call in ("sl.read(", ".sections", "sl.facts(", "sl.plan_items(", "sl.check(",
                 "sl.compare(", "sl.Store(", "sl.ingest(", "duckdb", ".plot", "sl.write_report("):
        assert call in source, call


@pytest.mark.slow
def test_the_notebook_executes_from_the_notebooks_folder(tmp_path):
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel runs this interpreter (the venv's), in notebooks/ as Jupyter would.
    client = NotebookClient(nb, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2, "both plots are drawn"
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "0 new, 2 unchanged, 0 failed" in text
