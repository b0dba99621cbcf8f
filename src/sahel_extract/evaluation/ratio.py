"""A count of successes: ``correct`` out of ``total``, the unit every evaluation figure is made of.

In: booleans (``add``). Out: the value (or None when nothing was counted), a dict, a printable cell.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Ratio:
    """``correct`` out of ``total``; ``value`` is None when there is nothing to count."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(bool(ok))

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total,
                "value": None if self.value is None else round(self.value, 4)}

    def __str__(self) -> str:
        shown = "  n/a" if self.value is None else f"{self.value:.3f}"
        return f"{shown} ({self.correct}/{self.total})"
