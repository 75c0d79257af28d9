import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router-dom';
import { pruneDrafts, readDraft, removeDraft, writeDraft, type Draft } from './drafts';

/** How long typing pauses before the draft is written. */
const DRAFT_DELAY_MS = 400;

export type UnsavedGuard<Value> = {
  /** A draft left from an earlier visit at the same base revision, until it is restored or discarded. */
  offeredDraft: Draft<Value> | null;
  restoreDraft(): void;
  discardDraft(): void;
  /** What is being asked: leaving the page (the draft stays) or discarding the changes in place (it goes). */
  asking: 'leave' | 'discard' | null;
  confirm(): void;
  cancel(): void;
  /** The editor's own Cancel: runs `then` at once when nothing is unsaved, else after asking. */
  confirmDiscard(then: () => void): void;
  /** The changes are saved (or knowingly dropped): the draft is forgotten and the next navigation goes unasked. */
  release(): void;
};

type Options<Value> = {
  /** Whether the editor holds changes that are not saved. */
  dirty: boolean;
  /** Where the draft is kept (lib/drafts.ts draftKey): the resource and the revision the edit started from. */
  draftKey: string;
  /** The editor's current values, kept as the draft while dirty. */
  value: Value;
  /** Puts a restored draft's values back into the editor. */
  restore(value: Value): void;
};

/**
 * Keeps unsaved edits from being lost: any in-app navigation (links, breadcrumbs, the back button) asks first, closing
 * or reloading the tab asks through the browser, and the edits are kept as a local draft that the editor offers
 * back the next time it opens on the same revision. Render <UnsavedChangesDialog> and <DraftOffer> with the result.
 */
export function useUnsavedGuard<Value>({ dirty, draftKey, value, restore }: Options<Value>): UnsavedGuard<Value> {
  const [offeredDraft, setOfferedDraft] = useState<Draft<Value> | null>(() => {
    pruneDrafts();
    return readDraft<Value>(draftKey);
  });
  const [discarding, setDiscarding] = useState<(() => void) | null>(null);

  // Navigation and unload handlers run outside rendering: they read the latest state through these.
  const latest = useRef({ dirty, draftKey, value });
  useLayoutEffect(() => {
    latest.current = { dirty, draftKey, value };
  });
  /** Set once the changes are saved or dropped; cleared when there is nothing unsaved any more. */
  const released = useRef(false);
  /** The key this editor wrote a draft under, so it removes its own draft and never one it was offered. */
  const written = useRef<string | null>(null);

  const keepDraft = useCallback(() => {
    const { dirty: unsaved, draftKey: key, value: current } = latest.current;
    if (!unsaved || released.current) return;
    if (written.current && written.current !== key) removeDraft(written.current);
    writeDraft(key, current);
    written.current = key;
  }, []);
  const forgetDraft = useCallback(() => {
    if (written.current) removeDraft(written.current);
    written.current = null;
  }, []);

  const serialized = JSON.stringify(value);
  useEffect(() => {
    if (!dirty) {
      released.current = false;
      forgetDraft();
      return;
    }
    const timer = window.setTimeout(keepDraft, DRAFT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [dirty, draftKey, serialized, keepDraft, forgetDraft]);

  // Leaving the editor some other way (it unmounts) still keeps the last keystrokes.
  useEffect(() => keepDraft, [keepDraft]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (released.current) return;
      keepDraft();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, keepDraft]);

  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        latest.current.dirty &&
        !released.current &&
        (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [],
    ),
  );

  const release = useCallback(() => {
    released.current = true;
    forgetDraft();
  }, [forgetDraft]);

  const asking = blocker.state === 'blocked' ? 'leave' : discarding ? 'discard' : null;

  return {
    offeredDraft,
    restoreDraft: () => {
      if (offeredDraft) restore(offeredDraft.value);
      setOfferedDraft(null);
    },
    discardDraft: () => {
      // Typing since may already have replaced it with a newer draft, which stays.
      if (written.current !== draftKey) removeDraft(draftKey);
      setOfferedDraft(null);
    },
    asking,
    confirm: () => {
      if (asking === 'leave') {
        keepDraft();
        blocker.proceed?.();
      } else if (discarding) {
        release();
        setDiscarding(null);
        discarding();
      }
    },
    cancel: () => {
      if (asking === 'leave') blocker.reset?.();
      setDiscarding(null);
    },
    confirmDiscard: (then) => {
      if (dirty) setDiscarding(() => then);
      else then();
    },
    release,
  };
}
