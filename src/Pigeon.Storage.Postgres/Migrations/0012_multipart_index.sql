-- A one-part message's part has the message's own id (SubmissionPlan.ToMessageParts), so its key finds it; only
-- the parts of longer messages need an index by message. Most messages have one part, and each such part was
-- indexed by message three times: when stored, and again on each of its two status updates (a part's status is
-- in the dispatch queue index's predicate, so those updates are never HOT). Look-ups of a message's parts now ask
-- the key for the part with the message's id and this index for the others; together they find every part
-- whatever its id.
DROP INDEX ix_message_parts_message;
CREATE INDEX ix_message_parts_message ON message_parts (message_id) WHERE id <> message_id;

CREATE OR REPLACE FUNCTION pigeon_rollup(p_message bigint) RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN bool_and(status >= 3) THEN
            CASE
                WHEN bool_and(status = 3) THEN 3
                WHEN bool_or(status = 7) THEN 7
                WHEN bool_or(status = 6) THEN 6
                WHEN bool_or(status = 4) THEN 4
                WHEN bool_or(status = 5) THEN 5
                ELSE 8
            END
        WHEN bool_or(status <> 1) THEN 2
        ELSE 1
    END
    FROM (
        SELECT status FROM message_parts WHERE id = p_message AND message_id = p_message
        UNION ALL
        SELECT status FROM message_parts WHERE message_id = p_message AND id <> message_id
    ) parts
$$;
