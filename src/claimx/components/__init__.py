"""The rules components of claimx, as spaCy factories: ``claimx_typography`` (before ``tok2vec``),
``claimx_paragraphs`` (before the parser), ``claimx_actors``, ``claimx_claims``
(rule frame builders in :mod:`.rules`) and ``claimx_conditions``.  Importing this package registers
them; they are also registered as ``spacy_factories`` entry points.  The learned tagger is in
:mod:`claimx.model.component`; building a pipeline from a config is :mod:`claimx.nlp`.
"""

from . import abbreviations, actors, claims, conditions, paragraphs, typography  # noqa: F401  (registers the factories and the tokenizer callback)
