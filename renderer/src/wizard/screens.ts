// The wizard's screens and the pure rules between them: where the app starts, which screen a flow's
// event leads to, and where a failure may be retried from. No React, no DOM: unit-tested in Node.
import { retryFrom } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import type { FlowKind } from '../../../shared/flow';
import type { Response } from '../../../shared/ipc/schemas';
import { localizedText } from '../../../shared/localized';
import type {
  CertificateInfo,
  DiscoveredServer,
  FlowEvent,
  PendingView,
  RegistrationRecord,
  ServerRef,
} from '../../../shared/registration';
import { isLoopbackHost } from '../../../shared/wawi-address';

export type Launch = Response<'app:launch'>;

/** What a registration is started with: a new request, one replacing a registration, or an instance. */
export type StartRequest =
  | { how: 'new'; server: DiscoveredServer }
  | { how: 'replace'; server: DiscoveredServer }
  | { how: 'instance'; first: RegistrationRecord };

/** What a search for Wawi REST servers found; `error`: the search itself failed. */
export interface Discovery {
  servers: DiscoveredServer[];
  error?: SerializedError;
}

/** The screens before the launch data is known. */
export type StartScreen =
  | { name: 'loading' }
  /** The start-up itself failed (app:launch, or reading what waits here). */
  | { name: 'start-failed'; error: SerializedError };

export type Screen =
  /** A request the helper was closed during is taken up again (then its waiting screen). */
  | { name: 'resuming'; pending: PendingView; registrations: RegistrationRecord[] }
  /** Choosing the server; `discovery`: what the search found (undefined while it runs). */
  | { name: 'connect'; discovery?: Discovery }
  | { name: 'trust'; server: DiscoveredServer & { certificate: CertificateInfo } }
  | { name: 'insecure'; server: DiscoveredServer }
  /**
   * `notice`: the merchant's own cancel brought them back here. `sending`: the request is being
   * started (the machine invokes it).
   */
  | { name: 'review'; server: DiscoveredServer; notice?: SerializedError; sending?: StartRequest }
  /** A further instance, or a registration that replaces one in Wawi, being started from a failure or the list. */
  | { name: 'starting'; start: StartRequest; from: 'failure' | 'manage' }
  /** `from`: the screen the request was sent from, where a cancel goes back to. */
  | { name: 'waiting'; server: DiscoveredServer; flowId: string; from?: 'review' }
  | { name: 'done'; record: RegistrationRecord; kind: FlowKind }
  | {
      name: 'failure';
      error: SerializedError;
      kind: FlowKind;
      server?: DiscoveredServer;
      record?: RegistrationRecord;
      /** 409: this computer's registrations on that server, once read (the next action depends on them). */
      here?: RegistrationRecord[];
    }
  | { name: 'manage'; notice?: SerializedError }
  | { name: 'removal'; kind: 'rotate' | 'revoke'; record: RegistrationRecord; flowId?: string }
  | { name: 'revoked'; record: RegistrationRecord };

/** A server a flow reports, as the screens show servers. */
export const shown = (s: ServerRef): DiscoveredServer => ({ ...s, apiStyle: 'v1' });

/** The server runs on this computer (the host rule, shared/wawi-address.ts). */
export const onThisComputer = (s: Pick<DiscoveredServer, 'host'>) => isLoopbackHost(s.host);

/** After choosing a server: compare an unknown certificate, or agree to plain http, before anything else. */
export function afterChoosing(server: DiscoveredServer): Screen {
  if (server.certificate && !server.certificate.trusted)
    return { name: 'trust', server: { ...server, certificate: server.certificate } };
  if (!server.certificate && !onThisComputer(server)) return { name: 'insecure', server };
  return { name: 'review', server };
}

/**
 * A further instance can be registered from this registration: the launching app is MultiInstance
 * and this is its first instance here.
 */
export function multiInstance(launch: Launch | null, r: RegistrationRecord): boolean {
  return launch?.manifest?.RegistrationType === 1 && launch.manifest.AppId === r.appId && !r.instance;
}

/**
 * Where the app starts. A registration the helper was closed during goes on first: its request is
 * still in Wawi (only a request Wawi confirmed can be collected; an unconfirmed one is met when
 * registering).
 */
export function decideStart(
  launch: Launch,
  pending: PendingView[],
  registrations: RegistrationRecord[],
): Screen {
  const waiting = pending.find((p) => p.requestConfirmed);
  return waiting ? { name: 'resuming', pending: waiting, registrations } : startScreen(launch, registrations);
}

/**
 * The first screen when nothing is waiting to be resumed. `--action rotate|revoke` goes straight to
 * that flow when the launching app has exactly one registration here.
 */
export function startScreen(launch: Launch, registrations: RegistrationRecord[]): Screen {
  if ((launch.action === 'rotate' || launch.action === 'revoke') && launch.manifest) {
    const mine = registrations.filter((r) => r.appId === launch.manifest!.AppId);
    if (mine.length === 1) return { name: 'removal', kind: launch.action, record: mine[0]! };
  }
  if (launch.action === 'register' && launch.manifestError)
    return { name: 'failure', error: launch.manifestError, kind: 'register' };
  if (launch.action === 'register' && launch.manifest) return { name: 'connect' };
  return { name: 'manage' };
}

/** The screen of a resumed registration. */
export const resumed = (p: PendingView, flowId: string): Screen => ({
  name: 'waiting',
  flowId,
  server: shown(p.server),
});

/** The screen a flow's event leads to from the current one, or undefined to stay. */
export function afterEvent(screen: Screen, e: FlowEvent): Screen | undefined {
  if (e.state === 'accepted' && e.record) return { name: 'done', record: e.record, kind: e.kind };
  // The merchant's own cancel is no failure: back where they came from, with a neutral word.
  if (e.state === 'cancelled' && e.error?.code === 'cancelled') {
    if (screen.name === 'waiting' && screen.from === 'review')
      return { name: 'review', server: screen.server, notice: e.error };
    return { name: 'manage', notice: e.error };
  }
  if (e.state === 'removed' && e.record) return { name: 'revoked', record: e.record };
  if (e.error && ['failed', 'rejected', 'cancelled', 'timed-out'].includes(e.state)) {
    const server = screen.name === 'waiting' ? screen.server : undefined;
    const record = screen.name === 'removal' ? screen.record : undefined;
    return { name: 'failure', error: e.error, kind: e.kind, server, record };
  }
  // A rotation whose old registration is gone now waits for acceptance like a registration.
  if (screen.name === 'removal' && e.kind === 'rotate' && e.state === 'waiting')
    return { name: 'waiting', flowId: e.flowId, server: shown(e.server) };
  return undefined;
}

/**
 * Where "Try again" leads from a failure: a server problem back to choosing the server; a request
 * that failed on its way (or was not collected) is sent again to the same server at once (a kept
 * request is waited for again); a rejected or unconfirmed one goes back to reviewing; rotate and
 * revoke to the same removal. Undefined: no retry here.
 */
export function retryScreen(
  failure: Extract<Screen, { name: 'failure' }>,
  canRegister: boolean,
): Screen | undefined {
  if (failure.kind === 'register' && canRegister) {
    if (retryFrom(failure.error.code) === 'server' || !failure.server) return { name: 'connect' };
    // Asked anew from the review: a rejected request, or one dropped because it may have arrived.
    const review =
      failure.error.code === 'rejected' ||
      failure.error.code === 'request-unconfirmed' ||
      failure.error.params?.pendingKept === 'unconfirmed';
    if (review) return { name: 'review', server: failure.server };
    return { name: 'review', server: failure.server, sending: { how: 'new', server: failure.server } };
  }
  if (failure.record)
    return { name: 'removal', kind: failure.kind === 'revoke' ? 'revoke' : 'rotate', record: failure.record };
  return undefined;
}

/**
 * The name of an app in the merchant's language: the launching app's localized name; any other app by
 * the name it was registered with (the one Wawi shows; steps in Wawi use that one, not this).
 */
export function appName(launch: Launch, lang: string, appId: string, registered: string): string {
  const m = launch.manifest;
  return m && m.AppId === appId ? localizedText(m, lang).name : registered;
}
