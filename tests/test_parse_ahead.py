"""`parsed_ahead`: batches come back in order with their parses, the next one parsed in a
second thread meanwhile; a parse over its time is handed back as timed out and the rest are
parsed in the calling thread."""

from __future__ import annotations

import threading

from kittiwake.parse_ahead import parsed_ahead


def upper(batch: list[str]) -> tuple[str, ...]:
    return tuple(word.upper() for word in batch)


def test_batches_come_back_in_order_with_their_parses() -> None:
    batches = [["a", "b"], ["c"], [], ["d", "e"]]
    found = list(parsed_ahead(iter(batches), parse=upper, seconds=lambda _: 0, timed_out=len))
    assert found == [(batch, upper(batch)) for batch in batches]


def test_the_next_batch_is_parsed_while_the_caller_works_on_this_one() -> None:
    second_started = threading.Event()
    threads: list[str] = []

    def parse(batch: list[str]) -> tuple[str, ...]:
        threads.append(threading.current_thread().name)
        if batch == ["second"]:
            second_started.set()
        return upper(batch)

    results = parsed_ahead(
        iter([["first"], ["second"]]), parse=parse, seconds=lambda _: 0, timed_out=len
    )
    assert next(results) == (["first"], ("FIRST",))
    # the caller still holds the first batch: the second is being parsed elsewhere
    assert second_started.wait(timeout=10)
    assert next(results) == (["second"], ("SECOND",))
    assert threading.current_thread().name not in threads


def test_a_parse_over_its_time_is_handed_back_and_the_rest_parsed_here() -> None:
    release = threading.Event()
    threads: dict[str, str] = {}

    def parse(batch: list[str]) -> tuple[str, ...]:
        threads[batch[0]] = threading.current_thread().name
        if batch == ["slow"]:
            release.wait(timeout=10)  # a parse that runs long
        return upper(batch)

    batches = iter([["slow"], ["next"], ["last"]])
    try:
        found = list(
            parsed_ahead(batches, parse=parse, seconds=lambda _: 0.05, timed_out=lambda _: ())
        )
    finally:
        release.set()
    assert found == [(["slow"], ()), (["next"], ("NEXT",)), (["last"], ("LAST",))]
    here = threading.current_thread().name
    assert threads["next"] == threads["last"] == here != threads["slow"]
