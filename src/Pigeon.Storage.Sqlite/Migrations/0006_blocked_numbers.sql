-- Destinations no message may go to: for every customer (customer_id NULL) or for one customer. The unique index
-- counts NULL as scope 0, so a number is blocked at most once per scope.
CREATE TABLE blocked_numbers (
    number TEXT NOT NULL,
    customer_id INTEGER REFERENCES customers (id),
    created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX uq_blocked_numbers_scope ON blocked_numbers (number, COALESCE(customer_id, 0));
