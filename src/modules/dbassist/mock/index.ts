/**
 * Mock data for the database assistant: a plan of tables in foreign-key order, values by what columns mean (seeded
 * faker), every key and simple constraint honoured, written to a CSV or SQL file, COPY, or batched INSERTs.
 */
export { fillDatabase, type FillDatabaseOptions, type SqlClient } from './fill-database.js';
export { planMock, MockPlanError, type MockPlan, type PlannedTable } from './planner.js';
export { runMock, type MockSink, type RunMockResult, type ExistingData, type MockProgress } from './run-mock.js';
export type { MockRow, MockValue } from './mock-value.js';
