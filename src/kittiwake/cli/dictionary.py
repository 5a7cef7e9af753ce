"""`kittiwake dict validate`: check actor dictionary files and report `file:line: field: message`."""

from __future__ import annotations

from pathlib import Path

import click

from kittiwake.actors.dictionaries import count_entries, validate_paths
from kittiwake.cli.groups import dictionaries


@dictionaries.command(name="validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Validate dictionary files or folders (the shipped dictionaries when none are given)."""
    errors = validate_paths(paths)
    for error in errors:
        click.echo(str(error))
    if errors:
        click.echo(f"{len(errors)} error(s)", err=True)
        raise click.exceptions.Exit(1)
    counts = count_entries(paths)
    click.echo(", ".join(f"{count} {kind}" for kind, count in counts.items()) + ": valid")
