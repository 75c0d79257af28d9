import path from 'node:path';

export const TEST_TMP = path.resolve('.test-tmp');
export const PGLITE_SNAPSHOT = path.join(TEST_TMP, 'snapshot', 'migrated-pglite.tar');
export const POSTGRES_TEMPLATE = 'atelier_test_template';
