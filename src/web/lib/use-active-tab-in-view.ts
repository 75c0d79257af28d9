import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * A row of tabs too wide for a phone scrolls sideways inside itself: whenever the address changes, it is scrolled
 * just enough that the current tab (the link marked `.active`) is in sight.
 */
export function useActiveTabInView(row: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const element = row.current;
    const active = element?.querySelector<HTMLElement>('.active');
    if (!element || !active) return;
    const rowBox = element.getBoundingClientRect();
    const tabBox = active.getBoundingClientRect();
    const shift = tabBox.left < rowBox.left ? tabBox.left - rowBox.left : Math.max(0, tabBox.right - rowBox.right);
    if (shift !== 0) element.scrollBy({ left: shift });
  }, [row, pathname]);
}
