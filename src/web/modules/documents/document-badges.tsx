import { documentTypeLabels, type DocumentType } from './document-kinds';

export function DocumentTypeChip({ type }: { type: DocumentType }) {
  return (
    <span className={`doc-type doc-type-${type}`} data-testid="document-type">
      {documentTypeLabels[type] ?? type}
    </span>
  );
}
