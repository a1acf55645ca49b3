-- V13 (MySQL)
SELECT * FROM sample WHERE received_at >= '2021-01-01' INTO OUTFILE '/var/lib/mysql-files/samples.csv';
