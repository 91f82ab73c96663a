-- What open periods still owe, summed per currency and due month, kept in step with
-- loan_periods in the same transaction as every change: the portfolio's 12-month cash-in is
-- then twelve rows, not a scan of every open period of every loan.
CREATE TABLE cash_in_by_month (
    currency      TEXT NOT NULL,
    month         TEXT NOT NULL,
    principal_fen INTEGER NOT NULL,
    interest_fen  INTEGER NOT NULL,
    PRIMARY KEY (currency, month)
) WITHOUT ROWID;
INSERT INTO cash_in_by_month (currency, month, principal_fen, interest_fen)
SELECT l.currency, substr(p.due_on, 1, 7),
       sum(p.principal_fen - p.paid_principal_fen),
       sum(p.interest_fen - p.paid_interest_fen - p.waived_interest_fen)
FROM loan_periods p JOIN booked_loans l ON l.id = p.loan_id
WHERE p.settled_on IS NULL
GROUP BY 1, 2;
