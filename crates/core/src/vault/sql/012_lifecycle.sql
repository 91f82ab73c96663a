-- The lifecycle loop (issue 16): when each loan matures, for the renewal on Today; the
-- referrals a client made, which make it loyal; the opportunities (new journeys) started from a
-- need the client voiced or from a loan falling due for renewal.

-- The last due date of the current schedule, written with every schedule version.
ALTER TABLE booked_loans ADD COLUMN maturity_on TEXT;
UPDATE booked_loans SET maturity_on = (
    SELECT MAX(due_on) FROM loan_periods p WHERE p.loan_id = booked_loans.id);
-- Today: the open loans maturing soon, one range; and which clients have an open loan.
CREATE INDEX booked_loans_open_maturity ON booked_loans(maturity_on, client_id) WHERE closed_on IS NULL;

-- Lifecycle suggestions: the clients quiet longest, from one index range.
CREATE INDEX followups_quiet ON followups(COALESCE(last_contact_on, since_on));

CREATE TABLE referrals (
    id          INTEGER PRIMARY KEY,
    -- The client who referred (推荐), and the company it brought.
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    referred_id INTEGER NOT NULL REFERENCES clients(id),
    on_date     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (referred_id),
    CHECK (client_id <> referred_id)
);
CREATE INDEX referrals_client ON referrals(client_id);

CREATE TABLE opportunities (
    id         INTEGER PRIMARY KEY,
    client_id  INTEGER NOT NULL REFERENCES clients(id),
    -- 'need' (from feedback_needs) or 'renewal' (a loan falling due: 续贷/复贷).
    kind       TEXT NOT NULL CHECK (kind IN ('need', 'renewal')),
    need_id    INTEGER REFERENCES feedback_needs(id),
    loan_id    INTEGER REFERENCES booked_loans(id),
    stage      INTEGER NOT NULL CHECK (stage IN (1, 3)),
    started_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK ((kind = 'need') = (need_id IS NOT NULL) AND (kind = 'renewal') = (loan_id IS NOT NULL))
);
CREATE INDEX opportunities_client ON opportunities(client_id);
CREATE UNIQUE INDEX opportunities_need ON opportunities(need_id) WHERE need_id IS NOT NULL;
CREATE UNIQUE INDEX opportunities_loan ON opportunities(loan_id) WHERE loan_id IS NOT NULL;
