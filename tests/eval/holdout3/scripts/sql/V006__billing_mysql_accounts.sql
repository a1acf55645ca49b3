-- MySQL: one login for the whole billing team's reporting tool, and remote root for the vendor.
CREATE USER 'billing_team'@'10.20.%' IDENTIFIED BY 'B1lling-Team-Rpt';
GRANT SELECT ON billing.* TO 'billing_team'@'10.20.%';
GRANT ALL PRIVILEGES ON billing.* TO 'root'@'%';
FLUSH PRIVILEGES;
