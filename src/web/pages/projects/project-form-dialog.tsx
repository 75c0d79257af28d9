import { useState } from 'react';
import { api, type Project, type ProjectStatus } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { statusLabels, suggestKey } from '../../lib/format';
import { useForm } from '../../lib/use-form';

const editableStatuses: ProjectStatus[] = ['planning', 'active', 'on_hold', 'completed', 'archived'];

type Props = {
  open: boolean;
  onClose(): void;
  onSaved(project: Project): void;
  organizationId: string;
  /** The project to edit; without it the dialog creates one. */
  project?: Project;
};

export function ProjectFormDialog({ open, onClose, onSaved, organizationId, project }: Props) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={project ? 'Edit project' : 'New project'}
      description={project ? undefined : 'Projects hold your documents, backlog and conversations.'}
      testId="project-dialog"
    >
      {open && <ProjectForm onClose={onClose} onSaved={onSaved} organizationId={organizationId} project={project} />}
    </Dialog>
  );
}

function ProjectForm({ onClose, onSaved, organizationId, project }: Omit<Props, 'open'>) {
  const [keyTouched, setKeyTouched] = useState(Boolean(project));
  const form = useForm(
    {
      name: project?.name ?? '',
      key: project?.key ?? '',
      description: project?.description ?? '',
      status: (project?.status ?? 'active') as ProjectStatus,
      startDate: project?.startDate ?? '',
      endDate: project?.endDate ?? '',
    },
    async (values) => {
      const name = values.name.trim();
      const key = values.key.trim().toUpperCase();
      const description = values.description.trim();
      if (project) {
        const saved = await api.projects.update(project.id, {
          name,
          ...(key && key !== project.key ? { key } : {}),
          description: description || null,
          ...(values.status !== project.status ? { status: values.status } : {}),
          startDate: values.startDate || null,
          endDate: values.endDate || null,
        });
        onSaved(saved);
      } else {
        const saved = await api.projects.create({
          organizationId,
          name,
          ...(key ? { key } : {}),
          ...(description ? { description } : {}),
          ...(values.startDate ? { startDate: values.startDate } : {}),
          ...(values.endDate ? { endDate: values.endDate } : {}),
        });
        onSaved(saved);
      }
    },
  );

  return (
    <form onSubmit={form.onSubmit} noValidate data-testid="project-form">
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <TextField
          label="Name"
          name="name"
          value={form.values.name}
          onChange={(e) => {
            form.set('name', e.target.value);
            if (!keyTouched) form.set('key', suggestKey(e.target.value));
          }}
          error={form.fieldError('name')}
          placeholder="Mobile banking app"
          autoFocus
          required
          maxLength={255}
        />
        <div className="field-row">
          <TextField
            label="Key"
            name="key"
            value={form.values.key}
            onChange={(e) => {
              setKeyTouched(true);
              form.set('key', e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''));
            }}
            error={form.fieldError('key')}
            hint="2–10 capitals or digits, prefixes story ids like MBA-12."
            placeholder="MBA"
            optional={!project}
            maxLength={10}
            className="input input-mono"
          />
          {project && (
            <SelectField label="Status" name="status" value={form.values.status} onChange={(e) => form.set('status', e.target.value as ProjectStatus)} error={form.fieldError('status')}>
              {[...editableStatuses, ...(editableStatuses.includes(project.status) ? [] : [project.status])].map((s) => (
                <option key={s} value={s}>
                  {statusLabels[s]}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        <TextAreaField
          label="Description"
          name="description"
          value={form.values.description}
          onChange={(e) => form.set('description', e.target.value)}
          error={form.fieldError('description')}
          placeholder="What is this project about?"
          optional
          rows={3}
        />
        <div className="field-row">
          <TextField
            label="Start date"
            name="startDate"
            type="date"
            value={form.values.startDate}
            onChange={(e) => form.set('startDate', e.target.value)}
            error={form.fieldError('startDate')}
            optional
          />
          <TextField
            label="Target date"
            name="endDate"
            type="date"
            value={form.values.endDate}
            onChange={(e) => form.set('endDate', e.target.value)}
            error={form.fieldError('endDate')}
            min={form.values.startDate || undefined}
            optional
          />
        </div>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting || !form.values.name.trim()} data-testid="project-submit">
          {form.submitting ? 'Saving…' : project ? 'Save changes' : 'Create project'}
        </button>
      </footer>
    </form>
  );
}
