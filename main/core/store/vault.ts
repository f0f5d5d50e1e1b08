// The key vault: API keys (and pending registrations, which can fetch a key) live only in the OS
// keychain, via keytar. When no keychain is reachable it fails closed; there is no file fallback.
import { createHash, randomBytes } from 'node:crypto';
import {
  type ConnectionEntry,
  connectionEntrySchema,
  type PendingRegistration,
  pendingRegistrationSchema,
} from '../../../shared/registration';
import { HelperError, isHelperError } from '../errors';
import { registerSecret } from '../log/logger';
import { STALE_SESSION } from './fresh-store';
import { defaultGuard, type KeychainBackend, type KeyringGuard, keytarReason } from './keychain-backend';
import { withKeychainLock } from './keychain-lock';
import { readPendingEntry } from './pending-entry';
import type { KeyringState } from './secret-service';

export type { PendingRegistration };

/** Service name of the keychain entries holding API keys. A contract with vendor apps: do not change. */
export const KEY_SERVICE = 'JTL-Wawi API key';
/**
 * Service name of the entries holding pending registrations (request id + challenge code). It must not
 * start with KEY_SERVICE: on Windows keytar lists a service with the filter "<service>*".
 */
export const PENDING_SERVICE = 'JTL-Wawi registration (pending)';
/**
 * Service name of the entries that say how a registration's server is reached (scheme, certificate
 * pin, http consent): same account as the key. Not secret, but kept beside the key so that neither a
 * lost metadata file nor an edited one can turn https into http or drop a pin.
 */
export const CONNECTION_SERVICE = 'JTL-Wawi server connection';
/** Service name of the keychain check's probe entries: of their own, so no listing ever meets one. */
export const PROBE_SERVICE = 'JTL-Wawi helper keychain check';

export function fingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
}

/**
 * An "unlocked" answer of the guard is trusted this long, so that the searches of one step (the keys,
 * then the connections) ask D-Bus once instead of each starting four dbus-send processes. A lock in
 * between is not closed out by this: no guard closes the moment between its answer and keytar's call.
 */
const UNLOCKED_FRESH_MS = 500;
/** A monotonic clock in ms. Not `performance.now()`: its first use loads perf_hooks (0.8 ms of a start). */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Probe accounts: this prefix, the process and a random part; two checks never read each other's. */
const PROBE_ACCOUNT = 'wawi-register pre-flight probe';

/** The keychain call in progress in this process (see KeyVault.oneAtATime). */
let keychainQueue: Promise<unknown> = Promise.resolve();

export class KeyVault {
  readonly service: string;
  readonly pendingService: string;
  private readonly probeService: string;
  readonly connectionService: string;
  private readonly guard: KeyringGuard;
  /** Stores a key from a new process when this one's keychain session is stale (real keytar on Linux). */
  private readonly freshStore?: (service: string, account: string, key: string) => Promise<void>;
  /** The lock shared with other helper processes on this Secret Service (Linux), or none. */
  private readonly lockPath?: string;
  /** When the guard last said "unlocked" (see UNLOCKED_FRESH_MS). */
  private unlockedAt?: number;
  private ringCheck?: Promise<KeyringState>;
  private readonly platform: NodeJS.Platform;

  constructor(
    private readonly backend: () => KeychainBackend,
    options: {
      service?: string;
      pendingService?: string;
      guard?: KeyringGuard;
      platform?: NodeJS.Platform;
      /** The lock shared with other processes on this keychain (./keychain-lock.ts; default: none). */
      lockPath?: string;
      /** How a key is stored when this process's session is stale (default: none). */
      freshStore?: (service: string, account: string, key: string) => Promise<void>;
    } = {},
  ) {
    this.service = options.service ?? KEY_SERVICE;
    this.pendingService =
      options.pendingService ?? (options.service ? `pending: ${options.service}` : PENDING_SERVICE);
    this.connectionService = options.service ? `connection: ${options.service}` : CONNECTION_SERVICE;
    this.probeService = options.service ? `probe: ${options.service}` : PROBE_SERVICE;
    this.platform = options.platform ?? process.platform;
    this.guard = options.guard ?? defaultGuard(this.platform);
    this.freshStore = options.freshStore;
    this.lockPath = options.lockPath;
  }

  private unavailable(reason: string, cause?: unknown, variant?: 'locked'): HelperError {
    return new HelperError('keychain-unavailable', {
      params: { reason, platform: this.platform, ...(variant ? { variant } : {}) },
      ...(cause !== undefined ? { cause } : {}),
    });
  }

  /**
   * Runs one keychain operation; every failure becomes keychain-unavailable. Everything that searches
   * (reads, lists, deletes) is guarded: keytar must never search a locked Secret Service collection (it
   * crashes, or answers "no key"). Storing needs no guard (a locked collection refuses it with an
   * error) and stays fast: storing an accepted key is the one step where every millisecond counts.
   */
  private async use<T>(what: string, mode: 'search' | 'store', fn: (k: KeychainBackend) => Promise<T>) {
    if (mode === 'search') {
      const ring = await this.checkRing();
      if (ring.state === 'locked')
        throw this.unavailable(`${what}: the keyring is locked`, undefined, 'locked');
      if (ring.state === 'unavailable') throw this.unavailable(`${what}: ${ring.reason}`);
    }
    let k: KeychainBackend;
    try {
      k = this.backend();
    } catch (err) {
      if (isHelperError(err)) throw withPlatform(err, this.platform);
      throw this.unavailable('the keychain module could not be loaded', err);
    }
    try {
      return await this.oneAtATime(() => fn(k));
    } catch (err) {
      throw this.unavailable(`${what}: ${keytarReason(err)}`, err);
    }
  }

  /**
   * Asks whether the keyring is locked; calls made at the same time share one check, so that a burst
   * of keychain calls does not start a burst of D-Bus processes.
   */
  private checkRing(): Promise<KeyringState> {
    if (this.unlockedAt !== undefined && monotonicMs() - this.unlockedAt < UNLOCKED_FRESH_MS)
      return Promise.resolve({ state: 'unlocked' });
    this.ringCheck ??= this.guard([this.service, this.pendingService, this.connectionService])
      .then((state) => {
        this.unlockedAt = state.state === 'unlocked' ? monotonicMs() : undefined;
        return state;
      })
      .finally(() => {
        this.ringCheck = undefined;
      });
    return this.ringCheck;
  }

  /**
   * Runs keychain calls one after another, across every vault of this process and, on Linux, every
   * helper process on the same Secret Service (./keychain-lock.ts). Concurrent calls race inside
   * libsecret: an item deleted while a listing loads secrets makes keytar crash (a missing secret
   * dereferenced) or fail with "No such secret item".
   */
  private oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
    const { lockPath } = this;
    const locked = lockPath ? () => withKeychainLock(lockPath, fn) : fn;
    const run = keychainQueue.then(locked, locked);
    keychainQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * Proves that the keychain can store a secret: writes, reads back and deletes a probe entry.
   * Call it before anything is sent to a server; a locked or missing keychain fails here.
   */
  async check(): Promise<void> {
    const probe = `probe ${randomBytes(8).toString('hex')}`;
    const account = `${PROBE_ACCOUNT} ${process.pid} ${randomBytes(4).toString('hex')}`;
    await this.use('storing a test entry', 'store', (k) => k.setPassword(this.probeService, account, probe));
    const read = await this.use('reading the test entry back', 'search', (k) =>
      k.getPassword(this.probeService, account),
    );
    await this.use('deleting the test entry', 'search', (k) => k.deletePassword(this.probeService, account));
    if (read !== probe) throw this.unavailable('a test entry could not be read back');
  }

  /**
   * Stores a key. When this process's Secret Service session is stale (the daemon restarted since it
   * was first used), the key is stored by a fresh process instead (./fresh-store.ts).
   */
  async store(account: string, key: string): Promise<void> {
    registerSecret(key);
    await this.use('storing the key', 'store', async (k) => {
      try {
        await k.setPassword(this.service, account, key);
      } catch (err) {
        if (!this.freshStore || !STALE_SESSION.test(String((err as Error)?.message ?? err))) throw err;
        await this.freshStore(this.service, account, key);
      }
    });
  }

  async get(account: string): Promise<string | null> {
    const key = await this.use('reading the key', 'search', (k) => k.getPassword(this.service, account));
    registerSecret(key);
    return key;
  }

  async delete(account: string): Promise<boolean> {
    return this.use('deleting the key', 'search', (k) => k.deletePassword(this.service, account));
  }

  /** Accounts with a stored key, and each key's fingerprint (never the key). */
  async entries(): Promise<{ account: string; fingerprint: string }[]> {
    const list = await this.use('listing keys', 'search', (k) => k.findCredentials(this.service));
    return list.map((c) => {
      registerSecret(c.password);
      return { account: c.account, fingerprint: fingerprint(c.password) };
    });
  }

  /** Every stored key by account, in one listing: for checking all registrations at once. */
  async keys(): Promise<Map<string, string>> {
    const list = await this.use('reading the keys', 'search', (k) => k.findCredentials(this.service));
    return new Map(
      list.map((c) => {
        registerSecret(c.password);
        return [c.account, c.password];
      }),
    );
  }

  /** Writes (or overwrites) how a registration's server is reached. */
  async saveConnection(account: string, entry: ConnectionEntry): Promise<void> {
    const checked = connectionEntrySchema.parse(entry);
    await this.use('saving the server connection', 'store', (k) =>
      k.setPassword(this.connectionService, account, JSON.stringify(checked)),
    );
  }

  /** Every readable connection entry, by account. */
  async connections(): Promise<Map<string, ConnectionEntry>> {
    const list = await this.use('reading server connections', 'search', (k) =>
      k.findCredentials(this.connectionService),
    );
    const out = new Map<string, ConnectionEntry>();
    for (const c of list) {
      try {
        const parsed = connectionEntrySchema.safeParse(JSON.parse(c.password));
        if (parsed.success) out.set(c.account, parsed.data);
      } catch {
        // unreadable: as if absent (the connection is then confirmed before the key is sent)
      }
    }
    return out;
  }

  async deleteConnection(account: string): Promise<boolean> {
    return this.use('deleting the server connection', 'search', (k) =>
      k.deletePassword(this.connectionService, account),
    );
  }

  /** Writes (or overwrites) a pending registration. */
  async savePending(p: PendingRegistration): Promise<void> {
    registerSecret(p.challengeCode);
    const entry = pendingRegistrationSchema.parse(p);
    await this.use('saving the pending registration', 'store', (k) =>
      k.setPassword(this.pendingService, p.account, JSON.stringify(entry)),
    );
  }

  async listPending(): Promise<PendingRegistration[]> {
    const list = await this.use('reading pending registrations', 'search', (k) =>
      k.findCredentials(this.pendingService),
    );
    // An entry left by an older helper's keychain check, or one that does not read, is skipped: it
    // cannot fetch anything.
    return list.flatMap((c) => {
      const p = c.account.startsWith(PROBE_ACCOUNT) ? undefined : readPendingEntry(c.password);
      return p ? [p] : [];
    });
  }

  /** True when there was an entry to remove. */
  async deletePending(account: string): Promise<boolean> {
    return this.use('removing the pending registration', 'search', (k) =>
      k.deletePassword(this.pendingService, account),
    );
  }
}

function withPlatform(err: HelperError, platform: string): HelperError {
  return err.code === 'keychain-unavailable' && !err.params?.platform
    ? new HelperError(err.code, { params: { ...err.params, platform }, cause: err.cause })
    : err;
}
