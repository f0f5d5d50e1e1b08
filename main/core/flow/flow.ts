// One running flow: its state, the allowed transitions, and the events it emits on each of them.
import { randomUUID } from 'node:crypto';
import {
  FINAL_STATES,
  type FlowEvent,
  type FlowKind,
  type FlowState,
  type ServerRef,
} from '../../../shared/registration';
import { HelperError } from '../errors';
import type { Clock, Trigger } from './timing';

const TRANSITIONS: Record<FlowState, readonly FlowState[]> = {
  checking: ['awaiting-removal', 'sending', 'removed', 'failed', 'cancelled'],
  'awaiting-removal': ['awaiting-removal', 'sending', 'removed', 'failed', 'cancelled', 'timed-out'],
  sending: ['sending', 'waiting', 'failed', 'cancelled', 'timed-out'],
  // verifying straight from waiting: a 410 for a key that is already stored here (resumed after a crash).
  waiting: ['waiting', 'storing', 'verifying', 'rejected', 'failed', 'cancelled', 'timed-out'],
  storing: ['storing', 'verifying', 'failed'],
  verifying: ['accepted', 'failed'],
  accepted: [],
  removed: [],
  rejected: [],
  failed: [],
  cancelled: [],
  'timed-out': [],
};

export interface FlowOptions {
  signal?: AbortSignal;
  onEvent?: (e: FlowEvent) => void;
  timeoutMs?: number;
  flowId?: string;
  /**
   * How long storing an accepted key is retried after it first fails (keychain locked). Default: the
   * timeout; the app passes Infinity (the merchant retries or gives up explicitly).
   */
  storeTimeoutMs?: number;
  /** Fired when the user asks to retry storing now. */
  retryNow?: Trigger;
  /**
   * The user gives up storing an accepted key (after being warned that it is then lost). Separate from
   * `signal`, so that a cancel racing with the acceptance never drops the key.
   */
  giveUp?: AbortSignal;
}

export class Flow {
  state: FlowState;
  readonly id: string;
  private readonly started: number;

  constructor(
    readonly kind: FlowKind,
    private readonly app: { appId: string; displayName: string },
    private server: ServerRef,
    private readonly clock: Clock,
    private readonly opts: FlowOptions,
    initial: FlowState,
    startedAt?: number,
    private readonly extra: Partial<FlowEvent> = {},
  ) {
    this.id = opts.flowId ?? randomUUID();
    this.state = initial;
    this.started = startedAt ?? clock.now();
    this.emit({});
  }

  elapsed(): number {
    return this.clock.now() - this.started;
  }

  setServer(server: ServerRef) {
    this.server = server;
  }

  to(state: FlowState, extra: Partial<FlowEvent> = {}) {
    if (!TRANSITIONS[this.state].includes(state)) {
      throw new HelperError('internal', {
        params: { reason: `flow cannot go from ${this.state} to ${state}` },
      });
    }
    this.state = state;
    this.emit(extra);
  }

  private emit(extra: Partial<FlowEvent>) {
    this.opts.onEvent?.({
      flowId: this.id,
      kind: this.kind,
      state: this.state,
      appId: this.app.appId,
      displayName: this.app.displayName,
      server: this.server,
      elapsedMs: this.elapsed(),
      ...this.extra,
      ...extra,
    });
  }

  /** Ends the flow for an error: cancelled, timed-out, rejected or failed, with the error in the event. */
  end(err: HelperError): HelperError {
    if (FINAL_STATES.includes(this.state)) return err;
    const state: FlowState =
      err.code === 'cancelled'
        ? 'cancelled'
        : err.code === 'timed-out'
          ? 'timed-out'
          : err.code === 'rejected'
            ? 'rejected'
            : 'failed';
    this.state = TRANSITIONS[this.state].includes(state) ? state : 'failed';
    this.emit({ error: err.toJSON() });
    return err;
  }
}
