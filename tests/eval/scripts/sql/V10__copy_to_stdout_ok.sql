-- V10: stream to the client, nothing written on the server
COPY (SELECT patient_id, test_code, value FROM lab_results WHERE site_id = 3) TO STDOUT WITH (FORMAT csv);
