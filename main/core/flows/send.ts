// Sends the registration request. The pending entry is written to the keychain before every attempt
// and gets the request id the moment the 201 arrives, so that no request can be waiting in Wawi
// without this computer knowing it. An attempt that certainly created nothing drops the entry again.
import { sentNothing } from '../../../shared/errors/meta';
import type { AppManifest } from '../../../shared/manifest';
import type { PendingRegistration } from '../../../shared/registration';
import { asHelperError, HelperError, withParams } from '../errors';
import { signedForSending } from '../signing/signature';
import { type EntryState, endPending } from './entry';
import type { FlowOptions } from './flow';
import type { Run } from './run';
import { type Clock, sleepOrCancel, timedOut } from './timing';

// Failures before a single byte reached the server: connecting failed, or the TLS handshake did.
const NOT_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|CONNECT_TIMEOUT/;

/** True when the server certainly did not create a request: it answered with an error, or was never reached. */
export function certainlyNotCreated(e: HelperError): boolean {
  if (e.status !== undefined && e.status >= 300) return true;
  if (sentNothing(e.code)) return true;
  return e.code === 'unreachable' && NOT_CONNECTED.test(e.params?.reason ?? '');
}

export async function sendRequest(
  {
    ctx,
    flow,
    client,
    opts,
    log,
  }: Run<FlowOptions & { waitForWindow?: boolean; replaceRegistered?: boolean }>,
  manifest: AppManifest,
  pending: PendingRegistration,
  entry: { state: EntryState },
): Promise<string> {
  const { vault } = ctx.deps;
  const { instanceOf } = pending;
  for (;;) {
    if (opts.signal?.aborted) throw new HelperError('cancelled');
    // A certified app is signed afresh for every attempt; when signing fails nothing goes to Wawi. A
    // further instance is asked for without a body, so without a signature.
    const wire = instanceOf
      ? undefined
      : await flow.within(opts.signal, (s) => signedForSending(manifest, ctx.sign, ctx.clock.now(), s));
    await vault.savePending(pending);
    entry.state = 'unconfirmed';
    let requestId: string;
    try {
      // A cancel lets a request already on its way answer for a moment: its answer says whether it
      // exists in Wawi (then it is kept and said so), instead of leaving that unknown.
      ({ requestId } = await flow.within(
        afterGrace(opts.signal, ctx.clock),
        (s) =>
          instanceOf
            ? client.createInstance(instanceOf, pending.challengeCode, s)
            : client.createRegistration(wire!, pending.challengeCode, s),
        'sending',
      ));
    } catch (err) {
      let e = asHelperError(err);
      // 402 for a signed request: the signature (or the licence) was refused.
      if (e.code === 'licence-missing' && wire?.Signature) e = withParams(e, { variant: 'signed' });
      if (certainlyNotCreated(e) && (await endPending(ctx, pending.account, log))) entry.state = 'none';
      // Waiting for the dialog, and (replacing a registration) for the merchant to remove the old one.
      const waitable =
        e.code === 'no-registration-window' || (opts.replaceRegistered && e.code === 'already-registered');
      if (!opts.waitForWindow || !waitable) throw e;
      const wait = ctx.timings.removalPollIntervalMs;
      if (wait > flow.remaining()) throw timedOut(flow.timeoutMs);
      flow.to('sending', { nextPollInMs: wait, transient: e.toJSON() });
      await sleepOrCancel(ctx.clock, wait, opts.signal);
      continue;
    }
    // The request exists in Wawi now: its id goes into the keychain before anything else happens.
    pending.requestId = requestId;
    pending.sentAt = new Date(ctx.clock.now()).toISOString();
    try {
      await vault.savePending(pending);
      entry.state = 'confirmed';
    } catch (err) {
      // The keychain failed just now: the flow goes on with the id in memory, and storing the key
      // after acceptance waits for the keychain.
      log.error('the request id could not be added to the pending registration', { error: err });
    }
    return requestId;
  }
}

/** How long a registration request on its way may still answer after a cancel. */
export const CANCEL_GRACE_MS = 3000;

/** Aborts CANCEL_GRACE_MS after `signal` does (undefined: never). */
function afterGrace(signal: AbortSignal | undefined, clock: Clock): AbortSignal | undefined {
  if (!signal) return undefined;
  const grace = new AbortController();
  const start = () =>
    clock
      .timeout(CANCEL_GRACE_MS)
      .addEventListener('abort', () => grace.abort(signal.reason), { once: true });
  if (signal.aborted) start();
  else signal.addEventListener('abort', start, { once: true });
  return grace.signal;
}
