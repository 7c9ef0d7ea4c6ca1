"""Hostile input, through the console script: every output stays whole and readable, nothing
is lost or overwritten, and every failure is one line.

Every RDF file written here is read back by pyoxigraph, every GraphML and GEXF file by networkx.
"""

from __future__ import annotations

import json
import os
import stat
import time

import networkx as nx
import pyoxigraph
import pytest
from console import kg, one_line_error

from kg.documents import MAX_INPUT_BYTES, SECTION_CHARS
from kg.extract.pipeline import MAX_LENGTH

OXIGRAPH_FORMATS = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
                    "xml": pyoxigraph.RdfFormat.RDF_XML, "nq": pyoxigraph.RdfFormat.N_QUADS,
                    "trig": pyoxigraph.RdfFormat.TRIG}
ARTICLE = "Meta released Llama 2 in July. Mistral AI, a Paris startup, released Mixtral 8x7B.\n"


def read_back(path) -> int:
    """The number of triples or quads a second reader finds in a file kg wrote."""
    suffix = path.suffix.lstrip(".")
    if suffix in ("graphml", "gexf"):
        network = (nx.read_graphml if suffix == "graphml" else nx.read_gexf)(path)
        return network.number_of_edges()
    return len(list(pyoxigraph.parse(path.read_bytes(), format=OXIGRAPH_FORMATS[suffix])))


# -- outputs ---------------------------------------------------------------------------------

@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_at_the_output_path_is_never_replaced(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    device = tmp_path / "mynull"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = kg("build", tmp_path / "a.txt", "-o", device, "-q")
    assert one_line_error(result, "not a regular file")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_symlinked_output_is_followed_and_a_mode_kept(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "real.ttl"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "graph.ttl"
    link.symlink_to(target)
    assert kg("build", tmp_path / "a.txt", "-o", link, "-q").returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert read_back(target) > 10


def test_an_input_is_never_the_output(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = kg("build", article, "-o", article, "-q")
    assert one_line_error(result, "is one of the inputs")
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_a_full_disk_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with open("/dev/full", "w") as full:
        result = kg("build", tmp_path / "a.txt", "-q", stdout=full)
    assert one_line_error(result, "No space left on device")


# -- documents -------------------------------------------------------------------------------

def test_files_with_the_same_stem_or_name_are_all_kept(tmp_path):
    for folder, name in (("a", "article.txt"), ("b", "article.txt"), ("c", "news.md"), ("c", "news.txt")):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text(f"{ARTICLE}\nThis is {folder}/{name}.", encoding="utf-8")
    result = kg("build", tmp_path, "-o", tmp_path / "g.ttl")
    assert result.returncode == 0 and ": 4 documents," in result.stderr
    ids = kg("query", tmp_path / "g.ttl", "--format", "csv",
             "SELECT ?id WHERE { ?d a ai:Document ; dcterms:identifier ?id } ORDER BY ?id").stdout.split()
    assert ids == ["id", "a/article.txt", "b/article.txt", "c/news.md", "c/news.txt"]


def test_duplicate_ids_in_json_lines_are_an_error_not_a_drop(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps({"id": "same", "text": t}) for t in (ARTICLE, "Google released Gemma.")),
                    encoding="utf-8")
    result = kg("build", path, "-o", tmp_path / "g.ttl")
    assert one_line_error(result, "document id 'same'")
    assert not (tmp_path / "g.ttl").exists()


def test_long_documents_are_read_in_sections(tmp_path, monkeypatch):
    import kg as library
    import kg.documents

    assert SECTION_CHARS < MAX_LENGTH  # no document spaCy is given can reach its length cap
    monkeypatch.setattr(kg.documents, "SECTION_CHARS", 400)
    notes = []
    text = "\n\n".join(f"Paragraph {i}. Meta released Llama {i} in July." for i in range(2, 40))
    graph = library.build([library.Document(id="long", text=text)], on_note=notes.append)
    ids = {r["id"] for r in graph.query_rows("SELECT ?id WHERE { ?d dcterms:identifier ?id }")}
    assert len(ids) > 3 and "long#1" in ids and all(i.startswith("long#") for i in ids)
    assert {"Llama 2", "Llama 39"} <= {r["object"] for r in graph.relation_records()}
    assert "read as" in notes[0] and "sections" in notes[0]


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_at_once(path):
    started = time.monotonic()
    result = kg("build", path, "-q")
    assert one_line_error(result, "not a regular file") and time.monotonic() - started < 60


def test_oversized_inputs_are_refused(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: no disk used
    assert one_line_error(kg("build", big, "-q"), "larger than")


HOSTILE = ("Meta\u00a0released Llama\u202f2 and Mis\u00adtral AI re\u200bleased Mistral\u00a07B.\u0007\u001b[31m "
           "OpenAI\u2060 released GPT-4o.\u0000\u000b\u0085 Anthropic released Claude\ufeff 3.")


@pytest.mark.parametrize("suffix", ["txt", "jsonl"])
def test_special_spaces_and_invisible_characters_do_not_break_names(tmp_path, suffix):
    path = tmp_path / f"h.{suffix}"
    text = json.dumps({"id": "h", "text": HOSTILE}) if suffix == "jsonl" else HOSTILE
    path.write_text(text, encoding="utf-8")
    assert kg("build", path, "-o", tmp_path / "g.ttl", "-q").returncode == 0
    rows = kg("query", tmp_path / "g.ttl", "--format", "tsv",
              "SELECT ?l WHERE { ?e a ?c ; rdfs:label ?l . FILTER(?c != ai:Document) } ORDER BY ?l").stdout
    labels = {line.strip('"') for line in rows.splitlines()[1:]}
    assert {"Llama 2", "Mistral AI", "Mistral 7B", "GPT-4o"} <= labels
    assert not any(ch in rows for ch in "\u00a0\u202f\u00ad\u200b\u2060\ufeff\u0000\u0007\u001b")


def test_control_characters_give_files_their_own_readers_accept(tmp_path):
    article = tmp_path / "c.txt"
    article.write_text(HOSTILE + "\x01\x02\x03\x1f Google released Gemma.\x0c", encoding="utf-8")
    for suffix in ("ttl", "nt", "xml", "nq", "trig"):
        out = tmp_path / f"g.{suffix}"
        assert kg("build", article, "-o", out, "-q").returncode == 0
        assert read_back(out) > 10
    for suffix in ("graphml", "gexf"):
        out = tmp_path / f"g.{suffix}"
        assert kg("export", tmp_path / "g.ttl", "-o", out).returncode == 0
        assert read_back(out) >= 4


def test_a_nul_far_into_a_file_never_reaches_the_graph(tmp_path):
    article = tmp_path / "n.txt"
    article.write_bytes(("Filler sentence here. " * 500).encode() + b"Meta released\x00 Llama 2 in July.\n")
    result = kg("build", article, "-q")
    assert result.returncode == 0 and 'ai:sentence "Meta released Llama 2 in July."' in result.stdout
    assert "\x00" not in result.stdout and "\\u0000" not in result.stdout.lower()


@pytest.mark.parametrize(("encoding", "note"), [("latin-1", "read as cp1252"), ("utf-16", None),
                                                ("utf-16-le", "read as utf_16_le")])
def test_legacy_encodings_are_decoded(tmp_path, encoding, note):
    article = tmp_path / "e.txt"
    article.write_bytes(("Fran\u00e7ois Chollet works for Google in Z\u00fcrich. " + ARTICLE).encode(encoding))
    result = kg("build", article, "-o", tmp_path / "g.ttl")
    assert result.returncode == 0
    assert (note in result.stderr) if note else "note:" not in result.stderr
    assert "Z\u00fcrich" in (tmp_path / "g.ttl").read_text(encoding="utf-8")


def test_deeply_nested_html_still_gives_its_text(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 300 + f"<p>{ARTICLE}</p>" + "</div>" * 300 + "</body></html>",
                    encoding="utf-8")
    result = kg("build", page, "-q")
    assert result.returncode == 0 and "Llama 2" in result.stdout


# -- graphs and ontologies -------------------------------------------------------------------

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="urn:x"><rdfs:label>&d;&d;&d;&d;&d;&d;&d;&d;</rdfs:label></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("command", ["ontology", "query", "info"])
def test_xml_entity_expansion_is_refused(tmp_path, command):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(LAUGHS, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    argv = {"ontology": ["build", tmp_path / "a.txt", "--ontology", bomb],
            "query": ["query", bomb, "ASK {}"], "info": ["info", bomb]}[command]
    started = time.monotonic()
    assert one_line_error(kg(*argv), "declares XML entities")
    assert time.monotonic() - started < 60


def test_an_empty_name_prefix_is_an_ontology_error(tmp_path):
    from conftest import ONTOLOGY

    broken = tmp_path / "o.ttl"
    broken.write_text(ONTOLOGY.read_text(encoding="utf-8") + '\nai:AIModel ai:namePrefix "" .\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert one_line_error(kg("build", tmp_path / "a.txt", "--ontology", broken), "an empty namePrefix")


# -- what is printed -------------------------------------------------------------------------

ESCAPES = '''@prefix ai: <https://example.org/kg/ontology#> .
@prefix e: <https://example.org/kg/entity/> .
@prefix ev: <https://example.org/kg/evidence/> .
@prefix doc: <https://example.org/kg/document/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
doc:d a ai:Document ; dcterms:identifier "d.txt" .
e:evil a ai:Organization ; rdfs:label "Evil\\u001B]0;pwned\\u0007\\u001B[2J Corp" .
e:model a ai:AIModel ; rdfs:label "Model\\u001B[31mX" .
e:evil ai:releases e:model .
ev:1 a ai:Evidence ; rdf:subject e:evil ; rdf:predicate ai:releases ; rdf:object e:model ;
    prov:wasDerivedFrom doc:d ; ai:sentence "Evil\\u001B[2J released it." ; ai:confidence 0.9 ;
    ai:startChar 0 ; ai:endChar 10 ; ai:rule "verb" .
'''


def test_terminal_escapes_from_a_graph_are_never_printed_raw(tmp_path):
    graph = tmp_path / "evil.ttl"
    graph.write_text(ESCAPES, encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"doc": "d.txt", "s": "Other", "p": "releases", "o": "Thing"}), encoding="utf-8")
    outputs = [
        kg("explain", graph, "Model\x1b[31mX", "releasedBy", "Evil\x1b]0;pwned\x07\x1b[2J Corp"),
        kg("explain", graph, "Evil\x1b]0;pwned\x07\x1b[2J Corp", "releases", "Model\x1b[31mX"),
        kg("eval", graph, gold, "-v"),
        kg("query", graph, "--format", "tsv", "SELECT ?l WHERE { ?x rdfs:label ?l }"),
        kg("query", graph, "SELECT ?l WHERE { ?x rdfs:label ?l }"),
        kg("info", graph),
    ]
    for result in outputs:
        assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    assert "Evil" in outputs[1].stdout and "\\x1b" in outputs[1].stdout
    assert "Evil" in outputs[2].stdout and "\\x1b" in outputs[2].stdout  # false positives, by label
    assert "\\u001B" in outputs[3].stdout


def test_eval_refuses_gold_for_a_document_not_in_the_graph_and_empty_gold(tmp_path):
    graph = tmp_path / "evil.ttl"
    graph.write_text(ESCAPES, encoding="utf-8")
    gold = tmp_path / "other.jsonl"
    gold.write_text(json.dumps({"doc": "other.txt", "s": "A", "p": "releases", "o": "B"}), encoding="utf-8")
    assert one_line_error(kg("eval", graph, gold), "not in the graph: other.txt")
    gold.write_text("\n\n", encoding="utf-8")
    assert one_line_error(kg("eval", graph, gold), "no gold entities or relations")
