-- Rotate the reporting sync account password (ticket SEC-77).
ALTER ROLE report_sync WITH PASSWORD 'R3port-Sync-Rotated';
ALTER ROLE report_sync VALID UNTIL '2025-06-30';

-- The new value was communicated to the BI vendor by e-mail.
COMMENT ON ROLE report_sync IS 'BI vendor sync account, rotated per SEC-77';
