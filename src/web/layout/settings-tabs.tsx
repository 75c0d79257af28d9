import { NavLink } from 'react-router-dom';

const tabs = [
  { to: '/settings', label: 'General' },
  { to: '/settings/ai', label: 'AI provider' },
  { to: '/settings/board', label: 'Board' },
  { to: '/settings/integrations', label: 'Integrations' },
];

/** The sections of an organization's settings, as tabs under the page header. */
export function SettingsTabs() {
  return (
    <nav className="tabs" aria-label="Settings sections">
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end className={({ isActive }) => (isActive ? 'tab active' : 'tab')}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
