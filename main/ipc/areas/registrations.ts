// Registering from the app, the registrations and pending ones on this computer, and the controls of
// a running flow (cancel, retry storing).
import { HelperError, notRegistered, parseWawiAddress } from '../../core/index';
import type { HandlerTable } from '../dispatcher';
import type { FlowRunner } from '../flow-runner';
import type { HandlerDeps } from '../types';
import type { ProbedServers } from './servers';

type RegistrationChannels =
  | 'registration:start'
  | 'registration:trust'
  | 'registrations:pending'
  | 'registration:resume'
  | 'registration:discard'
  | 'registrations:list'
  | 'registration:verify'
  | 'registration:forget'
  | 'flow:cancel'
  | 'flow:now'
  | 'flow:keep-waiting';

export function registrationHandlers(
  deps: HandlerDeps,
  runner: FlowRunner,
  probed: ProbedServers,
): Pick<HandlerTable, RegistrationChannels> {
  const { core, launch } = deps;
  return {
    'registration:start': async ({ baseUrl, timeoutMs, certificatePin, insecureHttp, replaceRegistered }) => {
      const manifest = launch.manifest;
      if (!manifest)
        throw (
          launch.manifestError ?? new HelperError('manifest-invalid', { params: { variant: 'no-manifest' } })
        );
      const seen = probed.at(baseUrl);
      // Only the certificate main saw can be trusted from the app, and only what the merchant confirmed.
      if (certificatePin && certificatePin !== seen.certificate?.fingerprint)
        throw new HelperError('invalid-input', {
          params: { reason: 'The certificate to trust is not the one this server presented.' },
        });
      const server = parseWawiAddress(baseUrl);
      const flowId = runner.start((opts) =>
        // The merchant may open the Wawi dialog after pressing Send: the request waits for it.
        core.register(manifest, server, {
          ...opts,
          timeoutMs,
          trust: { certificatePin, insecureHttp },
          waitForWindow: true,
          replaceRegistered,
        }),
      );
      return { flowId };
    },
    'registration:trust': async ({ account, certificatePin, insecureHttp }) => ({
      server: await core.trust(account, { certificatePin, insecureHttp }),
    }),
    'registrations:pending': async () => ({ pending: await core.pending() }),
    'registration:resume': async ({ account }) => {
      // Refused at once for an account without a pending entry, before a flow starts.
      if (!(await core.pending()).some((p) => p.account === account)) throw notRegistered(account);
      return { flowId: runner.start((opts) => core.resume(account, opts)) };
    },
    'registration:discard': async ({ account }) => {
      await core.discard(account);
      return {};
    },
    'registrations:list': async ({ verify }) => ({ registrations: await core.list({ verify }) }),
    'registration:verify': async ({ account }) => core.verify(account),
    'registration:forget': async ({ account }) => {
      await core.forget(account);
      return {};
    },
    'flow:cancel': async ({ flowId }) => {
      runner.cancel(flowId);
      return {};
    },
    'flow:now': async ({ flowId }) => {
      runner.now(flowId);
      return {};
    },
    'flow:keep-waiting': async ({ flowId }) => {
      runner.keepWaiting(flowId);
      return {};
    },
  };
}
