-- Search by pinyin (issue 19): every client's index row gains the pinyin of its name and its
-- contacts' names, and the list sorts names in pinyin order by `name_key`. The rows themselves
-- are rebuilt by the migration's Rust step (clients::rebuild_search), which computes the pinyin.
ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX clients_archived_name_key ON clients(archived, name_key);
-- The client list sorted by proposed amount walks this instead of sorting the book.
CREATE INDEX loan_scenarios_proposed_amount
  ON loan_scenarios (CAST(json_extract(terms, '$.principal') AS REAL), client_id) WHERE proposed = 1;
