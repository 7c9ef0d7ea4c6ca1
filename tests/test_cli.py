"""The kg command end to end: what a user types, what they see, what is left on disk."""

import json
import subprocess
import sys

import pytest
from conftest import EXAMPLES, SHARED, example_document_count
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "graph.ttl"
    assert main(["build", str(EXAMPLES), "-o", str(path), "--quiet"]) == 0
    return path


def test_build_writes_turtle(built):
    graph = Graph().parse(built, format="turtle")
    assert len(graph) > 100


def test_build_to_standard_output_and_formats(capsys, tmp_path, built):
    code, out, err = run(capsys, "build", EXAMPLES / "meta-llama-2.txt", "--quiet")
    assert code == 0 and out.startswith("@prefix")
    for name, fmt in (("g.nt", "nt"), ("g.jsonld", "json-ld"), ("g.out", "xml")):
        extra = ["--format", "xml"] if name == "g.out" else []
        assert run(capsys, "build", EXAMPLES / "meta-llama-2.txt", "-o", tmp_path / name, "-q", *extra)[0] == 0
        assert len(Graph().parse(tmp_path / name, format=fmt)) > 10


def test_build_reports_a_summary_and_draws_no_bar_off_a_terminal(capsys, tmp_path):
    code, _, err = run(capsys, "build", EXAMPLES, "-o", tmp_path / "g.ttl")
    assert code == 0 and f"{example_document_count()} documents" in err and "relations" in err
    assert example_document_count() > 5 and "kg build" not in err  # standard error is no terminal here
    code, _, err = run(capsys, "build", EXAMPLES / "meta-llama-2.txt", "-o", tmp_path / "one.ttl")
    assert ": 1 document, " in err


def test_query_table_and_machine_formats(capsys, built):
    code, out, _ = run(capsys, "query", built, "SELECT ?o WHERE { ?x ai:releases ?y . ?y rdfs:label ?o } ORDER BY ?o")
    assert code == 0 and "Llama 2" in out
    code, out, _ = run(capsys, "query", built, "--name", "releases", "--format", "json")
    assert code == 0 and json.loads(out)["head"]["vars"] == ["organization", "released"]
    code, out, _ = run(capsys, "query", built, "ASK { ?x ai:memberOf ?y }")
    assert code == 0 and out == "true\n"
    code, out, _ = run(capsys, "query", built, "ASK { ?x ai:memberOf ai:Nothing }")
    assert code == 0 and out == "false\n"
    code, out, _ = run(capsys, "query", built, "--name", "entity", "--bind", "name=Mistral AI")
    assert code == 0 and "headquarteredIn" in out


def test_query_from_file_and_list(capsys, tmp_path, built):
    query = tmp_path / "q.rq"
    query.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?x a ai:Document }", encoding="utf-8")
    code, out, _ = run(capsys, "query", built, "--file", query, "--format", "csv")
    assert code == 0 and out.split() == ["n", str(example_document_count())]
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0 and "releases" in out and "entity" in out


def test_info(capsys, built):
    code, out, _ = run(capsys, "info", built, "--json")
    info = json.loads(out)
    assert code == 0 and info["documents"] == example_document_count() and info["entities"]["Organization"] > 5


def test_same_input_gives_an_isomorphic_graph(tmp_path, built):
    again = tmp_path / "again.ttl"
    assert main(["build", str(EXAMPLES), "-o", str(again), "-q"]) == 0
    assert isomorphic(Graph().parse(built), Graph().parse(again))


def test_a_bad_file_among_good_ones_is_skipped(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("Google released Gemma 2 in June.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    code, _, err = run(capsys, "build", tmp_path, "-o", tmp_path / "out.ttl", "-q")
    assert code == 0 and (tmp_path / "out.ttl").exists()
    assert err.strip() == f"kg: skipped: {tmp_path / 'bad.txt'}: binary file, not a text document"


def bad_inputs(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "latin.txt").write_bytes("M\xfcnchen".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "nodocs").mkdir()
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Google released Gemma 2.", encoding="utf-8")
    return {
        "missing": (["build", tmp_path / "missing.txt"], "missing.txt: no such file or directory"),
        "binary": (["build", tmp_path / "binary.txt"], "binary.txt: binary file"),
        "device": (["build", "/dev/zero"], "/dev/zero: not a regular file"),
        "empty": (["build", tmp_path / "empty.txt"], "empty.txt: empty document"),
        "no documents": (["build", tmp_path / "nodocs"], "nodocs: no .txt, .md, .html, .jsonl, .rss or .atom"),
        "broken ontology": (["build", tmp_path / "good.txt", "--ontology", tmp_path / "broken.ttl"],
                            "broken.ttl: cannot parse"),
        "unknown model": (["build", tmp_path / "good.txt", "--model", "no_such_pipeline"], "is not installed"),
    }


@pytest.mark.parametrize("case", ["missing", "binary", "device", "empty", "no documents",
                                  "broken ontology", "unknown model"])
def test_bad_build_input_is_one_line_and_writes_nothing(capsys, tmp_path, case):
    argv, message = bad_inputs(tmp_path)[case]
    out = tmp_path / "out.ttl"
    code, _, err = run(capsys, *argv, "-o", out, "-q")
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("kg: error: ") and message in err
    assert not out.exists()


def test_failed_build_leaves_an_existing_output_untouched(capsys, tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("previous graph", encoding="utf-8")
    code, _, _ = run(capsys, "build", tmp_path / "missing.txt", "-o", out)
    assert code != 0 and out.read_text(encoding="utf-8") == "previous graph"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


@pytest.mark.parametrize(("argv", "message"), [
    (["query", "{graph}", "SELECT ?x WHERE { ?x ?y"], "malformed SPARQL"),
    (["query", "{graph}", "--file", "{tmp}/nope.rq"], "nope.rq: cannot read query"),
    (["query", "{graph}", "--name", "nope"], "no ready query named 'nope'"),
    (["query", "{graph}", "--name", "entiti"], "(did you mean 'entity'?)"),
    (["query", "{graph}", "--name", "entity"], "needs --bind name=VALUE"),
    (["query", "{graph}", "--name", "entity", "--bind", "nam=Meta"], "no parameter of the ready query 'entity' named 'nam'"),
    (["viz", "{graph}", "-o", "{tmp}/v.html", "--types", "Model"], "no class named 'Model' (did you mean 'AIModel'?)"),
    (["viz", "{graph}", "-o", "{tmp}/v.html", "--relations", "release"], "no relation named 'release' (did you mean 'releases'?)"),
    (["eval", "{graph}", "{tmp}/empty.jsonl"], "no gold entities or relations"),
    (["query", "{tmp}/missing.ttl", "ASK {}"], "missing.ttl: no such file"),
    (["query", "{tmp}/bad.ttl", "ASK {}"], "bad.ttl: cannot read as turtle"),
    (["info", "{tmp}/bad.ttl"], "bad.ttl: cannot read as turtle"),
    (["eval", "{graph}", "{tmp}/missing.jsonl"], "missing.jsonl: no such gold file"),
    (["eval", "{graph}", "{tmp}/bad.jsonl"], "bad.jsonl, line 1"),
])
def test_bad_query_info_eval_input_is_one_line(capsys, tmp_path, built, argv, message):
    (tmp_path / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"entity": "x"}', encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    argv = [a.replace("{graph}", str(built)).replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err


@pytest.mark.skipif(not (SHARED / "eval" / "dev").is_dir(), reason="needs ../shared/eval")
def test_eval_refuses_gold_for_documents_the_graph_lacks(capsys, built):
    gold = sorted((SHARED / "eval" / "dev").glob("*.gold.jsonl"))
    code, out, err = run(capsys, "eval", built, *gold, "--json")
    assert code == 1 and out == "" and "documents that are not in the graph: alibaba-qwen-open-models.txt" in err


def test_console_script_has_no_traceback(tmp_path):
    """The real entry point, in a fresh process, on bad input."""
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "missing.txt"), "-o",
                             str(tmp_path / "o.ttl")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.strip() == f"kg: error: {tmp_path / 'missing.txt'}: no such file or directory"


def test_standard_input_end_to_end(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-q"], input="Nvidia invested in Mistral AI.",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert any(str(p).endswith("#investsIn") for p in graph.predicates())
