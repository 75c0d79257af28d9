import { api } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { TextAreaField, TextField } from '../../components/field';
import { useForm } from '../../lib/use-form';
import type { Sprint } from './client';

type Values = { name: string; goal: string; startDate: string; endDate: string };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Plans a new sprint, or edits one: name, goal and dates (two weeks from today by default). */
export function SprintFormDialog({
  open,
  projectId,
  sprint,
  suggestedName,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId: string;
  sprint?: Sprint;
  suggestedName?: string;
  onClose(): void;
  onSaved(sprint: Sprint): void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={sprint ? 'Edit sprint' : 'Plan a sprint'} description="A sprint is a time box: a goal, dates, and the stories the team commits to." testId="sprint-dialog" size="sm">
      {open && <SprintForm projectId={projectId} sprint={sprint} suggestedName={suggestedName} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  );
}

function SprintForm({ projectId, sprint, suggestedName, onClose, onSaved }: { projectId: string; sprint?: Sprint; suggestedName?: string; onClose(): void; onSaved(sprint: Sprint): void }) {
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<Values>(
    {
      name: sprint?.name ?? suggestedName ?? '',
      goal: sprint?.goal ?? '',
      startDate: sprint?.startDate ?? today,
      endDate: sprint?.endDate ?? addDays(today, 13),
    },
    async (values) => {
      const body = { name: values.name.trim(), goal: values.goal, startDate: values.startDate || null, endDate: values.endDate || null };
      onSaved(sprint ? await api.backlog.sprints.update(projectId, sprint.id, body) : await api.backlog.sprints.create(projectId, body));
    },
  );
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <div className="dialog-body">
        <ErrorBanner error={form.formError} />
        <TextField label="Name" name="name" value={form.values.name} onChange={(e) => form.set('name', e.target.value)} error={form.fieldError('name')} autoFocus required maxLength={255} data-testid="sprint-name" />
        <TextAreaField label="Goal" name="goal" optional rows={2} value={form.values.goal} onChange={(e) => form.set('goal', e.target.value)} error={form.fieldError('goal')} placeholder="What the sprint should achieve" data-testid="sprint-goal" />
        <div className="field-row">
          <TextField label="Start date" name="startDate" type="date" value={form.values.startDate} onChange={(e) => form.set('startDate', e.target.value)} error={form.fieldError('startDate')} data-testid="sprint-start-date" />
          <TextField label="End date" name="endDate" type="date" value={form.values.endDate} onChange={(e) => form.set('endDate', e.target.value)} error={form.fieldError('endDate')} data-testid="sprint-end-date" />
        </div>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={form.submitting || !form.values.name.trim()} data-testid="sprint-submit">
          {form.submitting ? 'Saving…' : sprint ? 'Save' : 'Plan sprint'}
        </button>
      </footer>
    </form>
  );
}
