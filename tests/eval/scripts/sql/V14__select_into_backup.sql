-- V14 (SQL Server): keep a backup of the comments before anonymising them
SELECT ResultId, PatientId, Comment
INTO dbo.ResultComments_Backup
FROM dbo.ResultComments;

UPDATE dbo.ResultComments SET Comment = NULL;
