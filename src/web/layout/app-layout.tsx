import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { ErrorBanner } from '../components/error-banner';
import { ActivityIcon, BoardIcon, ChartIcon, DatabaseIcon, FolderIcon, Logo, MenuIcon, SettingsIcon, SparklesIcon, TrashIcon, UsersIcon } from '../components/icons';
import { LoadingState } from '../components/spinner';
import { EmptyState } from '../components/empty-state';
import { useWorkspace, WorkspaceProvider } from '../lib/workspace';
import { AccountMenu } from './account-menu';
import { OrganizationSwitcher } from './organization-switcher';

const navigation = [
  { to: '/projects', label: 'Projects', icon: FolderIcon, end: false },
  { to: '/board', label: 'Board', icon: BoardIcon, end: false },
  { to: '/databases', label: 'Databases', icon: DatabaseIcon, end: false },
  { to: '/trash', label: 'Trash', icon: TrashIcon, end: true },
  { to: '/members', label: 'Members', icon: UsersIcon, end: true },
  { to: '/usage', label: 'Usage', icon: ChartIcon, end: true },
  { to: '/audit', label: 'Audit log', icon: ActivityIcon, end: true },
  { to: '/settings/ai', label: 'AI provider', icon: SparklesIcon, end: true },
  { to: '/settings', label: 'Settings', icon: SettingsIcon, end: true },
];

export function AppLayout() {
  return (
    <WorkspaceProvider>
      <Shell />
    </WorkspaceProvider>
  );
}

function Shell() {
  const [navOpen, setNavOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setNavOpen(false), [location.pathname]);

  return (
    <div className={navOpen ? 'shell nav-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="mobile-bar">
        <button type="button" className="icon-btn" aria-label="Open navigation" aria-expanded={navOpen} onClick={() => setNavOpen(true)}>
          <MenuIcon size={18} />
        </button>
        <span className="mobile-brand">
          <Logo size={20} /> Atelier
        </span>
      </header>
      <div className="scrim" onClick={() => setNavOpen(false)} aria-hidden="true" />
      <aside className="sidebar" aria-label="Sidebar">
        <div className="sidebar-top">
          <OrganizationSwitcher />
        </div>
        <nav className="sidebar-nav" aria-label="Main">
          {navigation.map(({ to, label, icon: Icon, end }) => (
            <NavLink key={to} to={to} end={end} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
              <Icon size={16} />
              <span>{label}</span>
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-bottom">
          <AccountMenu />
        </div>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
        <WorkspaceGate />
      </main>
    </div>
  );
}

/** Pages render once the organizations are known, so each can rely on a current organization. */
function WorkspaceGate() {
  const workspace = useWorkspace();
  if (workspace.status === 'loading') return <LoadingState label="Loading your organizations" />;
  if (workspace.status === 'error')
    return (
      <div className="page">
        <ErrorBanner error={workspace.error} title="Your organizations could not be loaded." onRetry={() => void workspace.reload()} />
      </div>
    );
  if (!workspace.current)
    return (
      <div className="page">
        <EmptyState title="You are not in any organization" testId="no-organization">
          Create one from the organization menu in the sidebar, or ask an admin to add you to theirs.
        </EmptyState>
      </div>
    );
  // Pages start afresh in another organization (their lists, searches and paging belong to the old one).
  return <Outlet key={workspace.current.id} />;
}
