// The wizard's screens and the pure rules between them: where the app starts, which screen a flow's
// event leads to, and where a failure may be retried from. No React, no DOM: unit-tested in Node.
import { retryFrom } from '../../../shared/errors/meta';
import type { SerializedError } from '../../../shared/errors/schema';
import type { FlowKind } from '../../../shared/flow';
import type { Response } from '../../../shared/ipc/schemas';
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

export type Screen =
  | { name: 'loading' }
  | { name: 'connect' }
  | { name: 'trust'; server: DiscoveredServer & { certificate: CertificateInfo } }
  | { name: 'insecure'; server: DiscoveredServer }
  /** `notice`: the merchant's own cancel brought them back here. */
  | { name: 'review'; server: DiscoveredServer; notice?: SerializedError }
  /** `from`: the screen the request was sent from, where a cancel goes back to. */
  | { name: 'waiting'; server: DiscoveredServer; flowId: string; from?: 'review' }
  | { name: 'done'; record: RegistrationRecord; kind: FlowKind }
  | {
      name: 'failure';
      error: SerializedError;
      kind: FlowKind;
      server?: DiscoveredServer;
      record?: RegistrationRecord;
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

/** Where the app starts: resume a waiting request, or the screen to show. */
export type Start = { resume: PendingView } | { screen: Screen };

/**
 * A registration the helper was closed during goes on first: its request is still in Wawi (only a
 * request Wawi confirmed can be collected; an unconfirmed one is met when registering). `--action
 * rotate|revoke` goes straight to that flow when the launching app has exactly one registration here.
 */
export function decideStart(
  launch: Launch,
  pending: PendingView[],
  registrations: RegistrationRecord[],
): Start {
  const waiting = pending.find((p) => p.requestConfirmed);
  return waiting ? { resume: waiting } : { screen: startScreen(launch, registrations) };
}

/** The first screen when nothing is waiting to be resumed. */
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
 * Where "Try again" leads from a failure: a server problem back to choosing the server, anything else
 * to the same server (registering) or the same removal (rotate, revoke); undefined: no retry here.
 */
export function retryScreen(
  failure: Extract<Screen, { name: 'failure' }>,
  canRegister: boolean,
): Screen | undefined {
  if (failure.kind === 'register' && canRegister) {
    return retryFrom(failure.error.code) === 'server' || !failure.server
      ? { name: 'connect' }
      : { name: 'review', server: failure.server };
  }
  if (failure.record)
    return { name: 'removal', kind: failure.kind === 'revoke' ? 'revoke' : 'rotate', record: failure.record };
  return undefined;
}
