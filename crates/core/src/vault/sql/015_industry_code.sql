-- Industry as GB/T 4754-2017 (issue 19, item 6): a section (C), a division (C34) or 'other'.
-- The free text officers typed stays in `industry`, as written; the migration's Rust step
-- (clients::industry::migrate_free_text) fills the code: an exact or obvious match to the
-- standard, else 'other' with the text still shown.
ALTER TABLE clients ADD COLUMN industry_code TEXT;
