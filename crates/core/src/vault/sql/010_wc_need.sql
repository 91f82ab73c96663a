-- The working-capital loan need calculation's assumptions per client (issue 15): what the
-- officer entered (growth, own funds, existing loans, other funds, any days typed over the
-- statements'), as JSON, so the proposal PDF argues from the same figures as the screen.
CREATE TABLE wc_need_assumptions (
    client_id   INTEGER PRIMARY KEY REFERENCES clients(id),
    assumptions TEXT NOT NULL,
    saved_at    TEXT NOT NULL
);
