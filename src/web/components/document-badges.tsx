import type { DocumentType } from '../api/client';
import { documentTypeLabels } from '../lib/documents';

export function DocumentTypeChip({ type }: { type: DocumentType }) {
  return (
    <span className={`doc-type doc-type-${type}`} data-testid="document-type">
      {documentTypeLabels[type] ?? type}
    </span>
  );
}
