// After acceptance: the key is stored before anything else happens, and storing never gives up on its
// own. Then the record is written, the pending entry removed and the key checked. From acceptance on,
// cancelling the flow no longer ends it: only an explicit give-up (`giveUp`) while the keychain refuses
// the key does, and that is reported as the key being lost. A cancel only skips the key check.
import type { PendingRegistration, RegistrationRecord, ServerRef } from '../../../shared/registration';
import { asHelperError, HelperError } from '../errors';
import { registerSecret } from '../log/logger';
import { fingerprint } from '../store/vault';
import { connectionEntry } from '../wawi/connection';
import type { FlowContext } from './context';
import { endPending } from './entry';
import type { FlowOptions } from './flow';
import type { Run } from './run';
import { keepServiceCopy, removeServiceCopy } from './service-copy';
import { DEFAULT_TIMEOUT_MS, MAX_STORE_RETRY_MS, sleepOrCancel } from './timing';
import { verifyKey } from './verify';

export async function storeUntilStored(
  { ctx, flow, opts, log }: Run,
  account: string,
  key: string,
  firstAttempt?: Promise<void>,
): Promise<void> {
  const base = ctx.timings.storeRetryBaseMs;
  let deadline: number | undefined;
  for (let attempt = 1; ; attempt++) {
    let failure: HelperError;
    try {
      await (attempt === 1 && firstAttempt ? firstAttempt : ctx.deps.vault.store(account, key));
      if (attempt > 1) log.info('the key was stored after the keychain recovered', { attempt });
      return;
    } catch (err) {
      failure = asHelperError(err);
      log.error('storing the key failed; it stays in memory and is retried', { attempt, error: failure });
    }
    deadline ??= ctx.clock.now() + (opts.storeTimeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const reason = failure.params?.reason ?? failure.code;
    const platform = failure.params?.platform;
    const lost = (why: string) =>
      new HelperError('key-not-stored', { params: { reason: why, ...(platform ? { platform } : {}) } });
    const remaining = deadline - ctx.clock.now();
    if (remaining <= 0) throw lost(reason);
    if (opts.giveUp?.aborted) throw lost(`given up: ${reason}`);
    const wait = Math.min(base * 2 ** Math.min(attempt - 1, 10), MAX_STORE_RETRY_MS, remaining);
    flow.to('storing', { transient: failure.toJSON(), nextPollInMs: wait, polls: attempt });
    if (await waitForRetry(ctx, wait, opts)) throw lost(`given up: ${reason}`);
  }
}

/**
 * Waits on the clock for the next storing attempt, ended early by "Retry now" (`opts.now`) or a give-up
 * (one signal for both); true when the user gave up. Without a trigger (the CLI) it simply waits.
 */
async function waitForRetry(ctx: FlowContext, ms: number, opts: FlowOptions): Promise<boolean> {
  try {
    await sleepOrCancel(ctx.clock, ms, opts.giveUp, opts.now);
  } catch {
    // given up while waiting
  }
  return opts.giveUp?.aborted === true;
}

/** Stores the key, records the registration, removes the pending entry, checks the key. */
export async function acceptKey(
  run: Run,
  pending: PendingRegistration,
  answer: { apiKey: string; grantedScopes?: string[] },
  server: ServerRef,
): Promise<RegistrationRecord> {
  const { ctx, flow, log } = run;
  const key = answer.apiKey;
  registerSecret(key);
  const answeredAt = performance.now();
  // The first attempt starts before anything else, even before the event that announces it.
  const first = ctx.deps.vault.store(pending.account, key);
  first.catch(() => {}); // handled in storeUntilStored
  flow.to('storing');
  await storeUntilStored(run, pending.account, key, first);
  log.info('key stored in the keychain', {
    fingerprint: fingerprint(key),
    msAfterAnswer: Math.round(performance.now() - answeredAt),
  });
  const record = recordOf(pending, server, key, {
    grantedScopes: answer.grantedScopes ?? [],
    registeredAt: new Date(ctx.clock.now()).toISOString(),
  });
  return finish(run, pending, record, key);
}

/** The record of a registration whose key is stored (not checked yet). */
export function recordOf(
  pending: PendingRegistration,
  server: ServerRef,
  key: string,
  known: Pick<RegistrationRecord, 'grantedScopes' | 'registeredAt'>,
): RegistrationRecord {
  return {
    account: pending.account,
    appId: pending.appId,
    displayName: pending.displayName,
    appVersion: pending.appVersion,
    server,
    requestId: pending.requestId,
    ...known,
    lastVerifiedAt: null,
    lastVerifyResult: null,
    fingerprint: fingerprint(key),
    ...(pending.instance ? { instance: pending.instance } : {}),
  };
}

/** Records a stored key's registration, ends the pending entry and checks the key (best effort). */
export async function finish(
  { ctx, flow, client, opts, log }: Run,
  pending: PendingRegistration,
  stored: RegistrationRecord,
  key: string,
): Promise<RegistrationRecord> {
  let record = stored;
  const { metadata } = ctx.deps;
  // How the server is reached goes beside the key, so that no rebuild can turn https into http.
  try {
    await ctx.deps.vault.saveConnection(record.account, connectionEntry(record.server));
  } catch (err) {
    log.warn('the connection entry could not be saved; it is confirmed before the key is sent', {
      error: err,
    });
  }
  // A service app's copy, right after the keychain: a rotation replaces it; an app that no longer
  // runs as a service (a new manifest) leaves none behind.
  if (pending.serviceAccount) {
    record = {
      ...record,
      serviceKey: await keepServiceCopy(ctx, record, pending.serviceAccount, key, log),
    };
  } else {
    await removeServiceCopy(ctx, record.account, log);
  }
  try {
    metadata.upsert(record);
  } catch (err) {
    // The key is safe in the keychain; the metadata is rebuilt from it on the next start.
    log.warn('metadata could not be saved; it will be rebuilt from the keychain', { error: err });
  }
  // A leftover entry is harmless: the next resume gets 410, finds this key working and ends it.
  await endPending(ctx, pending.account, log);
  flow.to('verifying');
  let result: RegistrationRecord['lastVerifyResult'] = null;
  if (!opts.signal?.aborted) {
    try {
      result = await verifyKey(client, key, record, opts.signal);
    } catch (err) {
      log.warn('the new key could not be checked', { error: asHelperError(err).toJSON() });
    }
  }
  const checked: RegistrationRecord = {
    ...record,
    lastVerifyResult: result,
    lastVerifiedAt: result && result !== 'unreachable' ? new Date(ctx.clock.now()).toISOString() : null,
  };
  if (result) {
    try {
      metadata.patch(record.account, {
        lastVerifyResult: checked.lastVerifyResult,
        lastVerifiedAt: checked.lastVerifiedAt,
      });
    } catch (err) {
      log.warn('verify result could not be saved', { error: err });
    }
  }
  flow.to('accepted', { record: checked });
  return checked;
}
