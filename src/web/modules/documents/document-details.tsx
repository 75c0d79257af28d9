import { Link } from 'react-router-dom';
import type { Project } from '../projects/client';
import type { DocumentAtRevision } from './client';
import { QuoteIcon, SparklesIcon } from '../../components/icons';
import { describeModel } from '../ai/ai-labels';
import { citationsOf, documentPath, documentTypeLabels, generatedByOf } from './document-kinds';
import { formatDateTime } from '../../lib/format';

/** The side panel of a document: its properties, who wrote it, and the sections a generated revision cited. */
export function DocumentDetails({ project, doc }: { project: Project; doc: DocumentAtRevision }) {
  const generatedBy = generatedByOf(doc.metadata);
  const citations = citationsOf(doc.metadata);
  return (
    <aside className="document-side" aria-label="Document details">
      <section className="card">
        <h2 className="section-title">Details</h2>
        <dl className="properties">
          <dt>Revision</dt>
          <dd>
            {doc.currentRev}
            {doc.revision.note && <span className="muted property-note">{doc.revision.note}</span>}
          </dd>
          <dt>Version</dt>
          <dd>Project version {doc.version}</dd>
          <dt>Type</dt>
          <dd>{documentTypeLabels[doc.type]}</dd>
          <dt>Updated</dt>
          <dd>{formatDateTime(doc.updatedAt)}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(doc.createdAt)}</dd>
          {doc.publishedAt && (
            <>
              <dt>Published</dt>
              <dd>{formatDateTime(doc.publishedAt)}</dd>
            </>
          )}
          <dt>File</dt>
          <dd>
            <code>{doc.slug}.md</code>
          </dd>
        </dl>
      </section>
      {generatedBy && (
        <section className="card generated-card" data-testid="document-provenance">
          <h2 className="section-title generated-title">
            <SparklesIcon size={14} /> {doc.revision.generationId ? 'AI-generated' : 'Drafted by AI'}
          </h2>
          <p className="muted generated-text">
            {doc.revision.generationId ? 'This revision was written' : 'The first draft was written'} by{' '}
            <strong>{describeModel(generatedBy.provider, generatedBy.model)}</strong>
            {generatedBy.provider === 'builtin' ? ' — templates and text analysis, no external model' : ''}. Review before sharing — AI drafts can be wrong.
          </p>
        </section>
      )}
      {citations.length > 0 && (
        <section className="card" data-testid="citations">
          <h2 className="section-title generated-title">
            <QuoteIcon size={14} /> Sources
          </h2>
          <ol className="citations">
            {citations.map((citation) => (
              <li key={citation.id} data-testid="citation">
                <Link to={documentPath(project.id, citation.documentId, { section: citation.blockId })}>{citation.heading ?? 'Introduction'}</Link>
                <span className="muted">
                  {citation.documentTitle} · rev {citation.rev}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}
