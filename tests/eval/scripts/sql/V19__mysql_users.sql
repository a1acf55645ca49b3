-- V19 (MySQL)
CREATE USER 'lab_shared'@'%' IDENTIFIED BY 'Shared#Lab1';
GRANT SELECT, INSERT ON newlims.* TO 'lab_shared'@'%';
