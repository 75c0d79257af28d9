/** A lower-case slug for an id: letters, digits and hyphens, at most 60 characters. */
export function slug(text: string): string {
  const value = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return value === '' ? 'item' : value;
}

/** Hands out ids unique within one list: "booking", "booking-2", … */
export class IdPool {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const id of taken) this.used.add(id);
  }

  take(text: string): string {
    const base = slug(text);
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
