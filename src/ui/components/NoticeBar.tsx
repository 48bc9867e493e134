import type { Notice } from '../logic/run-ops.ts';

/** A one-line message after an action, e.g. "Branch B starts here". */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}
