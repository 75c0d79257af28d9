import { Link } from 'react-router-dom';
import { auditActionLabel, auditResourceNoun } from '../../../shared/audit-actions';
import type { AuditEvent } from './client';
import { formatDateTime, formatRelative } from '../../lib/format';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `restoredFrom` → "restored from". */
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();
}

/**
 * The event's plain details (a role, a revision, a type), at most four. Ids are left out: the Who and Resource
 * columns already name what they point to. So are titles and names, which the Resource column shows.
 */
function summarize(details: AuditEvent['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([key, value]) => value !== null && value !== undefined && typeof value !== 'object' && !/Id$|^id$|^title$|^name$/.test(key))
    .slice(0, 4)
    .map(([key, value]) => `${words(key)}: ${String(value)}`)
    .join(' · ');
}

/** Where the resource can be opened, when it lives on a page of its own. */
function resourcePath(event: AuditEvent): string | null {
  if (!event.resourceId) return null;
  if (event.resourceType === 'project') return `/projects/${event.resourceId}`;
  const projectId = event.details?.projectId;
  if (typeof projectId !== 'string') return null;
  if (event.resourceType === 'document' || event.resourceType === 'diagram' || event.resourceType === 'wireframe') {
    return `/projects/${projectId}/${event.resourceType}s/${event.resourceId}`;
  }
  return null;
}

function Resource({ event }: { event: AuditEvent }) {
  const noun = capitalize(auditResourceNoun(event.resourceType));
  const title = event.resourceTitle;
  if (!title) return <span className="muted">{noun}</span>;
  const path = resourcePath(event);
  const named = (
    <>
      <span className="muted">{noun}</span> <span className="resource-title">{title}</span>
    </>
  );
  return path ? (
    <Link to={path} className="resource-link" data-testid="audit-resource">
      {named}
    </Link>
  ) : (
    <span data-testid="audit-resource">{named}</span>
  );
}

/** Who did it: their name, "System" for the server itself, or a former member no longer in sight. */
function Actor({ event }: { event: AuditEvent }) {
  if (!event.userId) return <span className="muted">System</span>;
  if (event.actorName) return <>{event.actorName}</>;
  return <span className="muted">A former member</span>;
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-dense audit-table" data-testid="audit-table">
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
            const details = summarize(event.details);
            return (
              <tr key={String(event.id)} data-testid="audit-row" data-action={event.action}>
                <td title={formatDateTime(event.timestamp)} className="nowrap">
                  {formatRelative(event.timestamp)}
                </td>
                <td className="nowrap" data-testid="audit-actor">
                  <Actor event={event} />
                </td>
                <td>
                  <span className="action-tag">{capitalize(auditActionLabel(event.action))}</span>
                  {details && <div className="muted audit-details">{details}</div>}
                </td>
                <td>
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
