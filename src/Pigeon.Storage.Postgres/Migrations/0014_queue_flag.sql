-- The dispatch queue index was defined on "status = 1", and a column in an index's predicate counts as indexed: so
-- no status update of a part was ever HOT (measured: 0 of 440,000 in a 200k-message run), and each wrote a new row
-- version elsewhere and a new entry in every index of the table, the final status update as much as the one that
-- takes the part out of the queue. The queue is now defined on a stored column generated from the status: it
-- changes when a part leaves or re-enters the queue and not between the later statuses, so the final update of a
-- part touches no index column and can stay on its page (fillfactor 60, Migrations/0009). Readers state the queue
-- condition as the index does (PostgresDialect.QueuedPart). Adding the column rewrites the table once.
ALTER TABLE message_parts ADD COLUMN queued boolean GENERATED ALWAYS AS (status = 1) STORED;
DROP INDEX ix_message_parts_queue;
CREATE INDEX ix_message_parts_queue ON message_parts (supplier_id, id) WHERE queued;
