// Fakes for the flow unit tests, in the style of GitHub CLI's device-flow poller tests: a clock whose
// sleeps wait until the test moves time and that records every wait that ended, a scripted Wawi that
// records every request, and a service over an in-memory keychain. Nothing here sleeps on real time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorePorts } from '../../main/core/flows/context';
import type { Clock } from '../../main/core/flows/timing';
import { HelperError } from '../../main/core/index';
import { createLogger } from '../../main/core/log/logger';
import { RegistrationService } from '../../main/core/service';
import { MemoryKeychain } from '../../main/core/store/memory-keychain';
import { MetadataStore } from '../../main/core/store/metadata';
import { KeyVault } from '../../main/core/store/vault';
import type { WawiApi } from '../../main/core/wawi/client';

/**
 * A clock whose sleeps stay pending until the test moves time on. `run(promise)` drives a flow: it lets
 * every promise settle, and only when the flow is idle (nothing left to do but wait) moves time to the
 * earliest pending sleep or timeout. `waits` records each sleep that ended because time reached it,
 * so a sleep that was started but not awaited (a race that did not wait) is never counted.
 */
export class FakeClock implements Clock {
  readonly waits: number[] = [];
  private timers: { at: number; ms: number; fire: () => void; sleep: boolean }[] = [];

  constructor(private t = Date.parse('2026-12-01T08:00:00Z')) {}

  now = () => this.t;

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    return new Promise((resolve, reject) => {
      const timer = {
        at: this.t + ms,
        ms,
        sleep: true,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          this.waits.push(ms);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(signal!.reason ?? new DOMException('aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  timeout(ms: number): AbortSignal {
    const abort = new AbortController();
    this.timers.push({ at: this.t + ms, ms, sleep: false, fire: () => abort.abort() });
    return abort.signal;
  }

  /** Sleeps that are waiting now. */
  get pending(): number {
    return this.timers.filter((x) => x.sleep).length;
  }

  /** Moves time by `ms`, firing every sleep and timeout due by then, in order. */
  async advance(ms: number): Promise<void> {
    const until = this.t + ms;
    for (;;) {
      await settle();
      const next = this.earliest();
      if (!next || next.at > until) break;
      this.fireAt(next.at);
    }
    this.t = until;
    await settle();
  }

  /** Drives `work` to its end: lets it run, and moves time only while it does nothing but wait. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    work.then(
      () => (done = true),
      () => (done = true),
    );
    for (let moves = 0; ; moves++) {
      await settle();
      if (done) return work;
      const next = this.earliest();
      if (!next) throw new Error('the flow waits for something other than the clock');
      if (moves > 10_000) throw new Error('the flow never ends on the fake clock');
      this.fireAt(next.at);
    }
  }

  private earliest() {
    return this.timers.reduce<(typeof this.timers)[number] | undefined>(
      (a, b) => (a && a.at <= b.at ? a : b),
      undefined,
    );
  }

  private fireAt(at: number) {
    this.t = Math.max(this.t, at);
    const due = this.timers.filter((x) => x.at <= at);
    this.timers = this.timers.filter((x) => x.at > at);
    for (const timer of due) timer.fire();
  }
}

/** Lets every promise chain that can move on do so (the flows' ports here never wait on real I/O). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
}

type PollAnswer = 'pending' | 'rejected' | 'accepted' | HelperError;
type PostAnswer = 'created' | HelperError;

/** A Wawi whose answers are scripted; the last answer of each script repeats. */
export class ScriptedWawi implements WawiApi {
  readonly requests: string[] = [];
  posts: PostAnswer[];
  polls: PollAnswer[];
  /** Every key handed out, the newest last. */
  readonly issued: string[] = [];
  private readonly dead = new Set<string>();
  /** Key checks until the merchant removes the app in Wawi (its keys then get 401). */
  private removalIn = Number.POSITIVE_INFINITY;

  constructor(script: { posts?: PostAnswer[]; polls?: PollAnswer[] } = {}) {
    this.posts = script.posts ?? ['created'];
    this.polls = script.polls ?? ['accepted'];
  }

  private next<T>(list: T[]): T {
    return list.length > 1 ? list.shift()! : list[0]!;
  }

  async detect() {
    this.requests.push('GET info');
    return { version: '1.10.12.0', apiStyle: 'v1' as const };
  }

  async createRegistration() {
    this.requests.push('POST authentication');
    const a = this.next(this.posts);
    if (a instanceof HelperError) throw a;
    return { requestId: '295C196B-CBB0-4E76-9050-ECEC3356DDA6' };
  }

  async createInstance() {
    this.requests.push('POST authentication/{id}');
    const a = this.next(this.posts);
    if (a instanceof HelperError) throw a;
    return { requestId: `INSTANCE-${this.requests.length}` };
  }

  async getRegistration() {
    this.requests.push('GET authentication/{id}');
    const a = this.next(this.polls);
    if (a instanceof HelperError) throw a;
    if (a === 'pending') return { status: 0 as const };
    if (a === 'rejected') return { status: 1 as const };
    const apiKey = `KEY-${this.issued.length + 1}`;
    this.issued.push(apiKey);
    return { status: 2 as const, apiKey, grantedScopes: ['company.querycompanies'] };
  }

  /** The key handed out last. */
  get key(): string | undefined {
    return this.issued.at(-1);
  }

  /** The merchant removes the app in Wawi after `checks` more key checks. */
  removeAppAfter(checks: number) {
    this.removalIn = checks;
  }

  async checkKey(apiKey: string, _app?: unknown, path = 'companies') {
    this.requests.push(`GET ${path}`);
    if (this.removalIn-- <= 0) {
      for (const k of this.issued) this.dead.add(k);
      this.removalIn = Number.POSITIVE_INFINITY;
    }
    if (!this.issued.includes(apiKey) || this.dead.has(apiKey))
      throw new HelperError('unauthorized', { status: 401 });
  }
}

/** A keychain that refuses to store the first `refusals` writes (a locked keyring that gets unlocked). */
export class RefusingKeychain extends MemoryKeychain {
  /** Writes of a key refused so far. */
  refused = 0;
  constructor(private refusals: number) {
    super();
  }
  override async setPassword(service: string, account: string, password: string) {
    // A keychain call is I/O: it yields to the event loop, so a retry loop that does not wait spins
    // visibly here instead of starving the test.
    await new Promise<void>((r) => setImmediate(r));
    if (service.startsWith('JTL-Wawi API key') && this.refusals > 0) {
      this.refusals -= 1;
      this.refused += 1;
      throw new Error('Cannot create an item in a locked collection');
    }
    return super.setPassword(service, account, password);
  }
}

/** A service on the fake clock, a scripted Wawi and an in-memory keychain. */
export function fakeService(
  wawi: ScriptedWawi,
  options: { keychain?: MemoryKeychain; ports?: Partial<CorePorts> } = {},
) {
  const clock = new FakeClock();
  const keychain = options.keychain ?? new MemoryKeychain();
  const vault = new KeyVault(() => keychain, {
    guard: async () => ({ state: 'unlocked' }),
    platform: 'linux',
  });
  const logger = createLogger({
    file: join(mkdtempSync(join(tmpdir(), 'flow-unit-')), 'helper.log'),
    level: 'debug',
  });
  const metadata = new MetadataStore(
    join(mkdtempSync(join(tmpdir(), 'flow-unit-')), 'registrations.json'),
    vault,
    logger,
  );
  // Random bytes fixed at the middle: every jittered poll waits exactly its base interval.
  const random = (n: number) => new Uint8Array(n).fill(0x80);
  const core = new RegistrationService({
    vault,
    metadata,
    logger,
    clock,
    random,
    connect: () => wawi,
    ...options.ports,
  });
  return { core, clock, vault, keychain, metadata };
}
