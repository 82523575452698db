-- +goose Up
-- What the committees do with the figures (DOMAIN.md §10): reminders sent
-- by the background jobs and their escalation, reminders to units
-- (nhắc nhở, uốn nắn) followed up in later periods, commendation decisions
-- (khen thưởng), model meetings (nhân rộng điển hình), the weights of the
-- ranking score, and year-end ratings confirmed by people (§8).

-- Every automatic reminder sent: one row per subject and level. subject
-- names what it is about (missing:<cell>:<month>, unsigned:<meeting>,
-- thematic:<cell>:<quarter>, warn:<member>:<kind>:<month>,
-- cell:<cell>:<kind>:<month>); level 1 goes to the secretary, 2 to the
-- following committee member, 3 to the committee above. org_id is the
-- cell concerned. meeting_id has no foreign key: the log outlives a
-- deleted draft.
CREATE TABLE reminders_sent (
    id         INTEGER PRIMARY KEY,
    subject    TEXT NOT NULL,
    level      INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    period     TEXT NOT NULL DEFAULT '',
    meeting_id INTEGER,
    member_id  INTEGER REFERENCES members(id),
    msg_key    TEXT NOT NULL,
    msg_args   TEXT NOT NULL DEFAULT '[]',
    link       TEXT NOT NULL DEFAULT '',
    due_on     TEXT NOT NULL,
    sent_at    INTEGER NOT NULL,
    recipients INTEGER NOT NULL DEFAULT 0,
    UNIQUE (subject, level)
);
CREATE INDEX reminders_sent_org ON reminders_sent (org_id, sent_at);
CREATE INDEX reminders_sent_at ON reminders_sent (sent_at);
CREATE INDEX reminders_sent_kind ON reminders_sent (kind, period);

-- Who received each reminder, and whether an e-mail was queued.
CREATE TABLE reminder_recipients (
    reminder_id INTEGER NOT NULL REFERENCES reminders_sent(id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    emailed     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (reminder_id, user_id)
);

-- A committee's reminder to a unit under it (nhắc nhở, uốn nắn), with the
-- unit's figures for the period judged, so that later periods can be
-- compared with them (follow-up).
CREATE TABLE unit_reminders (
    id              INTEGER PRIMARY KEY,
    org_id          INTEGER NOT NULL REFERENCES orgs(id),
    unit_id         INTEGER NOT NULL REFERENCES orgs(id),
    kind            TEXT NOT NULL,
    reason          TEXT NOT NULL,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    score           REAL NOT NULL,
    on_time_rate    REAL NOT NULL,
    attendance_rate REAL NOT NULL,
    issued_on       TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX unit_reminders_org ON unit_reminders (org_id, issued_on);
CREATE INDEX unit_reminders_unit ON unit_reminders (unit_id, issued_on);

-- Commendation decisions (khen thưởng): number, date, form, the period
-- judged, and the units commended with the score they had.
CREATE TABLE commendations (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    number      TEXT NOT NULL,
    decided_on  TEXT NOT NULL,
    form        TEXT NOT NULL,
    content     TEXT NOT NULL DEFAULT '',
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    UNIQUE (org_id, number)
);

CREATE TABLE commendation_units (
    commendation_id INTEGER NOT NULL REFERENCES commendations(id) ON DELETE CASCADE,
    unit_id         INTEGER NOT NULL REFERENCES orgs(id),
    score           REAL NOT NULL,
    PRIMARY KEY (commendation_id, unit_id)
);
CREATE INDEX commendation_units_unit ON commendation_units (unit_id);

-- Model meetings (nhân rộng điển hình): marked by a committee for the
-- cells of the same type under it. The lead paper, resolution and minutes
-- are copied when marked (a model is shown as it was chosen).
CREATE TABLE model_meetings (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    cell_id      INTEGER NOT NULL REFERENCES orgs(id),
    cell_type    TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL,
    period       TEXT NOT NULL,
    held_on      TEXT NOT NULL,
    topic        TEXT NOT NULL DEFAULT '',
    lead_paper   TEXT NOT NULL DEFAULT '',
    resolution   TEXT NOT NULL DEFAULT '',
    minutes_text TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    marked_by    TEXT NOT NULL,
    marked_at    INTEGER NOT NULL
);
CREATE INDEX model_meetings_type ON model_meetings (cell_type, marked_at);

-- The weights of a committee's ranking score (points), edited by its
-- board; committees without a row use the nearest ancestor's, else the
-- defaults in the code.
CREATE TABLE ranking_weights (
    org_id     INTEGER PRIMARY KEY REFERENCES orgs(id),
    on_time    INTEGER NOT NULL,
    thematic   INTEGER NOT NULL,
    attendance INTEGER NOT NULL,
    tot        INTEGER NOT NULL,
    flags      INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);

-- Year-end ratings of cells (DOMAIN.md §8): the software's proposal from
-- the year's data, and the rating people confirmed.
CREATE TABLE year_ratings (
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    year         INTEGER NOT NULL,
    score        REAL NOT NULL,
    proposed     TEXT NOT NULL,
    rating       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    confirmed_by TEXT NOT NULL,
    confirmed_at INTEGER NOT NULL,
    PRIMARY KEY (org_id, year)
);

-- The dashboards count the cells that missed a month's regular meeting or
-- a quarter's thematic one under a committee from these indexes alone.
CREATE INDEX cell_quarters_missing ON cell_quarters (period, held, path, org_id);
CREATE INDEX cell_months_missing ON cell_months (period, outcome, path, org_id);

-- +goose Down
DROP INDEX cell_months_missing;
DROP INDEX cell_quarters_missing;
DROP TABLE year_ratings;
DROP TABLE ranking_weights;
DROP TABLE model_meetings;
DROP TABLE commendation_units;
DROP TABLE commendations;
DROP TABLE unit_reminders;
DROP TABLE reminder_recipients;
DROP TABLE reminders_sent;
