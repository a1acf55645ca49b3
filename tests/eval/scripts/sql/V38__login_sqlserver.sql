-- V38 (SQL Server)
CREATE LOGIN lims_sync WITH PASSWORD = 'Sync#Login2024', CHECK_POLICY = ON;
CREATE USER lims_sync FOR LOGIN lims_sync;
ALTER ROLE db_datareader ADD MEMBER lims_sync;
