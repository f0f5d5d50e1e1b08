// Waiting until the app was removed in Wawi (rotate, revoke): the old key gets 401, or (when allowed)
// the merchant confirms. Transient problems are retried; the wait ends at the flow's deadline.
import type { RegistrationRecord } from '../../../shared/registration';
import { HelperError } from '../errors';
import type { WawiApi } from '../wawi/client';
import type { FlowContext } from './context';
import type { Flow, FlowOptions } from './flow';
import { sleepOrCancel, timedOut } from './timing';
import { verifyKey } from './verify';

/** Removal checks over consented plain http when the merchant can't confirm the removal. */
const SPARSE_REMOVAL_POLL_MS = 30_000;

export interface RemovalOptions extends FlowOptions {
  /** Resolves when the merchant says the app was removed in Wawi. */
  confirmation?: Promise<void>;
  /** False: a confirmation only makes the wait check at once (revoke deletes only after a 401). */
  confirmationEnds?: boolean;
}

export async function awaitRemoval(
  ctx: FlowContext,
  flow: Flow,
  client: WawiApi,
  record: RegistrationRecord,
  key: string,
  opts: RemovalOptions,
): Promise<'dead' | 'confirmed'> {
  let confirmed = false;
  void opts.confirmation?.then(() => {
    confirmed = true;
  });
  const ends = opts.confirmationEnds !== false;
  // Over consented plain http the key travels readable by the network on every check: it is sent
  // only once the merchant says the app was removed, or (without a way to say so) every 30 s.
  const sparse = record.server.insecureHttp === true;
  const base = ctx.timings.removalPollIntervalMs;
  const interval = sparse && !opts.confirmation ? Math.max(base, SPARSE_REMOVAL_POLL_MS) : base;
  // What the last check that was made found: only a key seen working "still works".
  let lastSeen: 'works' | 'unreachable' | undefined;
  for (;;) {
    if (confirmed && ends) return 'confirmed';
    const check = !sparse || !opts.confirmation || confirmed;
    const result = check ? await verifyKey(client, key, record, opts.signal) : 'works';
    if (check) lastSeen = result === 'unreachable' ? 'unreachable' : 'works';
    if (result === 'rejected') {
      flow.to('awaiting-removal', { oldKeyDead: true });
      return 'dead';
    }
    if (confirmed && ends) return 'confirmed';
    const remaining = flow.remaining();
    if (remaining <= 0)
      throw timedOut(flow.timeoutMs, lastSeen === 'works' ? 'removal' : 'removal-unanswered');
    flow.to('awaiting-removal', {
      oldKeyDead: false,
      ...(check ? { nextPollInMs: interval } : {}),
      ...(result === 'unreachable'
        ? {
            transient: new HelperError('unreachable', {
              params: { address: record.server.baseUrl },
            }).toJSON(),
          }
        : {}),
    });
    const sleep = sleepOrCancel(ctx.clock, Math.min(interval, remaining), opts.signal);
    await (opts.confirmation && !confirmed ? Promise.race([opts.confirmation, sleep]) : sleep);
    if (opts.signal?.aborted) throw new HelperError('cancelled');
  }
}
