-- A change marker for a running gateway: every provisioning write (customers, SMPP accounts, sender ids, inbound
-- numbers, suppliers, routes) bumps version in its own transaction, so a server polls one row to learn whether it
-- must reload its snapshot. Balance moves do not bump it: they are read from ledger_entries by id.
CREATE TABLE provisioning_state (
    id integer PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO provisioning_state (id, version) VALUES (1, 0);

-- Credits and adjustments in id order across customers, without scanning the (much more numerous) charges.
CREATE INDEX ix_ledger_entries_balance_moves ON ledger_entries (id) WHERE kind IN (1, 4);
