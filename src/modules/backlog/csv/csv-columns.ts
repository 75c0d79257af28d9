/**
 * The columns a stories CSV may have, named as Jira's and Linear's exports name them (and as our own export does).
 * Headers compare without case, spacing or punctuation ("Custom field (Story Points)" = "custom field story points").
 * Where several columns carry one field, the first listed that has a value in the row wins: Jira's "Epic Link" before
 * its "Parent summary", Linear's "Cycle Name" before its "Cycle Number".
 */
export const columnAliases = {
  key: ['Issue key', 'Key', 'ID', 'Identifier'],
  title: ['Summary', 'Title', 'Name'],
  type: ['Issue Type', 'Type'],
  description: ['Description'],
  acceptanceCriteria: ['Acceptance Criteria', 'Custom field (Acceptance Criteria)'],
  status: ['Status'],
  priority: ['Priority'],
  storyPoints: ['Story Points', 'Custom field (Story Points)', 'Story point estimate', 'Custom field (Story point estimate)', 'Estimate'],
  epic: ['Epic', 'Epic Link', 'Custom field (Epic Link)', 'Epic Name', 'Custom field (Epic Name)', 'Parent summary', 'Project', 'Parent'],
  sprint: ['Sprint', 'Sprints', 'Cycle Name', 'Cycle', 'Cycle Number'],
  assignee: ['Assignee (email)', 'Assignee email', 'Assignee Email', 'Assignee'],
} as const;

export type CsvField = keyof typeof columnAliases;

/** How a header reads once case, spaces and punctuation are set aside. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const aliasOrder = new Map<string, { field: CsvField; rank: number }>(
  (Object.entries(columnAliases) as Array<[CsvField, readonly string[]]>).flatMap(([field, aliases]) =>
    aliases.map((alias, rank) => [headerKey(alias), { field, rank }] as const),
  ),
);

/**
 * For each field, the indexes of the header's columns that carry it, best first. A header may repeat a column (Jira
 * writes one "Sprint" column per sprint an issue was in): the later of equal columns comes first, the latest sprint.
 */
export type ColumnMap = Partial<Record<CsvField, number[]>>;

export function mapColumns(header: readonly string[]): ColumnMap {
  const found = new Map<CsvField, Array<{ index: number; rank: number }>>();
  header.forEach((name, index) => {
    const alias = aliasOrder.get(headerKey(name));
    if (!alias) return;
    found.set(alias.field, [...(found.get(alias.field) ?? []), { index, rank: alias.rank }]);
  });
  const map: ColumnMap = {};
  for (const [field, columns] of found) map[field] = columns.sort((a, b) => a.rank - b.rank || b.index - a.index).map((c) => c.index);
  return map;
}

/**
 * The value of `field` in `row`: the first of its columns with something in it; '' when none has. Trimmed unless
 * `exact` (a description keeps its line breaks and indentation).
 */
export function cellOf(row: readonly string[], map: ColumnMap, field: CsvField, exact = false): string {
  for (const index of map[field] ?? []) {
    const value = row[index] ?? '';
    if (value.trim() !== '') return exact ? value : value.trim();
  }
  return '';
}
