// What each state of the wizard invokes on entering it, and running it over the bridge: the start-up,
// the search for servers, taking up a waiting request, starting a registration or a removal, and
// reading this computer's registrations on a server that answered 409. Each answer comes back as the
// machine's action; an answer for a state that was left meanwhile is ignored by the machine (its
// screen does not take it).
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { RegistrationRecord } from '../../../shared/registration';
import type { Action, Wizard } from './machine';
import type { StartRequest } from './screens';
import { toError } from './to-error';

export type Invocation =
  | { type: 'launch' }
  | { type: 'discover' }
  | { type: 'resume'; account: string }
  | { type: 'start'; start: StartRequest }
  | { type: 'removal'; kind: 'rotate' | 'revoke'; account: string }
  | { type: 'registrations-here'; baseUrl: string };

/** The effect the state invokes, or undefined. One state object invokes at most once. */
export function invoked(w: Wizard): Invocation | undefined {
  const s = w.screen;
  switch (s.name) {
    case 'loading':
      return { type: 'launch' };
    case 'resuming':
      return { type: 'resume', account: s.pending.account };
    case 'connect':
      return s.discovery ? undefined : { type: 'discover' };
    case 'review':
      return s.sending ? { type: 'start', start: s.sending } : undefined;
    case 'starting':
      return { type: 'start', start: s.start };
    case 'removal':
      return s.flowId ? undefined : { type: 'removal', kind: s.kind, account: s.record.account };
    case 'failure':
      return s.error.code === 'already-registered' && s.server && !s.here
        ? { type: 'registrations-here', baseUrl: s.server.baseUrl }
        : undefined;
    default:
      return undefined;
  }
}

/** Runs an invocation; its answer (or failure) as the action for the machine. Never rejects. */
export async function run(api: ApiClient, inv: Invocation): Promise<Action> {
  switch (inv.type) {
    case 'launch':
      try {
        const launch = await api.call('app:launch', {});
        const [{ pending }, { registrations }] = await Promise.all([
          api.call('registrations:pending', {}).catch(() => ({ pending: [] })),
          launch.action === 'rotate' || launch.action === 'revoke'
            ? api.call('registrations:list', {}).catch(() => ({ registrations: [] as RegistrationRecord[] }))
            : { registrations: [] as RegistrationRecord[] },
        ]);
        return { type: 'launch-loaded', launch, pending, registrations };
      } catch (err) {
        return { type: 'launch-failed', error: toError(err) };
      }
    case 'discover':
      try {
        return {
          type: 'discovered',
          discovery: { servers: (await api.call('servers:discover', {})).servers },
        };
      } catch (err) {
        // The search ends either way: the merchant can still type the address.
        return { type: 'discovered', discovery: { servers: [], error: toError(err) } };
      }
    case 'resume':
      try {
        return {
          type: 'resumed',
          flowId: (await api.call('registration:resume', { account: inv.account })).flowId,
        };
      } catch {
        return { type: 'resume-failed' };
      }
    case 'start': {
      const s = inv.start;
      try {
        const { flowId } =
          s.how === 'instance'
            ? await api.call('registration:add-instance', { account: s.first.account })
            : await api.call('registration:start', {
                baseUrl: s.server.baseUrl,
                // The trust the merchant gave on the screens before: a compared certificate, or plain http.
                ...(s.server.certificatePin ? { certificatePin: s.server.certificatePin } : {}),
                ...(s.server.insecureHttp ? { insecureHttp: true as const } : {}),
                ...(s.how === 'replace' ? { replaceRegistered: true as const } : {}),
              });
        return { type: 'started', flowId };
      } catch (err) {
        return {
          type: 'failed',
          error: toError(err),
          kind: 'register',
          ...(s.how === 'instance' ? {} : { server: s.server }),
        };
      }
    }
    case 'removal':
      try {
        const { flowId } = await api.call(inv.kind === 'rotate' ? 'rotate:start' : 'revoke:start', {
          account: inv.account,
        });
        return { type: 'removal-started', flowId };
      } catch (err) {
        return { type: 'failed', error: toError(err), kind: inv.kind };
      }
    case 'registrations-here':
      try {
        const { registrations } = await api.call('registrations:list', {});
        return {
          type: 'registrations-here',
          registrations: registrations.filter((r) => r.server.baseUrl === inv.baseUrl),
        };
      } catch {
        return { type: 'registrations-here', registrations: [] };
      }
  }
}
