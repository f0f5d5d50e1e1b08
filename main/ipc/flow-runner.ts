// Runs the app's flows in the background and forwards their events: one entry per running flow with
// its cancel, give-up, retry and "removed in Wawi" controls. The app never gives up storing an
// accepted key by itself: the merchant retries or, warned, gives up.
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../shared/errors/meta';
import { isFinal, keyWaiting, outcomeOf } from '../../shared/flow';
import type { FlowEvent } from '../../shared/registration';
import { type FlowOptions, Trigger } from '../core/index';

interface RunningFlow {
  abort: AbortController;
  giveUp: AbortController;
  retry: Trigger;
  /** The flow's latest event. */
  last?: FlowEvent;
  /** Says "removed in Wawi" (rotate and revoke). */
  confirm: () => void;
}

export type StartFlow = (opts: FlowOptions & { confirmation: Promise<void> }) => Promise<unknown>;

export class FlowRunner {
  private readonly listeners = new Set<(e: FlowEvent) => void>();
  private readonly flows = new Map<string, RunningFlow>();

  constructor(private readonly onOutcome?: (outcome: ErrorCode | 'ok') => void) {}

  /** Starts a flow; its progress and end arrive as events. Returns its id. */
  start(run: StartFlow): string {
    const id = randomUUID();
    let confirm!: () => void;
    const confirmation = new Promise<void>((resolve) => {
      confirm = resolve;
    });
    this.flows.set(id, {
      abort: new AbortController(),
      giveUp: new AbortController(),
      retry: new Trigger(),
      confirm,
    });
    const running = this.flows.get(id)!;
    void run({
      flowId: id,
      signal: running.abort.signal,
      giveUp: running.giveUp.signal,
      retryNow: running.retry,
      storeTimeoutMs: Number.POSITIVE_INFINITY,
      onEvent: (e) => this.emit(e),
      confirmation,
    })
      .catch(() => {
        // the flow already reported its end as an event
      })
      .finally(() => this.flows.delete(id));
    return id;
  }

  /** Cancels a flow; while an accepted key waits for the keychain that means giving it up (the app warned). */
  cancel(id: string) {
    const running = this.flows.get(id);
    if (keyWaiting(running?.last)) running?.giveUp.abort();
    running?.abort.abort();
  }

  retry(id: string) {
    this.flows.get(id)?.retry.fire();
  }

  confirmRemoved(id: string) {
    this.flows.get(id)?.confirm();
  }

  cancelAll() {
    for (const f of this.flows.values()) f.abort.abort();
  }

  busy(): boolean {
    return this.flows.size > 0;
  }

  holdsUnstoredKey(): boolean {
    return [...this.flows.values()].some((f) => f.last?.state === 'storing');
  }

  subscribe(listener: (e: FlowEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: FlowEvent) {
    const running = this.flows.get(e.flowId);
    if (running) running.last = e;
    if (isFinal(e.state)) this.onOutcome?.(outcomeOf(e));
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a broken listener must not stop the flow
      }
    }
  }
}
