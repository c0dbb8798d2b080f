"""The notebooks run from top to bottom on the graph of the seeds, and hold no logic of their own."""

from __future__ import annotations

import ast
import base64
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from kg.build import extract_paths

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_explore.ipynb", "02_network.ipynb", "03_investment.ipynb", "04_timeline.ipynb"]
#: Where ipykernel installs its "python3" kernelspec in this virtual environment.
VENV_KERNELS = Path(sys.prefix) / "share" / "jupyter" / "kernels"

#: Python constructs a notebook cell may not use: logic belongs in kg.analysis.
FORBIDDEN = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.AsyncFor, ast.While,
             ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built through the library, as `make run` does, into a temporary Turtle file."""
    report = extract_paths([ROOT / "seeds"])
    assert not report.failures
    path = tmp_path_factory.mktemp("seeds") / "graph.ttl"
    report.graph.serialize(path, format="turtle")
    return path


def _code_cells(name: str) -> list[nbformat.NotebookNode]:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_saved_without_outputs(name: str) -> None:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    for cell in _code_cells(name):
        assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("name", NAMES)
def test_notebook_defines_no_logic(name: str) -> None:
    for cell in _code_cells(name):
        source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("%"))
        found = [type(node).__name__ for node in ast.walk(ast.parse(source)) if isinstance(node, FORBIDDEN)]
        assert found == [], f"{name}: a cell uses {found}; move that logic into kg/analysis:\n{cell.source}"
        imports = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)]
        assert all(node.module in {"kg.analysis"} for node in imports)


def _venv_kernel() -> KernelManager:
    """A "python3" kernel from this venv's kernelspec only (a user-wide one cannot shadow it)."""
    return KernelManager(kernel_name="python3", kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(VENV_KERNELS)]))


def test_kernel_python3_is_this_venv() -> None:
    """The "python3" kernelspec the notebooks run on is the venv's, and starts the venv's interpreter."""
    spec = KernelSpecManager(kernel_dirs=[str(VENV_KERNELS)]).get_kernel_spec("python3")
    command = spec.argv[0]
    # jupyter_client replaces a bare "python"/"python3" with sys.executable when it launches the kernel
    assert command in {"python", "python3", f"python{sys.version_info[0]}.{sys.version_info[1]}"} or (
        Path(command).resolve() == Path(sys.executable).resolve())


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def _run_notebook(name: str, graph: Path, monkeypatch: pytest.MonkeyPatch) -> list[nbformat.NotebookNode]:
    """Run notebook ``name`` on ``graph`` (through ``KG_GRAPH``); the outputs of its code cells."""
    monkeypatch.setenv("KG_GRAPH", str(graph))  # the kernel inherits the environment
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    probe = new_code_cell("import sys\nprint(sys.prefix)")  # in memory only: which environment ran the cells
    notebook.cells.append(probe)
    client = NotebookClient(notebook, km=_venv_kernel(), timeout=180, allow_errors=False,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError on the first failing cell

    assert notebook.cells.pop().outputs[0].text.strip() == sys.prefix  # the venv's, not a user-wide Python
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def _shown(outputs: list[nbformat.NotebookNode], kind: str) -> list[str]:
    return [output.data[kind] for output in outputs if kind in output.get("data", {})]


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_on_the_seeds(name: str, seeds_graph: Path, monkeypatch: pytest.MonkeyPatch,
                                    artifacts: Path) -> None:
    outputs = _run_notebook(name, seeds_graph, monkeypatch)
    assert outputs, f"{name} showed nothing"
    errors = [output for output in outputs if output.output_type == "error"]
    assert errors == []
    streams = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "missing from font" not in streams and "Traceback" not in streams
    if name == "03_investment.ipynb":
        images = [output.data["image/png"] for output in outputs if "image/png" in output.get("data", {})]
        assert len(images) == 2, "both amount charts are drawn"
        for number, image in enumerate(images, start=1):
            (artifacts / f"notebook_03_chart_{number}.png").write_bytes(base64.b64decode(image))
    if name == "04_timeline.ipynb":
        images = [output.data["image/png"] for output in outputs if "image/png" in output.get("data", {})]
        assert len(images) == 1, "the chart of cooperation per year is drawn"
    if name == "02_network.ipynb":
        frames = [output.data["text/html"] for output in outputs if "text/html" in output.get("data", {})]
        assert any(html.startswith("<iframe srcdoc=") for html in frames), "the interactive view is embedded"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["01_explore.ipynb", "02_network.ipynb"])
def test_notebook_picks_its_subject_from_another_graph(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """KG_GRAPH at a graph with neither 苏州 nor 无锡: the notebook shows that graph's most connected city."""
    other = ROOT / "tests" / "data" / "sample_graph.ttl"
    text = other.read_text(encoding="utf-8")
    assert "苏州" not in text and "无锡" not in text and "大连" in text
    outputs = _run_notebook(name, other, monkeypatch)
    assert [output for output in outputs if output.output_type == "error"] == []
    if name == "01_explore.ipynb":
        card = next(markdown for markdown in _shown(outputs, "text/markdown") if markdown.startswith("**"))
        assert card.startswith("**大连** (City;")
    else:
        tables = [text for text in _shown(outputs, "text/plain") if text.split()[:2] == ["hops", "subject"]]
        assert len(tables) == 1
        rows = [line.split() for line in tables[0].splitlines()[1:]]
        assert rows and all("大连" in row[2:5:2] for row in rows)  # 大连 is the subject or the object
