-- One-off extract of pending referrals for the partner hospital.
COPY (SELECT * FROM referrals WHERE status = 'pending') TO '/tmp/referrals_pending.csv' WITH CSV HEADER;

-- Row count for the transfer slip.
SELECT count(referral_id) AS extracted FROM referrals WHERE status = 'pending';
