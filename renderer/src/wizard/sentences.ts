// Which sentence a waiting screen, a removal and a cancel notice show, chosen from what the flow's
// events prove. Each sentence that claims a fact has its proof in the rule beside it; the machine's
// tests (test/unit/sentences.test.ts) drive every rule and check each claim against its proof.
import type { SerializedError } from '../../../shared/errors/schema';
import { flowPhase } from '../../../shared/flow';
import type { Lang } from '../../../shared/lang';
import type { FlowEvent } from '../../../shared/registration';
import type { Texts } from '../i18n';
import { progressText } from './progress';

export interface WaitingWords {
  /** What the screen is about: the dialog to open, the app to remove in Wawi, the request to accept. */
  kind: 'dialog' | 'dialog-closed' | 'unregister' | 'accept';
  title: string;
  status: string;
}

/** The waiting screen's heading and status line for the flow's newest event. */
export function waitingWords(event: FlowEvent | undefined, t: Texts, lang: Lang): WaitingWords {
  const phase = event ? flowPhase(event) : undefined;
  // Proof: Wawi answered 409 while a replacing request waited (the app is still registered there).
  if (phase === 'waiting-for-unregister')
    return { kind: 'unregister', title: t.unregisterTitle, status: t.unregisterWaiting };
  if (phase === 'waiting-for-dialog') {
    // Proof: Wawi answered 404 for a request of this flow (`requestsExpired`, carried by every later event).
    if ((event?.requestsExpired ?? 0) > 0)
      return { kind: 'dialog-closed', title: t.dialogClosedTitle, status: t.dialogClosed };
    // Proof: Wawi answered 403 (no dialog waits).
    return { kind: 'dialog', title: t.dialogTitle, status: t.waitingForDialog };
  }
  return {
    kind: 'accept',
    title: t.waitingTitle,
    status: progressText(event, t, lang, { phase: 'waiting', text: t.stillWaiting }),
  };
}

/** The removal screen's status line (rotate, revoke). */
export function removalStatus(event: FlowEvent | undefined, t: Texts, lang: Lang): string {
  const phase = event ? flowPhase(event) : undefined;
  // Proof: Wawi answered 409 after the merchant only confirmed the removal.
  if (phase === 'waiting-for-unregister') return t.stillRegistered;
  // "The old key no longer works" only with its proof: a 401 for the old key (`oldKeyDead`).
  if (phase === 'sending' || phase === 'waiting-for-dialog')
    return t.waitingDialog(event?.oldKeyDead === true);
  if (phase === 'old-key-dead') return t.oldKeyDead;
  return progressText(event, t, lang, { phase: 'awaiting-removal', text: t.waitingRemoval });
}

/** What a cancel left behind, in the merchant's words. */
export type CancelOutcome = 'kept' | 'unconfirmed' | 'expired' | 'nothing-sent' | 'nothing-changed';

/**
 * What the merchant's cancel left: a request still waiting in Wawi (its id is known here), one that may
 * have arrived (the answer never came), one that expired when the dialog was closed, or nothing sent.
 * "Nothing was sent" only for a registration whose cancel error says none of the others.
 */
export function cancelOutcome(notice: SerializedError, kind: 'register' | 'manage'): CancelOutcome {
  const kept = notice.params?.pendingKept;
  if (kept === 'true') return 'kept';
  if (kept === 'unconfirmed') return 'unconfirmed';
  if (notice.params?.variant === 'expired') return 'expired';
  return kind === 'register' ? 'nothing-sent' : 'nothing-changed';
}
