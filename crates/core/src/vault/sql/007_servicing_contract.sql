-- What a Chinese loan contract adds to servicing (issue 13): penalty and compound interest
-- (罚息/复利, 银发〔2003〕251号), repricing on the LPR (公告〔2019〕第30号), extensions (展期)
-- and the technical-overdue exception. Money is integer fen; rates are exact decimal text.

-- Per-loan contract terms of servicing. Existing loans get the defaults the contract template
-- uses: markup 50 % (5000 bp) on a 360-day basis, the default order of allocation.
ALTER TABLE booked_loans ADD COLUMN penalty_markup_bp INTEGER NOT NULL DEFAULT 5000;
ALTER TABLE booked_loans ADD COLUMN penalty_misuse INTEGER NOT NULL DEFAULT 0;
ALTER TABLE booked_loans ADD COLUMN penalty_basis INTEGER NOT NULL DEFAULT 360;
ALTER TABLE booked_loans ADD COLUMN allocation_order TEXT NOT NULL
    DEFAULT 'compound,penalty,interest,principal';
-- 'none', 'jan1' or 'anniversary'; the last repricing day already applied.
ALTER TABLE booked_loans ADD COLUMN reprice TEXT NOT NULL DEFAULT 'none';
ALTER TABLE booked_loans ADD COLUMN repriced_on TEXT;
-- Extended or restructured at least once: classified at least 关注.
ALTER TABLE booked_loans ADD COLUMN extended INTEGER NOT NULL DEFAULT 0;
-- The officer's ≤ 7-day technical-overdue exception, with its reason (NULL: none).
ALTER TABLE booked_loans ADD COLUMN technical_overdue_reason TEXT;

-- Penalty or compound interest waived (减免), with the officer's reason; kept for the record.
CREATE TABLE loan_penalty_waivers (
    id          INTEGER PRIMARY KEY,
    loan_id     INTEGER NOT NULL REFERENCES booked_loans(id),
    waived_on   TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX loan_penalty_waivers_loan ON loan_penalty_waivers(loan_id, waived_on);

-- Fees charged outside the schedule (the prepayment fee, 违约金), paid with the prepayment.
CREATE TABLE loan_fees (
    id          INTEGER PRIMARY KEY,
    loan_id     INTEGER NOT NULL REFERENCES booked_loans(id),
    charged_on  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    version     INTEGER NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX loan_fees_loan ON loan_fees(loan_id);

-- The loan prime rate as published (each month on the 20th), per tenor.
CREATE TABLE lpr_rates (
    published_on TEXT NOT NULL,
    tenor        TEXT NOT NULL CHECK (tenor IN ('1y', '5y')),
    percent      TEXT NOT NULL,
    PRIMARY KEY (tenor, published_on)
) WITHOUT ROWID;
