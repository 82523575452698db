-- +goose Up
-- Meeting quality: score sheets and evaluations, the thematic topic
-- library, and pairs of minutes too alike (formalism).

-- Score sheets are versioned data; items holds []party.ScoreItem as JSON.
CREATE TABLE score_sheets (
    code       TEXT PRIMARY KEY,
    rule_set   TEXT NOT NULL,
    version    INTEGER NOT NULL,
    name       TEXT NOT NULL,
    total      INTEGER NOT NULL,
    items      TEXT NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX score_sheets_rule_set ON score_sheets (rule_set, version);

-- One evaluation per meeting and evaluator kind: the cell's own ("self",
-- written into the minutes) and the following committee member's ("review").
CREATE TABLE evaluations (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    by_kind    TEXT NOT NULL,
    sheet      TEXT NOT NULL REFERENCES score_sheets(code),
    items      TEXT NOT NULL,
    total      INTEGER NOT NULL,
    grade      TEXT NOT NULL,
    by_user    TEXT NOT NULL,
    at         INTEGER NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (meeting_id, by_kind)
);

-- Orientation topics for thematic meetings, published by a committee for
-- the cells under it (inherited down the tree), per cell type and period.
CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER REFERENCES orgs(id),
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    materials   TEXT NOT NULL DEFAULT '',
    cell_types  TEXT NOT NULL DEFAULT '',
    period      TEXT NOT NULL DEFAULT '',
    grp         TEXT NOT NULL DEFAULT '',
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX topics_org ON topics (org_id);

-- Pairs of minutes too alike. kind: "previous" (the cell's own previous
-- minutes) or "peer" (another cell, same period). a < b.
CREATE TABLE similar_pairs (
    a          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    b          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    similarity REAL NOT NULL,
    period     TEXT NOT NULL,
    found_at   INTEGER NOT NULL,
    status     TEXT NOT NULL DEFAULT 'open',
    note       TEXT,
    reviewed_by TEXT,
    reviewed_at INTEGER,
    PRIMARY KEY (a, b)
);
CREATE INDEX similar_pairs_period ON similar_pairs (period);
CREATE INDEX similar_pairs_b ON similar_pairs (b);

-- +goose Down
DROP TABLE similar_pairs;
DROP TABLE topics;
DROP TABLE evaluations;
DROP TABLE score_sheets;
