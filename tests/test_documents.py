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
    assert [(d.id, d.title) for d in docs] == [("a", "OpenAI Ships a Model"), ("b", "Meta News")]
    assert docs[1].source.endswith("b.md")


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
    assert [d.id for d in docs] == ["one", "docs-5"]
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
    ("latin1.txt", "Caf\xe9 in M\xfcnchen".encode("latin-1"), "not UTF-8"),
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
    assert "no .txt, .md, .html or .jsonl documents" in errors[1]


def test_a_bad_file_does_not_stop_the_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("Meta released Llama 3.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01")
    docs, errors = read([tmp_path])
    assert [d.id for d in docs] == ["good"] and len(errors) == 1


def test_errors_raise_by_default(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_documents([tmp_path / "missing.txt"]))


def test_document_objects_pass_through():
    docs, errors = read([Document(id="x", text="Nvidia grew."), Document(id="y", text="")])
    assert [d.id for d in docs] == ["x"] and "empty document" in errors[0]
