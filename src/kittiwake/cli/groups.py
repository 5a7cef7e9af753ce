"""The click groups every command module attaches to, and the one handler of user errors.

The groups are lazy (click's documented LazyGroup pattern): a command's module is imported
only when that command runs or shows its own help, so `kittiwake --help` and
`kittiwake --version` load neither spaCy nor DuckDB. Each module still attaches its commands
with the usual decorators when imported; `COMMANDS` only says which module holds a command
and the one-line summary `--help` lists (tests/test_cli_groups.py keeps both true).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, NamedTuple

import click

from kittiwake.collector import fewer_collections
from kittiwake.errors import KittiwakeError

USER_ERROR_EXIT = 2  # as click's own usage errors: the input was wrong, not the program


class Lazy(NamedTuple):
    module: str
    summary: str  # the first sentence of the command's docstring


STORE, INGEST, GEO, CLUSTERS, DICTIONARY = (
    f"kittiwake.cli.{name}" for name in ("store", "ingest", "geo", "clusters", "dictionary")
)
COMMANDS: Mapping[str, Mapping[str, Lazy]] = {
    "kittiwake": {
        "cluster": Lazy(CLUSTERS, "Show the reports of CLUSTER_ID (an event cluster) side by side, representative first."),
        "code": Lazy("kittiwake.cli.code", "Code PATHS (.txt, .jsonl, .html, feeds, WARC, folders, or - for stdin); print events."),
        "dyads": Lazy(STORE, "Events per source-target pair and period; goldstein_mean stands in for GDELT's tone."),
        "evaluate": Lazy("kittiwake.cli.evaluate", "Score event type, CAMEO root, source/target and (type, source, target) triples on GOLD."),
        "evaluate-clusters": Lazy(CLUSTERS, "Code GOLD (ECB+ JSONL), cluster the events, and print MUC, B-cubed, CEAF-e and CoNLL F1 of the clusters and of the same-root + same-dyad + same-day baseline."),
        "evaluate-geo": Lazy(GEO, "Score toponym resolution or event-place choice against a GOLD JSONL file."),
        "events": Lazy(STORE, "Print stored events (JSON Lines like `kittiwake code`, CSV or a table)."),
        "explain": Lazy("kittiwake.cli.explain", "Show the parse, actor resolutions, patterns that fired or nearly fired, and events for TEXT (- reads stdin)."),
        "export": Lazy(STORE, "Export events as GDELT 2.0 rows, PLOVER JSON Lines, monthly Parquet or CSV."),
        "ingest": Lazy(INGEST, "Code PATHS (files, folders, globs, - for stdin) into DB; re-running skips stored ones."),
        "places": Lazy(GEO, "Print one JSON line per place mention in PATHS (the inputs `kittiwake code` reads)."),
        "recode": Lazy(INGEST, "Re-code stored articles with the current dictionaries and patterns, replacing their events."),
        "rejected": Lazy(STORE, "Inputs that could not be coded, and why."),
        "serve": Lazy("kittiwake.cli.serve", "Serve a dashboard of DB; every page /x has a JSON twin /x.json."),
        "sql": Lazy(STORE, "Run one read-only SELECT query against the database."),
        "timeline": Lazy(STORE, "Events per quad class per period."),
        "watch": Lazy("kittiwake.cli.watch", "Poll the feeds listed in FEEDS (URLs or feed files, one a line) and ingest new items."),
    },
    "actors": {
        "resolve": Lazy("kittiwake.cli.actors", "Resolve the actors named in TEXT, or in every query of --file, and print them as JSON."),
        "top": Lazy(STORE, "The actors in most stored events."),
    },
    "dict": {
        "import-petrarch": Lazy(DICTIONARY, "Convert a PETRARCH/TABARI actor, agent or verb dictionary to kittiwake YAML."),
        "import-wikidata": Lazy(DICTIONARY, "Build dated person entries from a Wikidata SPARQL result (JSON) or entity dump."),
        "validate": Lazy(DICTIONARY, "Validate dictionary, pattern, codebook or language files, or folders (every shipped resource, and the language files KITTIWAKE_LANG_DIR names, when none are given)."),
    },
    "plot": {
        "dyad": Lazy(STORE, "Goldstein score over time for one source-target pair."),
        "network": Lazy(STORE, "Actors on a circle, arrows coloured by cooperation (green) or conflict (red)."),
        "timeline": Lazy(STORE, "Quad-class event counts over time."),
    },
}  # fmt: skip


class LazyGroup(click.Group):
    """A group that imports a command's module the first time the command is asked for."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy: Mapping[str, Lazy] = COMMANDS.get(self.name or "", {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            importlib.import_module(self.lazy[cmd_name].module)  # its decorators add the command
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing, but a command not imported yet shows its summary from the table."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name)
            if command is None:  # a stand-in, so the summary is cut as click cuts a docstring
                command = click.Command(name, help=self.lazy[name].summary)
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class UserError(click.ClickException):
    exit_code = USER_ERROR_EXIT


class MainGroup(LazyGroup):
    """The top group: the one place user errors become a line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with fewer_collections():
                return super().invoke(ctx)
        except KittiwakeError as error:
            raise UserError(one_line(error)) from error
        except click.ClickException as error:
            # A command that turned a user error into its own message keeps the message,
            # with the exit code every user error has.
            if isinstance(error.__cause__, KittiwakeError) and not isinstance(error, UserError):
                raise UserError(error.message) from error.__cause__
            raise


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


@click.group(name="kittiwake", cls=MainGroup)
@click.version_option(package_name="kittiwake")
def main() -> None:
    """kittiwake: political event data (CAMEO, PLOVER) from English news."""


@main.group(cls=LazyGroup)
def actors() -> None:
    """Resolve actors and inspect the actor dictionaries."""


@main.group(name="dict", cls=LazyGroup)
def dictionaries() -> None:
    """Validate and inspect dictionaries, patterns and language files."""


@main.group(cls=LazyGroup)
def plot() -> None:
    """Draw charts from a kittiwake database."""
