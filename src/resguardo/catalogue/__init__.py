"""The catalogue: threats, mitigations and the rest, loaded from validated YAML."""

from resguardo.catalogue.loader import load
from resguardo.catalogue.model import (
    Adversary,
    Asset,
    Capability,
    Catalogue,
    Context,
    Effect,
    IdentityStrategy,
    Mitigation,
    Profile,
    Question,
    Source,
    Support,
    Threat,
    Trigger,
)

__all__ = [
    "Adversary",
    "Asset",
    "Capability",
    "Catalogue",
    "Context",
    "Effect",
    "IdentityStrategy",
    "Mitigation",
    "Profile",
    "Question",
    "Source",
    "Support",
    "Threat",
    "Trigger",
    "load",
]
