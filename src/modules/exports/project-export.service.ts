import { asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.js';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Tx } from '../../core/db/database.js';
import { diagrams } from '../diagrams/index.js';
import { documents, documentSlug, firstFreeSlug } from '../documents/index.js';
import type { UserActor } from '../organizations/index.js';
import { requireProjectRole } from '../projects/index.js';
import { wireframeDocument, wireframes } from '../wireframes/index.js';

/**
 * The whole project as one ZIP: the latest Markdown of every document, every diagram's Mermaid code, every
 * wireframe as a self-contained HTML file, and a README.md that indexes them. Built in memory: a project's text
 * artifacts are megabytes at most.
 */

export type ExportEntry = { path: string; title: string; type: string; updatedAt: Date; content: string };
export type ProjectExport = { fileName: string; zip: Uint8Array; entries: ExportEntry[] };

/** A file name unique within its folder (`taken` holds that folder's names): the title's slug, then -2, -3, … when titles collide. */
function uniqueName(taken: Set<string>, folder: string, title: string, fallback: string, extension: string): string {
  const name = firstFreeSlug(documentSlug(title, fallback), taken);
  taken.add(name);
  return `${folder}/${name}.${extension}`;
}

/** Markdown table cells: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

export function readmeOf(project: { name: string; key: string; description: string | null }, entries: ExportEntry[], generatedAt: Date): string {
  const lines = [
    `# ${project.name}`,
    '',
    ...(project.description?.trim() ? [project.description.trim(), ''] : []),
    `- Project key: ${project.key}`,
    `- Generated: ${generatedAt.toISOString()}`,
    `- Files: ${entries.length} (${count(entries, 'documents/')} documents, ${count(entries, 'diagrams/')} diagrams, ${count(entries, 'wireframes/')} wireframes)`,
    '',
    '| File | Title | Type | Updated |',
    '| --- | --- | --- | --- |',
    ...entries.map((e) => `| [${cell(e.path)}](${encodeURI(e.path)}) | ${cell(e.title)} | ${cell(e.type)} | ${e.updatedAt.toISOString()} |`),
    '',
    'Diagrams are Mermaid source (`.mmd`): paste them into any Mermaid renderer. Wireframes open in any browser and load nothing from the network.',
    '',
  ];
  return lines.join('\n');
}

function count(entries: ExportEntry[], folder: string): number {
  return entries.filter((e) => e.path.startsWith(folder)).length;
}

/** GET /projects/{id}/export.zip: members, viewers included. */
export async function exportProject(tx: Tx, actor: UserActor, projectId: string, now = new Date()): Promise<ProjectExport> {
  const { project } = await requireProjectRole(tx, actor.userId, projectId, 'viewer');
  const entries: ExportEntry[] = [];

  const documentRows = await tx
    .select({ title: documents.title, type: documents.type, contentMarkdown: documents.contentMarkdown, updatedAt: documents.updatedAt })
    .from(documents)
    .where(eq(documents.projectId, project.id))
    .orderBy(asc(documents.createdAt), asc(documents.id));
  const documentNames = new Set<string>();
  for (const row of documentRows) {
    entries.push({ path: uniqueName(documentNames, 'documents', row.title, row.type, 'md'), title: row.title, type: row.type, updatedAt: row.updatedAt, content: row.contentMarkdown });
  }

  const diagramRows = await tx
    .select({ title: diagrams.title, type: diagrams.diagramType, code: diagrams.mermaidCode, updatedAt: diagrams.updatedAt })
    .from(diagrams)
    .where(eq(diagrams.projectId, project.id))
    .orderBy(asc(diagrams.createdAt), asc(diagrams.id));
  const diagramNames = new Set<string>();
  for (const row of diagramRows) {
    entries.push({ path: uniqueName(diagramNames, 'diagrams', row.title, row.type, 'mmd'), title: row.title, type: `${row.type} diagram`, updatedAt: row.updatedAt, content: row.code });
  }

  const wireframeRows = await tx
    .select({ title: wireframes.title, type: wireframes.templateType, html: wireframes.htmlContent, css: wireframes.cssContent, updatedAt: wireframes.updatedAt })
    .from(wireframes)
    .where(eq(wireframes.projectId, project.id))
    .orderBy(asc(wireframes.createdAt), asc(wireframes.id));
  const wireframeNames = new Set<string>();
  for (const row of wireframeRows) {
    entries.push({
      path: uniqueName(wireframeNames, 'wireframes', row.title, 'wireframe', 'html'),
      title: row.title,
      type: `${row.type ?? 'custom'} wireframe`,
      updatedAt: row.updatedAt,
      content: wireframeDocument({ title: row.title, htmlContent: row.html, cssContent: row.css }),
    });
  }

  const files: Zippable = { 'README.md': strToU8(readmeOf(project, entries, now)) };
  for (const entry of entries) files[entry.path] = strToU8(entry.content);
  const zip = zipSync(files, { level: 6, mtime: now });
  await recordAudit(tx, actor, {
    action: 'project_exported',
    resourceType: 'project',
    resourceId: project.id,
    organizationId: project.organizationId,
    details: { files: entries.length + 1, bytes: zip.length },
  });
  return { fileName: `${project.key.toLowerCase()}-export.zip`, zip, entries };
}
