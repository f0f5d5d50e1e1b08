// The pending entry of a flow: where it stands, what an interrupted flow's error says about it, and its
// end. Removing it is best effort: a leftover entry is harmless (the next resume meets the final
// answer again and ends it).
import { endsEntry } from '../../../shared/errors/meta';
import type { PendingRegistration } from '../../../shared/registration';
import { HelperError, withParams } from '../errors';
import type { Logger } from '../log/logger';
import type { FlowContext } from './context';

/** Where the pending entry stands, so an interrupted flow can say what is left behind. */
export type EntryState = 'none' | 'unconfirmed' | 'confirmed';

/** Removes the pending entry; false when that failed (and was logged). */
export async function endPending(ctx: FlowContext, account: string, log: Logger): Promise<boolean> {
  try {
    await ctx.deps.vault.deletePending(account);
    return true;
  } catch (err) {
    log.warn('the pending registration could not be removed from the keychain', { error: err });
    return false;
  }
}

/** Says in the error that the request is still waiting in Wawi and kept here (unless it is gone). */
export function kept(err: HelperError, entry: EntryState, account: string, requestsExpired = 0): HelperError {
  // Cancelled after a request expired in Wawi (its dialog was closed): something was sent, nothing waits.
  if (entry === 'none' && requestsExpired > 0 && err.code === 'cancelled')
    return withParams(err, { variant: 'expired' });
  if (entry === 'none' || endsEntry(err.code)) return err;
  return withParams(err, { pendingKept: entry === 'confirmed' ? 'true' : 'unconfirmed', account });
}

/** Names the app in an error that does not name it yet. */
export function withApp(err: HelperError, appId: string): HelperError {
  return err.params?.appId ? err : withParams(err, { appId });
}

/** The error for a pending entry whose request may be in Wawi under an id this computer never got. */
export function unconfirmed(p: PendingRegistration): HelperError {
  return new HelperError('request-unconfirmed', {
    params: { appId: p.appId, address: p.baseUrl, startedAt: p.startedAt, account: p.account },
  });
}
