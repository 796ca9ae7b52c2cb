"""What an article is about: defence and diplomacy topics, relevance, and countries.

Pure functions of an article's title and text, cheap enough for the extraction workers to run
on every article. The vocabularies are data shipped with the package (taxonomy.toml,
countries.toml); docs/taxonomy.md explains them for analysts.
"""

from newsarchive.analysis.countries import find_countries
from newsarchive.analysis.topics import (
    RELEVANCE_THRESHOLD,
    TAXONOMY_VERSION,
    Topics,
    classify_topics,
)

__all__ = [
    "RELEVANCE_THRESHOLD",
    "TAXONOMY_VERSION",
    "Topics",
    "classify_topics",
    "find_countries",
]
