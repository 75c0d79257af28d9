import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import type { DocumentType } from '../documents/documents.schema.js';
import { requireProjectRole } from '../projects/index.js';
import { EMBEDDING_MODEL, featureSimilarity, hashFeatures, nonZeroDimensions, queryFeatures, sectionFeatures } from './embeddings.js';
import type { MatchKind, SearchHit, SearchQuery, SearchResult } from './search.contract.js';

/**
 * Hybrid search over the sections of the latest revision of every document of a project that is not archived:
 * PostgreSQL full-text search (websearch_to_tsquery, ranked by ts_rank_cd over the heading-weighted search_vector)
 * and vector similarity of the builtin embeddings, merged by reciprocal rank fusion. Row level security applies to
 * every query: it runs in the caller's transaction as the caller.
 */

/** How many sections each ranking contributes before fusion. */
const CANDIDATES_PER_RANKING = 100;
/** The usual constant of reciprocal rank fusion: a section's score is the sum of 1 / (RRF_K + rank). */
const RRF_K = 60;
/**
 * Vector search preselects by the stored (hashed) embeddings: the sections above this cosine, at most
 * PRESELECT_LIMIT of them. Chance collisions of hashed features move a cosine by up to about ±0.15, so the bar is
 * low; the exact score below decides.
 */
const PRESELECT_SIMILARITY = 0.08;
const PRESELECT_LIMIT = 300;
/**
 * Exact cosine (on the features before hashing) from which a section is a vector match: sharing one concept or one
 * telling word with a short query passes; sharing one common word with a long section does not.
 */
export const MIN_VECTOR_SIMILARITY = 0.2;

// Private-use characters that ts_headline puts around matches; removed from the text first, so only it places them.
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const HEADLINE_OPTIONS =
  `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=3`;

type Ranked = { documentId: string; blockId: string };

function rowsOf<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** The sections of the latest revisions of the project's documents that are not archived. */
function latestSectionsOf(projectId: string): SQL {
  return sql`app.documents d
    JOIN app.document_sections s ON s.document_id = d.id AND s.rev = d.current_rev
    WHERE d.project_id = ${projectId} AND d.status <> 'archived'`;
}

async function textRanking(tx: Tx, projectId: string, q: string): Promise<Ranked[]> {
  const result = await tx.execute(sql`
    SELECT s.document_id AS "documentId", s.block_id AS "blockId"
    FROM ${latestSectionsOf(projectId)}
      AND s.search_vector @@ websearch_to_tsquery('english', ${q})
    ORDER BY ts_rank_cd(s.search_vector, websearch_to_tsquery('english', ${q})) DESC, d.created_at, d.id, s.position
    LIMIT ${CANDIDATES_PER_RANKING}`);
  return rowsOf<Ranked>(result);
}

/**
 * Sections by cosine similarity to the query. The stored embeddings preselect in SQL: a query has few non-zero
 * dimensions, so the dot product reads only those elements of each section's embedding instead of all 256, which
 * is cheap enough to scan every latest section of a project. The preselected sections are then scored exactly on
 * their features before hashing, so a chance collision never makes a match.
 */
async function vectorRanking(tx: Tx, projectId: string, q: string): Promise<Ranked[]> {
  const query = queryFeatures(q);
  const dimensions = nonZeroDimensions(hashFeatures(query));
  if (dimensions.length === 0) return [];
  const terms = dimensions.map(({ index, value }) => {
    if (!Number.isInteger(index) || !Number.isFinite(value)) throw new Error('invalid query embedding');
    // Numbers this module computed, written as literals so the expression is one plain arithmetic chain.
    return sql.raw(`s.embedding[${index}] * ${value.toString()}::float8`);
  });
  const dot = sql.join(terms, sql` + `);
  const result = await tx.execute(sql`
    SELECT "documentId", "blockId", heading, "bodyMd" FROM (
      SELECT s.document_id AS "documentId", s.block_id AS "blockId", s.heading, s.body_md AS "bodyMd",
             d.created_at, s.position, (${dot}) AS similarity
      FROM ${latestSectionsOf(projectId)} AND s.embedding_model = ${EMBEDDING_MODEL}
    ) scored
    WHERE similarity >= ${PRESELECT_SIMILARITY}
    ORDER BY similarity DESC, created_at, "documentId", position
    LIMIT ${PRESELECT_LIMIT}`);
  const preselected = rowsOf<Ranked & { heading: string | null; bodyMd: string }>(result);
  return preselected
    .map((row, order) => ({ documentId: row.documentId, blockId: row.blockId, order, score: featureSimilarity(query, sectionFeatures(row.heading, row.bodyMd)) }))
    .filter((row) => row.score >= MIN_VECTOR_SIMILARITY)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, CANDIDATES_PER_RANKING)
    .map(({ documentId, blockId }) => ({ documentId, blockId }));
}

type Fused = Ranked & { score: number; matchedBy: MatchKind[] };

/** Reciprocal rank fusion: ranks from 1; ties keep the order of the first ranking that has the section. */
export function fuseRankings(rankings: Array<{ kind: MatchKind; hits: Ranked[] }>, limit: number): Fused[] {
  const byKey = new Map<string, Fused & { order: number }>();
  for (const { kind, hits } of rankings) {
    hits.forEach((hit, index) => {
      const key = `${hit.documentId}\u0000${hit.blockId}`;
      const entry = byKey.get(key) ?? { ...hit, score: 0, matchedBy: [], order: byKey.size };
      entry.score += 1 / (RRF_K + index + 1);
      entry.matchedBy.push(kind);
      byKey.set(key, entry);
    });
  }
  return [...byKey.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ order: _order, ...fused }) => fused);
}

type HitDetails = {
  documentId: string;
  blockId: string;
  documentTitle: string;
  documentType: DocumentType;
  rev: number;
  heading: string | null;
  headline: string;
};

async function detailsOf(tx: Tx, projectId: string, q: string, hits: Ranked[]): Promise<Map<string, HitDetails>> {
  if (hits.length === 0) return new Map();
  const wanted = sql.join(hits.map((hit) => sql`(${hit.documentId}::uuid, ${hit.blockId}::text)`), sql`, `);
  const result = await tx.execute(sql`
    SELECT s.document_id AS "documentId", s.block_id AS "blockId", d.title AS "documentTitle", d.type AS "documentType",
           s.rev, s.heading,
           ts_headline('english',
             translate(CASE WHEN btrim(s.body_md) = '' THEN coalesce(s.heading, '') ELSE s.body_md END,
                       ${MARK_START + MARK_END}, ''),
             websearch_to_tsquery('english', ${q}), ${HEADLINE_OPTIONS}) AS headline
    FROM ${latestSectionsOf(projectId)} AND (s.document_id, s.block_id) IN (${wanted})`);
  return new Map(rowsOf<HitDetails>(result).map((row) => [`${row.documentId}\u0000${row.blockId}`, row]));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The snippet as HTML: Markdown marks that read as noise in one line are dropped, everything is escaped, and only
 * then do ts_headline's match markers become <mark> elements.
 */
export function snippetHtml(headline: string): string {
  const plain = headline
    .replace(/^[ \t]{0,3}(?:#{1,6}[ \t]+|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?|\d{1,9}[.)][ \t]+|>[ \t]?)/gm, '')
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*\)/g, '$1')
    .replace(/\*\*|__|~~|`+/g, '')
    .replace(/[ \t]*\|[ \t]*/g, ' · ')
    .replace(/\s+/g, ' ')
    .replace(/^ · | · $/g, '')
    .trim();
  const escaped = plain.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
  return escaped.replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/** GET /projects/{projectId}/search: any member of the project's organization, viewers included. */
export async function searchProject(tx: Tx, userId: string, projectId: string, query: SearchQuery): Promise<SearchResult> {
  const { project } = await requireProjectRole(tx, userId, projectId, 'viewer');
  const text = await textRanking(tx, project.id, query.q);
  const vector = await vectorRanking(tx, project.id, query.q);
  const fused = fuseRankings([{ kind: 'text', hits: text }, { kind: 'vector', hits: vector }], query.limit);
  const details = await detailsOf(tx, project.id, query.q, fused);
  const items: SearchHit[] = [];
  for (const hit of fused) {
    const row = details.get(`${hit.documentId}\u0000${hit.blockId}`);
    if (!row) continue;
    items.push({
      documentId: row.documentId,
      documentTitle: row.documentTitle,
      documentType: row.documentType,
      rev: row.rev,
      blockId: row.blockId,
      heading: row.heading,
      snippet: snippetHtml(row.headline),
      score: Math.round(hit.score * 1e6) / 1e6,
      matchedBy: hit.matchedBy,
    });
  }
  return { items };
}
