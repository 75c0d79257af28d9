import { useNavigate } from 'react-router-dom';
import { Avatar } from '../components/avatar';
import { LogOutIcon, UserIcon } from '../components/icons';
import { Menu } from '../components/menu';
import { useCurrentUser, useSession } from '../lib/session';

export function AccountMenu() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  return (
    <Menu
      testId="account-menu"
      triggerLabel={`Account: ${user.name}`}
      triggerClassName="account-button"
      placement="above"
      items={[
        { kind: 'heading', label: user.email },
        { label: 'Account settings', icon: <UserIcon />, onSelect: () => void navigate('/account'), testId: 'account-settings' },
        { kind: 'separator' },
        { label: 'Log out', icon: <LogOutIcon />, onSelect: () => void logout(), testId: 'logout' },
      ]}
      trigger={
        <>
          <Avatar name={user.name} seed={user.id} size={24} />
          <span className="account-text">
            <span className="account-name">{user.name}</span>
            <span className="account-email">{user.email}</span>
          </span>
        </>
      }
    />
  );
}
