"""Markup to prose: Markdown and HTML become the plain text that extraction and evidence see.

Markdown is parsed (markdown-it-py), not stripped with patterns: emphasis, links, headings and
list markers go, their words stay, and each block becomes its own line, so that a heading or a
list item is its own sentence. HTML keeps the article's main text (trafilatura); a page that
trafilatura cannot read (too deeply nested for its parser, say) falls back to all of its text.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: HTML elements whose content is not prose
_NOT_PROSE = frozenset({"script", "style", "template", "noscript", "svg", "math", "head", "title", "iframe",
                        "object", "canvas", "select", "button", "nav", "footer", "form"})
#: HTML elements that end a line of text
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                     "section", "article", "header", "blockquote", "pre", "hr", "dd", "dt", "dl", "figcaption",
                     "main", "aside", "address", "td", "th"})


def markdown_text(markdown: str) -> tuple[str, str | None]:
    """The prose of a Markdown document, one block a paragraph, and its first heading."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    blocks: list[str] = []
    title: str | None = None
    in_heading = False
    for token in parser.parse(markdown):
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            line = _inline_text(token.children or [])
            if line:
                blocks.append(line)
                if in_heading and title is None:
                    title = line
        elif token.type == "html_block":
            line = " ".join(html_text(token.content).split())
            if line:
                blocks.append(line)
        # code blocks and fences are not prose: left out
    return "\n\n".join(blocks), title


def _inline_text(children) -> str:
    parts: list[str] = []
    for child in children:
        if child.type == "image":
            continue  # its alt text describes a picture; it states no news
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # tags inside a line (html_inline) are markup, not words
    return "\n".join(" ".join(line.split()) for line in "".join(parts).split("\n")).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _NOT_PROSE:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _NOT_PROSE:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    """All the prose of an HTML page or fragment, a line per block, without a depth limit."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def html_main_text(html: str) -> tuple[str, str | None]:
    """The article's main text and title, without navigation, ads and boilerplate."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                            favor_precision=True, with_metadata=True)
    if isinstance(extracted, dict):
        text, title = extracted.get("text") or "", extracted.get("title")
    elif extracted:
        text, title = getattr(extracted, "text", "") or "", getattr(extracted, "title", None)
    else:
        text, title = "", None
    if not text.strip():
        # lxml stops at 255 levels of nesting, and trafilatura then sees no article
        text = html_text(html)
    return text, title
