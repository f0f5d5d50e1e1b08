// What every flow step works with: the ports (keychain, metadata, HTTP options, clock, randomness) and
// the timings, so tests can drive them.
import type { HttpOptions } from '../http';
import type { Logger } from '../logger';
import type { MetadataStore } from '../metadata';
import type { KeyVault } from '../vault';
import type { Clock } from './timing';

export interface CoreDeps {
  vault: KeyVault;
  metadata: MetadataStore;
  logger: Logger;
  clock?: Clock;
  random?: (bytes: number) => Uint8Array;
  http?: HttpOptions;
  /** Poll interval while a request is pending (default 1000 ms, with ±20 % jitter). */
  pollIntervalMs?: number;
  /** Poll interval while waiting for an app to be removed in Wawi (default 2000 ms). */
  removalPollIntervalMs?: number;
  /** First backoff after a transient failure (default 2000 ms, doubling up to 30 s). */
  backoffBaseMs?: number;
  /** First wait before storing an accepted key again (default 1000 ms, doubling up to 10 s). */
  storeRetryBaseMs?: number;
}

export interface FlowContext {
  deps: CoreDeps;
  clock: Clock;
  random: (bytes: number) => Uint8Array;
}
