"""Choosing the gazetteer tier: one loader, no import cycle.

In: a gazetteer choice (``Settings.places.gazetteer``): a path to a built index, ``"embedded"``, or ``None``.
Out: a ``GazetteerLike``: the index at the path; for ``None`` the user's full gazetteer if they built one
(``sahel-extract gazetteer build``, stored in the user data folder), else the embedded tier. The user data
folder is ``$SAHEL_EXTRACT_DATA`` or the XDG data folder; nothing else of the user's home is written.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .kb import GazetteerLike
from .paths import data_dir, default_full_gazetteer_path

__all__ = ["data_dir", "default_full_gazetteer_path", "load_gazetteer"]


def load_gazetteer(choice: str | os.PathLike | None = None) -> GazetteerLike:
    """The gazetteer for a choice: a path; ``"embedded"``; or ``None``: the user's full gazetteer if it has been
    built, else the embedded one."""
    from .embedded import embedded_gazetteer

    if choice == "embedded":
        return embedded_gazetteer()
    if choice:
        return _open_full(str(Path(choice).resolve()))
    if default_full_gazetteer_path().is_file():
        return _open_full(str(default_full_gazetteer_path().resolve()))
    return embedded_gazetteer()


@lru_cache(maxsize=4)
def _open_full(path: str) -> GazetteerLike:
    """One open index per file and process: the components and stages of a pipeline share it (and its caches)."""
    from .full import FullGazetteer

    return FullGazetteer.open(path)
