import { useEffect } from 'react';

/** The browser tab names the page: "Projects · Acme · Atelier". */
export function useTitle(...parts: Array<string | undefined | null>): void {
  const title = [...parts.filter(Boolean), 'Atelier'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
