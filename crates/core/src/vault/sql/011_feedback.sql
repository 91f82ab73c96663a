-- The client's voice (issue 16): feedback on a client, optionally tied to a touchpoint and a
-- journey stage; the problems it raised, each open until the officer records what was done;
-- the new needs it brought.

CREATE TABLE feedback (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients(id),
    touchpoint_id INTEGER REFERENCES touchpoints(id),
    stage         INTEGER CHECK (stage BETWEEN 1 AND 5),
    score         INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    mood          TEXT,
    date          TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX feedback_client ON feedback(client_id, date DESC, id DESC);

CREATE TABLE feedback_problems (
    id                       INTEGER PRIMARY KEY,
    feedback_id              INTEGER NOT NULL REFERENCES feedback(id),
    category                 TEXT NOT NULL,
    text                     TEXT NOT NULL DEFAULT '',
    opened_on                TEXT NOT NULL,
    resolved_on              TEXT,
    resolution_note          TEXT,
    resolution_touchpoint_id INTEGER REFERENCES touchpoints(id),
    CHECK (resolved_on IS NULL OR resolved_on >= opened_on)
);
CREATE INDEX feedback_problems_feedback ON feedback_problems(feedback_id);
-- Today reads only the open problems, oldest first, never the closed history.
CREATE INDEX feedback_problems_open ON feedback_problems(opened_on) WHERE resolved_on IS NULL;

CREATE TABLE feedback_needs (
    id             INTEGER PRIMARY KEY,
    feedback_id    INTEGER NOT NULL REFERENCES feedback(id),
    text           TEXT NOT NULL,
    product_type   TEXT,
    -- The opportunity (journey) the need started, once there is one.
    opportunity_id INTEGER
);
CREATE INDEX feedback_needs_feedback ON feedback_needs(feedback_id);
