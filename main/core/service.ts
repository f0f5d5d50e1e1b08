// The registration service: the core's only public entry for the CLI and the app. It holds the ports
// (keychain, metadata, log, clock, randomness, the Wawi client factory) privately; every flow step is in
// ./flows/, one file per step.
import { randomBytes } from 'node:crypto';
import type { AppManifest } from '../../shared/manifest';
import type {
  PendingRegistration,
  PendingView,
  RegistrationRecord,
  ServerRef,
  VerifyResult,
} from '../../shared/registration';
import { type HelperError, notRegistered } from './errors';
import type { RemovalOptions } from './flows/await-removal';
import type { CorePorts, FlowContext } from './flows/context';
import type { FlowOptions } from './flows/flow';
import { registerInstance } from './flows/instance';
import { PollPacer } from './flows/pacer';
import { keepConnection } from './flows/reach';
import { type RegisterOptions, register } from './flows/register';
import { continuePending, findPending, resumeAll } from './flows/resume';
import { revoke } from './flows/revoke';
import { type RotateOptions, rotate } from './flows/rotate';
import { forgetHere, lookupRecord, manifestFor } from './flows/stored';
import { resolveTimings, systemClock } from './flows/timing';
import { listRegistrations, verifyRegistration } from './flows/verify';
import { registerSecret } from './log/logger';
import { fetchSignature } from './signing/signature';
import { parseWawiAddress, type WawiServer } from './wawi/address';
import { clientFor, serverRef } from './wawi/connection';
import { type DiscoveredServer, discover, probeServer } from './wawi/discovery';
import { checkTrust, decideTrust, type TrustCheck, type TrustDecision } from './wawi/trust';

export class RegistrationService {
  readonly #ctx: FlowContext;

  constructor(ports: CorePorts) {
    const http = ports.http ?? {};
    const clock = ports.clock ?? systemClock;
    this.#ctx = {
      deps: ports,
      clock,
      timings: resolveTimings(ports.timings ?? {}),
      pacer: new PollPacer(),
      random: ports.random ?? randomBytes,
      connect: ports.connect ?? ((server, conn) => clientFor(server, conn, http)),
      sign:
        ports.sign ??
        ((manifest, signal) =>
          fetchSignature(manifest.SignatureProvider!, manifest, clock.now, http, signal)),
    };
  }

  get #deps() {
    return this.#ctx.deps;
  }

  /** The keychain service that holds the keys (the vendor app reads it there). */
  get keychainService(): string {
    return this.#deps.vault.service;
  }

  // ---------------------------------------------------------------- servers

  /** Finds Wawi servers on this computer and at the extra addresses. */
  discover(options: { candidates?: string[]; extra?: string[]; signal?: AbortSignal } = {}) {
    return discover({ ...options, http: this.#deps.http });
  }

  /** Reads /info at an address as typed (a scheme-less one over https, then http). */
  probe(address: string, signal?: AbortSignal): Promise<DiscoveredServer> {
    return probeServer(address, this.#deps.http, signal);
  }

  // ---------------------------------------------------------------- register, resume, discard

  /** Registers the app on a server, or goes on with the registration pending for it there. */
  register(
    manifest: AppManifest,
    server: WawiServer,
    opts: RegisterOptions = {},
  ): Promise<RegistrationRecord> {
    return register(this.#ctx, manifest, server, opts);
  }

  /** Goes on polling one pending registration (same request, same challenge code). */
  async resume(account: string, opts: FlowOptions = {}): Promise<RegistrationRecord> {
    const pending = await findPending(this.#ctx, account);
    if (!pending) throw notRegistered(account);
    return continuePending(this.#ctx, pending, opts);
  }

  /** Goes on with every pending registration at once. */
  resumeAll(
    opts: Omit<FlowOptions, 'flowId'> = {},
  ): Promise<{ pending: PendingRegistration; result?: RegistrationRecord; error?: HelperError }[]> {
    return resumeAll(this.#ctx, opts);
  }

  /**
   * Drops a pending registration on this computer. A key Wawi hands out for it afterwards can't be
   * collected; callers warn before.
   */
  async discard(account: string): Promise<void> {
    if (!(await this.#deps.vault.deletePending(account))) throw notRegistered(account);
    this.#deps.logger.info('pending registration discarded by the user', { account });
  }

  /** The pending registrations as the CLI and the app show them: no request id, no challenge code. */
  async pending(): Promise<PendingView[]> {
    return (await this.#deps.vault.listPending()).map((p) => ({
      account: p.account,
      appId: p.appId,
      displayName: p.displayName,
      providerName: p.providerName,
      appVersion: p.appVersion,
      server: serverRef(parseWawiAddress(p.baseUrl), undefined, p),
      startedAt: p.startedAt,
      ...(p.sentAt ? { sentAt: p.sentAt } : {}),
      requestConfirmed: p.requestId !== undefined,
      kind: p.kind,
    }));
  }

  // ---------------------------------------------------------------- registrations

  /** The registration of an account on this computer, or not-registered. */
  record(account: string): Promise<RegistrationRecord> {
    return lookupRecord(this.#ctx, account);
  }

  list(options: { verify?: boolean; signal?: AbortSignal } = {}): Promise<RegistrationRecord[]> {
    return listRegistrations(this.#ctx, options);
  }

  verify(
    account: string,
    signal?: AbortSignal,
  ): Promise<{ record: RegistrationRecord; result: VerifyResult }> {
    return verifyRegistration(this.#ctx, account, signal);
  }

  /**
   * The stored key, for the two places that hand it out on request: the CLI's --show-key and the app's
   * copy button. It is registered with the log's redaction before it is returned.
   */
  async readKey(account: string): Promise<string> {
    const key = await this.#deps.vault.get(account);
    if (!key) throw notRegistered(account);
    registerSecret(key);
    return key;
  }

  /**
   * Registers a further instance of a MultiInstance app registered here (`account` is any of its
   * instances on that server): POST /authentication/{id}, then polling and storing as usual.
   */
  registerInstance(
    account: string,
    opts: RegisterOptions & { manifest?: AppManifest } = {},
  ): Promise<RegistrationRecord> {
    return registerInstance(this.#ctx, account, opts);
  }

  /** What the manifest's SignatureProvider answers now (check-manifest): checked, never sent to Wawi. */
  sign(manifest: AppManifest, signal?: AbortSignal) {
    return this.#ctx.sign(manifest, signal);
  }

  /**
   * The manifest a rotation registers again with (the one given, else the one kept here), checked before
   * the merchant is asked to remove anything; manifest-invalid when there is none.
   */
  async rotationManifest(account: string, given?: AppManifest): Promise<AppManifest> {
    return manifestFor(this.#ctx, await lookupRecord(this.#ctx, account), given);
  }

  rotate(account: string, opts: RotateOptions = {}): Promise<RegistrationRecord> {
    return rotate(this.#ctx, account, opts);
  }

  /** Revokes a key (the merchant removes the app in Wawi); `localOnly` forgets it here only. */
  revoke(account: string, opts: RemovalOptions & { localOnly?: boolean } = {}): Promise<void> {
    return opts.localOnly ? this.forget(account) : revoke(this.#ctx, account, opts);
  }

  /** Forgets a registration on this computer only: the app stays registered in Wawi. */
  async forget(account: string): Promise<void> {
    const known = (await this.#deps.metadata.load()).registrations.some((r) => r.account === account);
    if (!(await forgetHere(this.#ctx, account)) && !known) throw notRegistered(account);
    this.#deps.logger.info('registration forgotten on this computer only', { account });
  }

  // ---------------------------------------------------------------- trust

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
    await keepConnection(this.#ctx, account, server);
    this.#deps.logger.info('server trusted explicitly', {
      account,
      before: check.pinned ?? (record.server.connectionUnknown ? 'unknown' : 'none'),
      after: server.certificatePin ?? (server.insecureHttp ? 'plain http' : 'trusted by the OS'),
    });
    return server;
  }

  /** Logs a line for a caller (the IPC table, the CLI) with the service's logger. */
  get log() {
    return this.#deps.logger;
  }
}
