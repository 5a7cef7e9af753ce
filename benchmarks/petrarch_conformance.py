"""PETRARCH conformance: import PETRARCH's validation dictionaries (actors, agents, discards,
verbs) with kittiwake's importers, code the sentences of PETR.UnitTest.records.xml and print
per category how many records pass (every expected event reproduced, or none coded where
none is expected) with the failing ids, and overall how many expected events are reproduced
at CAMEO code plus both actor codes. Events kittiwake cannot produce by construction (a code
outside its CAMEO codebook, an actor code not in three-letter groups) and PETRARCH's input-
error records are left out of the count, with the reason.

The records and dictionaries are read from ../shared/reference/petrarch at run time; without
that folder the benchmark says so and exits 0.

    python benchmarks/petrarch_conformance.py [--shipped-patterns] [--only ID ...]

By default the coder uses only the imported validation verbs, as PETRARCH would;
--shipped-patterns adds kittiwake's own patterns.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from kittiwake.actors.dictionaries import load_dictionaries
from kittiwake.actors.resolve import ActorResolver
from kittiwake.config import Settings
from kittiwake.events.code import EventCoder
from kittiwake.events.codebook import load_codebook
from kittiwake.events.patterns import build_pattern_set, shipped_pattern_files
from kittiwake.importers.conformance import (
    RECORDS,
    Outcome,
    import_validation,
    outcome,
    read_unit_tests,
)
from kittiwake.pipeline import Pipeline, code_text

FOLDER = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "petrarch"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shipped-patterns", action="store_true")
    parser.add_argument(
        "--validation-only",
        action="store_true",
        help="code with the validation dictionaries alone, without kittiwake's shipped ones",
    )
    parser.add_argument("--only", nargs="*", default=(), help="record ids to code")
    args = parser.parse_args()
    if not (FOLDER / RECORDS).exists():
        print(f"skipped: {FOLDER / RECORDS} not found")
        return
    codebook = load_codebook()
    codes = set(codebook.codes())
    with tempfile.TemporaryDirectory() as folder:
        imported = import_validation(
            FOLDER,
            out=Path(folder),
            shipped=load_dictionaries(),
            codes=codes,
            alone=args.validation_only,
        )
        # PETRARCH codes every event of a sentence: no cap on events per sentence
        settings = Settings(dictionaries=imported.dictionaries, max_events_per_sentence=0)
        pipeline = Pipeline(settings)
        if args.validation_only:
            only = load_dictionaries(extra_paths=imported.dictionaries, shipped=False)
            pipeline.actors = ActorResolver(dictionaries=only, nlp=pipeline.parse.nlp)
        pattern_files = [
            *(shipped_pattern_files() if args.shipped_patterns else []),
            imported.patterns,
        ]
        pipeline.events = EventCoder(
            patterns=build_pattern_set(pattern_files, codebook), codebook=codebook
        )
        tests = [t for t in read_unit_tests(FOLDER / RECORDS) if not args.only or t.id in args.only]
        outcomes = [
            outcome(t, code_text(t.text, date=t.date, pipeline=pipeline), codes=codes)
            for t in tests
            if not t.error
        ]
    print(f"imported; lines left out: {imported.left_out}")
    print(f"error records left out (PETRARCH input checks): {sum(t.error for t in tests)}")
    report(outcomes, verbose=bool(args.only))


def report(outcomes: list[Outcome], *, verbose: bool) -> None:
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for item in outcomes:
        by_category[item.test.category].append(item)
    print(f"{'category':<10} {'records':>7} {'pass':>5} {'n/a':>4} {'events':>9}  failing ids")
    for category, items in sorted(by_category.items()):
        counted = [i for i in items if i.counts]
        failing = [i.test.id for i in counted if not i.passed]
        events = f"{sum(len(i.reproduced) for i in items)}/{sum(len(i.counted) for i in items)}"
        print(
            f"{category:<10} {len(counted):>7} {len(counted) - len(failing):>5} "
            f"{len(items) - len(counted):>4} {events:>9}  {' '.join(failing)}"
        )
    counting = [i for i in outcomes if i.counts]
    print(
        f"records passed: {sum(i.passed for i in counting)}/{len(counting)} "
        f"({len(outcomes) - len(counting)} records n/a: left out, or every expected event left out)"
    )
    total = sum(len(i.counted) for i in outcomes)
    reproduced = sum(len(i.reproduced) for i in outcomes)
    print(f"expected events reproduced: {reproduced}/{total} ({reproduced / max(total, 1):.1%})")
    loose = sum(len(i.reproduced_at_root) for i in outcomes)
    print(f"  at CAMEO root and both countries: {loose}/{total} ({loose / max(total, 1):.1%})")
    reasons = Counter(why for i in outcomes for _, why in i.excluded)
    print(f"expected events left out: {sum(reasons.values())}")
    for why, count in reasons.items():
        print(f"  {count:>4}  {why}")
    records: dict[str, list[str]] = defaultdict(list)
    for item in outcomes:
        if item.left_out is not None:
            records[item.left_out].append(item.test.id)
    print(
        f"records left out (PETRARCH does not meet them either): {sum(map(len, records.values()))}"
    )
    for why, ids in records.items():
        print(f"  {' '.join(ids)}: {why}")
    if verbose:
        for item in outcomes:
            print(item.test.id, item.test.text)
            print("  expected", [e.triple() for e in item.counted], "found", sorted(item.found))


if __name__ == "__main__":
    main()
