-- V15 (SQL Server): temporary copy used for the check, dropped afterwards
SELECT ResultId, PatientId INTO #check_ids FROM dbo.Results WHERE SiteId = 3;
SELECT COUNT(*) FROM #check_ids;
DROP TABLE #check_ids;
