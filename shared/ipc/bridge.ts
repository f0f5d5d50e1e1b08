// The API object the renderer gets (window.wawi): built by the preload over ipcRenderer, and by the
// browser-test harness over Playwright bindings, from this one function, so both are the same.
//
// It returns plain envelopes and never throws custom errors: an exception that crosses Electron's
// contextBridge loses its class and fields, so the renderer turns envelopes into errors in its own
// world (see `apiClient`).
//
// It imports no schema library: the preload stays small. Flow events are checked for their shape
// before they reach the page (a malformed one is dropped).
import type { ErrorCode } from '../errors/meta';
import type { SerializedError } from '../errors/schema';
import type { FlowEvent } from '../registration';
import { CHANNEL_NAMES, type Channel, isFlowEvent } from './channels';
import type { Envelope, Request, Response } from './schemas';

export interface BridgeTransport {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  /** Subscribes to flow events; returns the unsubscribe function. */
  subscribe(listener: (event: FlowEvent) => void): () => void;
}

export interface WawiBridge {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Envelope<Response<C>>>;
  onFlowEvent(listener: (event: FlowEvent) => void): () => void;
  channels: readonly Channel[];
}

const failure = (code: ErrorCode, message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
});

export function createBridge(transport: BridgeTransport): WawiBridge {
  const allowed = new Set<string>(CHANNEL_NAMES);
  return Object.freeze({
    channels: Object.freeze([...CHANNEL_NAMES]),
    async invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Envelope<Response<C>>> {
      if (!allowed.has(channel)) return failure('invalid-input', `Unknown channel ${String(channel)}`);
      try {
        const envelope = (await transport.invoke(channel, request)) as Envelope<Response<C>> | undefined;
        if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
          return failure('internal', 'No answer from the main process.');
        }
        return envelope;
      } catch (err) {
        return failure('internal', err instanceof Error ? err.message : String(err));
      }
    },
    onFlowEvent(listener: (event: FlowEvent) => void) {
      return transport.subscribe((event) => {
        if (isFlowEvent(event)) listener(event);
      });
    },
  });
}

/** A failed call, in the renderer's own world: carries the typed error, never a secret. */
export class BridgeError extends Error {
  constructor(readonly error: SerializedError) {
    super(error.message);
    this.name = 'BridgeError';
  }
}

export interface ApiClient {
  call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>>;
  onFlowEvent(listener: (event: FlowEvent) => void): () => void;
}

/** What the renderer uses: calls that resolve with the answer or throw a BridgeError. */
export function apiClient(bridge: WawiBridge): ApiClient {
  return {
    async call(channel, request) {
      const envelope = await bridge.invoke(channel, request);
      if (envelope.ok) return envelope.data;
      throw new BridgeError(envelope.error);
    },
    onFlowEvent: (listener) => bridge.onFlowEvent(listener),
  };
}
