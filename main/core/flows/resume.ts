// Going on with a pending registration (same request, same challenge code): after a stop, a crash, or
// when the same app is registered on the same server again. Entries without a request id can't be
// polled: their error says what to do (reject it in Wawi, then discard it here).
import type { PendingRegistration, RegistrationRecord } from '../../../shared/registration';
import { asHelperError, type HelperError } from '../errors';
import { parseWawiAddress } from '../wawi/address';
import { serverRef } from '../wawi/connection';
import type { FlowContext } from './context';
import { kept, unconfirmed, withApp } from './entry';
import { Flow, type FlowOptions } from './flow';
import { poll } from './poll';

/** The pending entry of an account, if there is one. */
export async function findPending(
  ctx: FlowContext,
  account: string,
): Promise<PendingRegistration | undefined> {
  return (await ctx.deps.vault.listPending()).find((p) => p.account === account);
}

/** Goes on polling a pending registration in a flow of its own; the flow gets a full timeout from now. */
export function continuePending(
  ctx: FlowContext,
  pending: PendingRegistration,
  opts: FlowOptions = {},
): Promise<RegistrationRecord> {
  const startedAt = Date.parse(pending.startedAt);
  const flow = new Flow(
    {
      kind: pending.kind,
      initial: 'sending',
      app: pending,
      server: serverRef(parseWawiAddress(pending.baseUrl)),
      startedAt: Number.isNaN(startedAt) ? undefined : startedAt,
      // Going on with an entry, confirmed or not: nothing is sent here, so no "Sending" is told.
      extra: { resumedFrom: pending.startedAt },
    },
    ctx.clock,
    opts,
  );
  return pollPending(ctx, flow, pending, opts);
}

/** Polls a pending registration within a flow that is sending (a resume, or a rotation going on). */
export async function pollPending(
  ctx: FlowContext,
  flow: Flow,
  pending: PendingRegistration,
  opts: FlowOptions,
): Promise<RegistrationRecord> {
  const server = parseWawiAddress(pending.baseUrl);
  const log = ctx.deps.logger.child({ flow: 'resume', account: pending.account });
  try {
    const { requestId } = pending;
    if (!requestId) throw unconfirmed(pending);
    log.info('resuming a pending registration', { requestId });
    if (pending.sentAt) flow.carry({ sentAt: pending.sentAt });
    flow.to('waiting', { polls: 0, nextPollInMs: 0 });
    const client = ctx.connect(server, pending);
    const ref = serverRef(server, undefined, pending);
    return await poll({ ctx, flow, client, opts, log }, { ...pending, requestId }, ref);
  } catch (err) {
    const entry = pending.requestId ? 'confirmed' : 'unconfirmed';
    throw flow.end(kept(withApp(asHelperError(err), pending.appId), entry, pending.account));
  }
}

/**
 * Picks up every registration a closed or crashed helper left waiting, all at once: one slow server
 * does not hold up another.
 */
export async function resumeAll(
  ctx: FlowContext,
  opts: Omit<FlowOptions, 'flowId'> = {},
): Promise<{ pending: PendingRegistration; result?: RegistrationRecord; error?: HelperError }[]> {
  const all = await ctx.deps.vault.listPending();
  return Promise.all(
    all.map((pending) =>
      continuePending(ctx, pending, opts).then(
        (result) => ({ pending, result }),
        (err: unknown) => ({ pending, error: asHelperError(err) }),
      ),
    ),
  );
}
