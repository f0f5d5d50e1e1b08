// Registering an app on a server. The helper never sends a second request while one may be waiting in
// Wawi: a pending entry for this app and server is resumed instead. Order: keychain proven writable,
// pending entry written, POST, request id added, poll, key stored, record, check.
import { randomBytes } from 'node:crypto';
import type { AppManifest } from '../../../shared/manifest';
import type { PendingRegistration, RegistrationRecord } from '../../../shared/registration';
import { asHelperError, withParams } from '../errors';
import { type Logger, registerSecret } from '../log/logger';
import { accountName, parseWawiAddress, type WawiServer } from '../wawi/address';
import { type Connection, connectionForNew, serverRef, type TrustOptions } from '../wawi/connection';
import type { FlowContext } from './context';
import { type EntryState, kept, unconfirmed, withApp } from './entry';
import { Flow, type FlowOptions } from './flow';
import { poll } from './poll';
import { continuePending, findPending } from './resume';
import type { Run } from './run';
import { sendRequest } from './send';
import { DEFAULT_TIMEOUT_MS } from './timing';

export interface RegisterOptions extends FlowOptions {
  /** What the merchant said about trusting the server (a new registration only). */
  trust?: TrustOptions;
  /** While the Wawi dialog is not open (403), wait for it and send as soon as it is (the app). */
  waitForWindow?: boolean;
  /**
   * The app is registered in Wawi already, without its key here (409): with `waitForWindow`, wait
   * until the merchant has removed it there, then send.
   */
  replaceRegistered?: boolean;
}

/** A further instance of a MultiInstance app: its number, and the first instance it is asked for with. */
export interface InstanceOf {
  number: number;
  /** The request id of the first instance's registration (POST /authentication/{id}). */
  requestId: string;
  /** The first instance's account: the new instance is reached exactly as that one is. */
  account: string;
}

/** A random, URL-safe challenge code of 24 characters (the API allows at most 30). */
export function newChallengeCode(random: (n: number) => Uint8Array = randomBytes): string {
  return Buffer.from(random(18)).toString('base64url');
}

/** Longest name kept in a pending entry (Windows Credential Manager holds at most 2560 bytes). */
const MAX_NAME = 120;
const short = (s: string) => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1)}…` : s);

/** Keeps the manifest for later rotations; failing to is only logged. */
export function saveManifestQuietly(ctx: FlowContext, account: string, manifest: AppManifest, log: Logger) {
  try {
    ctx.deps.metadata.saveManifest(account, manifest);
  } catch (err) {
    log.warn('the manifest could not be saved for later rotations', { error: err });
  }
}

/** Registers the app on a server, or goes on with the registration already pending for it there. */
export async function register(
  ctx: FlowContext,
  manifest: AppManifest,
  target: WawiServer,
  opts: RegisterOptions = {},
): Promise<RegistrationRecord> {
  const account = accountName(manifest.AppId, target);
  const log = ctx.deps.logger.child({ flow: 'register', account });
  const app = { appId: manifest.AppId, displayName: manifest.DisplayName };
  const start = { kind: 'register' as const, app, server: serverRef(target) };
  // Another helper sending this app's request right now: wait until it knows the request id, then go
  // on with that request (below) instead of sending a second one.
  const release =
    (await ctx.deps.accountLock?.(account, {
      maxWaitMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal: opts.signal,
    })) ?? (() => {});
  try {
    let existing: PendingRegistration | undefined;
    try {
      existing = await findPending(ctx, account);
    } catch (err) {
      // The keychain could not even be read: a flow that ends as it starts.
      throw new Flow(start, ctx.clock, opts).end(withApp(asHelperError(err), manifest.AppId));
    }
    if (existing) {
      release();
      saveManifestQuietly(ctx, account, manifest, log);
      return await continuePending(ctx, existing, opts);
    }
    const flow = new Flow(start, ctx.clock, opts);
    return await registerIn(ctx, flow, manifest, target, { ...opts, onRequestKnown: release }, log);
  } finally {
    release();
  }
}

/**
 * The registration's steps in a flow that is sending: a new registration, or a rotation once the old
 * registration was removed (then `waitForWindow`: the request goes out as soon as the dialog waits).
 */
export async function registerIn(
  ctx: FlowContext,
  flow: Flow,
  manifest: AppManifest,
  target: WawiServer,
  opts: RegisterOptions & { instance?: InstanceOf; onRequestKnown?: () => void },
  log: Logger,
): Promise<RegistrationRecord> {
  const { vault } = ctx.deps;
  const { instance } = opts;
  let server = target;
  const account = accountName(manifest.AppId, server, instance?.number);
  const entry = { state: 'none' as EntryState };
  // Until the first request is on its way, a failure says that nothing was sent.
  let sending = false;
  /** The account's lock, taken again before a request that replaces an expired one. */
  let releaseAgain: (() => void) | undefined;
  try {
    // Fail closed before the server is touched: a keychain that can't store means no registration.
    await vault.check();
    // An account registered before keeps its scheme and pin (an instance: as its first instance).
    const known = (await vault.connections()).get(instance?.account ?? account);
    if (known) server = parseWawiAddress(known.baseUrl);
    const conn: Connection = known ?? (await connectionForNew(server, opts.trust ?? {}, opts.signal));
    const client = ctx.connect(server, conn);
    flow.setServer(serverRef(server, undefined, conn));
    const info = await flow.within(opts.signal, (s) => client.detect(s));
    flow.setServer(serverRef(server, info.version, conn));
    const run: Run<typeof opts> = { ctx, flow, client, opts, log };
    const ref = serverRef(server, info.version, conn);
    for (let expired = 0; ; expired++) {
      const pending = newPending(ctx, flow, manifest, account, server, conn, instance);
      sending = true;
      const requestId = await sendRequest(run, manifest, pending, entry);
      opts.onRequestKnown?.();
      releaseAgain?.();
      releaseAgain = undefined;
      log.info('registration request sent', {
        requestId,
        apiStyle: info.apiStyle,
        wawiVersion: info.version,
      });
      if (!expired) saveManifestQuietly(ctx, account, manifest, log);
      if (pending.sentAt) flow.carry({ sentAt: pending.sentAt });
      flow.to('waiting', { polls: 0, nextPollInMs: 0 });
      try {
        return await poll(run, { ...pending, requestId }, ref);
      } catch (err) {
        // The Wawi dialog was closed while the request waited in it: Wawi dropped the request (404).
        // Where the helper waits for the dialog (the app, a rotation), a new request goes out as soon
        // as the dialog waits again, and every later event says that one expired.
        const e = asHelperError(err);
        if (e.code !== 'request-not-found' || !opts.waitForWindow) throw e;
        entry.state = 'none'; // poll() ended the entry with the request
        log.info('the request is gone in Wawi (its dialog was closed); a new one is sent when it waits');
        flow.carry({ requestsExpired: expired + 1, sentAt: undefined });
        flow.to('sending', { transient: e.toJSON() });
        // As at the start: another helper may be sending this app's request now. Its request, once
        // known, is the one to wait for, instead of sending a second one.
        releaseAgain = await ctx.deps.accountLock?.(account, {
          maxWaitMs: Math.max(0, flow.remaining()),
          signal: opts.signal,
        });
        const theirs = await findPending(ctx, account);
        if (theirs?.requestId) {
          releaseAgain?.();
          releaseAgain = undefined;
          entry.state = 'confirmed';
          log.info('another helper sent a request for this app meanwhile; waiting for that one');
          flow.to('waiting', { polls: 0, nextPollInMs: 0 });
          return await poll(run, { ...theirs, requestId: theirs.requestId }, ref);
        }
        if (theirs) throw unconfirmed(theirs);
      }
    }
  } catch (err) {
    const e = withApp(asHelperError(err), manifest.AppId);
    throw flow.end(
      sending
        ? kept(e, entry.state, account, flow.carried.requestsExpired)
        : withParams(e, { nothingSent: 'true' }),
    );
  } finally {
    releaseAgain?.();
  }
}

/** A new request's pending entry: a fresh challenge code, not in the keychain yet. */
function newPending(
  ctx: FlowContext,
  flow: Flow,
  manifest: AppManifest,
  account: string,
  server: WawiServer,
  conn: Connection,
  instance: InstanceOf | undefined,
): PendingRegistration {
  const challengeCode = newChallengeCode(ctx.random);
  registerSecret(challengeCode);
  return {
    v: 2,
    kind: flow.kind === 'rotate' ? 'rotate' : 'register',
    account,
    baseUrl: server.baseUrl,
    appId: manifest.AppId,
    displayName: short(manifest.DisplayName),
    providerName: short(manifest.ProviderName),
    appVersion: manifest.Version,
    challengeCode,
    startedAt: new Date(ctx.clock.now()).toISOString(),
    ...(conn.certificatePin ? { certificatePin: conn.certificatePin } : {}),
    ...(conn.insecureHttp ? { insecureHttp: true as const } : {}),
    ...(instance ? { instance: instance.number, instanceOf: instance.requestId } : {}),
    ...(manifest.ServiceAccount ? { serviceAccount: manifest.ServiceAccount } : {}),
  };
}
