import { statusLabels } from '../lib/format';

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status status-${status}`} data-testid="project-status">
      <span className="status-dot" aria-hidden="true" />
      {statusLabels[status] ?? status}
    </span>
  );
}
