-- +goose Up
-- Figures kept, not recomputed (DESIGN.md): per cell per month and quarter
-- the facts oversight needs, and their sums per committee, maintained in
-- the transaction of every write that changes them.

-- One row per cell per month of its existence. path is the cell's path at
-- the end of that month (reorganizations respected); outcome is the
-- regular meeting's outcome as the core judged it: on_time, late, none.
CREATE TABLE cell_months (
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    period     TEXT NOT NULL,
    path       TEXT NOT NULL,
    cell_type  TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL DEFAULT 'none',
    meeting_id INTEGER,
    held_on    TEXT,
    present    INTEGER NOT NULL DEFAULT 0,
    required   INTEGER NOT NULL DEFAULT 0,
    grade      TEXT NOT NULL DEFAULT '',
    score      INTEGER NOT NULL DEFAULT 0,
    complete   INTEGER NOT NULL DEFAULT 0,
    signed     INTEGER NOT NULL DEFAULT 0,
    extra      INTEGER NOT NULL DEFAULT 0,
    flags      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);
CREATE INDEX cell_months_path ON cell_months (path, period);
CREATE INDEX cell_months_period ON cell_months (period, outcome);

-- One row per cell per quarter: thematic meetings held.
CREATE TABLE cell_quarters (
    org_id    INTEGER NOT NULL REFERENCES orgs(id),
    period    TEXT NOT NULL,
    path      TEXT NOT NULL,
    cell_type TEXT NOT NULL DEFAULT '',
    held      INTEGER NOT NULL DEFAULT 0,
    combined  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);
CREATE INDEX cell_quarters_path ON cell_quarters (path, period);

-- The sums of cell_months over every cell under a committee (the
-- committee's path at that month), per month.
CREATE TABLE org_months (
    org_id   INTEGER NOT NULL REFERENCES orgs(id),
    period   TEXT NOT NULL,
    cells    INTEGER NOT NULL DEFAULT 0,
    on_time  INTEGER NOT NULL DEFAULT 0,
    late     INTEGER NOT NULL DEFAULT 0,
    no_meeting INTEGER NOT NULL DEFAULT 0,
    present  INTEGER NOT NULL DEFAULT 0,
    required INTEGER NOT NULL DEFAULT 0,
    tot      INTEGER NOT NULL DEFAULT 0,
    kha      INTEGER NOT NULL DEFAULT 0,
    tb       INTEGER NOT NULL DEFAULT 0,
    kem      INTEGER NOT NULL DEFAULT 0,
    ungraded INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0,
    signed   INTEGER NOT NULL DEFAULT 0,
    extra    INTEGER NOT NULL DEFAULT 0,
    flags    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);

CREATE TABLE org_quarters (
    org_id   INTEGER NOT NULL REFERENCES orgs(id),
    period   TEXT NOT NULL,
    cells    INTEGER NOT NULL DEFAULT 0,
    held     INTEGER NOT NULL DEFAULT 0,
    combined INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);

-- +goose Down
DROP TABLE org_quarters;
DROP TABLE org_months;
DROP TABLE cell_quarters;
DROP TABLE cell_months;
