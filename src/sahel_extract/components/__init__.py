"""spaCy components of the project that belong to no stage package, registered on import.

``sahel_pattern_ruler`` (one pattern family of ``models/patterns`` into its span group), ``sahel_zones`` (the page
zones of the article as a span group, with sentence breaks at them) and ``sahel_sentence_guard`` (no sentence
break before a place's brackets, before the parser). The entity ruler and
the place linker are in ``sahel_extract.places``; the frame finder in ``sahel_extract.frames.component``.
"""

from .pattern_ruler import PatternRuler
from .sentences import sentence_guard
from .zones import mark_zones

__all__ = ["PatternRuler", "mark_zones", "sentence_guard"]
