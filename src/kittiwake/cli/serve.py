"""`kittiwake serve`: the dashboard and JSON API over one database."""

from __future__ import annotations

from pathlib import Path

import click

from kittiwake.cli.groups import main


@main.command()
@click.argument("db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8080, show_default=True)
@click.option(
    "--allow-host",
    multiple=True,
    help="Another Host name to answer to (e.g. a proxy's); the --host names always are.",
)
def serve(db: Path, host: str, port: int, allow_host: tuple[str, ...]) -> None:
    """Serve a dashboard of DB; every page /x has a JSON twin /x.json.

    Pages read a copy of DB refreshed when it changes, so an ingest can write DB meanwhile.
    """
    import uvicorn

    from kittiwake.web import create_app
    from kittiwake.web.security import allowed_hosts

    hosts = allowed_hosts(bind=host, extra=allow_host)
    uvicorn.run(create_app(db, hosts=hosts), host=host, port=port)
