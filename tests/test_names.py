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


@pytest.mark.parametrize(("name", "expected"), [
    ("GPT-4o", "gpt-4o"),
    ("GPT 4o", "gpt-4o"),
    ("Mixtral 8x7B", "mixtral-8x7b"),
    ("Mixtral-8x7B", "mixtral-8x7b"),
    ("DeepSeek-R1", "deepseek-r1"),
    ("DeepSeek V3", "deepseek-v3"),
    ("o1", "o1"),
    ("Llama 2", "llama-2"),
    ("Llama2", "llama-2"),
    ("Llama 3 70B", "llama-3-70b"),
    ("Claude 3.5 Sonnet", "claude-3-5-sonnet"),
    ("Qwen2.5-72B", "qwen-2-5-72b"),
    ("GSM8K", "gsm-8k"),
    ("H100", "h100"),
    ("Phi-3-mini", "phi-3-mini"),
    ("Hugging Face", "hugging-face"),
])
def test_slug_reads_versions_as_people_write_them(name, expected):
    assert slug(name) == expected


@pytest.mark.parametrize(("a", "b"), [("GPT-4o", "GPT-4-o"), ("Mixtral 8x7B", "Mixtral 8 x 7 B")])
def test_slug_is_a_function_of_the_key(a, b):
    assert name_key(a) == name_key(b) and slug(a) == slug(b)


@pytest.mark.parametrize(("a", "b"), [("Llama 2", "Llama2 x"), ("A 100", "A100 B"), ("gsm 8 k", "gsm 8 kk"),
                                      ("8x7b", "8 x7 b c")])
def test_different_keys_never_share_a_slug(a, b):
    assert name_key(a) != name_key(b) and slug(a) != slug(b)
