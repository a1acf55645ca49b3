CREATE ROLE support_team LOGIN PASSWORD '${support_password}';
GRANT SELECT ON customers, orders TO support_team;
