--liquibase formatted sql

--changeset ops:42-rotate-app-password
ALTER USER crm_app WITH PASSWORD 'Rotated#2024q1';
--rollback ALTER USER crm_app WITH PASSWORD '${previous_password}';
