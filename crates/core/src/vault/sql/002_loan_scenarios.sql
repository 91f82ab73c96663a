-- Loan terms an officer saved on a client (loan calculator). At most one is the proposed loan;
-- the terms are kept as JSON so a schedule can always be regenerated exactly as it was quoted.
CREATE TABLE loan_scenarios (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  label      TEXT NOT NULL,
  terms      TEXT NOT NULL,
  proposed   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX loan_scenarios_client ON loan_scenarios(client_id, proposed DESC, id);
CREATE UNIQUE INDEX loan_scenarios_one_proposed ON loan_scenarios(client_id) WHERE proposed = 1;
