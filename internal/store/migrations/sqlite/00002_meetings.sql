-- +goose Up
-- Cell meetings: the rule sets they are judged by, the roll and attendance,
-- the vote, the minutes and their amendments, notices, calendar feeds.

-- Rule sets are data with an effective date (DOMAIN.md §1); data holds
-- the party.RuleSet as JSON. Defaults are written by the application.
CREATE TABLE rule_sets (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    confirmed      INTEGER NOT NULL DEFAULT 0,
    data           TEXT NOT NULL,
    created_at     INTEGER NOT NULL,
    created_by     TEXT NOT NULL
);

CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY,
    org_id         INTEGER NOT NULL REFERENCES orgs(id),
    kind           TEXT NOT NULL,
    period         TEXT NOT NULL,
    date           TEXT NOT NULL,
    starts_at      INTEGER NOT NULL,
    place          TEXT NOT NULL DEFAULT '',
    topic          TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    rule_set       TEXT NOT NULL REFERENCES rule_sets(code),
    combined       INTEGER NOT NULL DEFAULT 0,
    agenda         TEXT NOT NULL,
    prep           TEXT NOT NULL,
    notice_sent_at INTEGER,
    held_at        INTEGER,
    locked_at      INTEGER,
    locked_by      TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX meetings_org_date ON meetings (org_id, date);
CREATE INDEX meetings_date ON meetings (date);
-- One regular meeting per cell and month (DOMAIN.md §4).
CREATE UNIQUE INDEX meetings_one_regular ON meetings (org_id, period) WHERE kind = 'thuong_ky';

-- The roll of a meeting: one row per summoned member with their standing
-- on the meeting's date (kept, so that a signed record never changes when
-- member data does), and what the secretary recorded.
CREATE TABLE roll (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    position   INTEGER NOT NULL,
    full_name  TEXT NOT NULL,
    is_full    INTEGER NOT NULL,
    derived    TEXT NOT NULL DEFAULT '',
    temp_in    INTEGER NOT NULL DEFAULT 0,
    editable   INTEGER NOT NULL DEFAULT 1,
    status     TEXT,
    reason     TEXT,
    dues_paid  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX roll_member ON roll (member_id);

CREATE TABLE votes (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    yes         INTEGER NOT NULL,
    no          INTEGER NOT NULL,
    abstain     INTEGER NOT NULL,
    by_ballot   INTEGER NOT NULL DEFAULT 0,
    recorded_at INTEGER NOT NULL
);

CREATE TABLE ballots (
    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    vote       TEXT NOT NULL,
    reserved   TEXT,
    PRIMARY KEY (meeting_id, member_id)
);

-- The minutes: structured content as JSON (the agenda items with their
-- speeches), with a version for optimistic locking of concurrent edits.
CREATE TABLE minutes (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    content    TEXT NOT NULL,
    body_text  TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
);

-- Corrections to signed minutes, shown beside the original.
CREATE TABLE amendments (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    at         INTEGER NOT NULL,
    author     TEXT NOT NULL,
    reason     TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX amendments_meeting ON amendments (meeting_id);

-- In-app notifications; unique_key makes a notice or reminder land once.
CREATE TABLE notifications (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    msg_key      TEXT NOT NULL,
    msg_args     TEXT NOT NULL DEFAULT '[]',
    link         TEXT NOT NULL DEFAULT '',
    org_id       INTEGER,
    meeting_id   INTEGER,
    unique_key   TEXT NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    read_at      INTEGER,
    dismissed_at INTEGER
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);

-- Secret calendar feed addresses, per cell or per member.
CREATE TABLE ical_feeds (
    token      TEXT PRIMARY KEY,
    org_id     INTEGER REFERENCES orgs(id),
    member_id  INTEGER REFERENCES members(id),
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX ical_feeds_org ON ical_feeds (org_id);
CREATE INDEX ical_feeds_member ON ical_feeds (member_id);

-- Durable background jobs (e-mail, reminders). unique_key makes a job
-- exist once however many servers try to create it; a claim sets
-- locked_by/locked_until so that one server runs it.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    unique_key   TEXT NOT NULL UNIQUE,
    payload      TEXT NOT NULL,
    run_at       INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 8,
    locked_by    TEXT,
    locked_until INTEGER,
    done_at      INTEGER,
    failed_at    INTEGER,
    last_error   TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX jobs_due ON jobs (done_at, run_at);

-- +goose Down
DROP TABLE jobs;
DROP TABLE ical_feeds;
DROP TABLE notifications;
DROP TABLE amendments;
DROP TABLE minutes;
DROP TABLE ballots;
DROP TABLE votes;
DROP TABLE roll;
DROP TABLE meetings;
DROP TABLE rule_sets;
