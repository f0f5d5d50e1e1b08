// The pending entry's end: it is removed from the keychain; a failure to remove it is only logged
// (a leftover entry is harmless: the next resume meets the final answer again and ends it).
import type { Logger } from '../logger';
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
