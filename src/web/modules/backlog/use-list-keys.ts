import { useEffect, useRef } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The keys of a keyboard-driven list (Linear's): single letters act anywhere on the page but while typing, with a
 * modifier held or under an open dialog; Enter only acts on the list's own rows, so a focused button keeps its own.
 */
export function useListKeys(handlers: Record<string, (event: KeyboardEvent) => void>, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const handler = ref.current[event.key];
      if (!handler) return;
      if (event.key === 'Enter' || event.key === 'Escape') {
        const target = event.target instanceof HTMLElement ? event.target : null;
        if (target && target !== document.body && !target.hasAttribute('data-list-row')) return;
      }
      event.preventDefault();
      handler(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
