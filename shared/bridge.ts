// The API object the renderer gets (window.wawi): built by the preload over ipcRenderer, and by the
// browser-test harness over Playwright bindings, from this one function, so both are the same.
import type { SerializedError } from './errors';
import { CHANNEL_NAMES, type Channel, type Envelope, type Request, type Response } from './ipc';
import type { FlowEvent } from './registration';

export interface BridgeTransport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  /** Subscribes to flow events; returns the unsubscribe function. */
  subscribe(listener: (event: FlowEvent) => void): () => void;
}

/** Thrown in the renderer for a failed call: carries the typed error, never a secret. */
export class BridgeError extends Error {
  constructor(readonly error: SerializedError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

export interface WawiBridge {
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
  onFlowEvent(listener: (event: FlowEvent) => void): () => void;
  channels: readonly Channel[];
}

export function createBridge(transport: BridgeTransport): WawiBridge {
  const allowed = new Set<string>(CHANNEL_NAMES);
  return Object.freeze({
    channels: Object.freeze([...CHANNEL_NAMES]),
    async call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
      if (!allowed.has(channel))
        throw new BridgeError({ code: 'invalid-input', message: `Unknown channel ${String(channel)}` });
      const envelope = (await transport.invoke(channel, request)) as Envelope<Response<C>>;
      if (!envelope || typeof envelope !== 'object')
        throw new BridgeError({ code: 'internal', message: 'No answer from the main process.' });
      if (envelope.ok) return envelope.data;
      throw new BridgeError(envelope.error);
    },
    onFlowEvent(listener: (event: FlowEvent) => void) {
      return transport.subscribe(listener);
    },
  });
}
