// The wizard's machine in Node: the transition table, what each act leads to, and that a screen
// ignores what it does not take (a late answer, another flow's event, a double click).
import { describe, expect, it } from 'vitest';
import { type Action, reduce, type ScreenName, TRANSITIONS } from '../../renderer/src/wizard/machine';
import type { Screen } from '../../renderer/src/wizard/screens';
import type { DiscoveredServer, FlowEvent, RegistrationRecord } from '../../shared/registration';

const server: DiscoveredServer = {
  baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
  host: '127.0.0.1',
  port: 5883,
  database: 'eazybusiness',
  apiStyle: 'v1',
};
const untrusted: DiscoveredServer = {
  ...server,
  baseUrl: 'https://127.0.0.1:5883/api/eazybusiness',
  certificate: { fingerprint: 'AA', trusted: false, subject: 'CN=x', validTo: '' } as never,
};
const record = {
  account: 'a/v1@127.0.0.1:5883/eazybusiness',
  server,
  displayName: 'A',
} as unknown as RegistrationRecord;
const event = (over: Partial<FlowEvent>): FlowEvent =>
  ({
    flowId: 'f1',
    kind: 'register',
    state: 'waiting',
    appId: 'a/v1',
    displayName: 'A',
    server,
    elapsedMs: 0,
    ...over,
  }) as FlowEvent;
const error = { code: 'rejected' as const, message: '' };

/** One action of each type, to try on every screen. */
const ACTIONS: Action[] = [
  { type: 'launched', screen: { name: 'connect' } },
  { type: 'server-chosen', server },
  { type: 'trusted', server },
  { type: 'back' },
  { type: 'sent', flowId: 'f1' },
  { type: 'flow-started', flowId: 'f2', server },
  { type: 'removal-started', flowId: 'f3' },
  { type: 'flow-event', event: event({ state: 'accepted', record }) },
  { type: 'failed', error, kind: 'register' },
  { type: 'retry', canRegister: true },
  { type: 'start-over' },
  { type: 'manage' },
  { type: 'register' },
  { type: 'rotate', record },
  { type: 'revoke', record },
];
const SCREENS: Record<ScreenName, Screen> = {
  loading: { name: 'loading' },
  connect: { name: 'connect' },
  trust: { name: 'trust', server: untrusted as never },
  insecure: { name: 'insecure', server },
  review: { name: 'review', server },
  waiting: { name: 'waiting', server, flowId: 'f1', from: 'review' },
  done: { name: 'done', record, kind: 'register' },
  failure: { name: 'failure', error, kind: 'register', server },
  manage: { name: 'manage' },
  removal: { name: 'removal', kind: 'rotate', record },
  revoked: { name: 'revoked', record },
};

describe('the wizard machine', () => {
  it('each screen ignores every action its row does not list, and takes every one it lists', () => {
    // A screen in each of its states: the removal screen before and after its flow started.
    const variants = [
      ...(Object.values(SCREENS) as Screen[]),
      { name: 'removal', kind: 'rotate', record, flowId: 'f1' } as Screen,
    ];
    for (const [name, row] of Object.entries(TRANSITIONS) as [ScreenName, readonly Action['type'][]][]) {
      const states = variants.filter((v) => v.name === name);
      for (const action of ACTIONS) {
        const taken = states.filter((screen) => reduce(screen, action) !== screen);
        if (row.includes(action.type))
          expect(taken.length, `${name} × ${action.type} is listed`).toBeGreaterThan(0);
        else expect(taken, `${name} × ${action.type} is not listed`).toEqual([]);
      }
    }
    // Every action is taken by some screen.
    const taken = new Set(Object.values(TRANSITIONS).flat());
    expect(ACTIONS.filter((a) => !taken.has(a.type))).toEqual([]);
  });

  it('the registration: launch, choose, send, accepted, the list', () => {
    let s: Screen = { name: 'loading' };
    const steps: Action[] = [
      { type: 'launched', screen: { name: 'connect' } },
      { type: 'server-chosen', server },
      { type: 'sent', flowId: 'f1' },
      { type: 'flow-event', event: event({ state: 'waiting' }) },
      { type: 'flow-event', event: event({ state: 'accepted', record }) },
      { type: 'manage' },
    ];
    const names = steps.map((a) => {
      s = reduce(s, a);
      return s.name;
    });
    expect(names).toEqual(['connect', 'review', 'waiting', 'waiting', 'done', 'manage']);
  });

  it('an unknown certificate is compared first; back leads to choosing again', () => {
    const trust = reduce({ name: 'connect' }, { type: 'server-chosen', server: untrusted });
    expect(trust.name).toBe('trust');
    expect(reduce(trust, { type: 'back' })).toEqual({ name: 'connect' });
    expect(reduce(trust, { type: 'trusted', server: untrusted })).toEqual({
      name: 'review',
      server: untrusted,
    });
  });

  it("another flow's event changes nothing; the merchant's own cancel goes back to reviewing", () => {
    const waiting = SCREENS.waiting;
    expect(
      reduce(waiting, { type: 'flow-event', event: event({ flowId: 'other', state: 'accepted', record }) }),
    ).toBe(waiting);
    const cancelled = reduce(waiting, {
      type: 'flow-event',
      event: event({ state: 'cancelled', error: { code: 'cancelled', message: '' } }),
    });
    expect(cancelled).toEqual({ name: 'review', server, notice: { code: 'cancelled', message: '' } });
  });

  it('a removal: back before it started, none after; one start only; a failure keeps the record', () => {
    const removal = SCREENS.removal;
    expect(reduce(removal, { type: 'back' })).toEqual({ name: 'manage' });
    const started = reduce(removal, { type: 'removal-started', flowId: 'f3' });
    expect(started).toMatchObject({ name: 'removal', flowId: 'f3' });
    expect(reduce(started, { type: 'removal-started', flowId: 'f4' })).toBe(started);
    expect(reduce(started, { type: 'back' })).toBe(started);
    expect(reduce(started, { type: 'failed', error, kind: 'rotate' })).toMatchObject({
      name: 'failure',
      record,
    });
  });

  it('from a failure: retry on the same server, a replaced registration waits with the way back', () => {
    const failure = SCREENS.failure;
    expect(reduce(failure, { type: 'retry', canRegister: true })).toEqual({ name: 'review', server });
    expect(reduce(failure, { type: 'retry', canRegister: false })).toBe(failure);
    expect(reduce(failure, { type: 'flow-started', flowId: 'f2', server })).toEqual({
      name: 'waiting',
      server,
      flowId: 'f2',
      from: 'review',
    });
    // From the list (a further instance) a cancel leads back to the list.
    expect(reduce({ name: 'manage' }, { type: 'flow-started', flowId: 'f2', server })).toEqual({
      name: 'waiting',
      server,
      flowId: 'f2',
    });
  });
});
