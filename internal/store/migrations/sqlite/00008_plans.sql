-- +goose Up
-- Plans and indicators (đề án, kế hoạch; DOMAIN.md §10): goals, a roadmap
-- of years, responsible organizations, and indicators from the catalogue
-- the system measures (internal/plans) with a target per year. And the
-- board's own text of a review report (báo cáo sơ kết, tổng kết), kept
-- per organization and period; the figures of the report are read from
-- the summaries each time, never stored.

CREATE TABLE plans (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    number     TEXT NOT NULL,
    title      TEXT NOT NULL,
    goals      TEXT NOT NULL DEFAULT '',
    year_from  INTEGER NOT NULL,
    year_to    INTEGER NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (org_id, number),
    CHECK (year_from <= year_to)
);

-- The organizations responsible for carrying a plan out.
CREATE TABLE plan_orgs (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    org_id  INTEGER NOT NULL REFERENCES orgs(id),
    PRIMARY KEY (plan_id, org_id)
);

-- The indicators chosen, in the order shown.
CREATE TABLE plan_indicators (
    plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (plan_id, indicator)
);

-- A target per indicator per year, in tenths of a percent (925 = 92,5%).
CREATE TABLE plan_targets (
    plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    year      INTEGER NOT NULL,
    permille  INTEGER NOT NULL CHECK (permille >= 0 AND permille <= 1000),
    PRIMARY KEY (plan_id, indicator, year)
);

-- The board's text of a review report for an organization and a range of
-- months (YYYY-MM): ưu điểm, hạn chế, bài học kinh nghiệm, phương hướng,
-- kiến nghị, and the document's number, signatory and recipients.
-- version guards concurrent edits.
CREATE TABLE review_texts (
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    leadership  TEXT NOT NULL DEFAULT '',
    strengths   TEXT NOT NULL DEFAULT '',
    weaknesses  TEXT NOT NULL DEFAULT '',
    lessons     TEXT NOT NULL DEFAULT '',
    directions  TEXT NOT NULL DEFAULT '',
    proposals   TEXT NOT NULL DEFAULT '',
    signer      TEXT NOT NULL DEFAULT '',
    sign_role   TEXT NOT NULL DEFAULT '',
    recipients  TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    updated_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (org_id, period_from, period_to)
);

-- +goose Down
DROP TABLE review_texts;
DROP TABLE plan_targets;
DROP TABLE plan_indicators;
DROP TABLE plan_orgs;
DROP TABLE plans;
