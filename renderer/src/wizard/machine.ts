// The wizard as one state machine. Its state is the screen, and its context what the screens show:
// the launch data (known after start-up) and each flow's newest event. The merchant's acts, the
// flows' events and the answers of invoked effects (./effects.ts) are its actions; one table says
// which action each screen takes, and an action a screen does not take leaves it as it is (a late
// answer, a double click). Which effect a screen invokes is ./invoke.ts. No React, no DOM:
// unit-tested in Node.
import type { SerializedError } from '../../../shared/errors/schema';
import type { FlowKind } from '../../../shared/flow';
import type {
  DiscoveredServer,
  FlowEvent,
  PendingView,
  RegistrationRecord,
} from '../../../shared/registration';
import {
  afterChoosing,
  afterEvent,
  type Discovery,
  decideStart,
  type Launch,
  resumed,
  retryScreen,
  type Screen,
  type StartRequest,
  type StartScreen,
  shown,
  startScreen,
} from './screens';

export type Action =
  /** Start-up read the launch data and what waits here (the effect `launch`). */
  | { type: 'launch-loaded'; launch: Launch; pending: PendingView[]; registrations: RegistrationRecord[] }
  | { type: 'launch-failed'; error: SerializedError }
  /** The start-up failed: try it again. */
  | { type: 'reload' }
  /** The request the helper was closed during is followed again (or could not be: the usual start). */
  | { type: 'resumed'; flowId: string }
  | { type: 'resume-failed' }
  /** The search for servers ended (the effect `discover`), or is started again. */
  | { type: 'discovered'; discovery: Discovery }
  | { type: 'search-again' }
  /** A server was chosen (found, or typed and checked). */
  | { type: 'server-chosen'; server: DiscoveredServer }
  /** The merchant trusted the certificate, or agreed to plain http. */
  | { type: 'trusted'; server: DiscoveredServer }
  | { type: 'back' }
  /** The merchant sends the request from the review screen. */
  | { type: 'send' }
  /** A registration flow started (the effect `start`). */
  | { type: 'started'; flowId: string }
  /** A further instance of a registration here, or a registration replacing one in Wawi. */
  | { type: 'add-instance'; first: RegistrationRecord }
  | { type: 'replace'; server: DiscoveredServer }
  /** A rotation or revocation started on the removal screen (the effect `removal`). */
  | { type: 'removal-started'; flowId: string }
  | { type: 'flow-event'; event: FlowEvent }
  | { type: 'failed'; error: SerializedError; kind: FlowKind; server?: DiscoveredServer }
  /** 409: this computer's registrations on the failed server (the effect `registrations-here`). */
  | { type: 'registrations-here'; registrations: RegistrationRecord[] }
  | { type: 'retry' }
  | { type: 'start-over' }
  | { type: 'manage' }
  | { type: 'register' }
  | { type: 'rotate'; record: RegistrationRecord }
  | { type: 'revoke'; record: RegistrationRecord };

export type ScreenName = Screen['name'] | StartScreen['name'];
export type ActionType = Action['type'];

/** The wizard: before the launch data is known, and after. Every flow's newest event, by flow id. */
export type Wizard =
  | { launch: null; screen: StartScreen; events: Record<string, FlowEvent> }
  | { launch: Launch; screen: Screen; events: Record<string, FlowEvent> };

export const INITIAL: Wizard = { launch: null, screen: { name: 'loading' }, events: {} };

/** Which actions each screen takes (flow events are kept whatever the screen; see `reduce`). */
export const TRANSITIONS: Record<ScreenName, readonly ActionType[]> = {
  loading: ['launch-loaded', 'launch-failed'],
  'start-failed': ['reload'],
  resuming: ['resumed', 'resume-failed'],
  connect: ['server-chosen', 'discovered', 'search-again'],
  trust: ['trusted', 'back'],
  insecure: ['trusted', 'back'],
  review: ['send', 'started', 'failed', 'back'],
  starting: ['started', 'failed'],
  waiting: ['flow-event'],
  done: ['manage'],
  failure: ['retry', 'start-over', 'manage', 'rotate', 'add-instance', 'replace', 'registrations-here'],
  manage: ['register', 'rotate', 'revoke', 'add-instance'],
  removal: ['removal-started', 'flow-event', 'failed', 'back'],
  revoked: ['manage'],
};

export function canTake(screen: Screen | StartScreen, type: ActionType): boolean {
  return TRANSITIONS[screen.name].includes(type);
}

/** The flow a screen follows, if any. */
export function followed(screen: Screen | StartScreen): string | undefined {
  return screen.name === 'waiting' || screen.name === 'removal' ? screen.flowId : undefined;
}

/** The next state; the same object when nothing changes (the screen does not take the action). */
export function reduce(w: Wizard, action: Action): Wizard {
  // Every flow's newest event is kept (a screen reached later shows it); only the followed flow's
  // event moves the screen, in the same step, so no screen ever shows an event it does not handle.
  const events =
    action.type === 'flow-event' ? { ...w.events, [action.event.flowId]: action.event } : w.events;
  if (!canTake(w.screen, action.type)) return events === w.events ? w : { ...w, events };
  if (w.launch === null) return start(w, action, events);
  const screen = next(w.launch, w.screen as Screen, action);
  return screen === w.screen && events === w.events ? w : { launch: w.launch, screen, events };
}

/** Before the launch data is known: loading, or the start-up failure. */
function start(w: Wizard & { launch: null }, action: Action, events: Record<string, FlowEvent>): Wizard {
  switch (action.type) {
    case 'launch-loaded':
      return {
        launch: action.launch,
        screen: decideStart(action.launch, action.pending, action.registrations),
        events,
      };
    case 'launch-failed':
      return { launch: null, screen: { name: 'start-failed', error: action.error }, events };
    case 'reload':
      return { launch: null, screen: { name: 'loading' }, events };
    default:
      return w;
  }
}

/** Where an action leads from a screen that takes it. */
function next(launch: Launch, screen: Screen, action: Action): Screen {
  const canRegister = !!launch.manifest;
  switch (action.type) {
    case 'resumed':
      return screen.name === 'resuming' ? resumed(screen.pending, action.flowId) : screen;
    case 'resume-failed':
      return screen.name === 'resuming' ? startScreen(launch, screen.registrations) : screen;
    case 'discovered':
      return screen.name === 'connect' && !screen.discovery
        ? { name: 'connect', discovery: action.discovery }
        : screen;
    case 'search-again':
      return screen.name === 'connect' && screen.discovery ? { name: 'connect' } : screen;
    case 'server-chosen':
      return afterChoosing(action.server);
    case 'trusted':
      return { name: 'review', server: action.server };
    case 'back':
      if (screen.name === 'review' && screen.sending) return screen; // already on its way
      if (screen.name === 'removal') return screen.flowId ? screen : { name: 'manage' };
      return { name: 'connect' };
    case 'send':
      return screen.name === 'review' && !screen.sending
        ? { ...screen, sending: { how: 'new', server: screen.server } }
        : screen;
    case 'started':
      return startedFrom(screen, action.flowId);
    case 'add-instance':
      return { name: 'starting', start: { how: 'instance', first: action.first }, from: from(screen) };
    case 'replace':
      return canRegister
        ? { name: 'starting', start: { how: 'replace', server: action.server }, from: 'failure' }
        : screen;
    case 'removal-started':
      return screen.name === 'removal' && !screen.flowId ? { ...screen, flowId: action.flowId } : screen;
    case 'flow-event':
      if (action.event.flowId !== followed(screen)) return screen;
      return afterEvent(screen, action.event) ?? screen;
    case 'failed':
      // Only a start that is on its way can fail (a late answer after Back changes nothing).
      if (screen.name === 'review' && !screen.sending) return screen;
      return {
        name: 'failure',
        error: action.error,
        kind: action.kind,
        ...(action.server ? { server: action.server } : {}),
        ...(screen.name === 'removal' ? { record: screen.record } : {}),
      };
    case 'registrations-here':
      return screen.name === 'failure' ? { ...screen, here: action.registrations } : screen;
    case 'retry':
      return screen.name === 'failure' ? (retryScreen(screen, canRegister) ?? screen) : screen;
    case 'start-over':
    case 'register':
      return { name: 'connect' };
    case 'manage':
      return { name: 'manage' };
    case 'rotate':
      return { name: 'removal', kind: 'rotate', record: action.record };
    case 'revoke':
      return { name: 'removal', kind: 'revoke', record: action.record };
    default:
      return screen;
  }
}

const from = (screen: Screen): 'failure' | 'manage' => (screen.name === 'failure' ? 'failure' : 'manage');

/** The waiting screen of a flow that started; a cancel there goes back to where it was started from. */
function startedFrom(screen: Screen, flowId: string): Screen {
  if (screen.name === 'review' && screen.sending)
    return { name: 'waiting', server: screen.server, flowId, from: 'review' };
  if (screen.name !== 'starting') return screen;
  const server = startServer(screen.start);
  // Replacing a registration after a failed one: a cancel goes back to reviewing; from the list, to the list.
  return {
    name: 'waiting',
    server,
    flowId,
    ...(screen.from === 'failure' ? { from: 'review' as const } : {}),
  };
}

/** The server a start goes to. */
function startServer(start: StartRequest): DiscoveredServer {
  return start.how === 'instance' ? shown(start.first.server) : start.server;
}
