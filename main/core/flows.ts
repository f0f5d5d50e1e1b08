// The registration, rotation and revocation flows: explicit state machines that emit typed events.
// Time, randomness, HTTP and the keychain come in through `CoreDeps` so tests can drive them.
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppManifest } from '../../shared/manifest';
import {
  FINAL_STATES,
  type FlowEvent,
  type FlowKind,
  type FlowState,
  type RegistrationRecord,
  type ServerRef,
  type VerifyResult,
} from '../../shared/registration';
import { accountName, parseWawiAddress, type WawiServer } from './address';
import { asHelperError, HelperError, isAbort, notRegistered, withParams } from './errors';
import type { HttpOptions } from './http';
import { type Logger, registerSecret } from './logger';
import type { MetadataStore } from './metadata';
import { fingerprint, type KeyVault, type PendingRegistration } from './vault';
import { WawiClient } from './wawi-client';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

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
}

export const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;
const MAX_BACKOFF_MS = 30_000;
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** A random, URL-safe challenge code of 24 characters (the API allows at most 30). */
export function newChallengeCode(random: (n: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(18)).toString('base64url');
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

/** Transient problems while polling: retried with backoff, never ending the flow by themselves. */
function isTransient(err: HelperError): boolean {
  return err.code === 'unreachable' || err.code === 'server-error' || err.code === 'bad-response';
}

const TRANSITIONS: Record<FlowState, readonly FlowState[]> = {
  checking: ['awaiting-removal', 'sending', 'removed', 'failed', 'cancelled'],
  'awaiting-removal': ['awaiting-removal', 'sending', 'removed', 'failed', 'cancelled', 'timed-out'],
  sending: ['sending', 'waiting', 'failed', 'cancelled', 'timed-out'],
  waiting: ['waiting', 'storing', 'rejected', 'failed', 'cancelled', 'timed-out'],
  storing: ['verifying', 'failed'],
  verifying: ['accepted'],
  accepted: [],
  removed: [],
  rejected: [],
  failed: [],
  cancelled: [],
  'timed-out': [],
};

export interface FlowOptions {
  signal?: AbortSignal;
  onEvent?: (e: FlowEvent) => void;
  timeoutMs?: number;
  flowId?: string;
}

/** One running flow: its state, and the events it emits on every transition. */
class Flow {
  state: FlowState;
  readonly id: string;
  private readonly started: number;

  constructor(
    readonly kind: FlowKind,
    private readonly app: { appId: string; displayName: string },
    private server: ServerRef,
    private readonly clock: Clock,
    private readonly opts: FlowOptions,
    initial: FlowState,
    startedAt?: number,
  ) {
    this.id = opts.flowId ?? randomUUID();
    this.state = initial;
    this.started = startedAt ?? clock.now();
    this.emit({});
  }

  elapsed(): number {
    return this.clock.now() - this.started;
  }

  setServer(server: ServerRef) {
    this.server = server;
  }

  to(state: FlowState, extra: Partial<FlowEvent> = {}) {
    if (!TRANSITIONS[this.state].includes(state)) {
      throw new HelperError('internal', {
        params: { reason: `flow cannot go from ${this.state} to ${state}` },
      });
    }
    this.state = state;
    this.emit(extra);
  }

  private emit(extra: Partial<FlowEvent>) {
    this.opts.onEvent?.({
      flowId: this.id,
      kind: this.kind,
      state: this.state,
      appId: this.app.appId,
      displayName: this.app.displayName,
      server: this.server,
      elapsedMs: this.elapsed(),
      ...extra,
    });
  }

  /** Ends the flow for an error: cancelled, timed-out or failed, with the error in the event. */
  end(err: HelperError): HelperError {
    if (FINAL_STATES.includes(this.state)) return err;
    const state: FlowState =
      err.code === 'cancelled'
        ? 'cancelled'
        : err.code === 'timed-out'
          ? 'timed-out'
          : err.code === 'rejected'
            ? 'rejected'
            : 'failed';
    this.state = TRANSITIONS[this.state].includes(state) ? state : 'failed';
    this.emit({ error: err.toJSON() });
    return err;
  }
}

function serverRef(server: WawiServer, wawiVersion?: string, allowSelfSigned?: boolean): ServerRef {
  return {
    baseUrl: server.baseUrl,
    host: server.host,
    port: server.port,
    database: server.database,
    ...(wawiVersion ? { wawiVersion } : {}),
    ...(allowSelfSigned ? { allowSelfSigned: true } : {}),
  };
}

export class Core {
  readonly clock: Clock;
  private readonly random: (n: number) => Uint8Array;

  constructor(readonly deps: CoreDeps) {
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? randomBytes;
  }

  /** A client for a server; `allowSelfSigned` is the trust a registration was made with. */
  client(server: WawiServer, allowSelfSigned?: boolean): WawiClient {
    return new WawiClient(
      server,
      allowSelfSigned ? { ...this.deps.http, allowSelfSigned: true } : this.deps.http,
    );
  }

  /** ±20 % jitter around the poll interval. */
  private pollDelay(): number {
    const base = this.deps.pollIntervalMs ?? 1000;
    const r = this.random(2);
    const unit = ((r[0]! << 8) | r[1]!) / 65535; // 0..1
    return Math.round(base * (0.8 + 0.4 * unit));
  }

  private backoff(failures: number, err: HelperError): number {
    const exp = Math.min(MAX_BACKOFF_MS, (this.deps.backoffBaseMs ?? 2000) * 2 ** Math.min(failures - 1, 4));
    const retryAfter = err.retryAfterMs !== undefined ? Math.min(err.retryAfterMs, MAX_RETRY_AFTER_MS) : 0;
    return Math.max(exp, retryAfter);
  }

  private async sleepOrCancel(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await this.clock.sleep(ms, signal);
    } catch (err) {
      if (isAbort(err, signal)) throw new HelperError('cancelled');
      throw err;
    }
  }

  /** Runs an HTTP step, turning an abort into `cancelled`. */
  private async step<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
    if (signal?.aborted) throw new HelperError('cancelled');
    try {
      return await fn();
    } catch (err) {
      if (isAbort(err, signal)) throw new HelperError('cancelled');
      throw err;
    }
  }

  // ---------------------------------------------------------------- register

  /** Registers the app: POST, poll until decided, store the key first, verify, record. */
  async register(
    manifest: AppManifest,
    server: WawiServer,
    opts: FlowOptions & { kind?: FlowKind; waitForWindow?: boolean; allowSelfSigned?: boolean } = {},
  ): Promise<RegistrationRecord> {
    const { vault, logger } = this.deps;
    const account = accountName(manifest.AppId, server);
    const log = logger.child({ flow: opts.kind ?? 'register', account });
    const flow = new Flow(
      opts.kind ?? 'register',
      { appId: manifest.AppId, displayName: manifest.DisplayName },
      serverRef(server),
      this.clock,
      opts,
      'sending',
    );
    try {
      // Fail closed before the server is touched: no keychain, no registration.
      await vault.check();
      const trust =
        server.protocol === 'https' &&
        (opts.allowSelfSigned === true || this.deps.http?.allowSelfSigned === true);
      const client = this.client(server, trust);
      const info = await this.step(opts.signal, () => client.detect(opts.signal));
      flow.setServer(serverRef(server, info.version));
      const challengeCode = newChallengeCode(this.random);
      registerSecret(challengeCode);
      const requestId = await this.send(flow, client, manifest, challengeCode, opts);
      log.info('registration request sent', {
        requestId,
        apiStyle: info.apiStyle,
        wawiVersion: info.version,
      });
      this.saveManifestQuietly(account, manifest, log);
      const pending: PendingRegistration = {
        v: 1,
        kind: opts.kind === 'rotate' ? 'rotate' : 'register',
        account,
        baseUrl: server.baseUrl,
        appId: manifest.AppId,
        displayName: manifest.DisplayName,
        appVersion: manifest.Version,
        requestId,
        challengeCode,
        startedAt: new Date(this.clock.now()).toISOString(),
        ...(trust ? { allowSelfSigned: true } : {}),
      };
      // Saved before the first poll, so that a crashed helper can pick it up again.
      await vault.savePending(pending);
      flow.to('waiting', { polls: 0, nextPollInMs: 0 });
      return await this.poll(flow, client, pending, info.version, opts, log);
    } catch (err) {
      throw flow.end(this.withApp(asHelperError(err), manifest.AppId));
    }
  }

  /**
   * Sends the registration request. With `waitForWindow` (rotation: the merchant has just removed the
   * app and now opens the dialog again) a 403 "no registration window" is retried until the dialog
   * waits, the timeout ends or the flow is cancelled.
   */
  private async send(
    flow: Flow,
    client: WawiClient,
    manifest: AppManifest,
    challengeCode: string,
    opts: FlowOptions & { waitForWindow?: boolean },
  ): Promise<string> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = this.clock.now() + timeoutMs;
    for (;;) {
      try {
        const { requestId } = await this.step(opts.signal, () =>
          client.createRegistration(manifest, challengeCode, opts.signal),
        );
        return requestId;
      } catch (err) {
        const e = asHelperError(err);
        if (!opts.waitForWindow || e.code !== 'no-registration-window') throw e;
        const wait = this.deps.removalPollIntervalMs ?? 2000;
        if (this.clock.now() + wait > deadline)
          throw new HelperError('timed-out', { params: { timeout: formatDuration(timeoutMs) } });
        flow.to('sending', { nextPollInMs: wait, transient: e.toJSON() });
        await this.sleepOrCancel(wait, opts.signal);
      }
    }
  }

  /** Picks up the registrations a closed or crashed helper left waiting. */
  async resumePending(
    opts: Omit<FlowOptions, 'flowId'> = {},
  ): Promise<{ pending: PendingRegistration; result?: RegistrationRecord; error?: HelperError }[]> {
    const out: { pending: PendingRegistration; result?: RegistrationRecord; error?: HelperError }[] = [];
    for (const pending of await this.deps.vault.listPending()) {
      try {
        out.push({ pending, result: await this.resume(pending, opts) });
      } catch (err) {
        out.push({ pending, error: asHelperError(err) });
      }
    }
    return out;
  }

  async resume(pending: PendingRegistration, opts: FlowOptions = {}): Promise<RegistrationRecord> {
    const server = parseWawiAddress(pending.baseUrl);
    const log = this.deps.logger.child({ flow: 'resume', account: pending.account });
    const startedAt = Date.parse(pending.startedAt);
    const flow = new Flow(
      pending.kind,
      { appId: pending.appId, displayName: pending.displayName },
      serverRef(server),
      this.clock,
      opts,
      'sending',
      Number.isNaN(startedAt) ? undefined : startedAt,
    );
    log.info('resuming a pending registration', { requestId: pending.requestId });
    try {
      flow.to('waiting', { polls: 0, nextPollInMs: 0 });
      return await this.poll(
        flow,
        this.client(server, pending.allowSelfSigned),
        pending,
        undefined,
        opts,
        log,
        true,
      );
    } catch (err) {
      throw flow.end(this.withApp(asHelperError(err), pending.appId));
    }
  }

  private withApp(err: HelperError, appId: string): HelperError {
    return err.params?.appId ? err : withParams(err, { appId });
  }

  private saveManifestQuietly(account: string, manifest: AppManifest, log: Logger) {
    try {
      this.deps.metadata.saveManifest(account, manifest);
    } catch (err) {
      log.warn('the manifest could not be saved for later rotations', { error: err });
    }
  }

  private async poll(
    flow: Flow,
    client: WawiClient,
    pending: PendingRegistration,
    wawiVersion: string | undefined,
    opts: FlowOptions,
    log: Logger,
    resumed = false,
  ): Promise<RegistrationRecord> {
    const { vault } = this.deps;
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const startedAt = this.clock.now() - flow.elapsed();
    // A resumed flow gets at least one poll, however long it was closed.
    const deadline = Math.max(startedAt + timeoutMs, resumed ? this.clock.now() + 1 : 0);
    let delay = 0;
    let failures = 0;
    let polls = 0;
    const finish = async () => {
      try {
        await vault.deletePending(pending.account);
      } catch (err) {
        log.warn('the pending registration could not be removed from the keychain', { error: err });
      }
    };
    try {
      for (;;) {
        const remaining = deadline - this.clock.now();
        if (remaining <= 0)
          throw new HelperError('timed-out', { params: { timeout: formatDuration(timeoutMs) } });
        if (delay > 0) await this.sleepOrCancel(Math.min(delay, remaining), opts.signal);
        if (this.clock.now() >= deadline && polls > 0) continue;
        let status: Awaited<ReturnType<WawiClient['getRegistration']>>;
        try {
          status = await this.step(opts.signal, () =>
            client.getRegistration(pending.requestId, pending.challengeCode, opts.signal),
          );
          polls += 1;
          failures = 0;
        } catch (err) {
          const e = asHelperError(err);
          if (!isTransient(e)) {
            if (e.code === 'already-handed-out' && resumed)
              log.warn('the key was handed out before the helper could store it');
            throw e;
          }
          polls += 1;
          failures += 1;
          delay = this.backoff(failures, e);
          log.warn('poll failed; retrying', { error: e.toJSON(), retryInMs: delay });
          flow.to('waiting', { polls, nextPollInMs: delay, transient: e.toJSON() });
          continue;
        }
        if (status.status === 0) {
          delay = this.pollDelay();
          flow.to('waiting', { polls, nextPollInMs: delay });
          continue;
        }
        if (status.status === 1) {
          log.info('registration rejected in Wawi');
          await finish();
          throw new HelperError('rejected');
        }
        // Accepted: the key is written to the keychain before anything else happens.
        const key = status.apiKey!;
        registerSecret(key);
        flow.to('storing');
        await this.storeKey(pending.account, key, log);
        await finish();
        log.info('key stored in the keychain', { fingerprint: fingerprint(key) });
        flow.to('verifying');
        const server = parseWawiAddress(pending.baseUrl);
        const verify = await this.verifyWith(client, key, pending.appId, pending.appVersion, opts.signal);
        const now = new Date(this.clock.now()).toISOString();
        const record: RegistrationRecord = {
          account: pending.account,
          appId: pending.appId,
          displayName: pending.displayName,
          appVersion: pending.appVersion,
          server: serverRef(server, wawiVersion, pending.allowSelfSigned),
          requestId: pending.requestId,
          grantedScopes: status.grantedScopes ?? [],
          registeredAt: now,
          lastVerifiedAt: verify === 'unreachable' ? null : now,
          lastVerifyResult: verify,
          fingerprint: fingerprint(key),
        };
        try {
          this.deps.metadata.upsert(record);
        } catch (err) {
          // The key is safe in the keychain; the metadata is rebuilt from it on the next start.
          log.warn('metadata could not be saved; it will be rebuilt from the keychain', { error: err });
        }
        flow.to('accepted', { record, polls });
        return record;
      }
    } catch (err) {
      const e = asHelperError(err);
      if (e.code !== 'keychain-unavailable' || flow.state !== 'storing') await finish();
      throw e;
    }
  }

  private async storeKey(account: string, key: string, log: Logger): Promise<void> {
    let last: unknown;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await this.deps.vault.store(account, key);
        return;
      } catch (err) {
        last = err;
        log.error('storing the key failed', { attempt, error: err });
        if (attempt < 3) await this.clock.sleep(500 * attempt);
      }
    }
    throw asHelperError(last);
  }

  // ---------------------------------------------------------------- verify

  private async verifyWith(
    client: WawiClient,
    key: string,
    appId: string,
    appVersion: string,
    signal?: AbortSignal,
  ): Promise<VerifyResult> {
    try {
      await this.step(signal, () => client.companies(key, appId, appVersion, signal));
      return 'works';
    } catch (err) {
      const e = asHelperError(err);
      if (e.code === 'unauthorized') return 'rejected';
      if (e.code === 'missing-scope') return 'missing-scope';
      if (
        e.code === 'unreachable' ||
        e.code === 'server-error' ||
        e.code === 'bad-response' ||
        e.code === 'tls-untrusted'
      )
        return 'unreachable';
      throw e;
    }
  }

  private async recordFor(account: string): Promise<{ record: RegistrationRecord; key: string }> {
    const data = await this.deps.metadata.load();
    const record = data.registrations.find((r) => r.account === account);
    const key = record ? await this.deps.vault.get(account) : null;
    if (!record || !key) {
      throw notRegistered(account);
    }
    return { record, key };
  }

  /** Checks a stored key with GET /companies and records the result. */
  async verify(
    account: string,
    signal?: AbortSignal,
  ): Promise<{ record: RegistrationRecord; result: VerifyResult }> {
    const { record, key } = await this.recordFor(account);
    const server = parseWawiAddress(record.server.baseUrl);
    const result = await this.verifyWith(
      this.client(server, record.server.allowSelfSigned),
      key,
      record.appId,
      record.appVersion,
      signal,
    );
    const changes: Partial<RegistrationRecord> = { lastVerifyResult: result };
    if (result !== 'unreachable') changes.lastVerifiedAt = new Date(this.clock.now()).toISOString();
    try {
      this.deps.metadata.patch(account, changes);
    } catch (err) {
      this.deps.logger.warn('verify result could not be saved', { error: err });
    }
    return { record: { ...record, ...changes }, result };
  }

  async list(options: { verify?: boolean; signal?: AbortSignal } = {}): Promise<RegistrationRecord[]> {
    const data = await this.deps.metadata.load();
    if (!options.verify) return data.registrations;
    return Promise.all(
      data.registrations.map(async (r) => (await this.verify(r.account, options.signal)).record),
    );
  }

  // ---------------------------------------------------------------- rotate, revoke, forget

  /**
   * Waits until the app was removed in Wawi: the old key gets 401, or (when allowed) the merchant
   * confirms. Transient problems are retried; the wait is capped by the timeout.
   */
  private async awaitRemoval(
    flow: Flow,
    client: WawiClient,
    record: RegistrationRecord,
    key: string,
    opts: FlowOptions & { confirmation?: Promise<void> },
  ): Promise<'dead' | 'confirmed'> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = this.clock.now() + timeoutMs;
    let confirmed = false;
    void opts.confirmation?.then(() => {
      confirmed = true;
    });
    const interval = this.deps.removalPollIntervalMs ?? 2000;
    for (;;) {
      if (confirmed) return 'confirmed';
      const result = await this.verifyWith(client, key, record.appId, record.appVersion, opts.signal);
      if (result === 'rejected') {
        flow.to('awaiting-removal', { oldKeyDead: true });
        return 'dead';
      }
      if (confirmed) return 'confirmed';
      const remaining = deadline - this.clock.now();
      if (remaining <= 0)
        throw new HelperError('timed-out', { params: { timeout: formatDuration(timeoutMs) } });
      flow.to('awaiting-removal', {
        oldKeyDead: false,
        nextPollInMs: interval,
        ...(result === 'unreachable'
          ? {
              transient: new HelperError('unreachable', {
                params: { address: record.server.baseUrl },
              }).toJSON(),
            }
          : {}),
      });
      const wake = opts.confirmation
        ? Promise.race([opts.confirmation, this.sleepOrCancel(Math.min(interval, remaining), opts.signal)])
        : this.sleepOrCancel(Math.min(interval, remaining), opts.signal);
      await wake;
      if (opts.signal?.aborted) throw new HelperError('cancelled');
    }
  }

  /** A rotate or revoke flow for a stored registration, starting with the check of its key. */
  private managementFlow(kind: 'rotate' | 'revoke', record: RegistrationRecord, opts: FlowOptions): Flow {
    return new Flow(
      kind,
      { appId: record.appId, displayName: record.displayName },
      record.server,
      this.clock,
      opts,
      'checking',
    );
  }

  /**
   * Rotates a key: the merchant removes the app in Wawi (we wait until the old key gets 401 or the
   * merchant confirms), then the app is registered again and the new key replaces the old one.
   * The old key leaves the keychain only when the new one is stored over it.
   */
  async rotate(
    account: string,
    opts: FlowOptions & { manifest?: AppManifest; confirmation?: Promise<void> } = {},
  ): Promise<RegistrationRecord> {
    const { record, key } = await this.recordFor(account);
    const manifest = opts.manifest ?? this.deps.metadata.manifest(account);
    const server = parseWawiAddress(record.server.baseUrl);
    const flow = this.managementFlow('rotate', record, opts);
    const log = this.deps.logger.child({ flow: 'rotate', account });
    try {
      if (!manifest) {
        throw new HelperError('manifest-invalid', {
          params: {
            problems:
              'The manifest this app was registered with is not on this computer; give it with --manifest.',
          },
        });
      }
      if (manifest.AppId !== record.appId) {
        throw new HelperError('manifest-invalid', {
          params: { problems: `The manifest is for ${manifest.AppId}, not ${record.appId}.` },
        });
      }
      await this.deps.vault.check();
      const client = this.client(server, record.server.allowSelfSigned);
      const how = await this.awaitRemoval(flow, client, record, key, opts);
      log.info('old registration removed in Wawi', { how });
    } catch (err) {
      throw flow.end(this.withApp(asHelperError(err), record.appId));
    }
    flow.to('sending');
    // The registration continues under the same flow id, so a UI follows one flow from start to end.
    return this.register(manifest, server, {
      ...opts,
      kind: 'rotate',
      flowId: flow.id,
      waitForWindow: true,
      allowSelfSigned: record.server.allowSelfSigned,
    });
  }

  /**
   * Revokes a key: the merchant removes the app in Wawi; once the key gets 401 the keychain entry and
   * metadata are deleted. `localOnly` forgets it on this computer without asking Wawi.
   */
  async revoke(account: string, opts: FlowOptions & { localOnly?: boolean } = {}): Promise<void> {
    if (opts.localOnly) return this.forget(account);
    const { record, key } = await this.recordFor(account);
    const flow = this.managementFlow('revoke', record, opts);
    try {
      await this.awaitRemoval(
        flow,
        this.client(parseWawiAddress(record.server.baseUrl), record.server.allowSelfSigned),
        record,
        key,
        {
          ...opts,
          confirmation: undefined,
        },
      );
      await this.deps.vault.delete(account);
      this.deps.metadata.remove(account);
      this.deps.logger.info('key revoked and removed from this computer', { account });
      flow.to('removed', { record });
    } catch (err) {
      throw flow.end(this.withApp(asHelperError(err), record.appId));
    }
  }

  /** Forgets a registration on this computer only: the app stays registered in Wawi. */
  async forget(account: string): Promise<void> {
    const deleted = await this.deps.vault.delete(account);
    const data = await this.deps.metadata.load();
    const known = data.registrations.some((r) => r.account === account) || deleted;
    if (!known) {
      throw notRegistered(account);
    }
    this.deps.metadata.remove(account);
    this.deps.logger.info('registration forgotten on this computer only', { account });
  }

  pending(): Promise<PendingRegistration[]> {
    return this.deps.vault.listPending();
  }
}
