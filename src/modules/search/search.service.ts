import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import type { DocumentType } from '../../shared/document-kinds.js';
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
const CANDIDATES_PER_RANKING = 50;
/** The usual constant of reciprocal rank fusion: a section's score is the sum of 1 / (RRF_K + rank). */
const RRF_K = 60;
/**
 * Vector search preselects by the stored (hashed) embeddings: the sections above this cosine, at most
 * PRESELECT_LIMIT of them. Chance collisions of hashed features move a cosine by up to about ±0.15, so the bar is
 * low; the exact score below decides.
 */
const PRESELECT_SIMILARITY = 0.1;
const PRESELECT_LIMIT = 100;
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

/**
 * The sections of the latest revision of each of the project's documents that is not archived, as a FROM clause
 * (aliases d and s). Driven from the project's documents, one primary-key lookup each: row level security keeps
 * PostgreSQL from using the GIN index of search_vector (the @@ operator is not leakproof, so it may not run before
 * the policy), and this way the cost follows the size of the project, never the size of the table. OFFSET 0 keeps
 * the planner from flattening the lookup into a scan of every revision's sections.
 */
function latestSectionsOf(projectId: string): SQL {
  return sql`app.documents d
    CROSS JOIN LATERAL (
      SELECT s.document_id, s.rev, s.block_id, s.position, s.search_vector, s.embedding, s.embedding_model
      FROM app.document_sections s
      WHERE s.document_id = d.id AND s.rev = d.current_rev
      OFFSET 0
    ) s
    WHERE d.project_id = ${projectId} AND d.status <> 'archived'`;
}

/** The dot product of a section's stored embedding with the query's, over the query's non-zero dimensions only. */
function dotProductSql(dimensions: Array<{ index: number; value: number }>): SQL {
  const terms = dimensions.map(({ index, value }) => {
    if (!Number.isInteger(index) || !Number.isFinite(value)) throw new Error('invalid query embedding');
    // Numbers this module computed, written as literals so the expression is one plain arithmetic chain.
    return sql.raw(`s.embedding[${index}] * ${value.toString()}::float8`);
  });
  return sql.join(terms, sql` + `);
}

type RankedRow = Ranked & { textPos: number | null; vectorPos: number | null; heading: string | null; bodyMd: string | null };

/**
 * Both rankings in one pass over the project's latest sections:
 * - text: sections matching websearch_to_tsquery('english', q), by ts_rank_cd (headings weigh more: weight A);
 * - vector: sections by cosine similarity to the query. The stored embeddings preselect in SQL: a query has few
 *   non-zero dimensions, so the dot product reads only those elements of each embedding instead of all 256. The
 *   preselected sections are then scored exactly on their features before hashing (here, in TypeScript), so a
 *   chance collision of hashed features never makes a match.
 */
async function rank(tx: Tx, projectId: string, q: string, kinds: readonly MatchKind[]): Promise<Array<{ kind: MatchKind; hits: Ranked[] }>> {
  const query = queryFeatures(q);
  const dimensions = kinds.includes('vector') ? nonZeroDimensions(hashFeatures(query)) : [];
  const withText = kinds.includes('text');
  const withVector = dimensions.length > 0;
  if (!withText && !withVector) return [];
  const textRank = withText
    ? sql`CASE WHEN s.search_vector @@ tsq.query THEN ts_rank_cd(s.search_vector, tsq.query) END`
    : sql`NULL::real`;
  const similarity = withVector
    ? sql`CASE WHEN s.embedding_model = ${EMBEDDING_MODEL} THEN ${dotProductSql(dimensions)} END`
    : sql`NULL::float8`;
  // Ranks are computed on ids and scores only; the text of the few vector candidates is read at the end.
  const result = await tx.execute(sql`
    WITH scored AS (
      SELECT s.document_id, s.rev, s.block_id, d.created_at, s.position,
             ${textRank} AS text_rank, ${similarity} AS similarity
      FROM (SELECT websearch_to_tsquery('english', ${q}) AS query) tsq, ${latestSectionsOf(projectId)}
    ),
    ranked AS (
      SELECT document_id, rev, block_id,
             CASE WHEN text_rank IS NOT NULL THEN
               row_number() OVER (ORDER BY text_rank DESC NULLS LAST, created_at, document_id, position) END AS text_pos,
             CASE WHEN similarity >= ${PRESELECT_SIMILARITY} THEN
               row_number() OVER (ORDER BY similarity DESC NULLS LAST, created_at, document_id, position) END AS vector_pos
      FROM scored
      WHERE text_rank IS NOT NULL OR similarity >= ${PRESELECT_SIMILARITY}
    )
    SELECT r.document_id AS "documentId", r.block_id AS "blockId", r.text_pos::int AS "textPos",
           r.vector_pos::int AS "vectorPos", candidate.heading, candidate.body_md AS "bodyMd"
    FROM ranked r
    LEFT JOIN app.document_sections candidate
      ON r.vector_pos <= ${PRESELECT_LIMIT} AND candidate.document_id = r.document_id AND candidate.rev = r.rev
         AND candidate.block_id = r.block_id
    WHERE r.text_pos <= ${CANDIDATES_PER_RANKING} OR r.vector_pos <= ${PRESELECT_LIMIT}`);
  const rows = rowsOf<RankedRow>(result);
  const rankings: Array<{ kind: MatchKind; hits: Ranked[] }> = [];
  if (withText) {
    const text = rows.filter((row) => row.textPos !== null).sort((a, b) => a.textPos! - b.textPos!);
    rankings.push({ kind: 'text', hits: text.map(({ documentId, blockId }) => ({ documentId, blockId })) });
  }
  if (withVector) {
    const vector = rows
      .filter((row) => row.vectorPos !== null && row.bodyMd !== null)
      .map((row) => ({ ...row, score: featureSimilarity(query, sectionFeatures(row.heading, row.bodyMd!)) }))
      .filter((row) => row.score >= MIN_VECTOR_SIMILARITY)
      .sort((a, b) => b.score - a.score || a.vectorPos! - b.vectorPos!)
      .slice(0, CANDIDATES_PER_RANKING);
    rankings.push({ kind: 'vector', hits: vector.map(({ documentId, blockId }) => ({ documentId, blockId })) });
  }
  return rankings;
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
  bodyMd: string;
  headline: string;
};

async function detailsOf(tx: Tx, projectId: string, q: string, hits: Ranked[]): Promise<Map<string, HitDetails>> {
  if (hits.length === 0) return new Map();
  const wanted = sql.join(hits.map((hit) => sql`(${hit.documentId}::uuid, ${hit.blockId}::text)`), sql`, `);
  const documentIds = sql.join([...new Set(hits.map((hit) => hit.documentId))].map((id) => sql`${id}::uuid`), sql`, `);
  const result = await tx.execute(sql`
    SELECT s.document_id AS "documentId", s.block_id AS "blockId", d.title AS "documentTitle", d.type AS "documentType",
           s.rev, s.heading, s.body_md AS "bodyMd",
           ts_headline('english',
             translate(CASE WHEN btrim(s.body_md) = '' THEN coalesce(s.heading, '') ELSE s.body_md END,
                       ${MARK_START + MARK_END}, ''),
             websearch_to_tsquery('english', ${q}), ${HEADLINE_OPTIONS}) AS headline
    FROM app.documents d
    JOIN app.document_sections s ON s.document_id = d.id AND s.rev = d.current_rev
    WHERE d.project_id = ${projectId} AND d.status <> 'archived' AND d.id IN (${documentIds})
      AND (s.document_id, s.block_id) IN (${wanted})`);
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
    .replace(/^[ \t]*\||\|[ \t]*$/gm, '')
    .replace(/[ \t]*\|[ \t]*/g, ' · ')
    .replace(/\s+/g, ' ')
    .trim();
  const escaped = plain.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
  return escaped.replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

/** A search hit with the section's whole Markdown, for code that feeds sections to a model. */
export type RetrievedSection = SearchHit & { bodyMd: string };

/**
 * The sections of a project that best match q, best first, with their Markdown: the search of the API for code
 * that retrieves context (citing documentId, rev and blockId). Members of the project's organization only.
 * `rankings` narrows the search to one kind of match (the benchmark compares them).
 */
export async function retrieveSections(
  tx: Tx,
  userId: string,
  projectId: string,
  query: { q: string; limit: number },
  options: { rankings?: readonly MatchKind[] } = {},
): Promise<RetrievedSection[]> {
  const { project } = await requireProjectRole(tx, userId, projectId, 'viewer');
  const rankings = await rank(tx, project.id, query.q, options.rankings ?? ['text', 'vector']);
  const fused = fuseRankings(rankings, query.limit);
  const details = await detailsOf(tx, project.id, query.q, fused);
  const items: RetrievedSection[] = [];
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
      bodyMd: row.bodyMd,
    });
  }
  return items;
}

/** GET /projects/{projectId}/search: any member of the project's organization, viewers included. */
export async function searchProject(
  tx: Tx,
  userId: string,
  projectId: string,
  query: SearchQuery,
  options: { rankings?: readonly MatchKind[] } = {},
): Promise<SearchResult> {
  const sections = await retrieveSections(tx, userId, projectId, query, options);
  return { items: sections.map(({ bodyMd: _bodyMd, ...hit }) => hit) };
}
