// One running flow: its state, the transitions its kind allows (shared/flow.ts), its one deadline, and
// the events it emits on each transition.
import { randomUUID } from 'node:crypto';
import {
  type ActiveState,
  canTransition,
  endStateFor,
  type FlowKind,
  type FlowState,
  INITIAL_STATE,
  isFinal,
} from '../../../shared/flow';
import type { FlowEvent, ServerRef } from '../../../shared/registration';
import { HelperError } from '../errors';
import { type Clock, DEFAULT_TIMEOUT_MS, type Extension, step, type Trigger, timedOut } from './timing';

export interface FlowOptions {
  signal?: AbortSignal;
  onEvent?: (e: FlowEvent) => void;
  /** How long the whole flow may wait (for the dialog, acceptance, a removal). Default 15 minutes. */
  timeoutMs?: number;
  flowId?: string;
  /**
   * How long storing an accepted key is retried after it first fails (keychain locked). Default: the
   * timeout; the app passes Infinity (the merchant retries or gives up explicitly).
   */
  storeTimeoutMs?: number;
  /** "Keep waiting": each `extend()` gives the flow a full timeout from then (never a shorter one). */
  extension?: Extension;
  /**
   * Fired when the user asks for the current wait to end now: one status request while Wawi decides
   * ("I have accepted"), one more storing attempt while an accepted key waits for the keychain.
   */
  now?: Trigger;
  /**
   * The user gives up storing an accepted key (after being warned that it is then lost). Separate from
   * `signal`, so that a cancel racing with the acceptance never drops the key.
   */
  giveUp?: AbortSignal;
}

export interface FlowStart {
  kind: FlowKind;
  /** Default: where the kind begins; a resumed registration starts at sending. */
  initial?: ActiveState;
  app: { appId: string; displayName: string };
  server: ServerRef;
  /** When the flow began, for the elapsed time shown (a resumed one: when its request was first sent). */
  startedAt?: number;
  /** Fields every event of this flow carries (e.g. `resumedFrom`). */
  extra?: Partial<FlowEvent>;
}

export class Flow {
  readonly kind: FlowKind;
  state: FlowState;
  readonly id: string;
  readonly timeoutMs: number;
  /** The one deadline of the flow: a resumed flow gets a full timeout from now; "keep waiting" moves it. */
  private until: number;
  private readonly started: number;
  private readonly app: FlowStart['app'];
  private server: ServerRef;
  private extra: Partial<FlowEvent>;

  constructor(
    start: FlowStart,
    private readonly clock: Clock,
    private readonly opts: FlowOptions,
  ) {
    this.kind = start.kind;
    this.app = start.app;
    this.server = start.server;
    this.extra = start.extra ?? {};
    this.id = opts.flowId ?? randomUUID();
    this.state = start.initial ?? INITIAL_STATE[start.kind];
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.until = clock.now() + this.timeoutMs;
    this.started = start.startedAt ?? clock.now();
    opts.extension?.subscribe(() => this.keepWaiting());
    this.emit({});
  }

  get deadline(): number {
    return this.until;
  }

  /** The user keeps waiting: a full timeout from now, told in an event. Never shortens the wait. */
  private keepWaiting() {
    if (isFinal(this.state)) return;
    this.until = Math.max(this.until, this.clock.now() + this.timeoutMs);
    this.emit({});
  }

  elapsed(): number {
    return this.clock.now() - this.started;
  }

  /** Milliseconds left before the deadline (0 or less: time is up). */
  remaining(): number {
    return this.deadline - this.clock.now();
  }

  /**
   * Runs one step (an HTTP exchange, signing) within the flow's deadline: a server that drips its
   * answer cannot stretch the timeout. The user's cancel ends it as `cancelled`, the deadline as
   * `timed-out`.
   */
  async within<T>(
    signal: AbortSignal | undefined,
    fn: (bounded: AbortSignal) => Promise<T>,
    variant?: Parameters<typeof timedOut>[1],
  ): Promise<T> {
    const bounded = AbortSignal.any([
      ...(signal ? [signal] : []),
      this.clock.timeout(Math.max(1, this.remaining())),
    ]);
    try {
      return await step(bounded, () => fn(bounded));
    } catch (err) {
      if (err instanceof HelperError && err.code === 'cancelled' && !signal?.aborted)
        throw timedOut(this.timeoutMs, variant);
      throw err;
    }
  }

  setServer(server: ServerRef) {
    this.server = server;
  }

  /** Fields every later event carries (e.g. when the request was sent). */
  carry(fields: Partial<FlowEvent>) {
    this.extra = { ...this.extra, ...fields };
  }

  /** What later events carry so far. */
  get carried(): Readonly<Partial<FlowEvent>> {
    return this.extra;
  }

  to(state: FlowState, extra: Partial<FlowEvent> = {}) {
    if (!canTransition(this.kind, this.state, state)) {
      throw new HelperError('internal', {
        params: { reason: `a ${this.kind} flow cannot go from ${this.state} to ${state}` },
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
      remainingMs: Math.max(0, this.remaining()),
      ...this.extra,
      ...extra,
    });
  }

  /** Ends the flow for an error: cancelled, timed-out, rejected or failed, with the error in the event. */
  end(err: HelperError): HelperError {
    if (isFinal(this.state)) return err;
    const state = endStateFor(err.code);
    this.state = canTransition(this.kind, this.state, state) ? state : 'failed';
    this.emit({ error: err.toJSON() });
    return err;
  }
}
