-- SpinePath database, schema version 5 (synthetic data only).
CREATE TABLE patients (
    id          INTEGER PRIMARY KEY,
    name        TEXT,
    birth_date  TEXT,
    phone       TEXT,
    email       TEXT,
    contact_ok  INTEGER CHECK (contact_ok IN (0, 1)),
    created_at  TEXT NOT NULL
);
CREATE TABLE assessments (
    id                    TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
    patient_id            INTEGER REFERENCES patients(id) ON DELETE SET NULL,
    started_at            TEXT NOT NULL,
    completed_at          TEXT,
    updated_at            TEXT NOT NULL,
    mode                  TEXT NOT NULL CHECK (mode IN ('kiosk', 'home')),
    status                TEXT NOT NULL
                          CHECK (status IN ('in_progress', 'completed', 'abandoned', 'reviewed')),
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL,
    ruleset_id            TEXT,
    ruleset_version       TEXT,
    answers               TEXT NOT NULL,
    result                TEXT,
    category              TEXT,
    severity              TEXT,
    reviewed_at           TEXT,
    reviewed_by           TEXT,
    scored_questionnaire_id     TEXT,
    scored_questionnaire_version TEXT,
    rescored_at           TEXT,
    CHECK (status = 'in_progress' OR status = 'abandoned' OR
           (result IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE TABLE assessment_flags (
    assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    flag_id       TEXT NOT NULL,
    PRIMARY KEY (assessment_id, flag_id)
) WITHOUT ROWID;
CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    assessment_id TEXT,
    detail        TEXT NOT NULL DEFAULT ''
);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    version       TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    reading_grade REAL,
    updated_at    TEXT NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TABLE assessment_articles (
    assessment_id   TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    article_id      TEXT NOT NULL,
    article_version TEXT NOT NULL,
    content_hash    TEXT NOT NULL,
    shown_at        TEXT NOT NULL,
    PRIMARY KEY (assessment_id, article_id, article_version)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE patients_fts USING fts5(
    name, content = 'patients', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
CREATE TRIGGER patients_fts_insert AFTER INSERT ON patients WHEN new.name IS NOT NULL BEGIN
    INSERT INTO patients_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER patients_fts_delete AFTER DELETE ON patients WHEN old.name IS NOT NULL BEGIN
    INSERT INTO patients_fts (patients_fts, rowid, name) VALUES ('delete', old.id, old.name);
END;
CREATE TRIGGER patients_fts_update AFTER UPDATE OF name ON patients BEGIN
    INSERT INTO patients_fts (patients_fts, rowid, name)
        SELECT 'delete', old.id, old.name WHERE old.name IS NOT NULL;
    INSERT INTO patients_fts (rowid, name) SELECT new.id, new.name WHERE new.name IS NOT NULL;
END;
CREATE INDEX assessments_by_start ON assessments (started_at, id);
CREATE INDEX assessments_by_category ON assessments (category, started_at, id);
CREATE INDEX assessments_by_patient ON assessments (patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX assessments_by_status ON assessments (status, completed_at);
CREATE INDEX assessment_flags_by_flag ON assessment_flags (flag_id, assessment_id);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE INDEX assessments_by_completion ON assessments (completed_at, started_at, id);
CREATE INDEX assessments_by_severity ON assessments ((CASE severity WHEN 'emergency' THEN 3 WHEN 'urgent' THEN 2 WHEN 'review' THEN 1 ELSE 0 END), started_at, id);
CREATE INDEX patients_by_name ON patients (name COLLATE NOCASE) WHERE name IS NOT NULL;
CREATE INDEX assessments_by_patient_start ON assessments (patient_id, started_at, id) WHERE patient_id IS NOT NULL;

INSERT INTO patients (id, name, birth_date, phone, email, contact_ok, created_at)
    VALUES (1, 'Ottoline Brackenridge', '1958-09-30', '555-0199', 'ob.synthetic@example.org', 1,
            '2025-01-10T09:00:00.000Z');
INSERT INTO assessments (id, patient_id, started_at, completed_at, updated_at, mode, status, questionnaire_id,
                         questionnaire_version, ruleset_id, ruleset_version, answers, result, category, severity,
                         scored_questionnaire_id, scored_questionnaire_version)
    VALUES ('00000000-0000-4000-8000-000000000001', 1, '2025-01-10T09:00:00.000Z', '2025-01-10T09:12:00.000Z',
            '2025-01-10T09:12:00.000Z', 'kiosk', 'completed', 'spinepath-intake', '1.0.0', 'spinepath-core', '1.0.0',
            '{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"section.about","item":[{"linkId":"about.name","answer":[{"valueString":"Ottoline Brackenridge"}]}]}]}',
            '{"category":"urgent","scores":{"regenerative":0,"fusion":0},"flags":["possible_fracture"],"factors":[],"notes":[],"peg":null,"ruleset":{"id":"spinepath-core","version":"1.0.0"}}',
            'urgent', 'urgent', 'spinepath-intake', '1.0.0');
INSERT INTO assessment_flags (assessment_id, flag_id)
    VALUES ('00000000-0000-4000-8000-000000000001', 'possible_fracture');
INSERT INTO assessments (id, patient_id, started_at, completed_at, updated_at, mode, status, questionnaire_id,
                         questionnaire_version, answers)
    VALUES ('00000000-0000-4000-8000-000000000002', NULL, '2025-01-11T14:30:00.000Z', NULL,
            '2025-01-11T14:35:00.000Z', 'home', 'in_progress', 'spinepath-intake', '1.0.0',
            '{"resourceType":"QuestionnaireResponse","status":"in-progress"}');
INSERT INTO audit_log (at, actor, action, assessment_id, detail)
    VALUES ('2025-01-10T09:12:00.000Z', 'kiosk', 'assessment.completed', '00000000-0000-4000-8000-000000000001',
            'ruleset spinepath-core 1.0.0');
INSERT INTO settings (key, value) VALUES ('retention.days', '3650');
INSERT INTO articles (id, title, body, version, content_hash, reading_grade, updated_at)
    VALUES ('annular-tears', 'Annular tears explained', '## What it is
A tear in the **tough outer ring** of a disc can cause lasting back pain. See [discs](article:disc-pain).',
            '1.0.0', 'synthetic-hash-1', 6.5, '2025-01-09T08:00:00.000Z');
INSERT INTO assessment_articles (assessment_id, article_id, article_version, content_hash, shown_at)
    VALUES ('00000000-0000-4000-8000-000000000001', 'annular-tears', '1.0.0', 'synthetic-hash-1',
            '2025-01-10T09:13:00.000Z');
PRAGMA user_version = 5;
