"""The HTML view in a real browser (Debian's chromium, driven by Playwright), with the
network cut: it loads, draws what it should, logs no error, asks nothing of the network, and
runs nothing that a document slipped into a name or a sentence."""

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

import kg
from kg import Document

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-default-apps"]

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (apt-get install chromium)")

INJECTED_NAME = '<img src=x onerror="window.__pwned=1">Evil Corp'
INJECTED_SENTENCE = "Google released Gemma 2 <script>window.__pwned=2</script> <img src=y onerror=window.__pwned=3> today."
HOSTILE_GRAPH = f"""
@prefix ai: <https://example.org/kg/ontology#> .
@prefix e: <https://example.org/kg/entity/> .
@prefix ev: <https://example.org/kg/evidence/> .
@prefix doc: <https://example.org/kg/document/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
e:evil a ai:Organization ; rdfs:label {INJECTED_NAME!r} ; skos:altLabel "<script>window.__pwned=4</script>" ;
    owl:sameAs <javascript:window.__pwned=5> .
e:model a ai:AIModel ; rdfs:label "Model </script><script>window.__pwned=6</script>" .
e:evil ai:releases e:model .
ev:1 a ai:Evidence ; rdf:subject e:evil ; rdf:predicate ai:releases ; rdf:object e:model ;
    prov:wasDerivedFrom doc:d ; ai:sentence "<b onmouseover=window.__pwned=7>bold</b> claim" ; ai:confidence 0.9 .
doc:d a ai:Document ; dcterms:title "<iframe src=javascript:window.__pwned=8>" .
"""


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Opened:
    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1200, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                self.requests.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=60_000)

    def count(self, what: str) -> int:
        return self.page.evaluate(f"window.kgNetwork ? window.kgNetwork.body.data.{what}.length : 0")

    def hover_node(self, node_id: str) -> str:
        point = self.page.evaluate(
            """id => { const n = window.kgNetwork; const p = n.canvasToDOM(n.getPositions([id])[id]);
                       const r = document.getElementById('kg-network').getBoundingClientRect();
                       return [p.x + r.left, p.y + r.top]; }""", node_id)
        return self._hover(point)

    def hover_edge(self, source: str, target: str) -> str:
        point = self.page.evaluate(
            """([a, b]) => { const n = window.kgNetwork; const p = n.getPositions([a, b]);
                       const m = n.canvasToDOM({x: (p[a].x + p[b].x) / 2, y: (p[a].y + p[b].y) / 2});
                       const r = document.getElementById('kg-network').getBoundingClientRect();
                       return [m.x + r.left, m.y + r.top]; }""", [source, target])
        return self._hover(point)

    def point_of(self, node_id: str) -> list[float]:
        # where a node is drawn, once the layout stands still: a node still moving may be
        # under another by the time the mouse gets there
        self.page.evaluate("window.kgNetwork.stopSimulation()")
        return self.page.evaluate(
            """id => { const n = window.kgNetwork; const p = n.canvasToDOM(n.getPositions([id])[id]);
                       const r = document.getElementById('kg-network').getBoundingClientRect();
                       return [p.x + r.left, p.y + r.top]; }""", node_id)

    def click_node(self, node_id: str) -> None:
        x, y = self.point_of(node_id)
        self.page.mouse.click(x, y)

    def double_click_node(self, node_id: str) -> None:
        x, y = self.point_of(node_id)
        self.page.mouse.dblclick(x, y)

    def _hover(self, point) -> str:
        self.page.mouse.move(point[0] + 40, point[1] + 40)
        self.page.mouse.move(point[0], point[1])
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=10_000)
        return self.page.inner_text("div.vis-tooltip")

    def close(self):
        self.context.close()


def write_page(graph: kg.KnowledgeGraph, tmp_path: Path, **options) -> Path:
    path = tmp_path / "view.html"
    graph.to_html(path, **options)
    return path


def test_example_view_offline(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path))
    network = example_graph.to_networkx()
    assert opened.count("nodes") == network.number_of_nodes()
    assert opened.count("edges") == network.number_of_edges()
    assert opened.errors == [] and opened.requests == []
    # physics is off once the layout has settled
    assert opened.page.evaluate("window.kgNetwork.physics.physicsEnabled") is False
    tip = opened.hover_node("https://example.org/kg/entity/openai")
    assert "OpenAI" in tip and "Organization" in tip and "Q21708200" in tip
    opened.close()


def test_search_box_finds_a_node(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path))
    opened.page.fill("#kg-search-input", "mistral ai")
    opened.page.click("#kg-search button")
    assert opened.page.evaluate("window.kgNetwork.getSelectedNodes()") == ["https://example.org/kg/entity/mistral-ai"]
    opened.page.fill("#kg-search-input", "no such thing")
    opened.page.click("#kg-search button")
    assert opened.page.inner_text("#kg-search-status") == "not found"
    opened.close()


def test_injected_markup_in_names_and_sentences_runs_nothing(browser, tmp_path):
    graph = kg.KnowledgeGraph(Graph().parse(data=HOSTILE_GRAPH, format="turtle"))
    opened = Opened(browser, write_page(graph, tmp_path, title="<script>window.__pwned=9</script>"))
    node_tip = opened.hover_node("https://example.org/kg/entity/evil")
    assert INJECTED_NAME in node_tip and "<script>window.__pwned=4</script>" in node_tip
    edge_tip = opened.hover_edge("https://example.org/kg/entity/evil", "https://example.org/kg/entity/model")
    assert "<b onmouseover=window.__pwned=7>bold</b> claim" in edge_tip
    assert "<iframe src=javascript:window.__pwned=8>" in edge_tip
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, b, a[href^=\"javascript\"]').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 2  # vis-network and kg's own
    assert page.title() == "<script>window.__pwned=9</script>"
    assert opened.errors == [] and opened.requests == []
    opened.close()


def test_injected_markup_from_a_document(browser, tmp_path):
    graph = kg.build([Document(id="hostile", text=INJECTED_SENTENCE, title='<img src=z onerror="window.__pwned=10">')])
    opened = Opened(browser, write_page(graph, tmp_path))
    tip = opened.hover_edge("https://example.org/kg/entity/google", "https://example.org/kg/entity/gemma-2")
    assert "<script>window.__pwned=2</script>" in tip
    assert opened.page.evaluate("window.__pwned") is None
    assert opened.errors == [] and opened.requests == []
    opened.close()


def test_empty_graph_says_why(browser, tmp_path):
    opened = Opened(browser, write_page(kg.KnowledgeGraph(), tmp_path))
    assert "Nothing to show: the graph has no entities." in opened.page.inner_text("body")
    assert opened.errors == [] and opened.requests == []
    opened.close()


def test_a_large_graph_is_cut_to_the_most_connected(browser, tmp_path):
    big = Graph()
    lines = ["@prefix ai: <https://example.org/kg/ontology#> .",
             "@prefix e: <https://example.org/kg/entity/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for i in range(3000):
        lines.append(f'e:n{i} a ai:Organization ; rdfs:label "Company {i}" .')
        lines.append(f"e:n{i} ai:partnersWith e:n{(i * 7 + 1) % 3000} , e:n{i % 50} .")
    big.parse(data="\n".join(lines), format="turtle")
    opened = Opened(browser, write_page(kg.KnowledgeGraph(big), tmp_path, max_nodes=300))
    assert opened.count("nodes") == 300
    assert "Showing the 300 most connected of 3000 entities; 2700 left out." in opened.page.inner_text("#kg-note")
    assert opened.errors == [] and opened.requests == []
    opened.close()


E = "https://example.org/kg/entity/"


def test_no_two_edges_between_the_same_pair_share_a_curve(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path))
    drawn = opened.page.evaluate("window.kgNetwork.body.data.edges.get().map(e => [e.from, e.to, e.smooth])")
    curves: dict = {}
    for source, target, smooth in drawn:
        assert smooth["enabled"] is True
        pair, flip = ((source, target), False) if source <= target else ((target, source), True)
        side = smooth["type"] if not flip else {"curvedCW": "curvedCCW", "curvedCCW": "curvedCW"}[smooth["type"]]
        curves.setdefault(pair, []).append((side, smooth["roundness"]))
    assert any(len(c) > 1 for c in curves.values())  # the example has parallel edges (Meta and Llama 2)
    assert all(len(c) == len(set(c)) for c in curves.values())
    opened.close()


def test_a_click_opens_the_panel_with_the_evidence(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path))
    opened.click_node(E + "meta")
    panel = opened.page.inner_text("#kg-panel")
    assert "Meta" in panel and "Organization" in panel and "Facebook" in panel
    assert "\u2192 releases" in panel and "Code Llama" in panel
    assert "Microsoft partnered with Meta" in panel and "confidence" in panel
    link = opened.page.eval_on_selector("#kg-panel a", "a => [a.href, a.rel, a.target]")
    assert link == ["https://www.wikidata.org/wiki/Q380", "noopener noreferrer", "_blank"]
    # a neighbour in the panel moves the panel to it, and Back returns
    opened.page.click("#kg-panel button.entity[data-entity='https://example.org/kg/entity/microsoft']")
    assert opened.page.inner_text("#kg-panel h2") == "Microsoft"
    assert opened.page.evaluate("window.kgNetwork.getSelectedNodes()") == [E + "microsoft"]
    opened.page.click("#kg-back")
    assert opened.page.inner_text("#kg-panel h2") == "Meta"
    assert opened.errors == [] and opened.requests == []
    opened.close()


def test_double_click_brings_in_neighbours_and_back_takes_them_out(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path, max_nodes=8))
    before = opened.count("nodes")
    assert before == 8
    drawn = set(opened.page.evaluate("window.kgNetwork.body.data.nodes.getIds()"))
    # a drawn entity with a neighbour the page left out (which 8 are drawn depends on ties)
    neighbours: dict[str, set[str]] = {}
    for s_, _, o in example_graph.relations():
        neighbours.setdefault(str(s_), set()).add(str(o))
        neighbours.setdefault(str(o), set()).add(str(s_))
    hub = next(n for n in sorted(drawn, key=lambda n: -len(neighbours.get(n, ()))) if neighbours.get(n, set()) - drawn)
    opened.double_click_node(hub)
    after = opened.count("nodes")
    assert after > before
    assert "left out" in opened.page.inner_text("#kg-note")
    opened.page.click("#kg-back")
    assert opened.count("nodes") == before
    assert opened.errors == [] and opened.requests == []
    opened.close()


def test_typing_suggests_by_label_and_alias(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path))
    opened.page.type("#kg-search-input", "Face")
    opened.page.wait_for_selector("#kg-suggestions li", state="visible")
    suggestions = opened.page.eval_on_selector_all("#kg-suggestions li", "items => items.map(i => i.innerText)")
    assert "Meta" in suggestions[0] and "Facebook" in suggestions[0]
    assert any("Hugging Face" in s for s in suggestions)
    # ranked: an exact name before a prefix before a word inside a name
    opened.page.fill("#kg-search-input", "mistral")
    first = opened.page.eval_on_selector_all("#kg-suggestions li", "items => items.map(i => i.dataset.entity)")
    assert first[0] == E + "mistral-ai" and E + "mistral-7b" in first  # the company: more connected
    opened.page.press("#kg-search-input", "ArrowDown")
    opened.page.press("#kg-search-input", "Enter")
    assert opened.page.evaluate("window.kgNetwork.getSelectedNodes()") == [first[1]]
    assert opened.page.inner_text("#kg-panel h2") == opened.page.evaluate(f"window.kgData.byId[{first[1]!r}].info.label")
    opened.close()


def test_a_class_has_one_colour_on_every_page(browser, tmp_path, example_graph):
    colours = []
    for name, options in (("all", {}), ("some", {"relations": ["releases"]})):
        folder = tmp_path / name
        folder.mkdir()
        opened = Opened(browser, write_page(example_graph, folder, **options))
        colours.append(opened.page.evaluate(
            "Object.fromEntries(window.kgNetwork.body.data.nodes.get().map(n => [n.info.class, n.color]))"))
        opened.close()
    assert set(colours[0]) != set(colours[1]) and colours[1]["AIModel"] == colours[0]["AIModel"]
    assert all(colours[0][c] == colour for c, colour in colours[1].items())


def test_legend_filters_and_focus(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path, focus="Meta"))
    page = opened.page
    focus = page.evaluate(f"window.kgNetwork.body.data.nodes.get({E + 'meta'!r})")
    assert focus["borderWidth"] == 5 and focus["info"]["focus"] is True
    assert page.inner_text("#kg-panel h2") == "Meta"  # the focus opens in the panel
    page.click("#kg-legend button[data-class='AIModel']")
    hidden = page.evaluate("window.kgNetwork.body.data.nodes.get().filter(n => n.hidden).map(n => n.info.class)")
    assert hidden and set(hidden) == {"AIModel"}
    page.click("#kg-relations summary")
    page.uncheck("#kg-relations input[value='releases']")
    shown = page.evaluate("window.kgNetwork.body.data.edges.get().filter(e => !e.hidden).map(e => e.info.name)")
    assert "releases" not in shown and shown
    visible = "window.kgNetwork.body.data.edges.get().filter(e => !e.hidden)"
    strongest = page.evaluate(f"Math.max(...{visible}.map(e => e.info.confidence))")
    weakest = page.evaluate(f"Math.min(...{visible}.map(e => e.info.confidence))")
    assert weakest < strongest  # the filter has something to tell apart
    page.fill("#kg-confidence", str(round(strongest + 0.025, 2)))  # the slider moves in steps of 0.05
    page.dispatch_event("#kg-confidence", "input")
    assert page.evaluate(f"{visible}.length") == 0
    opened.close()


def test_pictures_of_the_page(browser, tmp_path, example_graph):
    opened = Opened(browser, write_page(example_graph, tmp_path))
    with opened.page.expect_download() as png:
        opened.page.click("#kg-png")
    assert png.value.suggested_filename == "kg-graph.png"
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with opened.page.expect_download() as svg:
        opened.page.click("#kg-svg")
    text = Path(svg.value.path()).read_text(encoding="utf-8")
    assert text.startswith("<svg") and "Mistral AI" in text and "<script" not in text
    assert opened.requests == []
    opened.close()


def test_injected_markup_in_the_panel_runs_nothing(browser, tmp_path):
    graph = kg.KnowledgeGraph(Graph().parse(data=HOSTILE_GRAPH, format="turtle"))
    opened = Opened(browser, write_page(graph, tmp_path))
    opened.click_node(E + "evil")
    panel = opened.page.inner_text("#kg-panel")
    assert INJECTED_NAME in panel and "<script>window.__pwned=4</script>" in panel
    assert "<b onmouseover=window.__pwned=7>bold</b> claim" in panel
    assert "<iframe src=javascript:window.__pwned=8>" in panel
    opened.page.type("#kg-search-input", "script")
    opened.page.wait_for_selector("#kg-suggestions li", state="visible")
    with opened.page.expect_download() as svg:
        opened.page.click("#kg-svg")
    assert "<img" not in Path(svg.value.path()).read_text(encoding="utf-8")
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, b, a').length") == 0  # no Wikidata: no link
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert opened.errors == [] and opened.requests == []
    opened.close()


def test_a_big_page_opens_grouped_and_a_group_opens(browser, tmp_path):
    lines = ["@prefix ai: <https://example.org/kg/ontology#> .", "@prefix e: <https://example.org/kg/entity/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for block in range(6):  # six tight communities, loosely linked
        for i in range(40):
            n = block * 40 + i
            lines.append(f'e:n{n} a ai:Organization ; rdfs:label "Company {n}" ; '
                         f"ai:partnersWith e:n{block * 40 + (i + 1) % 40}, e:n{block * 40 + (i + 7) % 40} .")
        lines.append(f"e:n{block * 40} ai:partnersWith e:n{((block + 1) % 6) * 40} .")
    graph = kg.KnowledgeGraph(Graph().parse(data="\n".join(lines), format="turtle"))
    opened = Opened(browser, write_page(graph, tmp_path, max_nodes=200))
    groups = opened.page.evaluate("window.kgGroups.count()")
    assert groups >= 2
    cluster = opened.page.evaluate("Object.keys(window.kgNetwork.body.nodes).find(id => window.kgNetwork.isCluster(id))")
    opened.double_click_node(cluster)
    assert opened.page.evaluate("window.kgGroups.count()") == groups - 1
    opened.page.click("#kg-back")
    assert opened.page.evaluate("window.kgGroups.count()") == groups
    opened.page.fill("#kg-search-input", "Company 239")  # carried, not drawn: search brings it in
    opened.page.press("#kg-search-input", "Enter")
    assert opened.page.evaluate("window.kgNetwork.getSelectedNodes()") == [E + "n239"]
    assert opened.errors == [] and opened.requests == []
    opened.close()
