"""Where user-built data lives: the user data folder and the default path of the full gazetteer.

In: the environment (``$SAHEL_EXTRACT_DATA``, ``$XDG_DATA_HOME``). Out: paths; nothing is created here.
"""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """Where user-built data lives: ``$SAHEL_EXTRACT_DATA`` or the XDG data folder."""
    base = os.environ.get("SAHEL_EXTRACT_DATA") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share"), "sahel-extract")
    return Path(base)


def default_full_gazetteer_path() -> Path:
    return data_dir() / "gazetteer.sqlite"
