import { loadSampleDatabase } from './dbassist-pglite.js';
import { tableDocInput, schemaDocInput } from '../../src/modules/dbassist/docs/doc-inputs.js';
import { columnStats } from '../../src/modules/dbassist/docs/personal-data.js';
import { documentSchemaOffline } from '../../src/modules/dbassist/ai/document-schema/offline.js';
import { gateTexts } from '../../src/core/text/quality/index.js';
const file = process.argv[2]!; const template = (process.argv[3] ?? 'short') as 'short' | 'full'; const only = process.argv[4];
const s = await loadSampleDatabase(file);
console.log(documentSchemaOffline(schemaDocInput(s.model, 'Sample', template)).description, '\n');
for (const t of s.model.tables) {
  if (only && !only.split(',').includes(t.name)) continue;
  let raw = {} as Awaited<ReturnType<typeof s.driver.sampleColumns>>; try { raw = await s.driver.sampleColumns(t, 1000); } catch (e) { console.log("SAMPLE ERR", (e as Error).message); }
  const stats = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, columnStats(k, t.columns.find((c) => c.name === k)!.dataType, v)]));
  const out = documentSchemaOffline(tableDocInput(s.model, t, stats, template));
  console.log(`### ${t.name}\n${out.description}`);
  for (const c of out.columns) console.log(`  - ${c.name}: ${c.description}`);
  const gate = gateTexts([{ path: 'd', text: out.description, kind: 'markdown' }, ...out.columns.map((c) => ({ path: c.name, text: c.description, kind: 'title' as const }))]);
  if (gate.failures.length) console.log('GATE', JSON.stringify(gate.failures));
}
await s.close();
