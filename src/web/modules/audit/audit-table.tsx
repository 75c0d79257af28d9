import { Link } from 'react-router-dom';
import type { AuditEvent } from './client';
import { formatDateTime, formatRelative } from '../../lib/format';

/** `project.created` → "Project created"; anything unknown still reads as words. */
function humanize(text: string): string {
  const words = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Ids are time-ordered (UUIDv7), so their start is shared by everything made the same day: show the tail. */
function shortId(id: string): string {
  return id.length > 10 ? `…${id.slice(-8)}` : id;
}

function summarize(details: AuditEvent['details'], names: Map<string, string>): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .slice(0, 4)
    .map(([k, v]) => {
      const value = String(v);
      const shown = k.endsWith('Id') ? (names.get(value) ?? shortId(value)) : value;
      return `${humanize(k.endsWith('Id') ? k.slice(0, -2) : k).toLowerCase()}: ${shown}`;
    })
    .join(' · ');
}

function Resource({ event }: { event: AuditEvent }) {
  const type = humanize(event.resourceType);
  if (!event.resourceId) return <span className="muted">{type}</span>;
  const id = <code className="resource-id" title={event.resourceId}>{shortId(event.resourceId)}</code>;
  if (event.resourceType === 'project') {
    return (
      <Link to={`/projects/${event.resourceId}`} className="resource-link">
        {type} {id}
      </Link>
    );
  }
  return (
    <span className="muted">
      {type} {id}
    </span>
  );
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
          {events.map((event) => {
            const details = summarize(event.details, names);
            return (
              <tr key={String(event.id)} data-testid="audit-row">
                <td title={formatDateTime(event.timestamp)} className="nowrap">
                  {formatRelative(event.timestamp)}
                </td>
                <td className="nowrap">
                  {event.userId ? (names.get(event.userId) ?? <code title={event.userId}>{shortId(event.userId)}</code>) : <span className="muted">System</span>}
                </td>
                <td>
                  <span className="action-tag">{humanize(event.action)}</span>
                  {details && <div className="muted audit-details">{details}</div>}
                </td>
                <td className="nowrap">
                  <Resource event={event} />
                </td>
                <td className="muted hide-narrow nowrap">{event.ipAddress ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
