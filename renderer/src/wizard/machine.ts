// The wizard as a state machine: the screen is the state, the merchant's acts and the flows' events are
// the actions, and one table says which action each screen takes. An action a screen does not take
// leaves it as it is (a late answer, a double click). No React, no DOM: unit-tested in Node.
import type { SerializedError } from '../../../shared/errors/schema';
import type { FlowKind } from '../../../shared/flow';
import type { DiscoveredServer, FlowEvent, RegistrationRecord } from '../../../shared/registration';
import { afterChoosing, afterEvent, retryScreen, type Screen } from './screens';

export type Action =
  /** Start-up decided the first screen (./screens.ts decideStart). */
  | { type: 'launched'; screen: Screen }
  /** A server was chosen (found, or typed and checked). */
  | { type: 'server-chosen'; server: DiscoveredServer }
  /** The merchant trusted the certificate, or agreed to plain http. */
  | { type: 'trusted'; server: DiscoveredServer }
  | { type: 'back' }
  /** The request was started from the review screen. */
  | { type: 'sent'; flowId: string }
  /** A registration flow started elsewhere (a further instance, a replaced registration). */
  | { type: 'flow-started'; flowId: string; server: DiscoveredServer }
  /** A rotation or revocation started on the removal screen. */
  | { type: 'removal-started'; flowId: string }
  | { type: 'flow-event'; event: FlowEvent }
  | { type: 'failed'; error: SerializedError; kind: FlowKind; server?: DiscoveredServer }
  | { type: 'retry'; canRegister: boolean }
  | { type: 'start-over' }
  | { type: 'manage' }
  | { type: 'register' }
  | { type: 'rotate'; record: RegistrationRecord }
  | { type: 'revoke'; record: RegistrationRecord };

export type ScreenName = Screen['name'];
export type ActionType = Action['type'];

/** Which actions each screen takes. */
export const TRANSITIONS: Record<ScreenName, readonly ActionType[]> = {
  loading: ['launched'],
  connect: ['server-chosen'],
  trust: ['trusted', 'back'],
  insecure: ['trusted', 'back'],
  review: ['sent', 'failed', 'back'],
  waiting: ['flow-event'],
  done: ['manage'],
  failure: ['retry', 'start-over', 'manage', 'rotate', 'flow-started', 'failed'],
  manage: ['register', 'rotate', 'revoke', 'flow-started', 'failed'],
  removal: ['removal-started', 'flow-event', 'failed', 'back'],
  revoked: ['manage'],
};

export function canTake(screen: Screen, type: ActionType): boolean {
  return TRANSITIONS[screen.name].includes(type);
}

/** The next screen; the same object when the screen does not take the action (or nothing changes). */
export function reduce(screen: Screen, action: Action): Screen {
  if (!canTake(screen, action.type)) return screen;
  switch (action.type) {
    case 'launched':
      return action.screen;
    case 'server-chosen':
      return afterChoosing(action.server);
    case 'trusted':
      return { name: 'review', server: action.server };
    case 'back':
      if (screen.name === 'removal') return screen.flowId ? screen : { name: 'manage' };
      return { name: 'connect' };
    case 'sent':
      return screen.name === 'review'
        ? { name: 'waiting', server: screen.server, flowId: action.flowId, from: 'review' }
        : screen;
    case 'flow-started':
      return {
        name: 'waiting',
        server: action.server,
        flowId: action.flowId,
        // Started from a failed registration, a cancel goes back to reviewing; from the list, to the list.
        ...(screen.name === 'failure' && screen.kind === 'register' ? { from: 'review' as const } : {}),
      };
    case 'removal-started':
      return screen.name === 'removal' && !screen.flowId ? { ...screen, flowId: action.flowId } : screen;
    case 'flow-event': {
      // Only the events of the flow this screen shows.
      const flowId = screen.name === 'waiting' || screen.name === 'removal' ? screen.flowId : undefined;
      if (action.event.flowId !== flowId) return screen;
      return afterEvent(screen, action.event) ?? screen;
    }
    case 'failed':
      return {
        name: 'failure',
        error: action.error,
        kind: action.kind,
        ...(action.server ? { server: action.server } : {}),
        ...(screen.name === 'removal' ? { record: screen.record } : {}),
      };
    case 'retry':
      return screen.name === 'failure' ? (retryScreen(screen, action.canRegister) ?? screen) : screen;
    case 'start-over':
    case 'register':
      return { name: 'connect' };
    case 'manage':
      return { name: 'manage' };
    case 'rotate':
      return { name: 'removal', kind: 'rotate', record: action.record };
    case 'revoke':
      return { name: 'removal', kind: 'revoke', record: action.record };
  }
}
