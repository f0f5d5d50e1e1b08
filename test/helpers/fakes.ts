// Fakes for the flow unit tests, in the style of GitHub CLI's device-flow poller tests: a clock that
// jumps instead of waiting and records every wait, a scripted Wawi that records every request, and a
// service over an in-memory keychain. Nothing here sleeps on real time.
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

/** A clock that jumps forward on every sleep and records the waits. */
export class FakeClock implements Clock {
  readonly waits: number[] = [];
  private timers: { at: number; abort: AbortController }[] = [];

  constructor(private t = Date.parse('2026-12-01T08:00:00Z')) {}

  now = () => this.t;

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason ?? new DOMException('aborted', 'AbortError');
    this.waits.push(ms);
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.at <= this.t)) timer.abort.abort();
    this.timers = this.timers.filter((x) => x.at > this.t);
    await Promise.resolve();
  }

  timeout(ms: number): AbortSignal {
    const abort = new AbortController();
    this.timers.push({ at: this.t + ms, abort });
    return abort.signal;
  }
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

  async companies(apiKey: string) {
    this.requests.push('GET companies');
    if (this.removalIn-- <= 0) {
      for (const k of this.issued) this.dead.add(k);
      this.removalIn = Number.POSITIVE_INFINITY;
    }
    if (!this.issued.includes(apiKey) || this.dead.has(apiKey))
      throw new HelperError('unauthorized', { status: 401 });
    return 2;
  }
}

/** A keychain that refuses to store the first `refusals` writes (a locked keyring that gets unlocked). */
export class RefusingKeychain extends MemoryKeychain {
  constructor(private refusals: number) {
    super();
  }
  override async setPassword(service: string, account: string, password: string) {
    if (service.startsWith('JTL-Wawi API key') && this.refusals > 0) {
      this.refusals -= 1;
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
