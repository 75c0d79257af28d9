import type { Member, OrganizationRole } from './client';
import { organizationRoles } from '../../../shared/organization-roles';
import { Avatar } from '../../components/avatar';
import { formatDate, roleLabels } from '../../lib/format';

type Props = {
  member: Member;
  isSelf: boolean;
  /** A personal organization cannot be left, only used. */
  canLeave: boolean;
  canManage: boolean;
  assignable: OrganizationRole[];
  busy: boolean;
  onRoleChange(member: Member, role: OrganizationRole): void;
  onRemove(member: Member): void;
};

export function MemberRow({ member, isSelf, canLeave, canManage, assignable, busy, onRoleChange, onRemove }: Props) {
  // Admins manage everyone below owner; nobody changes their own role here (an owner hands ownership on first).
  const canChange = canManage && !isSelf && assignable.includes(member.role);
  const canRemove = isSelf ? canLeave : canChange;
  return (
    <tr data-testid="member-row" data-email={member.email} aria-busy={busy || undefined}>
      <td>
        <div className="member-cell">
          <Avatar name={member.name} seed={member.userId} size={28} />
          <div>
            <div className="member-name">
              {member.name}
              {isSelf && <span className="you-tag">You</span>}
            </div>
            <div className="muted member-email">{member.email}</div>
          </div>
        </div>
      </td>
      <td>
        {canChange ? (
          <select
            className="input select input-sm"
            aria-label={`OrganizationRole of ${member.name}`}
            value={member.role}
            disabled={busy}
            onChange={(e) => onRoleChange(member, e.target.value as OrganizationRole)}
            data-testid="member-role"
          >
            {organizationRoles
              .filter((r) => assignable.includes(r) || r === member.role)
              .map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r]}
                </option>
              ))}
          </select>
        ) : (
          <span className={`role-tag role-${member.role}`} data-testid="member-role">
            {roleLabels[member.role]}
          </span>
        )}
      </td>
      <td className="muted hide-narrow">{formatDate(member.joinedAt)}</td>
      <td className="cell-actions">
        {canRemove && (
          <button type="button" className="btn btn-ghost btn-sm btn-danger-text" disabled={busy} onClick={() => onRemove(member)} data-testid="remove-member">
            {isSelf ? 'Leave' : 'Remove'}
          </button>
        )}
      </td>
    </tr>
  );
}
