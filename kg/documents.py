"""Reading documents: plain text, Markdown, HTML (main text only), JSON Lines, standard input.

A bad input among good ones is reported through ``on_error`` and skipped; the caller decides
whether anything was left to build.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, NoDocumentsError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"

ErrorHandler = Callable[[InputError], None]


@dataclass(frozen=True)
class Document:
    """One text to extract from. ``id`` is unique within a build and names it in the graph."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None  # the path or URL it came from


def _raise(error: InputError) -> None:
    raise error


def read_documents(sources: Iterable[str | Path | Document], *,
                   on_error: ErrorHandler = _raise) -> Iterator[Document]:
    """Yield the documents behind paths (files, folders read recursively, ``-``)."""
    seen_ids: set[str] = set()
    for source in sources:
        for doc in _expand(source, on_error):
            if doc.id in seen_ids:
                on_error(InputError(f"{doc.source or doc.id}: duplicate document id {doc.id!r}, skipped"))
                continue
            seen_ids.add(doc.id)
            yield doc


def _expand(source: str | Path | Document, on_error: ErrorHandler) -> Iterator[Document]:
    if isinstance(source, Document):
        if source.text.strip():
            yield source
        else:
            on_error(InputError(f"{source.id}: empty document"))
        return
    if str(source) == STDIN:
        yield from _read_stdin(on_error)
        return
    path = Path(source)
    if not path.exists():
        on_error(InputError(f"{path}: no such file or directory"))
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            on_error(InputError(f"{path}: no .txt, .md, .html or .jsonl documents in this directory"))
        for file in files:
            yield from _read_file(file, on_error)
    else:
        yield from _read_file(path, on_error)


def _read_file(path: Path, on_error: ErrorHandler) -> Iterator[Document]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        on_error(InputError(f"{path}: cannot read: {exc.strerror or exc}"))
        return
    try:
        text = decode(raw)
    except InputError as exc:
        on_error(InputError(f"{path}: {exc}"))
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _parse_jsonl(text, str(path), on_error)
        return
    if suffix in HTML_SUFFIXES:
        text, title = html_main_text(text)
    else:
        title = None
    if not text.strip():
        on_error(InputError(f"{path}: empty document"))
        return
    yield Document(id=path.stem if path.stem else str(path), text=text,
                   title=title or first_line_title(text), source=str(path))


def decode(raw: bytes) -> str:
    """UTF-8 text, or an InputError saying why the bytes are not a text document."""
    if b"\x00" in raw[:8192]:
        raise InputError("binary file, not a text document")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    return text


def _read_stdin(on_error: ErrorHandler) -> Iterator[Document]:
    raw = sys.stdin.buffer.read()
    try:
        text = decode(raw)
    except InputError as exc:
        on_error(InputError(f"standard input: {exc}"))
        return
    if _looks_like_jsonl(text):
        yield from _parse_jsonl(text, "standard input", on_error)
    elif text.strip():
        yield Document(id="stdin", text=text, title=first_line_title(text), source="stdin")
    else:
        on_error(InputError("standard input: empty document"))


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _parse_jsonl(text: str, name: str, on_error: ErrorHandler) -> Iterator[Document]:
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}, line {number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            on_error(InputError(f"{where}: not valid JSON ({exc.msg})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            on_error(InputError(f"{where}: expected an object with a \"text\" string"))
            continue
        if not record["text"].strip():
            on_error(InputError(f"{where}: empty document"))
            continue
        doc_id = str(record.get("id") or f"{Path(name).stem}-{number}")
        title = record.get("title")
        yield Document(id=doc_id, text=record["text"],
                       title=str(title) if title else first_line_title(record["text"]),
                       source=str(record.get("url") or record.get("source") or name))
        found = True
    if not found and text.strip() == "":
        on_error(InputError(f"{name}: empty document"))


def html_main_text(html: str) -> tuple[str, str | None]:
    """The article's main text and title, without navigation, ads and boilerplate."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            favor_precision=True, with_metadata=True)
    if not extracted:
        return "", None
    if isinstance(extracted, dict):
        text, title = extracted.get("text") or "", extracted.get("title")
    else:
        text, title = getattr(extracted, "text", "") or "", getattr(extracted, "title", None)
    return text, title


_MARKDOWN_HEADING = re.compile(r"^\s*#+\s*")


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = _MARKDOWN_HEADING.sub("", line).strip()
        if line:
            return line[:200]
    return None


def require_documents(documents: list[Document]) -> list[Document]:
    if not documents:
        raise NoDocumentsError("no readable documents to build from")
    return documents
