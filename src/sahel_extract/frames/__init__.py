"""Frames stage: a spaCy Doc in, one mention frame per sentence out.

``frame.analyse_sentence`` reads one sentence into a ``Frame`` (triggers, casualty figures, actors and targets,
places, times, sources, clause cues), each finder in its own module (``triggers``, ``casualties``, ``actors``,
``places``, ``cues``) reading the spans the pattern rulers wrote (``lex``); ``component.FrameFinder`` (factory
``sahel_frames``) runs it over a Doc and sets ``doc._.frames``. This code links spans; it holds no word lists.
"""

from .mentions import ActorArg, Arg, CasualtyArg, Frame, PlaceArg, TargetArg, TimeArg, Trigger

__all__ = ["ActorArg", "Arg", "CasualtyArg", "Frame", "PlaceArg", "TargetArg", "TimeArg", "Trigger"]
