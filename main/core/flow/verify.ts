// Checks a key with GET /companies and says what that means for the registration.
import type { VerifyResult } from '../../../shared/registration';
import { asHelperError } from '../errors';
import type { WawiClient } from '../wawi-client';
import { step } from './timing';

export async function verifyKey(
  client: WawiClient,
  key: string,
  app: { appId: string; appVersion: string },
  signal?: AbortSignal,
): Promise<VerifyResult> {
  try {
    await step(signal, () => client.companies(key, app.appId, app.appVersion, signal));
    return 'works';
  } catch (err) {
    const e = asHelperError(err);
    if (e.code === 'unauthorized') return 'rejected';
    if (e.code === 'missing-scope') return 'missing-scope';
    // An untrusted or changed certificate is not "unreachable": it is reported as itself.
    if (e.code === 'unreachable' || e.code === 'server-error' || e.code === 'bad-response')
      return 'unreachable';
    throw e;
  }
}
