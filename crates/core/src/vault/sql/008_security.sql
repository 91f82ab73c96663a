-- What secures a loan and the line it is drawn under (issue 14): credit facilities (综合授信)
-- and their other uses (银承, 保函, L/C, with cash margin 保证金), collateral (押品) with its
-- valuation history, and guarantors (保证人). Money is integer fen; percentages are basis points.

CREATE TABLE facilities (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    currency    TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL CHECK (ends_on >= starts_on),
    revolving   INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX facilities_client ON facilities(client_id);

ALTER TABLE booked_loans ADD COLUMN facility_id INTEGER REFERENCES facilities(id);
CREATE INDEX booked_loans_facility ON booked_loans(facility_id) WHERE facility_id IS NOT NULL;

CREATE TABLE facility_uses (
    id           INTEGER PRIMARY KEY,
    facility_id  INTEGER NOT NULL REFERENCES facilities(id),
    kind         TEXT NOT NULL CHECK (kind IN ('acceptance', 'guarantee', 'lc')),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
    margin_bp    INTEGER NOT NULL CHECK (margin_bp BETWEEN 0 AND 10000),
    used_on      TEXT NOT NULL,
    -- Matured, paid or cancelled: no longer part of a revolving line's use.
    closed_on    TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX facility_uses_facility ON facility_uses(facility_id);

CREATE TABLE collateral (
    id                INTEGER PRIMARY KEY,
    loan_id           INTEGER NOT NULL REFERENCES booked_loans(id),
    kind              TEXT NOT NULL,
    owner             TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    cap_bp            INTEGER NOT NULL CHECK (cap_bp BETWEEN 0 AND 10000),
    -- The latest valuation (also the last row of collateral_valuations), kept here so Today
    -- and the portfolio read one row per item.
    value_fen         INTEGER NOT NULL CHECK (value_fen >= 0),
    valued_on         TEXT NOT NULL,
    value_source      TEXT NOT NULL DEFAULT '',
    prior_lien_fen    INTEGER NOT NULL DEFAULT 0 CHECK (prior_lien_fen >= 0),
    registration_no   TEXT NOT NULL DEFAULT '',
    registered_until  TEXT,
    insured_until     TEXT,
    -- Released or replaced: kept for the record, no longer part of the capacity.
    archived_on       TEXT,
    created_at        TEXT NOT NULL
);
CREATE INDEX collateral_loan ON collateral(loan_id);

-- Every valuation, the first one included, in the order entered.
CREATE TABLE collateral_valuations (
    id             INTEGER PRIMARY KEY,
    collateral_id  INTEGER NOT NULL REFERENCES collateral(id),
    value_fen      INTEGER NOT NULL CHECK (value_fen >= 0),
    valued_on      TEXT NOT NULL,
    source         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
);
CREATE INDEX collateral_valuations_item ON collateral_valuations(collateral_id, valued_on);

CREATE TABLE guarantors (
    id           INTEGER PRIMARY KEY,
    loan_id      INTEGER NOT NULL REFERENCES booked_loans(id),
    party        TEXT NOT NULL CHECK (party IN ('person', 'company')),
    name         TEXT NOT NULL,
    credit_code  TEXT,
    kind         TEXT NOT NULL CHECK (kind IN ('joint', 'general')),
    limit_fen    INTEGER CHECK (limit_fen > 0),
    starts_on    TEXT,
    ends_on      TEXT,
    relation     TEXT NOT NULL DEFAULT '',
    archived_on  TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX guarantors_loan ON guarantors(loan_id);

-- Reminder marks name facilities as well as loans now: the key says which.
CREATE TABLE reminder_marks_new (
    key            TEXT PRIMARY KEY,
    snoozed_until  TEXT,
    done_on        TEXT
);
INSERT INTO reminder_marks_new (key, snoozed_until, done_on)
    SELECT key, snoozed_until, done_on FROM reminder_marks;
DROP TABLE reminder_marks;
ALTER TABLE reminder_marks_new RENAME TO reminder_marks;
