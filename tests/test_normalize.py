import pytest

from kg.encoding import decode
from kg.errors import InputError
from kg.markup import html_text, markdown_text
from kg.normalize import normalize_text, printable


@pytest.mark.parametrize(("text", "expected"), [
    ("Llama\u00a02", "Llama 2"),
    ("Llama\u202f2", "Llama 2"),
    ("Mis\u00adtral", "Mistral"),
    ("Open\u200bAI", "OpenAI"),
    ("Open\u2060AI\ufeff", "OpenAI"),
    ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),
    ("x\x00y\x07z\x7f", "xyz"),
    ("red \x1b[31mtext\x1b[0m", "red text"),
    ("title\x1b]0;owned\x07 here", "title here"),
    ("e\u0301", "\u00e9"),
    ("\u202eevil", "evil"),
    ("tab\tand\nline", "tab\tand\nline"),
])
def test_normalize_text(text, expected):
    assert normalize_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("bell\x07", "bell\\x07"),
    ("rtl\u202e", "rtl\\u202e"),
    ("plain Zürich", "plain Zürich"),
])
def test_printable(text, expected):
    assert printable(text) == expected


@pytest.mark.parametrize(("raw", "encoding", "guessed"), [
    ("Zürich".encode("utf-8"), "utf-8", False),
    ("\ufeffZürich".encode("utf-8"), "utf-8-sig", False),
    ("Meta released Llama 2 in Zürich.".encode("utf-16"), "utf-16", False),
    ("François Chollet works for Google in Zürich.".encode("latin-1"), "cp1252", True),
    ("Meta released Llama 2 to all developers today.".encode("utf-16-le"), "utf_16_le", True),
])
def test_decode(raw, encoding, guessed):
    decoded = decode(raw)
    assert (decoded.encoding, decoded.guessed) == (encoding, guessed)
    assert "Zürich" in decoded.text or "Llama 2" in decoded.text


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", b"\x00" * 100, bytes(range(256)) * 4])
def test_binary_is_no_text(raw):
    with pytest.raises(InputError, match="binary"):
        decode(raw)


@pytest.mark.parametrize(("markdown", "text", "title"), [
    ("# Big **news**\n\nMeta *released* [Llama 2](http://x).", "Big news\n\nMeta released Llama 2.", "Big news"),
    ("Line one\ncontinues here.", "Line one continues here.", None),
    ("- Meta released Llama 2.\n- Google released Gemma.", "Meta released Llama 2.\n\nGoogle released Gemma.", None),
    ("Text.\n\n```\ncode = 1\n```\n\n<div>Tag <b>words</b></div>", "Text.\n\nTag words", None),
    ("| a | b |\n|---|---|\n| Meta | Llama |", "a\n\nb\n\nMeta\n\nLlama", None),
    ("![a picture](x.png) OpenAI released GPT-4o.", "OpenAI released GPT-4o.", None),
])
def test_markdown_text(markdown, text, title):
    assert markdown_text(markdown) == (text, title)


def test_html_text_has_no_depth_limit_and_skips_scripts():
    html = "<div>" * 1000 + "<p>Meta released Llama 2.</p><script>alert(1)</script>" + "</div>" * 1000
    assert html_text(html) == "Meta released Llama 2."
