import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Logo } from '../components/icons';
import { useTitle } from '../lib/use-title';

/** The frame of every signed-out page: the brand above one centred card. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  useTitle(title);
  return (
    <div className="auth-page">
      <div className="auth-column">
        <Link to="/" className="auth-brand" aria-label="Atelier home">
          <Logo size={28} />
          <span>Atelier</span>
        </Link>
        <main className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {subtitle && <p className="auth-subtitle">{subtitle}</p>}
          {children}
        </main>
        {footer && <div className="auth-footer">{footer}</div>}
      </div>
    </div>
  );
}
