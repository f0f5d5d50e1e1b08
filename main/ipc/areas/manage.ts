// Rotating and revoking from the app: the merchant removes the app in Wawi and may say so.
import { HelperError } from '../../core/index';
import type { HandlerTable } from '../dispatcher';
import type { FlowRunner } from '../flow-runner';
import type { HandlerDeps } from '../types';

export function manageHandlers(
  deps: HandlerDeps,
  runner: FlowRunner,
): Pick<
  HandlerTable,
  'registration:add-instance' | 'rotate:start' | 'rotate:confirm-removed' | 'revoke:start'
> {
  const { core, launch } = deps;
  return {
    'registration:add-instance': async ({ account }) => {
      const record = await core.record(account);
      // Only for the app that started this helper: its vendor's onboarding asked for the instance.
      if (!launch.manifest || launch.manifest.AppId !== record.appId)
        throw new HelperError('invalid-input', {
          params: { reason: 'Only the app that started this helper can get another instance.' },
        });
      const manifest = launch.manifest;
      return {
        flowId: runner.start((opts) =>
          core.registerInstance(account, { ...opts, manifest, waitForWindow: true }),
        ),
      };
    },
    'rotate:start': async ({ account }) => {
      const record = await core.record(account);
      // The launching app's manifest is the newer one; otherwise the one kept from the registration.
      const manifest = launch.manifest?.AppId === record.appId ? launch.manifest : undefined;
      return { flowId: runner.start((opts) => core.rotate(account, { ...opts, manifest })) };
    },
    'rotate:confirm-removed': async ({ flowId }) => {
      runner.confirmRemoved(flowId);
      return {};
    },
    'revoke:start': async ({ account }) => {
      await core.record(account);
      return { flowId: runner.start((opts) => core.revoke(account, opts)) };
    },
  };
}
