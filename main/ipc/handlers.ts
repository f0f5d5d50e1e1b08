// The IPC handler table: the handlers of each area over one validating dispatcher and one flow
// runner. No Electron import: the app's ipcMain and the browser tests use this very table.

import { appHandlers } from './areas/app';
import { CopiedKey, keyHandlers } from './areas/key';
import { manageHandlers } from './areas/manage';
import { registrationHandlers } from './areas/registrations';
import { ProbedServers, serverHandlers } from './areas/servers';
import { createDispatcher } from './dispatcher';
import { FlowRunner } from './flow-runner';
import type { HandlerDeps, IpcHandlers } from './types';

export type { Clipboard, HandlerDeps, IpcHandlers, LaunchState } from './types';

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const runner = new FlowRunner();
  const probed = new ProbedServers();
  const copied = new CopiedKey(deps);
  const handle = createDispatcher(
    {
      ...appHandlers(deps),
      ...serverHandlers(deps, probed),
      ...registrationHandlers(deps, runner, probed),
      ...manageHandlers(deps, runner),
      ...keyHandlers(copied),
    },
    (channel, err) => deps.core.log.warn('ipc call failed', { channel, error: err.toJSON() }),
  );
  return {
    handle,
    subscribe: (listener) => runner.subscribe(listener),
    cancelAll: () => runner.cancelAll(),
    busy: () => runner.busy(),
    holdsUnstoredKey: () => runner.holdsUnstoredKey(),
    clearClipboard: () => copied.clear(),
  };
}
