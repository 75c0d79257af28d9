/**
 * Unsaved edits kept in this browser's localStorage, so text typed in an editor survives leaving the page, a closed
 * tab or a crash. A draft belongs to one resource at one base revision: it is only offered back on the version it
 * was written on, where restoring it and saving cannot silently undo someone else's newer revision.
 */

const PREFIX = 'atelier.draft:';
/** Drafts nobody came back for are dropped after a month, so storage does not fill up with them. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export type Draft<Value> = { value: Value; savedAt: string };

/** The storage key of a draft: what it is a draft of, which one, and the revision the edit started from. */
export function draftKey(kind: string, id: string, base: string | number): string {
  return `${PREFIX}${kind}:${id}:${base}`;
}

// Storage can be unavailable (private modes, quotas, disabled cookies): a draft is then simply not kept.
export function readDraft<Value>(key: string): Draft<Value> | null {
  try {
    const stored = localStorage.getItem(key);
    if (!stored) return null;
    const draft = JSON.parse(stored) as Draft<Value>;
    return typeof draft?.savedAt === 'string' && draft.value !== undefined ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft<Value>(key: string, value: Value): void {
  try {
    localStorage.setItem(key, JSON.stringify({ value, savedAt: new Date().toISOString() } satisfies Draft<Value>));
  } catch {
    // not kept
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to remove
  }
}

/** Removes the drafts older than a month. */
export function pruneDrafts(now = Date.now()): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i -= 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const savedAt = Date.parse(readDraft(key)?.savedAt ?? '');
      if (!(now - savedAt < MAX_AGE_MS)) removeDraft(key);
    }
  } catch {
    // storage unavailable
  }
}
