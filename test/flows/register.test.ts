// Registration flows on a fake clock: each row scripts what Wawi answers and the keychain does, and
// checks the outcome, every wait the flow made and every request it sent. No real time passes.
import { describe, expect, it } from 'vitest';
import { CANCEL_GRACE_MS } from '../../main/core/flows/send';
import { jitter } from '../../main/core/flows/timing';
import { HelperError, parseWawiAddress } from '../../main/core/index';
import type { FlowEvent } from '../../shared/registration';
import { fakeService, RefusingKeychain, ScriptedWawi } from '../helpers/fakes';
import { demoManifestSync } from '../helpers/manifest';

const SERVER = parseWawiAddress('http://127.0.0.1:5883/api/eazybusiness');
const POLL = jitter(1000, (n) => new Uint8Array(n).fill(0x80));
const unavailable = () => new HelperError('server-error', { status: 503 });
const noWindow = () => new HelperError('no-registration-window', { status: 403 });
const alreadyRegistered = () => new HelperError('already-registered', { status: 409 });
const gone = () => new HelperError('request-not-found', { status: 404 });

interface Row {
  name: string;
  posts?: ConstructorParameters<typeof ScriptedWawi>[0] extends infer S
    ? S extends { posts?: infer P }
      ? P
      : never
    : never;
  polls?: ConstructorParameters<typeof ScriptedWawi>[0] extends infer S
    ? S extends { polls?: infer P }
      ? P
      : never
    : never;
  refusals?: number;
  timeoutMs?: number;
  opts?: { waitForWindow?: boolean; replaceRegistered?: boolean };
  /** The error code the flow ends with; undefined: it registers. */
  fails?: string;
  waits: number[];
  requests: string[];
  /** The pending entry is left for a later resume. */
  kept?: boolean;
  states: string[];
}

const ROWS: Row[] = [
  {
    name: 'accepted after two pending polls',
    polls: ['pending', 'pending', 'accepted'],
    waits: [POLL, POLL],
    requests: [
      'GET info',
      'POST authentication',
      ...Array(3).fill('GET authentication/{id}'),
      'GET companies',
    ],
    states: ['sending', 'waiting', 'waiting', 'waiting', 'storing', 'verifying', 'accepted'],
  },
  {
    name: 'rejected in Wawi: the entry ends',
    polls: ['pending', 'rejected'],
    fails: 'rejected',
    waits: [POLL],
    requests: ['GET info', 'POST authentication', 'GET authentication/{id}', 'GET authentication/{id}'],
    states: ['sending', 'waiting', 'waiting', 'rejected'],
  },
  {
    name: 'a server error is retried with backoff, then accepted',
    polls: [unavailable(), unavailable(), 'accepted'],
    waits: [2000, 4000],
    requests: [
      'GET info',
      'POST authentication',
      ...Array(3).fill('GET authentication/{id}'),
      'GET companies',
    ],
    states: ['sending', 'waiting', 'waiting', 'waiting', 'storing', 'verifying', 'accepted'],
  },
  {
    name: 'no decision within the timeout: timed out, the request kept',
    polls: ['pending'],
    timeoutMs: 3500,
    fails: 'timed-out',
    kept: true,
    waits: [POLL, POLL, POLL, 3500 - 3 * POLL],
    requests: ['GET info', 'POST authentication', ...Array(4).fill('GET authentication/{id}')],
    states: ['sending', 'waiting', 'waiting', 'waiting', 'waiting', 'waiting', 'timed-out'],
  },
  {
    name: '404: the request is gone, the entry ends',
    polls: [gone()],
    fails: 'request-not-found',
    waits: [],
    requests: ['GET info', 'POST authentication', 'GET authentication/{id}'],
    states: ['sending', 'waiting', 'failed'],
  },
  {
    name: '410 without a key here: handed out elsewhere, the entry ends (after 2 s for a helper storing it)',
    polls: [new HelperError('already-handed-out', { status: 410 })],
    fails: 'already-handed-out',
    waits: Array(8).fill(250),
    requests: ['GET info', 'POST authentication', 'GET authentication/{id}'],
    states: ['sending', 'waiting', 'failed'],
  },
  {
    name: 'the dialog is not open: fails at once, nothing kept',
    posts: [noWindow()],
    fails: 'no-registration-window',
    waits: [],
    requests: ['GET info', 'POST authentication'],
    states: ['sending', 'failed'],
  },
  {
    name: 'waiting for the dialog: sent again every 2 s until it is open',
    posts: [noWindow(), noWindow(), 'created'],
    opts: { waitForWindow: true },
    waits: [2000, 2000],
    requests: [
      'GET info',
      ...Array(3).fill('POST authentication'),
      'GET authentication/{id}',
      'GET companies',
    ],
    states: ['sending', 'sending', 'sending', 'waiting', 'storing', 'verifying', 'accepted'],
  },
  {
    name: 'registered in Wawi already (409) while waiting for the dialog: fails, nothing kept',
    posts: [alreadyRegistered()],
    opts: { waitForWindow: true },
    fails: 'already-registered',
    waits: [],
    requests: ['GET info', 'POST authentication'],
    states: ['sending', 'failed'],
  },
  {
    name: 'replacing a registration: 409 until it is removed in Wawi, 403 until the dialog waits, then sent',
    posts: [alreadyRegistered(), alreadyRegistered(), noWindow(), 'created'],
    opts: { waitForWindow: true, replaceRegistered: true },
    waits: [2000, 2000, 2000],
    requests: [
      'GET info',
      ...Array(4).fill('POST authentication'),
      'GET authentication/{id}',
      'GET companies',
    ],
    states: ['sending', 'sending', 'sending', 'sending', 'waiting', 'storing', 'verifying', 'accepted'],
  },
  {
    name: 'the dialog closed while the request waited (404), waiting for the dialog: a new request once it waits again',
    posts: ['created', noWindow(), 'created'],
    polls: ['pending', gone(), 'accepted'],
    opts: { waitForWindow: true },
    waits: [POLL, 2000],
    requests: [
      'GET info',
      'POST authentication',
      'GET authentication/{id}',
      'GET authentication/{id}',
      'POST authentication',
      'POST authentication',
      'GET authentication/{id}',
      'GET companies',
    ],
    states: [
      'sending',
      'waiting',
      'waiting',
      'sending',
      'sending',
      'waiting',
      'storing',
      'verifying',
      'accepted',
    ],
  },
  {
    name: 'the keychain refuses the key twice (the CLI: no retry-now signal): retried at 1 s, 2 s, then stored',
    refusals: 2,
    waits: [1000, 2000],
    requests: ['GET info', 'POST authentication', 'GET authentication/{id}', 'GET companies'],
    states: ['sending', 'waiting', 'storing', 'storing', 'storing', 'verifying', 'accepted'],
  },
];

describe('register on a fake clock', () => {
  it.each(ROWS)('$name', async (row) => {
    const wawi = new ScriptedWawi({ posts: row.posts, polls: row.polls });
    const { core, clock, vault } = fakeService(wawi, {
      keychain: row.refusals ? new RefusingKeychain(row.refusals) : undefined,
    });
    const events: FlowEvent[] = [];
    const run = clock.run(
      core.register(demoManifestSync(), SERVER, {
        timeoutMs: row.timeoutMs,
        ...row.opts,
        onEvent: (e) => events.push(e),
      }),
    );
    const account = 'WawiHelperDemo/v1@127.0.0.1:5883/eazybusiness';
    if (row.fails) {
      const err = await run.then(
        () => undefined,
        (e: unknown) => e as HelperError,
      );
      expect(err?.code).toBe(row.fails);
      expect(err?.params?.pendingKept).toBe(row.kept ? 'true' : undefined);
      expect(await vault.get(account)).toBeNull();
    } else {
      const record = await run;
      expect(record.lastVerifyResult).toBe('works');
      expect(await vault.get(account)).toBe(wawi.key);
    }
    expect((await vault.listPending()).length).toBe(row.kept ? 1 : 0);
    expect(clock.waits).toEqual(row.waits);
    expect(wawi.requests).toEqual(row.requests);
    expect(events.map((e) => e.state)).toEqual(row.states);
    // One flow, one id.
    expect(new Set(events.map((e) => e.flowId)).size).toBe(1);
  });

  it('after the dialog closed, every event says a request expired; a cancel then says so, not "nothing was sent"', async () => {
    const wawi = new ScriptedWawi({ posts: ['created', noWindow()], polls: ['pending', gone()] });
    const { core, clock, vault } = fakeService(wawi);
    const events: FlowEvent[] = [];
    const cancel = new AbortController();
    const run = clock.run(
      core.register(demoManifestSync(), SERVER, {
        waitForWindow: true,
        signal: cancel.signal,
        onEvent: (e) => {
          events.push(e);
          if (e.transient?.code === 'no-registration-window') cancel.abort();
        },
      }),
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled', params: { variant: 'expired' } });
    const afterExpiry = events.slice(events.findIndex((e) => e.transient?.code === 'request-not-found'));
    expect(afterExpiry.map((e) => [e.state, e.requestsExpired, e.sentAt])).toEqual([
      ['sending', 1, undefined],
      ['sending', 1, undefined],
      ['cancelled', 1, undefined],
    ]);
    expect(await vault.listPending()).toEqual([]);
  });

  it('after the dialog closed, a request another helper sent meanwhile is the one waited for, not a second', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending', gone(), 'accepted'] });
    const account = 'WawiHelperDemo/v1@127.0.0.1:5883/eazybusiness';
    const locks: string[] = [];
    const service = fakeService(wawi, {
      ports: {
        accountLock: async (name) => {
          locks.push(name);
          // Taken again before a new request: another helper has sent one for this app meanwhile.
          if (locks.length === 2)
            await service.vault.savePending({
              v: 2,
              kind: 'register',
              account,
              baseUrl: SERVER.baseUrl,
              appId: 'WawiHelperDemo/v1',
              displayName: 'Lagerbestand Sync (Demo)',
              providerName: 'Demo',
              appVersion: '1.0.0',
              requestId: 'THEIRS-1',
              challengeCode: 'their-challenge-code',
              startedAt: new Date(service.clock.now()).toISOString(),
            });
          return () => {};
        },
      },
    });
    const record = await service.clock.run(
      service.core.register(demoManifestSync(), SERVER, { waitForWindow: true }),
    );
    expect(locks).toEqual([account, account]);
    expect(wawi.requests.filter((r) => r === 'POST authentication')).toHaveLength(1);
    expect(record.account).toBe(account);
    expect(await service.vault.get(account)).toBe(wawi.key);
    expect(await service.vault.listPending()).toEqual([]);
  });

  it('a cancel while the request is on its way lets it answer: created, it is kept and said so (not "unknown")', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const cancel = new AbortController();
    const create = wawi.createRegistration.bind(wawi);
    // The merchant cancels while the POST is on its way; Wawi answers right after, unless the exchange
    // was aborted (as undici's is).
    wawi.createRegistration = (async (_wire: unknown, _code: string, signal?: AbortSignal) => {
      cancel.abort();
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
      return create();
    }) as never;
    const { core, clock, vault } = fakeService(wawi);
    const err = await clock
      .run(core.register(demoManifestSync(), SERVER, { signal: cancel.signal }))
      .catch((e: unknown) => e as HelperError);
    expect(err).toMatchObject({ code: 'cancelled', params: { pendingKept: 'true' } });
    expect((await vault.listPending())[0]?.requestId).toBe('295C196B-CBB0-4E76-9050-ECEC3356DDA6');
  });

  it('a request on its way that does not answer within the grace after a cancel is said to be unknown', async () => {
    const wawi = new ScriptedWawi();
    const cancel = new AbortController();
    // A server that never answers: only the abort (as undici's) ends the exchange.
    wawi.createRegistration = ((_wire: unknown, _code: string, signal?: AbortSignal) => {
      cancel.abort();
      return new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
      );
    }) as never;
    const { core, clock } = fakeService(wawi);
    const started = clock.now();
    const err = await clock
      .run(core.register(demoManifestSync(), SERVER, { signal: cancel.signal }))
      .catch((e: unknown) => e as HelperError);
    expect(err).toMatchObject({ code: 'cancelled', params: { pendingKept: 'unconfirmed' } });
    expect(clock.now() - started).toBe(CANCEL_GRACE_MS);
  });

  it('a second register for the same app and server resumes the kept request instead of sending again', async () => {
    const wawi = new ScriptedWawi({ polls: ['pending'] });
    const { core, clock, vault } = fakeService(wawi);
    await expect(
      clock.run(core.register(demoManifestSync(), SERVER, { timeoutMs: 2000 })),
    ).rejects.toMatchObject({ code: 'timed-out' });
    wawi.requests.length = 0;
    wawi.polls = ['accepted'];
    const events: FlowEvent[] = [];
    const record = await clock.run(
      core.register(demoManifestSync(), SERVER, { onEvent: (e) => events.push(e) }),
    );
    expect(record.lastVerifyResult).toBe('works');
    expect(wawi.requests).toEqual(['GET authentication/{id}', 'GET companies']);
    expect(events[0]?.resumedFrom).toBeDefined();
    expect(await vault.listPending()).toEqual([]);
  });
});
