// Runs the app's flows in the background and forwards their events: one core FlowControl per running
// flow (cancel, give-up, "now", "removed in Wawi"). What a cancel means while an accepted key waits for
// the keychain is the core's rule (FlowControl); the app warns before it sends that cancel. The app never
// gives up storing an accepted key by itself.
import { randomUUID } from 'node:crypto';
import type { FlowEvent } from '../../shared/registration';
import { FlowControl, type FlowOptions } from '../core/index';

export type StartFlow = (opts: FlowOptions & { confirmation: Promise<void> }) => Promise<unknown>;

export class FlowRunner {
  private readonly listeners = new Set<(e: FlowEvent) => void>();
  private readonly flows = new Map<string, FlowControl>();

  /** Starts a flow; its progress and end arrive as events. Returns its id. */
  start(run: StartFlow): string {
    const id = randomUUID();
    const control = new FlowControl();
    this.flows.set(id, control);
    void run({
      ...control.options((e) => this.emit(e)),
      flowId: id,
      storeTimeoutMs: Number.POSITIVE_INFINITY,
      confirmation: control.confirmation,
    })
      .catch(() => {
        // the flow already reported its end as an event
      })
      .finally(() => this.flows.delete(id));
    return id;
  }

  cancel(id: string) {
    this.flows.get(id)?.cancel();
  }

  /** "Retry now" while the key waits for the keychain; "I have accepted" while Wawi decides. */
  now(id: string) {
    this.flows.get(id)?.now();
  }

  /** The merchant keeps waiting: a full timeout from now (the request stays valid in Wawi). */
  keepWaiting(id: string) {
    this.flows.get(id)?.keepWaiting();
  }

  confirmRemoved(id: string) {
    this.flows.get(id)?.confirmRemoved();
  }

  /** Ends every flow's wait as the app closes (a key waiting for the keychain is held: holdsUnstoredKey). */
  cancelAll() {
    for (const f of this.flows.values()) f.endWait();
  }

  busy(): boolean {
    return this.flows.size > 0;
  }

  holdsUnstoredKey(): boolean {
    return [...this.flows.values()].some((f) => f.holdsUnstoredKey());
  }

  subscribe(listener: (e: FlowEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: FlowEvent) {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a broken listener must not stop the flow
      }
    }
  }
}
