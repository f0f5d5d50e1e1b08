// The wizard's machine in Node: every action in every state (taken exactly where the table says, and
// otherwise nothing changes), the start-up, flow events kept and followed in one step, and the
// effects each state invokes.
import { describe, expect, it } from 'vitest';
import {
  type Action,
  INITIAL,
  reduce,
  type ScreenName,
  TRANSITIONS,
  type Wizard,
} from '../../renderer/src/wizard/machine';
import type { Launch, Screen, StartScreen } from '../../renderer/src/wizard/screens';
import { error, event, launch, record, server, untrusted } from './wizard-fixtures';

const ready = (screen: Screen, events: Wizard['events'] = {}): Wizard => ({ launch, screen, events });
const starting = (screen: StartScreen): Wizard => ({ launch: null, screen, events: {} });

/** One action of each type, to try in every state. */
const ACTIONS: Action[] = [
  { type: 'launch-loaded', launch, pending: [], registrations: [] },
  { type: 'launch-failed', error },
  { type: 'reload' },
  { type: 'resumed', flowId: 'f9' },
  { type: 'resume-failed' },
  { type: 'discovered', discovery: { servers: [server] } },
  { type: 'search-again' },
  { type: 'server-chosen', server },
  { type: 'trusted', server },
  { type: 'back' },
  { type: 'send' },
  { type: 'started', flowId: 'f1' },
  { type: 'add-instance', first: record },
  { type: 'replace', server },
  { type: 'removal-started', flowId: 'f3' },
  { type: 'flow-event', event: event({ state: 'accepted', record }) },
  { type: 'failed', error, kind: 'register' },
  { type: 'registrations-here', registrations: [] },
  { type: 'retry' },
  { type: 'start-over' },
  { type: 'manage' },
  { type: 'register' },
  { type: 'rotate', record },
  { type: 'revoke', record },
];

const pending = {
  account: record.account,
  appId: record.appId,
  displayName: 'A',
  appVersion: '1.0.0',
  kind: 'register' as const,
  providerName: 'P',
  startedAt: '2026-12-03T10:00:00Z',
  server,
  requestConfirmed: true,
};

/** Every state, in each of its variants (before and after a flow started, sending or not). */
const STATES: Wizard[] = [
  starting({ name: 'loading' }),
  starting({ name: 'start-failed', error }),
  ready({ name: 'resuming', pending, registrations: [] }),
  ready({ name: 'connect' }),
  ready({ name: 'connect', discovery: { servers: [] } }),
  ready({ name: 'trust', server: untrusted as never }),
  ready({ name: 'insecure', server }),
  ready({ name: 'review', server }),
  ready({ name: 'review', server, sending: { how: 'new', server } }),
  ready({ name: 'starting', start: { how: 'replace', server }, from: 'failure' }),
  ready({ name: 'waiting', server, flowId: 'f1', from: 'review' }),
  ready({ name: 'done', record, kind: 'register' }),
  ready({ name: 'failure', error, kind: 'register', server }),
  ready({ name: 'manage' }),
  ready({ name: 'removal', kind: 'rotate', record }),
  ready({ name: 'removal', kind: 'rotate', record, flowId: 'f1' }),
  ready({ name: 'revoked', record }),
];

describe('the wizard machine', () => {
  it('each state takes exactly the actions its row lists; any other leaves the screen as it is', () => {
    for (const [name, row] of Object.entries(TRANSITIONS) as [ScreenName, readonly Action['type'][]][]) {
      const states = STATES.filter((w) => w.screen.name === name);
      expect(states.length, name).toBeGreaterThan(0);
      for (const action of ACTIONS) {
        const moved = states.filter((w) => reduce(w, action).screen !== w.screen);
        if (row.includes(action.type))
          expect(moved.length, `${name} × ${action.type} is listed`).toBeGreaterThan(0);
        else expect(moved, `${name} × ${action.type} is not listed`).toEqual([]);
      }
    }
    // Every action is taken somewhere.
    const taken = new Set(Object.values(TRANSITIONS).flat());
    expect(ACTIONS.filter((a) => !taken.has(a.type))).toEqual([]);
  });

  it('start-up: the launch data goes into the context; a waiting request is resumed first; a failure has a screen', () => {
    const loaded = reduce(INITIAL, { type: 'launch-loaded', launch, pending: [], registrations: [] });
    expect(loaded).toMatchObject({ launch, screen: { name: 'connect' } });
    const resuming = reduce(INITIAL, {
      type: 'launch-loaded',
      launch,
      pending: [pending],
      registrations: [],
    });
    expect(resuming.screen).toMatchObject({ name: 'resuming', pending });
    expect(reduce(resuming, { type: 'resumed', flowId: 'f9' }).screen).toMatchObject({
      name: 'waiting',
      flowId: 'f9',
    });
    expect(reduce(resuming, { type: 'resume-failed' }).screen).toEqual({ name: 'connect' });
    // An unconfirmed request is not resumed (it is met when registering).
    const unconfirmed = { ...pending, requestConfirmed: false };
    expect(
      reduce(INITIAL, { type: 'launch-loaded', launch, pending: [unconfirmed], registrations: [] }).screen,
    ).toEqual({ name: 'connect' });
    const failed = reduce(INITIAL, { type: 'launch-failed', error });
    expect(failed).toMatchObject({ launch: null, screen: { name: 'start-failed', error } });
    expect(reduce(failed, { type: 'reload' }).screen).toEqual({ name: 'loading' });
  });

  it('the registration: choose, send, started, accepted, the list', () => {
    let w = reduce(INITIAL, { type: 'launch-loaded', launch, pending: [], registrations: [] });
    const steps: Action[] = [
      { type: 'server-chosen', server },
      { type: 'send' },
      { type: 'started', flowId: 'f1' },
      { type: 'flow-event', event: event({ state: 'waiting' }) },
      { type: 'flow-event', event: event({ state: 'accepted', record }) },
      { type: 'manage' },
    ];
    const names = steps.map((a) => {
      w = reduce(w, a);
      return w.screen.name;
    });
    expect(names).toEqual(['review', 'review', 'waiting', 'waiting', 'done', 'manage']);
  });

  it('a flow event is kept in the context; only the followed flow moves the screen, in the same step', () => {
    const waiting = ready({ name: 'waiting', server, flowId: 'f1', from: 'review' });
    const other = reduce(waiting, {
      type: 'flow-event',
      event: event({ flowId: 'f2', state: 'accepted', record }),
    });
    expect(other.screen).toBe(waiting.screen);
    expect(other.events.f2?.state).toBe('accepted');
    // The accepted event never sits on the waiting screen (it would read "waiting for your decision").
    const accepted = reduce(waiting, { type: 'flow-event', event: event({ state: 'accepted', record }) });
    expect(accepted.screen).toEqual({ name: 'done', record, kind: 'register' });
    expect(accepted.events.f1?.state).toBe('accepted');
    // The merchant's own cancel goes back to reviewing, with a neutral word.
    const cancelled = reduce(waiting, {
      type: 'flow-event',
      event: event({ state: 'cancelled', error: { code: 'cancelled', message: '' } }),
    });
    expect(cancelled.screen).toEqual({ name: 'review', server, notice: { code: 'cancelled', message: '' } });
  });

  it('sending: one start only, Back does nothing while it is on its way, a late failure after Back changes nothing', () => {
    const review = ready({ name: 'review', server });
    const sending = reduce(review, { type: 'send' });
    expect(sending.screen).toEqual({ name: 'review', server, sending: { how: 'new', server } });
    expect(reduce(sending, { type: 'send' })).toBe(sending);
    expect(reduce(sending, { type: 'back' })).toBe(sending);
    expect(reduce(review, { type: 'failed', error, kind: 'register', server })).toBe(review);
    expect(reduce(sending, { type: 'failed', error, kind: 'register', server }).screen.name).toBe('failure');
  });

  it('a removal: back before it started, none after; one start only; a failure keeps the record', () => {
    const removal = ready({ name: 'removal', kind: 'rotate', record });
    expect(reduce(removal, { type: 'back' }).screen).toEqual({ name: 'manage' });
    const started = reduce(removal, { type: 'removal-started', flowId: 'f3' });
    expect(started.screen).toMatchObject({ name: 'removal', flowId: 'f3' });
    expect(reduce(started, { type: 'removal-started', flowId: 'f4' })).toBe(started);
    expect(reduce(started, { type: 'back' })).toBe(started);
    expect(reduce(started, { type: 'failed', error, kind: 'rotate' }).screen).toMatchObject({
      name: 'failure',
      record,
    });
  });

  it('an unknown certificate is compared first; back leads to choosing again', () => {
    const trust = reduce(ready({ name: 'connect' }), { type: 'server-chosen', server: untrusted });
    expect(trust.screen.name).toBe('trust');
    expect(reduce(trust, { type: 'back' }).screen).toEqual({ name: 'connect' });
    expect(reduce(trust, { type: 'trusted', server: untrusted }).screen).toEqual({
      name: 'review',
      server: untrusted,
    });
  });

  it('without a manifest nothing is registered: no replace, and a retry of a registration leads nowhere', () => {
    const noManifest: Launch = { ...launch, manifest: null };
    const failure: Wizard = {
      launch: noManifest,
      screen: { name: 'failure', error, kind: 'register', server },
      events: {},
    };
    expect(reduce(failure, { type: 'replace', server }).screen).toBe(failure.screen);
    expect(reduce(failure, { type: 'retry' }).screen).toBe(failure.screen);
  });
});
