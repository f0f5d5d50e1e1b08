// Polls a sent request until Wawi decides. The pending entry ends only on a final answer: accepted
// (and the key stored), rejected, 404 (the request is gone) or 410 (the key was handed out). Cancel,
// timeout and server faults end the flow but leave the entry, so the key can still be collected.
import { isTransient } from '../../../shared/errors/meta';
import type { PendingRegistration, RegistrationRecord, ServerRef } from '../../../shared/registration';
import { asHelperError, HelperError } from '../errors';
import type { RegistrationStatus } from '../wawi/client';
import { acceptKey, finish, recordOf } from './accept';
import { endPending } from './entry';
import { serverOf } from './pacer';
import type { Run } from './run';
import { backoff, jitter, pollInterval, sleepOrCancel, timedOut } from './timing';
import { verifyKey } from './verify';

export async function poll(
  run: Run,
  pending: PendingRegistration & { requestId: string },
  server: ServerRef,
): Promise<RegistrationRecord> {
  const { ctx, flow, client, opts, log } = run;
  const { timeoutMs } = flow;
  const { clock, pacer } = ctx;
  // The poll interval grows with this wait (a resumed request: from the resume, when someone is there).
  const began = clock.now();
  const target = serverOf(server.baseUrl);
  let failures = 0;
  let polls = 0;
  /** When the last status request went out: the interval counts from there, not from its answer. */
  let sentAt = clock.now();
  /** The next poll's time on the server's shared schedule (./pacer.ts): the first one at once. */
  const nextSlot = () => {
    const interval = jitter(pollInterval(clock.now() - began, ctx.timings), ctx.random);
    const earliest = polls ? Math.max(clock.now(), sentAt + interval) : clock.now();
    return pacer.slot(target, pending.account, earliest, interval);
  };
  let nextAt = nextSlot();
  for (;;) {
    const remaining = flow.deadline - clock.now();
    if (remaining <= 0) throw timedOut(timeoutMs);
    const wait = nextAt - clock.now();
    // "I have accepted" (opts.now) ends a regular wait at once; a backoff after a fault stays.
    if (wait > 0) {
      const sleptFrom = clock.now();
      await sleepOrCancel(clock, Math.min(wait, remaining), opts.signal, failures ? undefined : opts.now);
      // Slept until the deadline, not woken by "I have accepted": nothing more is asked. A timer may
      // fire a millisecond early, so the clock is not trusted to have passed the deadline.
      if (wait >= remaining && polls > 0 && clock.now() - sleptFrom >= remaining - TIMER_SLACK_MS)
        throw timedOut(timeoutMs);
    }
    if (clock.now() >= flow.deadline && polls > 0) continue;
    let status: RegistrationStatus;
    sentAt = clock.now();
    try {
      // A poll in flight is bounded by the deadline too: a hanging server does not stretch the timeout.
      status = await flow.within(opts.signal, (s) =>
        client.getRegistration(pending.requestId, pending.challengeCode, s),
      );
      polls += 1;
      failures = 0;
    } catch (err) {
      const e = asHelperError(err);
      if (e.code === 'already-handed-out') return handedOut(run, pending, server, e);
      if (e.code === 'request-not-found') {
        await endPending(ctx, pending.account, log);
        throw e;
      }
      if (!isTransient(e.code)) throw e;
      polls += 1;
      failures += 1;
      const delay = backoff(failures, e, ctx.timings.backoffBaseMs);
      nextAt = clock.now() + delay;
      log.warn('poll failed; retrying', { error: e.toJSON(), retryInMs: delay });
      flow.to('waiting', { polls, nextPollInMs: delay, transient: e.toJSON() });
      continue;
    }
    if (status.status === 0) {
      nextAt = nextSlot();
      flow.to('waiting', { polls, nextPollInMs: nextAt - clock.now() });
      continue;
    }
    if (status.status === 1) {
      log.info('registration rejected in Wawi');
      await endPending(ctx, pending.account, log);
      throw new HelperError('rejected');
    }
    return acceptKey(run, pending, { apiKey: status.apiKey!, grantedScopes: status.grantedScopes }, server);
  }
}

/** How early a timer may fire against the clock (real timers and Date.now() round differently). */
const TIMER_SLACK_MS = 5;

/**
 * 410: the key was handed out already. After a crash between storing the key and ending the entry,
 * the key is here: if it works, the registration is complete. Otherwise it is lost.
 */
/** After a 410 without the key here: how often, and how far apart, the keychain is asked again. */
const STORED_ELSEWHERE_CHECKS = 8;
const STORED_ELSEWHERE_MS = 250;

async function handedOut(
  run: Run,
  pending: PendingRegistration,
  server: ServerRef,
  err: HelperError,
): Promise<RegistrationRecord> {
  const { ctx, client, opts, log } = run;
  let key = await ctx.deps.vault.get(pending.account);
  // Another helper waiting for the same request may have got the key a moment ago and be storing it.
  for (let i = 0; !key && i < STORED_ELSEWHERE_CHECKS; i++) {
    await sleepOrCancel(ctx.clock, STORED_ELSEWHERE_MS, opts.signal);
    key = await ctx.deps.vault.get(pending.account);
  }
  if (key) {
    const result = await verifyKey(client, key, pending, opts.signal).catch(() => 'unreachable' as const);
    if (result === 'works' || result === 'missing-scope') {
      log.info('the key handed out for this request is already stored here and works');
      const known = (await ctx.deps.metadata.load()).registrations.find((r) => r.account === pending.account);
      const record = recordOf(pending, server, key, {
        grantedScopes: known?.grantedScopes ?? [],
        registeredAt: known?.registeredAt ?? pending.sentAt ?? pending.startedAt,
      });
      return finish(run, pending, record, key);
    }
    if (result === 'unreachable')
      throw new HelperError('unreachable', { params: { address: server.baseUrl } });
  }
  log.warn('the key was handed out before the helper could store it');
  await endPending(ctx, pending.account, log);
  throw err;
}
