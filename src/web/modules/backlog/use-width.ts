import { useEffect, useRef, useState } from 'react';

/** The width of an element, followed as the layout changes (charts draw to the width they are given). */
export function useWidth<E extends HTMLElement>(initial: number, min = 280) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(min, Math.floor(element.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [min]);
  return [ref, width] as const;
}
