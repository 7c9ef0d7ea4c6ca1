"""Reading documents: plain text, Markdown, HTML (main text only), JSON Lines, RSS and Atom
feeds, web pages by URL, and standard input.

Every document's text is normalised on the way in (``normalize.normalize_text``). Its id is
unique within a build and stable between builds: the path relative to the folder it was found
in (``2024/article.txt``), the file's name when the file was given itself, the record's ``id``
in JSON Lines, the URL of a page or of a feed item. Two inputs that would share an id are an
error, never a silent drop.

A bad input among good ones is reported through ``on_error`` and skipped; the caller decides
whether anything was left to build. A document longer than ``SECTION_CHARS`` is split into
sections at paragraph breaks, each a document of its own (``report.txt#2``), so that cost and
memory stay bounded whatever the length.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .encoding import decode
from .errors import InputError, NoDocumentsError
from .markup import html_main_text, markdown_text
from .normalize import normalize_text

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
STDIN = "-"
#: the most bytes kg reads from one input (file, page, feed, standard input)
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: longer documents are split into sections of at most this many characters
SECTION_CHARS = 100_000

ErrorHandler = Callable[[InputError], None]
NoteHandler = Callable[[str], None]


class DuplicateDocumentError(InputError):
    """Two inputs would be one document: one of them would be lost."""


@dataclass(frozen=True)
class Document:
    """One text to extract from. ``id`` is unique within a build and names it in the graph."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None  # the path or URL it came from


def _raise(error: InputError) -> None:
    raise error


def _ignore(note: str) -> None:
    pass


def read_documents(sources: Iterable[str | Path | Document], *,
                   on_error: ErrorHandler = _raise, on_note: NoteHandler = _ignore) -> Iterator[Document]:
    """Yield the documents behind paths (files, folders read recursively, ``-``), URLs and
    ``Document`` objects, normalised and split into sections where long.

    Raises ``DuplicateDocumentError`` when two inputs would share an id."""
    seen: dict[str, str] = {}  # id -> where it came from
    files_read: set[str] = set()
    for source in sources:
        for doc in _expand(source, files_read, on_error, on_note):
            for section in _sections(doc, on_note):
                where = section.source or section.id
                if section.id in seen:
                    raise DuplicateDocumentError(
                        f"{where}: document id {section.id!r} is also the id of {seen[section.id]} "
                        f"(give documents distinct ids or file names)")
                seen[section.id] = where
                yield section


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _expand(source: str | Path | Document, files_read: set[str], on_error: ErrorHandler,
            on_note: NoteHandler) -> Iterator[Document]:
    if isinstance(source, Document):
        text = normalize_text(source.text)
        if text.strip():
            yield replace(source, text=text)
        else:
            on_error(InputError(f"{source.id}: empty document"))
        return
    if str(source) == STDIN:
        yield from _read_stdin(on_error, on_note)
        return
    if isinstance(source, str) and _is_url(source):
        from .fetch import read_url

        yield from read_url(source, on_error=on_error, on_note=on_note)
        return
    path = Path(source)
    if not path.exists():
        on_error(InputError(f"{path}: no such file or directory"))
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            on_error(InputError(f"{path}: no .txt, .md, .html, .jsonl, .rss or .atom documents in this directory"))
        for file in files:
            if _first_reading(file, files_read, on_note):
                yield from _read_file(file, file.relative_to(path).as_posix(), on_error, on_note)
    elif _first_reading(path, files_read, on_note):
        yield from _read_file(path, path.name or str(path), on_error, on_note)


def _first_reading(path: Path, files_read: set[str], on_note: NoteHandler) -> bool:
    key = os.path.realpath(path)
    if key in files_read:
        on_note(f"{path}: given twice, read once")
        return False
    files_read.add(key)
    return True


def read_bounded(path: Path) -> bytes:
    """A file's bytes, refusing devices and anything over ``MAX_INPUT_BYTES``."""
    mode = path.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise InputError(f"{path}: not a regular file")
    with path.open("rb") as handle:
        raw = handle.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"{path}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB, the most kg reads from one file")
    return raw


def _read_file(path: Path, doc_id: str, on_error: ErrorHandler, on_note: NoteHandler) -> Iterator[Document]:
    try:
        raw = read_bounded(path)
    except InputError as exc:
        on_error(exc)
        return
    except OSError as exc:
        on_error(InputError(f"{path}: cannot read: {exc.strerror or exc}"))
        return
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        from .fetch import feed_documents

        yield from feed_documents(raw, str(path), on_error=on_error, on_note=on_note)
        return
    try:
        decoded = decode(raw)
    except InputError as exc:
        on_error(InputError(f"{path}: {exc}"))
        return
    if decoded.note:
        on_note(f"{path}: {decoded.note}")
    if suffix in JSONL_SUFFIXES:
        yield from _parse_jsonl(decoded.text, str(path), doc_id, on_error)
        return
    document = parse_document(decoded.text, doc_id=doc_id, source=str(path), kind=_kind(suffix))
    if document is None:
        on_error(InputError(f"{path}: empty document"))
    else:
        yield document


def _kind(suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def parse_document(text: str, *, doc_id: str, source: str | None, kind: str = "text",
                   title: str | None = None) -> Document | None:
    """A document from its text in one of the kinds kg reads (``text``, ``markdown``,
    ``html``), normalised; None when no prose is left."""
    found_title = None
    if kind == "html":
        text, found_title = html_main_text(text)
    elif kind == "markdown":
        text, found_title = markdown_text(text)
    text = normalize_text(text)
    if not text.strip():
        return None
    title = normalize_text(title or found_title or first_line_title(text) or "") or None
    return Document(id=doc_id, text=text, title=title, source=source)


def _read_stdin(on_error: ErrorHandler, on_note: NoteHandler) -> Iterator[Document]:
    raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        on_error(InputError(f"standard input: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB"))
        return
    try:
        decoded = decode(raw)
    except InputError as exc:
        on_error(InputError(f"standard input: {exc}"))
        return
    if decoded.note:
        on_note(f"standard input: {decoded.note}")
    if _looks_like_jsonl(decoded.text):
        yield from _parse_jsonl(decoded.text, "standard input", "stdin", on_error)
        return
    document = parse_document(decoded.text, doc_id="stdin", source="stdin")
    if document is None:
        on_error(InputError("standard input: empty document"))
    else:
        yield document


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def _parse_jsonl(text: str, name: str, file_id: str, on_error: ErrorHandler) -> Iterator[Document]:
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
        doc_id = normalize_text(str(record.get("id") or "").strip()) or f"{file_id}#{number}"
        title = record.get("title")
        document = parse_document(record["text"], doc_id=doc_id, title=str(title) if title else None,
                                  source=str(record.get("url") or record.get("source") or name))
        if document is None:
            on_error(InputError(f"{where}: empty document"))
            continue
        yield document
        found = True
    if not found and text.strip() == "":
        on_error(InputError(f"{name}: empty document"))


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:200]
    return None


def _sections(document: Document, on_note: NoteHandler) -> Iterator[Document]:
    if len(document.text) <= SECTION_CHARS:
        yield document
        return
    parts = list(split_sections(document.text, SECTION_CHARS))
    on_note(f"{document.source or document.id}: {len(document.text):,} characters, read as {len(parts)} sections")
    for number, part in enumerate(parts, start=1):
        yield replace(document, id=f"{document.id}#{number}", text=part)


def split_sections(text: str, limit: int) -> Iterator[str]:
    """The text in pieces of at most ``limit`` characters, cut at the last paragraph break,
    else line break, else sentence end, else space before the limit."""
    while len(text) > limit:
        window = text[:limit]
        cut = limit  # no break in the second half of the window: cut inside a word
        for mark in ("\n\n", "\n", ". ", " "):
            found = window.rfind(mark)
            if found >= 0 and found + len(mark) > limit // 2:
                cut = found + len(mark)
                break
        piece, text = text[:cut], text[cut:]
        if piece.strip():
            yield piece
    if text.strip():
        yield text


def require_documents(documents: list[Document]) -> list[Document]:
    if not documents:
        raise NoDocumentsError("no readable documents to build from")
    return documents
