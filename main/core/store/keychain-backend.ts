// The keychain as the vault uses it: keytar's four calls (a port: tests pass an in-memory one), how keytar
// is loaded, the guard that asks the Secret Service before a search, and keytar's errors in plain words.
import { createRequire } from 'node:module';
import { HelperError } from '../errors';
import { type KeyringState, keyringState } from './secret-service';

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

export type KeyringGuard = (services: string[]) => Promise<KeyringState>;

/** On Linux the Secret Service is asked over D-Bus first; elsewhere keytar is safe to call. */
export function defaultGuard(platform: NodeJS.Platform = process.platform): KeyringGuard {
  return platform === 'linux' ? (services) => keyringState(services) : async () => ({ state: 'unlocked' });
}

/** keytar's message in the project's words where it is a known one. */
export function keytarReason(err: unknown): string {
  const message = err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err);
  if (/locked collection/i.test(message)) return 'the keyring is locked';
  if (/Object does not exist at path/i.test(message)) return 'there is no default keyring to store it in';
  return message;
}
