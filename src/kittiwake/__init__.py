"""kittiwake: who did what to whom, when and where, from English news."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Pipeline", "code_text", "code_texts"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Lazy: `import kittiwake` stays cheap; spaCy loads when the pipeline is first used.
    if name in __all__:
        from kittiwake import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'kittiwake' has no attribute {name!r}")
