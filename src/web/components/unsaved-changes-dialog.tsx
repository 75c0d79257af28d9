import type { UnsavedGuard } from '../lib/use-unsaved-guard';
import { ConfirmDialog } from './dialog';

/** The one question an editor with unsaved changes asks, whether the person is leaving the page or cancelling. */
export function UnsavedChangesDialog({ guard }: { guard: UnsavedGuard<unknown> }) {
  const leaving = guard.asking === 'leave';
  return (
    <ConfirmDialog
      open={guard.asking !== null}
      title={leaving ? 'Leave without saving?' : 'Discard your changes?'}
      confirmLabel={leaving ? 'Leave' : 'Discard changes'}
      cancelLabel={leaving ? 'Stay' : 'Keep editing'}
      danger
      onConfirm={guard.confirm}
      onClose={guard.cancel}
      testId={leaving ? 'leave-dialog' : 'discard-dialog'}
    >
      {leaving
        ? 'Your changes are not saved. They stay in this browser as a draft, offered back when you open the editor again.'
        : 'The changes you made are not saved and will be lost.'}
    </ConfirmDialog>
  );
}
