// Checks a key with a read endpoint the app may use and says what that means for the registration;
// checks stored registrations and records the result.
import { verifyReport } from '../../../shared/errors/meta';
import type { RegistrationRecord, VerifyResult } from '../../../shared/registration';
import { keyCheckPath } from '../../../shared/scopes';
import { asHelperError, notRegistered } from '../errors';
import type { WawiApi } from '../wawi/client';
import type { FlowContext } from './context';
import { reach } from './reach';
import { checkServiceCopy } from './service-copy';
import { storedKey } from './stored';
import { step } from './timing';

/**
 * Checks a key where the app may read (a read endpoint its granted scopes allow, /companies when none
 * is known): "works", "missing-scope" (it may read nothing the helper can check with), "rejected", …
 */
export async function verifyKey(
  client: WawiApi,
  key: string,
  app: { appId: string; appVersion: string; grantedScopes?: readonly string[] },
  signal?: AbortSignal,
): Promise<VerifyResult> {
  try {
    const path = keyCheckPath(app.grantedScopes ?? []);
    await step(signal, () => client.checkKey(key, app, path, signal));
    return 'works';
  } catch (err) {
    const e = asHelperError(err);
    // An untrusted or changed certificate is not "unreachable": it is reported as itself.
    const report = verifyReport(e.code);
    if (report) return report;
    throw e;
  }
}

/** Checks a stored key with GET /companies and records the result. */
export async function verifyRegistration(
  ctx: FlowContext,
  account: string,
  signal?: AbortSignal,
): Promise<{ record: RegistrationRecord; result: VerifyResult }> {
  const { record, key } = await storedKey(ctx, account);
  const { changes, result } = await checkStored(ctx, record, key, signal);
  try {
    ctx.deps.metadata.patch(account, changes);
  } catch (err) {
    ctx.deps.logger.warn('verify result could not be saved', { error: err });
  }
  return { record: { ...record, ...changes }, result };
}

/** Checks one registration's key; what to record about it (not written yet). */
async function checkStored(
  ctx: FlowContext,
  record: RegistrationRecord,
  key: string,
  signal?: AbortSignal,
): Promise<{ changes: Partial<RegistrationRecord>; result: VerifyResult }> {
  // The service's copy first: it needs no server, and is repaired from the keychain when it went astray.
  const serviceKey = await checkServiceCopy(ctx, record, key, ctx.deps.logger);
  const { client } = await reach(ctx, record, signal);
  const result = await verifyKey(client, key, record, signal).catch((err: unknown) => {
    const e = asHelperError(err);
    // Both fingerprints go to the log (never a key): a renewed certificate or an impostor.
    if (e.code === 'certificate-changed')
      ctx.deps.logger.warn(
        'the server presented another certificate than the one trusted; nothing was sent',
        {
          account: record.account,
          expected: e.params?.expected ?? 'a certificate the OS trusts',
          presented: e.params?.fingerprint,
        },
      );
    throw e;
  });
  const changes: Partial<RegistrationRecord> = {
    lastVerifyResult: result,
    ...(serviceKey ? { serviceKey } : {}),
  };
  if (result !== 'unreachable') changes.lastVerifiedAt = new Date(ctx.clock.now()).toISOString();
  return { changes, result };
}

/** How many registrations are checked at the same time. */
const CHECKS_AT_ONCE = 8;

/**
 * The registrations on this computer, each checked when asked (one that can't be does not hide the
 * rest). Costs grow with the number of registrations, not its square: the metadata and the keys are
 * read once, at most CHECKS_AT_ONCE checks run at a time, and the results are written once.
 */
export async function listRegistrations(
  ctx: FlowContext,
  options: { verify?: boolean; signal?: AbortSignal } = {},
): Promise<RegistrationRecord[]> {
  const { registrations } = await ctx.deps.metadata.load();
  if (!options.verify) return registrations;
  const keys = await ctx.deps.vault.keys();
  const changes = new Map<string, Partial<RegistrationRecord>>();
  const checked = await inBatches(registrations, CHECKS_AT_ONCE, async (r) => {
    const key = keys.get(r.account);
    try {
      if (!key) throw notRegistered(r.account);
      const { changes: c } = await checkStored(ctx, r, key, options.signal);
      changes.set(r.account, c);
      return { ...r, ...c };
    } catch (err) {
      const e = asHelperError(err);
      ctx.deps.logger.warn('a registration could not be checked', { account: r.account, error: e.toJSON() });
      // A possible impostor is said as such, not hidden as an unreachable server.
      const result: VerifyResult = e.code === 'certificate-changed' ? 'certificate-changed' : 'unreachable';
      return { ...r, lastVerifyResult: result };
    }
  });
  try {
    ctx.deps.metadata.patchAll(changes);
  } catch (err) {
    ctx.deps.logger.warn('verify results could not be saved', { error: err });
  }
  return checked;
}

/** Maps `items` with at most `limit` calls of `fn` running at a time; results in the items' order. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
