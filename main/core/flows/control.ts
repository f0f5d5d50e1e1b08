// The controls of running flows, and the one rule of what stopping means. Before Wawi accepts, a cancel
// ends the wait and the request stays pending (in Wawi and here, for resume). Once an accepted key waits
// for the keychain, stopping loses that key: a cancel then gives it up, and the caller warns first
// (`cancelLosesKey`). The app's FlowRunner holds one per flow, the CLI one per command (a resume runs
// several flows); neither decides this itself.
import { keyWaiting } from '../../../shared/flow';
import type { FlowEvent } from '../../../shared/registration';
import type { FlowOptions } from './flow';
import { Extension, Trigger } from './timing';

export class FlowControl {
  private readonly aborter = new AbortController();
  private readonly giver = new AbortController();
  private readonly nowTrigger = new Trigger();
  private readonly extension = new Extension();
  private readonly latest = new Map<string, FlowEvent>();
  private confirm!: () => void;
  /** Resolves when the user says the app was removed in Wawi (rotate and revoke). */
  readonly confirmation = new Promise<void>((resolve) => {
    this.confirm = resolve;
  });

  /** Aborted by a cancel: ends the waits (and the steps that are not flows: discovery, checks). */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** What a flow runs with: these controls; its events pass through here first. */
  options(onEvent?: (e: FlowEvent) => void): FlowOptions & { onEvent(e: FlowEvent): void } {
    return {
      signal: this.aborter.signal,
      giveUp: this.giver.signal,
      now: this.nowTrigger,
      extension: this.extension,
      onEvent: (e) => {
        this.latest.set(e.flowId, e);
        onEvent?.(e);
      },
    };
  }

  /** True while a cancel would lose an accepted key that the keychain has not taken yet. */
  cancelLosesKey(): boolean {
    return [...this.latest.values()].some((e) => keyWaiting(e));
  }

  /** Ends the flows' waits; an accepted key still waiting for the keychain is given up (warn first). */
  cancel(): void {
    if (this.cancelLosesKey()) this.giver.abort();
    this.aborter.abort();
  }

  /** Ends the current wait now: one status request while Wawi decides ("I have accepted"), one more
   * storing attempt while the key waits for the keychain ("Retry now"). It claims nothing itself. */
  now(): void {
    this.nowTrigger.fire();
  }

  /** Keeps waiting: the flows' deadlines move to a full timeout from now (the request stays valid in Wawi). */
  keepWaiting(): void {
    this.extension.extend();
  }

  confirmRemoved(): void {
    this.confirm();
  }

  /** An accepted key is being stored or waits for the keychain (quitting now would lose it). */
  holdsUnstoredKey(): boolean {
    return [...this.latest.values()].some((e) => e.state === 'storing');
  }

  /** Ends the waits but never gives up a key (the app closing; a key being stored is held elsewhere). */
  endWait(): void {
    this.aborter.abort();
  }
}
