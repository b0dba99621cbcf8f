"""spaCy components of the project, registered with ``@Language.factory`` on import.

``sahel_entity_ruler`` (places, actors, countries before ``ner``); the events component
``sahel_attacks`` lives in ``sahel_extract.events.component``.
"""

from .entity_ruler import SahelEntityRuler

__all__ = ["SahelEntityRuler"]
