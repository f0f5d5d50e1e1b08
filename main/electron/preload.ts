// The preload: exposes exactly one typed API object (window.wawi) through contextBridge.
// No raw ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import { FLOW_EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { FlowEvent } from '../../shared/registration';

contextBridge.exposeInMainWorld(
  'wawi',
  createBridge({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    subscribe: (listener) => {
      const handler = (_event: unknown, flowEvent: FlowEvent) => listener(flowEvent);
      ipcRenderer.on(FLOW_EVENT_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(FLOW_EVENT_CHANNEL, handler);
      };
    },
  }),
);
