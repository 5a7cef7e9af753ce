"""`kittiwake dict validate` (report `file:line: field: message` for dictionaries, patterns,
codebook and language files) and the importers (`dict import-petrarch`, `dict import-wikidata`)."""

from __future__ import annotations

from pathlib import Path

import click

from kittiwake.actors.dictionaries import load_dictionaries
from kittiwake.cli.groups import dictionaries
from kittiwake.events.codebook import load_codebook
from kittiwake.events.patterns import shipped_verbs
from kittiwake.importers.output import patterns_yaml, to_yaml
from kittiwake.importers.petrarch import (
    ImportResult,
    import_actors,
    import_agents,
    import_discards,
    is_agent_dictionary,
    is_discard_dictionary,
)
from kittiwake.importers.petrarch_verbs import VerbImport, import_verbs, is_verb_dictionary
from kittiwake.importers.wikidata import import_wikidata, parse_positions
from kittiwake.resources import KINDS, validate_resources


@dictionaries.command(name="validate")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default=None,
    help="Read every file as this kind (default: each file's content says).",
)
def validate(paths: tuple[Path, ...], kind: str | None) -> None:
    """Validate dictionary, pattern, codebook or language files, or folders (every shipped
    resource, and the language files KITTIWAKE_LANG_DIR names, when none are given)."""
    result = validate_resources(paths, kind=kind)
    for error in result.errors:
        click.echo(str(error))
    if result.errors:
        click.echo(f"{len(result.errors)} error(s)", err=True)
        raise click.exceptions.Exit(1)
    click.echo(", ".join(f"{count} {name}" for name, count in result.counts.items()) + ": valid")


def write_text(text: str, *, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")


def report(result: ImportResult | VerbImport, *, source: str) -> None:
    """Every line left out and every warning, as `file:line: why`, on stderr."""
    for problem in result.problems:
        click.echo(f"left out: {problem.at(source)}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning.at(source)}", err=True)


def write_import(result: ImportResult, *, header: str, out: Path | None, source: str) -> None:
    """Write the YAML (to `out` or stdout) and report counts and problems on stderr."""
    write_text(to_yaml(result, header=header), out=out)
    report(result, source=source)
    click.echo(
        f"{len(result.countries)} countries, {len(result.people)} people, "
        f"{len(result.organisations)} organisations, {len(result.agents)} agents, "
        f"{len(result.discards)} discards; "
        f"{len(result.problems)} left out, {len(result.warnings)} warnings"
        + (f" -> {out}" if out else ""),
        err=True,
    )


output_option = click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the YAML here (default: standard output).",
)


@dictionaries.command(name="import-petrarch")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option
@click.option(
    "--new-verbs-only",
    is_flag=True,
    help="Verb dictionaries: leave out the verbs kittiwake's own patterns already cover.",
)
@click.option(
    "--without-defaults",
    is_flag=True,
    help="Verb dictionaries: leave out each verb block's default code (keep constrained patterns).",
)
def import_petrarch(
    path: Path, out: Path | None, new_verbs_only: bool, without_defaults: bool
) -> None:
    """Convert a PETRARCH/TABARI actor, agent or verb dictionary to kittiwake YAML.

    Use actors and agents with --dictionary FILE (or KITTIWAKE_DICTIONARIES): their entries
    take precedence over the shipped ones. Use verbs with --patterns FILE.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    header = f"Imported from the PETRARCH dictionary {path.name}"
    if is_verb_dictionary(text):
        known = shipped_verbs() if new_verbs_only else frozenset()
        codes = set(load_codebook().codes())
        verbs = import_verbs(
            text, codes=codes, source=path.name, skip_verbs=known, defaults=not without_defaults
        )
        write_text(patterns_yaml(verbs, header=header), out=out)
        report(verbs, source=path.name)
        counts = f"{len(verbs.patterns)} patterns; {len(verbs.problems)} lines left out"
        click.echo(
            f"{counts}, {len(verbs.warnings)} warnings" + (f" -> {out}" if out else ""), err=True
        )
        return
    shipped = load_dictionaries()
    if is_discard_dictionary(text):
        result = import_discards(text, source=path.name)
    elif is_agent_dictionary(text):
        result = import_agents(text, shipped=shipped.agents, source=path.name)
    else:
        result = import_actors(text, shipped=shipped, source=path.name)
    write_import(result, header=header, out=out, source=path.name)


@dictionaries.command(name="import-wikidata")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--position",
    "positions",
    multiple=True,
    metavar="QID=CODE",
    help="Code of a position the file does not describe, e.g. Q11696=USAGOV (repeatable).",
)
@output_option
def import_wikidata_command(path: Path, positions: tuple[str, ...], out: Path | None) -> None:
    """Build dated person entries from a Wikidata SPARQL result (JSON) or entity dump."""
    try:
        result = import_wikidata(
            path.read_text(encoding="utf-8"), positions=parse_positions(positions)
        )
    except ValueError as error:
        raise click.ClickException(f"{path}: {error}") from error
    header = f"Imported from the Wikidata file {path.name}"
    write_import(result, header=header, out=out, source=path.name)
