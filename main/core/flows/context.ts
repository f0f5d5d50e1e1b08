// What every flow step works with: the ports (keychain, metadata, log, clock, randomness, the Wawi
// client factory) and the timings, so unit tests drive them on a fake clock and a fake server.
import type { Logger } from '../log/logger';
import type { ServiceKeyStore } from '../service-key/store';
import type { Signer } from '../signing/signature';
import type { MetadataStore } from '../store/metadata';
import type { KeyVault } from '../store/vault';
import type { WawiServer } from '../wawi/address';
import type { WawiApi } from '../wawi/client';
import type { Connection } from '../wawi/connection';
import type { HttpOptions } from '../wawi/http';
import type { PollPacer } from './pacer';
import type { Clock, Timings } from './timing';

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
  /**
   * Takes the lock of one account's registration across helper processes (store/keychain-lock.ts),
   * waiting at most `maxWaitMs`; returns its release. None: one process only (tests).
   */
  accountLock?: (account: string, wait: { maxWaitMs: number; signal?: AbortSignal }) => Promise<() => void>;
  /** Where a service app's copy of its key goes (Windows; default: none, refused as not-windows). */
  serviceKeys?: ServiceKeyStore;
  /** Timings other than the defaults (DEFAULT_TIMINGS in ./timing.ts): tests make them short. */
  timings?: Partial<Timings>;
}

export interface FlowContext {
  deps: CorePorts;
  clock: Clock;
  /** Resolved once in the service: the defaults with the ports' overrides. */
  timings: Timings;
  random: (bytes: number) => Uint8Array;
  connect: (server: WawiServer, conn: Connection) => WawiApi;
  sign: Signer;
  /** Spaces the status requests of the waiting registrations of one server (one per service). */
  pacer: PollPacer;
}
