-- Parts of concatenated MO held until their set is complete (or given up after the reassembly time-out), so a
-- part acknowledged to the supplier survives a crash. A set is keyed by handset, inbound number, reference and
-- announced total, whichever supplier bind each part came on. Consumed parts stay (consumed_at, mo_id) for the
-- time-out to recognise repeats, then are deleted.
CREATE TABLE mo_parts (
    id INTEGER PRIMARY KEY,
    supplier_id INTEGER NOT NULL,
    source TEXT NOT NULL,
    source_ton INTEGER NOT NULL,
    source_npi INTEGER NOT NULL,
    destination TEXT NOT NULL,
    esm_class INTEGER NOT NULL,
    data_coding INTEGER NOT NULL,
    body BLOB NOT NULL,
    reference INTEGER NOT NULL,
    total_parts INTEGER NOT NULL,
    part_number INTEGER NOT NULL,
    customer_id INTEGER,
    smpp_account_id INTEGER,
    received_at INTEGER NOT NULL,
    consumed_at INTEGER,
    mo_id INTEGER
) STRICT;
CREATE INDEX ix_mo_parts_set ON mo_parts (source, destination, reference, total_parts, part_number);
CREATE UNIQUE INDEX ux_mo_parts_held ON mo_parts (source, destination, reference, total_parts, part_number) WHERE consumed_at IS NULL;
CREATE INDEX ix_mo_parts_held_age ON mo_parts (received_at) WHERE consumed_at IS NULL;
CREATE INDEX ix_mo_parts_consumed ON mo_parts (consumed_at) WHERE consumed_at IS NOT NULL;
