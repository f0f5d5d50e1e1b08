// Flows as the contract knows them: the kinds, the states, one transition table per kind, and how to
// read an event (its phase). The core enforces the tables; the CLI and the app read phases from here.
// Plain data (no zod), so the preload and the renderer can use it too.
import type { ErrorCode } from './errors/meta';

export const FLOW_KINDS = ['register', 'rotate', 'revoke'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * Register: sending → waiting → storing → verifying → accepted.
 * Rotate first checks the old key and waits until the app is removed in Wawi, then registers again
 * in the same flow. Revoke waits for the removal and ends with the key deleted ("removed").
 */
export const ACTIVE_STATES = [
  'checking',
  'awaiting-removal',
  'sending',
  'waiting',
  'storing',
  'verifying',
] as const;
export const FINAL_STATES = ['accepted', 'removed', 'rejected', 'failed', 'cancelled', 'timed-out'] as const;
export const FLOW_STATES = [...ACTIVE_STATES, ...FINAL_STATES] as const;
export type ActiveState = (typeof ACTIVE_STATES)[number];
export type FinalState = (typeof FINAL_STATES)[number];
export type FlowState = ActiveState | FinalState;

type Table = Partial<Record<ActiveState, readonly FlowState[]>>;

// How each active state may end, whatever the kind. Once a key was handed out (storing, verifying)
// nothing but a failure to store it ends the flow: cancelling no longer drops it.
const ENDINGS: Record<ActiveState, readonly FinalState[]> = {
  checking: ['failed', 'cancelled'],
  'awaiting-removal': ['failed', 'cancelled', 'timed-out'],
  sending: ['failed', 'cancelled', 'timed-out'],
  waiting: ['rejected', 'failed', 'cancelled', 'timed-out'],
  storing: ['failed'],
  verifying: ['failed'],
};

const REGISTER: Table = {
  sending: ['sending', 'waiting'],
  // verifying straight from waiting: a 410 for a key that is already stored here (resumed after a crash);
  // sending again: the Wawi dialog was closed and dropped the request (the app sends a new one).
  waiting: ['waiting', 'sending', 'storing', 'verifying'],
  storing: ['storing', 'verifying'],
  verifying: ['accepted'],
};

/** The transitions each kind of flow may make (besides its endings). */
export const TRANSITIONS: Record<FlowKind, Table> = {
  register: REGISTER,
  rotate: {
    checking: ['awaiting-removal', 'sending'],
    'awaiting-removal': ['awaiting-removal', 'sending'],
    ...REGISTER,
  },
  revoke: {
    checking: ['awaiting-removal', 'removed'],
    'awaiting-removal': ['awaiting-removal', 'removed'],
  },
};

/** The state a flow of this kind starts in. */
export const INITIAL_STATE: Record<FlowKind, ActiveState> = {
  register: 'sending',
  rotate: 'checking',
  revoke: 'checking',
};

export function isFinal(state: FlowState): state is FinalState {
  return (FINAL_STATES as readonly string[]).includes(state);
}

export function canTransition(kind: FlowKind, from: FlowState, to: FlowState): boolean {
  if (isFinal(from)) return false;
  return (
    (TRANSITIONS[kind][from]?.includes(to) ?? false) || (ENDINGS[from] as readonly string[]).includes(to)
  );
}

/** The final state a flow ends in for an error. */
export function endStateFor(code: ErrorCode): FinalState {
  if (code === 'cancelled' || code === 'timed-out' || code === 'rejected') return code;
  return 'failed';
}

/** What an event needs for its phase to be read. */
export interface PhaseInput {
  state: FlowState;
  transient?: { code: ErrorCode };
  oldKeyDead?: boolean;
}

/**
 * What a flow is doing, as a person would say it. One reading of state, transient problem and old-key
 * flag for the CLI and the app alike.
 */
export type FlowPhase =
  | 'checking'
  | 'waiting-for-dialog'
  | 'waiting-for-unregister'
  | 'sending'
  | 'waiting'
  | 'retrying'
  | 'awaiting-removal'
  | 'old-key-dead'
  | 'storing'
  | 'key-waiting'
  | 'verifying'
  | 'succeeded'
  | 'ended';

export function flowPhase(e: PhaseInput): FlowPhase {
  switch (e.state) {
    case 'sending':
      // Replacing a registration: Wawi still has the app (409) until the merchant removes it there.
      if (e.transient?.code === 'already-registered') return 'waiting-for-unregister';
      // The dialog was closed and dropped the request: a new one goes out as soon as it waits again.
      if (e.transient?.code === 'request-not-found') return 'waiting-for-dialog';
      return e.transient?.code === 'no-registration-window' ? 'waiting-for-dialog' : 'sending';
    case 'waiting':
      return e.transient ? 'retrying' : 'waiting';
    case 'awaiting-removal':
      return e.oldKeyDead ? 'old-key-dead' : e.transient ? 'retrying' : 'awaiting-removal';
    case 'storing':
      return e.transient ? 'key-waiting' : 'storing';
    case 'accepted':
    case 'removed':
      return 'succeeded';
    case 'checking':
    case 'verifying':
      return e.state;
    default:
      return 'ended';
  }
}

/**
 * True while an accepted key waits for the keychain (it refused the key; the helper retries): stopping
 * now loses the key, so the CLI and the app warn first, and only then give it up.
 */
export function keyWaiting(e: PhaseInput | undefined): boolean {
  return e !== undefined && flowPhase(e) === 'key-waiting';
}

/** The outcome of a flow that ended in this state, as the process exit code names it. */
export function outcomeOf(e: { state: FlowState; error?: { code: ErrorCode } }): ErrorCode | 'ok' {
  return e.state === 'accepted' || e.state === 'removed' ? 'ok' : (e.error?.code ?? 'internal');
}
