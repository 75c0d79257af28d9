import type { MockConfig, MockPreview } from '../dbassist.contract.js';
import type { SchemaModel } from '../snapshot/schema-model.js';
import type { MockRow, MockValue } from './mock-value.js';
import { planMock } from './planner.js';
import { runMock } from './run-mock.js';
import type { WrittenColumn } from './table-rows.js';

/** Rows a preview shows. */
export const PREVIEW_ROWS = 10;

/** A value as JSON: bytes as \x-hex text, like result rows elsewhere. */
function jsonValue(value: MockValue): unknown {
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  if (Array.isArray(value)) return value.map(jsonValue);
  return value;
}

/**
 * The first rows the job would make for a table with this config (same seed, locale and edge cases), with the
 * parents it would fill first; made in memory, nothing written anywhere.
 */
export async function previewRows(model: SchemaModel, key: string, config: MockConfig): Promise<MockPreview> {
  const plan = planMock({ model, requested: [{ table: key, rows: Math.min(PREVIEW_ROWS, config.rows) }] });
  let columns: WrittenColumn[] = [];
  let current = '';
  const rows: MockRow[] = [];
  await runMock({
    model,
    plan,
    options: { seed: config.seed, locale: config.locale, edgeCases: config.edgeCases },
    sink: {
      async beginTable(table, written) {
        current = table.key;
        if (table.key === key) columns = written;
      },
      async writeRows(batch) {
        if (current === key) rows.push(...batch);
      },
      async endTable() {},
    },
  });
  return {
    table: key,
    columns: columns.map((c) => ({ name: c.name, dataType: c.dataType })),
    rows: rows.slice(0, PREVIEW_ROWS).map((row) => row.map(jsonValue)),
    parents: plan.tables.filter((t) => t.key !== key).map((t) => t.key),
  };
}
