import type { ProseField, ProseKind } from '../../../../core/ai/index.js';

/**
 * A document task's human text for the quality gate: every string of its output, by path, as prose (sentences,
 * for the keys named), or as a title or label (everything else); ids, source ids and enum-like keys are skipped.
 */
const SKIPPED = new Set(['id', 'sources', 'stories', 'dependsOn', 'priority', 'origin', 'kind', 'category', 'type']);

export function proseFieldsOf(output: unknown, proseKeys: ReadonlySet<string>): ProseField[] {
  const fields: ProseField[] = [];
  const visit = (value: unknown, path: string[], key: string, kind: ProseKind | undefined): void => {
    if (typeof value === 'string') {
      if (value.trim()) fields.push({ path: path.join('.'), text: value, kind: kind ?? 'title' });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, String(index)], key, kind));
    } else if (value && typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) {
        if (SKIPPED.has(child)) continue;
        visit(item, [...path, child], child, proseKeys.has(child) ? 'prose' : undefined);
      }
    }
  };
  visit(output, [], '', undefined);
  return fields;
}
