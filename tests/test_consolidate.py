"""Consolidation of events into clusters: constraints, scores, ids, counts, increments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.event_factories import coded_event

from kittiwake.consolidate import (
    Settings,
    StoredEvent,
    argument_words,
    baseline,
    consolidate,
    extend,
    from_event,
    lemma,
    summarize,
    trigger_lemma,
)
from kittiwake.records import Actor, Mention, Span

DAY = dt.date(2024, 3, 5)


def strike(event_id: str, **changes: object) -> StoredEvent:
    """A report of an air strike by Russia on Ukraine near Kharkiv; `changes` alter it."""
    base = StoredEvent(
        event_id=event_id,
        doc_id=f"doc-{event_id}",
        mention_id=f"m-{event_id}",
        outlet=f"outlet-{event_id}",
        cameo_root="19",
        plover_type="ASSAULT",
        source_code="RUSMIL",
        source_country="RUS",
        target_code="UKR",
        target_country="UKR",
        date=DAY,
        place_country="UKR",
        place_name="Kharkiv",
        trigger="strike",
        words=argument_words("Russian jets struck a power plant near Kharkiv"),
    )
    return dataclasses.replace(base, **changes)


def together(*events: StoredEvent) -> bool:
    assignments = consolidate(events).assignments
    return len({assignments[e.event_id] for e in events}) == 1


@pytest.mark.parametrize(
    ("change", "joined"),
    [
        ({}, True),
        ({"words": argument_words("Moscow's aircraft hit the Kharkiv power plant")}, True),
        ({"cameo_root": "18", "plover_type": None}, False),  # another kind of event
        ({"trigger": "meet"}, False),
        ({"date": DAY + dt.timedelta(days=1)}, True),  # a day either side: time zones, late news
        ({"date": DAY + dt.timedelta(days=3)}, False),
        ({"date": DAY + dt.timedelta(days=20), "precision": "month"}, True),
        ({"source_code": "UKRMIL", "source_country": "UKR"}, False),
        ({"source_code": "RUSGOV"}, True),  # same country: a compatible actor
        ({"source_code": None, "source_country": None}, True),  # unknown: compatible
        ({"place_country": "POL", "place_name": "Rzeszow"}, False),
        ({"place_country": None, "place_name": None}, True),
        # no shared words: the exact dyad alone still makes the same-trigger report one event
        ({"words": argument_words("talks about grain exports resumed")}, True),
        (
            {
                "words": argument_words("talks about grain exports resumed"),
                "source_code": "RUSGOV",
                "target_code": None,
                "target_country": None,
            },
            False,
        ),
    ],
)
def test_second_report_joins_when_compatible_and_similar(change, joined):
    assert together(strike("a"), strike("b", **change)) is joined


def test_events_of_one_mention_share_a_cluster_whatever_their_actors():
    first = strike("a", mention_id="m")
    other_pair = strike("b", doc_id=first.doc_id, mention_id="m", source_code="BLR")
    assert together(first, other_pair)


def test_cluster_counts_mentions_articles_and_sources():
    events = [
        strike("a", outlet="Reuters"),
        strike("b", outlet="Reuters"),
        strike("c", doc_id="doc-b", outlet="Reuters", mention_id="m-b"),  # b's other pair
        strike("d", outlet=None),  # an article of unknown outlet counts as its own source
    ]
    (cluster,) = consolidate(events).clusters
    assert (cluster.mentions, cluster.articles, cluster.sources) == (3, 3, 2)
    assert cluster.members == ("a", "b", "c", "d")


def test_representative_is_the_best_evidenced_member():
    events = [
        strike("a", target_code=None, target_country=None),
        strike("b", place_name=None, place_country=None),
        strike("c"),
        strike("d"),  # as good as c, but later in order
    ]
    (cluster,) = consolidate(events).clusters
    assert cluster.representative_id == "c"


def test_cluster_ids_do_not_depend_on_input_order():
    events = [strike(str(i), date=DAY + dt.timedelta(days=i % 2)) for i in range(6)]
    events += [strike(f"x{i}", trigger="meet", cameo_root="04") for i in range(3)]
    expected = consolidate(events).assignments
    random.Random(4).shuffle(events)
    assert consolidate(events).assignments == expected
    assert set(expected.values()) == {"C0", "Cx0"}


def test_extend_assigns_new_events_like_a_rebuild():
    stored = [strike("a"), strike("b", trigger="meet", cameo_root="04", plover_type=None)]
    new = [
        strike("c", date=DAY + dt.timedelta(days=1)),
        strike("d", trigger="meet", cameo_root="04", plover_type=None),
        strike("e", date=DAY + dt.timedelta(days=9)),
    ]
    rebuilt = consolidate([*stored, *new]).assignments
    stored_assignments = {e.event_id: rebuilt[e.event_id] for e in stored}
    added = extend(new, stored=stored, assignments=stored_assignments)
    assert added == {e.event_id: rebuilt[e.event_id] for e in new}
    assert added == {"c": "Ca", "d": "Cb", "e": "Ce"}


def test_extend_keeps_stored_clusters_as_they_are():
    # two stored reports that the rules would not join today stay apart: no re-clustering
    stored = [strike("a"), strike("b")]
    added = extend([strike("c")], stored=stored, assignments={"a": "Ca", "b": "Cb"})
    assert added["c"] in {"Ca", "Cb"}
    assert summarize(stored, {"a": "Ca", "b": "Cb"})[1].members == ("b",)


def test_a_stricter_threshold_splits_clusters():
    events = [strike("a"), strike("b", words=argument_words("jets hit a plant"))]
    assert len(consolidate(events).clusters) == 1
    assert len(consolidate(events, settings=Settings(threshold=2.0)).clusters) == 2


def test_baseline_is_root_dyad_and_day():
    events = [strike("a"), strike("b", trigger="shell"), strike("c", target_code="UKRMIL")]
    keys = baseline(events)
    assert keys["a"] == keys["b"] != keys["c"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("killed", "kill"),
        ("killing", "kill"),
        ("kills", "kill"),
        ("stopped", "stop"),
        ("buried", "bury"),
        ("arrests", "arrest"),
        ("bus", "bus"),
    ],
)
def test_lemma(word, expected):
    assert lemma(word) == expected


@pytest.mark.parametrize(
    ("trigger", "expected"),
    [("has been arrested", "arrest"), ("Struck", "struck"), ("met with", "met")],
)
def test_trigger_lemma(trigger, expected):
    assert trigger_lemma(trigger) == expected


def test_from_event_reads_actors_trigger_and_words():
    def mention(code: str, country: str) -> Mention:
        return Mention("d", 0, 0, 1, code, Actor(code, country=country), 0, 0, 1)

    event = coded_event(
        "190",
        mention("RUSMIL", "RUS"),
        mention("UKR", "UKR"),
        trigger=Span(10, 18, "shelled"),
        text="Russian troops shelled Kharkiv on Monday",
        date=DAY,
    )
    stored = from_event(event, outlet="AP")
    assert (stored.source_code, stored.target_country, stored.trigger) == ("RUSMIL", "UKR", "shell")
    assert stored.words == {"russian", "troop", "kharkiv"}
    assert (stored.date, stored.cameo_root, stored.outlet) == (DAY, "19", "AP")


random_events = st.lists(
    st.builds(
        lambda n, root, source, target, day, trigger, words: strike(
            f"e{n}",
            cameo_root=root,
            plover_type=None,
            source_code=source,
            source_country=source[:3] if source else None,
            target_code=target,
            target_country=target[:3] if target else None,
            date=DAY + dt.timedelta(days=day),
            trigger=trigger,
            words=frozenset(words),
        ),
        st.integers(0, 10**6),
        st.sampled_from(["18", "19"]),
        st.sampled_from([None, "RUS", "RUSMIL", "UKR"]),
        st.sampled_from([None, "UKR", "UKRMIL"]),
        st.integers(0, 6),
        st.sampled_from(["strike", "shell"]),
        st.sets(st.sampled_from(["kharkiv", "plant", "jet", "drone", "port"]), max_size=3),
    ),
    max_size=25,
    unique_by=lambda e: e.event_id,
)


@given(random_events, st.integers(0, 6))
def test_extending_with_later_events_equals_a_rebuild(events, split):
    cut = DAY + dt.timedelta(days=split)
    stored = [e for e in events if e.date is not None and e.date < cut]
    new = [e for e in events if e not in stored]
    rebuilt = consolidate(events).assignments
    stored_assignments = {e.event_id: rebuilt[e.event_id] for e in stored}
    assert extend(new, stored=stored, assignments=stored_assignments) == {
        e.event_id: rebuilt[e.event_id] for e in new
    }
