CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE clients (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  name_en        TEXT,
  credit_code    TEXT,
  industry       TEXT,
  size           TEXT,
  region         TEXT,
  source_channel TEXT,
  tier           TEXT NOT NULL DEFAULT 'C',
  status         TEXT NOT NULL DEFAULT 'prospect',
  stage          INTEGER NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 5),
  product        TEXT,
  notes          TEXT NOT NULL DEFAULT '',
  archived       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX clients_credit_code ON clients(credit_code) WHERE credit_code IS NOT NULL;
-- Each index ends in the rowid, so a filtered list comes out newest-first without sorting.
CREATE INDEX clients_archived ON clients(archived);
CREATE INDEX clients_archived_stage ON clients(archived, stage);
-- Stage and tier together: the pipeline filtered by tier.
CREATE INDEX clients_archived_stage_tier ON clients(archived, stage, tier);
CREATE INDEX clients_archived_tier ON clients(archived, tier);
CREATE INDEX clients_archived_status ON clients(archived, status);

CREATE TABLE contacts (
  id        INTEGER PRIMARY KEY,
  client_id INTEGER NOT NULL REFERENCES clients(id),
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  role      TEXT NOT NULL DEFAULT '',
  phone     TEXT NOT NULL DEFAULT '',
  email     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_client ON contacts(client_id, position);

CREATE TABLE touchpoints (
  id                INTEGER PRIMARY KEY,
  client_id         INTEGER NOT NULL REFERENCES clients(id),
  date              TEXT NOT NULL,
  channel           TEXT NOT NULL,
  summary           TEXT NOT NULL,
  next_step         TEXT NOT NULL DEFAULT '',
  next_contact_date TEXT,
  created_at        TEXT NOT NULL
);
CREATE INDEX touchpoints_client_date ON touchpoints(client_id, date DESC, id DESC);

-- Every change: what, to which record, when. Lives inside the encrypted vault.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  detail    TEXT NOT NULL DEFAULT ''
);

-- Search. One row per client (rowid = client id) holding its searchable text.
-- Trigram serves queries of 3+ characters as substrings; trigram cannot match 1-2 characters,
-- so a second index holds the same text with every CJK character as its own token and
-- serves short queries as phrase/prefix matches. Contentless: the text lives in the tables above.
CREATE VIRTUAL TABLE client_search_tri USING fts5(body, tokenize = 'trigram', content = '', contentless_delete = 1);
CREATE VIRTUAL TABLE client_search_uni USING fts5(body, tokenize = 'unicode61', content = '', contentless_delete = 1);
