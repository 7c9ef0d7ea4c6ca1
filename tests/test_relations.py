"""Relations from sentences written for these tests: (text, expected triples) tables."""

import pytest
from conftest import relations_in


@pytest.mark.parametrize(("text", "expected"), [
    # verbs, active and passive
    ("Google released Gemma 2 to developers last week.", {("Google", "releases", "Gemma 2")}),
    ("Stable Diffusion 3 was released by Stability AI in June.", {("Stability AI", "releases", "Stable Diffusion 3")}),
    ("Google acquired DeepMind in 2014.", {("Google", "acquired", "Google DeepMind")}),
    # relative clauses
    ("The MBPP benchmark, which was created by Google, tests code generation.", {("Google", "created", "MBPP")}),
    ("Microsoft, which acquired GitHub in 2018, sells developer tools.", {("Microsoft", "acquired", "GitHub")}),
    # the subject of a governing verb
    ("Meta wants to build Llama 5 next year.", {("Meta", "develops", "Llama 5")}),
    # a participle clause, and a list read from the commas
    ("Meta, partnered with IBM, AMD and Oracle, launched the AI Alliance in December.",
     {("Meta", "partnersWith", "IBM"), ("Meta", "partnersWith", "AMD"),
      ("Meta", "partnersWith", "Oracle"), ("Meta", "founded", "AI Alliance")}),
    ("Amazon, Nvidia and Salesforce invested in Hugging Face.",
     {("Amazon", "investsIn", "Hugging Face"), ("Nvidia", "investsIn", "Hugging Face"),
      ("Salesforce", "investsIn", "Hugging Face")}),
    # titles: apposition, compound, possessive pronoun
    ("Satya Nadella, the chief executive of Microsoft, spoke first.", {("Satya Nadella", "worksFor", "Microsoft")}),
    ("Nvidia chief executive Jensen Huang gave the keynote.", {("Jensen Huang", "worksFor", "Nvidia")}),
    ("Mistral AI grew fast, said Arthur Mensch, its co-founder.", {("Arthur Mensch", "founded", "Mistral AI")}),
    ("Mistral AI grew fast, noted Arthur Mensch, its chief executive and co-founder.",
     {("Arthur Mensch", "founded", "Mistral AI"), ("Arthur Mensch", "worksFor", "Mistral AI")}),
    # a preposition alone
    ("Ilya Sutskever from OpenAI gave a talk.", {("Ilya Sutskever", "worksFor", "OpenAI")}),
    # possessives
    ("Meta's Llama 3 beat Google's Gemma on several tests.",
     {("Meta", "develops", "Llama 3"), ("Google", "develops", "Gemma"), ("Llama 3", "comparedWith", "Gemma")}),
    # "X-based"
    ("London-based Google DeepMind hired more staff.", {("Google DeepMind", "headquarteredIn", "London")}),
    # examples of a common noun
    ("Mistral AI has released several models, such as Mixtral 8x22B and Codestral 22B.",
     {("Mistral AI", "releases", "Mixtral 8x22B"), ("Mistral AI", "releases", "Codestral 22B")}),
    # a noun under a copula
    ("Samsung is a member of the Partnership on AI.", {("Samsung", "memberOf", "Partnership on AI")}),
    # the direct object and a prepositional object
    ("Researchers evaluated GPT-4o on GSM8K.", {("GPT-4o", "evaluatedOn", "GSM8K")}),
    # the range decides which relation a verb states
    ("Microsoft Copilot is powered by GPT-4.", {("Microsoft Copilot", "poweredBy", "GPT-4")}),
    ("Demis Hassabis co-founded DeepMind in London.", {("Demis Hassabis", "founded", "Google DeepMind")}),
])
def test_relations(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    # negation
    "Apple is not a member of the Frontier Model Forum.",
    "Google did not acquire Anthropic.",
    "Meta is not part of the Partnership on AI.",
    # a trigger with arguments outside its domain and range
    "OpenAI released a statement with Microsoft.",
    # no trigger at all
    "Sam Altman met Sundar Pichai in London.",
    # the relation is about someone else
    "Jason Clarke overheard it at a Meta event.",
])
def test_no_relation(nlp, text):
    assert relations_in(nlp, text) == set()


def test_every_relation_fits_domain_and_range(nlp, ontology):
    doc = nlp("Google released Gemma 2. Nvidia invested in Mistral AI. Sam Altman leads OpenAI. "
              "Meta's Llama 3 beat GPT-4 on MMLU.")
    accepted = [r for r in doc._.kg_relations if r.rejected is None]
    assert accepted
    for relation in accepted:
        spec = ontology.relations[relation.relation]
        assert ontology.fits(spec, relation.subject.cls, relation.object.cls)


def test_rejected_candidates_say_why(nlp):
    doc = nlp("Google did not acquire Anthropic. OpenAI released a statement with Microsoft.")
    reasons = {r.rejected for r in doc._.kg_relations}
    assert "negated" in reasons


def test_confidence_is_a_probability(nlp):
    doc = nlp("Google released Gemma 2. Satya Nadella, the chief executive of Microsoft, spoke.")
    found = {(r.subject.name, r.relation.rsplit("#", 1)[-1], r.object.name): r.confidence
             for r in doc._.kg_relations if r.rejected is None}
    assert set(found) >= {("Google", "releases", "Gemma 2"), ("Satya Nadella", "worksFor", "Microsoft")}
    assert all(0.0 < c <= 1.0 for c in found.values())
