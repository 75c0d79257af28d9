import { formatTimeOrDate } from '../lib/format';
import type { UnsavedGuard } from '../lib/use-unsaved-guard';
import { HistoryIcon } from './icons';

/** "You have an unsaved draft from 14:02 — Restore / Discard", when an editor opens where a draft was left. */
export function DraftOffer({ guard }: { guard: UnsavedGuard<unknown> }) {
  const draft = guard.offeredDraft;
  if (!draft) return null;
  return (
    <div className="banner banner-info draft-offer" role="status" data-testid="draft-offer">
      <HistoryIcon size={16} className="banner-icon" />
      <div className="banner-body">You have an unsaved draft from {formatTimeOrDate(draft.savedAt)}.</div>
      <div className="draft-offer-actions">
        <button type="button" className="btn btn-secondary btn-sm" onClick={guard.restoreDraft} data-testid="draft-restore">
          Restore
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={guard.discardDraft} data-testid="draft-discard">
          Discard
        </button>
      </div>
    </div>
  );
}
