import { ErrorBanner } from '../../../components/error-banner';
import type { PagedList } from '../../../lib/use-paged-list';

/** "Load more" under a paged list, and why the next page did not come. */
export function ListFooter<T>({ list, testId }: { list: PagedList<T>; testId: string }) {
  return (
    <>
      {list.loadMoreError != null && <ErrorBanner error={list.loadMoreError} onRetry={list.loadMore} />}
      {list.hasMore && (
        <div className="load-more">
          <button type="button" className="btn btn-secondary btn-sm" onClick={list.loadMore} disabled={list.loadingMore} data-testid={testId}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}
