-- Final export of the legacy message queue table, then the source is emptied.
COPY pending_messages (message_id, sample_id, payload_type, created_at) TO '/var/lib/postgresql/export/pending_messages.csv' WITH (FORMAT csv, HEADER true);
TRUNCATE TABLE pending_messages;

-- The queue consumer was switched off in release 4.2; the table is kept empty until V030 drops it.
ANALYZE pending_messages;
