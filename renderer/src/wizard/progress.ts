// The progress of a running flow in words (storing, checking, retrying, waiting). The elapsed time is
// not part of it: it ticks beside the status, so screen readers announce changes, not seconds.
import { errorText } from '../../../shared/errors/text';
import { flowPhase } from '../../../shared/flow';
import type { Lang } from '../../../shared/lang';
import type { FlowEvent } from '../../../shared/registration';
import type { Texts } from '../i18n';

/** What the flow is doing now; `waiting` when it just waits (for the merchant, for the removal). */
export function progressText(e: FlowEvent | undefined, t: Texts, lang: Lang, waiting: string): string {
  if (!e) return waiting;
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
      return waiting;
  }
}
