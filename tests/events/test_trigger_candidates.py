"""The event coder makes tokens only of the words a pattern can fit (issue 11): its cheap
test of a word's form must pass every form whose de-inflections find a pattern key."""

from __future__ import annotations

from kittiwake.events.code import EventCoder, form_keys, may_inflect_key
from kittiwake.events.codebook import load_codebook
from kittiwake.events.patterns import load_patterns


def inflections(key: str) -> set[str]:
    """Regular and irregular-looking forms of a key, and some near misses."""
    last = key[-1:]
    return {
        key + ending for ending in ("", "s", "es", "d", "ed", "ing", f"{last}ed", f"{last}ing")
    } | {key[:-1] + ending for ending in ("ied", "ies", "ing", "ed", "s")}


def test_every_form_that_finds_a_key_is_looked_at() -> None:
    coder = EventCoder(patterns=load_patterns(), codebook=load_codebook())
    words, stems = coder.trigger_words, coder.trigger_stems
    forms = {form for key in words for form in inflections(key)}
    forms |= {"staged", "carried", "stopped", "stopping", "worried", "ran", "a", ""}
    checked = 0
    for form in sorted(forms):
        if not words.isdisjoint((*form_keys(form), form.removesuffix("s"))):
            assert may_inflect_key(form, words=words, stems=stems), form
            checked += 1
    assert checked > len(words)
