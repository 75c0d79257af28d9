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
    if (tabBox.left < rowBox.left) element.scrollLeft -= rowBox.left - tabBox.left;
    else if (tabBox.right > rowBox.right) element.scrollLeft += tabBox.right - rowBox.right;
  }, [row, pathname]);
}
