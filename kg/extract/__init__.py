"""Extraction: text → spaCy ``Doc`` → mentions and relation mentions.

One step a module, in the order a document goes through them: ``sentences`` (boundaries),
``boilerplate`` (lines that are no news), ``mentions`` (names and their classes), ``coref``
(references to them), ``relations`` (candidate relations read off the parse with the
ontology's triggers) and ``events`` (funding rounds told over several sentences); ``scoring``
gives each candidate its confidence. ``pipeline`` registers kg's spaCy components.
Helpers: ``parse`` (reading the dependency parse), ``modality`` (negation, plans, time),
``words`` (a token's trigger forms, the token table), ``lexicon`` (the words the rules read).
The records they hand on (``Mention``, ``RelationMention``) are in ``kg.records``.
"""
