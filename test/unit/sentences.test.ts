// Every sentence that claims a fact is backed by the state or event that proves it (issue 21). The
// rules in renderer/src/wizard/sentences.ts are driven with every combination of flow state, passing
// problem, old-key flag and expired requests, in both languages; each claim is checked against its
// proof.
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../renderer/src/i18n';
import { cancelOutcome, removalStatus, waitingWords } from '../../renderer/src/wizard/sentences';
import { FLOW_STATES } from '../../shared/flow';
import type { FlowEvent } from '../../shared/registration';
import { event } from './wizard-fixtures';

const TRANSIENTS = [
  undefined,
  'no-registration-window',
  'already-registered',
  'request-not-found',
  'unreachable',
] as const;

/** Every event a flow can send, as far as the sentences read it. */
function* events(): Generator<FlowEvent> {
  for (const state of FLOW_STATES)
    for (const transient of TRANSIENTS)
      for (const oldKeyDead of [undefined, false, true])
        for (const requestsExpired of [undefined, 1])
          yield event({
            state,
            kind: 'rotate',
            ...(transient ? { transient: { code: transient, message: '' } } : {}),
            ...(oldKeyDead !== undefined ? { oldKeyDead } : {}),
            ...(requestsExpired ? { requestsExpired } : {}),
          });
}

describe('every claim names its proof', () => {
  for (const lang of ['de', 'en'] as const) {
    const t = TEXTS[lang];
    it(`waiting and removal (${lang})`, () => {
      let checked = 0;
      for (const e of events()) {
        const removal = removalStatus(e, t, lang);
        const words = waitingWords(e, t, lang);
        // "The old key no longer works": only after Wawi answered 401 for it.
        if (removal.includes(t.oldKeyDead)) expect(e.oldKeyDead, JSON.stringify(e)).toBe(true);
        // "The dialog was closed": only after Wawi answered 404 for a request of this flow.
        if (words.title === t.dialogClosedTitle || words.status === t.dialogClosed)
          expect(e.requestsExpired, JSON.stringify(e)).toBeGreaterThan(0);
        // "Wawi still lists the app": only after a 409.
        if (removal === t.stillRegistered || words.status === t.unregisterWaiting)
          expect(e.transient?.code).toBe('already-registered');
        // "Waiting for your decision": only while the request waits, nothing else happening.
        if (words.status === t.stillWaiting) {
          expect(e.state, JSON.stringify(e)).toBe('waiting');
          expect(e.transient).toBeUndefined();
        }
        checked++;
      }
      expect(checked).toBe(FLOW_STATES.length * TRANSIENTS.length * 3 * 2);
    });
  }

  it('a cancel says "nothing was sent" only when no request waits, may have arrived or expired', () => {
    const cancelled = (params?: Record<string, string>) => ({
      code: 'cancelled' as const,
      message: '',
      ...(params ? { params } : {}),
    });
    expect(cancelOutcome(cancelled(), 'register')).toBe('nothing-sent');
    expect(cancelOutcome(cancelled(), 'manage')).toBe('nothing-changed');
    expect(cancelOutcome(cancelled({ pendingKept: 'true', account: 'a' }), 'register')).toBe('kept');
    expect(cancelOutcome(cancelled({ pendingKept: 'true' }), 'register')).toBe('kept');
    expect(cancelOutcome(cancelled({ pendingKept: 'unconfirmed' }), 'register')).toBe('unconfirmed');
    expect(cancelOutcome(cancelled({ variant: 'expired' }), 'register')).toBe('expired');
  });
});
