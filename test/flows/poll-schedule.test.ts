// How often a waiting request is polled, on a fake clock: every second while the merchant is likely at
// Wawi, lighter later, so a whole 15-minute wait costs the server a few hundred requests; "I have
// accepted" asks at once at any time and claims nothing itself. The fake's random bytes are fixed, so
// every jittered wait is known (J).
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMINGS, jitter, pollInterval, Trigger } from '../../main/core/flows/timing';
import { FlowControl, HelperError, parseWawiAddress } from '../../main/core/index';
import type { FlowEvent } from '../../shared/registration';
import { fakeService, ScriptedWawi } from '../helpers/fakes';
import { demoManifestSync } from '../helpers/manifest';

const SERVER = parseWawiAddress('http://127.0.0.1:5883/api/eazybusiness');
const STATUS = 'GET authentication/{id}';
const MIN = 60_000;
/** An interval as the fake's random bytes jitter it (0x80: a hair above the middle). */
const J = (ms: number) => jitter(ms, (n) => new Uint8Array(n).fill(0x80));

describe('polling a waiting request', () => {
  it('a whole 15-minute wait sends at most 300 status requests: 1 s for 3 min, then 5 s, then 12 s', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock } = fakeService(wawi);
    const err = (await clock
      .run(core.register(demoManifestSync(), SERVER))
      .catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('timed-out');
    const polls = wawi.requests.filter((r) => r === STATUS).length;
    expect(polls).toBeLessThanOrEqual(300);
    const [first, later, latest] = [1000, 5000, 12_000].map(J) as [number, number, number];
    const waited = 180 * first + 36 * later + 44 * latest;
    expect(clock.waits).toEqual([
      ...Array(180).fill(first),
      ...Array(36).fill(later),
      ...Array(44).fill(latest),
      15 * MIN - waited,
    ]);
    expect(polls).toBe(261);
  });

  it('the interval never drops below the first one (tests and slow set-ups keep theirs)', () => {
    const slow = { ...DEFAULT_TIMINGS, pollIntervalMs: 8000 };
    expect(pollInterval(0, slow)).toBe(8000);
    expect(pollInterval(4 * MIN, slow)).toBe(8000);
    expect(pollInterval(10 * MIN, slow)).toBe(12_000);
  });

  for (const [at, within] of [
    [10_000, 1000],
    [MIN, 1000],
    [3 * MIN - 500, 1000],
    [5 * MIN, 5000],
    [14 * MIN, 12_000],
  ] as const) {
    it(`an acceptance at ${at / 1000} s is collected within ${within / 1000} s`, async () => {
      const { delay } = await acceptAt(at);
      expect(delay).toBeLessThanOrEqual(within);
    });
  }

  it('"I have accepted" asks at once, also late in the wait; nothing else changes', async () => {
    const { delay, requestsAfter } = await acceptAt(14 * MIN, { now: true });
    expect(delay).toBe(0);
    // One status request (the accepted answer), then the key check.
    expect(requestsAfter).toEqual([STATUS, 'GET companies']);
  });

  it('"I have accepted" before Wawi has it claims nothing: the answer is still pending, the wait goes on', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock } = fakeService(wawi);
    const now = new Trigger();
    const run = core.register(demoManifestSync(), SERVER, { now, timeoutMs: 10 * MIN });
    await clock.advance(7 * MIN);
    const before = wawi.requests.length;
    now.fire();
    await clock.advance(0);
    expect(wawi.requests.slice(before)).toEqual([STATUS]);
    // The wait goes on at its interval, with no listener left behind by the waits so far.
    expect(now.listening).toBe(1);
    wawi.polls = ['accepted'];
    const record = await clock.run(run);
    expect(record.lastVerifyResult).toBe('works');
  });

  it('a backoff after a server fault is kept: "I have accepted" does not break Retry-After', async () => {
    const busy = new HelperError('server-error', { status: 503, retryAfterMs: 30_000 });
    const wawi = new ScriptedWawi({ polls: [busy, 'accepted'] });
    const { core, clock } = fakeService(wawi);
    const now = new Trigger();
    const run = core.register(demoManifestSync(), SERVER, { now });
    await clock.advance(1000);
    now.fire();
    await clock.run(run);
    console.log(JSON.stringify(clock.waits.slice(170, 190)), JSON.stringify(clock.waits.slice(-4)));
    expect(clock.waits).toEqual([30_000]);
  });

  it('"keep waiting" before the wait runs out gives a full timeout from then, told in an event', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock } = fakeService(wawi);
    const control = new FlowControl();
    const events: FlowEvent[] = [];
    const run = core.register(demoManifestSync(), SERVER, {
      ...control.options((e) => events.push(e)),
      timeoutMs: 10 * MIN,
    });
    await clock.advance(9 * MIN);
    expect(events.at(-1)!.remainingMs).toBeLessThan(2 * MIN);
    control.keepWaiting();
    expect(events.at(-1)!.remainingMs).toBe(10 * MIN);
    // Past the first deadline the request is still asked for; accepted at 18 min, it is collected.
    await clock.advance(9 * MIN);
    wawi.polls = ['accepted'];
    const record = await clock.run(run);
    expect(record.lastVerifyResult).toBe('works');
  });

  it('without "keep waiting" the wait ends at its deadline', async () => {
    const { core, clock } = fakeService(new ScriptedWawi({ polls: ['pending'] }));
    const began = clock.now();
    const err = (await clock
      .run(core.register(demoManifestSync(), SERVER, { timeoutMs: 10 * MIN }))
      .catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('timed-out');
    expect(clock.now() - began).toBe(10 * MIN);
  });

  it('a cancel through FlowControl ends the wait and keeps the request; the give-up is not touched', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock } = fakeService(wawi);
    const control = new FlowControl();
    const options = control.options();
    const run = core.register(demoManifestSync(), SERVER, options);
    await clock.advance(5000);
    expect(control.cancelLosesKey()).toBe(false);
    control.cancel();
    const err = (await clock.run(run).catch((e: unknown) => e)) as HelperError;
    expect(err.code).toBe('cancelled');
    expect(options.giveUp?.aborted).toBe(false);
    expect(await core.pending()).toHaveLength(1);
  });
});

describe('several waiting registrations', () => {
  /** `n` registrations waiting at once on each server (distinct apps), for one minute; the status requests per server. */
  async function waitAtOnce(n: number, servers: string[]) {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const asked = new Map<string, number>();
    const { core, clock } = fakeService(wawi, {
      ports: {
        connect: (server) => {
          const count = () => asked.set(server.baseUrl, (asked.get(server.baseUrl) ?? 0) + 1);
          return Object.assign(Object.create(wawi), {
            getRegistration: (...a: Parameters<typeof wawi.getRegistration>) => {
              count();
              return wawi.getRegistration(...a);
            },
          });
        },
      },
    });
    const runs = servers.flatMap((url) =>
      Array.from({ length: n }, (_, i) =>
        core.register({ ...demoManifestSync(), AppId: `BenchApp${i}/v1` }, parseWawiAddress(url), {
          timeoutMs: MIN,
        }),
      ),
    );
    const ended = await clock.run(Promise.allSettled(runs));
    expect(ended.map((r) => (r.status === 'rejected' ? (r.reason as HelperError).code : 'ok'))).toEqual(
      Array(runs.length).fill('timed-out'),
    );
    return servers.map((url) => asked.get(parseWawiAddress(url).baseUrl) ?? 0);
  }

  it('ten on one server ask it no more often than one does: the budget is per server', async () => {
    const [one] = await waitAtOnce(1, ['http://127.0.0.1:5883/api/eazybusiness']);
    const [ten] = await waitAtOnce(10, ['http://127.0.0.1:5883/api/eazybusiness']);
    expect(one).toBe(60);
    expect(ten).toBeLessThanOrEqual(one!);
    // Each of the ten is still asked, in turn.
    expect(ten).toBeGreaterThanOrEqual(50);
  });

  it('one alone keeps its own jittered interval: the server budget never lengthens its wait', async () => {
    // Jitter drawn low, high, low, …: 800 ms, 1200 ms, … (a mean of 1 s).
    let high = false;
    const random = (n: number) => {
      high = !high;
      return new Uint8Array(n).fill(high ? 0xff : 0x00);
    };
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock } = fakeService(wawi, { ports: { random } });
    const run = core.register(demoManifestSync(), SERVER, { timeoutMs: MIN });
    await clock.run(run).catch(() => undefined);
    // As many status requests as one a second: not one every 1.2 s (the longer of two draws).
    expect(wawi.requests.filter((r) => r === 'GET authentication/{id}').length).toBeGreaterThanOrEqual(59);
    expect(clock.waits.filter((w) => w === 800).length).toBeGreaterThan(20);
  });

  it('a timer that fires a millisecond early at the deadline sends no request after it', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock } = fakeService(wawi);
    const sleep = clock.sleep.bind(clock);
    clock.sleep = (ms, signal) => sleep(Math.max(0, ms - 1), signal);
    const ended = await clock
      .run(core.register(demoManifestSync(), SERVER, { timeoutMs: 10_000 }))
      .catch((e: HelperError) => e);
    expect((ended as HelperError).code).toBe('timed-out');
    // One at once, then one a second (1001 ms with the fixed jitter, 1 ms early): 10 in 10 s, none at the end.
    expect(wawi.requests.filter((r) => r === 'GET authentication/{id}')).toHaveLength(10);
  });

  it('two servers each keep their own budget; two Mandanten of one server share one', async () => {
    const [a, b] = await waitAtOnce(3, [
      'http://127.0.0.1:5883/api/eazybusiness',
      'http://127.0.0.2:5883/api/eazybusiness',
    ]);
    expect(a).toBeGreaterThanOrEqual(50);
    expect(b).toBeGreaterThanOrEqual(50);
    const [x, y] = await waitAtOnce(3, [
      'http://127.0.0.1:5883/api/eazybusiness',
      'http://127.0.0.1:5883/api/Mandant_2',
    ]);
    expect(x! + y!).toBeLessThanOrEqual(60);
  });
});

/** Starts a registration, lets the merchant accept at `at` ms, and measures when the key was collected. */
async function acceptAt(at: number, opts: { now?: boolean } = {}) {
  const wawi = new ScriptedWawi({ polls: ['pending'] });
  const { core, clock } = fakeService(wawi);
  const now = new Trigger();
  const start = clock.now();
  const run = core.register(demoManifestSync(), SERVER, { now });
  await clock.advance(at);
  wawi.polls = ['accepted'];
  const before = wawi.requests.length;
  if (opts.now) now.fire();
  const record = await clock.run(run);
  return {
    delay: Date.parse(record.registeredAt ?? '') - (start + at),
    requestsAfter: wawi.requests.slice(before),
  };
}
