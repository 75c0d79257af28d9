import type { AuditEvent } from '../../api/client';
import { formatDateTime, formatRelative } from '../../lib/format';

/** `project.created` → "Project created"; anything unknown still reads as words. */
function describeAction(action: string): string {
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function summarize(details: AuditEvent['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .slice(0, 3)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

export function AuditTable({ events, names }: { events: AuditEvent[]; names: Map<string, string> }) {
  return (
    <div className="table-wrap">
      <table className="table table-dense" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Resource</th>
            <th scope="col" className="hide-narrow">
              IP address
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={String(event.id)} data-testid="audit-row">
              <td title={formatDateTime(event.timestamp)} className="nowrap">
                {formatRelative(event.timestamp)}
              </td>
              <td className="nowrap">{event.userId ? (names.get(event.userId) ?? <code title={event.userId}>{event.userId.slice(0, 8)}</code>) : <span className="muted">System</span>}</td>
              <td>
                <span className="action-tag">{describeAction(event.action)}</span>
                {summarize(event.details) && <div className="muted audit-details">{summarize(event.details)}</div>}
              </td>
              <td className="nowrap">
                <span className="muted">{event.resourceType}</span>
                {event.resourceId && <code className="resource-id" title={event.resourceId}> {event.resourceId.slice(0, 8)}</code>}
              </td>
              <td className="muted hide-narrow nowrap">{event.ipAddress ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
