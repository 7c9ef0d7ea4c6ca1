"""Arguments: which mentions a word of the parse stands for, and which mentions a trigger's
subject and object sides are.

``ArgumentResolver`` answers, for one document and its mentions, what every relation reading
asks of the parse: "the company" or a relative pronoun stands for the name it refers to, a
list for its members, "researchers at Acme" for Acme, "the Tide family of models" for Tide;
a verb's subjects and objects; a relational noun's two sides ("Acme's investment in Kelp").
The candidate finder (``relations``) and the event reader (``events``) ask it; it knows
nothing of confidence or of which relation a word signals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Token

from ..names import name_key
from ..ontology import Ontology, RelationSpec, singular
from ..records import AFFILIATION, SOURCE_CONFIDENCE, Mention
from .lexicon import (
    AFFILIATION_PREPOSITIONS,
    COLLECTION_NOUNS,
    EXAMPLE_PREPOSITIONS,
    GERUND_COMPLEMENT_PREPOSITIONS,
    GROUP_NOUNS,
    LIGHT_VERBS,
    LISTING_VERBS,
    MEANS_PREPOSITIONS,
    NAMING_VERBS,
    NOMINAL_OBJECT_PREPOSITIONS,
    NOUN_PREPOSITIONS,
    PREPOSITION_NOUNS,
    RELATIVE_PRONOUNS,
    VERSION_NOUNS,
)
from .mentions import mentions_by_token, surface_lists
from .modality import former as is_former
from .parse import (
    UNPARSED_NAME_LABELS,
    adjectival_passive,
    antecedent,
    comitative,
    comitative_objects,
    depth_between,
    fused_participle,
    hyphen_joined,
    inherited_subjects,
    means_gerund,
    modifier_gerund,
    noun_phrase,
    of_objects,
    pobjs,
    purpose_clause,
    quantity,
    set_off_after,
    stranded_main_verb,
    tagged_noun_verb,
    title_owner,
    verb_dependents,
)
from .words import noun_words, token_table


class ArgumentResolver:
    """The mentions the words of one parsed document stand for, and the arguments of its
    triggers. Built once a document, from the document's mentions."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], ontology: Ontology) -> None:
        self.doc = doc
        self.ontology = ontology
        self.mentions = list(mentions)
        self.by_token = mentions_by_token(mentions)
        self.lists = coordinated(doc, list(mentions))
        person = ontology.class_of_label("PERSON")
        self.people_nouns = ontology.class_nouns(person) if person is not None else frozenset()
        self.organization = ontology.class_of_label("ORG")

    def verb_arguments(self, verb: Token, relations: Sequence[RelationSpec] = ()) -> tuple[list[Mention], list[Mention], str]:
        """A verb's subjects and objects, and how they were found. ``relations`` are the ones
        the verb signals: a name set beside the object that only they can take as an object
        is one ("released X, along with Y")."""
        subjects, objects = verb_dependents(verb)
        rule = "verb"
        # "by unveiling X, along with Y": a doer set beside leaves the verb's own subject missing
        beside_only = all(s.head.i != verb.i and s.head.dep_ != "agent" for s in subjects)
        if adjectival_passive(verb):  # "The model was fine-tuned from X": the subject of "was"
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif fused_participle(verb):
            subjects, objects, rule = self._fused_arguments(verb)
        elif modifier_gerund(verb):
            # "Y was produced by fine-tuning X": Y's doing, done to X; "Acme took a step,
            # open-sourcing X": the clause's subject's
            governor = verb.head.head if means_gerund(verb) else verb.head
            subjects, objects, rule = inherited_subjects(governor), [verb.head], "verb-inherited"
        if tagged_noun_verb(verb) and not subjects:
            subjects = [c for c in verb.children if c.dep_ in ("compound", "nmod") and c.i < verb.i]
            objects = objects or [c for c in verb.children if c.dep_ == "appos" and c.i > verb.i]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
        if stranded_main_verb(verb):
            subjects = [verb.sent.root]
        elif verb.dep_ in ("acl", "relcl") and not own_subject:
            has_agent = any(c.dep_ == "agent" for c in verb.children)
            if verb.tag_ == "VBN" and has_agent:
                objects.append(verb.head)  # "Llama 2, released by Meta"
                rule = "verb-participle"
            elif not subjects:
                subjects.append(verb.head)  # "OpenAI, partnered with Anthropic"
                rule = "verb-participle"
        elif beside_only and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in MEANS_PREPOSITIONS:
            # "opened the summit by unveiling Tide-3", "after buying Dune": the clause's doer
            subjects = inherited_subjects(verb.head) + subjects
            rule = "verb-inherited"
        elif beside_only and verb.dep_ == "pcomp" and verb.tag_ == "VBG" \
                and verb.head.lower_ in GERUND_COMPLEMENT_PREPOSITIONS and verb.head.head.pos_ in ("VERB", "AUX"):
            subjects = self.complement_doers(verb.head) + subjects  # "convicted of killing X"
            rule = "verb-inherited"
        elif beside_only and (verb.dep_ in ("xcomp", "conj")
                              or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or hyphen_joined(verb)
                                                            or purpose_clause(verb)))):
            subjects = inherited_subjects(verb) + subjects
            rule = "verb-inherited"
        resolved_subjects, resolved_objects = self.resolve(subjects), self.resolve(objects)
        if fused_participle(verb):
            # "the Frankfurt-based A and Giessen's B": the participle modifies its own name only
            resolved_objects = [m for m in resolved_objects if m.start <= verb.head.i < m.end]
        gap = _object_gap(verb) if not resolved_objects and resolved_subjects else None
        if gap is not None:
            # "the startup Acme bought", "a model it released in May": a clause with no
            # relative pronoun has the noun it modifies as its missing object
            resolved_objects = self.resolve([gap])
            rule = "verb-participle"
        # "released Qwen9, along with Qwen9-Coder": a name set beside the object that cannot
        # do what the verb says, and can undergo it, is another object, not another doer
        beside = {m.start for m in self.resolve(comitative_objects(verb))}
        moved = [m for m in resolved_subjects if m.start in beside and self._only_object(m, relations)]
        if moved:
            resolved_subjects = [m for m in resolved_subjects if m not in moved]
            resolved_objects = resolved_objects + moved
        return resolved_subjects, resolved_objects, rule

    def complement_doers(self, prep: Token) -> list[Token]:
        """Who does what a gerund or a nominalization after "of", "for", "with" says: the
        verb's object, or else its subject ("convicted of killing X", "praised Acme for
        releasing X", "convicted of X's killing"), also where the preposition hangs on a
        nameless object ("serving a sentence for the killing of X")."""
        governor, through = prep.head, None
        if governor.pos_ == "NOUN" and governor.dep_ == "dobj" and governor.i not in self.by_token:
            through, governor = governor, governor.head
        if governor.pos_ not in ("VERB", "AUX"):
            return []
        objects = [c for c in governor.children if c.dep_ == "dobj" and (through is None or c.i != through.i)
                   and not quantity(c)]
        return objects or inherited_subjects(through if through is not None else prep)

    def _fused_arguments(self, verb: Token) -> tuple[list[Token], list[Token], str]:
        """ "Microsoft-backed OpenAI": the name fused before the participle did it to the name
        after; "Meta open-sourced Llama 2" (no verb left in the sentence), "Kelp has
        open-sourced X": the participle is the clause's verb, done by its subject."""
        prefix, named = verb.doc[verb.i - 2], verb.head
        if prefix.i in self.by_token:
            return [prefix], [named], "verb-participle"
        governor = named.head
        if named.dep_ == "ROOT" or named.head.i == named.i:
            doers = [c for c in named.children if c.dep_ in ("nmod", "compound", "poss", "nsubj") and c.i < prefix.i]
        elif named.dep_ == "dobj" and governor.lemma_ == "have":
            doers = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            doers = []
        return doers, [named] if doers else [], "verb"

    def _only_object(self, mention: Mention, relations: Sequence[RelationSpec]) -> bool:
        onto = self.ontology
        return not any(onto.is_a(mention.cls, d) for r in relations for d in r.domain) and any(
            onto.is_a(mention.cls, c) for r in relations for c in r.range)

    def object_pairs(self, verb: Token) -> tuple[list[Mention], list[Mention]]:
        # a name after the verb the parser gave no place ("compared Orca 3 with X": an adverb)
        direct = [c for c in verb.children if c.dep_ == "dobj"
                  or (c.dep_ in UNPARSED_NAME_LABELS and c.i > verb.i and c.i in self.by_token)]
        oblique = [p for c in verb.children if c.dep_ == "prep" and not comitative(c) for p in pobjs(c)]
        # a preposition hung on the object, or on any word of the name it is part of ("compared
        # Tide 8B Instruct with Orca": "with" on "Instruct", which the parser took for a verb)
        words = {t for d in direct for t in self._name_tokens(d)}
        oblique += [p for w in words for c in w.children if c.dep_ == "prep" and not comitative(c) for p in pobjs(c)]
        if not direct or not oblique:
            return [], []
        return self.resolve(direct), self.resolve(oblique)

    def _name_tokens(self, token: Token) -> list[Token]:
        mention = self.by_token.get(token.i)
        return [token] if mention is None else list(self.doc[mention.start:mention.end])

    def noun_arguments(self, noun: Token, depth: int = 0) -> tuple[list[Mention], list[Mention], str]:
        phrase = noun_phrase(noun)
        objects: list[Token] = []
        possessors = [c for t in phrase for c in t.children if c.dep_ == "poss"]
        # "Amazon's investment in Anthropic", "Google's acquisition of DeepMind": with an object
        # of its own, a noun's possessor is its agent, not its object
        agentive = bool(possessors) and any(c.dep_ == "prep" and c.lower_ in NOMINAL_OBJECT_PREPOSITIONS
                                            and any(self.by_token.get(p.i) for p in pobjs(c)) for c in noun.children)
        for token in phrase:
            for child in token.children:
                if child.dep_ == "poss" and agentive:
                    continue
                if child.dep_ in ("poss", "compound", "nmod", "npadvmod"):
                    objects.append(child)
                elif child.dep_ == "prep" and child.lower_ in NOUN_PREPOSITIONS:
                    for pobj in pobjs(child):
                        objects.append(pobj)
                        if pobj.i not in self.by_token and pobj.pos_ == "NOUN":
                            # "head of policy for Europe at Google"
                            objects.extend(p for c in pobj.children if c.dep_ == "prep"
                                           and c.lower_ in NOUN_PREPOSITIONS for p in pobjs(c))
        subjects: list[Token] = [c for c in noun.children if c.dep_ == "appos"]
        # "the assassination of X by Y", "an investment by Y": a noun's "by" names its doer
        subjects += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c)]
        if agentive:
            subjects.extend(possessors)
        rule = "noun"
        dep, head = noun.dep_, noun.head
        if dep in ("appos", "compound") and head.i != noun.i:
            subjects.append(head)
        elif dep in ("attr", "acomp") and head.lemma_ == "be":
            subjects.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
            rule = "noun-copula"
        elif dep == "nsubj" and head.lemma_ == "be":
            subjects.extend(c for c in head.children if c.dep_ in ("attr", "acomp"))
            rule = "noun-copula"
        elif dep == "dobj" and head.lemma_.lower() in LIGHT_VERBS and not subjects:
            # "Acme took a stake in Kelp", "made an investment in Kelp": the verb's subject
            # does what the noun says
            subjects.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
        elif dep == "nsubj" and head.lemma_ in LISTING_VERBS:
            # "the founding members of the alliance include AMD and Intel"
            subjects.extend(c for c in head.children if c.dep_ in ("dobj", "attr"))
            rule = "noun-copula"
        elif dep == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
            # "named Ann Lee as its director" (the object holds the title), "Ann Lee joined
            # Acme as its director" (the subject does): domain and range tell which
            verb = head.head
            subjects.extend(c for c in verb.children if c.dep_ in ("dobj", "oprd", "nsubj", "nsubjpass"))
        resolved_subjects = self.resolve(subjects)
        if not resolved_subjects and dep == "pobj" and head.lower_ in GERUND_COMPLEMENT_PREPOSITIONS:
            # "convicted of Kennedy's killing": done as a gerund there would be
            resolved_subjects = self.resolve(self.complement_doers(head))
            rule = "noun-inherited" if resolved_subjects else rule
        resolved_objects = self.resolve(objects) or self.title_owner(noun)
        if dep in ("amod", "conj") and head.i != noun.i and depth < 2 and head.i not in self.by_token:
            # "founding members of X": the adjective shares its noun's arguments;
            # "co-founder and chief executive": a conjunct shares the first one's
            shared_subjects, shared_objects, _ = self.noun_arguments(head, depth + 1)
            resolved_subjects = resolved_subjects or shared_subjects
            resolved_objects = resolved_objects or shared_objects
            rule = "noun-inherited"
        elif dep == "amod" and head.i in self.by_token:
            resolved_subjects = resolved_subjects or [self.by_token[head.i]]
        if not resolved_objects and depth == 0:
            resolved_objects = self.unnamed_owner(noun)
        return resolved_subjects, resolved_objects, rule

    def unnamed_owner(self, noun: Token) -> list[Mention]:
        """ "Chief executive Ann Lee has been reorganizing Acme's AI work": a title with no
        owner named is at the organization the document is about, where that is the one
        organization its sentence names."""
        if (noun.lemma_.lower(),) not in self.people_nouns or self.main_organization is None:
            return []
        sent = noun.sent
        named = [m for m in self.mentions if sent.start <= m.start < sent.end
                 and self.ontology.is_a(m.cls, self.organization)]
        if not named or any(name_key(m.name) != self.main_organization for m in named):
            return []
        return [named[0]]

    @cached_property
    def main_organization(self) -> tuple[str, ...] | None:
        """The organization a document is about: named in more sentences than any other, and
        in more than one."""
        sentences: dict[tuple[str, ...], set[int]] = {}
        sent_start = token_table(self.doc).sent_start
        for m in self.mentions:
            if self.ontology.is_a(m.cls, self.organization):
                sentences.setdefault(name_key(m.name), set()).add(sent_start[m.start])
        ranked = sorted(((len(s), k) for k, s in sentences.items()), reverse=True)
        if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        return ranked[0][1]

    def relational(self, noun: Token) -> bool:
        return any(self.ontology.noun_relations(w) for w in noun_words(noun))

    def title_owner(self, noun: Token) -> list[Mention]:
        owner = title_owner(noun, self.by_token)
        return [owner] if owner is not None else []

    def resolve(self, tokens: Iterable[Token]) -> list[Mention]:
        found: dict[int, Mention] = {}
        for token in tokens:
            meant = antecedent(token)
            mentions = self.entities(meant)
            if not mentions and meant is not token and meant.dep_ == "pobj" and meant.head.lower_ == "of" \
                    and meant.head.head.pos_ in ("NOUN", "PROPN"):
                # "Reef, a dataset of web pages that Acme assembled": a clause the parser hung on
                # the nameless noun after "of" is about the noun the "of" belongs to
                mentions = self.entities(meant.head.head)
            for mention in mentions:
                # "Meta, which acquired Scale AI, and Google": a relative clause is about the
                # names before it, not those after it
                if meant is token or mention.start < token.i:
                    found.setdefault(mention.start, mention)
        return list(found.values())

    def entities(self, token: Token) -> list[Mention]:
        """The mentions a token stands for: itself, its conjuncts, or a common noun's names."""
        found: dict[int, Mention] = {}
        for t in (token, *token.conjuncts):
            mention = self.by_token.get(t.i)
            if mention is not None:
                for member in self.lists.get(mention.start, (mention,)):
                    found.setdefault(member.start, member)
                continue
            if t.pos_ not in ("NOUN", "PROPN"):
                continue
            before = self.name_before(t)
            if before is not None and t.dep_ != "appos" and \
                    self.doc[before.start:before.end].root.dep_ not in UNPARSED_NAME_LABELS:
                before = None  # "Acme released HelixQA, a benchmark": only where the parser made no
                # apposition of the noun because it had no place for the name ("advmod")
            if t.dep_ == "appos" and t.head.i in self.by_token:
                # "Mistral AI, a startup founded by ...": the apposition is the name's; after a
                # list ("Acme and Kelp, the firm that ...") the parser hangs it on the first
                # member, but it is said of the last, right before its comma
                head = self.by_token[t.head.i]
                if before is not None and before in self.lists.get(head.start, ()):
                    head = before
                found.setdefault(head.start, head)
                continue
            if before is not None:
                found.setdefault(before.start, before)  # the same, where the parser hung both elsewhere
                continue
            # "the inventor Ann Lee", "the company, Acme": the noun is the name it is set beside;
            # "Acme is a startup that ...": the noun is the subject it is said of
            named = [c for c in t.children if c.dep_ == "appos" and c.i in self.by_token]
            if t.dep_ == "attr" and t.head.lemma_ == "be":
                named += [c for c in t.head.children if c.dep_ == "nsubj" and c.i in self.by_token]
            if named:
                for c in named:  # "two colleagues, Ann Lee and Bo Park": the list, not its first
                    for m in self.entities(c):
                        found.setdefault(m.start, m)
                continue
            one = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else None
            named_one = self.name_before(one) if one is not None and one.lower_ == "one" else None
            if named_one is not None:
                # "text-wren-002, one of Kelp's Wren models": the plural stands for the name too
                found.setdefault(named_one.start, named_one)
            for member in self.affiliation(t):  # "researchers at Princeton University"
                found.setdefault(member.start, member)
            collection = t.lemma_.lower() in COLLECTION_NOUNS
            if collection or t.lemma_.lower() in VERSION_NOUNS or (t.lower_ in PREPOSITION_NOUNS and t.dep_ == "pobj"):
                # "a set of Tide models": what the set is of; "a search-tuned version of
                # Gemma-9" drives it: the model it is a version of; "on top of Llama 3": on it
                for m in (m for p in of_objects(t) for m in self.entities(p)):
                    found.setdefault(m.start, m)
            # a proper noun keeps its plural as its lemma: "H100 GPUs"
            if collection or any(w in self.ontology.class_triggers for w in noun_words(t)) \
                    or (t.tag_ == "NNPS" and (singular(t.lower_),) in self.ontology.class_triggers):
                for child in t.children:  # "the HumanEval benchmark", not "the OpenAI investment"
                    if child.dep_ in ("compound", "nmod", "nummod", "amod") and child.i in self.by_token:
                        m = self.by_token[child.i]
                        found.setdefault(m.start, m)
            for example in self.examples(t):  # "models such as BLOOM"
                found.setdefault(example.start, example)
            for named in self.named(t):  # "a new chip called Gaudi 3"
                found.setdefault(named.start, named)
        return list(found.values())

    def name_before(self, noun: Token) -> Mention | None:
        """The name right before the comma that opens the noun's phrase ("Kelp.AI, the startup")."""
        end = set_off_after(noun)
        mention = self.by_token.get(end) if end is not None else None
        return mention if mention is not None and mention.end == end + 1 else None

    def names_before(self, noun: Token) -> list[Mention]:
        """What the words right before the comma that opens the noun's phrase stand for: a
        name ("K100, the company's best seller"), or the names of a noun ("K100 GPUs, the
        company's ...")."""
        named = self.name_before(noun)
        if named is not None:
            return [named]
        end = set_off_after(noun)
        return self.entities(self.doc[end]) if end is not None and end not in self.by_token else []

    def affiliation(self, noun: Token) -> list[Mention]:
        """People named by their trade and their organization stand for the organization."""
        if noun.lemma_.lower() in GROUP_NOUNS:  # "a team of researchers at Stanford University"
            return [m for p in of_objects(noun) for m in self.affiliation(p)]
        if noun.tag_ in ("NNS", "NN"):
            lemma = noun.lemma_.lower()
        elif noun.is_sent_start and noun.tag_ in ("NNP", "NNPS"):
            lemma = singular(noun.lower_)  # "Researchers at Acme ...", capitalised, taken for a name
        else:
            return []
        if (lemma,) not in self.people_nouns:
            return []
        if is_former(noun):
            return []  # "former researchers of Google" do not stand for Google
        return [replace(m, source=AFFILIATION, confidence=min(m.confidence, SOURCE_CONFIDENCE[AFFILIATION]))
                for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPOSITIONS
                for p in pobjs(prep) for m in self.entities(p)
                if self.ontology.is_a(m.cls, self.organization)]

    def employer(self, person: Mention, relation: RelationSpec, obj: Mention) -> Mention | None:
        """The organization a person's own title names ("Acme chief executive Jane Doe",
        "Jane Doe, the chief executive of Acme"), as the doer of a relation only it can be
        the subject of; a title of a current post, which the ontology's noun triggers tell."""
        if self.ontology.fits(relation, person.cls, obj.cls):
            return None
        root = self.doc[person.start:person.end].root
        titles = [c for c in root.children if (c.dep_ == "compound" and c.pos_ == "NOUN") or c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            titles.append(root.head)
        found: dict[int, Mention] = {}
        for title in titles:
            posts = [r for words in noun_words(title) for r in self.ontology.noun_relations(words)
                     if r.requires_current]
            if not posts or is_former(title):
                continue
            owners = [c for c in title.children if c.dep_ in ("compound", "nmod", "poss")]
            owners += [p for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for p in pobjs(c)]
            # "Nvidia chief executive Jensen Huang", with Nvidia hung on the name
            for m in self.resolve(owners) or self.title_owner(title):
                if any(self.ontology.fits(r, person.cls, m.cls) for r in posts) \
                        and self.ontology.fits(relation, m.cls, obj.cls) and m is not obj:
                    found.setdefault(m.start, replace(m, source=AFFILIATION, confidence=min(
                        m.confidence, SOURCE_CONFIDENCE[AFFILIATION])))
        return next(iter(found.values())) if len(found) == 1 else None

    def named(self, noun: Token) -> list[Mention]:
        found = []
        for verb in noun.children:
            if verb.dep_ == "acl" and verb.lemma_.lower() in NAMING_VERBS:
                for child in verb.children:
                    if child.dep_ in ("oprd", "attr", "dobj", "xcomp", "npadvmod") and child.i in self.by_token:
                        found.append(self.by_token[child.i])
        return found

    def examples(self, noun: Token) -> list[Mention]:
        found: list[Mention] = []
        for token in noun.subtree:
            if token.dep_ != "prep" or token.lower_ not in EXAMPLE_PREPOSITIONS:
                continue
            if token.lower_ == "as" and not (token.i > 0 and self.doc[token.i - 1].lower_ == "such"):
                continue
            if depth_between(noun, token) > 3:
                continue
            for pobj in pobjs(token):
                for t in (pobj, *pobj.conjuncts):
                    if t.i in self.by_token:
                        found.append(self.by_token[t.i])
        return found


def _object_gap(verb: Token) -> Token | None:
    """The noun a verb's missing object is: the verb heads a clause on the noun, or is the
    infinitive of one ("a model the company hopes to release"), with a subject of its own, no
    relative pronoun that is an argument, and nothing else to be its object ("the startup Acme
    bought last year"; "a model that the company hopes to release", "that" taken for a mark)."""
    clause = verb
    if verb.dep_ == "xcomp" and verb.head.dep_ in ("relcl", "acl"):
        if _has_object(verb, besides=None):
            return None
        clause = verb.head
    if clause.dep_ not in ("relcl", "acl") or not any(c.dep_ == "nsubj" for c in clause.children):
        return None
    return None if _has_object(clause, besides=verb) else clause.head


def _has_object(verb: Token, *, besides: Token | None) -> bool:
    return any(c.dep_ in ("dobj", "ccomp") or (c.dep_ == "xcomp" and (besides is None or c.i != besides.i))
               or (c.lower_ in RELATIVE_PRONOUNS and c.dep_ != "mark") or (c.dep_ == "prep" and not pobjs(c))
               for c in verb.children)


def coordinated(doc: Doc, mentions: Sequence[Mention]) -> dict[int, tuple[Mention, ...]]:
    """Lists of names of one class read from the surface, by each member's start: the parse
    of a list of multi-word names is often wrong, the commas are not."""
    found: dict[int, tuple[Mention, ...]] = {}
    for group in surface_lists(doc, mentions):
        for cls in {m.cls for m in group}:
            members = tuple(m for m in group if m.cls == cls)
            if len(members) > 1:
                found.update((m.start, members) for m in members)
    return found


# -- parse helpers ---------------------------------------------------------------------------
