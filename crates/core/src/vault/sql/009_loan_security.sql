-- Each open loan's collateral capacity and main kind, kept on the loan in the transaction
-- that changes its collateral (security/collateral.rs, store_loan_security), so Today and the
-- portfolio read them with the loan instead of summing every pledged item on every call.
ALTER TABLE booked_loans ADD COLUMN collateral_capacity_fen INTEGER NOT NULL DEFAULT 0;
-- The kind of the item lending the most (on a tie, the first pledged); NULL: nothing pledged.
ALTER TABLE booked_loans ADD COLUMN collateral_main_kind TEXT;

-- Lendable value as security/coverage.rs lendable_fen: value × cap half-up to the fen, less
-- prior liens, not below 0 (the amounts are not negative, so integer division floors).
UPDATE booked_loans SET
    collateral_capacity_fen = coalesce((
        SELECT sum(max(0, (c.value_fen * c.cap_bp + 5000) / 10000 - c.prior_lien_fen))
        FROM collateral c WHERE c.loan_id = booked_loans.id AND c.archived_on IS NULL), 0),
    collateral_main_kind = (
        SELECT c.kind FROM collateral c
        WHERE c.loan_id = booked_loans.id AND c.archived_on IS NULL
        ORDER BY max(0, (c.value_fen * c.cap_bp + 5000) / 10000 - c.prior_lien_fen) DESC, c.id
        LIMIT 1);

-- Today looks for the pledged items with a date falling due, one range per date (and per kind
-- for the valuation): each index holds what the reminder reads, so only the items due are read,
-- from the index alone (security/reminders.rs).
CREATE INDEX collateral_registration_due
    ON collateral(registered_until, loan_id, kind, valued_on, insured_until)
    WHERE archived_on IS NULL;
CREATE INDEX collateral_insurance_due
    ON collateral(insured_until, loan_id, kind, valued_on, registered_until)
    WHERE archived_on IS NULL;
CREATE INDEX collateral_valuation_due
    ON collateral(kind, valued_on, loan_id, registered_until, insured_until)
    WHERE archived_on IS NULL;
