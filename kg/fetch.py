"""Documents from the web: a page by its URL, and RSS or Atom feeds, each item a document.

Fetching is bounded: only ``http`` and ``https`` (redirects too), a timeout, and at most
``MAX_INPUT_BYTES`` a response. Feeds are XML from anywhere: one that declares entities is
refused before it is parsed, so that no entity expansion can exhaust memory or time.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

from . import __version__
from .documents import (
    MAX_INPUT_BYTES,
    Document,
    ErrorHandler,
    NoteHandler,
    parse_document,
)
from .encoding import decode
from .errors import InputError
from .markup import html_text
from .xmlsafety import refuse_entity_declarations

#: seconds to wait for a server before giving up on a URL
FETCH_TIMEOUT = 20.0
USER_AGENT = f"kg/{__version__} (knowledge-graph builder)"


@dataclass(frozen=True)
class Response:
    url: str
    body: bytes
    content_type: str
    charset: str | None


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise InputError(f"{req.full_url}: redirected to {newurl[:100]}, which is not an http(s) address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_INPUT_BYTES) -> Response:
    """The body of a web address, or an InputError in one line."""
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url}: kg fetches http and https addresses only")
    opener = urllib.request.build_opener(_WebOnlyRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            content_type = response.headers.get_content_type() or ""
            charset = response.headers.get_content_charset()
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: cannot fetch: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise InputError(f"{url}: cannot fetch: {getattr(exc, 'strerror', None) or exc or 'timed out'}") from None
    except ValueError as exc:
        raise InputError(f"{url}: not a valid address ({exc})") from None
    if len(body) > max_bytes:
        raise InputError(f"{url}: larger than {max_bytes // (1024 * 1024)} MiB, the most kg reads from one page")
    return Response(url=final, body=body, content_type=content_type.lower(), charset=charset)


def _text_of(response: Response) -> str:
    if response.charset:
        try:
            return response.body.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong label: guess as for a file
    return decode(response.body).text


def is_feed(body: bytes, content_type: str = "") -> bool:
    if "rss" in content_type or "atom" in content_type:
        return True
    head = body[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def read_url(url: str, *, on_error: ErrorHandler, on_note: NoteHandler) -> Iterator[Document]:
    """The document at a URL: a page's main text, or every item of a feed."""
    try:
        response = fetch(url)
        if is_feed(response.body, response.content_type):
            yield from feed_documents(response.body, url, on_error=on_error, on_note=on_note, follow_links=True)
            return
        text = _text_of(response)
    except InputError as exc:
        on_error(exc)
        return
    kind = "html" if "html" in response.content_type or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")) \
        else "markdown" if "markdown" in response.content_type else "text"
    document = parse_document(text, doc_id=url, source=response.url, kind=kind)
    if document is None:
        on_error(InputError(f"{url}: no article text on this page"))
    else:
        yield document


def feed_documents(body: bytes, source: str, *, on_error: ErrorHandler, on_note: NoteHandler,
                   follow_links: bool = False) -> Iterator[Document]:
    """A document for each item of an RSS or Atom feed, its link the source. An item with no
    text of its own is fetched from its link when ``follow_links`` (a feed read from the web)."""
    import feedparser  # only feeds need it

    try:
        refuse_entity_declarations(body)
    except InputError as exc:
        on_error(InputError(f"{source}: {exc}"))
        return
    feed = feedparser.parse(body)
    if not feed.entries:
        reason = "no items" if not feed.get("bozo") else "not an RSS or Atom feed"
        on_error(InputError(f"{source}: {reason}"))
        return
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link") or ""
        doc_id = link or entry.get("id") or f"{source}#{number}"
        html = entry["content"][0].get("value", "") if entry.get("content") else entry.get("summary", "")
        document = parse_document(html_text(html), doc_id=doc_id, source=link or source,
                                  title=entry.get("title") or None)
        if document is None and follow_links and link.startswith(("http://", "https://")):
            try:
                response = fetch(link)
                document = parse_document(_text_of(response), doc_id=doc_id, source=link, kind="html",
                                          title=entry.get("title") or None)
            except InputError as exc:
                on_error(exc)
                continue
        if document is None:
            on_error(InputError(f"{source}, item {number}: no text"))
            continue
        yield document
