-- The board sums each column's proposed principals (issue 19, item 1). This partial index holds
-- the proposed scenario's principal and currency, so the sum reads them from the index instead
-- of parsing every scenario's JSON; the queries must write these expressions exactly so.
CREATE INDEX loan_scenarios_proposed_terms ON loan_scenarios(
    client_id,
    json_extract(terms, '$.principal'),
    json_extract(terms, '$.currency')
) WHERE proposed = 1;
