import { useState } from 'react';
import { LightbulbIcon } from '../../components/icons';
import { api } from '../../api/client';
import type { Project, ProjectStatus, WritableProjectStatus } from './client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { suggestKey } from '../../lib/format';
import { statusLabel } from '../../lib/statuses';
import { useForm } from '../../lib/use-form';

const editableStatuses: WritableProjectStatus[] = ['planning', 'active', 'on_hold', 'completed', 'archived'];

/**
 * The status options for a project, and which one shows selected. A status people do not pick themselves joins the
 * options, unless it reads like one of them ("ready" reads "Active"): then that option shows selected, and the
 * status is only sent when someone picks another.
 */
function statusChoices(current: ProjectStatus, chosen: WritableProjectStatus): { options: ProjectStatus[]; selected: ProjectStatus } {
  const lookalike = (status: ProjectStatus) => editableStatuses.find((s) => statusLabel('project', s) === statusLabel('project', status));
  const options: ProjectStatus[] = editableStatuses.some((s) => s === current) || lookalike(current) ? editableStatuses : [...editableStatuses, current];
  return { options, selected: options.includes(chosen) ? chosen : (lookalike(chosen) ?? chosen) };
}

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

const IDEA_MAX = 50_000;

function ProjectForm({ onClose, onSaved, organizationId, project }: Omit<Props, 'open'>) {
  const [keyTouched, setKeyTouched] = useState(Boolean(project));
  /** A new project starts blank, or from an idea that Atelier turns into a workspace of documents. */
  const [start, setStart] = useState<'blank' | 'idea'>('blank');
  const fromIdea = !project && start === 'idea';
  const form = useForm(
    {
      name: project?.name ?? '',
      key: project?.key ?? '',
      description: project?.description ?? '',
      status: (project?.status ?? 'active') as WritableProjectStatus,
      startDate: project?.startDate ?? '',
      endDate: project?.endDate ?? '',
      ideaPrompt: '',
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
        const ideaPrompt = fromIdea ? values.ideaPrompt.trim() : '';
        const saved = await api.projects.create({
          organizationId,
          name,
          ...(key ? { key } : {}),
          // A project from an idea takes only its idea: the documents written from it describe the rest.
          ...(fromIdea
            ? { ideaPrompt }
            : {
                ...(description ? { description } : {}),
                ...(values.startDate ? { startDate: values.startDate } : {}),
                ...(values.endDate ? { endDate: values.endDate } : {}),
              }),
        });
        onSaved(saved);
      }
    },
  );

  return (
    <form onSubmit={form.onSubmit} noValidate data-testid="project-form">
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        {!project && (
          <div className="start-choice" role="radiogroup" aria-label="Start">
            <button type="button" role="radio" aria-checked={start === 'blank'} className={start === 'blank' ? 'start-option active' : 'start-option'} onClick={() => setStart('blank')} data-testid="start-blank">
              <strong>Blank project</strong>
              <span>Add documents yourself</span>
            </button>
            <button type="button" role="radio" aria-checked={start === 'idea'} className={start === 'idea' ? 'start-option active' : 'start-option'} onClick={() => setStart('idea')} data-testid="start-from-idea">
              <strong>
                <LightbulbIcon size={14} /> Start from an idea
              </strong>
              <span>A few questions, then the project model and six documents</span>
            </button>
          </div>
        )}
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
          {project && <StatusField current={project.status} value={form.values.status} onChange={(status) => form.set('status', status)} error={form.fieldError('status')} />}
        </div>
        {fromIdea && (
          <TextAreaField
            label="Your idea"
            name="ideaPrompt"
            value={form.values.ideaPrompt}
            onChange={(e) => form.set('ideaPrompt', e.target.value)}
            error={form.fieldError('ideaPrompt')}
            placeholder="A marketplace where busy dog owners book vetted walkers nearby and follow each walk live on a map."
            hint="Who it is for, what they struggle with, what the product does. Atelier asks 2–3 questions, then writes an overview, PRD, marketing plan, technical design and delivery plan."
            rows={5}
            maxLength={IDEA_MAX}
            required
            data-testid="idea-prompt-input"
          />
        )}
        {!fromIdea && (
          <>
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
          </>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.submitting || !form.values.name.trim() || (fromIdea && !form.values.ideaPrompt.trim())}
          data-testid="project-submit"
        >
          {form.submitting ? 'Saving…' : project ? 'Save changes' : fromIdea ? 'Create and start' : 'Create project'}
        </button>
      </footer>
    </form>
  );
}

function StatusField({ current, value, onChange, error }: { current: ProjectStatus; value: WritableProjectStatus; onChange(status: WritableProjectStatus): void; error?: string }) {
  const { options, selected } = statusChoices(current, value);
  return (
    <SelectField label="Status" name="status" value={selected} onChange={(e) => onChange(e.target.value as WritableProjectStatus)} error={error}>
      {options.map((s) => (
        <option key={s} value={s}>
          {statusLabel('project', s)}
        </option>
      ))}
    </SelectField>
  );
}
