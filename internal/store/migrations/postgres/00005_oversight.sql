-- +goose Up
-- Figures kept, not recomputed (DESIGN.md): per cell per month and quarter
-- the facts oversight needs, and their sums per committee, maintained in
-- the transaction of every write that changes them.

-- One row per cell per month of its existence. path is the cell's path at
-- the end of that month (reorganizations respected); outcome is the
-- regular meeting's outcome as the core judged it: on_time, late, none.
CREATE TABLE cell_months (
    org_id     BIGINT NOT NULL REFERENCES orgs(id),
    period     TEXT NOT NULL,
    path       TEXT COLLATE "C" NOT NULL,
    cell_type  TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL DEFAULT 'none',
    meeting_id BIGINT,
    held_on    date,
    present    BIGINT NOT NULL DEFAULT 0,
    required   BIGINT NOT NULL DEFAULT 0,
    grade      TEXT NOT NULL DEFAULT '',
    score      BIGINT NOT NULL DEFAULT 0,
    complete   boolean NOT NULL DEFAULT FALSE,
    signed     boolean NOT NULL DEFAULT FALSE,
    extra      BIGINT NOT NULL DEFAULT 0,
    flags      BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);
CREATE INDEX cell_months_path ON cell_months (path, period);
CREATE INDEX cell_months_period ON cell_months (period, outcome);

-- One row per cell per quarter: thematic meetings held.
CREATE TABLE cell_quarters (
    org_id    BIGINT NOT NULL REFERENCES orgs(id),
    period    TEXT NOT NULL,
    path      TEXT COLLATE "C" NOT NULL,
    cell_type TEXT NOT NULL DEFAULT '',
    held      BIGINT NOT NULL DEFAULT 0,
    combined  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);
CREATE INDEX cell_quarters_path ON cell_quarters (path, period);

-- The sums of cell_months over every cell under a committee (the
-- committee's path at that month), per month.
CREATE TABLE org_months (
    org_id   BIGINT NOT NULL REFERENCES orgs(id),
    period   TEXT NOT NULL,
    cells    BIGINT NOT NULL DEFAULT 0,
    on_time  BIGINT NOT NULL DEFAULT 0,
    late     BIGINT NOT NULL DEFAULT 0,
    no_meeting BIGINT NOT NULL DEFAULT 0,
    present  BIGINT NOT NULL DEFAULT 0,
    required BIGINT NOT NULL DEFAULT 0,
    tot      BIGINT NOT NULL DEFAULT 0,
    kha      BIGINT NOT NULL DEFAULT 0,
    tb       BIGINT NOT NULL DEFAULT 0,
    kem      BIGINT NOT NULL DEFAULT 0,
    ungraded BIGINT NOT NULL DEFAULT 0,
    complete BIGINT NOT NULL DEFAULT 0,
    signed   BIGINT NOT NULL DEFAULT 0,
    extra    BIGINT NOT NULL DEFAULT 0,
    flags    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);

CREATE TABLE org_quarters (
    org_id   BIGINT NOT NULL REFERENCES orgs(id),
    period   TEXT NOT NULL,
    cells    BIGINT NOT NULL DEFAULT 0,
    held     BIGINT NOT NULL DEFAULT 0,
    combined BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, period)
);

-- +goose Down
DROP TABLE org_quarters;
DROP TABLE org_months;
DROP TABLE cell_quarters;
DROP TABLE cell_months;
