-- expect: GG-CRED-110 5
-- expect: GG-CRED-109 5
-- expect: GG-CRED-110 6
-- V19 (MySQL)
CREATE USER 'lab_shared'@'%' IDENTIFIED BY 'Shared#Lab1';
GRANT SELECT, INSERT ON newlims.* TO 'lab_shared'@'%';
