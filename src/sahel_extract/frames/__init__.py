"""Frames stage: a spaCy Doc in, attack mentions (``EventMention``) out.

``frames.analyse_sentence`` reads one sentence, ``merge.group_frames`` groups sentences into attacks,
and ``component.AttackFinder`` (factory ``sahel_attacks``) runs both and sets ``doc._.attacks``.
"""

from .mentions import ActorArg, Arg, CasualtyArg, EventMention, Frame, PlaceArg, TargetArg, Trigger

__all__ = ["ActorArg", "Arg", "CasualtyArg", "EventMention", "Frame", "PlaceArg", "TargetArg", "Trigger"]
