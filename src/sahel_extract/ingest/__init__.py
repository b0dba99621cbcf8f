"""Ingest stage: files and folders in, a stream of ``Article`` (or ``IngestError``) out.

See ``files.py`` for the walk and error handling and ``readers.py`` for the formats.
"""

from .article import Article, make_article
from .files import DEFAULT_MAX_BYTES, iter_articles, read_file
from .readers import SUPPORTED_SUFFIXES, ReadError

__all__ = ["Article", "make_article", "iter_articles", "read_file", "DEFAULT_MAX_BYTES", "SUPPORTED_SUFFIXES",
           "ReadError"]
