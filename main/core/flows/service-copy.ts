// A service app's copy of its key (manifest ServiceAccount): written right after the keychain holds the
// key, replaced by a rotation, read back by a check, deleted with the registration. The keychain copy
// comes first and stays the one that counts: a copy that fails never fails the registration, it is
// reported (record.serviceKey) with what to do.
import type { RegistrationRecord } from '../../../shared/registration';
import { parseServiceAccount, type ServiceKey } from '../../../shared/service-account';
import type { Logger } from '../log/logger';
import { planServiceKey, serviceKeyFileName } from '../service-key/plan';
import { noServiceKeys, ServiceKeyError, type ServiceKeyStore } from '../service-key/store';
import { fingerprint } from '../store/vault';
import type { FlowContext } from './context';
import { sleepOrCancel } from './timing';

/** Attempts at writing a copy when PowerShell fails for no stated reason (a virus scanner's lock, say). */
const WRITE_ATTEMPTS = 3;

function storeOf(ctx: FlowContext): ServiceKeyStore {
  return ctx.deps.serviceKeys ?? noServiceKeys(process.platform);
}

/** The account as Windows names it ("LocalSystem" → "NT AUTHORITY\SYSTEM"). */
function accountName(serviceAccount: string): string {
  const parsed = parseServiceAccount(serviceAccount);
  return 'error' in parsed ? serviceAccount : parsed.name;
}

function pathOf(store: ServiceKeyStore, account: string): string {
  return `${store.dir}\\${serviceKeyFileName(account)}`;
}

/**
 * Writes (or replaces) the copy of `key` for the service account and reads it back; what became of it.
 * Retried on the flow's clock when it failed for no stated reason; a refusal is final.
 */
export async function keepServiceCopy(
  ctx: FlowContext,
  record: Pick<RegistrationRecord, 'account' | 'appId' | 'server'>,
  serviceAccount: string,
  key: string,
  log: Logger,
): Promise<ServiceKey> {
  const store = storeOf(ctx);
  const name = accountName(serviceAccount);
  let plan: ReturnType<typeof planServiceKey>;
  try {
    plan = planServiceKey(
      serviceAccount,
      { account: record.account, appId: record.appId, ...record.server },
      fingerprint(key),
      new Date(ctx.clock.now()).toISOString(),
    );
  } catch (err) {
    // A pending entry's account no manifest check would pass (an older helper's rules): the key is
    // stored all the same, the copy is reported as not made.
    log.warn('the service copy of the key could not be planned', { detail: String(err) });
    return { account: name, state: 'failed' };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await store.write(plan, key);
      const back = await store.read(record.account);
      const state = !back ? 'missing' : back.key === key ? 'stored' : 'differs';
      log.info('the service copy of the key was written', { serviceAccount: name, state });
      return { account: name, state, path: pathOf(store, record.account) };
    } catch (err) {
      const e = err instanceof ServiceKeyError ? err : new ServiceKeyError('failed', String(err));
      const final = e.state !== 'failed' || attempt >= WRITE_ATTEMPTS;
      (final ? log.warn : log.info).call(log, 'the service copy of the key could not be written', {
        serviceAccount: name,
        state: e.state,
        detail: e.detail,
        attempt,
      });
      if (final) return { account: name, state: e.state, ...(store.supported ? { path: store.dir } : {}) };
      await sleepOrCancel(ctx.clock, ctx.timings.storeRetryBaseMs * 2 ** (attempt - 1));
    }
  }
}

/**
 * Reads a registration's copy back (a key check): the same key is `stored`; a missing or other one is
 * written again from the keychain. Undefined for a registration without a service account.
 */
export async function checkServiceCopy(
  ctx: FlowContext,
  record: RegistrationRecord,
  key: string,
  log: Logger,
): Promise<ServiceKey | undefined> {
  const store = storeOf(ctx);
  // Most registrations have no copy: they are not asked about it (on Windows a read starts PowerShell).
  if (!record.serviceKey && !store.exists(record.account)) return undefined;
  let found: Awaited<ReturnType<ServiceKeyStore['read']>> = null;
  try {
    found = await store.read(record.account);
  } catch (err) {
    const detail = err instanceof ServiceKeyError ? err.detail : String(err);
    log.warn('the service copy of the key could not be read', { detail });
  }
  // The account the copy was written for: from the record, else (metadata rebuilt) from the copy.
  const serviceAccount = record.serviceKey?.account ?? found?.header.serviceAccount;
  if (!serviceAccount) return undefined;
  if (found && found.key === key && found.header.serviceAccount === accountName(serviceAccount)) {
    return { account: found.header.serviceAccount, state: 'stored', path: pathOf(store, record.account) };
  }
  if (store.supported)
    log.warn('the service copy of the key was missing or held another key; it is written again', {
      found: found ? 'another key' : 'none',
    });
  return keepServiceCopy(ctx, record, serviceAccount, key, log);
}

/** Deletes a registration's copy, if there is one (revoke, forget, a manifest without ServiceAccount). */
export async function removeServiceCopy(ctx: FlowContext, account: string, log: Logger): Promise<void> {
  const store = storeOf(ctx);
  if (!store.exists(account)) return;
  try {
    if (await store.remove(account)) log.info('the service copy of the key was deleted', { account });
  } catch (err) {
    const detail = err instanceof ServiceKeyError ? err.detail : String(err);
    log.warn('the service copy of the key could not be deleted', { account, detail });
  }
}
