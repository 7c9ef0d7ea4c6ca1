import pytest
import spacy

from kg.extract.sentences import sentence_starts


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en")


@pytest.mark.parametrize(("text", "expected"), [
    ("Meta Releases Llama\nThe company said so.", ["Meta Releases Llama", "The company said so."]),
    ("Nvidia Corp. said it grew. Intel did not.", ["Nvidia Corp. said it grew.", "Intel did not."]),
    ('"We are ready." Then he left.', ['"We are ready."', "Then he left."]),
    ("It rose to 3.5 percent. Shares fell.", ["It rose to 3.5 percent.", "Shares fell."]),
    ("Is it open? yes it is.", ["Is it open? yes it is."]),
    ("Headline\n\nFirst paragraph.\nSecond paragraph.", ["Headline", "First paragraph.", "Second paragraph."]),
])
def test_sentence_starts(tokenizer, text, expected):
    doc = tokenizer(text)
    starts = sentence_starts(doc)
    sentences, current = [], []
    for token, start in zip(doc, starts):
        if start and current:
            sentences.append(current)
            current = []
        current.append(token)
    sentences.append(current)
    texts = ["".join(t.text_with_ws for t in s).strip() for s in sentences]
    assert [t for t in texts if t] == expected
