-- Reverses 0011_dbassist_queries.
DROP TABLE dbassist.mock_jobs;
DROP TABLE dbassist.executions;
DROP TABLE dbassist.queries;
