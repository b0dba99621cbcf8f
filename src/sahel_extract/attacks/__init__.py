"""Attacks stage: an article's resolved mentions grouped into attacks, and the attacks built into records.

| module | job |
|---|---|
| ``model`` | ``EventMention``: one attack, the frames that tell it |
| ``grouping`` | mentions to attacks, by their resolved places and dates |
| ``tolls`` | pure toll arithmetic (DESIGN.md section 3) and the sides of each figure |
| ``actor_choice`` | who carried out the attack |
| ``event_type`` | the event type and the target |
| ``build`` | ``AttackRecord`` objects with their evidence |
"""

from .build import build_records
from .grouping import group_frames
from .model import EventMention

__all__ = ["EventMention", "build_records", "group_frames"]
