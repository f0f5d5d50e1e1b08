// Init script for the browser tests: builds window.wawi from the same createBridge() the preload
// uses, over Playwright bindings instead of ipcRenderer.
import { createBridge } from '../../shared/ipc/bridge';
import type { FlowEvent } from '../../shared/registration';

type TestWindow = Window & {
  __wawiInvoke(channel: string, payload: unknown): Promise<unknown>;
  __wawiEmit(event: FlowEvent): void;
};
const w = window as unknown as TestWindow;
const listeners = new Set<(e: FlowEvent) => void>();
w.__wawiEmit = (e) => {
  for (const l of listeners) l(e);
};
Object.defineProperty(window, 'wawi', {
  value: createBridge({
    invoke: (channel, payload) => w.__wawiInvoke(channel, payload),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  }),
  writable: false,
  configurable: false,
});
