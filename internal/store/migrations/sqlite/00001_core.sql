-- +goose Up
-- Organizations, members, accounts, audit. Dates are TEXT 'YYYY-MM-DD'
-- (date on PostgreSQL); timestamps are INTEGER unix seconds on both
-- engines; date ranges are inclusive at both ends, NULL = open.

CREATE TABLE cell_types (
    code     TEXT PRIMARY KEY,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1
);

INSERT INTO cell_types (code, name_vi, name_en, position) VALUES
 ('thon_tdp', 'Chi bộ thôn, tổ dân phố', 'Village or residential-group cell', 1),
 ('co_quan', 'Chi bộ cơ quan hành chính (Đảng, Nhà nước, Mặt trận, đoàn thể)', 'Administrative agency cell', 2),
 ('su_nghiep', 'Chi bộ đơn vị sự nghiệp (trường học, bệnh viện…)', 'Public service unit cell (schools, hospitals…)', 3),
 ('dn_nha_nuoc', 'Chi bộ doanh nghiệp nhà nước', 'State enterprise cell', 4),
 ('dn_ngoai_nha_nuoc', 'Chi bộ doanh nghiệp ngoài nhà nước', 'Private enterprise cell', 5),
 ('quan_doi', 'Chi bộ quân đội', 'Army cell', 6),
 ('cong_an', 'Chi bộ công an', 'Police cell', 7);

-- orgs holds each organization with its current version denormalized for
-- fast reads; org_versions keeps every version with its dates.
CREATE TABLE orgs (
    id               INTEGER PRIMARY KEY,
    code             TEXT NOT NULL UNIQUE,
    kind             TEXT NOT NULL,
    name             TEXT NOT NULL,
    name_fold        TEXT NOT NULL,
    name_sort        TEXT NOT NULL,
    parent_id        INTEGER REFERENCES orgs(id),
    path             TEXT NOT NULL,
    depth            INTEGER NOT NULL DEFAULT 0,
    cell_type        TEXT REFERENCES cell_types(code),
    created_on       TEXT NOT NULL,
    dissolved_on     TEXT,
    end_change       TEXT,
    successor_id     INTEGER,
    follower_user_id INTEGER,
    usual_day        INTEGER,
    usual_time       TEXT,
    usual_place      TEXT,
    place            TEXT,
    abbrev           TEXT,
    child_count      INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX orgs_parent ON orgs (parent_id, name_sort);
CREATE INDEX orgs_path ON orgs (path);
CREATE INDEX orgs_kind ON orgs (kind);

CREATE TABLE org_versions (
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    valid_from  TEXT NOT NULL,
    valid_until TEXT,
    name        TEXT NOT NULL,
    name_sort   TEXT NOT NULL,
    parent_id   INTEGER REFERENCES orgs(id),
    kind        TEXT NOT NULL,
    cell_type   TEXT,
    change      TEXT NOT NULL,
    note        TEXT,
    related_id  INTEGER,
    PRIMARY KEY (org_id, valid_from)
);
CREATE INDEX org_versions_parent ON org_versions (parent_id, valid_from);

CREATE TABLE members (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    full_name   TEXT NOT NULL,
    name_fold   TEXT NOT NULL,
    name_sort   TEXT NOT NULL,
    gender      TEXT,
    birth_date  TEXT,
    hometown    TEXT,
    ethnicity   TEXT,
    religion    TEXT,
    id_number   TEXT,
    phone       TEXT,
    email       TEXT,
    address     TEXT,
    card_number TEXT UNIQUE,
    dossier_no  TEXT,
    joined_on   TEXT NOT NULL,
    official_on TEXT,
    left_on     TEXT,
    left_reason TEXT,
    occupation  TEXT,
    note        TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX members_org ON members (org_id, name_sort);

CREATE TABLE memberships (
    member_id   INTEGER NOT NULL REFERENCES members(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    valid_from  TEXT NOT NULL,
    valid_until TEXT,
    PRIMARY KEY (member_id, valid_from)
);
CREATE INDEX memberships_org ON memberships (org_id, valid_from);

CREATE TABLE member_states (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    kind        TEXT NOT NULL,
    from_date   TEXT NOT NULL,
    until_date  TEXT,
    host_org_id INTEGER REFERENCES orgs(id),
    reason      TEXT,
    created_at  INTEGER NOT NULL
);
CREATE INDEX member_states_member ON member_states (member_id);
CREATE INDEX member_states_host ON member_states (host_org_id);

CREATE TABLE member_roles (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    org_id     INTEGER NOT NULL REFERENCES orgs(id),
    role       TEXT NOT NULL,
    from_date  TEXT NOT NULL,
    until_date TEXT
);
CREATE INDEX member_roles_member ON member_roles (member_id);
CREATE INDEX member_roles_org ON member_roles (org_id, role);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    username            TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL,
    org_id              INTEGER REFERENCES orgs(id),
    member_id           INTEGER REFERENCES members(id),
    email               TEXT,
    locale              TEXT NOT NULL DEFAULT 'vi',
    disabled            INTEGER NOT NULL DEFAULT 0,
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_until        INTEGER,
    password_changed_at INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_org ON users (org_id);
CREATE INDEX users_member ON users (member_id);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ip           TEXT,
    user_agent   TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);

-- Failed logins per key (a username or an IP), shared by every app server.
CREATE TABLE login_throttle (
    key          TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_start INTEGER NOT NULL,
    locked_until INTEGER
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    user_id   INTEGER,
    username  TEXT NOT NULL,
    ip        TEXT,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    org_id    INTEGER,
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_user ON audit_log (user_id, at);

-- Settings an administrator can change; the defaults are in the code.
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT
);

-- +goose Down
DROP TABLE settings;
DROP TABLE audit_log;
DROP TABLE login_throttle;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE member_roles;
DROP TABLE member_states;
DROP TABLE memberships;
DROP TABLE members;
DROP TABLE org_versions;
DROP TABLE orgs;
DROP TABLE cell_types;
