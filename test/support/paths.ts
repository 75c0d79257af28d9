import path from 'node:path';

// Unique per test run (the global setup exports the names to the workers), so two runs on one machine don't share
// a snapshot or a template database.
const runId = (process.env.ATELIER_TEST_RUN ??= `${process.pid}`);

export const TEST_TMP = path.resolve('.test-tmp');
export const PGLITE_SNAPSHOT = path.join(TEST_TMP, `run-${runId}`, 'migrated-pglite.tar');
export const POSTGRES_TEMPLATE = `atelier_test_template_${runId}`;
