-- +goose Up
-- Search (issue 4): one row per searchable text — a meeting's minutes, its
-- resolution, each speech of the discussion; later topics and documents —
-- keeping the original text (NFC) for snippets, and an FTS5 index over the
-- folded text (searchq.IndexText: lower case, no diacritics, đ→d), because
-- SQLite's remove_diacritics does not fold đ (DESIGN.md, known traps).
--
-- id is the sort key and the FTS rowid: the day of the text in the high
-- bits (day << 24 | a hash of kind, ref_id and part), so that "most recent
-- first" is FTS5's own rowid order and ORDER BY rowid DESC LIMIT n stops
-- after n hits however common the words are (store/search_sqlite.go).
CREATE TABLE search_docs (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,              -- minutes, resolution, speech, topic, document
    ref_id     INTEGER NOT NULL,           -- the record: the meeting for minutes, resolution and speeches
    part       INTEGER NOT NULL DEFAULT 0, -- several texts of one record: the speeches 0, 1, 2…
    meeting_id INTEGER,                    -- no foreign key: the index follows a deleted meeting in its hook
    org_id     INTEGER NOT NULL,
    scope      TEXT NOT NULL,              -- the organization's path when indexed: "/1/5/23/"
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    date       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX search_docs_ref ON search_docs (kind, ref_id, part);
CREATE INDEX search_docs_meeting ON search_docs (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX search_docs_org ON search_docs (org_id);

-- Contentless (the folded text is not needed again: it is recomputed from
-- body when reindexing), with deletes by rowid. meta holds the access and
-- kind tokens "o1 o5 o23 kminutes": a search within an organization is
-- the one FTS query  meta : "o23" AND {title body} : (…). The prefix
-- indexes make "đ*", "ng*" and "chi*" as cheap as a word.
CREATE VIRTUAL TABLE search_fts USING fts5(
    meta, title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3'
);

-- Member names for the search box: an FTS5 index over members.name_fold
-- (external content, kept by triggers), so that a city-wide search for a
-- name does not read half a million names.
CREATE VIRTUAL TABLE members_fts USING fts5(
    name_fold,
    content = 'members', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO members_fts (members_fts) VALUES ('rebuild');

-- +goose StatementBegin
CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
    INSERT INTO members_fts (rowid, name_fold) VALUES (new.id, new.name_fold);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN
    INSERT INTO members_fts (members_fts, rowid, name_fold) VALUES ('delete', old.id, old.name_fold);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER members_fts_update AFTER UPDATE OF name_fold ON members BEGIN
    INSERT INTO members_fts (members_fts, rowid, name_fold) VALUES ('delete', old.id, old.name_fold);
    INSERT INTO members_fts (rowid, name_fold) VALUES (new.id, new.name_fold);
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER members_fts_update;
DROP TRIGGER members_fts_delete;
DROP TRIGGER members_fts_insert;
DROP TABLE members_fts;
DROP TABLE search_fts;
DROP TABLE search_docs;
