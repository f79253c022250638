"""The learned claim tagger (transformer token classification + grouping + stance)."""
