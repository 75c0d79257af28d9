import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { citedIn } from '../../shared/citations.js';
import { diagrams } from '../diagrams/index.js';
import { answersOf } from '../generation/index.js';
import { loadProjectModel } from '../project-model/index.js';
import { ideaOf, requireProjectRole } from '../projects/index.js';
import { retrieveSections } from '../search/index.js';
import { wireframes } from '../wireframes/index.js';
import { questionTerms, termsIn } from './ai/answer-question/index.js';
import type { Citation } from './chat.contract.js';
import { factsFor, type ModelFact } from './model-facts.js';
import { statementsFor, statementsOf } from './stated-facts.js';

/** How many sources an answer is given: enough to cover a question, few enough for a small model's window. */
export const MAX_SOURCES = 6;
/** Diagrams and wireframes that match take at most this many of the places. */
const MAX_VISUAL_SOURCES = 2;
/** Per source; the task accepts 20 000 characters per section. */
const MAX_SOURCE_TEXT = 6000;

export type ContextSource = { citation: Citation; text: string };

/** How many facts of the project model an answer is given, besides the document sections. */
const MAX_FACT_SOURCES = 4;

/**
 * Short ids the answer writes as [id]. Stable: the same section (document + block), diagram or wireframe gets the
 * same id in every answer, so citations of older answers keep pointing at the same place. Hashed rather than cut
 * from the UUID: time-ordered UUIDs made in the same moment share their first characters.
 */
function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}
export function sectionCitationId(documentId: string, blockId: string): string {
  return `sec-${shortHash(`${documentId}\u0000${blockId}`)}`;
}
const diagramCitationId = (id: string) => `dia-${shortHash(id)}`;
const wireframeCitationId = (id: string) => `wf-${shortHash(id)}`;

/**
 * Any of the question's words, in web search syntax: a question is phrased in more words than any one diagram
 * title has, so requiring all of them (the default AND) would rarely match.
 */
function anyWordQuery(question: string): string {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  return [...new Set(words)].slice(0, 32).join(' or ');
}

function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

const clip = (text: string) => (text.length > MAX_SOURCE_TEXT ? `${text.slice(0, MAX_SOURCE_TEXT)}…` : text);

/**
 * The sources an answer may use: the sentences of the idea and of the answers to its clarifying questions that
 * mention the question's words, the facts of the project's model that do, the project's
 * best-matching document sections (hybrid search over the latest revisions) and diagrams and wireframes ranked by
 * their search_vector. A project without a model is answered from its documents alone. Runs in the caller's transaction, under
 * its row level security.
 */
export async function retrieveChatContext(tx: Tx, userId: string, projectId: string, question: string): Promise<ContextSource[]> {
  const sections = await retrieveSections(tx, userId, projectId, { q: question, limit: MAX_SOURCES });
  const words = anyWordQuery(question);
  const visuals: ContextSource[] = [];
  if (words) {
    const query = sql`websearch_to_tsquery('english', ${words})`;
    const diagramRows = await tx
      .select({
        id: diagrams.id,
        title: diagrams.title,
        description: diagrams.description,
        code: diagrams.mermaidCode,
        rank: sql<number>`ts_rank_cd(${diagrams.searchVector}, ${query})`,
      })
      .from(diagrams)
      .where(and(eq(diagrams.projectId, projectId), sql`${diagrams.searchVector} @@ ${query}`))
      .orderBy(desc(sql`ts_rank_cd(${diagrams.searchVector}, ${query})`), diagrams.id)
      .limit(MAX_VISUAL_SOURCES);
    const wireframeRows = await tx
      .select({
        id: wireframes.id,
        title: wireframes.title,
        description: wireframes.description,
        html: wireframes.htmlContent,
        rank: sql<number>`ts_rank_cd(${wireframes.searchVector}, ${query})`,
      })
      .from(wireframes)
      .where(and(eq(wireframes.projectId, projectId), sql`${wireframes.searchVector} @@ ${query}`))
      .orderBy(desc(sql`ts_rank_cd(${wireframes.searchVector}, ${query})`), wireframes.id)
      .limit(MAX_VISUAL_SOURCES);
    const ranked = [
      ...diagramRows.map((row) => ({
        rank: Number(row.rank),
        source: {
          citation: citation({ id: diagramCitationId(row.id), kind: 'diagram', title: row.title, diagramId: row.id }),
          text: clip([row.description ?? '', 'Mermaid diagram:', row.code].filter(Boolean).join('\n\n')),
        },
      })),
      ...wireframeRows.map((row) => ({
        rank: Number(row.rank),
        source: {
          citation: citation({ id: wireframeCitationId(row.id), kind: 'wireframe', title: row.title, wireframeId: row.id }),
          text: clip([row.description ?? '', htmlText(row.html)].filter(Boolean).join('\n\n')),
        },
      })),
    ];
    ranked.sort((a, b) => b.rank - a.rank);
    visuals.push(...ranked.slice(0, MAX_VISUAL_SOURCES).map((entry) => entry.source));
  }
  const sectionSources: ContextSource[] = sections.map((section) => ({
    citation: citation({
      id: sectionCitationId(section.documentId, section.blockId),
      kind: 'section',
      title: section.documentTitle,
      heading: section.heading,
      documentId: section.documentId,
      blockId: section.blockId,
      rev: section.rev,
    }),
    text: clip(section.bodyMd),
  }));
  const sectionPlaces = Math.max(MAX_SOURCES - visuals.length, 0);
  // The model's facts come first: a factual question is answered from them, the documents add detail.
  const stored = await loadProjectModel(tx, projectId);
  const { project } = await requireProjectRole(tx, userId, projectId, 'viewer');
  const stated = statementsFor(statementsOf(ideaOf(project), await answersOf(tx, projectId)), question);
  const understood = stored ? factsFor(stored.model, question).slice(0, MAX_FACT_SOURCES) : [];
  const asSource = (fact: ModelFact): ContextSource => ({ citation: citation({ id: fact.id, kind: 'model', title: fact.where, heading: fact.label }), text: fact.text });
  // What the author stated comes first, in their words; then what the model understood of it; then the documents.
  return [...stated.map(asSource), ...understood.map(asSource), ...sectionSources.slice(0, sectionPlaces), ...visuals];
}

/** Whether any source mentions what the question is about; when none does, chat answers "nothing found" for free. */
export function anyRelevant(question: string, sources: ContextSource[]): boolean {
  const terms = questionTerms(question);
  if (terms.size === 0) return false;
  return sources.some((source) => termsIn(`${source.citation.title} ${source.citation.heading ?? ''} ${source.text}`, terms).size > 0);
}

function citation(fields: Partial<Citation> & Pick<Citation, 'id' | 'kind' | 'title'>): Citation {
  return { heading: null, documentId: null, blockId: null, rev: null, diagramId: null, wireframeId: null, ...fields };
}

/** The task's context: the citation id, a title a reader recognizes, the text. */
export function taskContextOf(sources: ContextSource[]): Array<{ id: string; title: string; text: string; kind: 'fact' | 'section' }> {
  return sources.map(({ citation: c, text }) => ({
    id: c.id,
    // A fact's title is where it was read, which the answer says.
    title: (c.kind === 'model' ? c.title : c.heading ? `${c.title} — ${c.heading}` : c.kind === 'section' ? c.title : `${c.kind === 'diagram' ? 'Diagram' : 'Wireframe'}: ${c.title}`).slice(0, 500),
    text,
    kind: c.kind === 'model' ? 'fact' : 'section',
  }));
}

/** The sources the text actually cites as [id] (also [a, b]), in the order they are first cited. */
export function citedSources(text: string, sources: ContextSource[]): Citation[] {
  return citedIn(text, sources.map((source) => source.citation));
}
