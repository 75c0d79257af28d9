import { statusLook, type StatusKind, type StatusValue } from '../lib/statuses';

/** A status as a dot and a label, from the one vocabulary of statuses (lib/statuses.ts). */
export function StatusBadge<Kind extends StatusKind>({ kind, status, testId = `${kind}-status` }: { kind: Kind; status: StatusValue<Kind>; testId?: string }) {
  const { label, tone } = statusLook(kind, status);
  return (
    <span className={`status status-tone-${tone}`} data-testid={testId} data-status={String(status)}>
      <span className="status-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
