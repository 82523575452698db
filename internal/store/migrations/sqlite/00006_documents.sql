-- +goose Up
-- Documents and their dissemination (tuyên truyền, quán triệt), and the
-- training of secretaries and committee members (bồi dưỡng), DOMAIN.md §10.

-- A document as issued: number and symbol ("11-ĐA/TU") unique per issuer
-- and year (number_key is the number upper-cased without spaces, so that
-- "11-đa/tu" and "11-ĐA/TU" are the same number).
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    issuer_id    INTEGER NOT NULL REFERENCES orgs(id),
    number       TEXT NOT NULL,
    number_key   TEXT NOT NULL,
    year         INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    title_fold   TEXT NOT NULL,
    issued_on    TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    replaces_id  INTEGER REFERENCES documents(id),
    file_version INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX documents_number ON documents (issuer_id, year, number_key);
CREATE INDEX documents_issued ON documents (issued_on);
CREATE INDEX documents_replaces ON documents (replaces_id);

-- File contents, kept in the database (data) or, when the server is given
-- a folder, as a file there (path, relative to the folder).
CREATE TABLE document_files (
    id           INTEGER PRIMARY KEY,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data         BLOB,
    path         TEXT,
    created_at   INTEGER NOT NULL
);

-- Every file a document had: version 1, 2, … (documents.file_version is
-- the current one).
CREATE TABLE document_versions (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    version     INTEGER NOT NULL,
    file_id     INTEGER NOT NULL REFERENCES document_files(id),
    filename    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
);

CREATE TABLE document_tags (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    tag         TEXT NOT NULL,
    tag_fold    TEXT NOT NULL,
    PRIMARY KEY (document_id, tag_fold)
);
CREATE INDEX document_tags_fold ON document_tags (tag_fold);

-- Dissemination: a document sent to an organization with its subtree,
-- to every member (role '') or to the holders of one office (bi_thu…).
CREATE TABLE disseminations (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    role        TEXT NOT NULL DEFAULT '',
    sent_at     INTEGER NOT NULL,
    sent_by     TEXT NOT NULL,
    UNIQUE (document_id, org_id, role)
);
CREATE INDEX disseminations_org ON disseminations (org_id, document_id);

-- A member's acknowledgement of having studied a document (the day is
-- kept with the time).
CREATE TABLE acknowledgements (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    member_id   INTEGER NOT NULL REFERENCES members(id),
    at          INTEGER NOT NULL,
    PRIMARY KEY (document_id, member_id)
);
CREATE INDEX acknowledgements_member ON acknowledgements (member_id);

-- Reminders sent to those who have not acknowledged, per organization.
CREATE TABLE document_reminders (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    on_day      TEXT NOT NULL,
    reminded    INTEGER NOT NULL,
    sent_at     INTEGER NOT NULL,
    sent_by     TEXT NOT NULL
);
CREATE INDEX document_reminders_doc ON document_reminders (document_id, sent_at);

-- Coverage of a document sent to a whole city (500.000 members) is read
-- in a few tens of milliseconds from two aggregates kept on write by the
-- triggers below, whoever writes members or acknowledgements:
-- member_counts is the number of current members (left_on IS NULL) of each
-- home cell, ack_counts the number of them who acknowledged each document.
-- A member who moves or leaves takes their acknowledgements along.
CREATE TABLE member_counts (
    org_id  INTEGER PRIMARY KEY REFERENCES orgs(id),
    members INTEGER NOT NULL
);
INSERT INTO member_counts (org_id, members) SELECT org_id, count(*) FROM members WHERE left_on IS NULL GROUP BY org_id;

CREATE TABLE ack_counts (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    acked       INTEGER NOT NULL,
    PRIMARY KEY (document_id, org_id)
);

-- +goose StatementBegin
CREATE TRIGGER members_counted AFTER INSERT ON members WHEN NEW.left_on IS NULL
BEGIN
    INSERT INTO member_counts (org_id, members) VALUES (NEW.org_id, 1)
        ON CONFLICT (org_id) DO UPDATE SET members = members + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_recounted AFTER UPDATE OF org_id, left_on ON members
WHEN OLD.org_id IS NOT NEW.org_id OR (OLD.left_on IS NULL) <> (NEW.left_on IS NULL)
BEGIN
    UPDATE member_counts SET members = members - 1 WHERE org_id = OLD.org_id AND OLD.left_on IS NULL;
    INSERT INTO member_counts (org_id, members) SELECT NEW.org_id, 1 WHERE NEW.left_on IS NULL
        ON CONFLICT (org_id) DO UPDATE SET members = members + 1;
    UPDATE ack_counts SET acked = acked - 1 WHERE org_id = OLD.org_id AND OLD.left_on IS NULL
        AND document_id IN (SELECT document_id FROM acknowledgements WHERE member_id = OLD.id);
    INSERT INTO ack_counts (document_id, org_id, acked)
        SELECT document_id, NEW.org_id, 1 FROM acknowledgements WHERE member_id = NEW.id AND NEW.left_on IS NULL
        ON CONFLICT (document_id, org_id) DO UPDATE SET acked = acked + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER members_uncounted AFTER DELETE ON members WHEN OLD.left_on IS NULL
BEGIN
    UPDATE member_counts SET members = members - 1 WHERE org_id = OLD.org_id;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER acknowledgements_counted AFTER INSERT ON acknowledgements
BEGIN
    INSERT INTO ack_counts (document_id, org_id, acked)
        SELECT NEW.document_id, m.org_id, 1 FROM members m WHERE m.id = NEW.member_id AND m.left_on IS NULL
        ON CONFLICT (document_id, org_id) DO UPDATE SET acked = acked + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER acknowledgements_uncounted AFTER DELETE ON acknowledgements
BEGIN
    UPDATE ack_counts SET acked = acked - 1
        WHERE document_id = OLD.document_id AND org_id = (SELECT org_id FROM members WHERE id = OLD.member_id AND left_on IS NULL);
END;
-- +goose StatementEnd

-- Training courses (lớp bồi dưỡng) and their participants.
CREATE TABLE courses (
    id           INTEGER PRIMARY KEY,
    organizer_id INTEGER NOT NULL REFERENCES orgs(id),
    title        TEXT NOT NULL,
    starts_on    TEXT NOT NULL,
    ends_on      TEXT NOT NULL,
    place        TEXT NOT NULL DEFAULT '',
    outline      TEXT NOT NULL DEFAULT '',
    target_roles TEXT NOT NULL DEFAULT '',
    capacity     INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX courses_organizer ON courses (organizer_id, starts_on);
CREATE INDEX courses_ends ON courses (ends_on);

-- result: dat (passed), khong_dat (not passed), vang (absent); NULL until
-- the course ends.
CREATE TABLE course_participants (
    course_id   INTEGER NOT NULL REFERENCES courses(id),
    member_id   INTEGER NOT NULL REFERENCES members(id),
    enrolled_at INTEGER NOT NULL,
    attended    INTEGER NOT NULL DEFAULT 0,
    result      TEXT,
    certificate TEXT,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (course_id, member_id)
);
CREATE INDEX course_participants_member ON course_participants (member_id);

-- +goose Down
DROP TABLE course_participants;
DROP TABLE courses;
DROP TRIGGER acknowledgements_uncounted;
DROP TRIGGER acknowledgements_counted;
DROP TRIGGER members_uncounted;
DROP TRIGGER members_recounted;
DROP TRIGGER members_counted;
DROP TABLE ack_counts;
DROP TABLE member_counts;
DROP TABLE document_reminders;
DROP TABLE acknowledgements;
DROP TABLE disseminations;
DROP TABLE document_tags;
DROP TABLE document_versions;
DROP TABLE document_files;
DROP TABLE documents;
