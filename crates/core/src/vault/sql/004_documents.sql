-- Documents the client handed over, stored inside the encrypted vault, and the figures read
-- from financial statements.

CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  -- As the officer's system gave it (Chinese names kept exactly); used again on export.
  file_name   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  -- Detected from the bytes, never from the name.
  file_type   TEXT NOT NULL,
  size        INTEGER NOT NULL,
  sha256      TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL DEFAULT '',
  archived    INTEGER NOT NULL DEFAULT 0
);
-- The same file twice on one client is a mistake the officer wants to hear about.
CREATE UNIQUE INDEX documents_client_sha ON documents(client_id, sha256);
-- A client's list, newest first; and "has this client a document of kind K" for checklists.
CREATE INDEX documents_client ON documents(client_id, archived, id);
CREATE INDEX documents_client_kind ON documents(client_id, kind, archived);

-- Content in 1 MiB pieces: a 50 MB file is written and read piece by piece, never as one
-- allocation. A document's pieces are seq 0, 1, 2, ... in order.
CREATE TABLE document_chunks (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  seq         INTEGER NOT NULL,
  data        BLOB NOT NULL,
  UNIQUE (document_id, seq)
);

-- One row per client, year and statement line; values are exact decimals as text, in yuan.
-- A later import of the same year replaces that year's figures.
CREATE TABLE statement_figures (
  client_id   INTEGER NOT NULL REFERENCES clients(id),
  year        INTEGER NOT NULL,
  line        TEXT NOT NULL,
  value       TEXT NOT NULL,
  document_id INTEGER REFERENCES documents(id),
  imported_at TEXT NOT NULL,
  PRIMARY KEY (client_id, year, line)
) WITHOUT ROWID;
