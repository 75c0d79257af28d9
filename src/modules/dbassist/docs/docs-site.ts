import { strToU8, zipSync, type Zippable } from 'fflate';
import { tableKey, type SchemaModel, type TableModel } from '../snapshot/schema-model.js';
import { erDiagram } from '../erd/er-diagram.js';
import { firstParagraphText as firstParagraph } from '../snapshot/doc-text.js';

/**
 * The documentation of a snapshot as a Markdown site, the way tbls writes one: README.md (the database and an index
 * of its tables), one page per table under tables/ (columns, indexes, constraints, triggers, relationships and an ER
 * diagram of the table and its neighbours) and er.md with the whole schema's ER diagram.
 */
export type SiteInput = {
  title: string;
  version: string;
  model: SchemaModel;
  /** Documentation by "scope:key" ('schema:', 'table:ns.t', 'column:ns.t.c'). */
  docs: ReadonlyMap<string, string>;
};

/** A table cell: one line, pipes escaped. */
function cell(text: string | null | undefined): string {
  return (text ?? '').replace(/\r?\n+/g, ' <br> ').replace(/\|/g, '\\|').trim();
}

function codeCell(text: string | null | undefined): string {
  return text ? `\`${cell(text).replace(/`/g, "'")}\`` : '';
}

/** Page paths unique even on a case-insensitive file system. */
export function tablePagePaths(model: SchemaModel): Map<string, string> {
  const paths = new Map<string, string>();
  const used = new Set<string>();
  for (const table of model.tables) {
    const base = tableKey(table).replace(/[^A-Za-z0-9._-]+/g, '_') || 'table';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    used.add(name.toLowerCase());
    paths.set(tableKey(table), `tables/${name}.md`);
  }
  return paths;
}

function neighbours(model: SchemaModel, table: TableModel): string[] {
  const key = tableKey(table);
  const keys = new Set([key]);
  for (const fk of table.foreignKeys) keys.add(tableKey({ namespace: fk.refNamespace, name: fk.refTable }));
  for (const other of model.tables) if (other.foreignKeys.some((fk) => tableKey({ namespace: fk.refNamespace, name: fk.refTable }) === key)) keys.add(tableKey(other));
  return model.tables.map(tableKey).filter((k) => keys.has(k));
}

function readme(input: SiteInput, paths: Map<string, string>): string {
  const { model } = input;
  const lines = [`# ${input.title}`, '', `Schema version \`${input.version}\` (${model.engine}${model.serverVersion ? ` ${model.serverVersion}` : ''}).`, ''];
  const overview = input.docs.get('schema:');
  if (overview?.trim()) lines.push(overview.trim(), '');
  lines.push('## Tables', '', '| Name | Kind | Columns | Description |', '| --- | --- | --- | --- |');
  for (const table of model.tables) {
    const key = tableKey(table);
    const description = firstParagraph(input.docs.get(`table:${key}`) ?? '') ?? table.comment ?? '';
    lines.push(`| [${cell(key)}](${paths.get(key)}) | ${table.kind.replace(/_/g, ' ')} | ${table.columns.length} | ${cell(description)} |`);
  }
  if (model.enums.length) {
    lines.push('', '## Enums', '', '| Name | Values |', '| --- | --- |');
    for (const e of model.enums) lines.push(`| ${cell(`${e.namespace}.${e.name}`)} | ${cell(e.values.join(', '))} |`);
  }
  lines.push('', '## ER diagram', '', '[The whole schema](er.md)', '');
  return lines.join('\n');
}

function tablePage(input: SiteInput, table: TableModel, paths: Map<string, string>): string {
  const { model } = input;
  const key = tableKey(table);
  const link = (target: string) => (paths.has(target) ? `[${target}](../${paths.get(target)})` : target);
  const pk = new Set(table.primaryKey?.columns ?? []);
  const lines = [`# ${key}`, '', `${table.kind.replace(/_/g, ' ')}${table.rowEstimate !== null && table.rowEstimate >= 0 ? `, about ${table.rowEstimate.toLocaleString('en-US')} rows` : ''}`, ''];
  const doc = input.docs.get(`table:${key}`);
  if (doc?.trim()) lines.push(doc.trim(), '');
  else if (table.comment) lines.push(table.comment, '');

  lines.push('## Columns', '', '| Name | Type | Nullable | Keys | Default | Description |', '| --- | --- | --- | --- | --- | --- |');
  for (const column of table.columns) {
    const fks = table.foreignKeys.filter((fk) => fk.columns.includes(column.name));
    const keys = [pk.has(column.name) ? 'PK' : '', ...fks.map((fk) => `FK → ${link(tableKey({ namespace: fk.refNamespace, name: fk.refTable }))}`)].filter(Boolean);
    const description = input.docs.get(`column:${key}.${column.name}`) ?? column.comment ?? '';
    lines.push(`| ${cell(column.name)} | ${codeCell(column.dataType)} | ${column.isNullable ? 'yes' : 'no'} | ${cell(keys.join(', '))} | ${codeCell(column.defaultValue)} | ${cell(description)} |`);
  }

  if (table.indexes.length) {
    lines.push('', '## Indexes', '', '| Name | Columns | Unique | Method | Condition |', '| --- | --- | --- | --- | --- |');
    for (const index of table.indexes) lines.push(`| ${cell(index.name)} | ${cell(index.columns.join(', '))} | ${index.unique ? 'yes' : 'no'} | ${cell(index.method)} | ${codeCell(index.predicate)} |`);
  }

  const constraints: string[] = [];
  if (table.primaryKey) constraints.push(`| ${cell(table.primaryKey.name ?? '')} | primary key | ${cell(`(${table.primaryKey.columns.join(', ')})`)} |`);
  for (const fk of table.foreignKeys) {
    const target = tableKey({ namespace: fk.refNamespace, name: fk.refTable });
    constraints.push(`| ${cell(fk.name ?? '')} | foreign key | ${cell(`(${fk.columns.join(', ')}) → ${target} (${fk.refColumns.join(', ')}) on update ${fk.onUpdate.toLowerCase()}, on delete ${fk.onDelete.toLowerCase()}`)} |`);
  }
  for (const unique of table.uniques) constraints.push(`| ${cell(unique.name ?? '')} | unique | ${cell(`(${unique.columns.join(', ')})`)} |`);
  for (const check of table.checks) constraints.push(`| ${cell(check.name ?? '')} | check | ${codeCell(check.expression)} |`);
  if (constraints.length) lines.push('', '## Constraints', '', '| Name | Type | Definition |', '| --- | --- | --- |', ...constraints);

  if (table.triggers.length) {
    lines.push('', '## Triggers', '', '| Name | Timing | Events | Definition |', '| --- | --- | --- | --- |');
    for (const trigger of table.triggers) lines.push(`| ${cell(trigger.name)} | ${cell(trigger.timing)} | ${cell(trigger.events.join(', '))} | ${codeCell(trigger.definition)} |`);
  }

  if (table.viewDefinition) lines.push('', '## Definition', '', '```sql', table.viewDefinition.trim(), '```');

  const parents = [...new Set(table.foreignKeys.map((fk) => tableKey({ namespace: fk.refNamespace, name: fk.refTable })))];
  const children = model.tables.filter((t) => t.foreignKeys.some((fk) => tableKey({ namespace: fk.refNamespace, name: fk.refTable }) === key)).map(tableKey);
  lines.push('', '## Relationships', '');
  if (!parents.length && !children.length) lines.push('No foreign key points from or to this table.');
  if (parents.length) lines.push(`References: ${parents.map(link).join(', ')}`, '');
  if (children.length) lines.push(`Referenced by: ${children.map(link).join(', ')}`, '');

  lines.push('', '## ER diagram', '', '```mermaid', erDiagram(model, neighbours(model, table)).mermaidCode.trimEnd(), '```', '', '[Back to the index](../README.md)', '');
  return lines.join('\n');
}

/** Every page of the site, by path. */
export function docsSitePages(input: SiteInput): Record<string, string> {
  const paths = tablePagePaths(input.model);
  const pages: Record<string, string> = { 'README.md': readme(input, paths) };
  for (const table of input.model.tables) pages[paths.get(tableKey(table))!] = tablePage(input, table, paths);
  pages['er.md'] = [`# ${input.title}: ER diagram`, '', '```mermaid', erDiagram(input.model).mermaidCode.trimEnd(), '```', '', '[Back to the index](README.md)', ''].join('\n');
  return pages;
}

export function docsSiteZip(input: SiteInput, now = new Date()): Uint8Array {
  const files: Zippable = {};
  for (const [path, content] of Object.entries(docsSitePages(input))) files[path] = strToU8(content);
  return zipSync(files, { level: 6, mtime: now });
}

/** "Northwind-v3-1a2b3c4d5e6f-docs.zip": the connection's name and the version, safe in a header. */
export function siteFileName(title: string, version: string): string {
  const base = `${title}-${version}`.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'schema';
  return `${base}-docs.zip`;
}
