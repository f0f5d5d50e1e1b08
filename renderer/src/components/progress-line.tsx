// A running flow's line: a spinner, the status (a live region: it changes when the state does) and the
// elapsed time beside it (outside the live region, so the ticking clock is never announced).
import { formatClock } from '../../../shared/time';

export function ProgressLine({ status, elapsedMs }: { status: string; elapsedMs?: number }) {
  return (
    <p className="progress">
      <span className="spinner" aria-hidden="true" /> <span role="status">{status}</span>
      {elapsedMs !== undefined && <span className="clock"> · {formatClock(elapsedMs)}</span>}
    </p>
  );
}
