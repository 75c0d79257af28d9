import { Link } from 'react-router-dom';
import { EmptyState } from '../components/empty-state';
import { useTitle } from '../lib/use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div className="page">
      <EmptyState
        title="Page not found"
        testId="page-not-found"
        action={
          <Link to="/projects" className="btn btn-secondary">
            Go to projects
          </Link>
        }
      >
        The address may be mistyped, or the page has moved.
      </EmptyState>
    </div>
  );
}
