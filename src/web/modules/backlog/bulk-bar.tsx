import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/dialog';
import { ErrorBanner } from '../../components/error-banner';
import { TrashIcon, XIcon } from '../../components/icons';
import { useToast } from '../../components/toast';
import { useBacklog } from './backlog-context';
import { pointScale, priorityLabels, storyPriorities, storyStatusLabels, storyStatuses } from './backlog-labels';
import type { BulkEdit } from './client';

type Set = BulkEdit['set'];

/**
 * What applies to every selected story at once: status, priority, points, epic, sprint, or deletion (asked first).
 * Each choice is one request; the list reloads after it.
 */
export function BulkBar({ storyIds, onDone, onClear }: { storyIds: string[]; onDone(deleted: boolean): void; onClear(): void }) {
  const { project, sprints, epics } = useBacklog();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const count = storyIds.length;
  const noun = count === 1 ? 'story' : 'stories';

  const run = async (body: Omit<BulkEdit, 'storyIds'>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await api.backlog.stories.bulk(project.id, { storyIds, ...body });
      toast.show(done);
      setConfirmDelete(false);
      onDone(body.delete === true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const apply = (set: Set, what: string) => void run({ set }, `${what} for ${count} ${noun}`);

  const picker = (label: string, testId: string, options: Array<[string, string]>, onPick: (value: string) => void) => (
    <select
      className="input select input-sm"
      value=""
      disabled={busy}
      aria-label={label}
      data-testid={testId}
      onChange={(event) => {
        if (event.target.value) onPick(event.target.value);
      }}
    >
      <option value="">{label}…</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );

  const openSprints = sprints.filter((s) => s.status !== 'completed');
  return (
    <div className="bulk-bar" role="region" aria-label="Edit the selected stories" data-testid="bulk-bar">
      <span className="bulk-count" data-testid="bulk-count">
        {count} selected
      </span>
      {picker('Status', 'bulk-status', storyStatuses.map((s) => [s, storyStatusLabels[s]]), (v) =>
        apply({ status: v as (typeof storyStatuses)[number] }, `Status set to ${storyStatusLabels[v as (typeof storyStatuses)[number]]}`),
      )}
      {picker('Priority', 'bulk-priority', storyPriorities.map((p) => [p, priorityLabels[p]]), (v) =>
        apply({ priority: v as (typeof storyPriorities)[number] }, 'Priority changed'),
      )}
      {picker('Points', 'bulk-points', [['none', 'No points'], ...pointScale.map((p): [string, string] => [String(p), `${p} pts`])], (v) =>
        apply({ storyPoints: v === 'none' ? null : Number(v) }, 'Points changed'),
      )}
      {picker('Epic', 'bulk-epic', [['none', 'No epic'], ...epics.map((e): [string, string] => [e.id, `${e.key} ${e.title}`])], (v) =>
        apply({ epicId: v === 'none' ? null : v }, 'Epic changed'),
      )}
      {picker('Sprint', 'bulk-sprint', [['none', 'Backlog (no sprint)'], ...openSprints.map((s): [string, string] => [s.id, s.name])], (v) =>
        apply({ sprintId: v === 'none' ? null : v }, v === 'none' ? 'Moved to the backlog' : 'Moved to the sprint'),
      )}
      <button type="button" className="btn btn-danger-ghost btn-sm" onClick={() => setConfirmDelete(true)} disabled={busy} data-testid="bulk-delete">
        <TrashIcon size={14} /> Delete
      </button>
      <button type="button" className="icon-btn" aria-label="Clear the selection" onClick={onClear} data-testid="bulk-clear">
        <XIcon size={14} />
      </button>
      {error != null && !confirmDelete && <ErrorBanner error={error} title="The stories could not be changed." />}
      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${count} ${noun}?`}
        confirmLabel={`Delete ${count} ${noun}`}
        danger
        busy={busy}
        error={confirmDelete && error != null ? <ErrorBanner error={error} /> : undefined}
        onConfirm={() => void run({ set: {}, delete: true }, `Deleted ${count} ${noun}`)}
        onClose={() => setConfirmDelete(false)}
        testId="bulk-delete-dialog"
      >
        Their history stays in the activity log, but the stories leave the backlog, the board and every sprint.
      </ConfirmDialog>
    </div>
  );
}
