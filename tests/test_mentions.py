"""Which names are entities, and of which class: (text, expected mentions) tables."""

import pytest
from conftest import mentions_in


@pytest.mark.parametrize(("text", "expected"), [
    # names of models no gazetteer needs to know: the ontology's name prefixes and sizes
    ("OpenAI unveiled GPT-4o on Monday.", {("GPT-4o", "AIModel"), ("OpenAI", "Organization")}),
    ("The lab released Mixtral 8x22B under an open licence.", {("Mixtral 8x22B", "AIModel")}),
    ("Alibaba published Qwen2.5-72B last month.", {("Qwen2.5-72B", "AIModel")}),
    ("Reviewers preferred Claude 3 Opus to its rivals.", {("Claude 3 Opus", "AIModel")}),
    ("A small team trained Zephyr-7B in a week.", {("Zephyr-7B", "AIModel")}),
    # "Llama 3 and 4": the bare number continues the family
    ("Anthropic said it will ship Claude 4 and 5.", {("Claude 4", "AIModel"), ("Claude 5", "AIModel")}),
    # spellings of one model are one name
    ("Llama-2 and LLaMA 2 are the same model.", {("Llama 2", "AIModel")}),
    # a name the gazetteer knows keeps its class whatever NER thinks
    ("Qualcomm and Nvidia make chips.", {("Qualcomm", "Organization"), ("Nvidia", "Organization")}),
    # the noun around a new name gives its class
    ("Researchers built the Fathom benchmark to test reasoning.", {("Fathom", "Benchmark")}),
])
def test_mentions_found_and_typed(nlp, text, expected):
    assert expected <= mentions_in(nlp, text)


@pytest.mark.parametrize(("text", "not_expected"), [
    ("AI is changing how Paris works.", {"AI"}),
    ("Subscribe to our Newsletter\nThe company grew.", {"Newsletter", "Subscribe"}),
    ("Open weights are still rare in the field.", {"Open"}),
    # a bare family name is not a model unless the gazetteer says so
    ("The GPT approach spread quickly.", {"GPT"}),
])
def test_not_entities(nlp, text, not_expected):
    names = {name for name, _ in mentions_in(nlp, text)}
    assert not (names & not_expected)


def test_longer_organization_name_is_its_own_entity(nlp):
    names = mentions_in(nlp, "Scientists at Microsoft Research published a paper on Tuesday.")
    assert ("Microsoft Research", "Organization") in names
    assert ("Microsoft", "Organization") not in names


@pytest.mark.parametrize(("text", "reference", "antecedent"), [
    ("The Frontier Model Forum met in May. The Forum has four members.", "Forum", "Frontier Model Forum"),
    ("Hugging Face raised money on Monday. The company hires engineers.", "company", "Hugging Face"),
    ("Mistral AI grew fast. The Paris-based startup hires engineers.", "startup", "Mistral AI"),
    ("Sam Altman spoke first. Altman said little.", "Altman", "Sam Altman"),
])
def test_references_resolve(nlp, text, reference, antecedent):
    doc = nlp(text)
    assert any(m.text == reference and m.name == antecedent for m in doc._.kg_mentions)


def test_ambiguous_description_is_not_resolved(nlp):
    doc = nlp("The company said little.")
    assert not doc._.kg_mentions


def test_generic_capitals_never_become_names(nlp):
    names = {name for name, _ in mentions_in(nlp, "The AI model and the GPT approach beat the LLM baseline.")}
    assert not names & {"AI", "GPT", "LLM"}


@pytest.mark.parametrize(("text", "expected"), [
    # a document of one line is a sentence, full stop or not: its names count
    ("Jane Doe Joins Nimbus Research In Austin", {("Jane Doe", "Person"), ("Austin", "Place")}),
    ("President Ann Lee Met Prime Minister Bo Park In Lyon",
     {("Ann Lee", "Person"), ("Bo Park", "Person")}),
])
def test_a_one_line_document_is_no_headline(nlp, text, expected):
    assert expected <= mentions_in(nlp, text)


def test_a_title_case_line_above_a_body_is_a_headline(nlp):
    """Title case fools NER: a headline's names must come from elsewhere."""
    assert not mentions_in(nlp, "Jane Doe Joins Nimbus Research In Austin\n\nThe company said so.")


def _mention(start: int, cls: str, *, source: str, context_typed: bool = False):
    from kg.rdf.vocab import AI
    from kg.records import Mention

    return Mention(start=start, end=start + 1, start_char=start * 10, end_char=start * 10 + 9, text="Zephyr",
                   name="Zephyr", cls=AI[cls], source=source, confidence=0.85, context_typed=context_typed)


@pytest.mark.parametrize(("labels", "context", "expected"), [
    # the recognizer calls the name a person in every sentence; "72 Zephyr GPUs" once says otherwise
    (["Person"] * 6, "Product", "Product"),
    # its labels still tell its classes apart where no context speaks
    (["Organization"] * 3 + ["Person"], None, "Organization"),
    (["Person"] * 3 + ["Organization"], None, "Person"),
])
def test_the_recognizer_s_labels_of_one_name_never_outweigh_its_context(labels, context, expected):
    from kg.extract.mentions import unify_classes
    from kg.records import NER

    mentions = [_mention(i, cls, source=NER) for i, cls in enumerate(labels)]
    if context is not None:
        mentions.append(_mention(len(labels), context, source=NER, context_typed=True))
    assert {str(m.cls).rsplit("#", 1)[-1] for m in unify_classes(mentions)} == {expected}
