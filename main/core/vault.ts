// The key vault: API keys (and pending registrations, which can fetch a key) live only in the OS
// keychain, via keytar. When no keychain is reachable it fails closed; there is no file fallback.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { HelperError, isHelperError } from './errors';
import { registerSecret } from './logger';

/** Service name of the keychain entries holding API keys. A contract with vendor apps: do not change. */
export const KEY_SERVICE = 'JTL-Wawi API key';
/**
 * Service name of the entries holding pending registrations (request id + challenge code). It must not
 * start with KEY_SERVICE: on Windows keytar lists a service with the filter "<service>*".
 */
export const PENDING_SERVICE = 'JTL-Wawi registration (pending)';

export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

/** keytar, loaded lazily so that a missing native module becomes a clear error, not a crash. */
export function loadKeytar(): KeychainBackend {
  try {
    const req = createRequire(import.meta.url);
    const mod = req('keytar') as KeychainBackend & { default?: KeychainBackend };
    return mod.default ?? mod;
  } catch (err) {
    throw new HelperError('keychain-unavailable', {
      params: { reason: 'the keychain module could not be loaded' },
      cause: err,
    });
  }
}

export function fingerprint(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8);
}

export interface PendingRegistration {
  v: 1;
  kind: 'register' | 'rotate';
  account: string;
  baseUrl: string;
  appId: string;
  displayName: string;
  appVersion: string;
  requestId: string;
  challengeCode: string;
  startedAt: string;
  /** The registration was started with an explicit trust in a self-signed certificate. */
  allowSelfSigned?: boolean;
}

function isPending(x: unknown): x is PendingRegistration {
  const p = x as PendingRegistration;
  return (
    !!p &&
    p.v === 1 &&
    typeof p.account === 'string' &&
    typeof p.baseUrl === 'string' &&
    typeof p.requestId === 'string' &&
    typeof p.challengeCode === 'string' &&
    typeof p.startedAt === 'string'
  );
}

export class KeyVault {
  readonly service: string;
  readonly pendingService: string;

  constructor(
    private readonly backend: () => KeychainBackend,
    options: { service?: string; pendingService?: string } = {},
  ) {
    this.service = options.service ?? KEY_SERVICE;
    this.pendingService =
      options.pendingService ?? (options.service ? `pending: ${options.service}` : PENDING_SERVICE);
  }

  private async use<T>(what: string, fn: (k: KeychainBackend) => Promise<T>): Promise<T> {
    let k: KeychainBackend;
    try {
      k = this.backend();
    } catch (err) {
      if (isHelperError(err)) throw err;
      throw new HelperError('keychain-unavailable', {
        params: { reason: 'the keychain module could not be loaded' },
        cause: err,
      });
    }
    try {
      return await fn(k);
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err);
      throw new HelperError('keychain-unavailable', { params: { reason: `${what}: ${reason}` }, cause: err });
    }
  }

  /** Throws keychain-unavailable unless the keychain answers. Call before changing anything on a server. */
  async check(): Promise<void> {
    await this.use('checking the keychain', (k) => k.findCredentials(this.service));
  }

  async store(account: string, key: string): Promise<void> {
    registerSecret(key);
    await this.use('storing the key', (k) => k.setPassword(this.service, account, key));
  }

  async get(account: string): Promise<string | null> {
    const key = await this.use('reading the key', (k) => k.getPassword(this.service, account));
    registerSecret(key);
    return key;
  }

  async delete(account: string): Promise<boolean> {
    return this.use('deleting the key', (k) => k.deletePassword(this.service, account));
  }

  /** Accounts with a stored key, and each key's fingerprint (never the key). */
  async entries(): Promise<{ account: string; fingerprint: string }[]> {
    const list = await this.use('listing keys', (k) => k.findCredentials(this.service));
    return list.map((c) => {
      registerSecret(c.password);
      return { account: c.account, fingerprint: fingerprint(c.password) };
    });
  }

  async savePending(p: PendingRegistration): Promise<void> {
    registerSecret(p.challengeCode);
    await this.use('saving the pending registration', (k) =>
      k.setPassword(this.pendingService, p.account, JSON.stringify(p)),
    );
  }

  async listPending(): Promise<PendingRegistration[]> {
    const list = await this.use('reading pending registrations', (k) =>
      k.findCredentials(this.pendingService),
    );
    const out: PendingRegistration[] = [];
    for (const c of list) {
      try {
        const p = JSON.parse(c.password) as unknown;
        if (isPending(p)) {
          registerSecret(p.challengeCode);
          out.push(p);
        }
      } catch {
        // an unreadable entry is skipped; it cannot fetch anything
      }
    }
    return out;
  }

  async deletePending(account: string): Promise<void> {
    await this.use('removing the pending registration', (k) =>
      k.deletePassword(this.pendingService, account),
    );
  }
}
