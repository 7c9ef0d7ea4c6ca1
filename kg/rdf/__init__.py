"""The RDF side of kg: what is written, how it is read back, and where it is kept.

- ``vocab``: the ontology's namespace (a ``DefinedNamespace``) and the base IRIs kg mints under.
- ``write``: extractions into triples, a document and an entity at a time.
- ``evidence``: the evidence schema read back: each ``ai:Evidence`` node as a record.
- ``formats``: RDF formats by name and file suffix, and reading RDF files safely.
- ``store``: a graph on disk, one named graph per document (Oxigraph).
- ``endpoint``: the store served over the SPARQL Protocol, or pushed to another server.

Nothing here imports spaCy: reading, querying and serving a graph never load a pipeline.
"""
