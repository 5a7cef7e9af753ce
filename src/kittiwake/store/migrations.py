"""Numbered schema migrations, applied in order by `Store.open` and recorded in `schema_version`.

Kept as Python strings (not `.sql` files) so they ship inside the wheel without package-data
rules. Never edit a released migration: append a new one with the next number.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


_INITIAL = """
CREATE SEQUENCE run_ids START 1;
CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY DEFAULT nextval('run_ids'),
    command VARCHAR NOT NULL,
    kittiwake_version VARCHAR NOT NULL,
    dictionaries VARCHAR NOT NULL,
    config JSON,
    started_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    finished_at TIMESTAMP,
    articles INTEGER,
    events INTEGER,
    rejected INTEGER
);

CREATE TABLE articles (
    doc_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    published DATE,
    origin VARCHAR NOT NULL,
    content_hash VARCHAR,
    story_id VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    excluded JSON,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    run_id INTEGER
);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE sentences (
    doc_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence)
);

CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    entry_id VARCHAR,
    name VARCHAR,
    reason VARCHAR,
    head INTEGER,
    token_start INTEGER,
    token_end INTEGER,
    coref_of VARCHAR,
    run_id INTEGER
);

CREATE TABLE places (
    doc_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonameid BIGINT,
    feature VARCHAR,
    admin1 VARCHAR,
    text VARCHAR,
    start_offset INTEGER,
    end_offset INTEGER,
    run_id INTEGER
);

CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    mention_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_text VARCHAR NOT NULL,
    source_text VARCHAR,
    source_code VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_name VARCHAR,
    source_start INTEGER,
    source_end INTEGER,
    target_text VARCHAR,
    target_code VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_name VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    trigger_text VARCHAR NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    cameo VARCHAR NOT NULL,
    cameo_root VARCHAR NOT NULL,
    goldstein DOUBLE NOT NULL,
    quad_class INTEGER NOT NULL,
    plover_type VARCHAR,  -- null for CAMEO 01x statements: PLOVER has no statement type
    plover_mode VARCHAR,
    plover_context VARCHAR[] NOT NULL,
    event_date DATE,
    date_raw VARCHAR,
    date_precision VARCHAR,
    historical BOOLEAN NOT NULL,
    effective_date DATE,
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_geonameid BIGINT,
    place_feature VARCHAR,
    place_admin1 VARCHAR,
    negated BOOLEAN NOT NULL,
    modality VARCHAR,
    rule VARCHAR NOT NULL,
    num_articles INTEGER NOT NULL DEFAULT 1,
    num_sources INTEGER NOT NULL DEFAULT 1,
    run_id INTEGER
);

CREATE SEQUENCE rejected_ids START 1;
CREATE TABLE rejected (
    rejected_id BIGINT PRIMARY KEY DEFAULT nextval('rejected_ids'),
    origin VARCHAR NOT NULL,
    record VARCHAR,
    reason VARCHAR NOT NULL,
    run_id INTEGER,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE duplicates (
    doc_id VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    source VARCHAR,
    run_id INTEGER,
    recorded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
"""

# The story index's MinHash signatures, so an ingest restores the index from the store
# instead of re-shingling every stored text (~4 ms per article). `params` names the MinHash
# settings; a signature made with other settings is ignored and recomputed from the text.
_STORY_SIGNATURES = """
CREATE TABLE story_signatures (
    doc_id VARCHAR PRIMARY KEY,
    params VARCHAR NOT NULL,
    hashvalues BLOB NOT NULL
);
"""

# A duplicate's content hash and origin: an ingest tells "the same document again" (same id,
# same content) from "another document under a taken id" (same id, other content), which
# must not be dropped as already stored; the origin says which file a copy came from.
_DUPLICATE_IDENTITY = """
ALTER TABLE duplicates ADD COLUMN content_hash VARCHAR;
ALTER TABLE duplicates ADD COLUMN origin VARCHAR;
"""

# How each run ended ("finished", or "aborted" for one found unfinished by a later run: it was
# killed), and the content hash of an input rejected at coding, so a re-run does not code
# the same document again (a different one under its id still is).
_RUN_STATUS = """
ALTER TABLE runs ADD COLUMN status VARCHAR;
ALTER TABLE rejected ADD COLUMN content_hash VARCHAR;
"""

# Event clusters (kittiwake.consolidate): one row per real-world event as reported, and the
# cluster of every clustered event. No key constraints: a rebuild deletes and re-inserts the
# same ids in one transaction, which DuckDB's index checks have refused in some versions.
_EVENT_CLUSTERS = """
CREATE TABLE event_clusters (
    cluster_id VARCHAR NOT NULL,
    representative_id VARCHAR NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    first_date DATE,
    last_date DATE
);
CREATE TABLE event_cluster_members (
    event_id VARCHAR NOT NULL,
    cluster_id VARCHAR NOT NULL
);
"""

# What the per-article limits (`kittiwake.limits`) cut from a stored article when it was last
# coded: one line per kind of cut (sentences over max_sentence_tokens, text after
# max_sentences, events over max_events_per_sentence); empty when nothing was cut.
_ARTICLE_CUTS = """
ALTER TABLE articles ADD COLUMN cuts VARCHAR[] DEFAULT [];
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "0001_initial", _INITIAL),
    Migration(2, "0002_story_signatures", _STORY_SIGNATURES),
    Migration(3, "0003_duplicate_identity", _DUPLICATE_IDENTITY),
    Migration(4, "0004_run_status", _RUN_STATUS),
    Migration(5, "0005_event_clusters", _EVENT_CLUSTERS),
    Migration(6, "0006_article_cuts", _ARTICLE_CUTS),
)
