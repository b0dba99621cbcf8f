"""spaCy components of the project, registered with ``@Language.factory`` on import.

``sahel_entity_ruler`` (places, actors, countries before ``ner``) and ``sahel_sentence_guard`` (no
sentence break before a place's brackets, before the parser); the events component ``sahel_attacks``
lives in ``sahel_extract.frames.component``.
"""

from .entity_ruler import SahelEntityRuler
from .sentences import sentence_guard

__all__ = ["SahelEntityRuler", "sentence_guard"]
