"""Who the person is: their name, the role they have and the role they are working towards."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    current_role: str = ""
    target_role: str = ""
