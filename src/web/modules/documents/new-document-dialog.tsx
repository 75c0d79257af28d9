import { api } from '../../api/client';
import type { Document } from './client';
import { documentTypes, type DocumentType } from './document-kinds';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextField } from '../../components/field';
import { documentTypeLabels } from './document-kinds';
import { useForm } from '../../lib/use-form';

/** Creates an empty document (revision 1), which then opens in the editor. */
export function NewDocumentDialog({ open, projectId, onClose, onCreated }: { open: boolean; projectId: string; onClose(): void; onCreated(document: Document): void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New document" description="Start from a blank page; every save keeps a revision." testId="new-document-dialog" size="sm">
      {open && <NewDocumentForm projectId={projectId} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewDocumentForm({ projectId, onClose, onCreated }: { projectId: string; onClose(): void; onCreated(document: Document): void }) {
  const form = useForm<{ type: DocumentType; title: string }>({ type: 'prd', title: '' }, async (values) => {
    const title = values.title.trim();
    const document = await api.documents.create(projectId, { type: values.type, title, contentMarkdown: `# ${title}\n\n` });
    onCreated(document);
  });
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <TextField
          label="Title"
          name="title"
          value={form.values.title}
          onChange={(e) => form.set('title', e.target.value)}
          error={form.fieldError('title')}
          placeholder="Checkout redesign PRD"
          autoFocus
          required
          maxLength={255}
          data-testid="new-document-title"
        />
        <SelectField label="Type" name="type" value={form.values.type} onChange={(e) => form.set('type', e.target.value as DocumentType)} error={form.fieldError('type')}>
          {documentTypes.map((t) => (
            <option key={t} value={t}>
              {documentTypeLabels[t]}
            </option>
          ))}
        </SelectField>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting || !form.values.title.trim()} data-testid="new-document-submit">
          {form.submitting ? 'Creating…' : 'Create and edit'}
        </button>
      </footer>
    </form>
  );
}
