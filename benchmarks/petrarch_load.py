"""What importing Phoenix's dictionaries adds to loading: dictionaries plus the actor resolver
(lexicon and matchers), shipped only vs shipped + Phoenix's four files, the first time (no
cache) and on later runs (cached). The Phoenix files are read from
../shared/reference/petrarch at run time and imported into a temporary folder, with a cache
folder of its own; without the files the benchmark says so and exits 0.

    python benchmarks/petrarch_load.py [--repeats 3]

Target (issue 13): later loads add well under a second.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kittiwake.actors.dictionaries import load_dictionaries
from kittiwake.actors.resolve import ActorResolver
from kittiwake.config import DEFAULT_MODEL
from kittiwake.importers.output import to_yaml
from kittiwake.importers.petrarch import import_actors, import_agents
from kittiwake.nlp import load_nlp

FOLDER = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "petrarch"
ACTORS = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
          "Phoenix.MilNonState.actors.txt")  # fmt: skip
AGENTS = "Phoenix.agents.txt"


def imported(out: Path) -> list[Path]:
    shipped = load_dictionaries()
    paths = []
    for name in (*ACTORS, AGENTS):
        text = (FOLDER / name).read_text(encoding="utf-8", errors="replace")
        if name == AGENTS:
            result = import_agents(text, shipped=shipped.agents, source=name)
        else:
            result = import_actors(text, shipped=shipped, source=name)
        path = out / f"{name}.yaml"
        path.write_text(to_yaml(result, header=name), encoding="utf-8")
        paths.append(path)
    return paths


def seconds(paths: list[Path]) -> float:
    nlp = load_nlp(DEFAULT_MODEL)
    start = time.perf_counter()
    ActorResolver(dictionaries=load_dictionaries(extra_paths=paths), nlp=nlp)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # a later run
    args = parser.parse_args()
    if args.measure:
        paths = sorted(args.measure.glob("*.yaml"))
        seconds([])  # the model and the shipped files, loaded once per process anyway
        base, phoenix = seconds([]), seconds(paths)
        print(f"shipped {base:.2f} s, with Phoenix {phoenix:.2f} s: +{phoenix - base:.2f} s")
        return
    if not all((FOLDER / name).exists() for name in (*ACTORS, AGENTS)):
        print(f"skipped: Phoenix dictionaries not found in {FOLDER}")
        return
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KITTIWAKE_CACHE"] = str(Path(folder) / "cache")
        out = Path(folder) / "imported"
        out.mkdir()
        paths = imported(out)
        seconds([])
        print(f"first load with Phoenix (no cache): {seconds(paths):.2f} s")
        for _ in range(args.repeats):  # each later run is a new process, as `kittiwake code` is
            subprocess.run([sys.executable, __file__, "--measure", str(out)], check=True)


if __name__ == "__main__":
    main()
