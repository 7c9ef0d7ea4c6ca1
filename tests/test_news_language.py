"""The way journalists write, case by case: sentences written for these tests.

Each group follows one item of the extraction-quality issue; every table has sentences that
must give nothing, because a relation the text does not state is worse than a missing one.
"""

import pytest
from conftest import mentions_in, relations_in


def assert_names(nlp, text: str, wanted: set[tuple[str, str]], unwanted: set[tuple[str, str]]) -> None:
    """The text's mentions include every (name, class) wanted and none unwanted."""
    found = mentions_in(nlp, text)
    assert wanted <= found, found
    assert not found & unwanted, found

# -- entities ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    ("The AI boom lifted Nvidia shares again.", {("Nvidia", "Organization")}, {"AI"}),
    ("GPT-4 wrote most of the essay, the teacher said.", {("GPT-4", "AIModel")}, set()),
    ("LLaMA leaked online a week after its debut.", {("LLaMA", "AIModel")}, set()),
    ("Shares of Meta Platforms Inc. META rose 3% on Friday.", {("Meta", "Organization")}, {"META"}),
    ("Nvidia (NASDAQ: NVDA) beat forecasts.", {("Nvidia", "Organization")}, {"NVDA"}),
    ("Google Unveils a New Chip\n\nPichai Said The Chip Was Fast\nAlphabet shares rose.",
     {("Alphabet", "Organization")}, {"Google Unveils", "Pichai Said The Chip Was Fast"}),
    # a known name with a word hyphened on is another name ("Falcon" is a family)
    ("Kestrel runs on Tern's own vision model, Falcon-V, which the startup released in March.",
     {("Falcon-V", "AIModel")}, {"Falcon"}),
])
def test_entity_language(nlp, text, wanted, unwanted):
    found = mentions_in(nlp, text)
    assert wanted <= found
    assert not {name for name, _ in found} & unwanted
    assert all("\n" not in name for name, _ in found)


def test_short_and_long_company_names_are_one_entity():
    import kg
    from kg import Document

    graph = kg.build([Document(id="a", text="Meta Platforms reported higher sales. Meta said ads grew.")])
    stats = graph.stats()
    assert stats.entities == {"Organization": 1}


# -- coordination and lists ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("IBM, partnered with Intel, Dell, and Sony, launched the AI Alliance last winter.",
     {("IBM", "founded", "AI Alliance"), ("IBM", "partnersWith", "Intel"),
      ("IBM", "partnersWith", "Dell"), ("IBM", "partnersWith", "Sony")}),
    ("Cohere raised $500 million in a round led by Inovia Capital. Nvidia, Salesforce, Oracle and Cisco also "
     "invested.",
     {("Inovia Capital", "investsIn", "Cohere"), ("Nvidia", "investsIn", "Cohere"),
      ("Salesforce", "investsIn", "Cohere"), ("Oracle", "investsIn", "Cohere"), ("Cisco", "investsIn", "Cohere")}),
    ("Perplexity said it had closed a $73 million funding round. SoftBank and Nvidia joined the round, "
     "as did Jeff Bezos.",
     {("SoftBank", "investsIn", "Perplexity"), ("Nvidia", "investsIn", "Perplexity"),
      ("Jeff Bezos", "investsIn", "Perplexity")}),
    ("xAI has raised $6 billion in a Series B round. Andreessen Horowitz, Sequoia Capital and Fidelity were "
     "among the backers.",
     {("Andreessen Horowitz", "investsIn", "xAI"), ("Sequoia Capital", "investsIn", "xAI"),
      ("Fidelity", "investsIn", "xAI")}),
    ("Anthropic closed a new funding round on Monday. Its backers include Amazon and Google.",
     {("Amazon", "investsIn", "Anthropic"), ("Google", "investsIn", "Anthropic")}),
    ("Mistral AI secured new funding, with participation from Microsoft and Salesforce.",
     {("Microsoft", "investsIn", "Mistral AI"), ("Salesforce", "investsIn", "Mistral AI")}),
])
def test_lists(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    # an investment with no round told of: nobody to have invested in
    "Nvidia, Salesforce and Oracle also invested.",
    # a round, but the participants are named as rivals, not investors
    "Cohere raised $500 million. Google and Meta compete with it.",
])
def test_lists_give_nothing_unstated(nlp, text):
    assert not {t for t in relations_in(nlp, text) if t[1] == "investsIn"}


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause inside a list is about the name before it; the members of a list are
    # never each other's arguments
    ("The deal was signed by Meta, which acquired Scale AI, and Google and Amazon.", {("Meta", "acquired", "Scale AI")}),
    ("Google and Amazon, which both backed Anthropic, declined to comment.",
     {("Google", "investsIn", "Anthropic"), ("Amazon", "investsIn", "Anthropic")}),
    ("Meta, Google and Amazon signed the pledge.", set()),
])
def test_list_members_are_not_each_other_s_arguments(nlp, text, expected):
    assert relations_in(nlp, text) == expected


# -- appositions and titles ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Demis Hassabis, the Google DeepMind chief, disagreed.", {("Demis Hassabis", "worksFor", "Google DeepMind")}),
    ('"We are ready," said Lisa Su, the chief executive of AMD.', {("Lisa Su", "worksFor", "AMD")}),
    ("Hugging Face's co-founder and CEO Clement Delangue spoke on Monday.",
     {("Clement Delangue", "worksFor", "Hugging Face")}),
    ("Kevin Scott, chief technology officer at Microsoft, agreed.", {("Kevin Scott", "worksFor", "Microsoft")}),
    ("Anthropic named Mike Krieger as its chief product officer.", {("Mike Krieger", "worksFor", "Anthropic")}),
])
def test_titles(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "person", "organization"), [
    # a name before a title before a name is where the person works, never a person itself
    ("Acme Robotics researcher Jane Doe said the model works.", "Jane Doe", "Acme Robotics"),
    ("Nimbus spokesman Bo Park declined to comment.", "Bo Park", "Nimbus"),
    ("The report was written by Acme Robotics engineer Jane Doe.", "Jane Doe", "Acme Robotics"),
])
def test_an_organization_before_a_title_is_the_employer(nlp, text, person, organization):
    assert {(person, "Person"), (organization, "Organization")} <= mentions_in(nlp, text)
    assert (person, "worksFor", organization) in relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    "Former Acme Robotics researcher Jane Doe now teaches.",  # a former role states nothing now
    "The Fathom benchmark researchers published a paper.",  # no name after the title
])
def test_a_title_before_a_name_states_no_more(nlp, text):
    assert not {r for r in relations_in(nlp, text) if r[1] == "worksFor"}


@pytest.mark.parametrize(("text", "expected"), [
    # a preposition on a noun in apposition with a name is the name's
    ("The risk is small, said Ann Lee, an economist at Acme Robotics.", {("Ann Lee", "worksFor", "Acme Robotics")}),
    ("Maria Lopez, a statistician and pollster at Nimbus Labs, disagreed.",
     {("Maria Lopez", "worksFor", "Nimbus Labs")}),
    # a capitalised title before a name is still a title: the name before it is the employer
    ("The plan was drafted by Nimbus Spokesman Tom Reed.", {("Tom Reed", "worksFor", "Nimbus")}),
])
def test_apposition_and_capitalised_titles(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    "Ann Lee, a friend of the family at the time, said so.",  # no organization after "at"
    "The award went to Ann Lee, and the prize at Acme Robotics went unclaimed.",  # no apposition
])
def test_prepositions_on_other_nouns_state_nothing(nlp, text):
    assert not {r for r in relations_in(nlp, text) if r[1] == "worksFor"}


@pytest.mark.parametrize(("text", "expected", "crossed"), [
    # possessives in a list pair one to one, however the parser coordinated them
    ("Zen-2 sits in the same class as Mistral AI's Mixtral 8x7B and Google's Gemma.",
     ("Mistral AI", "develops", "Mixtral 8x7B"), ("Mistral AI", "develops", "Gemma")),
    ("Meta's Llama 3 and Google's Gemma were compared.", ("Google", "develops", "Gemma"), ("Meta", "develops", "Gemma")),
])
def test_possessives_in_a_list_pair_one_to_one(nlp, text, expected, crossed):
    found = relations_in(nlp, text)
    assert expected in found
    assert crossed not in found


@pytest.mark.parametrize(("text", "expected"), [
    # a noun set beside a name, or said of a subject, stands for that name
    ("Meta is a company that released Llama 3 in April.", {("Meta", "releases", "Llama 3")}),
    ("Llama 3 was released by the social media company, Meta.", {("Meta", "releases", "Llama 3")}),
    ("Orbit was started by two former colleagues, Maria Lopez and Tom Reed.",
     {("Maria Lopez", "founded", "Orbit"), ("Tom Reed", "founded", "Orbit")}),
    # "its" opening a sentence is what the sentence before was about, not the most named
    ("Meta released Llama 3 in April. Meta says Llama 3 is open. Mistral AI told reporters on Tuesday that "
     "it had hired 50 engineers. Its latest model, Zen-2, is aimed squarely at Llama 3.",
     {("Mistral AI", "develops", "Zen-2")}),
])
def test_nouns_that_stand_for_names(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_a_noun_beside_an_unknown_name_is_no_other_entity(nlp):
    """ "Quill Partners, the investment firm run by ...": the firm is Quill Partners, named or
    not, never the company the article is about."""
    text = "Cohere closed a new round. Its backers include Quill Partners, the investment firm run by the chef Ann Lee."
    assert ("Ann Lee", "investsIn", "Cohere") not in relations_in(nlp, text)


@pytest.mark.parametrize(("text", "ended", "kept"), [
    # a verb that ends a relation (the ontology's endVerbTrigger) says it holds no more
    ("Mistral AI's chief executive, Ann Lee, left the company in May.", ("Ann Lee", "worksFor", "Mistral AI"), None),
    # ... however the sentence names the company ("Stability" for "Stability AI")
    ("Nvidia will invest in Stability AI, and Stability's chief executive, Ann Lee, will leave the startup to "
     "join Nvidia.", ("Ann Lee", "worksFor", "Stability AI"), None),
    # what it does not end stays
    ("Ann Lee, chief executive of Mistral AI, left Google in 2020.", ("Ann Lee", "worksFor", "Google"),
     ("Ann Lee", "worksFor", "Mistral AI")),
    ("Ann Lee, chief executive of Mistral AI, did not leave the company.", None, ("Ann Lee", "worksFor", "Mistral AI")),
])
def test_a_relation_ended_in_the_sentence_is_not_stated(nlp, text, ended, kept):
    found = relations_in(nlp, text)
    assert ended not in found
    assert kept is None or kept in found


def test_a_place_before_a_title_stays_a_place(nlp):
    text = "Texas researcher Jane Doe said so."
    assert ("Texas", "Place") in mentions_in(nlp, text)
    assert not relations_in(nlp, text)


# -- possessives and compounds ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("OpenAI's GPT-4 still leads the rankings.", {("OpenAI", "develops", "GPT-4")}),
    ("Developers praised Meta's Llama for its licence.", {("Meta", "develops", "LLaMA")}),
    ("Customers run it on Microsoft's Azure cloud.", {("Microsoft", "develops", "Azure")}),
    ("Alphabet's Google said search revenue grew.", {("Alphabet", "hasPart", "Google")}),
    ("DeepMind's parent Alphabet reported earnings.", {("Alphabet", "hasPart", "Google DeepMind")}),
])
def test_possessives(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_a_possessive_of_an_unrelated_noun_states_nothing(nlp):
    assert relations_in(nlp, "Microsoft's OpenAI investment paid off.") == set()


# -- passives and relative clauses --------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("GSM8K, which was built by OpenAI, tests arithmetic.", {("OpenAI", "created", "GSM8K")}),
    ("Llama 2, released by Meta in July, is free for most companies.", {("Meta", "releases", "Llama 2")}),
    ("The SWE-bench benchmark was created by researchers at Princeton University.",
     {("Princeton University", "created", "SWE-bench")}),
])
def test_passives_and_relative_clauses(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    # an apposition after a list is said of its last member, however the parser hung it
    ("Kelp AI and Nimbus Labs, the cloud company that Kelp AI acquired in 2020, introduced a model.",
     {("Kelp AI", "acquired", "Nimbus Labs")}, set()),
    # a clause hung on the nameless noun after "of" is about the noun the "of" belongs to
    ("The Tide-3 model was trained on Reef, a dataset of public documents that Nimbus Labs assembled.",
     {("Nimbus Labs", "created", "Reef")}, set()),
    # a name the parser found no place for, before the noun set beside it
    ("A Test for Contract Readers\n\n"
     "Researchers at Nimbus Labs have released Reefbench, a benchmark of 900 questions about contracts.",
     {("Nimbus Labs", "created", "Reefbench")}, set()),
    # ... but not a noun after a name that has its own place in the clause
    ("Nimbus Labs thanked Kelp AI, the company that paid for the work.", set(),
     {("Kelp AI", "created", "Nimbus Labs")}),
])
def test_relative_clauses_on_nouns_beside_names(nlp, text, expected, unwanted):
    found = relations_in(nlp, text)
    assert expected <= found, found
    assert not found & unwanted, found


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    # one word for two relations: the narrower one that fits the pair says it
    ("Tom Reed joined Kelp AI as chief scientist in May.", {("Tom Reed", "worksFor", "Kelp AI")},
     {("Tom Reed", "memberOf", "Kelp AI")}),
    ("Kelp AI joined the Open Model Alliance in May.", {("Kelp AI", "memberOf", "Open Model Alliance")}, set()),
    ("Ann Lee moved to Nimbus Labs after six years at Kelp AI.", {("Ann Lee", "worksFor", "Nimbus Labs")}, set()),
    ("Ann Lee moved to Lisbon in May.", set(), {("Ann Lee", "worksFor", "Lisbon")}),
])
def test_joining_and_moving(nlp, text, expected, unwanted):
    found = relations_in(nlp, text)
    assert expected <= found, found
    assert not found & unwanted, found


@pytest.mark.parametrize(("text", "expected"), [
    # a clause with no relative pronoun has the noun it modifies as its object
    ("Nimbus Labs, the startup Kelp AI bought last year, makes chips.", {("Kelp AI", "acquired", "Nimbus Labs")}),
    # a company's "it" in such a clause is the company the sentence is about
    ("Kelp AI refined the method through earlier releases such as Tide-2, a 3-billion-parameter model it "
     "released in May.",
     {("Kelp AI", "releases", "Tide-2")}),
])
def test_clauses_without_a_relative_pronoun(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a preposition the parser hung on the last word of the object's name
    ("Nimbus Labs makes software. It compared Tide 3.0 8B Instruct with Kelp's Orca 2 8B last week.",
     {("Tide 3.0 8B Instruct", "comparedWith", "Orca 2 8B")}),
    # ", one of Kelp AI's Tide models": the plural stands for the name set before it
    ("Answers were generated with text-tide-003, one of Kelp AI's Tide models.",
     {("Kelp AI", "develops", "text-tide-003")}),
    # ", an early Kelp AI code model": the modifier owns the name, as a possessor would
    ("Nimbus says Tide-1 matches code-wren-001, an early Kelp AI code model that powered Kelp Copilot.",
     {("Kelp AI", "develops", "code-wren-001")}),
])
def test_names_set_beside_nouns_of_their_class(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_one_of_a_company_s_models_is_a_model(nlp):
    found = mentions_in(nlp, "Answers were generated with text-tide-003, one of Kelp AI's Tide models.")
    assert ("text-tide-003", "AIModel") in found


def test_a_possessor_of_the_noun_set_beside_a_name_owns_the_name(nlp):
    # the parser made "seller" the verb's object; the comma still sets it beside "K100 GPUs"
    text = ("Kelp AI makes chips. Kelp AI says the system runs 30 times faster than the same number of "
            "K100 GPUs, the company's current best seller.")
    assert ("Kelp AI", "develops", "K100 GPUs") in relations_in(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a word of one earlier name before a noun of its class is that name
    ("Kelp AI released Falcon-3-mini on Monday. Ann Lee said the mini model offers abilities comparable to "
     "Orca 2.", {("Falcon-3-mini", "comparedWith", "Orca 2")}),
    ("Kelp AI released Falcon 3 70B in May. Last week the 70B model beat Orca 2 on every test.",
     {("Falcon 3 70B", "comparedWith", "Orca 2")}),
    # two earlier names share the word: neither is meant
    ("Kelp AI released Falcon-3-mini and Falcon-2-mini. Ann Lee said the mini model rivals Orca 2.", set()),
])
def test_a_model_called_by_a_word_of_its_name(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] == "comparedWith"}
    assert found == expected


def test_a_noun_set_beside_a_thing_stands_for_it_when_it_comes_again(nlp):
    text = ("Kelp AI released Tide, a family that runs up to Tide-72B, its flagship. It measured its flagship "
            "against Nimbus's Orca 70B.")
    assert ("Tide-72B", "comparedWith", "Orca 70B") in relations_in(nlp, text)


def test_a_noun_with_its_own_name_after_it_is_that_name(nlp):
    text = ("Kelp AI released Tide-72B, its flagship, in May. In June its new flagship, Tide-90B, was pitched "
            "as a rival to Orca 70B.")
    found = {t for t in relations_in(nlp, text) if t[1] == "comparedWith"}
    assert ("Tide-72B", "comparedWith", "Orca 70B") not in found


@pytest.mark.parametrize("text", ["In June Kelp AI released a model.", "On Monday Kelp AI said it grew."])
def test_a_date_before_a_company_is_no_part_of_its_name(nlp, text):
    assert ("Kelp AI", "Organization") in mentions_in(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    # "fine-tuned" after "was", which the tagger took for an adjective, is the verb's participle
    ("Kelp AI unveiled a language model called Tide in May. The model was fine-tuned from the "
     "7-billion-parameter version of Orca 2.", {("Tide", "basedOn", "Orca 2")}),
    # an adjective in "-ed" that is no trigger states nothing
    ("Tide 2 was well-liked from the start, Kelp AI said.", set()),
])
def test_participles_tagged_as_adjectives(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] == "basedOn"}
    assert found == expected


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    # "by fine-tuning X", the gerund tagged as a modifier of X: the clause's subject does it to X,
    # and X is no agent of "built"
    ("Orca Chat was built by fine-tuning Orca 2 on dialogue.", {("Orca Chat", "basedOn", "Orca 2")},
     {("Orca 2", "basedOn", "Orca Chat")}),
    ("Falcon Coder was then produced by fine-tuning Falcon Base on Python code.",
     {("Falcon Coder", "basedOn", "Falcon Base")}, set()),
])
def test_gerunds_tagged_as_modifiers(nlp, text, expected, unwanted):
    found = relations_in(nlp, text)
    assert expected <= found, found
    assert not found & unwanted, found


def test_a_company_before_a_noun_with_no_name_beside_it_owns_nothing(nlp):
    found = relations_in(nlp, "Tide-1 beat every early Kelp AI code model on the test.")
    assert not {t for t in found if t[0] == "Kelp AI"}


def test_two_parts_of_what_is_said_are_read_together(nlp):
    # the parser split the reported clause between "say"'s object ("scores", taken for a noun)
    # and a modifier ("69% on MMLU"); the path meets at "say" without passing its subject
    found = relations_in(nlp, "In a report, Kelp AI researchers say Falcon-3-mini scores 69% on MMLU and 8.38 "
                              "on MT-bench.")
    assert ("Falcon-3-mini", "evaluatedOn", "MMLU") in found
    assert not {t for t in found if "Kelp AI" in (t[0], t[2])}


@pytest.mark.parametrize("text", [
    "Ann Lee said Kelp AI hired Tom Reed in May.",
    "Nimbus Labs told reporters that Kelp AI had bought Dune Robotics.",
])
def test_the_speaker_is_no_argument_of_what_is_said(nlp, text):
    found = relations_in(nlp, text)
    speaker = text.split(" said")[0].split(" told")[0]
    assert not {t for t in found if speaker in (t[0], t[2])}, found


@pytest.mark.parametrize(("text", "expected"), [
    # "the collaboration" is the one the text called a collaboration
    ("Orca, an open research collaboration, released Tide-3 on Monday. The collaboration was started by "
     "Kelp AI and Nimbus Labs in 2021.", {("Kelp AI", "founded", "Orca"), ("Nimbus Labs", "founded", "Orca")}),
    # "it" with one subject named before it in the sentence, whichever clause is the main one
    ("Kelp AI also works with other backers of open models: in December it launched the Open Model Alliance "
     "together with Nimbus Labs.", {("Kelp AI", "founded", "Open Model Alliance")}),
    # the name right after "of" is its object, wherever the parser hung it, and of the class the
    # preposition's relations take
    ("It is co-led by Ann de Vries of KelpWorks and Tom Reed of Nimbus Labs, and others have contributed.",
     {("Ann de Vries", "worksFor", "KelpWorks"), ("Tom Reed", "worksFor", "Nimbus Labs")}),
])
def test_references_and_objects_the_parser_misplaced(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_a_name_after_a_person_and_of_is_an_organization(nlp):
    # NER misses "TideForge"; "of" after a person says where the person works
    assert ("TideForge", "Organization") in mentions_in(nlp, "Ann Lee of TideForge spoke first.")


def test_the_collaboration_with_none_so_called_is_nobody(nlp):
    found = relations_in(nlp, "Kelp AI sells chips. The collaboration was started by Nimbus Labs in 2021.")
    assert not {t for t in found if t[1] == "founded"}


def test_it_in_a_clause_on_a_company_is_not_that_company(nlp):
    found = relations_in(nlp, "Kelp AI praised Nimbus Labs, which it backed in 2021.")
    assert ("Kelp AI", "investsIn", "Nimbus Labs") in found
    assert not {t for t in found if t[0] == t[2]}


def test_researchers_found_nothing_for_their_employer(nlp):
    text = "Mistral AI, a startup founded by Arthur Mensch and two researchers from Google DeepMind, released a model."
    found = relations_in(nlp, text)
    assert ("Arthur Mensch", "founded", "Mistral AI") in found
    assert not {t for t in found if t[0] == "Google DeepMind"}


# -- negation, modality, time -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Reid Hoffman, the LinkedIn co-founder, invested early.",
    "Apple is not part of this alliance.",
    "Apple is not among the founders of the alliance.",
    "Apple has never been a member of the Partnership on AI.",
    "Jack Dorsey, the former Twitter chief, criticised the deal.",
    "Mustafa Suleyman previously worked at Google DeepMind.",
    "Google plans to acquire Character.AI next year.",
    "Microsoft may invest in Mistral AI.",
    "Microsoft did not invest in Mistral AI.",
])
def test_no_current_fact_stated(nlp, text):
    kept = relations_in(nlp, text)
    assert not {t for t in kept if t[1] in ("memberOf", "worksFor", "acquired", "investsIn")}
    assert not {t for t in kept if t[1] == "founded" and "Hoffman" not in t[0]}


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Mistral AI wants to release Mistral Large 2 this summer.", ("Mistral AI", "develops", "Mistral Large 2"),
     ("Mistral AI", "releases", "Mistral Large 2")),
    ("The company intends to build Grok 3, xAI said.", ("xAI", "develops", "Grok 3"), ("xAI", "releases", "Grok 3")),
    ("OpenAI is expected to launch GPT-5 in August.", ("OpenAI", "develops", "GPT-5"), ("OpenAI", "releases", "GPT-5")),
    # the lemmatizer makes "hopes" "hop": the verb's bare forms are read too
    ("Kelp AI hopes to release Orca 4 next year.", ("Kelp AI", "develops", "Orca 4"), ("Kelp AI", "releases", "Orca 4")),
    ("Kelp AI hoped to release Orca 4 next year.", ("Kelp AI", "develops", "Orca 4"), ("Kelp AI", "releases", "Orca 4")),
])
def test_plans_are_development_not_release(nlp, text, expected, not_expected):
    found = relations_in(nlp, text)
    assert expected in found and not_expected not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("The Zen-2 model can rival the Orca-7 model on most coding tasks.", {("Zen-2", "comparedWith", "Orca-7")}),
    ("The Zen-2 model is able to beat the Orca-7 model on long documents.", {("Zen-2", "comparedWith", "Orca-7")}),
    ("The Zen-2 model can't match the Orca-7 model yet.", set()),
    ("The Zen-2 model is unable to beat the Orca-7 model.", set()),
    ("Acme can acquire Nimbus Labs if regulators agree.", set()),
    ("Acme is able to acquire Nimbus Labs now.", set()),
])
def test_a_capability_holds(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] in ("comparedWith", "acquired")}
    assert found == expected


# -- reference ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Mistral AI is based in Paris. The startup released Codestral 22B on Wednesday.",
     {("Mistral AI", "releases", "Codestral 22B")}),
    ("Hugging Face said it had raised $235 million in a round led by Salesforce Ventures.",
     {("Salesforce Ventures", "investsIn", "Hugging Face")}),
    ("Mistral AI released Mixtral 8x22B. The company said the new model outperforms Llama 2.",
     {("Mixtral 8x22B", "comparedWith", "Llama 2")}),
])
def test_references(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "relation"), [
    # nothing to refer to
    ("The company released Llama 3.", "releases"),
    ("The model beat GPT-4 on MMLU.", "comparedWith"),
    # "it" outside a reported clause is left alone: it could be Meta or Llama 3
    ("Meta released Llama 3, and it beat GPT-4.", "comparedWith"),
])
def test_unclear_references_give_nothing(nlp, text, relation):
    assert not {t for t in relations_in(nlp, text) if t[1] == relation}


# -- boilerplate ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Subscribe to our newsletter for the latest on OpenAI and Google.",
    "Download our app to follow Nvidia, Intel and AMD.",
    "Your subscription to our newsletter is subject to our Privacy Policy and Terms.",
    "Join our community of Microsoft and Meta engineers.",
])
def test_boilerplate_gives_nothing(nlp, text):
    doc = nlp(text)
    assert doc._.kg_mentions == [] and [r for r in doc._.kg_relations if r.rejected is None] == []


# -- what unseen articles taught ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a name NER finds once is a name wherever it recurs
    ("Databricks bought Tabular, a data startup. Tabular, which was founded by Ryan Blue, grew fast.",
     {("Ryan Blue", "founded", "Tabular")}),
    # the words around a name type it, and that class holds across the article
    ("Investors like Vellum, a fast-growing startup. Vellum released the Vellum-2 model on Monday.",
     {("Vellum", "releases", "Vellum-2")}),
    # a sum passes its prepositions to its verb
    ("Microsoft, which has invested more than $13 billion in OpenAI, said little.", {("Microsoft", "investsIn", "OpenAI")}),
    # hiring states employment, the other way round
    ("Microsoft has hired Mustafa Suleyman to lead a new unit.", {("Mustafa Suleyman", "worksFor", "Microsoft")}),
    # a purpose clause shares its subject
    ("Ilya Sutskever left OpenAI to start Safe Superintelligence.", {("Ilya Sutskever", "founded", "Safe Superintelligence")}),
    # money raised from named investors
    ("Inflection AI raised $1.3 billion from investors including Microsoft and Nvidia.",
     {("Microsoft", "investsIn", "Inflection AI"), ("Nvidia", "investsIn", "Inflection AI")}),
    # a title in apposition keeps its own time, whatever the clause's
    ("Karen Simonyan, Inflection's chief scientist, will join Microsoft.", {("Karen Simonyan", "worksFor", "Inflection AI")}),
    # naming verbs and a class noun's name
    ("Intel released a new AI chip, called Gaudi 3, in April.", {("Intel", "releases", "Gaudi 3")}),
    ("A team of researchers at Stanford University released LiveCodeBench, a new coding benchmark.",
     {("Stanford University", "created", "LiveCodeBench")}),
])
def test_unseen_article_language(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_a_plan_to_buy_is_no_acquisition(nlp):
    found = relations_in(nlp, "Databricks said it would acquire MosaicML, a startup, for $1.3 billion.")
    assert not {t for t in found if t[1] == "acquired"}


@pytest.mark.parametrize(("text", "expected"), [
    # a specific description names the organization whose name ends with it
    ("IBM launched the AI Alliance in December. Dell is a member of the alliance.",
     {("Dell", "memberOf", "AI Alliance")}),
    # "include" lists what a plural noun is made of
    ("The members of the AI Alliance include AMD, Intel and Oracle.",
     {("AMD", "memberOf", "AI Alliance"), ("Intel", "memberOf", "AI Alliance"), ("Oracle", "memberOf", "AI Alliance")}),
])
def test_groups_and_their_members(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_a_description_with_no_matching_name_is_left_alone(nlp):
    # "the forum" cannot be IBM, however often the article names IBM
    found = relations_in(nlp, "IBM grew. IBM hired staff. Dell is a member of the forum.")
    assert not {t for t in found if t[1] == "memberOf"}


def test_open_ai_in_a_phrase_is_not_openai(nlp):
    names = {name for name, _ in mentions_in(nlp, "IBM and Meta Start an Alliance for Open AI\nThey did.")}
    assert "OpenAI" not in names


@pytest.mark.parametrize(("text", "expected"), [
    # a nominalization's possessor is its agent
    ("Amazon said it had completed its $4 billion investment in Anthropic.", {("Amazon", "investsIn", "Anthropic")}),
    ("Google's acquisition of DeepMind closed in 2014.", {("Google", "acquired", "Google DeepMind")}),
    # models compete as models
    ("Anthropic's Claude models compete with OpenAI's GPT-4.", {("Claude", "comparedWith", "GPT-4")}),
    # a size is part of a model's name
    ("Phi-3 Mini outperforms Llama 3 8B on most tests.", {("Phi-3 Mini", "comparedWith", "Llama 3 8B")}),
])
def test_more_news_constructions(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


def test_a_relational_noun_is_no_possession(nlp):
    found = relations_in(nlp, "Microsoft, OpenAI's largest investor, declined to comment.")
    assert ("Microsoft", "investsIn", "OpenAI") in found
    assert not {t for t in found if t[1] in ("hasPart", "partOf", "develops")}


def test_a_named_thing_has_the_class_of_its_noun(nlp):
    assert ("Trainium", "Product") in mentions_in(nlp, "Anthropic will use AWS chips called Trainium to train models.")


def test_a_surname_is_the_person_named_in_full():
    import kg
    from kg import Document

    graph = kg.build([Document(id="s", text="Small models matter, said Percy Liang of Stanford University. "
                                            "Liang was not involved in the work.")])
    people = [r["label"] for r in graph.entity_records() if r["class"] == "Person"]
    assert people == ["Percy Liang"]


# -- names NER misses, types wrong or shortens ----------------------------------------------

@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a word that ends companies' names makes a name where NER found none, or a person
    ("Kelp AI and Dune Robotics signed a supply deal on Friday.",
     {("Kelp AI", "Organization"), ("Dune Robotics", "Organization")}, set()),
    ("Brightwater Labs, which sells coding tools, hired two engineers.", {("Brightwater Labs", "Organization")},
     set()),
    # the last word of a name says what it names
    ("Engineers from the Open Data Alliance met in Oslo.", {("Open Data Alliance", "Organization")}, set()),
    # a title after the name is no part of it
    ("Kelp AI CEO Ann Lee spoke first.", {("Kelp AI", "Organization"), ("Ann Lee", "Person")}, set()),
    # after a known name the word makes no company: "Azure AI" is no new organization
    ("Microsoft expanded Azure AI to more countries.", set(), {"Azure AI"}),
    # a noun of the trade types the name beside it
    ("Vanta, a maker of sensors for warehouses, raised money.", {("Vanta", "Organization")}, set()),
])
def test_names_by_how_companies_are_named(nlp, text, wanted, unwanted):
    found = mentions_in(nlp, text)
    assert wanted <= found
    assert not {name for name, cls in found if cls == "Organization"} & unwanted


def test_the_words_around_a_name_outweigh_its_own_last_word(nlp):
    # the headline's "Cloud" says product; the apposition says company, and wins, though the
    # name is written three times and NER calls it a person each time
    text = ("Nimbus Cloud doubles down on open models with Tide-3\n\n"
            "Nimbus Cloud, the cloud computing arm of Seattle-based Nimbus Group, gives its models away. "
            "Later, Nimbus Cloud said it had published more models.")
    classes = {cls for name, cls in mentions_in(nlp, text) if name == "Nimbus Cloud"}
    assert classes == {"Organization"}
    assert ("Nimbus Cloud", "partOf", "Nimbus Group") in relations_in(nlp, text)


def test_a_modifier_noun_after_the_is_no_reference(nlp):
    doc = nlp("Nimbus launched the Tide-3 app in May. Kelp Cloud, the cloud computing arm of Kelp Group, sells it.")
    assert not [m for m in doc._.kg_mentions if m.text == "cloud"]


@pytest.mark.parametrize(("text", "full", "short"), [
    ("Researchers at the Center for Robot Learning (CRL) built Tide. CRL said it was free.",
     "Center for Robot Learning", "CRL"),
    ("The National Space Agency said Tom Reed of NSA will fly in May.", "National Space Agency", "NSA"),
])
def test_an_acronym_is_the_organization_whose_initials_it_spells(text, full, short):
    import kg
    from kg import Document

    records = kg.build([Document(id="a", text=text)]).entity_records()
    organizations = [r for r in records if r["class"] == "Organization"]
    assert [r["label"] for r in organizations] == [full]
    assert short in organizations[0]["aliases"]


def test_an_acronym_two_names_spell_is_left_alone(nlp):
    doc = nlp("Kelp Robotics and Kelp Research signed a deal on Monday. Later, KR said it would grow.")
    assert [m.name for m in doc._.kg_mentions if m.text == "KR"] == ["KR"]


def test_a_name_s_own_last_word_outweighs_a_noun_before_it(nlp):
    # "state" before the name is no title of it: the name's own "Alliance" says what it is
    found = mentions_in(nlp, "Ann Lee, executive director of the state Robotics Alliance, said she did not know.")
    assert ("Robotics Alliance", "Organization") in found
    assert ("Robotics Alliance", "Place") not in found


def test_a_class_noun_the_tagger_took_for_a_verb_types_the_name_before_it(nlp):
    # "models" tagged as a verb in "-s", parsed as the object it is
    text = ("In May, Kelp AI followed up with Tide 3.0 as well as Tide Guardian models that screen prompts and "
            "responses for risks.")
    assert ("Tide Guardian", "AIModel") in mentions_in(nlp, text)


def test_a_company_s_short_name_is_the_company(nlp):
    doc = nlp("Dune Robotics makes arms for warehouses. Dune said sales doubled, and Dune hired Ann Lee.")
    names = {m.text: m.name for m in doc._.kg_mentions}
    assert names["Dune"] == "Dune Robotics"


# -- places, comparisons, former roles -------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Orchid Labs, a San Diego company that builds speech models, hired Ann Lee.",
     {("Orchid Labs", "headquarteredIn", "San Diego")}),
    ("Investors backed Kelp AI, a Seattle company that builds chatbots.", {("Kelp AI", "headquarteredIn", "Seattle")}),
    # the noun names no other thing: the place modifies it alone
    ("A Boston court fined Kelp AI on Monday.", set()),
    ("The U.S. embargo hurt Kelp AI last year.", set()),
])
def test_a_place_modifying_a_company_noun_is_where_the_company_is(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] == "headquarteredIn"}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Zen-2 model beat the Orca-7 model on HumanEval.",
     {("Zen-2", "comparedWith", "Orca-7"), ("Zen-2", "evaluatedOn", "HumanEval")}),
    ("The Zen-2 model outperforms the Orca-7 model on MMLU and GSM8K.",
     {("Zen-2", "evaluatedOn", "MMLU"), ("Zen-2", "evaluatedOn", "GSM8K")}),
])
def test_a_comparison_on_a_benchmark_is_an_evaluation_on_it(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    "Nimbus was started by Ann Lee, a former engineer at Acme Robotics.",
    "Nimbus was started by Ann Lee and Bo Park, two former researchers at Acme Robotics.",
    "Ann Lee, an ex-engineer at Acme Robotics, spoke first.",
])
def test_a_former_role_stated_by_a_preposition_is_no_current_job(nlp, text):
    assert not {t for t in relations_in(nlp, text) if t[1] == "worksFor"}


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    # "together with", "alongside": a second doer, never the object's
    ("Acme Robotics launched the Open Robotics Alliance together with Nimbus Labs.",
     {("Acme Robotics", "founded", "Open Robotics Alliance"), ("Nimbus Labs", "founded", "Open Robotics Alliance")},
     {("Open Robotics Alliance", "founded", "Nimbus Labs")}),
    ("Acme Robotics set up the Open Robotics Alliance alongside Nimbus Labs.",
     {("Nimbus Labs", "founded", "Open Robotics Alliance")}, set()),
    # "together with" after an object adds a doer, never the object's other end
    ("Acme Robotics set up the Open Robotics Alliance together with Nimbus Labs.",
     {("Nimbus Labs", "founded", "Open Robotics Alliance")}, {("Open Robotics Alliance", "founded", "Nimbus Labs")}),
    # "along with" a thing of the object's kind, which cannot do it, is another object
    ("Kelp AI released Qwen9, along with Qwen9-Coder, a programming-focused line.",
     {("Kelp AI", "releases", "Qwen9-Coder")}, {("Qwen9-Coder", "releases", "Qwen9")}),
    # a plain "with" is the relation's other end
    ("Acme Robotics partnered with Nimbus Labs.", {("Acme Robotics", "partnersWith", "Nimbus Labs")}, set()),
])
def test_a_second_doer(nlp, text, expected, unwanted):
    found = relations_in(nlp, text)
    assert expected <= found and not found & unwanted


@pytest.mark.parametrize(("text", "expected"), [
    ("Ann Lee ran the lab for years. In 2021 she joined Nimbus Labs.", {("Ann Lee", "worksFor", "Nimbus Labs")}),
    ("Tom Reed sold his shares after he joined Nimbus Labs.", {("Tom Reed", "worksFor", "Nimbus Labs")}),
    # "it" opening a sentence is what the sentence before was about
    ("Acme Robotics grew fast. In May it acquired Nimbus Labs.", {("Acme Robotics", "acquired", "Nimbus Labs")}),
    # ... but not in "It is": as often the news itself as a company
    ("Acme Robotics grew fast. It is not clear who acquired Nimbus Labs.", set()),
    # a relative clause has a reference of its own
    ("Ann Lee praised the film in which he joins Nimbus Labs.", set()),
])
def test_pronouns_outside_reported_speech(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] in ("worksFor", "acquired", "memberOf")}
    assert found == expected


# -- the dependency path between two names ----------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a trigger on the path between two names, no construction of its own
    ("Kelp AI signed a partnership with Dune Robotics.", {("Kelp AI", "partnersWith", "Dune Robotics")}),
    # what is said is not the speaker's
    ("Tom Reed said Dune Robotics had hired two engineers.", set()),
    # the verb's object is another thing: 40 people work there, not Tom Reed
    ("Dune Robotics employs 40 people and is backed by Tom Reed.", {("Tom Reed", "investsIn", "Dune Robotics")}),
    # what a company says another did is not the company's
    ("Kelp AI says the Zen-2 model beats the Orca-7 model.", {("Zen-2", "comparedWith", "Orca-7")}),
    # the nearer of two places is meant
    ("Dune Robotics is based in Austin, Texas.", {("Dune Robotics", "headquarteredIn", "Austin")}),
    # the clause has a subject of its own
    ("Ann Lee praised the film in which he joins Kelp AI.", set()),
])
def test_relations_read_off_the_path_between_two_names(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] != "competesWith"}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Dune Robotics hired Tom Reed in May.", {("Tom Reed", "worksFor", "Dune Robotics")}),
    ("Tom Reed worked at Dune Robotics for a decade.", set()),  # the simple past of a state is over
    ("Tom Reed headed Dune Robotics in the 1990s.", set()),
])
def test_the_simple_past_of_an_event_holds_of_a_state_does_not(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a title after "as" is the subject's where the verb's object is the employer
    ("Tom Reed has joined Dune Robotics as its head of research.", {("Tom Reed", "worksFor", "Dune Robotics")}),
    ("Dune Robotics named Tom Reed as its chief scientist.", {("Tom Reed", "worksFor", "Dune Robotics")}),
])
def test_a_title_after_as(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(("text", "wanted"), [
    # product codes and model identifiers, typed by the noun beside them
    ("Nvidia will ship the B300 chip in March.", {("B300", "Product")}),
    ("The text-wren-002 model answered fastest.", {("text-wren-002", "AIModel")}),
    ("The wren-large-v3 model answered fastest.", {("wren-large-v3", "AIModel")}),
])
def test_codes_are_names_where_a_noun_says_what_they_are(nlp, text, wanted):
    assert wanted <= mentions_in(nlp, text)


def test_its_after_a_name_and_with_is_that_name_s(nlp):
    text = ("Dune Robotics leads the market. Dune Robotics sells arms to warehouses. "
            "Rivals, including Kelp AI with its Tide-3 model, are catching up.")
    found = relations_in(nlp, text)
    assert ("Kelp AI", "develops", "Tide-3") in found
    assert ("Dune Robotics", "develops", "Tide-3") not in found


# -- who acts for whom, and what a set of things is ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # what only an organization does, its officer does for it
    ("Kelp AI chief executive Jane Doe unveiled Tide-3, its newest model.", {("Kelp AI", "releases", "Tide-3")}),
    ("Jane Doe, the chief executive of Kelp AI, announced Tide-3 on Monday.", {("Kelp AI", "releases", "Tide-3")}),
    # a gerund after "by" is done by the clause's subject
    ("Kelp AI chief executive Jane Doe opened the company's summit on Monday by unveiling Tide-3.",
     {("Kelp AI", "releases", "Tide-3")}),
    # a former officer, or an investor, acts for nobody
    ("Former Kelp AI chief executive Jane Doe unveiled Tide-3 on Monday.", set()),
    ("Kelp AI investor Jane Doe unveiled Tide-3 on Monday.", set()),
])
def test_an_officer_acts_for_the_organization(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "releases"} == expected


def test_a_former_officer_named_before_the_name_works_there_no_more(nlp):
    assert not {t for t in relations_in(nlp, "Former Kelp AI chief executive Jane Doe spoke on Monday.")
                if t[1] == "worksFor"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Kelp AI is releasing its Tide family of AI models under an open license.", {("Kelp AI", "releases", "Tide")}),
    ("Kelp AI took a first step in May, open-sourcing a set of Tide Code models.",
     {("Kelp AI", "releases", "Tide Code")}),
])
def test_a_set_of_things_stands_for_what_it_is_of(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "wanted"), [
    # a word with a version is a name even where the tagger calls it a number
    ("Researchers at Kelp AI released Tide-3 on Monday.", {("Tide-3", "Product")}),
    ("Kelp AI is releasing its Tide family of AI models.", {("Tide", "AIModel")}),
    # an apposition the parser hung on a name from further on says nothing of it
    ("Lumen Labs, an open research collaboration led by Kelp AI, on Monday released Wren-2 and Wren-3, two "
     "models for chemistry.", {("Lumen Labs", "Organization")}),
])
def test_names_typed_by_their_own_words(nlp, text, wanted):
    assert wanted <= mentions_in(nlp, text)


def test_a_clause_on_a_noun_says_how_its_names_relate(nlp):
    # "led by" relates Kelp AI to the collaboration, not "collaboration" to Kelp AI
    text = "Lumen Labs, an open research collaboration led by Kelp AI, released Wren-2 on Monday."
    assert not {t for t in relations_in(nlp, text) if t[1] == "partnersWith"}


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a town NER took for a company, before a comma and its state
    ("DAYTON, Ohio (AP) -- A fire destroyed a barn.", {("DAYTON", "Place")}, {("DAYTON", "Organization")}),
    # a list of three is no town and its state
    ("Kelp, Amazon, and Nimbus Labs signed the pledge.", {("Amazon", "Organization")}, {("Amazon", "Place")}),
])
def test_a_town_before_its_state(nlp, text, wanted, unwanted):
    assert_names(nlp, text, wanted, unwanted)


@pytest.mark.parametrize(("text", "expected"), [
    # each score with its benchmark, however the parser hung the second one
    ("Gemma-9 scores 70% on MMLU and 8.1 on Reef-bench.",
     {("Gemma-9", "evaluatedOn", "MMLU"), ("Gemma-9", "evaluatedOn", "Reef-bench")}),
    ("Gemma-9 achieved 80% on MMLU and 70% on HumanEval.",
     {("Gemma-9", "evaluatedOn", "MMLU"), ("Gemma-9", "evaluatedOn", "HumanEval")}),
    # a hyphen-joined name is what its last word says
    ("Orca-7 topped Reef-bench in May.", {("Orca-7", "evaluatedOn", "Reef-bench")}),
])
def test_scores_on_benchmarks(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "evaluatedOn"} == expected


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # the capitals that open a news line name the place it was filed from
    ("BANGKOK, Thailand (AP) -- Floods closed the airport.", {("BANGKOK", "Place"), ("AP", "Organization")},
     set()),
    ("MEXICO CITY (AP) -- Floods closed the airport.", {("MEXICO CITY", "Place"), ("AP", "Organization")},
     {("AP", "Place")}),
    # a dateline line under a headline is no headline: its place is read
    ("Kelp AI Opens a Lab\n\nBOISE, Idaho, May 2, 2026\n\nKelp AI opened a lab on Monday.",
     {("BOISE", "Place")}, set()),
])
def test_datelines(nlp, text, wanted, unwanted):
    assert_names(nlp, text, wanted, unwanted)


@pytest.mark.parametrize(("text", "expected"), [
    # a name written with a dot inside is one name, and no sentence ends at its dot
    ("Under a deal announced on Friday, Kelp.AI, the chatbot startup founded by Ann Lee, gives Nimbus Labs "
     "a license.", {("Ann Lee", "founded", "Kelp.AI")}),
    # a title held before ("had been", "was") is no current job
    ("Ann Lee, who had been Kelp AI's chief executive, is joining Nimbus Labs.",
     {("Ann Lee", "worksFor", "Nimbus Labs")}),
    # "X of Acme" is someone at Acme; a noun that is a trigger itself takes its own "of"
    ("The project is led by Ann Lee of Nimbus Labs.", {("Ann Lee", "worksFor", "Nimbus Labs")}),
    ("Ann Lee, a co-founder of Nimbus Labs, spoke on Monday.", {("Ann Lee", "founded", "Nimbus Labs")}),
    # "its" opening a sentence is the last main clause's subject of the sentence before
    ("Google is not buying Kelp AI, and the startup said its staff would stay. Ann Lee, its general counsel, "
     "will lead it.", {("Ann Lee", "worksFor", "Kelp AI")}),
])
def test_more_references_and_titles(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] in ("founded", "worksFor", "memberOf")}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the startup" is the one the text called a startup, not the article's main company
    ("Google said on Monday that Google is not buying Kelp AI, the chatbot startup. The startup said its staff "
     "would stay. Ann Lee, its general counsel, will lead it.", {("Ann Lee", "worksFor", "Kelp AI")}),
])
def test_a_description_is_the_one_the_text_called_so(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # beside an object, "with" adds a doer where the classes say it is one
    ("Ann Lee founded Kelp AI with Tom Reed in 2020.",
     {("Ann Lee", "founded", "Kelp AI"), ("Tom Reed", "founded", "Kelp AI")}),
    # and is the relation's other end where they say that
    ("Kelp AI signed a deal with Nimbus Labs.", {("Kelp AI", "partnersWith", "Nimbus Labs")}),
])
def test_with_beside_an_object(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] in ("founded", "partnersWith")} == expected


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a family's name on its own is the family, of the family's class
    ("Alpaca was taken offline a week after its launch.", {("Alpaca", "AIModel")}, set()),
    ("Researchers said Vicuna was cheap to train.", {("Vicuna", "AIModel")}, set()),
    # as a modifier of another noun it names a kind, no entity
    ("The GPT approach spread quickly.", set(), {"GPT"}),
])
def test_a_family_name_on_its_own(nlp, text, wanted, unwanted):
    found = mentions_in(nlp, text)
    assert wanted <= found and not {name for name, _ in found} & unwanted


@pytest.mark.parametrize(("text", "expected"), [
    ("In a blind test, Gemma-9 was judged roughly as capable as Mixtral-2, winning most matchups.",
     {("Gemma-9", "comparedWith", "Mixtral-2")}),
    ("Gemma-9 is faster than Mixtral-2.", {("Gemma-9", "comparedWith", "Mixtral-2")}),
])
def test_comparatives(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "comparedWith"} == expected


@pytest.mark.parametrize(("text", "wanted"), [
    # a run of capitalised words NER missed, typed by its head word
    ("The work came from Kelp University's Center for Robot Learning.",
     {("Center for Robot Learning", "Organization"), ("Kelp University", "Organization")}),
    # a noun of a relation between two organizations, beside a name, makes it one
    ("Kelp Cloud, the cloud computing arm of Kelp Group, released Tide-3.", {("Kelp Cloud", "Organization")}),
])
def test_names_typed_by_their_head_and_their_apposition(nlp, text, wanted):
    assert wanted <= mentions_in(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The work came from Kelp University's Center for Robot Learning.",
     {("Center for Robot Learning", "partOf", "Kelp University")}),
    ("Kelp Cloud, the cloud computing arm of Kelp Group, released Tide-3.", {("Kelp Cloud", "partOf", "Kelp Group")}),
])
def test_units_of_organizations(nlp, text, expected):
    found = {(o, "partOf", s) if p == "hasPart" else (s, p, o) for s, p, o in relations_in(nlp, text)}
    assert {t for t in found if t[1] == "partOf"} == expected


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # particles between a given name and a family name make a person, whatever NER says
    ("The project is co-led by Ann de Vries of Nimbus Labs and Tom von Berg of Kelp AI.",
     {("Ann de Vries", "Person"), ("Tom von Berg", "Person")}, {("Tom von Berg", "Organization")}),
    # an institution named in another language keeps its particles and its class
    ("Banco de Chile said profits rose.", {("Banco de Chile", "Organization")}, {("Banco de Chile", "Person")}),
])
def test_names_with_particles(nlp, text, wanted, unwanted):
    assert_names(nlp, text, wanted, unwanted)


@pytest.mark.parametrize(("text", "expected"), [
    # "the lab behind the models": who made them; "the Abu Dhabi lab": where it is
    ("Kelp Systems will supply chips to Lumen Intelligence, the Abu Dhabi lab behind the Falcon models.",
     {("Lumen Intelligence", "develops", "Falcon"), ("Lumen Intelligence", "headquarteredIn", "Abu Dhabi")}),
])
def test_the_lab_behind_the_models(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # the object of a verb whose relations hold between two organizations is one
    ("Databricks bought MosaicML in 2023.", {("MosaicML", "Organization")}, set()),
    ("Microsoft, which bought Nuance in 2022, said so.", {("Nuance", "Organization")}, {("Nuance", "Place")}),
    # a verb between two classes types nothing: who hired whom is for domain and range to say
    ("Kelp AI hired Tom Reed.", {("Tom Reed", "Person")}, {("Tom Reed", "Organization")}),
])
def test_the_object_of_a_verb_of_one_class(nlp, text, wanted, unwanted):
    assert_names(nlp, text, wanted, unwanted)


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # the object of a noun whose relations hold between two organizations is one
    ("Analysts praised the acquisition of Vantor by Kelp AI.", {("Vantor", "Organization")}, set()),
])
def test_the_object_of_a_noun_of_one_class(nlp, text, wanted, unwanted):
    assert_names(nlp, text, wanted, unwanted)


@pytest.mark.parametrize(("text", "expected"), [
    # a company's first word on its own is the company; "is part of" makes a unit
    ("Harbor Analytics signed the deal on Sunday. Harbor is part of the Nimbus Research Institute. Its director, "
     "Omar Saeed, said the lab wanted to grow.",
     {("Harbor Analytics", "partOf", "Nimbus Research Institute"), ("Omar Saeed", "worksFor", "Harbor Analytics")}),
])
def test_a_company_s_first_word(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] in ("partOf", "worksFor")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a denial of time is a plan under way; a plain denial states nothing
    ("Kelp AI has not yet released Tide-4 Max, the largest model in that family.",
     {("Kelp AI", "develops", "Tide-4 Max")}),
    ("Kelp AI has not released Tide-4 Max, the largest model in that family.", set()),
])
def test_not_yet(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] in ("develops", "releases")} == expected


def test_the_subject_of_what_follows_is_no_apposition(nlp):
    # ", the company said": the noun starts the next clause; it says nothing of the name before
    for text in ("The memo was signed by Ann Lee, the company said on Monday.",
                 "The letter was sent by Tom Reed, the agency said."):
        assert not {cls for _, cls in mentions_in(nlp, text)} - {"Person"}


@pytest.mark.parametrize(("text", "expected"), [
    # a version of a model stands for the model where another relation is told
    ("A trimmed version of Gemma-9 drives the Wren assistant.", {("Wren", "poweredBy", "Gemma-9")}),
    ("The Wren assistant is driven by Gemma-9.", {("Wren", "poweredBy", "Gemma-9")}),
    # "and not on X" denies X
    ("Kelp AI said the Wren chatbot had been running on a tuned version of Gemma-9 since its debut, and not on "
     "Gemma-8.", {("Wren", "poweredBy", "Gemma-9")}),
])
def test_versions_and_denied_alternatives(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "poweredBy"} == expected


@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    # a longer name around a known one, with the small words names keep, is its own entity
    ("The approach was proposed by researchers at the University of Washington.",
     {("University of Washington", "Organization")}, {("Washington", "Place")}),
    # but not what follows a known name ("the AI Alliance on Tuesday")
    ("Kelp AI and Nimbus Labs launched the AI Alliance on Tuesday, a group of companies.",
     {("AI Alliance", "Organization")}, {("AI Alliance on Tuesday", "Organization")}),
    # a capital "The" inside a sentence is the name's
    ("The model was trained on text taken from The Stack, a dataset of source code.",
     {("The Stack", "Dataset")}, set()),
    # a noun of a class right before a name NER missed; a name NER missed before a title
    ("Payments company Stripe has used it for customer support.", {("Stripe", "Organization")}, set()),
    ("Tom Reed, a former Uber executive, is taking over.", {("Uber", "Organization")}, set()),
    # a place before a title stays a place
    ("Texas researcher Jane Doe spoke.", {("Texas", "Place")}, {("Texas", "Organization")}),
])
def test_names_nouns_and_titles_make(nlp, text, wanted, unwanted):
    assert_names(nlp, text, wanted, unwanted)


# -- a preposition on any verb, lists reached where the list is --------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # the ontology says "on" a benchmark is where a model is measured, whatever the verb
    ("Kelp AI said Orca-72B came out ahead on benchmarks including MMLU and HumanEval.",
     {("Orca-72B", "evaluatedOn", "MMLU"), ("Orca-72B", "evaluatedOn", "HumanEval")}),
    ("On HumanEval, the coding benchmark that Nimbus Labs published in 2022, Orca 3 solves 41% of the "
     "problems on its first attempt.", {("Orca 3", "evaluatedOn", "HumanEval")}),
    ("Orca 3 did well on HelixQA, a new benchmark.", {("Orca 3", "evaluatedOn", "HelixQA")}),
    # a sum coordinated with one on the path stands where that one does
    ("In a report, Kelp AI researchers say Falcon-3-mini scores 69% on MMLU and 8.38 on MT-bench.",
     {("Falcon-3-mini", "evaluatedOn", "MMLU"), ("Falcon-3-mini", "evaluatedOn", "MT-bench")}),
])
def test_a_preposition_the_ontology_reads_on_any_verb(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    "Kelp AI put Orca 3 on Hugging Face in May.",  # a company is no benchmark
    "Orca 3 was trained on the Reef dataset.",
    "Ann Lee spoke on Monday about Orca 3.",
])
def test_on_with_no_benchmark_states_no_evaluation(nlp, text):
    assert not {t for t in relations_in(nlp, text) if t[1] == "evaluatedOn"}


def test_a_clause_on_the_first_member_of_a_list_is_not_said_of_the_others(nlp):
    found = relations_in(nlp, "The pact was signed by Meta, which acquired Scale AI, and Google and Amazon.")
    assert ("Meta", "acquired", "Scale AI") in found
    assert not {t for t in found if t[0] in ("Google", "Amazon") or t[2] in ("Google", "Amazon")}, found


def test_along_with_after_a_clause_on_the_object_is_another_object(nlp):
    found = relations_in(nlp, "Kelp AI held its conference in September. It launched Tide-4, which it said was "
                              "trained on up to 18 trillion tokens, along with Tide-4-Coder, a line for code.")
    assert {("Kelp AI", "releases", "Tide-4"), ("Kelp AI", "releases", "Tide-4-Coder")} <= found


# -- a verb's passive as its own trigger, a participle after an event ---------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Orca Commons, an open research collaboration led by Kelp AI and Nimbus Labs, released Tide-3 on Monday.",
     {("Kelp AI", "memberOf", "Orca Commons"), ("Nimbus Labs", "memberOf", "Orca Commons")}),
    ("The Open Chip Alliance is led by Kelp AI.", {("Kelp AI", "memberOf", "Open Chip Alliance")}),
    # a person who leads an organization works for it: the narrower relation
    ("Kelp AI is led by Ann Lee.", {("Ann Lee", "worksFor", "Kelp AI")}),
])
def test_led_by_states_a_membership(nlp, text, expected):
    found = relations_in(nlp, text)
    assert expected <= found
    assert not {t for t in found - expected if t[1] in ("memberOf", "worksFor")}, found


@pytest.mark.parametrize("text", [
    "Kelp AI leads Nimbus Labs in cloud revenue.",  # ahead of, not at the head of
    "Kelp AI still leads Nimbus Labs, analysts said.",
])
def test_an_organization_leading_another_is_ahead_of_it(nlp, text):
    assert not {t for t in relations_in(nlp, text) if t[1] == "memberOf"}


def test_a_participle_after_a_funding_round_is_the_round_s(nlp):
    # the parser hangs "led" on the company; it follows the round and its comma
    found = relations_in(nlp, "The company competes with Nimbus Labs and with Dune Robotics, which was valued at "
                              "$9 billion in its latest funding round, led by Orchid Capital.")
    assert ("Orchid Capital", "investsIn", "Dune Robotics") in found
    assert not {t for t in found if t[1] == "memberOf"}, found


@pytest.mark.parametrize(("text", "expected"), [
    # "it" in a clause describing a name is the nearest earlier name of its class, not the name
    ("Kelp AI launched Orca 4 in May, along with Orca 4 Coder, a programming-focused line derived from it.",
     {("Orca 4 Coder", "basedOn", "Orca 4")}),
    ("Kelp AI released Orca 4, a model distilled from it.", set()),  # nothing earlier of its class
])
def test_it_in_a_clause_describing_a_name(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "basedOn"} == expected


def test_its_with_an_officer_as_subject_is_the_officer_s_organization(nlp):
    found = relations_in(nlp, "Nimbus Labs hosted the event. Kelp AI chief executive Ann Lee opened the summit on "
                              "Monday by unveiling Orca 4, the successor to its Tide chip.")
    assert ("Kelp AI", "develops", "Tide") in found
    assert not {t for t in found if t[0] == "Nimbus Labs"}, found


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs the main verb on the noun before its comma, leaving the sentence no verb
    ("At the same time, Kelp AI and Dune Robotics, the robotics company that Kelp AI acquired in 2019 and now "
     "operates as a subsidiary, introduced TideLab, an open-source tool that lets anyone add skills to models.",
     {("Kelp AI", "acquired", "Dune Robotics"), ("Kelp AI", "releases", "TideLab"),
      ("Dune Robotics", "releases", "TideLab")}),
    # a participle with its agent is one
    ("Tide-3, a model trained by Kelp AI, released by Nimbus Labs.", {("Nimbus Labs", "releases", "Tide-3")}),
])
def test_a_verb_the_parser_left_without_a_clause(nlp, text, expected):
    found = relations_in(nlp, text)
    assert expected <= found
    assert not {t for t in found if t[1] == "releases"} - expected, found


@pytest.mark.parametrize(("text", "expected"), [
    # a title with no owner named is at the organization the article is about, where that is
    # the one organization its sentence names
    ("Kelp AI released Tide-3 in May. Kelp AI also hired staff. Chief executive Ann Lee has been "
     "reorganizing Kelp AI's research work.", {("Ann Lee", "worksFor", "Kelp AI")}),
    ("Kelp AI raised $50 million on Monday. Kelp AI will spend it on chips. Lee, the chief executive, said "
     "the company would train Tide-4 next.", {("Lee", "worksFor", "Kelp AI")}),
    # another organization in the sentence: nobody can tell
    ("Kelp AI released Tide-3 in May. Kelp AI also hired staff. Chief executive Ann Lee praised Nimbus Labs's "
     "new model.", set()),
    # no article to be about
    ("President Ann Lee said Nimbus Labs would grow.", set()),
])
def test_a_title_with_no_owner_is_at_the_organization_the_article_is_about(nlp, text, expected):
    assert {t for t in relations_in(nlp, text) if t[1] == "worksFor"} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object of an infinitive in a clause on a noun is the noun, and "hopes to" a plan
    ("Kelp AI raised money on Monday. Lee, the chief executive, said the money would pay for computing power "
     "to train Orca 4, a larger model that the company hopes to release next year.",
     {("Kelp AI", "develops", "Orca 4")}),
    ("Kelp AI raised money. Lee, the chief executive, said the money would pay for computing power to train "
     "Orca 4, a larger model that the company hopes to release next year.", {("Kelp AI", "develops", "Orca 4")}),
    ("Nimbus Labs praised Dune Robotics, a startup that Kelp AI hopes to acquire.", set()),
])
def test_an_infinitive_in_a_clause_on_a_noun_takes_the_noun(nlp, text, expected):
    found = {t for t in relations_in(nlp, text) if t[1] in ("develops", "releases", "acquired")}
    assert found == expected


ROUX = ("Kelp AI hired staff in May. Kelp AI was co-founded last year by Amandine Roux, a former engineer at "
        "Nimbus Labs, and Tom Reed. Roux said the company plans to build a larger model, Orca 70B, by the end "
        "of the year.")


def test_a_surname_after_the_full_name_is_the_person_whatever_ner_said(nlp):
    # NER takes "Roux" for an organization; the article named Amandine Roux before
    found = relations_in(nlp, ROUX)
    assert ("Kelp AI", "develops", "Orca 70B") in found
    assert not {t for t in found if t[0] in ("Roux", "Amandine Roux", "Nimbus Labs") and t[1] == "develops"}, found


def test_a_comma_before_the_and_of_two_names_closes_an_apposition(nlp):
    # "Nimbus Labs, and Tom Reed" is no list: Tom Reed shares no class with Nimbus Labs
    found = mentions_in(nlp, ROUX)
    assert ("Tom Reed", "Person") in found and ("Tom Reed", "Organization") not in found


@pytest.mark.parametrize(("text", "name", "cls", "expected"), [
    # ", its most capable model yet" is set beside the name, however the parser hung it
    ("Kelp AI debuted Tide-3, its most capable model yet, at a developer event in Paris.", "Tide-3", "AIModel",
     {("Kelp AI", "releases", "Tide-3")}),
    # an identifier that does what only models do is a model
    ("Kelp AI said on Monday that Tide-3 outperformed GPT-4o on HumanEval.", "Tide-3", "AIModel",
     {("Tide-3", "comparedWith", "GPT-4o")}),
    ("Kelp AI's Tide-3 scored 88% on MMLU, ahead of OpenAI's GPT-4o.", "Tide-3", "AIModel",
     {("Tide-3", "evaluatedOn", "MMLU")}),
])
def test_new_names_typed_by_what_is_said_of_them(nlp, text, name, cls, expected):
    assert (name, cls) in mentions_in(nlp, text)
    assert expected <= relations_in(nlp, text)


def test_an_identifier_is_no_agent(nlp):
    assert not {c for n, c in mentions_in(nlp, "Kelp AI said Tide-3 released a statement.") if n == "Tide-3"} & {
        "Organization", "Person"}


# -- light verbs and their complements, idioms --------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # "make X available": the adjective completes the verb, the longer form says more than "make"
    ("Kelp AI made Orca 3 available to developers.", {("Kelp AI", "releases", "Orca 3")}),
    ("Kelp AI made Orca 3 open to every developer.", {("Kelp AI", "releases", "Orca 3")}),
    ("The leaderboard placed Orca 3 above Llama 2 on Monday.", {("Orca 3", "comparedWith", "Llama 2")}),
    ("Nimbus Research belongs to Kelp AI.", {("Nimbus Research", "partOf", "Kelp AI")}),
    ("Dune Robotics is owned by Kelp AI.", {("Kelp AI", "hasPart", "Dune Robotics")}),
    ("Orca 3 achieved 80% on MMLU and 70% on HumanEval.",
     {("Orca 3", "evaluatedOn", "MMLU"), ("Orca 3", "evaluatedOn", "HumanEval")}),
    ("Kelp AI goes head to head with Nimbus Labs in cloud software.", {("Kelp AI", "competesWith", "Nimbus Labs")}),
    ("Kelp AI will go head-to-head with Nimbus Labs.", {("Kelp AI", "competesWith", "Nimbus Labs")}),
    # a place before a company noun, past its state: where the company is
    ("Kelp AI, a Boise, Idaho, firm, released Orca 3.", {("Kelp AI", "headquarteredIn", "Boise")}),
    ("Kelp AI is a Boise, Idaho, firm.", {("Kelp AI", "headquarteredIn", "Boise")}),
])
def test_light_verbs_and_idioms(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize(("text", "unwanted"), [
    ("Kelp AI made Orca 3 available to developers.", ("Kelp AI", "develops", "Orca 3")),
    # what the preposition relates to the object is no other object of the subject's
    ("Kelp AI built Orca 3 on Llama 2.", ("Kelp AI", "develops", "Llama 2")),
    ("Kelp AI owns 49% of Dune Robotics.", ("Kelp AI", "hasPart", "Dune Robotics")),  # a stake, not control
    ("Kelp AI is a Boise, Idaho, firm.", ("Kelp AI", "headquarteredIn", "Idaho")),
])
def test_light_verbs_and_idioms_say_no_more(nlp, text, unwanted):
    assert unwanted not in relations_in(nlp, text)


def test_a_state_after_a_city_is_no_company(nlp):
    assert ("Idaho", "Place") in mentions_in(nlp, "Kelp AI, a Boise, Idaho, firm, released Orca 3.")


@pytest.mark.parametrize(("text", "expected"), [
    # a participle fused to a word before it, taken for a modifier of the name after it
    ("Microsoft-backed OpenAI released GPT-5 on Thursday.", {("Microsoft", "investsIn", "OpenAI")}),
    ("Nimbus Labs-owned Dune Robotics hired Ann Lee.", {("Nimbus Labs", "hasPart", "Dune Robotics")}),
    ("Meta open-sourced Llama 2 in July.", {("Meta", "releases", "Llama 2")}),
    ("Kelp AI open-sourced Orca 3 on Monday.", {("Kelp AI", "releases", "Orca 3")}),
    ("Kelp AI has open-sourced Orca 3.", {("Kelp AI", "releases", "Orca 3")}),
    # a noun of a symmetric relation that the names of a list do or are together
    ("Nvidia and Microsoft announced a partnership to build AI supercomputers.",
     {("Nvidia", "partnersWith", "Microsoft")}),
    ("Kelp AI and Nimbus Labs are rivals in the chip market.", {("Kelp AI", "competesWith", "Nimbus Labs")}),
    # "on top of X" is "on X"
    ("Orca 3 is built on top of Llama 2.", {("Orca 3", "basedOn", "Llama 2")}),
])
def test_fused_participles_joint_nouns_and_complex_prepositions(nlp, text, expected):
    assert expected <= relations_in(nlp, text)


@pytest.mark.parametrize("text", [
    "Kelp AI and Nimbus Labs each signed a partnership.",  # each its own
    "Kelp AI and Nimbus Labs announced partnerships.",
    "The deal was signed by Meta, which acquired Scale AI, and Google and Amazon.",
])
def test_a_list_is_no_partnership_unless_it_acts_together(nlp, text):
    found = relations_in(nlp, text)
    members = {"Kelp AI", "Nimbus Labs", "Meta", "Google", "Amazon"}
    assert not {t for t in found if t[0] in members and t[2] in members}, found


def test_a_fused_participle_modifies_its_own_name_only(nlp):
    found = relations_in(nlp, "The Paris-based Kelp AI and Lyon's Nimbus Labs signed a deal.")
    assert ("Kelp AI", "headquarteredIn", "Paris") in found
    assert ("Nimbus Labs", "headquarteredIn", "Paris") not in found


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    # the tagger takes "powers" for a plural noun, with both names hung on it
    ("Orca 3 powers Kelp Chat, the company's consumer assistant.", {("Kelp Chat", "poweredBy", "Orca 3")}, set()),
    # hiring from a company: that is where the person was, not where they work
    ("Nimbus Labs poached Tom Reed from Kelp AI last month.", {("Tom Reed", "worksFor", "Nimbus Labs")},
     {("Tom Reed", "worksFor", "Kelp AI")}),
    ("Kelp AI hired Ann Lee from Nimbus Labs.", {("Ann Lee", "worksFor", "Kelp AI")},
     {("Ann Lee", "worksFor", "Nimbus Labs")}),
    # the parser made the object an adverb; it is still paired with "with"
    ("Kelp AI compared Orca 3 with Llama 2.", {("Orca 3", "comparedWith", "Llama 2")}, set()),
])
def test_verbs_the_tagger_missed_and_where_people_came_from(nlp, text, expected, unwanted):
    found = relations_in(nlp, text)
    assert expected <= found
    assert not found & unwanted, found


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    # a light verb lends its subject to the noun it takes
    ("Kelp AI took a minority stake in Dune Robotics.", {("Kelp AI", "investsIn", "Dune Robotics")}, set()),
    ("Kelp AI made a $2 billion investment in Dune Robotics.", {("Kelp AI", "investsIn", "Dune Robotics")}, set()),
    ("Kelp AI criticized the investment in Dune Robotics.", set(), {("Kelp AI", "investsIn", "Dune Robotics")}),
    # "whose" stands for the name its clause is on
    ("Kelp AI, whose investors include Nimbus Capital and Dune Ventures, released Orca 3.",
     {("Nimbus Capital", "investsIn", "Kelp AI"), ("Dune Ventures", "investsIn", "Kelp AI")}, set()),
    # the seller is no second purchase, a past affiliation no current job
    ("Nimbus Labs bought Kelp AI from Dune Group for $2 billion.", {("Nimbus Labs", "acquired", "Kelp AI")},
     {("Nimbus Labs", "acquired", "Dune Group")}),
    ("Ann Lee, formerly of Nimbus Labs, now leads research at Kelp AI.", {("Ann Lee", "worksFor", "Kelp AI")},
     {("Ann Lee", "worksFor", "Nimbus Labs")}),
])
def test_light_verbs_with_nouns_whose_and_sellers(nlp, text, expected, unwanted):
    found = relations_in(nlp, text)
    assert expected <= found
    assert not found & unwanted, found
