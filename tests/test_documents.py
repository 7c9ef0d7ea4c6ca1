import io
import json
import sys

import pytest

from kg.documents import Document, read_documents
from kg.errors import InputError


def read(sources):
    errors = []
    docs = list(read_documents(sources, on_error=errors.append))
    return docs, [str(e) for e in errors]


def test_text_markdown_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text("OpenAI Ships a Model\nOpenAI released GPT-4o.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("# Meta News\n\nMeta released Llama 3.", encoding="utf-8")
    (sub / "ignored.csv").write_text("x,y", encoding="utf-8")
    docs, errors = read([tmp_path])
    assert errors == []
    # ids are paths relative to the folder given, so files in different folders never collide
    assert [(d.id, d.title) for d in docs] == [("a.txt", "OpenAI Ships a Model"), ("sub/b.md", "Meta News")]
    assert docs[1].source.endswith("b.md")
    assert docs[1].text == "Meta News\n\nMeta released Llama 3."  # Markdown rendered, not kept


def test_html_keeps_the_article_and_drops_the_boilerplate(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Nvidia Invests</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/s'>Subscribe to our newsletter</a></nav>"
        "<article><h1>Nvidia Invests</h1><p>Nvidia invested in Mistral AI on Tuesday, the company said. "
        "The investment is part of a larger funding round for the Paris startup.</p></article>"
        "<footer>Copyright Example Media. Download our app.</footer></body></html>", encoding="utf-8")
    docs, errors = read([page])
    assert errors == []
    assert "Nvidia invested in Mistral AI" in docs[0].text
    assert "Download our app" not in docs[0].text
    assert docs[0].title == "Nvidia Invests"


def test_jsonl_lines_are_documents_and_bad_lines_are_reported(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "one", "text": "Google released Gemma.", "url": "https://news.example/1"}),
        "{not json",
        json.dumps({"id": "two", "text": "   "}),
        json.dumps({"id": "three", "body": "no text field"}),
        json.dumps({"text": "Intel invested in a startup."}),
    ]), encoding="utf-8")
    docs, errors = read([path])
    assert [d.id for d in docs] == ["one", "docs.jsonl#5"]
    assert docs[0].source == "https://news.example/1"
    assert len(errors) == 3
    assert all("docs.jsonl, line" in e for e in errors)


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Meta released Llama 3.".encode())))
    docs, errors = read(["-"])
    assert errors == [] and docs[0].id == "stdin" and docs[0].text == "Meta released Llama 3."


def test_standard_input_as_jsonl(monkeypatch):
    lines = "\n".join(json.dumps({"id": f"d{i}", "text": f"Text {i}."}) for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    docs, _ = read(["-"])
    assert [d.id for d in docs] == ["d0", "d1", "d2"]


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
    ("zero.txt", b"\x00" * 20000, "binary file"),
    ("empty.txt", b"   \n\n", "empty document"),
])
def test_bad_files_are_reported_with_their_name(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    docs, errors = read([path])
    assert docs == []
    assert len(errors) == 1 and errors[0].startswith(str(path)) and problem in errors[0]


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    docs, errors = read([tmp_path / "nope.txt", tmp_path / "empty"])
    assert docs == []
    assert "no such file or directory" in errors[0]
    assert "no .txt, .md, .html, .jsonl, .rss or .atom documents" in errors[1]


def test_a_bad_file_does_not_stop_the_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("Meta released Llama 3.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    docs, errors = read([tmp_path])
    assert [d.id for d in docs] == ["good.txt"] and len(errors) == 1


def test_errors_raise_by_default(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_documents([tmp_path / "missing.txt"]))


def test_document_objects_pass_through():
    docs, errors = read([Document(id="x", text="Nvidia grew."), Document(id="y", text="")])
    assert [d.id for d in docs] == ["x"] and "empty document" in errors[0]


def test_ids_are_unique_and_say_where_a_document_came_from(tmp_path):
    for path in ("a/article.txt", "b/article.txt", "news.md", "news.txt"):
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_text("Meta released Llama 3.", encoding="utf-8")
    docs, errors = read([tmp_path, tmp_path / "news.md"])  # a file given twice is read once
    assert errors == [] and [d.id for d in docs] == ["a/article.txt", "b/article.txt", "news.md", "news.txt"]


def test_two_inputs_with_one_id_are_an_error(tmp_path):
    from kg.documents import DuplicateDocumentError

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in "ab":
        (tmp_path / folder / "x.txt").write_text("Meta released Llama 3.", encoding="utf-8")
    with pytest.raises(DuplicateDocumentError, match="'x.txt'"):
        read([tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt"])
    with pytest.raises(DuplicateDocumentError, match="'same'"):
        read([Document(id="same", text="One."), Document(id="same", text="Two.")])


@pytest.mark.parametrize(("text", "limit", "pieces"), [
    ("aaaa\n\nbbbb\n\ncccc", 10, ["aaaa\n\n", "bbbb\n\ncccc"]),
    ("one two three four five", 10, ["one two ", "three ", "four five"]),
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("short", 10, ["short"]),
])
def test_split_sections(text, limit, pieces):
    from kg.documents import split_sections

    assert list(split_sections(text, limit)) == pieces


def test_text_is_normalised_on_the_way_in(tmp_path):
    (tmp_path / "n.txt").write_text("Meta\u00a0released Llama\u00a02.\r\nIt\u200b ships.\x00", encoding="utf-8")
    docs, _ = read([tmp_path / "n.txt"])
    assert docs[0].text == "Meta released Llama 2.\nIt ships."
    docs, _ = read([Document(id="d", text="Open\u00adAI grew.")])
    assert docs[0].text == "OpenAI grew."
