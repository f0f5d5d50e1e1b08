// The registration, rotation and revocation flows for the CLI and the app. The building blocks (send,
// poll, accept, timing) are in ./flow/; this class holds what ties them to one app and one server.
import { randomBytes } from 'node:crypto';
import type { AppManifest } from '../../shared/manifest';
import type {
  FlowKind,
  PendingRegistration,
  PendingView,
  RegistrationRecord,
  ServerRef,
  VerifyResult,
} from '../../shared/registration';
import { accountName, parseWawiAddress, type WawiServer } from './address';
import {
  type Connection,
  clientFor,
  confirmUnknown,
  connectionEntry,
  connectionForNew,
  type TrustOptions,
} from './connection';
import { asHelperError, HelperError, notRegistered, withParams } from './errors';
import type { CoreDeps, FlowContext } from './flow/context';
import type { EntryState } from './flow/entry';
import { Flow, type FlowOptions } from './flow/flow';
import { poll } from './flow/poll';
import { sendRequest } from './flow/send';
import { type Clock, DEFAULT_TIMEOUT_MS, sleepOrCancel, step, systemClock, timedOut } from './flow/timing';
import { verifyKey } from './flow/verify';
import { type Logger, registerSecret } from './logger';
import { checkTrust, decideTrust, type TrustCheck, type TrustDecision } from './trust';
import type { WawiClient } from './wawi-client';

export type { CoreDeps } from './flow/context';
export type { FlowOptions } from './flow/flow';
export { type Clock, DEFAULT_TIMEOUT_MS, formatDuration, systemClock, Trigger } from './flow/timing';

/** A random, URL-safe challenge code of 24 characters (the API allows at most 30). */
export function newChallengeCode(random: (n: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(18)).toString('base64url');
}

function serverRef(server: WawiServer, wawiVersion?: string, conn: Connection = {}): ServerRef {
  return {
    baseUrl: server.baseUrl,
    host: server.host,
    port: server.port,
    database: server.database,
    ...(wawiVersion ? { wawiVersion } : {}),
    ...(conn.certificatePin ? { certificatePin: conn.certificatePin } : {}),
    ...(conn.insecureHttp ? { insecureHttp: true as const } : {}),
  };
}

/** Removal checks over consented plain http when the merchant can't confirm the removal. */
const SPARSE_REMOVAL_POLL_MS = 30_000;

/** Longest name kept in a pending entry (Windows Credential Manager holds at most 2560 bytes). */
const MAX_NAME = 120;
const short = (s: string) => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);

/** The error for a pending entry whose request may be in Wawi under an id this computer never got. */
function unconfirmed(p: PendingRegistration): HelperError {
  return new HelperError('request-unconfirmed', {
    params: { appId: p.appId, address: p.baseUrl, startedAt: p.startedAt, account: p.account },
  });
}

/** Outcomes after which no pending entry is left to continue with (or its text says what to do). */
const ENDS_ENTRY: readonly string[] = [
  'rejected',
  'request-not-found',
  'already-handed-out',
  'key-not-stored',
  'request-unconfirmed',
];

export class Core {
  readonly clock: Clock;
  private readonly ctx: FlowContext;

  constructor(readonly deps: CoreDeps) {
    this.clock = deps.clock ?? systemClock;
    this.ctx = { deps, clock: this.clock, random: deps.random ?? randomBytes };
  }

  /** A client for a server that sends secrets only as the connection (pin, http consent) allows. */
  client(server: WawiServer, conn: Connection = {}): WawiClient {
    return clientFor(server, conn, this.deps.http);
  }

  /**
   * How to reach a registration's server. A registration whose scheme is unknown is confirmed first
   * (https the OS trusts, or http to this computer) and the result kept; until then no key is sent.
   */
  async connectionFor(
    record: RegistrationRecord,
    signal?: AbortSignal,
  ): Promise<{ server: WawiServer; client: WawiClient; ref: ServerRef }> {
    if (!record.server.connectionUnknown) {
      const server = parseWawiAddress(record.server.baseUrl);
      return { server, client: this.client(server, record.server), ref: record.server };
    }
    const { server, conn } = await confirmUnknown(record.server, this.deps.http ?? {}, signal);
    const ref = serverRef(server, record.server.wawiVersion, conn);
    await this.keepConnection(record.account, ref);
    this.deps.logger.info('connection of a rebuilt registration confirmed', { account: record.account });
    return { server, client: this.client(server, conn), ref };
  }

  /** Keeps how a registration's server is reached: in the keychain, and in the metadata for display. */
  async keepConnection(account: string, ref: ServerRef): Promise<void> {
    await this.deps.vault.saveConnection(account, connectionEntry(ref));
    try {
      this.deps.metadata.patch(account, { server: ref });
    } catch (err) {
      this.deps.logger.warn('metadata could not be updated', { error: err });
    }
  }

  private withApp(err: HelperError, appId: string): HelperError {
    return err.params?.appId ? err : withParams(err, { appId });
  }

  /** Says in the error that the request is still waiting in Wawi and kept here (unless it is gone). */
  private kept(err: HelperError, entry: EntryState, account: string): HelperError {
    if (entry === 'none' || ENDS_ENTRY.includes(err.code)) return err;
    return withParams(err, { pendingKept: entry === 'confirmed' ? 'true' : 'unconfirmed', account });
  }

  private saveManifestQuietly(account: string, manifest: AppManifest, log: Logger) {
    try {
      this.deps.metadata.saveManifest(account, manifest);
    } catch (err) {
      log.warn('the manifest could not be saved for later rotations', { error: err });
    }
  }

  // ---------------------------------------------------------------- register, resume, discard

  /**
   * Registers the app on a server, or goes on with the registration already pending for this app and
   * server: the helper never sends a second request while one may be waiting in Wawi. Order: keychain
   * proven writable, pending entry written, POST, request id added, poll, key stored, record, check.
   */
  async register(
    manifest: AppManifest,
    target: WawiServer,
    opts: FlowOptions & { kind?: FlowKind; waitForWindow?: boolean; trust?: TrustOptions } = {},
  ): Promise<RegistrationRecord> {
    const { vault, logger } = this.deps;
    let server = target;
    const account = accountName(manifest.AppId, server);
    const kind = opts.kind ?? 'register';
    const log = logger.child({ flow: kind, account });
    // An entry without a request id ends in resume, with what to do about it.
    const existing = await this.deps.vault
      .listPending()
      .then((all) => all.find((p) => p.account === account))
      .catch((err: unknown) => {
        throw this.failedAtOnce(kind, manifest, server, opts, err);
      });
    if (existing) {
      this.saveManifestQuietly(account, manifest, log);
      return this.resume(existing, opts);
    }
    const flow = new Flow(
      kind,
      { appId: manifest.AppId, displayName: manifest.DisplayName },
      serverRef(server),
      this.clock,
      opts,
      'sending',
    );
    const entry = { state: 'none' as EntryState };
    try {
      // Fail closed before the server is touched: a keychain that can't store means no registration.
      await vault.check();
      // An account registered before keeps its scheme and pin: no option overrides them.
      const known = (await vault.connections()).get(account);
      if (known) server = parseWawiAddress(known.baseUrl);
      const conn: Connection = known ?? (await connectionForNew(server, opts.trust ?? {}, opts.signal));
      const client = this.client(server, conn);
      flow.setServer(serverRef(server, undefined, conn));
      const info = await step(opts.signal, () => client.detect(opts.signal));
      flow.setServer(serverRef(server, info.version, conn));
      const challengeCode = newChallengeCode(this.ctx.random);
      registerSecret(challengeCode);
      const pending: PendingRegistration = {
        v: 2,
        kind: kind === 'rotate' ? 'rotate' : 'register',
        account,
        baseUrl: server.baseUrl,
        appId: manifest.AppId,
        displayName: short(manifest.DisplayName),
        providerName: short(manifest.ProviderName),
        appVersion: manifest.Version,
        challengeCode,
        startedAt: new Date(this.clock.now()).toISOString(),
        ...(conn.certificatePin ? { certificatePin: conn.certificatePin } : {}),
        ...(conn.insecureHttp ? { insecureHttp: true as const } : {}),
      };
      const requestId = await sendRequest(this.ctx, flow, client, manifest, pending, entry, opts, log);
      log.info('registration request sent', {
        requestId,
        apiStyle: info.apiStyle,
        wawiVersion: info.version,
      });
      this.saveManifestQuietly(account, manifest, log);
      flow.to('waiting', { polls: 0, nextPollInMs: 0 });
      const ref = serverRef(server, info.version, conn);
      return await poll(this.ctx, flow, client, { ...pending, requestId }, ref, opts, log);
    } catch (err) {
      throw flow.end(this.kept(this.withApp(asHelperError(err), manifest.AppId), entry.state, account));
    }
  }

  /** A flow that ends before it starts (the keychain could not even be read): one failed event. */
  private failedAtOnce(
    kind: FlowKind,
    manifest: AppManifest,
    server: WawiServer,
    opts: FlowOptions,
    err: unknown,
  ) {
    const app = { appId: manifest.AppId, displayName: manifest.DisplayName };
    const flow = new Flow(kind, app, serverRef(server), this.clock, opts, 'sending');
    return flow.end(this.withApp(asHelperError(err), manifest.AppId));
  }

  /** Goes on polling a pending registration (same request, same challenge code). */
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
      pending.requestId ? { resumedFrom: pending.startedAt } : {},
    );
    const entry: EntryState = pending.requestId ? 'confirmed' : 'unconfirmed';
    try {
      const { requestId } = pending;
      if (!requestId) throw unconfirmed(pending);
      log.info('resuming a pending registration', { requestId });
      flow.to('waiting', { polls: 0, nextPollInMs: 0 });
      const client = this.client(server, pending);
      const ref = serverRef(server, undefined, pending);
      return await poll(this.ctx, flow, client, { ...pending, requestId }, ref, opts, log, true);
    } catch (err) {
      throw flow.end(this.kept(this.withApp(asHelperError(err), pending.appId), entry, pending.account));
    }
  }

  /**
   * Picks up every registration a closed or crashed helper left waiting, all at once: one slow server
   * does not hold up another. Entries without a request id are reported, not polled.
   */
  async resumePending(
    opts: Omit<FlowOptions, 'flowId'> = {},
  ): Promise<{ pending: PendingRegistration; result?: RegistrationRecord; error?: HelperError }[]> {
    const all = await this.deps.vault.listPending();
    return Promise.all(
      all.map((pending) =>
        this.resume(pending, opts).then(
          (result) => ({ pending, result }),
          (err: unknown) => ({ pending, error: asHelperError(err) }),
        ),
      ),
    );
  }

  /**
   * Drops a pending registration on this computer. A key Wawi hands out for it afterwards can't be
   * collected; callers warn before.
   */
  async discard(account: string): Promise<void> {
    if (!(await this.deps.vault.deletePending(account))) throw notRegistered(account);
    this.deps.logger.info('pending registration discarded by the user', { account });
  }

  pending(): Promise<PendingRegistration[]> {
    return this.deps.vault.listPending();
  }

  /** The pending registrations as the CLI and the app show them: no request id, no challenge code. */
  async pendingViews(): Promise<PendingView[]> {
    return (await this.pending()).map((p) => {
      const s = parseWawiAddress(p.baseUrl);
      return {
        account: p.account,
        appId: p.appId,
        displayName: p.displayName,
        providerName: p.providerName,
        appVersion: p.appVersion,
        server: serverRef(s, undefined, p),
        startedAt: p.startedAt,
        ...(p.sentAt ? { sentAt: p.sentAt } : {}),
        requestConfirmed: p.requestId !== undefined,
        kind: p.kind,
      };
    });
  }

  // ---------------------------------------------------------------- verify

  /** The registration of an account on this computer, or not-registered. */
  async record(account: string): Promise<RegistrationRecord> {
    const record = (await this.deps.metadata.load()).registrations.find((r) => r.account === account);
    if (!record) throw notRegistered(account);
    return record;
  }

  private async recordFor(account: string): Promise<{ record: RegistrationRecord; key: string }> {
    const record = await this.record(account);
    const key = await this.deps.vault.get(account);
    if (!key) throw notRegistered(account);
    return { record, key };
  }

  /** Checks a stored key with GET /companies and records the result. */
  async verify(
    account: string,
    signal?: AbortSignal,
  ): Promise<{ record: RegistrationRecord; result: VerifyResult }> {
    const { record, key } = await this.recordFor(account);
    const { client } = await this.connectionFor(record, signal);
    const result = await verifyKey(client, key, record, signal);
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
    // One registration that can't be checked (untrusted certificate, no consent) does not hide the rest.
    return Promise.all(
      data.registrations.map((r) =>
        this.verify(r.account, options.signal).then(
          (v) => v.record,
          (err: unknown) => {
            this.deps.logger.warn('a registration could not be checked', {
              account: r.account,
              error: asHelperError(err).toJSON(),
            });
            return { ...r, lastVerifyResult: 'unreachable' as const };
          },
        ),
      ),
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
    opts: FlowOptions & { confirmation?: Promise<void>; confirmationEnds?: boolean },
  ): Promise<'dead' | 'confirmed'> {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = this.clock.now() + timeoutMs;
    let confirmed = false;
    void opts.confirmation?.then(() => {
      confirmed = true;
    });
    const ends = opts.confirmationEnds !== false;
    // Over consented plain http the key travels readable by the network on every check: it is sent
    // only once the merchant says the app was removed, or (without a way to say so) every 30 s.
    const sparse = record.server.insecureHttp === true;
    const base = this.deps.removalPollIntervalMs ?? 2000;
    const interval = sparse && !opts.confirmation ? Math.max(base, SPARSE_REMOVAL_POLL_MS) : base;
    for (;;) {
      if (confirmed && ends) return 'confirmed';
      const check = !sparse || !opts.confirmation || confirmed;
      const result = check ? await verifyKey(client, key, record, opts.signal) : 'works';
      if (result === 'rejected') {
        flow.to('awaiting-removal', { oldKeyDead: true });
        return 'dead';
      }
      if (confirmed && ends) return 'confirmed';
      const remaining = deadline - this.clock.now();
      if (remaining <= 0) throw timedOut(timeoutMs, 'removal');
      flow.to('awaiting-removal', {
        oldKeyDead: false,
        ...(check ? { nextPollInMs: interval } : {}),
        ...(result === 'unreachable'
          ? {
              transient: new HelperError('unreachable', {
                params: { address: record.server.baseUrl },
              }).toJSON(),
            }
          : {}),
      });
      const sleep = sleepOrCancel(this.clock, Math.min(interval, remaining), opts.signal);
      await (opts.confirmation && !confirmed ? Promise.race([opts.confirmation, sleep]) : sleep);
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
    let server = parseWawiAddress(record.server.baseUrl);
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
      const reached = await this.connectionFor(record, opts.signal);
      server = reached.server;
      const how = await this.awaitRemoval(
        flow,
        reached.client,
        { ...record, server: reached.ref },
        key,
        opts,
      );
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
    });
  }

  /**
   * Revokes a key: the merchant removes the app in Wawi; once the key gets 401 the keychain entry and
   * metadata are deleted. `localOnly` forgets it on this computer without asking Wawi.
   */
  async revoke(
    account: string,
    opts: FlowOptions & { localOnly?: boolean; confirmation?: Promise<void> } = {},
  ): Promise<void> {
    if (opts.localOnly) return this.forget(account);
    const { record, key } = await this.recordFor(account);
    const flow = this.managementFlow('revoke', record, opts);
    try {
      const reached = await this.connectionFor(record, opts.signal);
      // A confirmation only makes revoke check at once: the key is deleted only after a 401.
      await this.awaitRemoval(flow, reached.client, { ...record, server: reached.ref }, key, {
        ...opts,
        confirmationEnds: false,
      });
      await this.deps.vault.delete(account);
      await this.forgetConnection(account);
      this.forgetMetadata(account);
      this.deps.logger.info('key revoked and removed from this computer', { account });
      flow.to('removed', { record });
    } catch (err) {
      throw flow.end(this.withApp(asHelperError(err), record.appId));
    }
  }

  /** What a registration's server presents now, and what the merchant would have to trust. */
  async checkTrust(account: string, signal?: AbortSignal): Promise<TrustCheck> {
    return checkTrust(await this.record(account), signal);
  }

  /**
   * Trusts a registration's server as the merchant decided (the explicit act after a renewed
   * certificate, for an unknown connection, or for plain http). Keeps it and returns the new reference.
   */
  async trust(account: string, decision: TrustDecision, signal?: AbortSignal): Promise<ServerRef> {
    const record = await this.record(account);
    const { check, server } = await decideTrust(record, decision, signal);
    await this.keepConnection(account, server);
    this.deps.logger.info('server trusted explicitly', {
      account,
      before: check.pinned ?? (record.server.connectionUnknown ? 'unknown' : 'none'),
      after: server.certificatePin ?? (server.insecureHttp ? 'plain http' : 'trusted by the OS'),
    });
    return server;
  }

  /** Forgets a registration on this computer only: the app stays registered in Wawi. */
  async forget(account: string): Promise<void> {
    const deleted = await this.deps.vault.delete(account);
    const data = await this.deps.metadata.load();
    const known = data.registrations.some((r) => r.account === account) || deleted;
    if (!known) {
      throw notRegistered(account);
    }
    await this.forgetConnection(account);
    this.forgetMetadata(account);
    this.deps.logger.info('registration forgotten on this computer only', { account });
  }

  /** Drops a registration's connection entry (best effort: without a key it is never used). */
  private async forgetConnection(account: string) {
    try {
      await this.deps.vault.deleteConnection(account);
    } catch (err) {
      this.deps.logger.warn('the connection entry could not be deleted', { error: err });
    }
  }

  /**
   * Drops a registration's metadata once its key is deleted. Failing to write it loses nothing: every
   * read drops records whose key is gone.
   */
  private forgetMetadata(account: string) {
    try {
      this.deps.metadata.remove(account);
    } catch (err) {
      this.deps.logger.warn('metadata could not be updated; it is corrected on the next read', {
        error: err,
      });
    }
  }
}
