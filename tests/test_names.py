import re

import pytest

from kg.names import clean_surface, name_key, slug


@pytest.mark.parametrize(("a", "b"), [
    ("Llama 2", "Llama-2"),
    ("Llama 2", "LLaMA 2"),
    ("Llama 2", "Llama2"),
    ("GPT-4o", "GPT 4o"),
    ("Clément Delangue", "Clement Delangue"),
    ("OpenAI", "OpenAI's"),
    ("OpenAI", "OpenAI’s"),
    ("the White House", "White House"),
    ("Meta  Platforms", "Meta\nPlatforms"),
])
def test_same_entity_same_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Llama 2", "Llama 3"),
    ("GPT-4", "GPT-4o"),
    ("Qwen2.5-72B", "Qwen2.5-7B"),
    ("Meta", "Meta AI"),
])
def test_different_entities_different_keys(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize("text", [
    'Robert"); DROP TABLE',
    "<script>alert(1)</script>",
    "a b\tc\nd",
    "x\x00y\x1bz",
    "日本語モデル",
    "Zürich AI 🚀",
    "../../etc/passwd",
    "#frag?q=1&x=%20",
    "",
])
def test_slug_is_a_safe_iri_segment(text):
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug(text))


def test_slug_is_stable_and_distinguishes_scripts():
    assert slug("Llama 2") == "llama-2" == slug("LLaMA-2")
    assert slug("日本語モデル") == slug("日本語モデル")
    assert slug("日本語モデル") != slug("中文模型")


@pytest.mark.parametrize(("text", "expected"), [
    ("Meta’s", "Meta"),
    ("  Hugging   Face ", "Hugging Face"),
    ("OpenAI's", "OpenAI"),
])
def test_clean_surface(text, expected):
    assert clean_surface(text) == expected
