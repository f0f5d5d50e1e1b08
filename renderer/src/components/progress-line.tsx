// A running flow's line: a spinner, the status (a live region: it changes when the state does), the
// elapsed time and the time left beside it (outside the live region, so the ticking clock is never
// announced).
import { formatClock } from '../../../shared/time';
import { useI18n } from '../i18n';

export function ProgressLine({
  status,
  elapsedMs,
  remainingMs,
}: {
  status: string;
  elapsedMs?: number;
  remainingMs?: number;
}) {
  const { t } = useI18n();
  return (
    <p className="progress">
      <span className="spinner" aria-hidden="true" /> <span role="status">{status}</span>
      {elapsedMs !== undefined && <span className="clock"> · {formatClock(elapsedMs)}</span>}
      {remainingMs !== undefined && (
        <span className="clock left"> · {t.timeLeft(formatClock(remainingMs))}</span>
      )}
    </p>
  );
}
