import { useState } from 'react';
import { ApiError } from '../../api/http';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { api } from '../../api/client';
import type { SavedWireframe } from './client';
import { wireframeTemplates, templateLabels, type WireframeTemplate } from './wireframe-kinds';

const STARTER_HTML = '<header>\n  <nav><a href="#">Home</a></nav>\n</header>\n<main>\n  <h1>Screen title</h1>\n  <p>Describe the screen…</p>\n</main>\n';
const STARTER_CSS = 'body { font: 14px system-ui, sans-serif; margin: 0; }\nmain { padding: 20px; }\n';

/** A hand-written wireframe: title, template, HTML and CSS. The server sanitizes both and says what it removed. */
export function NewWireframeDialog({ open, projectId, onClose, onCreated }: { open: boolean; projectId: string; onClose(): void; onCreated(saved: SavedWireframe): void }) {
  return (
    <Dialog open={open} onClose={onClose} title="New wireframe" description="Static HTML and CSS: scripts, event handlers and external resources are removed on save." testId="new-wireframe-dialog" size="lg">
      {open && <NewWireframeForm projectId={projectId} onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewWireframeForm({ projectId, onClose, onCreated }: { projectId: string; onClose(): void; onCreated(saved: SavedWireframe): void }) {
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<WireframeTemplate>('custom');
  const [html, setHtml] = useState(STARTER_HTML);
  const [css, setCss] = useState(STARTER_CSS);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onCreated(await api.wireframes.create(projectId, { title: title.trim(), templateType: template, htmlContent: html, cssContent: css || null }));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const covered = error instanceof ApiError && error.coveredBy(['title', 'templateType', 'htmlContent', 'cssContent']);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <div className="dialog-body">
        {!covered && <ErrorBanner error={error} title="The wireframe could not be saved." />}
        <div className="wireframe-form-row">
          <TextField label="Title" name="title" required maxLength={255} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} data-testid="wireframe-title-input" autoFocus />
          <SelectField label="Template" name="templateType" value={template} onChange={(e) => setTemplate(e.target.value as WireframeTemplate)} error={fieldError('templateType')}>
            {wireframeTemplates.map((t) => (
              <option key={t} value={t}>
                {templateLabels[t]}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField label="HTML" name="htmlContent" rows={10} className="input textarea wireframe-code" spellCheck={false} value={html} onChange={(e) => setHtml(e.target.value)} error={fieldError('htmlContent')} data-testid="wireframe-html-input" />
        <TextAreaField label="CSS" name="cssContent" optional rows={6} className="input textarea wireframe-code" spellCheck={false} value={css} onChange={(e) => setCss(e.target.value)} error={fieldError('cssContent')} data-testid="wireframe-css-input" />
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="new-wireframe-submit">
          {saving ? 'Saving…' : 'Create wireframe'}
        </button>
      </footer>
    </form>
  );
}
