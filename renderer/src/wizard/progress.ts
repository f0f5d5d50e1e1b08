// The progress line of a running flow (storing, checking, retrying, waiting with the time).
import { errorText } from '../../../shared/errors/text';
import { flowPhase } from '../../../shared/flow';
import type { Lang } from '../../../shared/lang';
import type { FlowEvent } from '../../../shared/registration';
import { formatClock } from '../../../shared/time';
import type { Texts } from '../i18n';

export function progressText(
  e: FlowEvent | undefined,
  t: Texts,
  lang: Lang,
  elapsedMs: number,
  waitingText: (t: string) => string,
): string {
  const time = formatClock(elapsedMs);
  if (!e) return waitingText(time);
  switch (flowPhase(e)) {
    case 'storing':
    case 'key-waiting':
      return t.storing;
    case 'verifying':
      return t.verifying;
    case 'retrying':
    case 'waiting-for-dialog':
      return t.retrying(errorText(e.transient!, lang, 'app').title, Math.round((e.nextPollInMs ?? 0) / 1000));
    default:
      return waitingText(time);
  }
}
