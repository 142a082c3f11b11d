-- Ledger entries are read by customer (statements, sums) or, for operators' balance moves, through their own
-- partial index; never by id alone. The key on (customer_id, id) serves the reads by customer, so the id-only key
-- and the separate index on the same columns as the new key (one index entry more per charged message) go.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_pkey;
DROP INDEX ix_ledger_entries_customer;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_pkey PRIMARY KEY (customer_id, id);
