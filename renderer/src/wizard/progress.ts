// The progress of a running flow in words (sending, storing, checking, retrying, waiting). The elapsed
// time is not part of it: it ticks beside the status, so screen readers announce changes, not seconds.
import { errorText } from '../../../shared/errors/text';
import { type FlowPhase, flowPhase } from '../../../shared/flow';
import type { Lang } from '../../../shared/lang';
import type { FlowEvent } from '../../../shared/registration';
import type { Texts } from '../i18n';

/**
 * What the flow is doing now. `waiting` is the sentence for the one wait this screen is about (the
 * merchant's decision, or the removal), said only in that phase; before any event, it is what comes.
 */
export function progressText(
  e: FlowEvent | undefined,
  t: Texts,
  lang: Lang,
  waiting: { phase: FlowPhase; text: string },
): string {
  if (!e) return waiting.text;
  const phase = flowPhase(e);
  switch (phase) {
    case 'sending':
      return t.sending;
    case 'checking':
      return t.checking;
    case 'storing':
    case 'key-waiting':
      return t.storing;
    case 'verifying':
      return t.verifying;
    case 'succeeded':
      return t.succeeded;
    case 'retrying':
    case 'waiting-for-dialog':
      return t.retrying(errorText(e.transient!, lang, 'app').title, Math.round((e.nextPollInMs ?? 0) / 1000));
    default:
      // A flow that ended is said by the next screen; a wait is said only by the screen it belongs to.
      return phase === waiting.phase ? waiting.text : '';
  }
}
