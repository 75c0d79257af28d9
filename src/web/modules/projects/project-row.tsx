import { Link } from 'react-router-dom';
import type { Project } from './client';
import { CalendarIcon, MoreIcon, PencilIcon, RestoreIcon, TrashIcon } from '../../components/icons';
import { Menu } from '../../components/menu';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatRelative, hueOf } from '../../lib/format';

type Props = {
  project: Project;
  canEdit: boolean;
  busy: boolean;
  onEdit(project: Project): void;
  onDelete(project: Project): void;
  onRestore(project: Project): void;
};

export function ProjectRow({ project, canEdit, busy, onEdit, onDelete, onRestore }: Props) {
  const inTrash = project.status === 'deleted';
  const hue = hueOf(project.id);
  return (
    <li className="list-row project-row" data-testid="project-row" data-project-id={project.id} aria-busy={busy || undefined}>
      <span className="project-icon" style={{ color: `hsl(${hue} 60% 45%)`, background: `hsl(${hue} 70% 50% / 0.12)` }} aria-hidden="true">
        {project.name.slice(0, 1).toUpperCase()}
      </span>
      <div className="project-main">
        <div className="project-title-line">
          {inTrash ? (
            <span className="project-name" data-testid="project-name">
              {project.name}
            </span>
          ) : (
            <Link to={`/projects/${project.id}`} className="project-name" data-testid="project-name">
              {project.name}
            </Link>
          )}
          <span className="key-chip">{project.key}</span>
        </div>
        {project.description && <p className="project-description">{project.description}</p>}
      </div>
      <div className="project-meta">
        {!inTrash && (project.startDate || project.endDate) && (
          <span className="meta-item hide-narrow" title="Schedule">
            <CalendarIcon size={13} />
            {formatDate(project.startDate)} → {formatDate(project.endDate)}
          </span>
        )}
        {inTrash ? (
          <span className="meta-item muted" title={project.deletedAt ?? undefined}>
            Deleted {formatRelative(project.deletedAt ?? project.updatedAt)}
          </span>
        ) : (
          <>
            <StatusBadge kind="project" status={project.status} />
            <span className="meta-item muted hide-narrow" title={`Updated ${project.updatedAt}`}>
              {formatRelative(project.updatedAt)}
            </span>
          </>
        )}
      </div>
      <div className="row-actions">
        {canEdit && inTrash && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => onRestore(project)} disabled={busy} data-testid="restore-project">
            <RestoreIcon size={14} /> Restore
          </button>
        )}
        {canEdit && !inTrash && (
          <Menu
            triggerLabel={`Actions for ${project.name}`}
            align="end"
            testId="project-actions"
            trigger={<MoreIcon />}
            items={[
              { label: 'Edit', icon: <PencilIcon />, onSelect: () => onEdit(project), testId: 'edit-project' },
              { label: 'Move to trash', icon: <TrashIcon />, danger: true, onSelect: () => onDelete(project), testId: 'delete-project' },
            ]}
          />
        )}
      </div>
    </li>
  );
}
