"""A parsed Doc's words as kg's readers ask for them: the ``TokenTable`` of its token
attributes, and the trigger forms of tokens (the word sequences a token can match against the
ontology's ``ai:verbTrigger``, ``ai:nounTrigger``, ``ai:classTrigger``), made once a token."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SENT_START
from spacy.tokens import Doc, Token

from ..ontology import Words
from .lexicon import PASSIVE_AGENT, TITLE_ABBREVIATIONS
from .parse import SMALL_CLAUSES, fused_participle


def noun_words(token: Token) -> list[Words]:
    """The trigger forms a noun can match: its lemma and text (first), with a modifier or two
    before. Computed once a token: every relation asks of every noun."""
    return token_table(token.doc).noun_forms(token.i)


def verb_words(token: Token) -> list[Words]:
    """Trigger forms of a verb: its lemma, with its particle ("set up"), its preposition
    ("work at") or the word fused before it ("open-source", "co-found"). Computed once a token."""
    return token_table(token.doc).verb_forms(token)


_TABLE = "kg.token_table"
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp"})


def token_table(doc: Doc) -> TokenTable:
    """The Doc's ``TokenTable``, made once and kept on the Doc until ``forget_words``."""
    table = doc.user_data.get(_TABLE)
    if table is None:
        table = doc.user_data[_TABLE] = TokenTable(doc)
    return table


def forget_words(doc) -> None:
    """Drop what is cached on the Doc, once the relations are read."""
    doc.user_data.pop(_TABLE, None)


class TokenTable:
    """A Doc's token attributes as Python lists, read in one pass of spaCy's C code: kg's
    readers look words up here instead of making a spaCy ``Token`` for every question they
    ask of every word (making tokens was most of kg's own time)."""

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, SENT_START, HEAD, IDX]).tolist()
        self.text = [strings[r[0]] for r in rows]
        self.lower = [strings[r[1]] for r in rows]
        self.lemma = [strings[r[2]] for r in rows]
        self.pos = [strings[r[3]] if r[3] else "" for r in rows]
        self.dep = [strings[r[4]] if r[4] else "" for r in rows]
        #: the index of each token's syntactic head (itself at a sentence's root)
        # spaCy gives a head as an offset in an unsigned array: a head before wraps around
        self.head = [i + (r[6] - (1 << 64) if r[6] >= 1 << 63 else r[6]) for i, r in enumerate(rows)]
        #: the character offset of each token in the document's text
        self.idx = [r[7] for r in rows]
        #: the index of the first token of each token's sentence
        self.sent_start: list[int] = []
        starts: list[int] = [0] if rows else []
        for i, r in enumerate(rows):
            if r[5] == 1 and i:
                starts.append(i)
            self.sent_start.append(starts[-1])
        #: (start, end) of each sentence, in token indices
        self.sentences = list(zip(starts, [*starts[1:], len(rows)]))
        self._noun_forms: dict[int, list[Words]] = {}
        self._verb_forms: dict[int, list[Words]] = {}
        self._boilerplate: set[int] | None = None
        self._headlines: set[int] | None = None

    def clause_of(self, i: int) -> int:
        """The head of the clause token ``i`` is in: the nearest relative, adverbial or
        complement clause above it, else its sentence's root."""
        seen = 0
        while self.dep[i] not in _CLAUSES and self.head[i] != i and seen < 50:
            i, seen = self.head[i], seen + 1
        return i

    def root(self, start: int, end: int) -> int:
        """The token of a span whose head lies outside it."""
        for i in range(start, end):
            if not start <= self.head[i] < end or self.head[i] == i:
                return i
        return start

    def path_between(self, i: int, j: int) -> list[int]:
        """The tokens on the dependency path from token ``i`` to token ``j``, both left out;
        empty if they are not joined (or are one token)."""
        up_i, k = [i], i
        while self.head[k] != k and len(up_i) < 60:
            k = self.head[k]
            up_i.append(k)
        at = {t: n for n, t in enumerate(up_i)}
        up_j, k = [j], j
        while k not in at and self.head[k] != k and len(up_j) < 60:
            k = self.head[k]
            up_j.append(k)
        if k not in at:
            return []
        return [*up_i[1:at[k] + 1], *reversed(up_j[1:-1])] if k != j else up_i[1:at[k]]

    def arcs_between(self, i: int, j: int) -> int:
        """How many dependency arcs join two tokens of one sentence."""
        depth: dict[int, int] = {}
        k, steps = i, 0
        while k not in depth and steps < 60:
            depth[k] = steps
            k, steps = self.head[k], steps + 1
        k, steps = j, 0
        while k not in depth and steps < 60:
            k, steps = self.head[k], steps + 1
        return steps + depth.get(k, 60)

    def headline_tokens(self, doc: Doc) -> set[int]:
        """Tokens of title-case lines (headlines, section titles): no sentence ends them. A
        document of one line has no headline: it is a sentence, with or without its full stop.
        Judged once a document."""
        if self._headlines is None:
            self._headlines = _headline_tokens(self)
        return self._headlines

    def boilerplate(self, doc: Doc) -> set[int]:
        """The starts of the sentences that are boilerplate, judged once a document."""
        if self._boilerplate is None:
            from .boilerplate import is_boilerplate, signal_offsets

            # one search of the document's text, not one of each sentence's
            starts = {self.sent_start[bisect_right(self.idx, c) - 1] for c in signal_offsets(doc.text)}
            bounds = dict(self.sentences)
            self._boilerplate = {s for s in starts if is_boilerplate(doc[s:bounds[s]])}
        return self._boilerplate

    def noun_forms(self, i: int) -> list[Words]:
        found = self._noun_forms.get(i)
        if found is None:
            found = self._noun_forms[i] = self._forms(i)
        return found

    def verb_forms(self, token: Token) -> list[Words]:
        found = self._verb_forms.get(token.i)
        if found is None:
            found = self._verb_forms[token.i] = _verb_words(token)
        return found

    def _forms(self, i: int) -> list[Words]:
        lower, first = self.lower, self.sent_start[i]
        base = sorted({self.lemma[i].lower(), lower[i], TITLE_ABBREVIATIONS.get(lower[i], lower[i])})
        forms: list[Words] = [(b,) for b in base]
        # up to three words back, within the sentence
        left = [w for w in lower[max(first, i - 3):i] if w != "-"]
        for width in (1, 2):
            if len(left) >= width:
                prefix = tuple(left[-width:])
                forms.extend(prefix + (b,) for b in base)
        # the words hyphens join to it, written as one ("head-to-head")
        run, j = [lower[i]], i
        while j + 2 < len(lower) and self.text[j + 1] == "-" and self.sent_start[j + 2] == first \
                and self.idx[j + 1] == self.idx[j] + len(self.text[j]) and self.idx[j + 2] == self.idx[j + 1] + 1:
            run.append(lower[j + 2])
            j += 2
        if len(run) > 1:
            forms.append(tuple(run))
        return forms


def bare_forms(word: str) -> list[str]:
    """The bare forms an inflected word may stand for, the likelier first, where the tagger or
    the lemmatizer kept the ending: "tuned", "tuning" -> "tune", "tun"; "hopes" (which the
    lemmatizer makes "hop") -> "hope", "hop"; "plans" -> "plan"."""
    if word.endswith("ing"):
        return [word[:-3] + "e", word[:-3]]
    if word.endswith(("ed", "es")):
        return [word[:-1], word[:-2]]
    if word.endswith(("s", "d")):
        return [word[:-1]]
    return []


def _verb_words(token: Token) -> list[Words]:
    lemma = token.lemma_.lower()
    stems = [lemma]
    if token.pos_ != "VERB" and lemma.endswith(("ed", "ing")):
        # a participle or gerund tagged as an adjective or a noun keeps its ending: "tuned" and
        # "tuning" are "tune", "trained" and "training" "train"
        stems = bare_forms(lemma)
        lemma = stems[0]
    forms: list[Words] = [(s,) for s in stems]
    if token.lower_ != lemma:
        forms.append((token.lower_,))
    for child in token.children:
        # "by" is a passive's agent: "lead by" is "a collaboration led by Acme", not "Acme leads Kelp"
        if child.dep_ in ("prt", "prep", "dobj", "agent") and child.i > token.i:
            forms.extend((s, child.lower_) for s in stems)
        elif child.dep_ in SMALL_CLAUSES and child.pos_ == "ADJ" and child.i > token.i:
            forms.extend((s, child.lower_) for s in stems)  # "made X available": "make available"
    previous = [t for t in token.doc[max(token.i - 2, 0):token.i] if t.text != "-"]
    if previous and previous[-1].head == token or (previous and token.i > 0 and token.doc[token.i - 1].text == "-"):
        forms.extend((previous[-1].lower_, s) for s in stems)
    if "-" in lemma:
        forms.append(tuple(lemma.replace("-", " ").split()))
    if fused_participle(token):
        forms.extend((s, PASSIVE_AGENT) for s in stems)  # "Google-owned YouTube": owned by Google
    return forms


def _headline_tokens(table: TokenTable) -> set[int]:
    tokens: set[int] = set()
    solid = [i for i, t in enumerate(table.text) if not t.isspace()]
    if not solid or not any("\n" in t for t in table.text[solid[0]:solid[-1]]):
        return tokens  # one line, once the text is stripped
    for start, end in table.sentences:
        texts = table.text[start:end]
        words = [w for w in texts if w.isalpha()]
        if len(words) < 3 or texts[-1] in (".", "!", "?", '"', "”") or "." in texts:
            continue
        first = next((i for i, t in enumerate(texts) if not t.isspace()), 0)
        if texts[first].isupper() and texts[first].isalpha() and "," in texts[first + 1:first + 4]:
            continue  # a dateline, "SAN JOSE, Calif., March 18": its place is named as in a sentence
        long_words = [w for w in words if len(w) > 3]
        if long_words and sum(w.istitle() or w.isupper() for w in long_words) / len(long_words) >= 0.75:
            tokens.update(range(start, end))
    return tokens
