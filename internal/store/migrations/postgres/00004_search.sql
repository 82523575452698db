-- +goose Up
-- Search (issue 4): one row per searchable text — a meeting's minutes, its
-- resolution, each speech of the discussion; later topics and documents —
-- keeping the original text (NFC) for snippets, and a tsvector of the
-- folded text (searchq.IndexText, folded in Go: unaccent would need an
-- IMMUTABLE wrapper to be indexed; DESIGN.md, known traps) with the
-- 'simple' configuration, so both engines see the same words.
--
-- id is the sort key: the day of the text in the high bits (day << 24 | a
-- hash of kind, ref_id and part), so "most recent first" is the primary
-- key read backwards. A search reads the newest rows of its scope through
-- search_docs_scope and tests them one by one, and turns to the GIN index
-- only when the words prove rare (store/search_postgres.go): the planner
-- alone, given "tsv @@ q ORDER BY id DESC LIMIT n", often misjudges.
CREATE TABLE search_docs (
    id         BIGINT PRIMARY KEY,
    kind       TEXT NOT NULL,              -- minutes, resolution, speech, topic, document
    ref_id     BIGINT NOT NULL,            -- the record: the meeting for minutes, resolution and speeches
    part       INTEGER NOT NULL DEFAULT 0, -- several texts of one record: the speeches 0, 1, 2…
    meeting_id BIGINT,                     -- no foreign key: the index follows a deleted meeting in its hook
    org_id     BIGINT NOT NULL,
    scope      TEXT COLLATE "C" NOT NULL,  -- the organization's path when indexed: "/1/5/23/"
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    date       date NOT NULL,
    updated_at BIGINT NOT NULL,
    tsv        tsvector NOT NULL           -- to_tsvector('simple', folded title || folded body)
);
CREATE UNIQUE INDEX search_docs_ref ON search_docs (kind, ref_id, part);
CREATE INDEX search_docs_meeting ON search_docs (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX search_docs_org ON search_docs (org_id);
-- The newest texts of a subtree, without reading the table: scope ranges
-- (a subtree is scope >= p AND scope < p') with the sort key and kind.
CREATE INDEX search_docs_scope ON search_docs (scope, id) INCLUDE (kind);
CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);
-- Detailed statistics of the words, so that the GIN plan of a rare word
-- is costed right.
ALTER TABLE search_docs ALTER COLUMN tsv SET STATISTICS 1000;

-- Member names for the search box: a GIN index over the words of
-- members.name_fold, so that a city-wide search for a name does not read
-- half a million names (to_tsvector with its configuration named is
-- IMMUTABLE, so it can be indexed as it is).
CREATE INDEX members_name_words ON members USING gin (to_tsvector('simple', name_fold));

-- +goose Down
DROP INDEX members_name_words;
DROP TABLE search_docs;
