// The port to the place where a service app's copy of a key is kept. On Windows it is the folder of
// ./plan.ts, written by ./windows-store.ts; elsewhere there are no service accounts, and the store says
// so instead of writing anything. Tests use a store in memory that applies the same access rules.
import type { ServiceKeyState } from '../../../shared/service-account';
import type { ServiceKeyHeader, ServiceKeyPlan } from './plan';

/** Why a copy could not be written or read; `state` is what the merchant is told (shared/service-account.ts). */
export class ServiceKeyError extends Error {
  constructor(
    readonly state: Extract<ServiceKeyState, 'not-windows' | 'account-unknown' | 'denied' | 'failed'>,
    /** What Windows or PowerShell said, for the log (never holds the key). */
    readonly detail: string,
  ) {
    super(`the service's copy of the key: ${state} (${detail})`);
    this.name = 'ServiceKeyError';
  }
}

export interface ServiceKeyStore {
  /** False: this platform has no service accounts; `write` refuses with `not-windows`. */
  readonly supported: boolean;
  /** The folder of the copies (what the merchant and the vendor are shown). */
  readonly dir: string;
  /** Writes (or replaces) one registration's copy as planned: folder and file rules, protected key. */
  write(plan: ServiceKeyPlan, key: string): Promise<void>;
  /** Whether a registration has a copy: a look at the folder, nothing started, nothing read. */
  exists(account: string): boolean;
  /** One registration's copy and its key, read as the helper's user; null when there is none. */
  read(account: string): Promise<{ header: ServiceKeyHeader; key: string } | null>;
  /** True when there was a copy to delete. */
  remove(account: string): Promise<boolean>;
}

/** The store of a platform without service accounts (macOS, Linux): nothing is ever written. */
export function noServiceKeys(platform: string): ServiceKeyStore {
  return {
    supported: false,
    dir: '',
    write: async () => {
      throw new ServiceKeyError('not-windows', `service accounts exist on Windows only, not on ${platform}`);
    },
    exists: () => false,
    read: async () => null,
    remove: async () => false,
  };
}
