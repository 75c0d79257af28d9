import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../shared/contract/pagination';

export type PagedList<T> = {
  items: T[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
  loadMore(): void;
  reload(): void;
  /** Local edits after a mutation, without a round trip. */
  update(change: (items: T[]) => T[]): void;
};

/**
 * A keyset-paged list: the first page loads whenever `key` changes (stale answers are dropped), and loadMore appends
 * the page after nextCursor.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    controllerRef.current = controller;
    setStatus('loading');
    setError(null);
    setLoadMoreError(null);
    setLoadingMore(false);
    fetchRef
      .current(null, controller.signal)
      .then((page) => {
        if (controller.signal.aborted) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setStatus('ready');
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setStatus('error');
      });
    return () => controller.abort();
  }, [key, generation]);

  const loadMore = useCallback(() => {
    const controller = controllerRef.current;
    if (!cursor || loadingMore || !controller) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    fetchRef
      .current(cursor, controller.signal)
      .then((page) => {
        if (controller.signal.aborted) return;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setLoadMoreError(caught);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoadingMore(false);
      });
  }, [cursor, loadingMore]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const update = useCallback((change: (current: T[]) => T[]) => setItems(change), []);

  return { items, status, error, hasMore: cursor !== null, loadingMore, loadMoreError, loadMore, reload, update };
}
