import type { DocumentStatus, DocumentType } from './document-kinds';
import { documentStatusLabels, documentTypeLabels } from './document-kinds';

export function DocumentTypeChip({ type }: { type: DocumentType }) {
  return (
    <span className={`doc-type doc-type-${type}`} data-testid="document-type">
      {documentTypeLabels[type] ?? type}
    </span>
  );
}

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`status doc-status-${status}`} data-testid="document-status">
      <span className="status-dot" aria-hidden="true" />
      {documentStatusLabels[status] ?? status}
    </span>
  );
}
