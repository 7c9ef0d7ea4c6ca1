"""The notebooks themselves are executed by pytest through nbmake (see pyproject.toml);
these tests keep them readable in git and honest about the API they teach."""

import ast
import json
from pathlib import Path

import pytest
from conftest import ROOT

import kg

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def code_cells(path: Path) -> list[dict]:
    return [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]


def test_the_four_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == ["01-quickstart.ipynb", "02-ontology.ipynb", "03-analytics.ipynb",
                                           "04-provenance.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_stripped(path):
    for cell in code_cells(path):
        assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_only_the_public_api(path):
    for cell in code_cells(path):
        tree = ast.parse("".join(cell["source"]))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("kg"), f"{path.name} imports from {node.module}"
            if isinstance(node, ast.Import):
                assert all(a.name == "kg" or not a.name.startswith("kg.") for a in node.names)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "kg":
                assert node.attr in kg.__all__, f"{path.name} uses kg.{node.attr}, which is not public"
