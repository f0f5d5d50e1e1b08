// What every flow step works with: the ports (keychain, metadata, log, clock, randomness, the Wawi
// client factory) and the timings, so unit tests drive them on a fake clock and a fake server.
import type { Logger } from '../log/logger';
import type { Signer } from '../signing/signature';
import type { MetadataStore } from '../store/metadata';
import type { KeyVault } from '../store/vault';
import type { WawiServer } from '../wawi/address';
import type { WawiApi } from '../wawi/client';
import type { Connection } from '../wawi/connection';
import type { HttpOptions } from '../wawi/http';
import type { Clock } from './timing';

export interface CorePorts {
  vault: KeyVault;
  metadata: MetadataStore;
  logger: Logger;
  clock?: Clock;
  random?: (bytes: number) => Uint8Array;
  /** HTTP options for the real client (timeouts, size caps); also used by discovery and trust checks. */
  http?: HttpOptions;
  /** Makes the client for a server (default: real HTTP, sending secrets only as the connection allows). */
  connect?: (server: WawiServer, conn: Connection) => WawiApi;
  /** Signs a registration of a certified app (default: its SignatureProvider over HTTP). */
  sign?: Signer;
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
  deps: CorePorts;
  clock: Clock;
  random: (bytes: number) => Uint8Array;
  connect: (server: WawiServer, conn: Connection) => WawiApi;
  sign: Signer;
}
