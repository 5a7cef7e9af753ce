"""The click groups every command module attaches to (kept apart to avoid import cycles)."""

from __future__ import annotations

import click


@click.group()
@click.version_option(package_name="kittiwake")
def main() -> None:
    """kittiwake: political event data (CAMEO, PLOVER) from English news."""


@main.group()
def actors() -> None:
    """Resolve actors and inspect the actor dictionaries."""


@main.group(name="dict")
def dictionaries() -> None:
    """Validate and inspect dictionaries (actors, agents, patterns)."""


@main.group()
def plot() -> None:
    """Draw charts from a kittiwake database."""
