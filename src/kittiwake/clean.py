"""Clean-up: mark boilerplate lines and detect the language, never touching the text.

`clean_article` returns the article with `excluded` spans (share buttons, adverts, cookie
notices, bylines, photo credits, read-more links, subscribe prompts, trailing headlines of
other stories) and `language` set. `article.text` is left exactly as read so that every
offset computed later still points into it; `masked_text` gives the text with excluded
spans blanked out (same length, newlines kept) for the parser.

The normalisers (`normalize_quotes`, `normalize_whitespace`) are for hashing and
duplicate detection, never for the text that is parsed.
"""

from __future__ import annotations

import collections
import dataclasses
import operator
import re
import unicodedata
from collections.abc import Iterator

from kittiwake.datelines import dateline_spans
from kittiwake.lang import FunctionWords, load_words
from kittiwake.records import Article, Span

# --- small str -> str normalisers -------------------------------------------------------

QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


def normalize_quotes(text: str) -> str:
    """Curly, angled and prime quotes -> ASCII ' and "."""
    return text.translate(QUOTE_TABLE)


def normalize_dashes(text: str) -> str:
    """En/em dashes and minus signs -> '-'."""
    return re.sub(r"[\u2010-\u2015\u2212]", "-", text)


# --- boilerplate lines ------------------------------------------------------------------

SHARE_WORDS = (
    r"share(?: this(?: article| story| page| post)?| on \w+| via \w+)?|tweet|e-?mail|print|"
    r"facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|messenger|telegram|flipboard|"
    r"copy(?: the)? link|comments?|save"
)
# (reason, pattern): each pattern must match the whole stripped line.
LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "share buttons",
        re.compile(rf"(?:{SHARE_WORDS})(?:[\s|/\u2022\u00b7,:]+(?:{SHARE_WORDS}|\d+))*", re.I),
    ),
    (
        "advertisement",
        re.compile(
            r"advertisement|advertising|ad|sponsored(?: content)?|skip advertisement|"
            r"(?:story|article) continues below(?: (?:this )?advertisement)?|"
            r"continue reading(?: (?:below|the main story))?",
            re.I,
        ),
    ),
    (
        "byline",
        re.compile(
            r"[Bb][Yy]\s+(?:[A-Z][\w.'\u2019-]*\s*){1,4}"
            r"(?:(?:,|and|&|\||-|\u2013|\u2014|in)\s*(?:[A-Z][\w.'\u2019-]*\s*){1,5})*",
        ),
    ),
    (
        "credits",
        re.compile(
            r"(?:additional )?(?:reporting|writing|editing|compiled|edited|written)\s+by\s+"
            r"[^\W\d_].{0,150}",
            re.I,
        ),
    ),
    (
        "source credit",
        re.compile(
            r"(?:source|sources|contributing)\s*:\s*[^\W\d_].{0,60}|with (?:\w+ )?wires?|"
            r"(?:filed under|tags|topics)\s*:.{0,200}",
            re.I,
        ),
    ),
    (
        "photo credit",
        re.compile(
            r"(?:(?:main|top|lead|header) )?"
            r"(?:photo|photograph|image|picture|video|graphic)s?(?: credit)?\s*[:/].{0,200}|"
            r"(?:image|photo) (?:copyright|caption|source|courtesy)\b.{0,200}|"
            r"\(?(?:AP|AFP|Reuters|Getty|EPA)?\s*(?:Photo|Image)s?\s*/.{0,150}\)?|"
            r".{0,150}\((?:AP|AFP|EPA|Reuters|Getty)?\s*(?:Photo|Image)s?\s*/[^)]{0,100}\)|"
            r".{0,100}(?:Getty Images|Shutterstock)",
            re.I,
        ),
    ),
    (
        "read more",
        re.compile(
            r"(?:read more|read next|read the full (?:story|article)|also read|see also|"
            r"you may also like|more on this story)\b.{0,200}|"
            r"(?:related(?: \w+)?|recommended(?: \w+){0,2}|most (?:read|popular|viewed)|"
            r"trending(?: now)?|top stories|more stories|more)\s*(?::.{0,200})?",
            re.I,
        ),
    ),
    ("click here", re.compile(r".{0,100}\bclick here\b.{0,150}", re.I)),
    (
        "subscribe prompt",
        re.compile(
            r"(?:sign up|subscribe|get|receive|join)\b.{0,120}"
            r"\b(?:newsletters?|inbox|alerts|subscription)\b.{0,80}|"
            r".{0,80}\bsubscribe (?:now|today|here|to (?:our|the))\b.{0,120}|"
            r"follow (?:us|@\w+)\b.{0,120}|"
            r"(?:already a subscriber|subscribers only|become a member)\b.{0,120}",
            re.I,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"(?:\u00a9|\(c\)|copyright)\s*(?:\d{4})?.{0,150}|.{0,150}all rights reserved\.?",
            re.I,
        ),
    ),
    (
        "timestamp",
        re.compile(
            r"(?:published|updated|posted|last (?:updated|modified))\s*(?:on|at)?\s*:?"
            r"(?=.*\d).{0,60}(?<!\.)",
            re.I,
        ),
    ),
)
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
MAX_LINK_LINE_WORDS = 10  # words left besides the URLs on a "follow us at ..." line
COOKIE_WORDS = re.compile(r"\bcookies?\b", re.I)
COOKIE_CONTEXT = re.compile(r"\b(?:we|our|this (?:site|website))\b", re.I)
MAX_COOKIE_NOTICE_CHARS = 400
# A headline of another story: short, starts with a capital, no closing punctuation.
# Only a short run of such lines at the very end is marked: longer runs are lists
# (tour dates, tables) that belong to the article.
MAX_TRAILING_HEADLINES = 5
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 16
MAX_HEADLINE_CHARS = 120
SENTENCE_END = ".!?:;\"'\u201d\u2019)…"


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line's non-blank content, offsets into `text`; blanks skipped."""
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped[0])
            yield start, start + len(stripped)
        position += len(line)


def boilerplate_reason(line: str) -> str | None:
    """Why a (stripped) line is boilerplate, or None for ordinary text."""
    for reason, pattern in LINE_PATTERNS:
        if pattern.fullmatch(line):
            return reason
    if (
        len(line) <= MAX_COOKIE_NOTICE_CHARS
        and COOKIE_WORDS.search(line)
        and COOKIE_CONTEXT.search(line)
    ):
        return "cookie notice"
    if URL.search(line) and len(URL.sub(" ", line).split()) <= MAX_LINK_LINE_WORDS:
        return "link line"
    return None


def is_headline_like(line: str) -> bool:
    """A short line starting with a capital and without closing punctuation."""
    words = line.split()
    return (
        MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS
        and len(line) <= MAX_HEADLINE_CHARS
        and line[0].isupper()
        and line[-1] not in SENTENCE_END
    )


def is_real_paragraph(line: str) -> bool:
    return line[-1] in SENTENCE_END and len(line.split()) >= 3


def boilerplate_spans(text: str) -> tuple[Span, ...]:
    """Spans of boilerplate lines in `text`, in order; `span.text == text[start:end]`.

    Lines are boilerplate by pattern (see LINE_PATTERNS) or, at the end of the article
    after the last real paragraph, when they look like headlines of other stories (at
    most MAX_TRAILING_HEADLINES lines, all headline-like: a longer or mixed tail is a
    list that belongs to the article).
    """
    lines = list(iter_lines(text))
    reasons = [boilerplate_reason(text[start:end]) for start, end in lines]
    real = [
        index
        for index, (start, end) in enumerate(lines)
        if reasons[index] is None and is_real_paragraph(text[start:end])
    ]
    after_last_real = range(real[-1] + 1, len(lines)) if real else range(0)
    trailing = [index for index in after_last_real if reasons[index] is None]
    if len(trailing) <= MAX_TRAILING_HEADLINES and all(
        is_headline_like(text[lines[index][0] : lines[index][1]]) for index in trailing
    ):
        for index in trailing:
            reasons[index] = "trailing headline"
    return tuple(
        Span(start, end, text[start:end], reason)
        for (start, end), reason in zip(lines, reasons, strict=True)
        if reason is not None
    )


def mask_spans(text: str, spans: tuple[Span, ...]) -> str:
    """`text` with each span's characters replaced by spaces (newlines kept)."""
    chars = list(text)
    for span in spans:
        for position in range(span.start, span.end):
            if chars[position] not in "\r\n":
                chars[position] = " "
    return "".join(chars)


def span_start(span: Span) -> int:
    return span.start


def masked_text(article: Article) -> str:
    """The article text with its excluded spans blanked; same length, offsets valid."""
    return mask_spans(article.text, article.excluded)


def strip_boilerplate(text: str) -> str:
    """The text without its boilerplate lines (for hashing; offsets are lost)."""
    masked = mask_spans(text, boilerplate_spans(text))
    return "\n".join(line.strip() for line in masked.splitlines() if line.strip())


# --- language ---------------------------------------------------------------------------

# Scripts that name a language on their own when most letters are in them.
SCRIPT_LANGUAGES = (
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("GREEK", "el"),
    ("DEVANAGARI", "hi"),
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
    ("THAI", "th"),
)
MIN_WORDS_FOR_LANGUAGE = 5  # fewer words than this: "und"
MIN_STOPWORD_SHARE = 0.12  # the best language's share of function words must reach this
MIN_SCRIPT_SHARE = 0.5  # share of letters in one non-Latin script to name its language
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
NOT_ASCII = re.compile(r"[^\x00-\x7f]")
ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # the ASCII `isalpha`


def script_language(text: str) -> str | None:
    """The language named by a non-Latin script covering most letters, if any."""
    if text.isascii():  # Latin letters only: the common case, without naming each letter
        return None
    # a curly quote or a dash is enough to get here: the ASCII letters are counted in bytes,
    # only the other characters one by one
    others = [char for char in NOT_ASCII.findall(text) if char.isalpha()]
    ascii_text = text.encode("ascii", "ignore")
    letters = len(ascii_text) - len(ascii_text.translate(None, ASCII_LETTERS)) + len(others)
    if not letters:
        return None
    counts: dict[str, int] = {}
    for char in others:
        name = unicodedata.name(char, "")
        for script, language in SCRIPT_LANGUAGES:
            if name.startswith(script):
                counts[language] = counts.get(language, 0) + 1
                break
    if not counts:
        return None
    language, count = max(counts.items(), key=operator.itemgetter(1))
    return language if count / letters >= MIN_SCRIPT_SHARE else None


def shares_of(words: collections.Counter[str]) -> dict[str, float]:
    """Share of the words (lower-cased, with their counts) that are function words of each
    language."""
    total = words.total()
    if not total:
        return {language: 0.0 for language in load_words(FunctionWords).languages}
    # counted once per distinct word, not per word per language: clean-up runs on every article;
    # each language's function words met by one set intersection
    seen = words.keys()
    return {
        language: sum(words[word] for word in seen & stopwords) / total
        for language, stopwords in load_words(FunctionWords).languages.items()
    }


def detect_language(text: str) -> str:
    """ISO 639-1 code of the likely language of `text`, or "und" when unsure.

    A non-Latin script covering at least half the letters names its language. Otherwise
    the language whose function words make up the largest share of the tokens wins, if
    that share is at least 12 % and the text has at least 5 words (English news sits at
    35-50 %, so a short or list-like English text still passes).
    """
    by_script = script_language(text)
    if by_script:
        return by_script
    words = collections.Counter(word.lower() for word in WORD.findall(text))
    if words.total() < MIN_WORDS_FOR_LANGUAGE:
        return "und"
    shares = shares_of(words)
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= MIN_STOPWORD_SHARE else "und"


# --- the stage --------------------------------------------------------------------------


def clean_article(article: Article) -> Article:
    """The article with boilerplate and datelines marked in `excluded` and `language` set;
    text unchanged. A dateline ("NAIROBI, March 3 (Reuters) -") is masked from the parse:
    its place is no actor and its date is the filing date, not the reported acts' date."""
    datelines = tuple(
        Span(start, end, article.text[start:end], "dateline")
        for start, end in dateline_spans(article.text)
    )
    spans = tuple(sorted((*boilerplate_spans(article.text), *datelines), key=span_start))
    language = detect_language(mask_spans(article.text, spans))
    return dataclasses.replace(article, excluded=spans, language=language)
