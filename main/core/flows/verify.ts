// Checks a key with GET /companies and says what that means for the registration; checks stored
// registrations and records the result.
import { verifyReport } from '../../../shared/errors/meta';
import type { RegistrationRecord, VerifyResult } from '../../../shared/registration';
import { asHelperError } from '../errors';
import type { WawiApi } from '../wawi/client';
import type { FlowContext } from './context';
import { reach } from './reach';
import { storedKey } from './stored';
import { step } from './timing';

export async function verifyKey(
  client: WawiApi,
  key: string,
  app: { appId: string; appVersion: string },
  signal?: AbortSignal,
): Promise<VerifyResult> {
  try {
    await step(signal, () => client.companies(key, app.appId, app.appVersion, signal));
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
  const { client } = await reach(ctx, record, signal);
  const result = await verifyKey(client, key, record, signal).catch((err: unknown) => {
    const e = asHelperError(err);
    // Both fingerprints go to the log (never a key): a renewed certificate or an impostor.
    if (e.code === 'certificate-changed')
      ctx.deps.logger.warn(
        'the server presented another certificate than the one trusted; nothing was sent',
        {
          account,
          expected: e.params?.expected,
          presented: e.params?.fingerprint,
        },
      );
    throw e;
  });
  const changes: Partial<RegistrationRecord> = { lastVerifyResult: result };
  if (result !== 'unreachable') changes.lastVerifiedAt = new Date(ctx.clock.now()).toISOString();
  try {
    ctx.deps.metadata.patch(account, changes);
  } catch (err) {
    ctx.deps.logger.warn('verify result could not be saved', { error: err });
  }
  return { record: { ...record, ...changes }, result };
}

/** The registrations on this computer, each checked when asked (one that can't be does not hide the rest). */
export async function listRegistrations(
  ctx: FlowContext,
  options: { verify?: boolean; signal?: AbortSignal } = {},
): Promise<RegistrationRecord[]> {
  const { registrations } = await ctx.deps.metadata.load();
  if (!options.verify) return registrations;
  return Promise.all(
    registrations.map((r) =>
      verifyRegistration(ctx, r.account, options.signal).then(
        (v) => v.record,
        (err: unknown) => {
          const e = asHelperError(err);
          ctx.deps.logger.warn('a registration could not be checked', {
            account: r.account,
            error: e.toJSON(),
          });
          // A possible impostor is said as such, not hidden as an unreachable server.
          const result: VerifyResult =
            e.code === 'certificate-changed' ? 'certificate-changed' : 'unreachable';
          return { ...r, lastVerifyResult: result };
        },
      ),
    ),
  );
}
