-- The project-finance model per client (issue 17): the inputs the officer entered or imported
-- (a `ModelInput` as JSON), one model per client, so the client page and the proposal PDF's
-- 'Financial model' section compute from the same figures. The results are not stored: they
-- are recomputed (the 资本金 table in Settings may have changed since).
CREATE TABLE project_models (
    client_id  INTEGER PRIMARY KEY REFERENCES clients(id),
    input      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
