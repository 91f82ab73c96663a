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

-- Today looks for the items with a date falling due: these let it read only those.
CREATE INDEX collateral_registered_until ON collateral(registered_until);
CREATE INDEX collateral_insured_until ON collateral(insured_until);
CREATE INDEX collateral_kind_valued_on ON collateral(kind, valued_on);
